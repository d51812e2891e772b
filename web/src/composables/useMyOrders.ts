import { ref } from 'vue';
import { MyOrdersDocument } from '../gql/graphql';
import { useConnectionPage } from './useConnectionPage';

/** Orders per page. The account page shows the first few of the same page, so both share one cache entry. */
export const ORDERS_PAGE_SIZE = 10;

/** The signed-in customer's orders, newest first; "Load more" appends the next page (see lib/cachePolicies). */
export function useMyOrders() {
  const { rows, ...page } = useConnectionPage(MyOrdersDocument, ref({ first: ORDERS_PAGE_SIZE }), (r) => r.myOrders);
  return { orders: rows, ...page };
}
