import type { TypePolicies } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * The storefront's cache rules. Search results are one list per filter and sort: "Load more"
 * (`fetchMore` with `after`) appends to it, a first page (no `after`) replaces it, and the page
 * size is not part of the key.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      availableNumbers: relayStylePagination(['filter', 'sort']),
    },
  },
};
