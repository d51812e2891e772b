/**
 * Deterministic demo coverage, shaped like DIDWW's coverage resources (countries, regions, cities,
 * did_group_types, did_groups, stock_keeping_units, available_dids).
 *
 * Same output on every run and machine: ids are name-based UUIDs (v5 style) and every "random"
 * choice comes from a PRNG seeded by the record's own key, never from Math.random. Every generated
 * number is checked with libphonenumber-js (full metadata) for its country and number type.
 *
 * Used by the database seed and by the fake DIDWW server; application code never imports it.
 */
import { createHash } from 'node:crypto';
import { parsePhoneNumberWithError, type NumberType } from 'libphonenumber-js/max';
import { COUNTRY_SPECS, type CountrySpec, type DemoGroupTypeName } from './coverage-data';

export type { DemoGroupTypeName } from './coverage-data';
export type DemoFeature = 'voice' | 'sms' | 't38';

export interface DemoCountry {
  id: string;
  /** ISO 3166-1 alpha-2. */
  iso: string;
  name: string;
  /** Country calling code, e.g. "1", "44" (DIDWW `countries.prefix`). */
  prefix: string;
}

export interface DemoRegion {
  id: string;
  countryId: string;
  name: string;
  /** ISO 3166-2 code where we know it ("US-NY", "CA-ON"), else null. */
  iso: string | null;
}

export interface DemoCity {
  id: string;
  countryId: string;
  regionId: string | null;
  name: string;
}

export interface DemoDidGroupType {
  id: string;
  name: DemoGroupTypeName;
}

export interface DemoDidGroup {
  id: string;
  countryId: string;
  regionId: string | null;
  cityId: string | null;
  didGroupTypeId: string;
  type: DemoGroupTypeName;
  /** Area prefix after the country code (US/CA: the NPA), as DIDWW's `did_groups.prefix`. */
  prefix: string;
  areaName: string;
  features: DemoFeature[];
  isMetered: boolean;
  allowAdditionalChannels: boolean;
  /** Document requirement; always null: the demo only holds groups that need no documents. */
  requirement: null;
  /** Length of the national significant number of this group's numbers. */
  numberLength: number;
}

export interface DemoSku {
  id: string;
  didGroupId: string;
  /** Decimal USD string, as DIDWW sends it. */
  setupPrice: string;
  /** Decimal USD string, as DIDWW sends it. */
  monthlyPrice: string;
  channelsIncludedCount: number;
}

export interface DemoAvailableDid {
  id: string;
  /** International digits without "+", e.g. "12125550123". */
  number: string;
  didGroupId: string;
  countryId: string;
}

