import type { PricingRule as PricingRuleRow } from '../../generated/prisma/client';
import { ok, type Result } from '../../graphql/errors';
import type { Actor } from '../audit/audit.service';
import type { ModuleDeps } from '../module-deps';
import { skuSellPrices, type VolumeTier } from './markup';
import { previewRule } from './preview';
import type { DidGroupSummary, PricingPreview, PricingRule } from './pricing.types';
import { repriceCatalog, rulesInForceAt, type RepriceResult } from './repricing';
import { RuleChanges } from './rule-changes';
import { governingRule, ruleStatus } from './rule-resolution';
import { ruleInclude, tiersOf, toRuleView } from './rule-view';
import { UUID } from '../../lib/ids';


/** A SKU's price at an instant, with the rule that made it (checkout applies its volume tiers). */
export interface SkuQuote {
  rule: Omit<PricingRuleRow, 'volumeTiers'> & { volumeTiers: VolumeTier[] };
  setupPrice: number;
  monthlyPrice: number;
  currency: string;
  setupCost: number;
  monthlyCost: number;
}

/**
 * Pricing rules (global → country → DID group, versioned by time) and the sell prices they make.
 * The arithmetic lives in markup.ts; this class owns the rules table, price history and reprices.
 */
export class PricingService {
  private readonly changes: RuleChanges;

  constructor(private readonly deps: ModuleDeps) {
    this.changes = new RuleChanges(deps);
  }

  /** Rules by scope (global first), newest first within a scope. */
  async rules(opts: { includeRetired: boolean }): Promise<PricingRule[]> {
    const now = this.deps.clock.now();
    const rows = await this.deps.prisma.pricingRule.findMany({
      where: opts.includeRetired ? {} : { OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
      include: ruleInclude,
      orderBy: [{ scope: 'asc' }, { effectiveFrom: 'desc' }, { id: 'desc' }],
    });
    return rows.filter((r) => opts.includeRetired || ruleStatus(r, now) !== 'RETIRED').map((r) => toRuleView(r, now));
  }

  preview(input: unknown, replacingRuleId: string | null): Promise<PricingPreview> {
    return previewRule(this.deps.prisma, input, replacingRuleId, this.deps.clock.now());
  }

  async createRule(actor: Actor, input: unknown): Promise<Result<PricingRule>> {
    return this.view(await this.changes.create(actor, input));
  }

  async updateRule(actor: Actor, id: string, input: unknown): Promise<Result<PricingRule>> {
    return this.view(await this.changes.update(actor, id, input));
  }

  async retireRule(actor: Actor, id: string): Promise<Result<PricingRule>> {
    return this.view(await this.changes.retire(actor, id));
  }

  /** Brings SKU prices and numbers in stock in line with the rules in force at `now`. Idempotent. */
  reprice(now: Date = this.deps.clock.now()): Promise<RepriceResult> {
    return repriceCatalog(this.deps.prisma, this.deps.log, now);
  }

  /**
   * A reprice for the job queue. A job scheduled for a rule's start passes that instant: should
   * this process's clock lag the database's (which decided the job was due), the rule still counts.
   */
  repriceNow(notBefore?: Date): Promise<RepriceResult> {
    const now = this.deps.clock.now();
    return this.reprice(notBefore && notBefore > now ? notBefore : now);
  }

  /** What the rules in force at `at` make of one SKU; null for an unknown SKU or when no rule applies. */
  async quote(skuId: string, at: Date = this.deps.clock.now()): Promise<SkuQuote | null> {
    if (!UUID.test(skuId)) return null;
    const sku = await this.deps.prisma.sku.findUnique({ where: { id: skuId }, include: { didGroup: { select: { countryId: true } } } });
    if (!sku) return null;
    const rule = governingRule(await rulesInForceAt(this.deps.prisma, at), { didGroupId: sku.didGroupId, countryId: sku.didGroup.countryId }, at);
    if (!rule || rule.currency.trim() !== sku.currency.trim()) return null;
    return {
      rule: { ...rule, volumeTiers: tiersOf(rule) },
      ...skuSellPrices(sku, rule),
      currency: sku.currency.trim(),
      setupCost: sku.setupCost,
      monthlyCost: sku.monthlyCost,
    };
  }

  /** Quotes for many SKUs at once: the rules in force are read once, not once per SKU. */
  async quotes(skuIds: readonly string[], at: Date = this.deps.clock.now()): Promise<Map<string, SkuQuote>> {
    const ids = [...new Set(skuIds)].filter((id) => UUID.test(id));
    const out = new Map<string, SkuQuote>();
    if (ids.length === 0) return out;
    const [skus, rules] = await Promise.all([
      this.deps.prisma.sku.findMany({ where: { id: { in: ids } }, include: { didGroup: { select: { countryId: true } } } }),
      rulesInForceAt(this.deps.prisma, at),
    ]);
    for (const sku of skus) {
      const rule = governingRule(rules, { didGroupId: sku.didGroupId, countryId: sku.didGroup.countryId }, at);
      if (!rule || rule.currency.trim() !== sku.currency.trim()) continue;
      out.set(sku.id, {
        rule: { ...rule, volumeTiers: tiersOf(rule) },
        ...skuSellPrices(sku, rule),
        currency: sku.currency.trim(),
        setupCost: sku.setupCost,
        monthlyCost: sku.monthlyCost,
      });
    }
    return out;
  }

  /** A country's DID groups, for choosing a rule's scope. */
  async didGroups(countryId: string): Promise<DidGroupSummary[]> {
    if (!UUID.test(countryId)) return [];
    return this.deps.prisma.didGroup.findMany({
      where: { countryId },
      select: { id: true, areaName: true, prefix: true, areaCode: true, kind: true, active: true },
      orderBy: [{ areaName: 'asc' }, { prefix: 'asc' }],
    });
  }

  private view(result: Result<Parameters<typeof toRuleView>[0]>): Result<PricingRule> {
    return result.ok ? ok(toRuleView(result.value, this.deps.clock.now())) : result;
  }
}
