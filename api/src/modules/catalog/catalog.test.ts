import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';

const SEARCH = /* GraphQL */ `
  query Search($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {
    availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id e164 nationalFormat internationalFormat areaCode areaName kind features available
        country { isoCode } region { name } setupPrice { amount currency formatted } monthlyPrice { amount currency formatted } } }
    }
  }
`;

type Node = { id: string; e164: string; areaCode: string | null; features: string[]; monthlyPrice: { amount: number } };

describe('catalog search', () => {
  const api = useTestApi();
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
  }, 60_000);

  const search = async (variables: Record<string, unknown>) => api.gql(SEARCH, variables);
  const nodes = (res: Awaited<ReturnType<typeof search>>): Node[] => res.body.data!.availableNumbers.edges.map((e: { node: Node }) => e.node);

  it('lists sellable countries with stock counts and the lowest monthly price', async () => {
    const res = await api.gql('{ countries { id isoCode name availableCount lowestMonthlyPrice { amount currency formatted } } }');
    const countries = res.body.data!.countries as Array<{ isoCode: string; availableCount: number; lowestMonthlyPrice: { amount: number; formatted: string } }>;
    expect(countries.length).toBeGreaterThanOrEqual(8);
    const us = countries.find((c) => c.isoCode === 'US')!;
    expect(us.availableCount).toBeGreaterThan(100);
    expect(us.lowestMonthlyPrice.formatted).toMatch(/^\$\d+\.\d\d$/);
  });

  it('searches a country cheapest first, with national and international formats', async () => {
    const res = await search({ filter: { countryIso: 'US' }, first: 10 });
    const list = nodes(res);
    expect(list).toHaveLength(10);
    for (const [a, b] of list.slice(1).map((n, i) => [list[i]!, n] as const)) {
      expect(a.monthlyPrice.amount < b.monthlyPrice.amount || (a.monthlyPrice.amount === b.monthlyPrice.amount && a.e164 < b.e164)).toBe(true);
    }
    const first = res.body.data!.availableNumbers.edges[0].node;
    expect(first.e164).toMatch(/^\+1\d{10}$/);
    expect(first.nationalFormat).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    expect(first.internationalFormat).toMatch(/^\+1 \d{3} \d{3} \d{4}$/);
    expect(res.body.data!.availableNumbers.totalCount).toBeGreaterThan(100);
  });

  it('pages with cursors: no repeats, and pages stay put when new stock arrives before the cursor', async () => {
    const p1 = await search({ filter: { countryIso: 'GB' }, sort: 'NUMBER_ASC', first: 5 });
    const cursor = p1.body.data!.availableNumbers.pageInfo.endCursor;
    const p2 = await search({ filter: { countryIso: 'GB' }, sort: 'NUMBER_ASC', first: 5, after: cursor });
    const seen = [...nodes(p1), ...nodes(p2)].map((n) => n.e164);
    expect(new Set(seen).size).toBe(10);
    expect(p2.body.data!.availableNumbers.pageInfo.hasPreviousPage).toBe(true);

    // A number sorting before the cursor appears; the second page must not shift.
    const template = await api.db.prisma.availableNumber.findFirstOrThrow({ where: { e164: nodes(p1)[0]!.e164 } });
    const { id: _id, ...rest } = template;
    await api.db.prisma.availableNumber.create({ data: { ...rest, didwwId: 'inserted-1', e164: '+440000000001', digits: '0000000001' } });
    const again = await search({ filter: { countryIso: 'GB' }, sort: 'NUMBER_ASC', first: 5, after: cursor });
    expect(nodes(again).map((n) => n.e164)).toEqual(nodes(p2).map((n) => n.e164));
  });

  it('filters by area code, by vanity digits, and by features with a price ceiling', async () => {
    const byArea = nodes(await search({ filter: { countryIso: 'US', areaCode: '212' }, first: 20 }));
    expect(byArea.length).toBeGreaterThan(0);
    expect(byArea.every((n) => n.areaCode === '212')).toBe(true);

    const vanity = nodes(await search({ filter: { countryIso: 'US', contains: 'CALL' }, first: 20 }));
    expect(vanity.length).toBeGreaterThan(0);
    expect(vanity.every((n) => n.e164.slice(2).includes('2255'))).toBe(true);

    const cheapSms = nodes(await search({ filter: { countryIso: 'US', features: ['SMS', 'VOICE'], maxMonthlyPrice: 150 }, first: 50 }));
    expect(cheapSms.length).toBeGreaterThan(0);
    expect(cheapSms.every((n) => n.features.includes('SMS') && n.monthlyPrice.amount <= 150)).toBe(true);
  });

  it.each([
    [{ filter: { countryIso: 'US' }, first: 101 }, ['first']],
    [{ filter: { countryIso: 'US' }, first: -1 }, ['first']],
    [{ filter: { countryIso: 'US' }, after: 'bm90LWEtY3Vyc29y' }, ['after']],
    [{ filter: { countryIso: 'US', contains: '12-34' } }, ['filter', 'contains']],
    [{ filter: { countryIso: 'US', maxMonthlyPrice: -1 } }, ['filter', 'maxMonthlyPrice']],
    [{ filter: { countryIso: 'US', areaCode: '41a' } }, ['filter', 'areaCode']],
  ])('refuses %j with VALIDATION naming the field', async (variables, field) => {
    const res = await search(variables);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field });
  });

  it('refuses a cursor from another sort order', async () => {
    const p1 = await search({ filter: { countryIso: 'US' }, sort: 'NUMBER_ASC', first: 1 });
    const res = await search({ filter: { countryIso: 'US' }, sort: 'PRICE_ASC', after: p1.body.data!.availableNumbers.pageInfo.endCursor });
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field: ['after'] });
  });

  it('answers an unknown or malformed country id with an empty page, not an error', async () => {
    for (const countryId of ['00000000-0000-0000-0000-000000000000', 'nope']) {
      const res = await search({ filter: { countryId } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.availableNumbers).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    }
    expect((await api.gql('query($id: ID!) { availableNumber(id: $id) { id } }', { id: 'nope' })).body.data!.availableNumber).toBeNull();
  });

  it('lets staff hide a country (audited) and the storefront stops showing it; customers cannot', async () => {
    const fr = (await api.gql('{ countries { id isoCode } }')).body.data!.countries.find((c: { isoCode: string }) => c.isoCode === 'FR');
    const mutation = 'mutation($id: ID!, $on: Boolean!) { setCountryEnabled(countryId: $id, enabled: $on) { country { enabled } errors { code } } }';
    const customer = await signUpCustomer(api);
    const refused = await api.gql(mutation, { id: fr.id, on: false }, { token: customer.token });
    expect(refused.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const staff = await createSignedInUser(api, 'SUPPORT');
    const res = await api.gql(mutation, { id: fr.id, on: false }, { token: staff.token });
    expect(res.body.data!.setCountryEnabled).toEqual({ country: { enabled: false }, errors: [] });
    const listed = (await api.gql('{ countries { isoCode } }')).body.data!.countries.map((c: { isoCode: string }) => c.isoCode);
    expect(listed).not.toContain('FR');
    expect(nodes(await search({ filter: { countryIso: 'FR' } }))).toEqual([]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { targetId: fr.id } });
    expect(audit).toMatchObject({ action: 'country.disable', actorId: staff.userId });

    await api.gql(mutation, { id: fr.id, on: true }, { token: staff.token });
    expect(nodes(await search({ filter: { countryIso: 'FR' } })).length).toBeGreaterThan(0);
  });
});
