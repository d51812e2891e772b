import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { provideApolloClient } from '@vue/apollo-composable';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, readonly, ref, type EffectScope } from 'vue';
import { typePolicies } from '../lib/cachePolicies';
import { useMyNumbers } from './useMyNumbers';

// @vue/apollo-composable starts subscriptions only in a browser (it checks `window` at load time).
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window ??= globalThis;
});

const money = { __typename: 'Money', amount: 500, currency: 'USD', formatted: '$5.00' };
const number = (id: string, status: string) => ({
  __typename: 'PurchasedNumber',
  id,
  e164: '+14155550123',
  nationalFormat: '(415) 555-0123',
  internationalFormat: '+1 415 555 0123',
  status,
  activatedAt: null,
  paidUntil: '2026-12-25T12:00:00.000Z',
  cancelAtPeriodEnd: false,
  failureReason: null,
  orderId: 'o1',
  createdAt: '2026-11-25T10:00:00.000Z',
  country: { __typename: 'Country', id: 'c1', isoCode: 'US', name: 'United States' },
  monthlyPrice: money,
});

function fakeApi(initial: Array<ReturnType<typeof number>>) {
  let list = initial;
  const calls = { queries: 0 };
  const subscribers = new Set<(r: FetchResult) => void>();
  const link = new ApolloLink((operation) => {
    const def = getMainDefinition(operation.query);
    if (def.kind === 'OperationDefinition' && def.operation === 'subscription') {
      return new Observable<FetchResult>((observer) => {
        const push = (r: FetchResult) => observer.next(r);
        subscribers.add(push);
        return () => subscribers.delete(push);
      });
    }
    calls.queries += 1;
    return Observable.of({
      data: {
        myNumbers: {
          __typename: 'PurchasedNumberConnection',
          totalCount: list.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: list.map((node) => ({ __typename: 'PurchasedNumberEdge', cursor: node.id, node })),
        },
      },
    });
  });
  return {
    client: new ApolloClient({ link, cache: new InMemoryCache({ typePolicies }) }),
    calls,
    setList(next: typeof list) {
      list = next;
    },
    push(n: ReturnType<typeof number>) {
      for (const s of subscribers) s({ data: { myNumberStatusChanged: n } });
    },
  };
}

const socket = { state: readonly(ref('connected' as const)), onConnected: () => () => {} };
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
});
function run(api: ReturnType<typeof fakeApi>) {
  scope = effectScope();
  return scope.run(() => provideApolloClient(api.client)(() => useMyNumbers({ socket })))!;
}

describe('useMyNumbers', () => {
  it('changes a listed number’s status as the subscription reports it, without asking again', async () => {
    const api = fakeApi([number('n1', 'PROVISIONING')]);
    const mine = run(api);
    await flush();
    expect(mine.numbers.value.map((n) => n.status)).toEqual(['PROVISIONING']);
    const asked = api.calls.queries;
    api.push(number('n1', 'ACTIVE'));
    await flush();
    expect(mine.numbers.value.map((n) => n.status)).toEqual(['ACTIVE']);
    expect(api.calls.queries).toBe(asked);
    expect(mine.live.value).toBe(true);
  });

  it('fetches the list again when a number it does not show changes (a new purchase)', async () => {
    const api = fakeApi([number('n1', 'ACTIVE')]);
    const mine = run(api);
    await flush();
    api.setList([number('n2', 'PENDING'), number('n1', 'ACTIVE')]);
    api.push(number('n2', 'PENDING'));
    await flush();
    expect(mine.numbers.value.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(mine.totalCount.value).toBe(2);
  });
});
