/**
 * The database side of a rule's scope: that its country or DID group exists, and the real SKUs
 * it covers, which the below-cost check and the preview price one by one.
 */
import type { PrismaClient } from '../../db/prisma';
import type { DidGroupKind, PricingRuleScope } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, type Result } from '../../graphql/errors';
import { formatMoney, money } from '../../lib/money';
import { discounted, maxVolumeDiscount, skuSellPrices, type PricingRuleAmounts, type VolumeTier } from './markup';
import { inputError, type RuleDraft } from './rule-input';
import { UUID } from '../../lib/ids';

type Db = Pick<PrismaClient, 'country' | 'didGroup' | 'sku'>;

export interface RuleTarget {
  scope: PricingRuleScope;
  /** For DID_GROUP rules, the group's country (stored too, so lists can show and filter by it). */
  countryId: string | null;
  didGroupId: string | null;
}

/** An active SKU with what pricing needs: its costs, where it sits, and how to name it to staff. */
export interface ScopeSku {
  id: string;
  setupCost: number;
  monthlyCost: number;
  currency: string;
  didGroupId: string;
  countryId: string;
  areaName: string;
  kind: DidGroupKind;
  countryIso: string;
}


/** The country or DID group named by the draft must exist; a malformed id is simply not found. */
export async function resolveTarget(db: Db, draft: Pick<RuleDraft, 'scope' | 'countryId' | 'didGroupId'>): Promise<Result<RuleTarget>> {
  if (draft.scope === 'GLOBAL') return ok({ scope: draft.scope, countryId: null, didGroupId: null });
  if (draft.scope === 'COUNTRY') {
    const country = draft.countryId && UUID.test(draft.countryId) ? await db.country.findUnique({ where: { id: draft.countryId }, select: { id: true } }) : null;
    if (!country) return fail(inputError(ErrorCode.NOT_FOUND, 'No such country.', ['countryId']));
    return ok({ scope: draft.scope, countryId: country.id, didGroupId: null });
  }
  const group = draft.didGroupId && UUID.test(draft.didGroupId)
    ? await db.didGroup.findUnique({ where: { id: draft.didGroupId }, select: { id: true, countryId: true } })
    : null;
  if (!group) return fail(inputError(ErrorCode.NOT_FOUND, 'No such DID group.', ['didGroupId']));
  if (draft.countryId && draft.countryId !== group.countryId) {
    return fail(inputError(ErrorCode.VALIDATION, 'That DID group is in another country.', ['countryId']));
  }
  return ok({ scope: draft.scope, countryId: group.countryId, didGroupId: group.id });
}

/**
 * Every active SKU inside the target, whether or not a more specific rule overrides it today:
 * that rule may be retired tomorrow, and then this one prices the SKU.
 */
export async function skusInScope(db: Db, target: RuleTarget): Promise<ScopeSku[]> {
  const rows = await db.sku.findMany({
    where: {
      active: true,
      ...(target.scope === 'DID_GROUP' ? { didGroupId: target.didGroupId! } : {}),
      ...(target.scope === 'COUNTRY' ? { didGroup: { countryId: target.countryId! } } : {}),
    },
    select: {
      id: true,
      setupCost: true,
      monthlyCost: true,
      currency: true,
      didGroupId: true,
      didGroup: { select: { countryId: true, areaName: true, kind: true, country: { select: { isoCode: true } } } },
    },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({
    id: r.id,
    setupCost: r.setupCost,
    monthlyCost: r.monthlyCost,
    currency: r.currency.trim(),
    didGroupId: r.didGroupId,
    countryId: r.didGroup.countryId,
    areaName: r.didGroup.areaName,
    kind: r.didGroup.kind,
    countryIso: r.didGroup.country.isoCode,
  }));
}

/** The lowest monthly price any order can reach under the rule: list price less the biggest tier. */
export function lowestMonthly(sku: Pick<ScopeSku, 'setupCost' | 'monthlyCost'>, rule: PricingRuleAmounts & { volumeTiers: readonly VolumeTier[] }): number {
  return discounted(skuSellPrices(sku, rule).monthlyPrice, maxVolumeDiscount(rule.volumeTiers));
}

/**
 * Refuses a rule that would sell some SKU in scope below its cost at the biggest volume
 * discount. The message counts them and names one, so staff can see which cost is the problem.
 */
export function belowCostErrors(draft: RuleDraft, skus: readonly ScopeSku[]) {
  const losing = skus.filter((s) => s.currency === draft.currency && lowestMonthly(s, draft) < s.monthlyCost);
  const example = losing[0];
  if (!example) return [];
  const price = (minor: number) => formatMoney(money(minor, draft.currency));
  const discount = maxVolumeDiscount(draft.volumeTiers) / 100;
  const n = losing.length;
  return [
    inputError(
      ErrorCode.VALIDATION,
      `At its biggest volume discount (${discount} %) this rule would sell ${n} SKU${n === 1 ? '' : 's'} below cost, ` +
        `e.g. ${example.areaName} (${example.countryIso}, ${example.kind}): cost ${price(example.monthlyCost)} a month, price ${price(lowestMonthly(example, draft))}.`,
      ['volumeTiers'],
    ),
  ];
}
