import type { TypePolicies } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * The storefront's cache rules. Search results are one list per filter and sort: "Load more"
 * (`fetchMore` with `after`) appends to it, a first page (no `after`) replaces it, and the page
 * size is not part of the key. The customer's orders and numbers are such lists.
 *
 * `order(id)` reads the order already in the cache (from the orders list or `confirmCheckout`),
 * so an order page shows what is known at once; missing fields still go to the API.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      availableNumbers: relayStylePagination(['filter', 'sort']),
      myOrders: relayStylePagination(),
      myNumbers: relayStylePagination(),
      // Usage history: one list per filter; "Load more" appends.
      callRecords: relayStylePagination(['filter']),
      smsMessages: relayStylePagination(['filter']),
      order: {
        read(existing, { args, toReference }) {
          if (existing !== undefined) return existing;
          return typeof args?.id === 'string' ? toReference({ __typename: 'Order', id: args.id }) : undefined;
        },
      },
    },
  },
};
