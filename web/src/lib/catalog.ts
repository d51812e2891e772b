import type { NumberFeature, NumberKind } from '../gql/graphql';

/** The flag emoji of an ISO 3166-1 alpha-2 code ("US" → 🇺🇸), from regional indicator letters; '' if not a code. */
export function flagEmoji(iso: string): string {
  const code = iso.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

/** `totalCount` of `availableNumbers` stops at this; at the cap we say "1,000+". */
export const COUNT_CAP = 1000;

const grouped = new Intl.NumberFormat('en-US');

/** "1 number", "37 numbers", "3,152 numbers"; at `cap` and above "1,000+ numbers". */
export function formatNumberCount(count: number, cap: number | null = null): string {
  if (cap !== null && count >= cap) return `${grouped.format(cap)}+ numbers`;
  return `${grouped.format(count)} ${count === 1 ? 'number' : 'numbers'}`;
}

const FEATURE_LABELS: Record<NumberFeature, string> = { VOICE: 'Voice', SMS: 'SMS', T38: 'Fax' };
const KIND_LABELS: Record<NumberKind, string> = { LOCAL: 'Local', MOBILE: 'Mobile', NATIONAL: 'National', TOLL_FREE: 'Toll-free' };

export const featureLabel = (feature: NumberFeature): string => FEATURE_LABELS[feature] ?? feature;
export const kindLabel = (kind: NumberKind): string => KIND_LABELS[kind] ?? kind;

/** Finds a country by the ISO code of a URL (any case). */
export function findByIso<C extends { isoCode: string }>(countries: readonly C[], iso: string): C | null {
  const code = iso.toUpperCase();
  return countries.find((country) => country.isoCode.toUpperCase() === code) ?? null;
}

/** Countries whose name, ISO code or calling code ("+44", "44") matches what was typed. */
export function filterCountries<C extends { isoCode: string; name: string; callingCode: string }>(countries: readonly C[], typed: string): C[] {
  const query = typed.trim().toLowerCase();
  if (query === '') return [...countries];
  const digits = query.replace(/^\+/, '');
  return countries.filter(
    (country) =>
      country.name.toLowerCase().includes(query) ||
      country.isoCode.toLowerCase() === query ||
      (/^\d+$/.test(digits) && country.callingCode.startsWith(digits)),
  );
}

/** The countries with the most numbers in stock, for "popular" lists. */
export function popularCountries<C extends { availableCount: number; name: string }>(countries: readonly C[], limit: number): C[] {
  return [...countries].sort((a, b) => b.availableCount - a.availableCount || a.name.localeCompare(b.name)).slice(0, limit);
}
