export const CONTAINS_MAX = 15;

const KEYPAD: Record<string, string> = {
  A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5', M: '6',
  N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9',
};

/** Why the "contains" box cannot be searched for, or null when it can (empty included). Mirrors the API's rule. */
export function validateContains(input: string): string | null {
  const text = input.trim();
  if (!/^[0-9A-Za-z]*$/.test(text)) return 'Use only letters and digits — no spaces, dashes or symbols.';
  if (text.length > CONTAINS_MAX) return `Use at most ${CONTAINS_MAX} letters or digits.`;
  return null;
}

/** The value sent for a valid "contains" box: trimmed and upper-cased, or null when empty. */
export function normalizeContains(input: string): string | null {
  const text = input.trim().toUpperCase();
  return text === '' ? null : text;
}

/** Letters as a phone keypad spells them: "CALL" → "2255"; digits stay. */
export function vanityToDigits(input: string): string {
  return input.toUpperCase().replace(/[A-Z]/g, (letter) => KEYPAD[letter] ?? letter);
}

export interface NumberSegment {
  text: string;
  match: boolean;
}

/**
 * Splits a formatted number ("(207) 647-2255") so the digits of `contains` ("CALL" → 2255) can be
 * highlighted, even where separators sit between them. The first match wins; no match, one segment.
 */
export function highlightDigits(formatted: string, contains: string | null): NumberSegment[] {
  const wanted = contains ? vanityToDigits(contains) : '';
  const positions: number[] = [];
  let digits = '';
  for (let i = 0; i < formatted.length; i += 1) {
    const char = formatted[i]!;
    if (char >= '0' && char <= '9') {
      digits += char;
      positions.push(i);
    }
  }
  const at = wanted && /^\d+$/.test(wanted) ? digits.indexOf(wanted) : -1;
  if (at < 0) return [{ text: formatted, match: false }];
  const start = positions[at]!;
  const end = positions[at + wanted.length - 1]! + 1;
  return [
    { text: formatted.slice(0, start), match: false },
    { text: formatted.slice(start, end), match: true },
    { text: formatted.slice(end), match: false },
  ].filter((segment) => segment.text !== '');
}
