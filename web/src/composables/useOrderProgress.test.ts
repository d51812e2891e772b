import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { provideApolloClient } from '@vue/apollo-composable';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, type EffectScope } from 'vue';
import type { SocketState } from '@shared/liveSocket';
import { shouldPoll, useOrderProgress } from './useOrderProgress';

// @vue/apollo-composable starts subscriptions only in a browser (it checks `window` at load time).
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window ??= globalThis;
});

const money = (amount: number) => ({ __typename: 'Money', amount, currency: 'USD', formatted: `$${(amount / 100).toFixed(2)}` });
function orderFixture(numberStatus: string) {
  return {
    __typename: 'Order',
    id: 'o1',
    reference: 'NN-000001',
    status: 'PAID',
    createdAt: '2026-11-25T10:00:00.000Z',
    paidAt: '2026-11-25T10:00:01.000Z',
    checkoutUrl: null,
    dueToday: money(600),
    setupTotal: money(100),
    monthlyTotal: money(500),
    lines: [
      { __typename: 'OrderLine', id: 'l1', e164: '+14155550123', status: 'PENDING', numberStatus, purchasedNumberId: 'n1', setupPrice: money(100), monthlyPrice: money(500), refunded: money(0) },
    ],
    payments: [],
    timeline: [],
  };
}

/** An API stand-in: queries answer from `current`, subscriptions are pushed by the test. */
function fakeApi() {
  const calls = { queries: 0, subscriptions: 0 };
  let current = orderFixture('PENDING');
  const subscribers = new Set<(r: FetchResult) => void>();
  const link = new ApolloLink((operation) => {
    const def = getMainDefinition(operation.query);
    if (def.kind === 'OperationDefinition' && def.operation === 'subscription') {
      calls.subscriptions += 1;
      return new Observable<FetchResult>((observer) => {
        const push = (r: FetchResult) => observer.next(r);
        subscribers.add(push);
        return () => subscribers.delete(push);
      });
    }
    calls.queries += 1;
    return Observable.of({ data: { order: current } });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    calls,
    set(order: ReturnType<typeof orderFixture>) {
      current = order;
    },
    push(order: ReturnType<typeof orderFixture>) {
      for (const s of subscribers) s({ data: { orderUpdated: order } });
    },
    get live() {
      return subscribers.size;
    },
  };
}

function fakeSocket(initial: SocketState) {
  const state = ref<SocketState>(initial);
  const listeners = new Set<() => void>();
  return {
    state,
    onConnected(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    connect() {
      state.value = 'connected';
      for (const fn of listeners) fn();
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};

let scope: EffectScope | null = null;
afterEach(() => {
  scope?.stop();
  scope = null;
  vi.useRealTimers();
});

function run(api: ReturnType<typeof fakeApi>, socket: ReturnType<typeof fakeSocket>) {
  scope = effectScope();
  return scope.run(() => provideApolloClient(api.client)(() => useOrderProgress('o1', { socket })))!;
}

describe('useOrderProgress', () => {
  it('shows each number’s progress as the subscription pushes it, without polling while the socket is up', async () => {
    const api = fakeApi();
    const socket = fakeSocket('connected');
    const progress = run(api, socket);
    await flush();
    expect(progress.order.value?.lines[0]?.numberStatus).toBe('PENDING');
    expect(progress.inProgress.value).toBe(true);
    expect(api.live).toBe(1);
    const queriesBefore = api.calls.queries;

    api.push(orderFixture('PROVISIONING'));
    await flush();
    expect(progress.order.value?.lines[0]?.numberStatus).toBe('PROVISIONING');
    api.push(orderFixture('ACTIVE'));
    await flush();
    expect(progress.order.value?.lines[0]?.numberStatus).toBe('ACTIVE');
    expect(progress.inProgress.value).toBe(false);
    expect(progress.live.value).toBe(false);
    // Done: the subscription ends, and nothing was polled meanwhile.
    expect(api.live).toBe(0);
    expect(api.calls.queries).toBe(queriesBefore);
  });

  it('refetches once when the socket (re)connects, catching changes made while it was down', async () => {
    const api = fakeApi();
    const socket = fakeSocket('connecting');
    const progress = run(api, socket);
    await flush();
    expect(progress.order.value?.lines[0]?.numberStatus).toBe('PENDING');
    api.set(orderFixture('ACTIVE'));
    socket.connect();
    await flush();
    expect(progress.order.value?.lines[0]?.numberStatus).toBe('ACTIVE');
  });

  it('polls as a fallback only while something is in progress and the socket is not connected', () => {
    expect(shouldPoll({ inProgress: true, stalled: false, socketConnected: false })).toBe(true);
    expect(shouldPoll({ inProgress: true, stalled: false, socketConnected: true })).toBe(false);
    expect(shouldPoll({ inProgress: false, stalled: false, socketConnected: false })).toBe(false);
    expect(shouldPoll({ inProgress: true, stalled: true, socketConnected: false })).toBe(false);
  });
});
