/**
 * What a rule would do if saved, computed exactly as the reprice would, without writing: the
 * admin sees the increases, the decreases and the refusal reasons before pressing Save.
 */
import type { PrismaClient } from '../../db/prisma';
import { ErrorCode, userError, type UserError } from '../../graphql/errors';
import { toMoney } from '../../graphql/money.type';
import { money } from '../../lib/money';
import { skuSellPrices } from './markup';
import type { PricePreviewLine, PricingPreview } from './pricing.types';
import { currentPrices, rulesInForceAt } from './repricing';
import { ruleResolver } from './rule-resolution';
import { validateRule, type Replacing } from './rule-validation';
import { lowestMonthly } from './scope-skus';
import { UUID } from '../../lib/ids';

const SAMPLE_SIZE = 50;
/** The largest UUIDv7: a rule saved now would sort after every existing one, so it wins exact-start ties the same way. */
const CANDIDATE_ID = 'ffffffff-ffff-7fff-bfff-ffffffffffff';

export async function previewRule(prisma: PrismaClient, input: unknown, replacingRuleId: string | null, now: Date): Promise<PricingPreview> {
  let replacing: Replacing | null = null;
  if (replacingRuleId) {
    const row = UUID.test(replacingRuleId) ? await prisma.pricingRule.findUnique({ where: { id: replacingRuleId } }) : null;
    if (!row) return empty([userError(ErrorCode.NOT_FOUND, 'No such pricing rule.', ['replacingRuleId'])]);
    replacing = { row, field: 'replacingRuleId' };
  }
  const validation = await validateRule(prisma, input, now, replacing);
  if (!validation.rule) return empty(validation.errors);
  const { draft, skus } = validation.rule;

  const at = draft.effectiveFrom;
  const [rulesThen, rulesNow] = await Promise.all([rulesInForceAt(prisma, at, replacingRuleId), rulesInForceAt(prisma, now)]);
  const candidate = { ...draft, id: CANDIDATE_ID };
  const governs = ruleResolver([...rulesThen, candidate], at);
  const affected = skus.filter((s) => s.currency === draft.currency && governs(s) === candidate);
  const current = await currentPrices(prisma, affected.map((s) => s.id), now);
  const governsNow = ruleResolver(rulesNow, now);

  let increasedCount = 0;
  let decreasedCount = 0;
  const changes = affected.map((s) => {
    const next = skuSellPrices(s, draft);
    const stored = current.get(s.id);
    // A SKU never priced yet shows what the next reprice would give it under today's rules.
    const ruleNow = stored ? null : governsNow(s);
    const cur = stored
      ? { setupPrice: stored.setup_price, monthlyPrice: stored.monthly_price }
      : ruleNow
        ? skuSellPrices(s, ruleNow)
        : { setupPrice: 0, monthlyPrice: 0 };
    const monthlyDelta = next.monthlyPrice - cur.monthlyPrice;
    const setupDelta = next.setupPrice - cur.setupPrice;
    const direction = Math.sign(monthlyDelta || setupDelta);
    if (direction > 0) increasedCount += 1;
    if (direction < 0) decreasedCount += 1;
    const m = (amount: number) => toMoney(money(amount, draft.currency));
    const line: PricePreviewLine = {
      skuId: s.id,
      areaName: s.areaName,
      kind: s.kind,
      countryIso: s.countryIso,
      cost: m(s.monthlyCost),
      setupCost: m(s.setupCost),
      currentMonthly: m(cur.monthlyPrice),
      newMonthly: m(next.monthlyPrice),
      currentSetup: m(cur.setupPrice),
      newSetup: m(next.setupPrice),
      lowestMonthly: m(lowestMonthly(s, draft)),
    };
    return { line, monthly: Math.abs(monthlyDelta), setup: Math.abs(setupDelta) };
  });
  changes.sort(
    (a, b) =>
      b.monthly - a.monthly ||
      b.setup - a.setup ||
      a.line.countryIso.localeCompare(b.line.countryIso) ||
      a.line.areaName.localeCompare(b.line.areaName) ||
      a.line.skuId.localeCompare(b.line.skuId),
  );

  return {
    affectedSkuCount: affected.length,
    increasedCount,
    decreasedCount,
    unchangedCount: affected.length - increasedCount - decreasedCount,
    belowCost: validation.belowCost,
    errors: validation.errors,
    samples: changes.slice(0, SAMPLE_SIZE).map((c) => c.line),
  };
}

function empty(errors: UserError[]): PricingPreview {
  return { affectedSkuCount: 0, increasedCount: 0, decreasedCount: 0, unchangedCount: 0, belowCost: false, errors, samples: [] };
}
