import { LRUCache } from 'lru-cache';
import { parsePhoneNumberWithError } from 'libphonenumber-js';

export interface PhoneFormats {
  national: string;
  international: string;
}

// Parsing with libphonenumber costs more than anything else in rendering a search page, and the
// same numbers are shown again and again: remember the formats of recently shown numbers.
const cache = new LRUCache<string, PhoneFormats>({ max: 100_000 });

/** National and international formats of an E.164 number (the number itself if it cannot be parsed). */
export function phoneFormats(e164: string): PhoneFormats {
  let formats = cache.get(e164);
  if (!formats) {
    try {
      const parsed = parsePhoneNumberWithError(e164);
      formats = { national: parsed.formatNational(), international: parsed.formatInternational() };
    } catch {
      formats = { national: e164, international: e164 };
    }
    cache.set(e164, formats);
  }
  return formats;
}
