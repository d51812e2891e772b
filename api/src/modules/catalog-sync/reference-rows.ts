/**
 * DIDWW coverage → the rows we keep, as pure functions (no I/O), with the same rules as the demo
 * seed (`src/seed/catalog.ts`): a seeded database and a synced one must agree row for row, or the
 * first sync after a seed would "change" everything.
 */
import type { DidGroupKind, NumberFeature } from '../../generated/prisma/enums';
import type { City, Country, DidGroup, DidNumberKind, Region } from '../../integrations/didww';

export interface CountryRow { didwwId: string; iso: string; name: string; callingCode: string }
export interface RegionRow { didwwId: string; countryDidwwId: string; name: string; code: string | null }
export interface CityRow { didwwId: string; countryDidwwId: string; regionDidwwId: string | null; name: string }
export interface GroupRow {
  didwwId: string;
  countryDidwwId: string;
  regionDidwwId: string | null;
  cityDidwwId: string | null;
  /** Null for kinds we do not sell (shared cost, global…): such groups are never activated. */
  kind: DidGroupKind | null;
  prefix: string;
  areaCode: string | null;
  areaName: string;
  features: NumberFeature[];
  isMetered: boolean;
  allowAdditionalChannels: boolean;
  requiresDocuments: boolean;
  /** What we sell: a known kind that needs no documents. */
  sellable: boolean;
}
export interface SkuRow { didwwId: string; groupDidwwId: string; setupCost: number; monthlyCost: number; channelsIncluded: number }

/** Everything the reference sync fetched, ready to apply. */
export interface ReferenceSnapshot {
  countries: CountryRow[];
  regions: RegionRow[];
  cities: CityRow[];
  groups: GroupRow[];
  skus: SkuRow[];
}

const KINDS: Partial<Record<DidNumberKind, DidGroupKind>> = { local: 'LOCAL', mobile: 'MOBILE', national: 'NATIONAL', toll_free: 'TOLL_FREE' };
const FEATURES = { voice: 'VOICE', sms: 'SMS', t38: 'T38' } as const satisfies Record<string, NumberFeature>;

/**
 * A DIDWW decimal amount in cents, any fraction of a cent rounded UP (as the seed does), so a
 * wholesale cost is never understated. DIDWW sends strings like "1.50" or "0.0036".
 */
export function costCents(amount: string): number {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(amount.trim());
  if (!m) throw new Error(`DIDWW sent a price that is not a decimal amount: "${amount}"`);
  const [, whole = '0', fraction = ''] = m;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return /[1-9]/.test(fraction.slice(2)) ? cents + 1 : cents;
}

export const toCountryRow = (c: Country): CountryRow => ({ didwwId: c.id, iso: c.iso.toUpperCase(), name: c.name, callingCode: c.prefix });

export function toRegionRow(r: Region): RegionRow | null {
  return r.countryId ? { didwwId: r.id, countryDidwwId: r.countryId, name: r.name, code: r.iso } : null;
}

export function toCityRow(c: City): CityRow | null {
  return c.countryId ? { didwwId: c.id, countryDidwwId: c.countryId, regionDidwwId: c.regionId, name: c.name } : null;
}

/** `callingCode` of the group's country decides the area code rule (NANP toll-free ranges have one). */
export function toGroupRow(g: DidGroup, countryDidwwId: string, callingCode: string): GroupRow {
  const kind = (g.kind && KINDS[g.kind]) ?? null;
  // Geographic groups have an area code; so do NANP toll-free ranges (800, 888…), dialled like one.
  const areaCode = kind === 'LOCAL' || callingCode === '1' ? g.prefix : null;
  return {
    didwwId: g.id,
    countryDidwwId,
    regionDidwwId: g.regionId,
    cityDidwwId: g.cityId,
    kind,
    prefix: g.prefix,
    areaCode,
    areaName: g.areaName,
    features: g.features.map((f) => FEATURES[f]),
    isMetered: g.isMetered,
    allowAdditionalChannels: g.allowAdditionalChannels,
    requiresDocuments: g.requiresDocuments,
    sellable: kind !== null && !g.requiresDocuments,
  };
}

export function toSkuRows(g: DidGroup): SkuRow[] {
  return (g.stockKeepingUnits ?? []).map((k) => ({
    didwwId: k.id,
    groupDidwwId: g.id,
    setupCost: costCents(k.setupPrice),
    monthlyCost: costCents(k.monthlyPrice),
    channelsIncluded: k.channelsIncludedCount,
  }));
}
