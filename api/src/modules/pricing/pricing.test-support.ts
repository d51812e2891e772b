/** Shared by the pricing test files: GraphQL documents and a service on a test clock. */
import type { Clock } from '../../clock';
import { createLogger } from '../../logger';
import type { TestApi } from '../../test/api-harness';
import { PricingService } from './pricing.service';

export const RULE_FIELDS = /* GraphQL */ `
  id scope status markupBasisPoints roundTo currency effectiveFrom effectiveTo note
  country { id isoCode name } didGroup { id areaName prefix kind }
  fixedMarkup { amount currency formatted } minMargin { amount } setupFee { amount } monthlyFee { amount }
  volumeTiers { minQuantity discountBasisPoints } createdBy { id name }
`;

export const PRICING_RULES = `query($all: Boolean) { pricingRules(includeRetired: $all) { ${RULE_FIELDS} } }`;
export const CREATE_RULE = `mutation($input: PricingRuleInput!) { createPricingRule(input: $input) { rule { ${RULE_FIELDS} } errors { code message field } } }`;
export const UPDATE_RULE = `mutation($id: ID!, $input: PricingRuleInput!) { updatePricingRule(id: $id, input: $input) { rule { ${RULE_FIELDS} } errors { code message field } } }`;
export const RETIRE_RULE = `mutation($id: ID!) { retirePricingRule(id: $id) { rule { ${RULE_FIELDS} } errors { code message field } } }`;
export const PREVIEW_RULE = /* GraphQL */ `
  query($input: PricingRuleInput!, $replacing: ID) {
    previewPricingRule(input: $input, replacingRuleId: $replacing) {
      affectedSkuCount increasedCount decreasedCount unchangedCount belowCost
      errors { code message field }
      samples { skuId areaName kind countryIso cost { amount } setupCost { amount } currentMonthly { amount } newMonthly { amount }
        currentSetup { amount } newSetup { amount } lowestMonthly { amount } }
    }
  }
`;
export const DID_GROUPS = 'query($c: ID!) { didGroups(countryId: $c) { id areaName prefix areaCode kind active } }';

export async function countryId(api: TestApi, isoCode: string): Promise<string> {
  return (await api.db.prisma.country.findUniqueOrThrow({ where: { isoCode } })).id;
}

/** A second PricingService over the test database whose clock the test controls. */
export function pricingServiceAt(api: TestApi, clock: Clock): PricingService {
  const { audit, didww } = api.server.services;
  return new PricingService({ prisma: api.db.prisma, clock, config: api.config, log: createLogger('silent'), audit, didww });
}

/** Rows that a refused change must not have written. */
export async function writeCounts(api: TestApi) {
  const [rules, audits, prices, jobs] = await Promise.all([
    api.db.prisma.pricingRule.count(),
    api.db.prisma.auditLog.count(),
    api.db.prisma.skuPrice.count(),
    api.db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`,
  ]);
  return { rules, audits, prices, jobs: jobs[0]!.n };
}
