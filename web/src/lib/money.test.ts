import { describe, expect, it } from 'vitest';
import { formatDollarsInput, parseDollars } from './money';

describe('parseDollars', () => {
  it.each([
    ['1.5', 150],
    ['1.50', 150],
    ['2', 200],
    ['$3.05', 305],
    [' 0.99 ', 99],
    ['.5', 50],
    ['4.', 400],
    ['0', 0],
    ['1234567.89', 123456789],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseDollars(text)).toEqual({ ok: true, cents });
  });

  it('treats an empty box as no limit', () => {
    expect(parseDollars('')).toEqual({ ok: true, cents: null });
    expect(parseDollars('  ')).toEqual({ ok: true, cents: null });
  });

  it('does not round like a float would (0.29 is 29 cents, not 28)', () => {
    expect(parseDollars('0.29')).toEqual({ ok: true, cents: 29 });
    expect(parseDollars('1.13')).toEqual({ ok: true, cents: 113 });
  });

  it.each(['abc', '1.2.3', '-1', '1e3', '.', '1 50', '0x10'])('refuses %s', (text) => {
    expect(parseDollars(text)).toMatchObject({ ok: false, error: expect.stringMatching(/like 1\.50/) });
  });

  it('asks for cents, not fractions of a cent', () => {
    expect(parseDollars('1.505')).toEqual({ ok: false, error: 'Use at most two decimals (cents).' });
  });

  it('explains a comma instead of guessing what it meant', () => {
    expect(parseDollars('1,50')).toEqual({ ok: false, error: 'Use a dot for cents, like 1.50.' });
  });

  it('refuses amounts too large for the API', () => {
    expect(parseDollars('123456789')).toEqual({ ok: false, error: 'That is more than any number costs.' });
  });
});

describe('formatDollarsInput', () => {
  it('writes cents as dollars, dropping empty cents', () => {
    expect(formatDollarsInput(150)).toBe('1.50');
    expect(formatDollarsInput(105)).toBe('1.05');
    expect(formatDollarsInput(200)).toBe('2');
    expect(formatDollarsInput(0)).toBe('0');
  });

  it('round-trips with parseDollars', () => {
    for (const cents of [0, 1, 99, 100, 150, 12345]) {
      expect(parseDollars(formatDollarsInput(cents))).toEqual({ ok: true, cents });
    }
  });
});
