import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * "Add to cart" while signed out goes to sign-in with `?redirect=<this page>&add=<number id>` in
 * the redirect, so the add happens by itself once the visitor is back on the same page.
 */
export const ADD_PARAM = 'add';

/** The query of the page to come back to: the current one plus the number to add. */
export function queryWithAdd(query: LocationQuery, numberId: string): LocationQueryRaw {
  return { ...query, [ADD_PARAM]: numberId };
}

/** The number to add once back (ids are opaque: anything non-empty), and the query without it. */
export function takeAdd(query: LocationQuery): { numberId: string | null; rest: LocationQuery } {
  const { [ADD_PARAM]: raw, ...rest } = query;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const numberId = typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
  return { numberId, rest };
}
