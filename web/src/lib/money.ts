/** What the price box holds once read: an amount in minor units (null = no limit), or why it cannot be read. */
export type DollarsInput = { ok: true; cents: number | null } | { ok: false; error: string };

// Up to 7 whole digits keeps every amount far inside GraphQL's 32-bit Int.
const AMOUNT = /^(\d{0,7})(?:\.(\d*))?$/;

/**
 * Reads a dollar amount as typed ("1.5", "$2", ".99") into cents with string arithmetic only, so
 * no float ever rounds a price. Empty means "no limit".
 */
export function parseDollars(input: string): DollarsInput {
  const text = input.trim().replace(/^\$\s*/, '');
  if (text === '') return { ok: true, cents: null };
  if (text.includes(',')) return { ok: false, error: 'Use a dot for cents, like 1.50.' };
  const match = AMOUNT.exec(text);
  if (!match) {
    return /^\d{8,}(\.\d*)?$/.test(text)
      ? { ok: false, error: 'That is more than any number costs.' }
      : { ok: false, error: 'Enter an amount in dollars, like 1.50.' };
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return { ok: false, error: 'Enter an amount in dollars, like 1.50.' };
  if (fraction.length > 2) return { ok: false, error: 'Use at most two decimals (cents).' };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, cents };
}

/** Cents back into the price box's words: 150 → "1.50", 200 → "2". */
export function formatDollarsInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
