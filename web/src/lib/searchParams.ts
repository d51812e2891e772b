import type { LocationQuery, LocationQueryValue } from 'vue-router';
import type { AvailableNumberFilter, AvailableNumberSort, NumberFeature, NumberKind } from '../gql/graphql';

/** A search as the URL holds it; every filter of the search page is here, so a search is a link. */
export interface SearchParams {
  /** Region id (see `regions`). */
  region: string | null;
  /** Area code or prefix digits, as in the URL (the API judges odd values). */
  area: string | null;
  /** Digits or letters the number must contain, upper-cased. */
  contains: string | null;
  /** Always in FEATURES order, without repeats. */
  features: NumberFeature[];
  kind: NumberKind | null;
  /** Highest monthly price in minor units (`max=150` is $1.50). */
  max: number | null;
  sort: AvailableNumberSort;
}

/** The search page's filters; `features` and the rest name the inputs that API errors point at. */
export type FilterField = 'region' | 'area' | 'contains' | 'features' | 'kind' | 'max';

export const FEATURES: readonly NumberFeature[] = ['VOICE', 'SMS', 'T38'];
export const KINDS: readonly NumberKind[] = ['LOCAL', 'MOBILE', 'NATIONAL', 'TOLL_FREE'];
export const SORTS: readonly AvailableNumberSort[] = ['PRICE_ASC', 'PRICE_DESC', 'NUMBER_ASC'];
export const DEFAULT_SORT: AvailableNumberSort = 'PRICE_ASC';

export const emptySearch = (): SearchParams => ({
  region: null,
  area: null,
  contains: null,
  features: [],
  kind: null,
  max: null,
  sort: DEFAULT_SORT,
});

type QueryValue = LocationQueryValue | LocationQueryValue[] | undefined;

/** The first non-empty value of a query parameter, trimmed; repeated parameters keep the first. */
function text(value: QueryValue): string | null {
  const first = Array.isArray(value) ? value.find((v) => v) : value;
  const trimmed = typeof first === 'string' ? first.trim() : '';
  return trimmed === '' ? null : trimmed;
}

/** "toll-free" and "toll_free" both name TOLL_FREE; anything unknown is null. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  const wanted = value?.toUpperCase().replace(/-/g, '_');
  return allowed.find((candidate) => candidate === wanted) ?? null;
}

/** Known features in canonical order; "FAX" is accepted for T38. */
export function normalizeFeatures(values: readonly string[]): NumberFeature[] {
  const wanted = new Set(values.map((v) => v.trim().toUpperCase()).map((v) => (v === 'FAX' ? 'T38' : v)));
  return FEATURES.filter((feature) => wanted.has(feature));
}

/**
 * Reads the URL query. Lenient: unknown features, kinds and sorts are dropped and an unreadable
 * `max` is ignored, so an old or hand-edited link still searches. `area` and `contains` pass
 * through as written: the API's validation message then shows next to the field.
 */
export function parseSearchQuery(query: LocationQuery): SearchParams {
  const max = text(query.max);
  const features = text(query.features);
  return {
    region: text(query.region),
    area: text(query.area),
    contains: text(query.contains)?.toUpperCase() ?? null,
    features: features ? normalizeFeatures(features.split(',')) : [],
    kind: oneOf(text(query.kind), KINDS),
    max: max !== null && /^\d{1,9}$/.test(max) ? Number(max) : null,
    sort: oneOf(text(query.sort), SORTS) ?? DEFAULT_SORT,
  };
}

/** The URL query of a search: fixed key order, defaults left out, so one search has one URL. */
export function toSearchQuery(params: SearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.region) query.region = params.region;
  if (params.area) query.area = params.area;
  if (params.contains) query.contains = params.contains;
  const features = normalizeFeatures(params.features);
  if (features.length) query.features = features.join(',');
  if (params.kind) query.kind = params.kind;
  if (params.max !== null) query.max = String(params.max);
  if (params.sort !== DEFAULT_SORT) query.sort = params.sort;
  return query;
}

export function sameSearch(a: SearchParams, b: SearchParams): boolean {
  return JSON.stringify(toSearchQuery(a)) === JSON.stringify(toSearchQuery(b));
}

/** The API filter for a search in one country (`iso` as in the page URL, any case). */
export function toNumberFilter(iso: string, params: SearchParams): AvailableNumberFilter {
  const filter: AvailableNumberFilter = { countryIso: iso.toUpperCase() };
  if (params.region) filter.regionId = params.region;
  if (params.area) filter.areaCode = params.area;
  if (params.contains) filter.contains = params.contains;
  const features = normalizeFeatures(params.features);
  if (features.length) filter.features = features;
  if (params.kind) filter.kind = params.kind;
  if (params.max !== null) filter.maxMonthlyPrice = params.max;
  return filter;
}

/** How many filters narrow the search (the sort is not a filter). */
export function activeFilterCount(params: SearchParams): number {
  return [params.region, params.area, params.contains, params.kind, params.max].filter((v) => v !== null).length + (params.features.length ? 1 : 0);
}

/** The same search with every filter removed; the sort stays. */
export function withoutFilters(params: SearchParams): SearchParams {
  return { ...emptySearch(), sort: params.sort };
}

/** What the area box holds: digits to search for, nothing, a city name being looked up, or a mistake. */
export type AreaInput = { kind: 'value'; value: string | null } | { kind: 'lookup' } | { kind: 'error'; error: string };

export const AREA_MAX = 6;

/** Reads the area box: digits apply, letters look a city up in the list (not applied until picked). */
export function parseAreaInput(input: string): AreaInput {
  const text = input.trim();
  if (text === '') return { kind: 'value', value: null };
  if (/^\d+$/.test(text)) {
    return text.length <= AREA_MAX ? { kind: 'value', value: text } : { kind: 'error', error: `Area codes have at most ${AREA_MAX} digits.` };
  }
  if (/^[\p{L} .'-]+$/u.test(text)) return { kind: 'lookup' };
  return { kind: 'error', error: 'Type the digits of an area code, or a city name and pick it from the list.' };
}
