import { safeRedirect } from '@shared/safeRedirect';
import type { Component } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { apolloClient } from './apollo';
import { readStaffSession } from './composables/useStaffSession';
import { SECTIONS } from './lib/sections';
import { isStaff } from './lib/staff';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Only SUPPORT and ADMIN accounts; others are sent to sign-in. */
    staff?: boolean;
    /** The sign-in page: signed-in staff go straight on. */
    guestOnly?: boolean;
    /** Placeholder text for sections that are not built yet. */
    summary?: string;
    /** The section a page belongs to, for the sidebar: an order's page sits under Orders. */
    section?: string;
  }
}

/** The built pages, by section (or section page) name; sections without one get the "coming soon" page. */
const PAGES: Partial<Record<string, () => Promise<Component>>> = {
  dashboard: () => import('./pages/DashboardPage.vue'),
  orders: () => import('./pages/OrdersPage.vue'),
  order: () => import('./pages/OrderPage.vue'),
  catalog: () => import('./pages/CatalogPage.vue'),
  pricing: () => import('./pages/PricingPage.vue'),
  'sync-runs': () => import('./pages/SyncRunsPage.vue'),
  'audit-log': () => import('./pages/AuditLogPage.vue'),
  emails: () => import('./pages/EmailsPage.vue'),
  provisioning: () => import('./pages/ProvisioningPage.vue'),
  usage: () => import('./pages/UsagePage.vue'),
  number: () => import('./pages/NumberConfigPage.vue'),
};

const comingSoon = () => import('./pages/ComingSoonPage.vue');

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { title: 'Sign in', guestOnly: true } },
    {
      path: '/',
      component: () => import('./layouts/ConsoleLayout.vue'),
      meta: { staff: true },
      children: SECTIONS.flatMap((section) => [
        {
          path: section.path,
          name: section.name,
          component: PAGES[section.name] ?? comingSoon,
          meta: { title: section.label, summary: section.summary, section: section.name },
        },
        ...(section.pages ?? []).map((page) => ({
          path: page.path,
          name: page.name,
          component: PAGES[page.name] ?? comingSoon,
          meta: { title: page.title, summary: section.summary, section: section.name },
        })),
      ]),
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Page not found' } },
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.staff && !to.meta.guestOnly) return true;
  const { user, failed } = await readStaffSession(apolloClient);
  // When the API cannot be asked, the layout shows the error with a retry; the API still refuses
  // every staff field to a non-staff session, so nothing leaks by letting the shell render.
  if (failed) return true;
  const staff = isStaff(user?.role);
  if (to.meta.staff && !staff) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (to.meta.guestOnly && staff) return safeRedirect(to.query.redirect, '/');
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · NumNinja Admin` : 'NumNinja Admin';
});
