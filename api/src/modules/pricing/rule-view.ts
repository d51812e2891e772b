/** Pricing rule rows as the GraphQL types show them, and as the audit log records them. */
import type { Prisma, PricingRule as PricingRuleRow } from '../../generated/prisma/client';
import { toMoney } from '../../graphql/money.type';
import { money } from '../../lib/money';
import type { VolumeTier } from './markup';
import { ruleStatus } from './rule-resolution';
import { PricingRuleStatus, type PricingRule } from './pricing.types';

/** What every rule query includes, so a row can always be shown. */
export const ruleInclude = {
  country: { select: { id: true, isoCode: true, name: true } },
  didGroup: { select: { id: true, areaName: true, prefix: true, areaCode: true, kind: true, active: true } },
  createdBy: { select: { id: true, email: true, name: true, role: true, createdAt: true } },
} as const satisfies Prisma.PricingRuleInclude;

export type RuleWithRelations = Prisma.PricingRuleGetPayload<{ include: typeof ruleInclude }>;

/** The JSON column, read defensively: rows written before validation existed may be odd. */
export function tiersOf(row: Pick<PricingRuleRow, 'volumeTiers'>): VolumeTier[] {
  const raw = Array.isArray(row.volumeTiers) ? row.volumeTiers : [];
  return raw
    .filter((t): t is { minQuantity: number; discountBasisPoints: number } => typeof t === 'object' && t !== null && !Array.isArray(t))
    .map((t) => ({ minQuantity: Number(t.minQuantity), discountBasisPoints: Number(t.discountBasisPoints) }))
    .filter((t) => Number.isSafeInteger(t.minQuantity) && Number.isSafeInteger(t.discountBasisPoints))
    .sort((a, b) => a.minQuantity - b.minQuantity);
}

export function toRuleView(row: RuleWithRelations, now: Date): PricingRule {
  const currency = row.currency.trim();
  const m = (amount: number) => toMoney(money(amount, currency));
  return {
    id: row.id,
    scope: row.scope,
    country: row.country,
    didGroup: row.didGroup,
    markupBasisPoints: row.markupBasisPoints,
    fixedMarkup: m(row.fixedMarkup),
    minMargin: m(row.minMargin),
    roundTo: row.roundTo,
    setupFee: m(row.setupFee),
    monthlyFee: m(row.monthlyFee),
    volumeTiers: tiersOf(row),
    currency,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    status: PricingRuleStatus[ruleStatus(row, now)],
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/** The audit log's before/after picture of a rule: plain JSON, dates as ISO strings. */
export function ruleSnapshot(row: PricingRuleRow): Prisma.InputJsonObject {
  return {
    id: row.id,
    scope: row.scope,
    countryId: row.countryId,
    didGroupId: row.didGroupId,
    markupBasisPoints: row.markupBasisPoints,
    fixedMarkup: row.fixedMarkup,
    minMargin: row.minMargin,
    roundTo: row.roundTo,
    setupFee: row.setupFee,
    monthlyFee: row.monthlyFee,
    volumeTiers: tiersOf(row).map((t) => ({ ...t })),
    currency: row.currency.trim(),
    effectiveFrom: row.effectiveFrom.toISOString(),
    effectiveTo: row.effectiveTo?.toISOString() ?? null,
    note: row.note,
  };
}
