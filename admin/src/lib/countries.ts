/** Helpers for showing and finding countries in the console. */

/** "US" → 🇺🇸 (two regional indicator symbols); anything but two letters gives "". */
export function flagEmoji(isoCode: string): string {
  const code = isoCode.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

interface Searchable {
  name: string;
  isoCode: string;
  callingCode: string;
}

/**
 * Whether a country matches what was typed in the search box: part of its name ("king" finds
 * United Kingdom), its ISO code ("gb"), or its calling code ("+44", "44").
 */
export function matchesCountrySearch(country: Searchable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const digits = q.replace(/^\+/, '');
  if (/^\d+$/.test(digits)) return country.callingCode.startsWith(digits);
  return country.name.toLowerCase().includes(q) || country.isoCode.toLowerCase() === q;
}
