import { parseCrontab, type JobHelpers } from 'graphile-worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import { skuSellPrices } from './markup';
import { pricingCrontab, pricingTasks } from './pricing.jobs';
import { countryId, CREATE_RULE, PREVIEW_RULE } from './pricing.test-support';

const SEARCH = /* GraphQL */ `
  query($filter: AvailableNumberFilter!, $after: String) {
    availableNumbers(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id e164 setupPrice { amount } monthlyPrice { amount currency } } }
    }
  }
`;
type Listed = { id: string; setupPrice: { amount: number }; monthlyPrice: { amount: number } };
type SearchPage = { edges: Array<{ node: Listed }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const quietHelpers = { logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } } as unknown as JobHelpers;

describe('repricing the catalog', () => {
  const api = useTestApi();
  let admin: { token: string };
  let us: string;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    admin = await createSignedInUser(api, 'ADMIN');
    us = await countryId(api, 'US');
  }, 60_000);

  /** Every number the storefront lists for a country, through the public search. */
  async function storefront(countryIso: string): Promise<Map<string, Listed>> {
    const all = new Map<string, Listed>();
    let after: string | null = null;
    do {
      const res = await api.gql<{ availableNumbers: SearchPage }>(SEARCH, { filter: { countryIso }, after });
      const page: SearchPage = res.body.data!.availableNumbers;
      for (const e of page.edges) all.set(e.node.id, e.node);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  }

  it('finds nothing to change straight after the seed: the seed and the reprice price alike', async () => {
    expect(await api.server.services.pricing.reprice()).toMatchObject({ priceChanges: 0, numbersUpdated: 0, unpriced: 0 });
  });

  it('runs every 15 minutes under the same job key as rule changes', () => {
    const [item] = parseCrontab(pricingCrontab.join('\n'));
    expect(item).toMatchObject({ task: 'reprice-catalog', options: { jobKey: 'reprice-catalog' } });
    expect(item!.match).toBeTypeOf('function');
  });

  it('raises US prices end to end: preview, rule, queued job, reprice, storefront; held and sold numbers keep theirs', async () => {
    const prisma = api.db.prisma;
    const usNumbers = await prisma.availableNumber.findMany({ where: { countryId: us, status: 'AVAILABLE' }, take: 2, orderBy: { e164: 'asc' } });
    const [held, sold] = usNumbers;
    await prisma.availableNumber.update({ where: { id: held!.id }, data: { status: 'HELD' } });
    await prisma.availableNumber.update({ where: { id: sold!.id }, data: { status: 'SOLD' } });
    const frBefore = await storefront('FR');

    const input = { scope: 'COUNTRY', countryId: us, markupBasisPoints: 6000, minMargin: 50, roundTo: 5, note: 'US costs rose' };
    const preview = (await api.gql(PREVIEW_RULE, { input }, { token: admin.token })).body.data!.previewPricingRule;
    const usSkuCount = await prisma.sku.count({ where: { active: true, didGroup: { countryId: us } } });
    expect(preview).toMatchObject({ affectedSkuCount: usSkuCount, decreasedCount: 0, belowCost: false, errors: [] });
    expect(preview.increasedCount).toBeGreaterThan(0);
    expect(preview.increasedCount + preview.unchangedCount).toBe(usSkuCount);
    const deltas = preview.samples.map((s: { newMonthly: { amount: number }; currentMonthly: { amount: number } }) => s.newMonthly.amount - s.currentMonthly.amount);
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    expect(await prisma.pricingRule.count()).toBe(1); // the preview wrote nothing

    const created = await api.gql(CREATE_RULE, { input }, { token: admin.token });
    const rule = created.body.data!.createPricingRule.rule;
    expect(created.body.data!.createPricingRule.errors).toEqual([]);
    expect(await queuedJobs(prisma, 'reprice-catalog')).toEqual([expect.objectContaining({ key: 'reprice-catalog', payload: {} })]);

    await pricingTasks(api.server.services)['reprice-catalog']!({}, quietHelpers);

    const skus = new Map((await prisma.sku.findMany({ where: { didGroup: { countryId: us } } })).map((s) => [s.id, s]));
    const skuOf = new Map((await prisma.availableNumber.findMany({ where: { countryId: us }, select: { id: true, skuId: true } })).map((n) => [n.id, n.skuId]));
    const listed = await storefront('US');
    expect(listed.size).toBeGreaterThan(100);
    for (const n of listed.values()) {
      const expected = skuSellPrices(skus.get(skuOf.get(n.id)!)!, { ...input, fixedMarkup: 0, setupFee: 0, monthlyFee: 0 });
      expect({ setupPrice: n.setupPrice.amount, monthlyPrice: n.monthlyPrice.amount }).toEqual(expected);
    }
    for (const kept of [held!, sold!]) {
      expect(await prisma.availableNumber.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ setupPrice: kept.setupPrice, monthlyPrice: kept.monthlyPrice });
    }
    expect(await storefront('FR')).toEqual(frBefore);

    // History: the seed's price stays, the new one names the rule that made it.
    const history = await prisma.skuPrice.findMany({ where: { skuId: held!.skuId }, orderBy: { effectiveFrom: 'asc' } });
    const raised = skus.get(held!.skuId)!;
    const changed = skuSellPrices(raised, { ...input, fixedMarkup: 0, setupFee: 0, monthlyFee: 0 }).monthlyPrice !== held!.monthlyPrice;
    expect(history.map((h) => h.ruleIds)).toEqual(changed ? [[expect.any(String)], [rule.id]] : [[expect.any(String)]]);

    expect(await api.server.services.pricing.reprice()).toMatchObject({ priceChanges: 0, numbersUpdated: 0 });
  });

  it('lets a DID group rule override the country rule for its own numbers only', async () => {
    const prisma = api.db.prisma;
    const [group, other] = await prisma.didGroup.findMany({ where: { countryId: us, skus: { some: { active: true } } }, take: 2, orderBy: { id: 'asc' } });
    const input = { scope: 'DID_GROUP', didGroupId: group!.id, markupBasisPoints: 2000 };
    const res = await api.gql(CREATE_RULE, { input }, { token: admin.token });
    expect(res.body.data!.createPricingRule.errors).toEqual([]);
    const otherBefore = await prisma.availableNumber.findMany({ where: { didGroupId: other!.id }, orderBy: { id: 'asc' } });

    const result = await api.server.services.pricing.reprice();
    expect(result.priceChanges).toBe(await prisma.sku.count({ where: { didGroupId: group!.id, active: true } }));

    const numbers = await prisma.availableNumber.findMany({ where: { didGroupId: group!.id, status: 'AVAILABLE' }, include: { sku: true } });
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) {
      expect({ setupPrice: n.setupPrice, monthlyPrice: n.monthlyPrice }).toEqual(
        skuSellPrices(n.sku, { ...input, fixedMarkup: 0, minMargin: 0, roundTo: 1, setupFee: 0, monthlyFee: 0 }),
      );
    }
    expect(await prisma.availableNumber.findMany({ where: { didGroupId: other!.id }, orderBy: { id: 'asc' } })).toEqual(otherBefore);
  });

  it('fixes numbers that arrived with a stale price without writing price history', async () => {
    const prisma = api.db.prisma;
    const stale = await prisma.availableNumber.findFirstOrThrow({ where: { status: 'AVAILABLE' }, orderBy: { e164: 'desc' } });
    await prisma.availableNumber.update({ where: { id: stale.id }, data: { monthlyPrice: 1 } });
    expect(await api.server.services.pricing.reprice()).toMatchObject({ priceChanges: 0, numbersUpdated: 1 });
    expect((await prisma.availableNumber.findUniqueOrThrow({ where: { id: stale.id } })).monthlyPrice).toBe(stale.monthlyPrice);
  });
});
