import { describe, expect, it } from 'vitest';
import { featureLabel, filterCountries, findByIso, flagEmoji, formatNumberCount, kindLabel, popularCountries } from './catalog';

const countries = [
  { isoCode: 'GB', name: 'United Kingdom', callingCode: '44', availableCount: 640 },
  { isoCode: 'US', name: 'United States', callingCode: '1', availableCount: 3152 },
  { isoCode: 'DE', name: 'Germany', callingCode: '49', availableCount: 496 },
  { isoCode: 'IE', name: 'Ireland', callingCode: '353', availableCount: 128 },
];

describe('flagEmoji', () => {
  it('spells the ISO code in regional indicators', () => {
    expect(flagEmoji('US')).toBe('🇺🇸');
    expect(flagEmoji('gb')).toBe('🇬🇧');
  });

  it('gives nothing for something that is not a two-letter code', () => {
    expect(flagEmoji('USA')).toBe('');
    expect(flagEmoji('1')).toBe('');
  });
});

describe('formatNumberCount', () => {
  it('counts numbers in words with grouping', () => {
    expect(formatNumberCount(1)).toBe('1 number');
    expect(formatNumberCount(37)).toBe('37 numbers');
    expect(formatNumberCount(3152)).toBe('3,152 numbers');
    expect(formatNumberCount(0)).toBe('0 numbers');
  });

  it('says "1,000+" once a capped count reaches its cap', () => {
    expect(formatNumberCount(1000, 1000)).toBe('1,000+ numbers');
    expect(formatNumberCount(999, 1000)).toBe('999 numbers');
  });
});

describe('labels', () => {
  it('names features and kinds for people', () => {
    expect(featureLabel('T38')).toBe('Fax');
    expect(kindLabel('TOLL_FREE')).toBe('Toll-free');
  });
});

describe('findByIso', () => {
  it('matches the URL’s lower-case code', () => {
    expect(findByIso(countries, 'us')?.name).toBe('United States');
    expect(findByIso(countries, 'zz')).toBeNull();
  });
});

describe('filterCountries', () => {
  it('matches names, ISO codes and calling codes', () => {
    expect(filterCountries(countries, 'united').map((c) => c.isoCode)).toEqual(['GB', 'US']);
    expect(filterCountries(countries, 'de').map((c) => c.isoCode)).toEqual(['DE']);
    expect(filterCountries(countries, '+44').map((c) => c.isoCode)).toEqual(['GB']);
    expect(filterCountries(countries, '35').map((c) => c.isoCode)).toEqual(['IE']);
    expect(filterCountries(countries, '  ')).toHaveLength(4);
  });
});

describe('popularCountries', () => {
  it('puts the countries with the most numbers first', () => {
    expect(popularCountries(countries, 2).map((c) => c.isoCode)).toEqual(['US', 'GB']);
  });
});
