import { useLiveSocket, type LiveSocket } from '@shared/liveSocket';
import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { OrderDocument, OrderUpdatedDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { orderInProgress } from '../lib/orderStatus';

/** How often an order still being set up is asked for while the live socket is down. */
export const POLL_MS = 2000;
/** After this long still in progress, the page offers a manual refresh (the email follows anyway). */
export const POLL_LIMIT_MS = 5 * 60_000;

export interface OrderProgressOptions {
  /** The success page: a PENDING order is a payment being confirmed, so keep following it. */
  awaitingPayment?: MaybeRefOrGetter<boolean>;
  /** The live socket; by default the one the app provides. */
  socket?: Pick<LiveSocket, 'state' | 'onConnected'>;
}

/** Whether to fall back to asking every POLL_MS: only while something changes and the live socket is not up. */
export function shouldPoll(s: { inProgress: boolean; stalled: boolean; socketConnected: boolean }): boolean {
  return s.inProgress && !s.stalled && !s.socketConnected;
}

/**
 * One order, kept current while it changes by itself (payment confirming, numbers being set up).
 * Changes arrive over the `orderUpdated` subscription, which Apollo writes into the cached order;
 * while the socket is down the order is polled instead, and each (re)connection refetches it once
 * to catch what was missed. The pages only read `order`, `failure` and `stalled`.
 */
export function useOrderProgress(orderId: MaybeRefOrGetter<string | null>, options: OrderProgressOptions = {}) {
  const socket = options.socket ?? useLiveSocket();
  const id = computed(() => toValue(orderId));
  const query = useQuery(OrderDocument, () => ({ id: id.value ?? '' }), () => ({ enabled: !!id.value, fetchPolicy: 'cache-and-network' }));

  const order = computed(() => query.result.value?.order ?? null);
  /** Nothing to show: the first load failed. (A failed poll keeps the order on screen and retries.) */
  const failure = computed(() => (query.error.value && !order.value ? describeFailure(query.error.value) : null));
  /** Answered, and there is no such order of this customer. */
  const notFound = computed(() => !query.loading.value && !query.error.value && query.result.value?.order === null);
  const inProgress = computed(() => !!order.value && orderInProgress(order.value, { awaitingPayment: toValue(options.awaitingPayment) ?? false }));

  /** Still in progress after POLL_LIMIT_MS; `refresh()` asks once more and starts again. */
  const stalled = ref(false);
  const following = computed(() => inProgress.value && !stalled.value);

  const live = useSubscription(OrderUpdatedDocument, () => ({ orderId: id.value ?? '' }), () => ({ enabled: !!id.value && following.value }));

  let limitTimer: ReturnType<typeof setTimeout> | null = null;
  const clearLimit = () => {
    if (limitTimer !== null) clearTimeout(limitTimer);
    limitTimer = null;
  };
  watch(
    following,
    (busy) => {
      if (!busy) return clearLimit();
      limitTimer ??= setTimeout(() => {
        limitTimer = null;
        stalled.value = true;
      }, POLL_LIMIT_MS);
    },
    { immediate: true },
  );

  // The observable is replaced when the id changes: polling follows it.
  watch(
    [() => shouldPoll({ inProgress: inProgress.value, stalled: stalled.value, socketConnected: socket.state.value === 'connected' }), () => query.query.value],
    ([poll, observable]) => {
      if (poll) observable?.startPolling(POLL_MS);
      else observable?.stopPolling();
    },
    { immediate: true },
  );

  // Changes made while the socket was down or connecting are not replayed: ask once on each connection.
  const offConnected = socket.onConnected(() => {
    if (following.value) query.refetch()?.catch(() => undefined);
  });

  onScopeDispose(() => {
    clearLimit();
    query.query.value?.stopPolling();
    offConnected();
  });

  function refresh() {
    stalled.value = false;
    query.refetch()?.catch(() => undefined);
  }

  return {
    order,
    loading: query.loading,
    failure,
    notFound,
    /** Still changing: the page shows spinners. */
    inProgress,
    stalled,
    /** Whether changes arrive live (false: polling, or nothing to follow). */
    live: computed(() => following.value && socket.state.value === 'connected' && !live.error.value),
    refresh,
  };
}
