import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { DEMO_PRICING_RULE, seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import type { Actor } from '../audit/audit.service';
import { skuSellPrices } from './markup';
import type { PricingService } from './pricing.service';
import { countryId, pricingServiceAt, writeCounts } from './pricing.test-support';

const T0 = new Date('2031-03-01T12:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

describe('rule resolution and versioning on a fixed clock', () => {
  const api = useTestApi();
  const clock = fixedClock(T0);
  let pricing: PricingService;
  let actor: Actor;
  let us: string;
  // Two US SKUs in different DID groups, and a French one.
  let nySku: { id: string; didGroupId: string };
  let otherUsSku: { id: string; didGroupId: string };
  let frSku: { id: string };

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    pricing = pricingServiceAt(api, clock);
    actor = { userId: (await createSignedInUser(api, 'ADMIN')).userId, ip: null, requestId: null };
    us = await countryId(api, 'US');
    const usSkus = await api.db.prisma.sku.findMany({ where: { active: true, didGroup: { countryId: us } }, orderBy: { id: 'asc' } });
    nySku = usSkus[0]!;
    otherUsSku = usSkus.find((s) => s.didGroupId !== nySku.didGroupId)!;
    frSku = await api.db.prisma.sku.findFirstOrThrow({ where: { active: true, didGroup: { country: { isoCode: 'FR' } } } });
  }, 60_000);

  const create = async (input: Record<string, unknown>) => {
    const result = await pricing.createRule(actor, input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value;
  };
  const governs = async (skuId: string, at: Date) => (await pricing.quote(skuId, at))?.rule.id;

  it('lets the most specific rule in force govern, each within its effective dates', async () => {
    const country = await create({ scope: 'COUNTRY', countryId: us, markupBasisPoints: 5000, effectiveFrom: hours(1) });
    const group = await create({ scope: 'DID_GROUP', didGroupId: nySku.didGroupId, markupBasisPoints: 7000, effectiveFrom: hours(2), effectiveTo: hours(3) });
    expect(group.country?.id).toBe(us);

    expect(await governs(nySku.id, T0)).toBe(DEMO_PRICING_RULE.id);
    expect(await governs(nySku.id, hours(1))).toBe(country.id);
    expect(await governs(nySku.id, hours(2))).toBe(group.id);
    expect(await governs(nySku.id, new Date(hours(3).getTime() - 1))).toBe(group.id);
    expect(await governs(nySku.id, hours(3))).toBe(country.id);
    expect(await governs(otherUsSku.id, hours(2))).toBe(country.id);
    expect(await governs(frSku.id, hours(2))).toBe(DEMO_PRICING_RULE.id);

    // Of two country rules in force, the later start wins.
    const newer = await create({ scope: 'COUNTRY', countryId: us, markupBasisPoints: 5500, effectiveFrom: hours(4) });
    expect(await governs(otherUsSku.id, hours(4))).toBe(newer.id);
    expect(await governs(otherUsSku.id, hours(3.5))).toBe(country.id);

    const sku = await api.db.prisma.sku.findUniqueOrThrow({ where: { id: nySku.id } });
    const quote = (await pricing.quote(nySku.id, hours(2)))!;
    expect({ setupPrice: quote.setupPrice, monthlyPrice: quote.monthlyPrice }).toEqual(
      skuSellPrices(sku, { markupBasisPoints: 7000, fixedMarkup: 0, minMargin: 0, roundTo: 1, setupFee: 0, monthlyFee: 0 }),
    );
  });

  it('prices from the rule in force at the reprice instant, dating the history row then', async () => {
    clock.set(hours(2));
    const result = await pricing.reprice();
    expect(result.priceChanges).toBeGreaterThan(0);
    const latest = await api.db.prisma.skuPrice.findFirstOrThrow({ where: { skuId: nySku.id }, orderBy: { effectiveFrom: 'desc' } });
    const groupRule = await api.db.prisma.pricingRule.findFirstOrThrow({ where: { didGroupId: nySku.didGroupId } });
    expect(latest).toMatchObject({ effectiveFrom: hours(2), ruleIds: [groupRule.id] });
    expect(await pricing.reprice()).toMatchObject({ priceChanges: 0, numbersUpdated: 0 });
  });

  it('ends a rule in force at the exact instant its successor starts', async () => {
    clock.set(hours(5));
    const input = { scope: 'DID_GROUP', didGroupId: otherUsSku.didGroupId, markupBasisPoints: 6000 };
    const rule = await create(input);
    clock.set(hours(6));
    const result = await pricing.updateRule(actor, rule.id, { ...input, markupBasisPoints: 6100 });
    expect(result.ok && result.value).toMatchObject({ effectiveFrom: hours(6), effectiveTo: null, markupBasisPoints: 6100, status: 'ACTIVE' });
    expect(await api.db.prisma.pricingRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ effectiveFrom: hours(5), effectiveTo: hours(6) });
  });

  it('refuses to schedule a change to a rule in force; that is a new rule with a later start', async () => {
    const result = await pricing.updateRule(actor, DEMO_PRICING_RULE.id, { scope: 'GLOBAL', markupBasisPoints: 4100, effectiveFrom: hours(30) });
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([['input', 'effectiveFrom']]);
  });

  it('retires a scheduled rule so that it never takes effect', async () => {
    const scheduled = await create({ scope: 'COUNTRY', countryId: us, markupBasisPoints: 9000, effectiveFrom: hours(10) });
    const retired = await pricing.retireRule(actor, scheduled.id);
    expect(retired.ok && retired.value).toMatchObject({ status: 'RETIRED', effectiveTo: clock.now() });
    expect(await governs(otherUsSku.id, hours(11))).not.toBe(scheduled.id);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { targetId: scheduled.id, action: 'pricing_rule.retire' } });
    expect(audit.data).toMatchObject({ before: { effectiveTo: null }, after: { effectiveTo: clock.now().toISOString() } });
  });

  describe('there is always a global price', () => {
    it('refuses to retire the last global rule, and writes nothing', async () => {
      const before = await writeCounts(api);
      const result = await pricing.retireRule(actor, DEMO_PRICING_RULE.id);
      expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'VALIDATION', field: ['id'], message: expect.stringContaining('last global rule') })] });
      expect(await writeCounts(api)).toEqual(before);
    });

    it('refuses to give the only global rule an end, or to lean on a global rule that starts later', async () => {
      const ending = await pricing.updateRule(actor, DEMO_PRICING_RULE.id, { scope: 'GLOBAL', markupBasisPoints: 4000, effectiveTo: hours(100) });
      expect(!ending.ok && ending.errors.map((e) => e.field)).toEqual([['input', 'effectiveTo']]);

      const later = await create({ scope: 'GLOBAL', markupBasisPoints: 4200, effectiveFrom: hours(50) });
      expect((await pricing.retireRule(actor, DEMO_PRICING_RULE.id)).ok).toBe(false);
      expect((await pricing.retireRule(actor, later.id)).ok).toBe(true);
    });

    it('retires a global rule once another covers from now on', async () => {
      const successor = await create({ scope: 'GLOBAL', markupBasisPoints: 4300 });
      expect((await pricing.retireRule(actor, DEMO_PRICING_RULE.id)).ok).toBe(true);
      expect(await governs(frSku.id, clock.now())).toBe(successor.id);
      expect((await pricing.retireRule(actor, successor.id)).ok).toBe(false);
    });
  });
});
