import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import {
  countryId,
  CREATE_RULE,
  DID_GROUPS,
  PREVIEW_RULE,
  PRICING_RULES,
  RETIRE_RULE,
  UPDATE_RULE,
  writeCounts,
} from './pricing.test-support';

describe('pricing rules over GraphQL', () => {
  const api = useTestApi();
  let admin: { token: string; userId: string };
  let support: { token: string };
  let customer: { token: string };
  let us: string;
  let fr: string;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    [admin, support, customer] = await Promise.all([createSignedInUser(api, 'ADMIN'), createSignedInUser(api, 'SUPPORT'), signUpCustomer(api)]);
    [us, fr] = await Promise.all([countryId(api, 'US'), countryId(api, 'FR')]);
  }, 60_000);

  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token: admin.token });

  describe('who may do what', () => {
    const input = () => ({ scope: 'COUNTRY', countryId: us, markupBasisPoints: 5000 });

    it('answers UNAUTHENTICATED when signed out and FORBIDDEN to a customer, for reads and changes', async () => {
      expect((await api.gql(PRICING_RULES)).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      for (const [query, variables] of [
        [PRICING_RULES, {}],
        [PREVIEW_RULE, { input: input() }],
        [DID_GROUPS, { c: us }],
        [CREATE_RULE, { input: input() }],
      ] as const) {
        const res = await api.gql(query, variables, { token: customer.token });
        expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      }
    });

    it('lets support read and preview but not change rules', async () => {
      const before = await writeCounts(api);
      const rules = await api.gql(PRICING_RULES, {}, { token: support.token });
      expect(rules.body.errors).toBeUndefined();
      const preview = await api.gql(PREVIEW_RULE, { input: input() }, { token: support.token });
      expect(preview.body.data!.previewPricingRule.affectedSkuCount).toBeGreaterThan(0);
      const globalId = rules.body.data!.pricingRules[0].id;
      for (const [query, variables] of [
        [CREATE_RULE, { input: input() }],
        [UPDATE_RULE, { id: globalId, input: { scope: 'GLOBAL', markupBasisPoints: 1 } }],
        [RETIRE_RULE, { id: globalId }],
      ] as const) {
        const res = await api.gql(query, variables, { token: support.token });
        expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      }
      expect(await writeCounts(api)).toEqual(before);
    });
  });

  it('lists the seeded global rule with its amounts as Money', async () => {
    const res = await asAdmin(PRICING_RULES);
    const [global] = res.body.data!.pricingRules;
    expect(global).toMatchObject({
      scope: 'GLOBAL',
      status: 'ACTIVE',
      markupBasisPoints: 4000,
      roundTo: 5,
      country: null,
      didGroup: null,
      minMargin: { amount: 50 },
      fixedMarkup: { amount: 0, currency: 'USD', formatted: '$0.00' },
      volumeTiers: [],
      effectiveFrom: '1970-01-01T00:00:00.000Z',
      effectiveTo: null,
      createdBy: { name: 'Alex Admin' },
    });
  });

  it('lists the DID groups of a country for the scope picker', async () => {
    const res = await asAdmin(DID_GROUPS, { c: us });
    const groups = res.body.data!.didGroups as Array<{ areaName: string; prefix: string; kind: string }>;
    expect(groups.length).toBe(await api.db.prisma.didGroup.count({ where: { countryId: us } }));
    expect(groups[0]).toMatchObject({ areaName: expect.any(String), prefix: expect.stringMatching(/^\d+$/), kind: expect.any(String) });
    expect((await asAdmin(DID_GROUPS, { c: 'nope' })).body.data!.didGroups).toEqual([]);
  });

  describe('validation', () => {
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const base = { scope: 'GLOBAL', markupBasisPoints: 3000 };

    it.each([
      [{ ...base, markupBasisPoints: -1 }, ['input', 'markupBasisPoints']],
      [{ ...base, markupBasisPoints: 100_001 }, ['input', 'markupBasisPoints']],
      [{ ...base, fixedMarkup: -1 }, ['input', 'fixedMarkup']],
      [{ ...base, minMargin: -1 }, ['input', 'minMargin']],
      [{ ...base, setupFee: -1 }, ['input', 'setupFee']],
      [{ ...base, monthlyFee: -1 }, ['input', 'monthlyFee']],
      [{ ...base, roundTo: 0 }, ['input', 'roundTo']],
      [{ ...base, roundTo: 10_001 }, ['input', 'roundTo']],
      [{ ...base, volumeTiers: [{ minQuantity: 1, discountBasisPoints: 100 }] }, ['input', 'volumeTiers', '0', 'minQuantity']],
      [{ ...base, volumeTiers: [{ minQuantity: 5, discountBasisPoints: 10_001 }] }, ['input', 'volumeTiers', '0', 'discountBasisPoints']],
      [{ ...base, volumeTiers: [{ minQuantity: 5, discountBasisPoints: 100 }, { minQuantity: 5, discountBasisPoints: 200 }] }, ['input', 'volumeTiers', '1', 'minQuantity']],
      [{ ...base, volumeTiers: [{ minQuantity: 5, discountBasisPoints: 300 }, { minQuantity: 10, discountBasisPoints: 200 }] }, ['input', 'volumeTiers', '1', 'discountBasisPoints']],
      [{ ...base, currency: 'EUR' }, ['input', 'currency']],
      [{ ...base, effectiveFrom: minutes(-2) }, ['input', 'effectiveFrom']],
      [{ ...base, effectiveFrom: minutes(60), effectiveTo: minutes(30) }, ['input', 'effectiveTo']],
      [{ ...base, effectiveTo: minutes(-30) }, ['input', 'effectiveTo']],
      [{ ...base, note: 'x'.repeat(501) }, ['input', 'note']],
      [{ scope: 'COUNTRY', markupBasisPoints: 3000 }, ['input', 'countryId']],
      [{ scope: 'DID_GROUP', markupBasisPoints: 3000 }, ['input', 'didGroupId']],
    ])('refuses %j with VALIDATION on its field and writes nothing', async (input, field) => {
      const before = await writeCounts(api);
      const res = await asAdmin(CREATE_RULE, { input });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.createPricingRule.rule).toBeNull();
      expect(res.body.data!.createPricingRule.errors).toEqual([{ code: 'VALIDATION', message: expect.any(String), field }]);
      expect(await writeCounts(api)).toEqual(before);
    });

    it('refuses a country on a global rule and a DID group on a country rule', async () => {
      const global = await asAdmin(CREATE_RULE, { input: { ...base, countryId: us } });
      expect(global.body.data!.createPricingRule.errors[0].field).toEqual(['input', 'countryId']);
      const [group] = (await asAdmin(DID_GROUPS, { c: us })).body.data!.didGroups;
      const country = await asAdmin(CREATE_RULE, { input: { scope: 'COUNTRY', countryId: us, didGroupId: group.id, markupBasisPoints: 1 } });
      expect(country.body.data!.createPricingRule.errors[0].field).toEqual(['input', 'didGroupId']);
    });

    it('answers NOT_FOUND for a country or DID group that does not exist', async () => {
      const before = await writeCounts(api);
      const missing = '00000000-0000-7000-8000-000000000000';
      for (const [input, field] of [
        [{ scope: 'COUNTRY', countryId: missing, markupBasisPoints: 1 }, 'countryId'],
        [{ scope: 'COUNTRY', countryId: 'not-a-uuid', markupBasisPoints: 1 }, 'countryId'],
        [{ scope: 'DID_GROUP', didGroupId: missing, markupBasisPoints: 1 }, 'didGroupId'],
      ] as const) {
        const res = await asAdmin(CREATE_RULE, { input });
        expect(res.body.data!.createPricingRule.errors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', field] }]);
      }
      expect(await writeCounts(api)).toEqual(before);
    });

    it('refuses a DID group rule that names another country', async () => {
      const [group] = (await asAdmin(DID_GROUPS, { c: us })).body.data!.didGroups;
      const res = await asAdmin(CREATE_RULE, { input: { scope: 'DID_GROUP', didGroupId: group.id, countryId: fr, markupBasisPoints: 1 } });
      expect(res.body.data!.createPricingRule.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'countryId'] });
    });

    it('refuses volume tiers that would sell below cost, counting the SKUs and naming one', async () => {
      const before = await writeCounts(api);
      const input = { scope: 'COUNTRY', countryId: us, markupBasisPoints: 1000, volumeTiers: [{ minQuantity: 10, discountBasisPoints: 2000 }] };
      const res = await asAdmin(CREATE_RULE, { input });
      const [error] = res.body.data!.createPricingRule.errors;
      const usSkus = await api.db.prisma.sku.count({ where: { active: true, monthlyCost: { gt: 0 }, didGroup: { countryId: us } } });
      expect(error).toMatchObject({ code: 'VALIDATION', field: ['input', 'volumeTiers'] });
      expect(error.message).toContain(`would sell ${usSkus} SKUs below cost, e.g.`);
      expect(error.message).toMatch(/\(US, [A-Z_]+\): cost \$\d+\.\d\d a month, price \$\d+\.\d\d/);
      expect(await writeCounts(api)).toEqual(before);

      const preview = (await asAdmin(PREVIEW_RULE, { input })).body.data!.previewPricingRule;
      expect(preview).toMatchObject({ belowCost: true, errors: [{ field: ['input', 'volumeTiers'] }] });
      expect(preview.samples[0].lowestMonthly.amount).toBeLessThan(preview.samples[0].cost.amount);

      // A smaller discount the markup can carry is accepted.
      const fine = await asAdmin(CREATE_RULE, { input: { ...input, markupBasisPoints: 3000, volumeTiers: [{ minQuantity: 10, discountBasisPoints: 2000 }] } });
      expect(fine.body.data!.createPricingRule.errors).toEqual([]);
      await asAdmin(RETIRE_RULE, { id: fine.body.data!.createPricingRule.rule.id });
    });
  });

  describe('changes', () => {
    it('creates a rule, audits it and queues a reprice in the same transaction', async () => {
      const res = await asAdmin(CREATE_RULE, {
        input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 5000, minMargin: 75, volumeTiers: [{ minQuantity: 10, discountBasisPoints: 500 }], note: ' launch ' },
      });
      const { rule, errors } = res.body.data!.createPricingRule;
      expect(errors).toEqual([]);
      expect(rule).toMatchObject({ scope: 'COUNTRY', status: 'ACTIVE', country: { isoCode: 'FR' }, note: 'launch', createdBy: { id: admin.userId } });
      const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { targetId: rule.id } });
      expect(audit).toMatchObject({ action: 'pricing_rule.create', actorId: admin.userId, targetType: 'PricingRule' });
      expect(audit.data).toMatchObject({ before: null, after: { id: rule.id, markupBasisPoints: 5000, minMargin: 75, countryId: fr } });
      expect(await queuedJobs(api.db.prisma, 'reprice-catalog')).toContainEqual(expect.objectContaining({ key: 'reprice-catalog' }));
    });

    it('schedules a reprice for the start and the end of a future rule', async () => {
      const from = new Date(Date.now() + 86_400_000);
      const to = new Date(Date.now() + 2 * 86_400_000);
      const res = await asAdmin(CREATE_RULE, { input: { scope: 'COUNTRY', countryId: us, markupBasisPoints: 4500, effectiveFrom: from.toISOString(), effectiveTo: to.toISOString() } });
      const { rule } = res.body.data!.createPricingRule;
      expect(rule.status).toBe('SCHEDULED');
      const jobs = await queuedJobs(api.db.prisma, 'reprice-catalog');
      expect(jobs).toContainEqual(expect.objectContaining({ key: `reprice-catalog:${rule.id}`, runAt: from }));
      expect(jobs).toContainEqual(expect.objectContaining({ key: `reprice-catalog:${rule.id}:end`, runAt: to }));
    });

    it('versions a rule in force: it ends now and a successor starts at the same instant', async () => {
      const created = (await asAdmin(CREATE_RULE, { input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 6000 } })).body.data!.createPricingRule.rule;
      const res = await asAdmin(UPDATE_RULE, { id: created.id, input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 6500, roundTo: 10 } });
      const { rule: successor, errors } = res.body.data!.updatePricingRule;
      expect(errors).toEqual([]);
      expect(successor.id).not.toBe(created.id);
      expect(successor).toMatchObject({ status: 'ACTIVE', markupBasisPoints: 6500, roundTo: 10, effectiveTo: null });
      const old = await api.db.prisma.pricingRule.findUniqueOrThrow({ where: { id: created.id } });
      expect(old).toMatchObject({ markupBasisPoints: 6000, effectiveTo: new Date(successor.effectiveFrom) });

      const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { targetId: created.id, action: 'pricing_rule.update' } });
      expect(audit.data).toMatchObject({ before: { markupBasisPoints: 6000, effectiveTo: null }, after: { id: successor.id, markupBasisPoints: 6500 }, successorId: successor.id });

      const listed = (await asAdmin(PRICING_RULES)).body.data!.pricingRules.map((r: { id: string }) => r.id);
      expect(listed).toContain(successor.id);
      expect(listed).not.toContain(created.id);
      const all = (await asAdmin(PRICING_RULES, { all: true })).body.data!.pricingRules;
      expect(all.find((r: { id: string }) => r.id === created.id).status).toBe('RETIRED');
    });

    it('refuses to move a rule in force to another scope, or to change a retired rule', async () => {
      const created = (await asAdmin(CREATE_RULE, { input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 6000 } })).body.data!.createPricingRule.rule;
      const moved = await asAdmin(UPDATE_RULE, { id: created.id, input: { scope: 'COUNTRY', countryId: us, markupBasisPoints: 6000 } });
      expect(moved.body.data!.updatePricingRule.errors).toEqual([{ code: 'VALIDATION', message: expect.any(String), field: ['input', 'scope'] }]);

      await asAdmin(RETIRE_RULE, { id: created.id });
      const before = await writeCounts(api);
      const retired = await asAdmin(UPDATE_RULE, { id: created.id, input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 1 } });
      expect(retired.body.data!.updatePricingRule.errors).toEqual([{ code: 'VALIDATION', message: expect.any(String), field: ['id'] }]);
      const again = await asAdmin(RETIRE_RULE, { id: created.id });
      expect(again.body.data!.retirePricingRule.errors).toEqual([{ code: 'VALIDATION', message: 'This rule is already retired.', field: ['id'] }]);
      expect(await writeCounts(api)).toEqual(before);
    });

    it('edits a future rule in place', async () => {
      const from = new Date(Date.now() + 3_600_000).toISOString();
      const created = (await asAdmin(CREATE_RULE, { input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 7000, effectiveFrom: from } })).body.data!.createPricingRule.rule;
      const later = new Date(Date.now() + 7_200_000);
      const res = await asAdmin(UPDATE_RULE, { id: created.id, input: { scope: 'COUNTRY', countryId: fr, markupBasisPoints: 7100, effectiveFrom: later.toISOString() } });
      expect(res.body.data!.updatePricingRule.rule).toMatchObject({ id: created.id, markupBasisPoints: 7100, status: 'SCHEDULED', effectiveFrom: later.toISOString() });
      expect(await api.db.prisma.pricingRule.count({ where: { markupBasisPoints: { in: [7000, 7100] } } })).toBe(1);
      // The keyed job follows the new start.
      const jobs = await queuedJobs(api.db.prisma, 'reprice-catalog');
      expect(jobs.filter((j) => j.key === `reprice-catalog:${created.id}`)).toEqual([expect.objectContaining({ runAt: later })]);
    });

    it('answers NOT_FOUND for a rule that does not exist', async () => {
      for (const id of ['00000000-0000-7000-8000-000000000000', 'nope']) {
        expect((await asAdmin(RETIRE_RULE, { id })).body.data!.retirePricingRule.errors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['id'] }]);
        const update = await asAdmin(UPDATE_RULE, { id, input: { scope: 'GLOBAL', markupBasisPoints: 1 } });
        expect(update.body.data!.updatePricingRule.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
      }
    });
  });
});
