/**
 * Everything that decides whether a rule may be saved, shared by the mutations (which refuse) and
 * the preview (which reports): the input's shape, the ids it names, the versioning limits of the
 * rule it replaces, and whether any SKU would sell below cost.
 */
import type { PrismaClient } from '../../db/prisma';
import type { PricingRule as PricingRuleRow } from '../../generated/prisma/client';
import { ErrorCode, userError, type UserError } from '../../graphql/errors';
import { inputError, parseRuleInput, PAST_TOLERANCE_MS, type RuleDraft } from './rule-input';
import { coversFrom, ruleStatus, type RuleWindow } from './rule-resolution';
import { belowCostErrors, resolveTarget, skusInScope, type RuleTarget, type ScopeSku } from './scope-skus';

type Db = Pick<PrismaClient, 'country' | 'didGroup' | 'sku' | 'pricingRule'>;

/** A draft whose ids exist, with the SKUs it covers. */
export interface CheckedRule {
  draft: RuleDraft & RuleTarget;
  skus: ScopeSku[];
}

export interface Validation {
  errors: UserError[];
  /** Present once the input parses and its ids exist, even if it is refused for other reasons (the preview still prices it). */
  rule: CheckedRule | null;
  belowCost: boolean;
}

/** The rule an update replaces, and the argument that named it (`id` or `replacingRuleId`). */
export interface Replacing {
  row: PricingRuleRow;
  field: string;
}

export async function validateRule(db: Db, input: unknown, now: Date, replacing: Replacing | null): Promise<Validation> {
  const parsed = parseRuleInput(input, now);
  if (!parsed.ok) return { errors: parsed.errors, rule: null, belowCost: false };
  const errors: UserError[] = [];
  let draft = parsed.value;

  if (replacing) {
    const status = ruleStatus(replacing.row, now);
    if (status === 'RETIRED') {
      return { errors: [userError(ErrorCode.VALIDATION, 'A retired rule cannot change; create a new one.', [replacing.field])], rule: null, belowCost: false };
    }
    if (status === 'ACTIVE') {
      errors.push(...inForceLimits(replacing.row, draft, now));
      // A rule in force is closed now and its successor starts now: no gap, no overlap.
      draft = { ...draft, effectiveFrom: now };
    }
  }

  const target = await resolveTarget(db, draft);
  if (!target.ok) return { errors: [...errors, ...target.errors], rule: null, belowCost: false };
  const rule = { draft: { ...draft, ...target.value }, skus: await skusInScope(db, target.value) };
  const belowCost = belowCostErrors(draft, rule.skus);
  errors.push(...belowCost);
  if (replacing?.row.scope === 'GLOBAL') {
    const successor = rule.draft.scope === 'GLOBAL' ? rule.draft : null;
    errors.push(...(await globalGapErrors(db, { without: replacing.row.id, with: successor }, now, ['input', 'effectiveTo'])));
  }
  return { errors, rule, belowCost: belowCost.length > 0 };
}

/** A rule in force keeps its target and changes now; a later change is a new rule with a later start. */
function inForceLimits(row: PricingRuleRow, draft: RuleDraft, now: Date): UserError[] {
  const errors: UserError[] = [];
  const sameTarget =
    draft.scope === row.scope &&
    (row.scope !== 'COUNTRY' || draft.countryId === row.countryId) &&
    (row.scope !== 'DID_GROUP' || draft.didGroupId === row.didGroupId);
  if (!sameTarget) errors.push(inputError(ErrorCode.VALIDATION, 'A rule in force keeps its scope; retire it and create another.', ['scope']));
  if (draft.effectiveFrom.getTime() > now.getTime() + PAST_TOLERANCE_MS) {
    errors.push(
      inputError(ErrorCode.VALIDATION, 'A change to a rule in force takes effect now; to schedule one, create a new rule starting later.', ['effectiveFrom']),
    );
  }
  if (draft.effectiveTo && draft.effectiveTo <= now) errors.push(inputError(ErrorCode.VALIDATION, 'effectiveTo must be in the future.', ['effectiveTo']));
  return errors;
}

export interface GapCheck {
  /** A rule to leave out (the one being replaced), when checking a change not yet written. */
  without?: string;
  /** A window to add (the successor), when checking a change not yet written. */
  with?: RuleWindow | null;
  /** Retiring and editing get different advice. */
  retiring?: boolean;
}

/**
 * There must always be a price: GLOBAL rules must cover every instant from now on. Only a change
 * to a GLOBAL rule can open a gap, so callers check only those.
 */
export async function globalGapErrors(db: Pick<PrismaClient, 'pricingRule'>, check: GapCheck, now: Date, field: string[]): Promise<UserError[]> {
  const globals = await db.pricingRule.findMany({
    where: { scope: 'GLOBAL', OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }], ...(check.without ? { id: { not: check.without } } : {}) },
    select: { effectiveFrom: true, effectiveTo: true },
  });
  if (coversFrom(check.with ? [...globals, check.with] : globals, now)) return [];
  const message = check.retiring
    ? 'This is the last global rule: there must always be a price. Create its replacement first.'
    : 'This would leave times with no global rule, and so SKUs with no price: keep it open-ended or add another global rule first.';
  return [userError(ErrorCode.VALIDATION, message, field)];
}
