/**
 * The shape checks of a pricing rule input, before anything touches the database. Every issue
 * becomes a VALIDATION UserError whose `field` is the GraphQL path (["input", "roundTo"]), so
 * the admin form can put the message under the right box.
 */
import { z } from 'zod';
import type { PricingRuleScope } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, userError, type Result, type UserError } from '../../graphql/errors';
import type { VolumeTier } from './markup';

/** Tolerance for clock skew between the admin's browser, the API and the database. */
export const PAST_TOLERANCE_MS = 60_000;
export const MAX_MARKUP_BASIS_POINTS = 100_000;
export const MAX_ROUND_TO = 10_000;
export const MAX_TIERS = 20;

/** A validated rule, defaults filled in, ids not yet checked against the database. */
export interface RuleDraft {
  scope: PricingRuleScope;
  countryId: string | null;
  didGroupId: string | null;
  markupBasisPoints: number;
  fixedMarkup: number;
  minMargin: number;
  roundTo: number;
  setupFee: number;
  monthlyFee: number;
  volumeTiers: VolumeTier[];
  currency: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  note: string | null;
}

const wholeNumber = (what: string) =>
  z.number(`${what} must be a number.`).int(`${what} must be a whole number.`).min(0, `${what} cannot be negative.`);
const amount = (what: string) =>
  wholeNumber(what)
    .nullish()
    .transform((v) => v ?? 0);
const optionalId = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null);

const tier = z.object({
  minQuantity: wholeNumber('Minimum quantity').min(2, 'A tier starts at 2 numbers or more: one number pays the list price.'),
  discountBasisPoints: wholeNumber('Discount').max(10_000, 'A discount is at most 10000 basis points (100 %).'),
});

function ruleInputSchema(now: Date) {
  return z
    .object({
      scope: z.enum(['GLOBAL', 'COUNTRY', 'DID_GROUP'], 'Scope must be GLOBAL, COUNTRY or DID_GROUP.'),
      countryId: optionalId,
      didGroupId: optionalId,
      markupBasisPoints: wholeNumber('Markup').max(MAX_MARKUP_BASIS_POINTS, `Markup is at most ${MAX_MARKUP_BASIS_POINTS} basis points (1000 %).`),
      fixedMarkup: amount('Fixed markup'),
      minMargin: amount('Minimum margin'),
      roundTo: wholeNumber('Rounding step')
        .min(1, 'Round to at least 1 minor unit.')
        .max(MAX_ROUND_TO, `Round to at most ${MAX_ROUND_TO} minor units.`)
        .nullish()
        .transform((v) => v ?? 1),
      setupFee: amount('Setup fee'),
      monthlyFee: amount('Monthly fee'),
      volumeTiers: z
        .array(tier)
        .max(MAX_TIERS, `At most ${MAX_TIERS} volume tiers.`)
        .nullish()
        .transform((v) => v ?? []),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .nullish()
        .transform((v) => v || 'USD')
        .refine((v) => v === 'USD', 'Only USD prices are supported for now.'),
      effectiveFrom: z.date('effectiveFrom must be a date-time.').nullish(),
      effectiveTo: z.date('effectiveTo must be a date-time.').nullish(),
      note: z
        .string()
        .trim()
        .max(500, 'A note is at most 500 characters.')
        .nullish()
        .transform((v) => v || null),
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (v.scope === 'GLOBAL' && v.countryId) issue(['countryId'], 'A global rule has no country.');
      if (v.scope !== 'DID_GROUP' && v.didGroupId) issue(['didGroupId'], 'Only a DID_GROUP rule names a DID group.');
      if (v.scope === 'COUNTRY' && !v.countryId) issue(['countryId'], 'A country rule needs its country.');
      if (v.scope === 'DID_GROUP' && !v.didGroupId) issue(['didGroupId'], 'A DID group rule needs its DID group.');

      v.volumeTiers.forEach((t, i) => {
        const prev = v.volumeTiers[i - 1];
        if (!prev) return;
        if (t.minQuantity <= prev.minQuantity) issue(['volumeTiers', i, 'minQuantity'], 'Tiers must be in ascending order of minQuantity, without repeats.');
        // Otherwise buying more numbers could cost more per number than buying fewer.
        if (t.discountBasisPoints < prev.discountBasisPoints) issue(['volumeTiers', i, 'discountBasisPoints'], 'A bigger order cannot get a smaller discount.');
      });

      const from = v.effectiveFrom ?? now;
      if (from.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
        issue(['effectiveFrom'], 'A rule cannot start in the past: prices already charged stay as they were.');
      }
      if (v.effectiveTo && v.effectiveTo <= from) issue(['effectiveTo'], 'effectiveTo must be after effectiveFrom.');
    });
}

/** Parses a PricingRuleInput; `now` is the default (and the earliest) effectiveFrom. */
export function parseRuleInput(input: unknown, now: Date): Result<RuleDraft> {
  const parsed = ruleInputSchema(now).safeParse(input);
  if (!parsed.success) {
    return fail(...parsed.error.issues.map((i) => inputError(ErrorCode.VALIDATION, i.message, i.path.map(String))));
  }
  const v = parsed.data;
  return ok({
    ...v,
    scope: v.scope as PricingRuleScope,
    volumeTiers: v.volumeTiers.map((t) => ({ minQuantity: t.minQuantity, discountBasisPoints: t.discountBasisPoints })),
    effectiveFrom: v.effectiveFrom ?? now,
    effectiveTo: v.effectiveTo ?? null,
  });
}

/** A UserError about a field of the `input` argument. */
export function inputError(code: ErrorCode, message: string, path: string[]): UserError {
  return userError(code, message, ['input', ...path]);
}
