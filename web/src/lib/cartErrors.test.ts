import { describe, expect, it } from 'vitest';
import { cartItemIdOf, splitCartErrors, type CartUserError } from './cartErrors';

const expired = (id: string): CartUserError => ({
  code: 'HOLD_EXPIRED',
  message: `The hold on ${id} ran out. Remove it or add it again.`,
  field: ['cart', 'items', id],
});

describe('cartItemIdOf', () => {
  it('reads the item id of a cart item path', () => {
    expect(cartItemIdOf(['cart', 'items', 'item-1'])).toBe('item-1');
  });

  it('ignores other paths', () => {
    expect(cartItemIdOf(null)).toBeNull();
    expect(cartItemIdOf(['cartItemId'])).toBeNull();
    expect(cartItemIdOf(['cart', 'items'])).toBeNull();
    expect(cartItemIdOf(['cart', 'items', ''])).toBeNull();
    expect(cartItemIdOf(['cart', 'items', 'a', 'b'])).toBeNull();
  });
});

describe('splitCartErrors', () => {
  it('puts each expired hold next to its item and lists it for "Remove expired"', () => {
    const split = splitCartErrors([expired('a'), expired('b')], ['a', 'b', 'c']);
    expect(split.items).toEqual({ a: expired('a').message, b: expired('b').message });
    expect(split.expiredItemIds).toEqual(['a', 'b']);
    expect(split.general).toEqual([]);
  });

  it('keeps errors about the whole cart for the alert', () => {
    const empty: CartUserError = { code: 'CART_EMPTY', message: 'Your cart is empty.', field: null };
    const payment: CartUserError = { code: 'PAYMENT_FAILED', message: 'Payments are unavailable right now.', field: null };
    expect(splitCartErrors([empty, payment]).general).toEqual([empty, payment]);
  });

  it('does not lose a message about an item that left the cart', () => {
    const split = splitCartErrors([expired('gone')], ['a']);
    expect(split.items).toEqual({});
    expect(split.expiredItemIds).toEqual([]);
    expect(split.general).toEqual([expired('gone')]);
  });

  it('shows the first message per item and lists an item once', () => {
    const other: CartUserError = { code: 'VALIDATION', message: 'Second', field: ['cart', 'items', 'a'] };
    const split = splitCartErrors([expired('a'), other, expired('a')]);
    expect(split.items.a).toBe(expired('a').message);
    expect(split.expiredItemIds).toEqual(['a']);
  });
});