export interface DemoCoverage {
  countries: DemoCountry[];
  regions: DemoRegion[];
  cities: DemoCity[];
  didGroupTypes: DemoDidGroupType[];
  didGroups: DemoDidGroup[];
  skus: DemoSku[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic building blocks

/** Name-based UUID (RFC 4122 version 5 layout over SHA-1) in the demo's own namespace. */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`numninja-demo-coverage:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Seeded PRNG (mulberry32 over an FNV-1a hash of the seed string). Returns floats in [0, 1). */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

/** A price in [lo, hi] USD on a 5-cent grid, as a 2-decimal string. */
function price(rnd: () => number, lo: number, hi: number): string {
  const cents = int(rnd, Math.round(lo * 20), Math.round(hi * 20)) * 5;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Reference data

const GROUP_TYPE_NAMES: DemoGroupTypeName[] = ['Local', 'Mobile', 'National', 'Toll-free'];

export const demoDidGroupTypes: DemoDidGroupType[] = GROUP_TYPE_NAMES.map((name) => ({
  id: demoUuid(`did_group_type:${name}`),
  name,
}));

const typeId = (name: DemoGroupTypeName): string => demoUuid(`did_group_type:${name}`);

/** Monthly price range, setup price range (USD) per country and type; `*` is the fallback. */
const PRICE_BANDS: Record<string, Partial<Record<DemoGroupTypeName, [number, number, number, number]>>> = {
  US: { Local: [0.5, 1.5, 0, 0.5], 'Toll-free': [2, 4, 0, 1] },
  CA: { Local: [0.5, 1.5, 0, 0.5] },
  GB: { Local: [1, 3, 0, 1], Mobile: [4, 8, 0.5, 2], National: [1.5, 3, 0, 1], 'Toll-free': [3, 6, 1, 3] },
  '*': { Local: [1, 2.5, 0, 1.5], Mobile: [3.5, 7.5, 1, 3], National: [1.5, 3.5, 0, 1.5], 'Toll-free': [3, 8, 1, 5] },
};

function priceBand(iso: string, type: DemoGroupTypeName): [number, number, number, number] {
  return PRICE_BANDS[iso]?.[type] ?? PRICE_BANDS['*']?.[type] ?? [1, 2, 0, 1];
}

function featuresFor(rnd: () => number, iso: string, type: DemoGroupTypeName): DemoFeature[] {
  if (type === 'Toll-free') return ['voice'];
  if (type === 'Mobile') return ['voice', 'sms'];
  if (type === 'National') return rnd() < 0.5 ? ['voice', 't38'] : ['voice'];
  const nanp = iso === 'US' || iso === 'CA';
  const sms = nanp ? rnd() < 0.85 : rnd() < 0.25;
  const t38 = rnd() < 0.35;
  return ['voice', ...(sms ? (['sms'] as const) : []), ...(t38 ? (['t38'] as const) : [])];
}

function buildCoverage(specs: CountrySpec[]): DemoCoverage {
  const countries: DemoCountry[] = [];
  const regions = new Map<string, DemoRegion>();
  const cities = new Map<string, DemoCity>();
  const didGroups: DemoDidGroup[] = [];
  const skus: DemoSku[] = [];

  const addGroup = (
    spec: CountrySpec,
    country: DemoCountry,
    type: DemoGroupTypeName,
    prefix: string,
    areaName: string,
    numberLength: number,
    regionId: string | null,
    cityId: string | null,
  ): void => {
    const id = demoUuid(`did_group:${spec.iso}:${type}:${prefix}`);
    const rnd = seededRandom(id);
    didGroups.push({
      id, countryId: country.id, regionId, cityId, didGroupTypeId: typeId(type), type, prefix, areaName,
      features: featuresFor(rnd, spec.iso, type),
      isMetered: type === 'Toll-free',
      allowAdditionalChannels: type !== 'Mobile',
      requirement: null,
      numberLength,
    });
    const [mLo, mHi, sLo, sHi] = priceBand(spec.iso, type);
    const monthly = price(rnd, mLo, mHi);
    skus.push({ id: demoUuid(`sku:${id}:2`), didGroupId: id, setupPrice: price(rnd, sLo, sHi), monthlyPrice: monthly, channelsIncludedCount: 2 });
    if (type !== 'Mobile' && rnd() < 0.3) {
      const bigger = price(rnd, mHi + 2, mHi + 6);
      skus.push({ id: demoUuid(`sku:${id}:10`), didGroupId: id, setupPrice: price(rnd, sLo, sHi), monthlyPrice: bigger, channelsIncludedCount: 10 });
    }
  };

  for (const spec of specs) {
    const country: DemoCountry = { id: demoUuid(`country:${spec.iso}`), iso: spec.iso, name: spec.name, prefix: spec.prefix };
    countries.push(country);
    for (const row of spec.areas) {
      const [prefix = '', cityName = '', regionKey = ''] = row.split('|');
      const regionName = spec.regionNames?.[regionKey] ?? regionKey;
      const regionIso = spec.regionNames ? `${spec.iso}-${regionKey}` : null;
      const regionKeyFull = `${spec.iso}:${regionName}`;
      let region = regions.get(regionKeyFull);
      if (!region) {
        region = { id: demoUuid(`region:${regionKeyFull}`), countryId: country.id, name: regionName, iso: regionIso };
        regions.set(regionKeyFull, region);
      }
      const cityKey = `${regionKeyFull}:${cityName}`;
      let city = cities.get(cityKey);
      if (!city) {
        city = { id: demoUuid(`city:${cityKey}`), countryId: country.id, regionId: region.id, name: cityName };
        cities.set(cityKey, city);
      }
      const len = spec.nsnLengthByPrefix?.[prefix] ?? spec.nsnLength;
      addGroup(spec, country, 'Local', prefix, cityName, len, region.id, city.id);
    }
    for (const row of spec.nonGeo) {
      const [type = 'Local', prefix = '', areaName = '', len = '0'] = row.split('|');
      addGroup(spec, country, type as DemoGroupTypeName, prefix, areaName, Number(len), null, null);
    }
  }
  return { countries, regions: [...regions.values()], cities: [...cities.values()], didGroupTypes: demoDidGroupTypes, didGroups, skus };
}

const coverage = buildCoverage(COUNTRY_SPECS);

export const demoCountries: DemoCountry[] = coverage.countries;
export const demoRegions: DemoRegion[] = coverage.regions;
export const demoCities: DemoCity[] = coverage.cities;
export const demoDidGroups: DemoDidGroup[] = coverage.didGroups;
export const demoSkus: DemoSku[] = coverage.skus;

/** All reference coverage in one object (fresh arrays; the records themselves are shared). */
export function demoCoverage(): DemoCoverage {
  return {
    countries: [...demoCountries], regions: [...demoRegions], cities: [...demoCities],
    didGroupTypes: [...demoDidGroupTypes], didGroups: [...demoDidGroups], skus: [...demoSkus],
  };
}

// ---------------------------------------------------------------------------------------------
// Available numbers

/** Digit runs mixed into some numbers so a "contains digits" search has hits. */
export const DEMO_VANITY_PATTERNS = ['2255', '7777', '8888', '4357', '6789', '1234', '2020', '5000', '9999', '3333'];

/** Numbers per group by default: enough for ≥ 5,000 numbers in total. */
export const DEMO_DEFAULT_PER_GROUP = 16;

const ACCEPTED_TYPES: Record<DemoGroupTypeName, ReadonlyArray<NumberType>> = {
  Local: ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'],
  Mobile: ['MOBILE', 'FIXED_LINE_OR_MOBILE'],
  'Toll-free': ['TOLL_FREE'],
  National: ['UAN', 'VOIP', 'SHARED_COST', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER'],
};

const countryById = new Map(demoCountries.map((c) => [c.id, c]));

/** True when `number` (international digits) is valid for the group's country and type. */
export function isValidDemoNumber(number: string, group: DemoDidGroup): boolean {
  const country = countryById.get(group.countryId);
  if (!country) return false;
  try {
    const parsed = parsePhoneNumberWithError(`+${number}`);
    const type = parsed.getType();
    return (
      parsed.isValid() &&
      parsed.countryCallingCode === country.prefix &&
      parsed.nationalNumber.startsWith(group.prefix) &&
      (parsed.country === country.iso || (group.type === 'Toll-free' && country.prefix === '1')) &&
      type !== undefined &&
      ACCEPTED_TYPES[group.type].includes(type)
    );
  } catch {
    return false;
  }
}

function candidate(rnd: () => number, group: DemoDidGroup, countryPrefix: string): string {
  const restLen = group.numberLength - group.prefix.length;
  let rest = '';
  for (let i = 0; i < restLen; i++) rest += String(int(rnd, 0, 9));
  if (countryPrefix === '1') {
    // NANP exchange: NXX with N in 2–9, never N11 nor the 555 directory/fiction exchange.
    let nxx = `${int(rnd, 2, 9)}${int(rnd, 0, 9)}${int(rnd, 0, 9)}`;
    if (nxx.endsWith('11') || nxx === '555') nxx = `${int(rnd, 2, 9)}${int(rnd, 2, 4)}${int(rnd, 0, 9)}`;
    rest = nxx + rest.slice(3);
  }
  if (rnd() < 0.15 && rest.length >= 6) {
    const vanity = DEMO_VANITY_PATTERNS[int(rnd, 0, DEMO_VANITY_PATTERNS.length - 1)] ?? '7777';
    rest = rest.slice(0, rest.length - 4) + vanity;
  }
  return countryPrefix + group.prefix + rest;
}

const numbersCache = new Map<number, DemoAvailableDid[]>();

function generateNumbers(perGroup: number): DemoAvailableDid[] {
  const seen = new Set<string>();
  const out: DemoAvailableDid[] = [];
  for (const group of demoDidGroups) {
    const country = countryById.get(group.countryId);
    if (!country) continue;
    const rnd = seededRandom(`${group.id}:numbers`);
    let made = 0;
    for (let attempt = 0; made < perGroup && attempt < perGroup * 200; attempt++) {
      const number = candidate(rnd, group, country.prefix);
      if (seen.has(number) || !isValidDemoNumber(number, group)) continue;
      seen.add(number);
      out.push({ id: demoUuid(`available_did:${number}`), number, didGroupId: group.id, countryId: country.id });
      made++;
    }
    if (made < perGroup) {
      throw new Error(`demo coverage: group ${country.iso} ${group.type} ${group.prefix} produced only ${made} valid numbers`);
    }
  }
  return out;
}

/**
 * Concrete numbers in stock, `perGroup` per DID group (default {@link DEMO_DEFAULT_PER_GROUP}).
 * Deterministic; a group's first N numbers are the same whatever `perGroup` is (unless a number
 * collides with an earlier group's). Returns fresh objects on every call.
 */
export function demoAvailableNumbers(opts: { perGroup?: number } = {}): DemoAvailableDid[] {
  const perGroup = Math.max(0, Math.floor(opts.perGroup ?? DEMO_DEFAULT_PER_GROUP));
  let list = numbersCache.get(perGroup);
  if (!list) {
    list = generateNumbers(perGroup);
    numbersCache.set(perGroup, list);
  }
  return list.map((n) => ({ ...n }));
}
