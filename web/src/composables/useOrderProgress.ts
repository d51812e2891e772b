import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { OrderDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { orderInProgress } from '../lib/orderStatus';

/** How often an order still being set up is asked for again. */
export const POLL_MS = 2000;
/** After this long, polling stops and the page offers a manual refresh (the email follows anyway). */
export const POLL_LIMIT_MS = 5 * 60_000;

export interface OrderProgressOptions {
  /** The success page: a PENDING order is a payment being confirmed, so keep asking. */
  awaitingPayment?: MaybeRefOrGetter<boolean>;
}

/**
 * One order, kept current while it changes by itself (payment confirming, numbers being set up).
 * Today it asks the API every POLL_MS; the `orderUpdated` subscription can replace the polling
 * here without the pages changing: they only read `order`, `failure` and `stalled`.
 */
export function useOrderProgress(orderId: MaybeRefOrGetter<string | null>, options: OrderProgressOptions = {}) {
  const id = computed(() => toValue(orderId));
  const query = useQuery(OrderDocument, () => ({ id: id.value ?? '' }), () => ({ enabled: !!id.value, fetchPolicy: 'cache-and-network' }));

  const order = computed(() => query.result.value?.order ?? null);
  /** Nothing to show: the first load failed. (A failed poll keeps the order on screen and retries.) */
  const failure = computed(() => (query.error.value && !order.value ? describeFailure(query.error.value) : null));
  /** Answered, and there is no such order of this customer. */
  const notFound = computed(() => !query.loading.value && !query.error.value && query.result.value?.order === null);
  const inProgress = computed(() => !!order.value && orderInProgress(order.value, { awaitingPayment: toValue(options.awaitingPayment) ?? false }));

  /** Polling gave up after POLL_LIMIT_MS; `refresh()` asks once more and starts again. */
  const stalled = ref(false);
  let pollingSince: number | null = null;
  let limitTimer: ReturnType<typeof setTimeout> | null = null;

  function stopPolling() {
    query.query.value?.stopPolling();
    if (limitTimer !== null) clearTimeout(limitTimer);
    limitTimer = null;
    pollingSince = null;
  }

  function startPolling() {
    const observable = query.query.value;
    if (!observable) return;
    observable.startPolling(POLL_MS);
    pollingSince ??= Date.now();
    if (limitTimer === null) {
      limitTimer = setTimeout(() => {
        stopPolling();
        stalled.value = true;
      }, Math.max(0, POLL_LIMIT_MS - (Date.now() - pollingSince)));
    }
  }

  // The observable is replaced when the id changes: polling follows it.
  watch(
    [inProgress, () => query.query.value, stalled],
    ([busy, observable, gaveUp]) => {
      if (busy && observable && !gaveUp) startPolling();
      else stopPolling();
    },
    { immediate: true },
  );
  onScopeDispose(stopPolling);

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
    refresh,
  };
}
