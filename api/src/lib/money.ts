import { LRUCache } from 'lru-cache';

/**
 * Money as integer minor units plus an ISO 4217 currency. Never a float: arithmetic is on
 * integers (BigInt where a product could overflow), rounding is half-even.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3, TND: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be an integer of minor units, got ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Currency must be an ISO 4217 code, got ${currency}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`Cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => addMoney(acc, m), money(0, currency));
}

/** Integer division rounded half to even (banker's rounding), for non-negative or negative numerators. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** amount × basisPoints / 10 000, rounded half-even: percentages without floats (2500 bp = 25 %). */
export function applyBasisPoints(m: Money, basisPoints: number): Money {
  return money(Number(divideHalfEven(BigInt(m.amount) * BigInt(basisPoints), 10_000n)), m.currency);
}

/** "$12.34" — built from the integer as a decimal string, so formatting never goes through a float. */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const key = `${locale}|${m.currency}|${m.amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatUncached(m, locale);
    formatted.set(key, text);
  }
  return text;
}

// Catalogue prices repeat across thousands of numbers; Intl formatting is the costly part of a price.
const formatted = new LRUCache<string, string>({ max: 20_000 });

function formatUncached(m: Money, locale: string): string {
  const digits = minorDigits(m.currency);
  const abs = Math.abs(m.amount).toString().padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  // Intl accepts decimal strings exactly (no float conversion) since ES2023.
  return formatter(locale, m.currency).format(`${m.amount < 0 ? '-' : ''}${decimal}` as unknown as number);
}

// Building an Intl.NumberFormat costs far more than using one; search pages format hundreds of prices.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}
