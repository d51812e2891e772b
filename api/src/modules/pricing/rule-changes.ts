/**
 * Creating, versioning and retiring pricing rules. Each change, its audit row and the reprice
 * jobs it needs commit in one transaction, under one lock, so two admins editing at once cannot
 * both retire "the other" global rule.
 */
import type { Prisma, PricingRule as PricingRuleRow } from '../../generated/prisma/client';
import { ErrorCode, fail, ok, userError, type Result, type UserError } from '../../graphql/errors';
import { enqueueJob, type SqlRunner } from '../../jobs/enqueue';
import type { Actor } from '../audit/audit.service';
import type { ModuleDeps } from '../module-deps';
import { ruleStatus } from './rule-resolution';
import { globalGapErrors, validateRule, type CheckedRule } from './rule-validation';
import { ruleInclude, ruleSnapshot, type RuleWithRelations } from './rule-view';
import { UUID } from '../../lib/ids';

export const REPRICE_TASK = 'reprice-catalog';

// Serialises pricing rule changes (pg advisory lock key, arbitrary but fixed).
const RULES_LOCK = 7_204_119_101;

type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back and answer with expected errors. */
class Refused extends Error {
  constructor(readonly errors: UserError[]) {
    super('refused');
  }
}

export class RuleChanges {
  constructor(private readonly deps: ModuleDeps) {}

  async create(actor: Actor, input: unknown): Promise<Result<RuleWithRelations>> {
    const now = this.deps.clock.now();
    const checked = await validateRule(this.deps.prisma, input, now, null);
    if (checked.errors.length || !checked.rule) return fail(...checked.errors);
    const rule = checked.rule;
    return this.inTransaction(async (tx) => {
      const created = await tx.pricingRule.create({ data: rowData(rule, actor.userId), include: ruleInclude });
      await this.audit(tx, actor, 'pricing_rule.create', created.id, { before: null, after: ruleSnapshot(created) });
      await scheduleReprices(tx, created, now);
      return created;
    });
  }

  /**
   * A rule in force is never edited in place (prices already charged must stay explainable): it
   * ends now and a successor starts now. A rule not yet in force is simply edited.
   */
  async update(actor: Actor, id: string, input: unknown): Promise<Result<RuleWithRelations>> {
    const now = this.deps.clock.now();
    const existing = await this.find(id);
    if (!existing) return fail(userError(ErrorCode.NOT_FOUND, 'No such pricing rule.', ['id']));
    const checked = await validateRule(this.deps.prisma, input, now, { row: existing, field: 'id' });
    if (checked.errors.length || !checked.rule) return fail(...checked.errors);
    const rule = checked.rule;
    const status = ruleStatus(existing, now);

    return this.inTransaction(async (tx) => {
      const current = await tx.pricingRule.findUniqueOrThrow({ where: { id } });
      // Someone may have retired or versioned it between our checks and the lock.
      if (ruleStatus(current, now) !== status || current.updatedAt.getTime() !== existing.updatedAt.getTime()) {
        throw new Refused([userError(ErrorCode.VALIDATION, 'The rule changed meanwhile; reload it and try again.', ['id'])]);
      }
      let result: RuleWithRelations;
      if (status === 'ACTIVE') {
        await tx.pricingRule.update({ where: { id }, data: { effectiveTo: now } });
        result = await tx.pricingRule.create({ data: rowData(rule, actor.userId), include: ruleInclude });
      } else {
        const { createdById: _keepAuthor, ...data } = rowData(rule, actor.userId);
        result = await tx.pricingRule.update({ where: { id }, data, include: ruleInclude });
      }
      if (current.scope === 'GLOBAL') {
        const gap = await globalGapErrors(tx, {}, now, ['input', 'effectiveTo']);
        if (gap.length) throw new Refused(gap);
      }
      await this.audit(tx, actor, 'pricing_rule.update', id, {
        before: ruleSnapshot(current),
        after: ruleSnapshot(result),
        ...(result.id !== id ? { successorId: result.id } : {}),
      });
      await scheduleReprices(tx, result, now);
      return result;
    });
  }

