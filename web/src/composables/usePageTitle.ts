import { onBeforeUnmount, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { pageTitle } from '../lib/pageTitle';

/**
 * Refines the route's `meta.title` with loaded data ("United States numbers"). The router sets the
 * route title after every navigation, query changes included, so it is applied again after each
 * navigation that stays on this page.
 */
export function usePageTitle(title: () => string | null) {
  const router = useRouter();
  const page = useRoute().name;
  const apply = () => {
    const value = title();
    if (value) document.title = pageTitle(value);
  };
  watch(title, apply, { immediate: true });
  const stop = router.afterEach((to) => {
    if (to.name === page) apply();
  });
  onBeforeUnmount(stop);
}
