/**
 * Amounts the console adds up itself (what a refund would pay back), in integer minor units
 * only. Amounts the API sends are shown from their `formatted`; this writes a sum the same way.
 */

export interface MoneyLike {
  amount: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    // en-US like the API's `formatted`, so a sum reads like the amounts it adds up.
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/** Minor units per major unit: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * 1234 USD → "$12.34", written from a decimal string so no float ever touches the amount (Intl
 * reads decimal strings exactly), as the API's own `formatted` is.
 */
export function formatMinorUnits(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an amount in minor units: ${amount}`);
  const digits = minorDigits(currency);
  const abs = Math.abs(amount).toString().padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return formatter(currency).format(`${amount < 0 ? '-' : ''}${decimal}` as unknown as number);
}

export const formatMoney = (money: MoneyLike): string => formatMinorUnits(money.amount, money.currency);
