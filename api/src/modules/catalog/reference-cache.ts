import type { PrismaClient } from '../../db/prisma';
import type { Clock } from '../../clock';

export interface CountryRef {
  id: string;
  isoCode: string;
  name: string;
  callingCode: string;
  enabled: boolean;
}

export interface RegionRef {
  id: string;
  countryId: string;
  name: string;
  code: string | null;
}

export interface StockStats {
  count: number;
  lowestMonthly: number | null;
  currency: string | null;
}

interface Snapshot {
  at: number;
  countries: Map<string, CountryRef>;
  countriesByIso: Map<string, CountryRef>;
  regions: Map<string, RegionRef>;
  stockByCountry: Map<string, StockStats>;
  stockByRegion: Map<string, number>;
}

/**
 * Countries, regions and their stock figures change rarely but are read on every search page:
 * one snapshot per process, refreshed after `ttlMs`, and at once in the process that changes them.
 * Other processes see a change within `ttlMs`.
 */
export class ReferenceCache {
  private snapshot: Promise<Snapshot> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly ttlMs = 10_000,
  ) {}

  invalidate(): void {
    this.snapshot = undefined;
  }

  async get(): Promise<Snapshot> {
    const current = this.snapshot;
    if (current) {
      const snap = await current;
      if (this.clock.now().getTime() - snap.at < this.ttlMs) return snap;
      if (this.snapshot !== current) return this.get();
    }
    const next = this.load();
    this.snapshot = next;
    next.catch(() => {
      if (this.snapshot === next) this.snapshot = undefined;
    });
    return next;
  }

  private async load(): Promise<Snapshot> {
    const at = this.clock.now().getTime();
    const [countries, regions, byCountry, byRegion] = await Promise.all([
      this.prisma.country.findMany({ select: { id: true, isoCode: true, name: true, callingCode: true, enabled: true }, orderBy: { name: 'asc' } }),
      this.prisma.region.findMany({ select: { id: true, countryId: true, name: true, code: true }, orderBy: { name: 'asc' } }),
      this.prisma.$queryRaw<Array<{ country_id: string; n: number; lowest: number | null; currency: string | null }>>`
        SELECT country_id, count(*)::int AS n, min(monthly_price)::int AS lowest, min(currency) AS currency
        FROM available_numbers WHERE status = 'AVAILABLE' GROUP BY country_id`,
      this.prisma.$queryRaw<Array<{ region_id: string; n: number }>>`
        SELECT region_id, count(*)::int AS n FROM available_numbers
        WHERE status = 'AVAILABLE' AND region_id IS NOT NULL GROUP BY region_id`,
    ]);
    return {
      at,
      countries: new Map(countries.map((c) => [c.id, c])),
      countriesByIso: new Map(countries.map((c) => [c.isoCode, c])),
      regions: new Map(regions.map((r) => [r.id, r])),
      stockByCountry: new Map(byCountry.map((r) => [r.country_id, { count: r.n, lowestMonthly: r.lowest, currency: r.currency }])),
      stockByRegion: new Map(byRegion.map((r) => [r.region_id, r.n])),
    };
  }
}
