import { describe, expect, it } from 'vitest';
import { formatCountdown, heldForText, holdLabel, holdState, liveItemCount, remainingMs } from './holds';

const NOW = Date.parse('2025-03-03T12:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const item = (ms: number, extra: Partial<{ expired: boolean; inCheckout: boolean }> = {}) => ({
  holdExpiresAt: at(ms),
  expired: false,
  inCheckout: false,
  ...extra,
});

describe('formatCountdown', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatCountdown(9 * 60_000 + 41_000)).toBe('9:41');
    expect(formatCountdown(7_000)).toBe('0:07');
  });

  it('rounds up to the next second, so a fresh hold reads 10:00', () => {
    expect(formatCountdown(10 * 60_000)).toBe('10:00');
    expect(formatCountdown(599_001)).toBe('10:00');
    expect(formatCountdown(1)).toBe('0:01');
  });

  it('adds hours for long holds', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('never counts below zero', () => {
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('remainingMs', () => {
  it('is the time until the hold ends, and zero after it', () => {
    expect(remainingMs(at(90_000), NOW)).toBe(90_000);
    expect(remainingMs(at(-1_000), NOW)).toBe(0);
  });

  it('treats an unreadable date as run out', () => {
    expect(remainingMs('soon', NOW)).toBe(0);
  });
});

describe('holdState', () => {
  it('is held with time to spare', () => {
    expect(holdState(item(5 * 60_000), NOW)).toEqual({ kind: 'held', remainingMs: 5 * 60_000 });
  });

  it('is ending under two minutes', () => {
    expect(holdState(item(2 * 60_000), NOW).kind).toBe('held');
    expect(holdState(item(2 * 60_000 - 1), NOW).kind).toBe('ending');
  });

  it('expires when the countdown reaches zero, before the API says so', () => {
    expect(holdState(item(0), NOW)).toEqual({ kind: 'expired' });
  });

  it('believes the API when it says the hold ran out', () => {
    expect(holdState(item(60_000, { expired: true }), NOW)).toEqual({ kind: 'expired' });
  });

  it('keeps an item under an open checkout held even after its timer', () => {
    expect(holdState(item(-60_000, { inCheckout: true }), NOW)).toEqual({ kind: 'checkout', remainingMs: 0 });
  });
});

describe('liveItemCount', () => {
  it('counts held and in-checkout items, not expired ones', () => {
    const items = [item(60_000), item(-1), item(5_000, { expired: true }), item(-1, { inCheckout: true })];
    expect(liveItemCount(items, NOW)).toBe(2);
  });
});

describe('heldForText', () => {
  it('names whole minutes', () => {
    expect(heldForText(10 * 60_000 - 300)).toBe('Held for 10 minutes');
    expect(heldForText(60_000)).toBe('Held for 1 minute');
    expect(heldForText(10_000)).toBe('Held for less than a minute');
  });
});

describe('holdLabel', () => {
  it('words each state', () => {
    expect(holdLabel({ kind: 'held', remainingMs: 581_000 })).toBe('Held for 9:41');
    expect(holdLabel({ kind: 'ending', remainingMs: 61_000 })).toBe('Held for 1:01');
    expect(holdLabel({ kind: 'expired' })).toBe('Hold expired — add again');
    expect(holdLabel({ kind: 'checkout', remainingMs: 0 })).toBe('In checkout');
  });
});
