import type { OperationVariables } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useQuery } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { computed, ref, shallowRef, watch } from 'vue';
import { appendPage, type PageLike } from '../lib/connections';
import { describeFailure } from '../lib/failure';

type NodeOf<P> = P extends { edges: ReadonlyArray<{ node: infer N }> } ? N : never;

/**
 * A newest-first list from a connection field (`orders`, `auditLog`, `emailOutbox`), filtered by
 * `variables` and grown by "Load more". While a changed filter loads, the previous rows stay on
 * screen (`refreshing`) rather than flashing back to a skeleton.
 */
export function usePagedQuery<K extends string, TResult extends Record<K, PageLike>, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: () => TVariables,
  field: K,
  { what, pageSize = 25 }: { what: string; pageSize?: number },
) {
  const message = useMessage();
  const query = useQuery(document, () => ({ ...variables(), first: pageSize }), { fetchPolicy: 'cache-and-network' });

  const current = computed<TResult[K] | null>(() => (query.result.value?.[field] as TResult[K] | undefined) ?? null);
  const previous = shallowRef<TResult[K] | null>(null);
  watch(current, (page) => {
    if (page) previous.value = page;
  });
  /** The page to show: the current one, or the last one while a new filter loads. */
  const connection = computed(() => current.value ?? (query.loading.value ? previous.value : null));
  const refreshing = computed(() => query.loading.value && current.value === null && previous.value !== null);
  const nodes = computed(() => (connection.value ? (connection.value as PageLike).edges.map((edge) => edge.node) : null) as NodeOf<TResult[K]>[] | null);
  const failure = computed(() => (query.error.value && !connection.value ? describeFailure(query.error.value) : null));

  const loadingMore = ref(false);
  async function loadMore() {
    const after = current.value?.pageInfo.endCursor;
    if (!after || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await query.fetchMore({
        variables: { after } as unknown as Partial<TVariables>,
        updateQuery: (listed, { fetchMoreResult }) => {
          const before = listed as unknown as TResult;
          const page = fetchMoreResult as unknown as TResult | undefined;
          return (page ? { ...before, [field]: appendPage<PageLike>(before[field], page[field]) } : before) as never;
        },
      });
    } catch (cause) {
      message.error(`Couldn’t load more ${what}. ${describeFailure(cause).message}`);
    } finally {
      loadingMore.value = false;
    }
  }

  function refetch() {
    // A failed refetch shows through `failure`; the rejected promise has nothing to add.
    query.refetch()?.catch(() => undefined);
  }

  return { query, connection, nodes, refreshing, failure, loading: query.loading, loadMore, loadingMore, refetch };
}
