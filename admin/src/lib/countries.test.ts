import { describe, expect, it } from 'vitest';
import { flagEmoji, matchesCountrySearch } from './countries';

describe('flagEmoji', () => {
  it('spells the ISO code in regional indicators', () => {
    expect(flagEmoji('US')).toBe('🇺🇸');
    expect(flagEmoji('gb')).toBe('🇬🇧');
  });

  it('gives nothing for codes that are not two letters', () => {
    expect(flagEmoji('USA')).toBe('');
    expect(flagEmoji('1')).toBe('');
  });
});

describe('matchesCountrySearch', () => {
  const uk = { name: 'United Kingdom', isoCode: 'GB', callingCode: '44' };
  const us = { name: 'United States', isoCode: 'US', callingCode: '1' };

  it('finds by part of the name, any case', () => {
    expect(matchesCountrySearch(uk, 'king')).toBe(true);
    expect(matchesCountrySearch(us, 'KING')).toBe(false);
  });

  it('finds by ISO code', () => {
    expect(matchesCountrySearch(uk, 'gb')).toBe(true);
    expect(matchesCountrySearch(uk, 'GB ')).toBe(true);
    expect(matchesCountrySearch(us, 'gb')).toBe(false);
  });

  it('finds by calling code, with or without the plus', () => {
    expect(matchesCountrySearch(uk, '+44')).toBe(true);
    expect(matchesCountrySearch(uk, '4')).toBe(true);
    expect(matchesCountrySearch(us, '44')).toBe(false);
  });

  it('matches everything when the box is empty', () => {
    expect(matchesCountrySearch(uk, '  ')).toBe(true);
  });
});
