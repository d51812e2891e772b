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

/**
 * A caller or SMS sender as we store it: `+digits` when it is a phone number written with the usual
 * separators and at least 8 digits (shorter ones are short codes), as received otherwise (alphanumeric
 * senders, "anonymous"). One rule for calls and messages, so a caller is found the same way in both.
 */
export function storedAddress(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return /^\+?[\d\s()-]+$/.test(raw) && digits.length >= 8 ? `+${digits}` : raw;
}
