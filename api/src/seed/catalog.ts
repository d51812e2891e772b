import type { Prisma } from '../generated/prisma/client';
import {
  demoAvailableNumbers,
  demoCities,
  demoCountries,
  demoDidGroups,
  demoRegions,
  demoSkus,
  type DemoDidGroup,
  type DemoFeature,
  type DemoGroupTypeName,
} from '../demo/coverage';
import { seedId } from './ids';
import { priceSku, type PricedSku } from './prices';

type Kind = Prisma.DidGroupCreateManyInput['kind'];
type Feature = 'VOICE' | 'SMS' | 'T38';

const KIND: Record<DemoGroupTypeName, Kind> = { Local: 'LOCAL', Mobile: 'MOBILE', National: 'NATIONAL', 'Toll-free': 'TOLL_FREE' };
const FEATURE: Record<DemoFeature, Feature> = { voice: 'VOICE', sms: 'SMS', t38: 'T38' };

export interface CatalogRows {
  countries: Prisma.CountryCreateManyInput[];
  regions: Prisma.RegionCreateManyInput[];
  cities: Prisma.CityCreateManyInput[];
  didGroups: Prisma.DidGroupCreateManyInput[];
  skus: Prisma.SkuCreateManyInput[];
  skuPrices: Prisma.SkuPriceCreateManyInput[];
  availableNumbers: Prisma.AvailableNumberCreateManyInput[];
}

/**
 * The demo coverage as our rows: DIDWW ids go to `didwwId`, our ids are seeded, prices come from
 * the demo pricing rule and are copied onto each number for the single-table storefront search.
 */
export function demoCatalog(opts: { perGroup?: number } = {}): CatalogRows {
  const ours = (kind: string) => (didwwId: string) => seedId(`${kind}:${didwwId}`);
  const countryId = ours('country');
  const regionId = ours('region');
  const cityId = ours('city');
  const groupId = ours('did_group');
  const callingCode = new Map(demoCountries.map((c) => [c.id, c.prefix]));

  const countries = demoCountries.map((c) => ({
    id: countryId(c.id),
    didwwId: c.id,
    isoCode: c.iso,
    name: c.name,
    callingCode: c.prefix,
  }));
  const regions = demoRegions.map((r) => ({ id: regionId(r.id), didwwId: r.id, countryId: countryId(r.countryId), name: r.name, code: r.iso }));
  const cities = demoCities.map((c) => ({
    id: cityId(c.id),
    didwwId: c.id,
    countryId: countryId(c.countryId),
    regionId: c.regionId ? regionId(c.regionId) : null,
    name: c.name,
  }));

  // Geographic groups have an area code; so do NANP toll-free ranges (800, 888…), dialled like one.
  const areaCode = (g: DemoDidGroup) => (g.type === 'Local' || callingCode.get(g.countryId) === '1' ? g.prefix : null);
  const didGroups = demoDidGroups.map((g) => ({
    id: groupId(g.id),
    didwwId: g.id,
    countryId: countryId(g.countryId),
    regionId: g.regionId ? regionId(g.regionId) : null,
    cityId: g.cityId ? cityId(g.cityId) : null,
    kind: KIND[g.type],
    prefix: g.prefix,
    areaCode: areaCode(g),
    areaName: g.areaName,
    features: g.features.map((f) => FEATURE[f]),
    isMetered: g.isMetered,
    allowAdditionalChannels: g.allowAdditionalChannels,
    requiresDocuments: g.requirement !== null,
  }));

  const priced = demoSkus.map((s) => priceSku(s, groupId(s.didGroupId)));
  // A number is listed with its group's entry SKU: the one with the fewest channels.
  const entrySku = new Map<string, PricedSku>();
  for (const p of priced) {
    const current = entrySku.get(p.sku.didGroupId);
    if (!current || (p.sku.channelsIncluded ?? 0) < (current.sku.channelsIncluded ?? 0)) entrySku.set(p.sku.didGroupId, p);
  }

  const groupByDidwwId = new Map(demoDidGroups.map((g) => [g.id, g]));
  const availableNumbers = demoAvailableNumbers(opts).map((n) => {
    const g = groupByDidwwId.get(n.didGroupId);
    const entry = entrySku.get(groupId(n.didGroupId));
    const prefix = callingCode.get(n.countryId);
    if (!g || !entry || !prefix) throw new Error(`demo number ${n.number} refers to unknown coverage`);
    return {
      id: seedId(`available_number:${n.id}`),
      didwwId: n.id,
      e164: `+${n.number}`,
      digits: n.number.slice(prefix.length),
      countryId: countryId(n.countryId),
      regionId: g.regionId ? regionId(g.regionId) : null,
      didGroupId: groupId(g.id),
      skuId: entry.sku.id!,
      areaCode: areaCode(g),
      features: g.features.map((f) => FEATURE[f]),
      setupPrice: entry.price.setupPrice,
      monthlyPrice: entry.price.monthlyPrice,
      currency: 'USD',
    };
  });

  return {
    countries,
    regions,
    cities,
    didGroups,
    skus: priced.map((p) => p.sku),
    skuPrices: priced.map((p) => p.price),
    availableNumbers,
  };
}
