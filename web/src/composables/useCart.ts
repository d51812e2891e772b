import type { ApolloCache } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, inject, provide, type InjectionKey } from 'vue';
import { CartDocument, MeDocument, type CartFieldsFragment } from '../gql/graphql';
import { isLive, liveItemCount } from '../lib/holds';
import { useNow } from './useNow';

/**
 * Puts a cart returned by a mutation where the `cart` query reads it. `Cart` has no id, so Apollo
 * cannot match it by itself; every cart mutation selects `CartFields`, the query's shape.
 */
export function writeCart(cache: ApolloCache<unknown>, cart: CartFieldsFragment) {
  cache.writeQuery({ query: CartDocument, data: { __typename: 'Query', cart } });
}

/** Marks a number as gone in every list and page that shows it (after NUMBER_UNAVAILABLE). */
export function markNumberTaken(cache: ApolloCache<unknown>, availableNumberId: string) {
  const id = cache.identify({ __typename: 'AvailableNumber', id: availableNumberId });
  if (id) cache.modify({ id, fields: { available: () => false } });
}

/**
 * The signed-in customer's cart as the header and the add buttons see it (from the cache; the
 * cart page asks the API itself). Signed out there is no cart: the API would refuse the query.
 * Made once by the layout (`provideCart`) so a long result list shares one query and one clock.
 */
function createCart() {
  const me = useQuery(MeDocument, null, { fetchPolicy: 'cache-first' });
  const signedIn = computed(() => !!me.result.value?.me);
  const query = useQuery(CartDocument, null, () => ({ enabled: signedIn.value, fetchPolicy: 'cache-first' }));
  const now = useNow();

  const cart = computed(() => (signedIn.value ? (query.result.value?.cart ?? null) : null));
  const items = computed(() => cart.value?.items ?? []);
  /** Cart items that still hold their number, by available number id. */
  const heldItems = computed(() => new Map(items.value.filter((item) => isLive(item, now.value)).map((item) => [item.availableNumber.id, item])));

  return {
    signedIn,
    cart,
    /** Numbers the cart still holds (the header badge). */
    liveCount: computed(() => liveItemCount(items.value, now.value)),
    /** The live cart item holding this number, if any. */
    heldItem: (availableNumberId: string) => heldItems.value.get(availableNumberId) ?? null,
  };
}

export type CartState = ReturnType<typeof createCart>;

const CART: InjectionKey<CartState> = Symbol('cart');

/** Creates the cart state for everything below the calling component (the site layout). */
export function provideCart(): CartState {
  const state = createCart();
  provide(CART, state);
  return state;
}

/** The cart state the layout provides. */
export function useCart(): CartState {
  const state = inject(CART, null);
  if (!state) throw new Error('useCart() needs provideCart() in a parent component (SiteLayout).');
  return state;
}
