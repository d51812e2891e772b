/**
 * Which pricing rule governs a SKU at an instant. Pure: callers load the rules once and resolve
 * hundreds of SKUs in memory, so a reprice, a preview and a single quote all agree to the cent.
 */
import type { PricingRuleScope } from '../../generated/prisma/enums';

export interface RuleWindow {
  effectiveFrom: Date;
  /** Exclusive; null while the rule has no planned end. */
  effectiveTo: Date | null;
}

export interface ScopedRule extends RuleWindow {
  id: string;
  scope: PricingRuleScope;
  countryId: string | null;
  didGroupId: string | null;
}

/** Where a SKU sits: its DID group and that group's country. */
export interface SkuPlace {
  didGroupId: string;
  countryId: string;
}

export type RuleStatus = 'SCHEDULED' | 'ACTIVE' | 'RETIRED';

export function inForce(rule: RuleWindow, at: Date): boolean {
  return rule.effectiveFrom <= at && (rule.effectiveTo === null || rule.effectiveTo > at);
}

/** A retired future rule has effectiveTo ≤ effectiveFrom: it never applied, and never will. */
export function ruleStatus(rule: RuleWindow, now: Date): RuleStatus {
  if (rule.effectiveTo !== null && (rule.effectiveTo <= now || rule.effectiveTo <= rule.effectiveFrom)) return 'RETIRED';
  return rule.effectiveFrom > now ? 'SCHEDULED' : 'ACTIVE';
}

/** Of two rules of one scope in force together, the later start wins; the id (UUIDv7, time-ordered) breaks exact ties. */
function newer<R extends ScopedRule>(a: R | undefined, b: R): R {
  if (!a) return b;
  const diff = a.effectiveFrom.getTime() - b.effectiveFrom.getTime();
  if (diff !== 0) return diff > 0 ? a : b;
  return a.id > b.id ? a : b;
}

/**
 * Resolves many SKUs against one set of rules at one instant: DID_GROUP for its group beats
 * COUNTRY for the group's country beats GLOBAL. Built in O(rules), each lookup O(1).
 */
export function ruleResolver<R extends ScopedRule>(rules: readonly R[], at: Date): (place: SkuPlace) => R | null {
  const byGroup = new Map<string, R>();
  const byCountry = new Map<string, R>();
  let global: R | undefined;
  for (const rule of rules) {
    if (!inForce(rule, at)) continue;
    if (rule.scope === 'DID_GROUP' && rule.didGroupId) byGroup.set(rule.didGroupId, newer(byGroup.get(rule.didGroupId), rule));
    else if (rule.scope === 'COUNTRY' && rule.countryId) byCountry.set(rule.countryId, newer(byCountry.get(rule.countryId), rule));
    else if (rule.scope === 'GLOBAL') global = newer(global, rule);
  }
  return (place) => byGroup.get(place.didGroupId) ?? byCountry.get(place.countryId) ?? global ?? null;
}

export function governingRule<R extends ScopedRule>(rules: readonly R[], place: SkuPlace, at: Date): R | null {
  return ruleResolver(rules, at)(place);
}

/**
 * Whether the windows together leave no gap from `from` on, forever. There must always be a
 * GLOBAL price, so a change that would open a gap (retiring the last global rule, giving the only
 * one an end date) is refused.
 */
export function coversFrom(windows: readonly RuleWindow[], from: Date): boolean {
  let t = from.getTime();
  const live = windows.filter((w) => w.effectiveTo === null || w.effectiveTo > w.effectiveFrom);
  for (;;) {
    const covering = live.filter((w) => w.effectiveFrom.getTime() <= t && (w.effectiveTo === null || w.effectiveTo.getTime() > t));
    if (covering.length === 0) return false;
    if (covering.some((w) => w.effectiveTo === null)) return true;
    t = Math.max(...covering.map((w) => w.effectiveTo!.getTime()));
  }
}