  /** Ends a rule now (a future rule then never takes effect). The last global rule stays: there must always be a price. */
  async retire(actor: Actor, id: string): Promise<Result<RuleWithRelations>> {
    const now = this.deps.clock.now();
    if (!(await this.find(id))) return fail(userError(ErrorCode.NOT_FOUND, 'No such pricing rule.', ['id']));
    return this.inTransaction(async (tx) => {
      const current = await tx.pricingRule.findUniqueOrThrow({ where: { id } });
      if (ruleStatus(current, now) === 'RETIRED') throw new Refused([userError(ErrorCode.VALIDATION, 'This rule is already retired.', ['id'])]);
      const retired = await tx.pricingRule.update({ where: { id }, data: { effectiveTo: now }, include: ruleInclude });
      if (current.scope === 'GLOBAL') {
        const gap = await globalGapErrors(tx, { retiring: true }, now, ['id']);
        if (gap.length) throw new Refused(gap);
      }
      await this.audit(tx, actor, 'pricing_rule.retire', id, { before: ruleSnapshot(current), after: ruleSnapshot(retired) });
      // Its own scheduled reprices stay queued: a reprice that changes nothing is harmless.
      await enqueueJob(tx, REPRICE_TASK, {}, { jobKey: REPRICE_TASK });
      return retired;
    });
  }

  private find(id: string): Promise<PricingRuleRow | null> {
    return UUID.test(id) ? this.deps.prisma.pricingRule.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  private audit(tx: Tx, actor: Actor, action: string, targetId: string, data: Prisma.InputJsonObject): Promise<void> {
    return this.deps.audit.record(actor, { action, targetType: 'PricingRule', targetId, data }, tx);
  }

  private async inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<Result<T>> {
    try {
      return ok(
        await this.deps.prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RULES_LOCK}::bigint)`;
          return work(tx);
        }),
      );
    } catch (err) {
      if (err instanceof Refused) return fail(...err.errors);
      throw err;
    }
  }
}

function rowData(rule: CheckedRule, createdById: string): Prisma.PricingRuleUncheckedCreateInput {
  const d = rule.draft;
  return {
    scope: d.scope,
    countryId: d.countryId,
    didGroupId: d.didGroupId,
    markupBasisPoints: d.markupBasisPoints,
    fixedMarkup: d.fixedMarkup,
    minMargin: d.minMargin,
    roundTo: d.roundTo,
    setupFee: d.setupFee,
    monthlyFee: d.monthlyFee,
    volumeTiers: d.volumeTiers.map((t) => ({ minQuantity: t.minQuantity, discountBasisPoints: t.discountBasisPoints })),
    currency: d.currency,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    note: d.note,
    createdById,
  };
}

/**
 * Prices follow rules through the reprice job: once now (keyed, so a burst of edits collapses
 * into one run), and again when the rule starts and ends if those instants lie ahead. A later
 * edit of a future rule replaces its keyed jobs' run times.
 */
async function scheduleReprices(db: SqlRunner, rule: PricingRuleRow, now: Date): Promise<void> {
  await enqueueJob(db, REPRICE_TASK, {}, { jobKey: REPRICE_TASK });
  if (rule.effectiveFrom > now) {
    await enqueueJob(db, REPRICE_TASK, { at: rule.effectiveFrom.toISOString() }, { jobKey: `${REPRICE_TASK}:${rule.id}`, runAt: rule.effectiveFrom });
  }
  if (rule.effectiveTo && rule.effectiveTo > now) {
    await enqueueJob(db, REPRICE_TASK, { at: rule.effectiveTo.toISOString() }, { jobKey: `${REPRICE_TASK}:${rule.id}:end`, runAt: rule.effectiveTo });
  }
}
