/**
 * The console's sections, in sidebar order. The router and the menu both read this list so a
 * section cannot appear in one and be missing from the other; the router gives each its page, or
 * the "coming soon" page while it has none.
 */
export interface Section {
  name: string;
  path: string;
  label: string;
  /** What the section does; shown on its placeholder page while it is not built yet. */
  summary: string;
  icon: string;
  /** Further pages of the section, e.g. one order under Orders; the sidebar shows the section as current on them. */
  pages?: SubPage[];
}

/** A page inside a section, with its own route; `path` is relative to the console root. */
export interface SubPage {
  name: string;
  path: string;
  /** Its title until the page names itself (an order's reference, say). */
  title: string;
}

export const DASHBOARD: Section = {
  name: 'dashboard',
  path: '',
  label: 'Dashboard',
  summary: 'Today at a glance.',
  icon: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z',
};

export const SECTIONS: Section[] = [
  DASHBOARD,
  { name: 'orders', path: 'orders', label: 'Orders', summary: 'Find any order, follow its payment and fulfilment, refund it.', icon: 'M6 2h12v20l-3-2-3 2-3-2-3 2V2zm3 6h6m-6 4h6m-6 4h4', pages: [{ name: 'order', path: 'orders/:id', title: 'Order' }] },
  { name: 'provisioning', path: 'provisioning', label: 'Provisioning', summary: 'Paid numbers still being set up at DIDWW or failed: retry, refund or resolve them.', icon: 'M12 2v4m0 12v4M4.9 4.9l2.8 2.8m8.6 8.6 2.8 2.8M2 12h4m12 0h4M4.9 19.1l2.8-2.8m8.6-8.6 2.8-2.8' },
  { name: 'numbers', path: 'numbers', label: 'Numbers', summary: 'Every purchased number, its provisioning state and configuration.', pages: [{ name: 'number', path: 'numbers/:id', title: 'Number' }], icon: 'M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z' },
  { name: 'usage', path: 'usage', label: 'Calls & SMS', summary: 'Any customer\'s call records and text messages, read-only.', icon: 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z' },
  { name: 'customers', path: 'customers', label: 'Customers', summary: 'Look up customers, their numbers, orders and sessions.', icon: 'M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm14 10v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8' },
  { name: 'catalog', path: 'catalog', label: 'Catalog', summary: 'Countries we sell numbers in, their stock, and whether the storefront shows them.', icon: 'M4 19.5A2.5 2.5 0 0 1 6.5 17H20V2H6.5A2.5 2.5 0 0 0 4 4.5v15zm0 0A2.5 2.5 0 0 0 6.5 22H20v-5' },
  { name: 'pricing', path: 'pricing', label: 'Pricing', summary: 'Markup rules per country and DID group, previewed before they change prices.', icon: 'M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8zM7 7h.01' },
  { name: 'sync-runs', path: 'sync-runs', label: 'Sync runs', summary: 'Inventory syncs with the number provider: when they ran and what changed.', icon: 'M21 12a9 9 0 0 1-15.5 6.2L3 16m0 5v-5h5M3 12a9 9 0 0 1 15.5-6.2L21 8m0-5v5h-5' },
  { name: 'audit-log', path: 'audit-log', label: 'Audit log', summary: 'Who changed what, and when, across the console.', icon: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm0 0v6h6M8 13h8M8 17h8M8 9h2' },
  { name: 'emails', path: 'emails', label: 'Emails', summary: 'Every email we send customers, as sent, and resending the ones that failed.', icon: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm18 2-10 7L2 6' },
];
