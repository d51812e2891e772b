import type { ErrorCode } from '../gql/graphql';

/** What the cart needs of a payload's `UserError` (the generated `UserErrorFieldsFragment` fits). */
export interface CartUserError {
  code: ErrorCode;
  message: string;
  field: readonly string[] | null;
}

export interface CartErrors {
  /** Messages to show next to an item, by cart item id (from `["cart", "items", <id>]`). */
  items: Record<string, string>;
  /** Items whose hold ran out, in the order the API named them: "Remove expired" removes these. */
  expiredItemIds: string[];
  /** Everything else (CART_EMPTY, PAYMENT_FAILED, …): shown in one alert above the cart. */
  general: CartUserError[];
}

/** The id of the cart item an error's field path names, or null. */
export function cartItemIdOf(field: readonly string[] | null): string | null {
  if (!field || field.length !== 3 || field[0] !== 'cart' || field[1] !== 'items') return null;
  return field[2] || null;
}

/**
 * Sorts checkout errors into messages per cart item and the rest. An error naming an item that is
 * not in the cart any more (`knownItemIds`, when given) becomes general, so no message is lost.
 */
export function splitCartErrors(errors: readonly CartUserError[], knownItemIds?: readonly string[]): CartErrors {
  const result: CartErrors = { items: {}, expiredItemIds: [], general: [] };
  const known = knownItemIds ? new Set(knownItemIds) : null;
  for (const error of errors) {
    const id = cartItemIdOf(error.field);
    if (id === null || (known && !known.has(id))) {
      result.general.push(error);
      continue;
    }
    result.items[id] ??= error.message;
    if (error.code === 'HOLD_EXPIRED' && !result.expiredItemIds.includes(id)) result.expiredItemIds.push(id);
  }
  return result;
}
