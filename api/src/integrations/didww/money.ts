/**
 * DIDWW sends money as decimal USD strings ("0.50", "1.205"). These helpers convert by parsing the
 * digits, never through floating point.
 */

export type CentsRounding = 'half-even' | 'half-up';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * "1.205" → 120 (half-even, the default) or 121 (half-up). Accepts an optional sign, no exponent,
 * surrounding whitespace. Throws on anything else, including values beyond the safe integer range.
 */
export function usdToCents(value: string | number, rounding: CentsRounding = 'half-even'): number {
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === undefined)) throw new TypeError(`not a decimal USD amount: ${JSON.stringify(value)}`);
  const negative = m[1] === '-';
  const whole = m[2];
  const frac = m[3] ?? '';
  const centsDigits = (frac + '00').slice(0, 2);
  const rest = frac.slice(2);
  let cents = BigInt(whole) * 100n + BigInt(centsDigits);
  if (rest.length > 0 && /[1-9]/.test(rest)) {
    const first = rest.charCodeAt(0) - 48;
    const beyondHalf = first > 5 || (first === 5 && /[1-9]/.test(rest.slice(1)));
    const exactlyHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    const roundUp = beyondHalf || (exactlyHalf && (rounding === 'half-up' || cents % 2n === 1n));
    if (roundUp) cents += 1n;
  }
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`USD amount too large: ${text}`);
  const n = Number(cents);
  return negative && n !== 0 ? -n : 0 + n;
}

/** 12345 → "123.45"; -5 → "-0.05". */
export function centsToUsd(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`not a decimal USD amount: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Tiny or huge numbers print with an exponent; toFixed(20) is exact enough to round at cents.
  return n.toFixed(20).replace(/0+$/, '');
}
