import { useLiveSocket, type LiveSocket } from '@shared/liveSocket';
import { useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { MyNumbersDocument, MyNumberStatusChangedDocument } from '../gql/graphql';
import { useConnectionPage } from './useConnectionPage';
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
  const { rows: numbers, query, ...page } = useConnectionPage(MyNumbersDocument, ref({ first: NUMBERS_PAGE_SIZE }), (r) => r.myNumbers);

  const live = useSubscription(MyNumberStatusChangedDocument);
  live.onResult((result) => {
    const changed = result.data?.myNumberStatusChanged;
    if (changed && isUnknownNumber(numbers.value, changed.id)) query.refetch()?.catch(() => undefined);
  });

  const offConnected = socket.onConnected(() => {
    if (query.result.value) query.refetch()?.catch(() => undefined);
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

  return {
    numbers,
    ...page,
    /** Changes arrive as they happen. */
    live: computed(() => socket.state.value === 'connected' && !live.error.value),
  };
}
