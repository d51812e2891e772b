import type { Failure } from '@shared/failure';
import { useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { MyOrdersDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';

/** Orders per page. The account page shows the first few of the same page, so both share one cache entry. */
export const ORDERS_PAGE_SIZE = 10;

/** The signed-in customer's orders, newest first; "Load more" appends the next page (see lib/cachePolicies). */
export function useMyOrders() {
  const query = useQuery(MyOrdersDocument, { first: ORDERS_PAGE_SIZE }, { fetchPolicy: 'cache-and-network' });
  const connection = computed(() => query.result.value?.myOrders ?? null);
  const orders = computed(() => connection.value?.edges.map((edge) => edge.node) ?? []);
  const failure = computed<Failure | null>(() => (query.error.value && !connection.value ? describeFailure(query.error.value) : null));

  const loadingMore = ref(false);
  const loadMoreFailure = ref<Failure | null>(null);

  async function loadMore() {
    const after = connection.value?.pageInfo.endCursor;
    if (!after || loadingMore.value) return;
    loadingMore.value = true;
    loadMoreFailure.value = null;
    try {
      await query.fetchMore({ variables: { after } });
    } catch (error) {
      loadMoreFailure.value = describeFailure(error);
    } finally {
      loadingMore.value = false;
    }
  }

  return {
    orders,
    totalCount: computed(() => connection.value?.totalCount ?? null),
    hasNextPage: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    /** Nothing loaded yet (a refresh of a shown list is not "loading"). */
    loading: computed(() => query.loading.value && !connection.value),
    failure,
    retry: () => query.refetch()?.catch(() => undefined),
    loadMore,
    loadingMore,
    loadMoreFailure,
  };
}
