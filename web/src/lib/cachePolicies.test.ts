import { InMemoryCache } from '@apollo/client/core';
import { describe, expect, it } from 'vitest';
import {
  MyOrdersDocument,
  OrderDetailFragmentDoc,
  OrderDocument,
  SearchNumbersDocument,
  type MyOrdersQuery,
  type OrderDetailFragment,
  type SearchNumbersQuery,
  type SearchNumbersQueryVariables,
} from '../gql/graphql';
import { typePolicies } from './cachePolicies';

const money = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'USD', formatted: `$${(amount / 100).toFixed(2)}` });

const node = (n: number) => ({
  __typename: 'AvailableNumber' as const,
  id: `number-${n}`,
  e164: `+1212555${String(n).padStart(4, '0')}`,
  nationalFormat: `(212) 555-${String(n).padStart(4, '0')}`,
  internationalFormat: `+1 212 555 ${String(n).padStart(4, '0')}`,
  areaCode: '212',
  areaName: 'New York',
  kind: 'LOCAL' as const,
  features: ['VOICE' as const],
  available: true,
  region: null,
  setupPrice: money(50),
  monthlyPrice: money(100 + n),
});

function page(numbers: number[], hasNextPage: boolean, totalCount = 1000): SearchNumbersQuery {
  return {
    __typename: 'Query',
    availableNumbers: {
      __typename: 'AvailableNumberConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${numbers.at(-1)}` },
      edges: numbers.map((n) => ({ __typename: 'AvailableNumberEdge', cursor: `c${n}`, node: node(n) })),
    },
  };
}

const us: SearchNumbersQueryVariables = { filter: { countryIso: 'US' }, sort: 'PRICE_ASC', first: 2 };

function ids(cache: InMemoryCache, variables: SearchNumbersQueryVariables) {
  const data = cache.readQuery({ query: SearchNumbersDocument, variables });
  return data?.availableNumbers.edges.map((edge) => edge.node.id);
}

describe('search results in the cache', () => {
  it('appends "Load more" pages to the first one', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: SearchNumbersDocument, variables: us, data: page([1, 2], true) });
    cache.writeQuery({ query: SearchNumbersDocument, variables: { ...us, after: 'c2' }, data: page([3], false) });

    const data = cache.readQuery({ query: SearchNumbersDocument, variables: us });
    expect(data?.availableNumbers.edges.map((edge) => edge.node.id)).toEqual(['number-1', 'number-2', 'number-3']);
    expect(data?.availableNumbers.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c3' });
    expect(data?.availableNumbers.totalCount).toBe(1000);
  });

  it('keeps each filter and sort apart', () => {
    const cache = new InMemoryCache({ typePolicies });
    const ny = { ...us, filter: { countryIso: 'US', areaCode: '212' } };
    cache.writeQuery({ query: SearchNumbersDocument, variables: us, data: page([1, 2], true) });
    cache.writeQuery({ query: SearchNumbersDocument, variables: ny, data: page([7], false, 1) });
    cache.writeQuery({ query: SearchNumbersDocument, variables: { ...us, sort: 'NUMBER_ASC' }, data: page([9], false, 1) });

    expect(ids(cache, us)).toEqual(['number-1', 'number-2']);
    expect(ids(cache, ny)).toEqual(['number-7']);
    expect(ids(cache, { ...us, sort: 'NUMBER_ASC' })).toEqual(['number-9']);
  });

  it('starts over when a first page is fetched again', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: SearchNumbersDocument, variables: us, data: page([1, 2], true) });
    cache.writeQuery({ query: SearchNumbersDocument, variables: { ...us, after: 'c2' }, data: page([3], false) });
    cache.writeQuery({ query: SearchNumbersDocument, variables: us, data: page([4, 5], true) });

    expect(ids(cache, us)).toEqual(['number-4', 'number-5']);
  });
});

describe('orders in the cache', () => {
  const order = (n: number): OrderDetailFragment => ({
    __typename: 'Order',
    id: `order-${n}`,
    reference: `NN-00000${n}`,
    status: 'PAID',
    createdAt: '2025-03-03T12:00:00.000Z',
    paidAt: '2025-03-03T12:01:00.000Z',
    checkoutUrl: null,
    dueToday: money(300),
    setupTotal: money(100),
    monthlyTotal: money(200),
    lines: [
      {
        __typename: 'OrderLine',
        id: `line-${n}`,
        e164: '+12125550001',
        status: 'PENDING',
        numberStatus: 'PROVISIONING',
        purchasedNumberId: `pn-${n}`,
        setupPrice: money(100),
        monthlyPrice: money(200),
        refunded: money(0),
      },
    ],
    payments: [],
    timeline: [{ __typename: 'OrderEvent', type: 'paid', message: 'Paid.', createdAt: '2025-03-03T12:01:00.000Z' }],
  });

  it('shows an order confirmed at checkout on its page without asking again', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeFragment({ fragment: OrderDetailFragmentDoc, fragmentName: 'OrderDetail', data: order(1) });

    const data = cache.readQuery({ query: OrderDocument, variables: { id: 'order-1' } });
    expect(data?.order?.reference).toBe('NN-000001');
  });

  it('asks the API for an order the cache does not fully know', () => {
    const cache = new InMemoryCache({ typePolicies });
    expect(cache.readQuery({ query: OrderDocument, variables: { id: 'order-2' } })).toBeNull();
  });

  it('remembers an order that does not exist', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: OrderDocument, variables: { id: 'nope' }, data: { __typename: 'Query', order: null } });
    expect(cache.readQuery({ query: OrderDocument, variables: { id: 'nope' } })?.order).toBeNull();
  });

  it('appends "Load more" pages of orders', () => {
    const cache = new InMemoryCache({ typePolicies });
    const summary = (n: number) => {
      const { __typename, id, reference, status, createdAt, dueToday } = order(n);
      return { __typename, id, reference, status, createdAt, dueToday, lines: [] };
    };
    const ordersPage = (ns: number[], hasNextPage: boolean): MyOrdersQuery => ({
      __typename: 'Query',
      myOrders: {
        __typename: 'OrderConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `o${ns.at(-1)}` },
        edges: ns.map((n) => ({ __typename: 'OrderEdge', cursor: `o${n}`, node: summary(n) })),
      },
    });
    cache.writeQuery({ query: MyOrdersDocument, variables: { first: 2 }, data: ordersPage([1, 2], true) });
    cache.writeQuery({ query: MyOrdersDocument, variables: { first: 2, after: 'o2' }, data: ordersPage([3], false) });

    const data = cache.readQuery({ query: MyOrdersDocument, variables: { first: 2 } });
    expect(data?.myOrders.edges.map((edge) => edge.node.id)).toEqual(['order-1', 'order-2', 'order-3']);
    expect(data?.myOrders.pageInfo.hasNextPage).toBe(false);
  });
});
