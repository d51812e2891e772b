import type { Failure } from '@shared/failure';
import { useLiveSocket, type LiveSocket } from '@shared/liveSocket';
import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { MyNumbersDocument, MyNumberStatusChangedDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { anyNumberInProgress, isUnknownNumber } from '../lib/numbers';

export const NUMBERS_PAGE_SIZE = 20;
/** While the live socket is down and a number is being set up, the list is asked for this often. */
export const NUMBERS_POLL_MS = 5000;

/**
 * The signed-in customer's numbers, newest first, kept current live: `myNumberStatusChanged`
 * results land in the cache (numbers are normalised by id), so a row's badge changes as the number
 * goes live. A change for a number not on the list (just bought) refetches the list.
 */
export function useMyNumbers(options: { socket?: Pick<LiveSocket, 'state' | 'onConnected'> } = {}) {
  const socket = options.socket ?? useLiveSocket();
  const query = useQuery(MyNumbersDocument, { first: NUMBERS_PAGE_SIZE }, { fetchPolicy: 'cache-and-network' });
  const connection = computed(() => query.result.value?.myNumbers ?? null);
  const numbers = computed(() => connection.value?.edges.map((edge) => edge.node) ?? []);
  const failure = computed<Failure | null>(() => (query.error.value && !connection.value ? describeFailure(query.error.value) : null));

  const live = useSubscription(MyNumberStatusChangedDocument);
  live.onResult((result) => {
    const changed = result.data?.myNumberStatusChanged;
    if (changed && isUnknownNumber(numbers.value, changed.id)) query.refetch()?.catch(() => undefined);
  });

  const offConnected = socket.onConnected(() => {
    if (connection.value) query.refetch()?.catch(() => undefined);
  });
  watch(
    [() => socket.state.value !== 'connected' && anyNumberInProgress(numbers.value), () => query.query.value],
    ([poll, observable]) => {
      if (poll) observable?.startPolling(NUMBERS_POLL_MS);
      else observable?.stopPolling();
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    offConnected();
    query.query.value?.stopPolling();
  });

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
    numbers,
    totalCount: computed(() => connection.value?.totalCount ?? null),
    hasNextPage: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading: computed(() => query.loading.value && !connection.value),
    failure,
    /** Changes arrive as they happen. */
    live: computed(() => socket.state.value === 'connected' && !live.error.value),
    retry: () => query.refetch()?.catch(() => undefined),
    loadMore,
    loadingMore,
    loadMoreFailure,
  };
}
