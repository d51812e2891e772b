import { useQuery } from '@vue/apollo-composable';
import { computed, ref, watch, type Ref } from 'vue';
import { SearchNumbersDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { splitSearchErrors } from '../lib/searchErrors';
import { toNumberFilter, type SearchParams } from '../lib/searchParams';
import type { Failure } from '@shared/failure';

export const PAGE_SIZE = 20;

/**
 * Numbers in stock for one country and search, page by page. "Load more" appends the next page
 * through `fetchMore`; the cache keeps one list per filter and sort (see lib/cachePolicies), so
 * Back to a search shows what was loaded at once.
 */
export function useNumberSearch(iso: Ref<string>, params: Ref<SearchParams>, enabled: Ref<boolean>) {
  const variables = computed(() => ({ filter: toNumberFilter(iso.value, params.value), sort: params.value.sort, first: PAGE_SIZE }));
  const query = useQuery(SearchNumbersDocument, variables, () => ({ enabled: enabled.value, fetchPolicy: 'cache-first' }));

  const connection = computed(() => (query.error.value ? null : (query.result.value?.availableNumbers ?? null)));
  const numbers = computed(() => connection.value?.edges.map((edge) => edge.node) ?? []);
  const errors = computed(() => splitSearchErrors(query.error.value));
  const failure = computed<Failure | null>(() => (errors.value.other ? describeFailure(query.error.value) : null));

  const loadingMore = ref(false);
  const loadMoreFailure = ref<Failure | null>(null);
  // A new search forgets the previous one's "Load more" trouble.
  watch(variables, () => {
    loadMoreFailure.value = null;
  });

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

  function retry() {
    query.refetch()?.catch(() => undefined);
  }

  return {
    numbers,
    totalCount: computed(() => connection.value?.totalCount ?? null),
    hasNextPage: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    /** A first page is on its way (not "Load more"). */
    loading: computed(() => query.loading.value && !loadingMore.value),
    /** API validation messages for the filter inputs. */
    fieldErrors: computed(() => errors.value.fields),
    /** Anything else that went wrong; shown with a retry. */
    failure,
    retry,
    loadMore,
    loadingMore,
    loadMoreFailure,
  };
}
