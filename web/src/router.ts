import { safeRedirect } from '@shared/safeRedirect';
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { apolloClient } from './apollo';
import { readSession } from './composables/useSession';
import { pageTitle } from './lib/pageTitle';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Signed-out visitors are sent to sign-in and brought back afterwards. */
    requiresAuth?: boolean;
    /** Sign-in/up pages: a signed-in visitor goes straight on. */
    guestOnly?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: 'Virtual phone numbers in seconds' } },
    { path: '/numbers', name: 'numbers', component: () => import('./pages/NumbersPage.vue'), meta: { title: 'Browse numbers' } },
    // Catalog pages are public: anonymous visitors browse everything; only the cart will need an account.
    { path: '/numbers/:iso', name: 'number-search', component: () => import('./pages/NumberSearchPage.vue'), meta: { title: 'Search numbers' } },
    { path: '/numbers/:iso/:id', name: 'number-detail', component: () => import('./pages/NumberDetailPage.vue'), meta: { title: 'Number details' } },
    { path: '/sign-up', name: 'sign-up', component: () => import('./pages/SignUpPage.vue'), meta: { title: 'Create your account', guestOnly: true } },
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { title: 'Sign in', guestOnly: true } },
    { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue'), meta: { title: 'Your account', requiresAuth: true } },
    { path: '/cart', name: 'cart', component: () => import('./pages/CartPage.vue'), meta: { title: 'Your cart', requiresAuth: true } },
    // Where Stripe Checkout (or the offline checkout page) sends the customer after paying.
    {
      path: '/checkout/success',
      name: 'checkout-success',
      component: () => import('./pages/CheckoutSuccessPage.vue'),
      meta: { title: 'Payment received', requiresAuth: true },
    },
    { path: '/orders', name: 'orders', component: () => import('./pages/OrdersPage.vue'), meta: { title: 'Your orders', requiresAuth: true } },
    // "/numbers" is the catalog; the customer's own numbers live here.
    { path: '/my-numbers', name: 'my-numbers', component: () => import('./pages/MyNumbersPage.vue'), meta: { title: 'My numbers', requiresAuth: true } },
    { path: '/my-numbers/:id', name: 'my-number', component: () => import('./pages/NumberPage.vue'), meta: { title: 'Number settings', requiresAuth: true } },
    { path: '/orders/:id', name: 'order', component: () => import('./pages/OrderPage.vue'), meta: { title: 'Order', requiresAuth: true } },
    { path: '/calls', name: 'calls', component: () => import('./pages/CallsPage.vue'), meta: { title: 'Calls', requiresAuth: true } },
    { path: '/messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { title: 'Messages', requiresAuth: true } },
    { path: '/analytics', name: 'analytics', component: () => import('./pages/AnalyticsPage.vue'), meta: { title: 'Analytics', requiresAuth: true } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Page not found' } },
  ],
  // A new search on the same page (filters live in the query) keeps the scroll position.
  scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
});

router.beforeEach(async (to: RouteLocationNormalized) => {
  if (!to.meta.requiresAuth && !to.meta.guestOnly) return true;
  const { user, failed } = await readSession(apolloClient);
  // When the API cannot be asked, let the page load: it shows the error and a retry button,
  // which is more honest than bouncing a signed-in customer to the sign-in form.
  if (failed) return true;
  if (to.meta.requiresAuth && !user) return { name: 'sign-in', query: { redirect: to.fullPath } };
  if (to.meta.guestOnly && user) return safeRedirect(to.query.redirect, '/account');
  return true;
});

router.afterEach((to) => {
  document.title = pageTitle(to.meta.title);
});
