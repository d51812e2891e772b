import { watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ADD_PARAM, takeAdd } from '../lib/pendingAdd';
import { useAddToCart } from './useAddToCart';

/**
 * Finishes an "Add to cart" that had to sign in first: back on the page with `?add=<number id>`
 * and signed in, the parameter leaves the URL (so a reload does not add again) and the number is
 * added, with the usual toast.
 */
export function usePendingAdd(signedIn: Ref<boolean>) {
  const route = useRoute();
  const router = useRouter();
  const { add } = useAddToCart();

  watch(
    () => [signedIn.value, route.query[ADD_PARAM]] as const,
    async ([ready]) => {
      if (!ready) return;
      const { numberId, rest } = takeAdd(route.query);
      if (!numberId) return;
      await router.replace({ path: route.path, query: rest, hash: route.hash }).catch(() => undefined);
      await add(numberId);
    },
    { immediate: true },
  );
}
