import { describe, expect, it } from 'vitest';
import { highlightDigits, normalizeContains, validateContains, vanityToDigits } from './vanity';

describe('validateContains', () => {
  it.each(['', 'CALL', 'call', '2255', 'FLOWERS1', '123456789012345', ' CALL '])('accepts %j', (text) => {
    expect(validateContains(text)).toBeNull();
  });

  it.each(['CA-LL', 'CA LL', '555*', 'café', '+1'])('refuses %j: only letters and digits', (text) => {
    expect(validateContains(text)).toMatch(/only letters and digits/);
  });

  it('refuses more than 15 characters', () => {
    expect(validateContains('1234567890123456')).toBe('Use at most 15 letters or digits.');
  });
});

describe('normalizeContains', () => {
  it('trims and upper-cases, and empties to null', () => {
    expect(normalizeContains(' call ')).toBe('CALL');
    expect(normalizeContains('   ')).toBeNull();
  });
});

describe('vanityToDigits', () => {
  it('spells letters as keypad digits', () => {
    expect(vanityToDigits('CALL')).toBe('2255');
    expect(vanityToDigits('flowers')).toBe('3569377');
    expect(vanityToDigits('A1Z')).toBe('219');
  });
});

describe('highlightDigits', () => {
  it('highlights the matched digits across separators', () => {
    expect(highlightDigits('(207) 647-2255', 'CALL')).toEqual([
      { text: '(207) 647-', match: false },
      { text: '2255', match: true },
    ]);
    expect(highlightDigits('(212) 555-0123', '5550')).toEqual([
      { text: '(212) ', match: false },
      { text: '555-0', match: true },
      { text: '123', match: false },
    ]);
  });

  it('leaves the number whole when nothing matches or nothing is asked', () => {
    expect(highlightDigits('0151 056 7777', '999')).toEqual([{ text: '0151 056 7777', match: false }]);
    expect(highlightDigits('0151 056 7777', null)).toEqual([{ text: '0151 056 7777', match: false }]);
  });
});
