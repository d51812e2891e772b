/**
 * The volume tiers editor's rows, checked the way the API checks `volumeTiers` (at least 2
 * numbers, strictly increasing sizes, discounts 0–100 % that never shrink as orders grow), so a
 * mistake shows under its box while typing instead of after a round trip.
 */
import { formatBasisPoints, parseWholeNumber, percentToBasisPoints } from './decimal';

/** What the API accepts; `MAX_TIERS` mirrors its limit. */
export interface VolumeTier {
  minQuantity: number;
  discountBasisPoints: number;
}

export const MAX_TIERS = 20;
const MAX_QUANTITY = 1_000_000;

/** One row as typed; `key` keeps Vue's rows stable while rows are added and removed. */
export interface TierRow {
  key: number;
  minQuantity: string;
  discountPercent: string;
}

export interface TierRowErrors {
  minQuantity?: string;
  discountPercent?: string;
}

export interface CheckedTiers {
  /** The tiers to send, or null while any row has an error. */
  tiers: VolumeTier[] | null;
  /** One entry per row, in order; empty objects for rows without problems. */
  rows: TierRowErrors[];
  /** About the list as a whole (too many rows). */
  list: string | null;
}

export function checkTiers(rows: readonly TierRow[]): CheckedTiers {
  const errors: TierRowErrors[] = rows.map(() => ({}));
  const tiers: VolumeTier[] = [];
  // The last row that parsed, to compare the next one with; a broken row is skipped, not compared.
  let previous: VolumeTier | null = null;

  rows.forEach((row, index) => {
    const rowErrors = errors[index]!;
    const quantity = parseWholeNumber(row.minQuantity, {
      min: 2,
      max: MAX_QUANTITY,
      tooSmall: 'A tier starts at 2 numbers or more: one number pays the list price.',
    });
    const discount = percentToBasisPoints(row.discountPercent, { max: 10_000, tooLarge: 'A discount is at most 100%.' });
    if (!quantity.ok) rowErrors.minQuantity = row.minQuantity.trim() === '' ? 'Enter the order size.' : quantity.message;
    if (!discount.ok) rowErrors.discountPercent = row.discountPercent.trim() === '' ? 'Enter the discount.' : discount.message;

    if (quantity.ok && previous && quantity.value <= previous.minQuantity) {
      rowErrors.minQuantity = `Must be more than the tier above (${previous.minQuantity}).`;
    }
    if (discount.ok && previous && discount.value < previous.discountBasisPoints) {
      // Otherwise buying more numbers could cost more per number than buying fewer.
      rowErrors.discountPercent = `Cannot be smaller than the tier above (${formatBasisPoints(previous.discountBasisPoints)}).`;
    }
    if (quantity.ok && discount.ok) {
      previous = { minQuantity: quantity.value, discountBasisPoints: discount.value };
      tiers.push(previous);
    }
  });

  const list = rows.length > MAX_TIERS ? `At most ${MAX_TIERS} volume tiers.` : null;
  const valid = list === null && errors.every((e) => e.minQuantity === undefined && e.discountPercent === undefined);
  return { tiers: valid ? tiers : null, rows: errors, list };
}

/** "2+ −5% · 10+ −10%", or "None" for no tiers. */
export function summarizeTiers(tiers: readonly VolumeTier[]): string {
  if (tiers.length === 0) return 'None';
  return tiers.map((t) => `${t.minQuantity}+ −${formatBasisPoints(t.discountBasisPoints)}`).join(' · ');
}

/** A new row that follows on from the last: a bigger order and at least the same discount. */
export function nextTierRow(rows: readonly TierRow[], key: number): TierRow {
  const last = rows[rows.length - 1];
  if (!last) return { key, minQuantity: '10', discountPercent: '5' };
  const quantity = parseWholeNumber(last.minQuantity, { min: 2, max: MAX_QUANTITY, tooSmall: '' });
  return { key, minQuantity: quantity.ok ? String(quantity.value * 5) : '', discountPercent: last.discountPercent };
}
