import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptySearch,
  parseAreaInput,
  parseSearchQuery,
  sameSearch,
  toNumberFilter,
  toSearchQuery,
  withoutFilters,
  type SearchParams,
} from './searchParams';

const full: SearchParams = {
  region: 'b87be205-0435-5d0e-b2d3-cf7b53ecb4bb',
  area: '212',
  contains: 'CALL',
  features: ['VOICE', 'SMS'],
  kind: 'LOCAL',
  max: 150,
  sort: 'PRICE_DESC',
};

describe('parseSearchQuery', () => {
  it('reads every filter of a shared link', () => {
    const query = {
      region: full.region,
      area: '212',
      contains: 'CALL',
      features: 'VOICE,SMS',
      kind: 'LOCAL',
      max: '150',
      sort: 'PRICE_DESC',
    };
    expect(parseSearchQuery(query)).toEqual(full);
  });

  it('gives the default search for an empty query', () => {
    expect(parseSearchQuery({})).toEqual(emptySearch());
  });

  it('is lenient with hand-edited links', () => {
    expect(
      parseSearchQuery({ features: 'sms,bogus,voice,SMS', kind: 'toll-free', sort: 'cheapest', max: '1.50', contains: ' call ' }),
    ).toEqual({ ...emptySearch(), features: ['VOICE', 'SMS'], kind: 'TOLL_FREE', contains: 'CALL' });
  });

  it('accepts FAX for the T38 feature', () => {
    expect(parseSearchQuery({ features: 'fax' }).features).toEqual(['T38']);
  });

  it('keeps the first of a repeated parameter and ignores empty ones', () => {
    expect(parseSearchQuery({ area: ['', '415', '212'], region: '' })).toMatchObject({ area: '415', region: null });
  });

  it('passes odd area and contains values through, for the API to explain', () => {
    expect(parseSearchQuery({ area: '21x', contains: 'CA-LL' })).toMatchObject({ area: '21x', contains: 'CA-LL' });
  });
});

describe('toSearchQuery', () => {
  it('round-trips through parseSearchQuery', () => {
    expect(parseSearchQuery(toSearchQuery(full))).toEqual(full);
  });

  it('leaves out defaults and empty filters', () => {
    expect(toSearchQuery(emptySearch())).toEqual({});
    expect(toSearchQuery({ ...emptySearch(), max: 0 })).toEqual({ max: '0' });
  });

  it('writes one URL per search: fixed key and feature order', () => {
    const query = toSearchQuery({ ...full, features: ['SMS', 'VOICE', 'SMS'] });
    expect(Object.keys(query)).toEqual(['region', 'area', 'contains', 'features', 'kind', 'max', 'sort']);
    expect(query.features).toBe('VOICE,SMS');
    expect(sameSearch(full, { ...full, features: ['SMS', 'VOICE'] })).toBe(true);
  });
});

describe('toNumberFilter', () => {
  it('maps a search to the API filter of its country', () => {
    expect(toNumberFilter('us', full)).toEqual({
      countryIso: 'US',
      regionId: full.region,
      areaCode: '212',
      contains: 'CALL',
      features: ['VOICE', 'SMS'],
      kind: 'LOCAL',
      maxMonthlyPrice: 150,
    });
  });

  it('sends only the filters that are set, so equal searches share a cache entry', () => {
    expect(toNumberFilter('gb', emptySearch())).toEqual({ countryIso: 'GB' });
  });
});

describe('filters', () => {
  it('counts the filters in use, not the sort', () => {
    expect(activeFilterCount(full)).toBe(6);
    expect(activeFilterCount({ ...emptySearch(), sort: 'NUMBER_ASC' })).toBe(0);
  });

  it('clears filters but keeps the sort', () => {
    expect(withoutFilters(full)).toEqual({ ...emptySearch(), sort: 'PRICE_DESC' });
  });
});

describe('parseAreaInput', () => {
  it('applies up to six digits, and nothing for an empty box', () => {
    expect(parseAreaInput(' 212 ')).toEqual({ kind: 'value', value: '212' });
    expect(parseAreaInput('')).toEqual({ kind: 'value', value: null });
    expect(parseAreaInput('1234567')).toMatchObject({ kind: 'error' });
  });

  it('treats words as a city lookup, not as a filter', () => {
    expect(parseAreaInput('New York')).toEqual({ kind: 'lookup' });
    expect(parseAreaInput('Stoke-on-Trent')).toEqual({ kind: 'lookup' });
  });

  it('refuses a mix of digits and letters', () => {
    expect(parseAreaInput('21a')).toMatchObject({ kind: 'error' });
  });
});
