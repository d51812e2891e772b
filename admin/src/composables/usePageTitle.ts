import { onScopeDispose, shallowRef, watchEffect } from 'vue';

/** What the console header names the page, when the page names itself (an order's reference, say). */
export const pageTitle = shallowRef<string | null>(null);

/**
 * Names the page after what it shows, in the header and the tab ("NN-000042 · Orders · NumNinja
 * Admin"), once it knows; until then the route's title stands (the router sets it on each navigation).
 */
export function usePageTitle(title: () => string | null, { section }: { section?: string } = {}) {
  watchEffect(() => {
    const text = title();
    pageTitle.value = text;
    if (text) document.title = [text, section, 'NumNinja Admin'].filter(Boolean).join(' · ');
  });
  onScopeDispose(() => {
    pageTitle.value = null;
  });
}
