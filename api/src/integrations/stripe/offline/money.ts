/** Minor units → "$12.50", honouring zero-decimal currencies (JPY) through Intl's own table. */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  // Integer arithmetic until the very end: 1999 cents → "19.99" without float drift.
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const major = digits === 0 ? String(abs) : `${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
  return sign + fmt.format(Number(major)).replace(/^-/, '');
}
