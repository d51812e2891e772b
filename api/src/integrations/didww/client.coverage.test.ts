import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAvailableNumbers, demoCountries, demoDidGroups, demoSkus } from '../../demo/coverage';
import { startFixture, type Fixture } from './fake/testing';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.fake.close());

describe('DIDWW client: coverage against the fake', () => {
  it('lists every country', async () => {
    const countries = await fx.client().countries();
    expect(countries.map((c) => c.iso).sort()).toEqual(demoCountries.map((c) => c.iso).sort());
    expect(countries.find((c) => c.iso === 'GB')).toMatchObject({ name: 'United Kingdom', prefix: '44' });
  });

  it('walks all pages of DID groups and resolves included city, region, type and SKUs', async () => {
    const groups = await fx.client({ pageSize: 50 }).didGroups();
    expect(groups).toHaveLength(demoDidGroups.length);
    expect(new Set(groups.map((g) => g.id)).size).toBe(demoDidGroups.length);
    const nyc = groups.find((g) => g.prefix === '212')!;
    expect(nyc.city?.name).toBe('New York');
    expect(nyc.region?.name).toBe('New York');
    expect(nyc.country?.iso).toBe('US');
    expect(nyc.kind).toBe('local');
    expect(nyc.features).toContain('voice');
    const skus = demoSkus.filter((s) => s.didGroupId === nyc.id);
    expect(nyc.stockKeepingUnits?.map((s) => s.id).sort()).toEqual(skus.map((s) => s.id).sort());
    const sku = nyc.stockKeepingUnits![0]!;
    expect(sku.monthlyPriceCents).toBe(Math.round(Number(sku.monthlyPrice) * 100));
    const tollFree = groups.filter((g) => g.kind === 'toll_free');
    expect(tollFree.length).toBeGreaterThan(5);
    expect(tollFree.every((g) => g.features.join() === 'voice' && g.city === undefined)).toBe(true);
  });

  it('asks for page[size] and follows meta.total_records', async () => {
    const seen: URL[] = [];
    const client = fx.client({
      pageSize: 7,
      fetch: (input, init) => {
        seen.push(new URL(String(input)));
        return fetch(input, init);
      },
    });
    const countries = await client.countries();
    expect(countries).toHaveLength(demoCountries.length);
    expect(seen.map((u) => u.searchParams.get('page[number]'))).toEqual(['1', '2']);
    expect(seen.every((u) => u.searchParams.get('page[size]') === '7')).toBe(true);
  });

  it('filters DID groups by country and regions by country', async () => {
    const ca = demoCountries.find((c) => c.iso === 'CA')!;
    const client = fx.client();
    const groups = await client.didGroups({ countryId: ca.id });
    expect(groups.length).toBeGreaterThanOrEqual(10);
    expect(groups.every((g) => g.countryId === ca.id)).toBe(true);
    const regions = await client.regions({ countryId: ca.id });
    expect(regions.map((r) => r.name)).toContain('Ontario');
    expect(regions.every((r) => r.countryId === ca.id)).toBe(true);
    const cities = await client.cities({ countryId: ca.id });
    expect(cities.map((c) => c.name)).toContain('Vancouver');
  });

  it('filters available numbers by group, country and contained digits', async () => {
    const client = fx.client();
    const group = demoDidGroups.find((g) => g.prefix === '415')!;
    const inGroup = await client.availableDids({ didGroupId: group.id });
    expect(inGroup.length).toBe(demoAvailableNumbers().filter((n) => n.didGroupId === group.id).length);
    expect(inGroup.every((n) => n.number.startsWith('1415') && n.didGroupId === group.id)).toBe(true);

    const vanity = await client.availableDids({ numberContains: '7777' });
    expect(vanity.length).toBeGreaterThan(10);
    expect(vanity.every((n) => n.number.includes('7777'))).toBe(true);

    const page = await client.availableDidsPage({ countryId: demoCountries.find((c) => c.iso === 'GB')!.id }, { number: 2, size: 25 });
    expect(page.items).toHaveLength(25);
    expect(page.totalRecords).toBe(demoAvailableNumbers().filter((n) => n.number.startsWith('44')).length);
    expect(page.items.every((n) => n.number.startsWith('44'))).toBe(true);
  });

  it('uses number_type and refuses the did_group_type include on 2026-11-19', async () => {
    const client = fx.client({ apiVersion: '2026-11-19' });
    const group = await client.getDidGroup(demoDidGroups.find((g) => g.type === 'Mobile')!.id);
    expect(group.kind).toBe('mobile');
    expect(group.didGroupType).toBeUndefined();
    const token = await fetch(fx.fake.tokenUrl, { method: 'POST', headers: { 'Api-Key': fx.fake.apiKey } }).then((r) => r.json() as Promise<{ access_token: string }>);
    const res = await fetch(`${fx.fake.url}/did_groups?include=did_group_type`, {
      headers: { Accept: 'application/vnd.api+json', Authorization: `Bearer ${token.access_token}`, 'X-DIDWW-API-Version': '2026-11-19' },
    });
    expect(res.status).toBe(400);
  });

  it('answers sparse fieldsets and rejects unknown filters', async () => {
    const res = await fetch(`${fx.fake.url}/countries?fields[countries]=iso&page[size]=2`, {
      headers: { Accept: 'application/vnd.api+json', 'Api-Key': fx.fake.apiKey },
    });
    const doc = (await res.json()) as { data: Array<{ attributes: Record<string, unknown> }>; meta: { total_records: number } };
    expect(Object.keys(doc.data[0]!.attributes)).toEqual(['iso']);
    expect(doc.meta.total_records).toBe(demoCountries.length);
    const bad = await fetch(`${fx.fake.url}/countries?filter[colour]=red`, { headers: { 'Api-Key': fx.fake.apiKey } });
    expect(bad.status).toBe(400);
  });
});
