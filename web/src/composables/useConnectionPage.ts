import type { Failure } from '@shared/failure';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, ref, type Ref } from 'vue';
import { describeFailure } from '../lib/failure';

interface Conn<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: Array<{ node: N }>;
}

/** What a page of rows shows besides the rows: loading, errors, and loading more (PagedList, HistoryTable). */
export interface PagingState {
  hasNextPage: Readonly<Ref<boolean>>;
  loading: Readonly<Ref<boolean>>;
  failure: Readonly<Ref<Failure | null>>;
  loadingMore: Readonly<Ref<boolean>>;
  loadMoreFailure: Readonly<Ref<Failure | null>>;
  retry: () => unknown;
  loadMore: () => unknown;
}

/**
 * A cursor-paginated list: the first page by variables, "Load more" appends (the cache policy in
 * lib/cachePolicies merges pages). Every "my …" list and history table is one of these.
 */
export function useConnectionPage<R, V extends { first?: number | null; after?: string | null }, N>(
  document: TypedDocumentNode<R, V>,
  variables: Ref<V>,
  pick: (r: R) => Conn<N>,
) {
  const query = useQuery(document, variables, { fetchPolicy: 'cache-and-network' });
  const connection = computed(() => (query.result.value ? pick(query.result.value as R) : null));
  const loadingMore = ref(false);
  const loadMoreFailure = ref<Failure | null>(null);
  async function loadMore() {
    const after = connection.value?.pageInfo.endCursor;
    if (!after || loadingMore.value) return;
    loadingMore.value = true;
    loadMoreFailure.value = null;
    try {
      await query.fetchMore({ variables: { ...variables.value, after } as V });
    } catch (error) {
      loadMoreFailure.value = describeFailure(error);
    } finally {
      loadingMore.value = false;
    }
  }
  return {
    /** The underlying query, for lists that also refetch or poll (live lists). */
    query,
    rows: computed(() => connection.value?.edges.map((e) => e.node) ?? []),
    totalCount: computed(() => connection.value?.totalCount ?? null),
    hasNextPage: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading: computed(() => query.loading.value && !connection.value),
    failure: computed<Failure | null>(() => (query.error.value && !connection.value ? describeFailure(query.error.value) : null)),
    retry: () => query.refetch()?.catch(() => undefined),
    loadMore,
    loadingMore,
    loadMoreFailure,
  };
}
