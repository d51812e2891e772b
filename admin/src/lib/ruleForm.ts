/**
 * The pricing rule form as typed (percents and dollars as text, dates as timestamps) and the
 * `PricingRuleInput` it becomes. Conversion is exact (see `decimal.ts`) and checks what can be
 * checked without the API; the API's preview and mutations have the final say.
 */
import type { PricingRuleFieldsFragment, PricingRuleInput, PricingRuleScope } from '../gql/graphql';
import { basisPointsToPercent, dollarsToMinorUnits, minorUnitsToDollars, parseWholeNumber, percentToBasisPoints, type Conversion } from './decimal';
import type { RuleField } from './ruleFields';
import { checkTiers, type TierRow } from './tiers';

export const MAX_MARKUP_BASIS_POINTS = 100_000;
export const MAX_ROUND_TO = 10_000;
export const NOTE_MAX = 500;
/** The API accepts a start up to a minute in the past (clock skew); the form says "past" beyond that too. */
const PAST_TOLERANCE_MS = 60_000;

export interface RuleFormValues {
  scope: PricingRuleScope;
  countryId: string | null;
  didGroupId: string | null;
  /** Percent, e.g. "12.5". */
  markupPercent: string;
  /** Dollars, e.g. "0.50"; blank is 0. */
  fixedMarkup: string;
  minMargin: string;
  /** Cents, a whole number; blank is 1 (to the cent). */
  roundTo: string;
  setupFee: string;
  monthlyFee: string;
  tiers: TierRow[];
  /** Epoch ms; null means "when saved". */
  effectiveFrom: number | null;
  /** Epoch ms; null means open-ended. */
  effectiveTo: number | null;
  note: string;
}

export function emptyRuleForm(): RuleFormValues {
  return {
    scope: 'COUNTRY',
    countryId: null,
    didGroupId: null,
    markupPercent: '',
    fixedMarkup: '',
    minMargin: '',
    roundTo: '',
    setupFee: '',
    monthlyFee: '',
    tiers: [],
    effectiveFrom: null,
    effectiveTo: null,
    note: '',
  };
}

/**
 * The form for changing `rule`. A rule in force changes now (the API starts its successor at
 * once), so its start is left to the API; a scheduled rule keeps its own start.
 */
export function ruleToForm(rule: PricingRuleFieldsFragment, nextKey: () => number): RuleFormValues {
  return {
    scope: rule.scope,
    countryId: rule.country?.id ?? null,
    didGroupId: rule.didGroup?.id ?? null,
    markupPercent: basisPointsToPercent(rule.markupBasisPoints),
    fixedMarkup: minorUnitsToDollars(rule.fixedMarkup.amount),
    minMargin: minorUnitsToDollars(rule.minMargin.amount),
    roundTo: String(rule.roundTo),
    setupFee: minorUnitsToDollars(rule.setupFee.amount),
    monthlyFee: minorUnitsToDollars(rule.monthlyFee.amount),
    tiers: rule.volumeTiers.map((tier) => ({
      key: nextKey(),
      minQuantity: String(tier.minQuantity),
      discountPercent: basisPointsToPercent(tier.discountBasisPoints),
    })),
    effectiveFrom: rule.status === 'SCHEDULED' ? Date.parse(rule.effectiveFrom) : null,
    effectiveTo: rule.effectiveTo ? Date.parse(rule.effectiveTo) : null,
    note: rule.note ?? '',
  };
}

export interface FormConversion {
  /** What to send, or null while some item has an error. */
  input: PricingRuleInput | null;
  errors: Partial<Record<RuleField, string>>;
}

export interface ConvertOptions {
  /** The current time, epoch ms (for "cannot start in the past"). */
  now: number;
  /** Editing a rule in force: its successor starts when saved, whatever the form says. */
  startsWhenSaved?: boolean;
  /** The currency of the rule being edited; new rules use the API's default (USD). */
  currency?: string | null;
}

export function formToInput(values: RuleFormValues, { now, startsWhenSaved = false, currency = null }: ConvertOptions): FormConversion {
  const errors: Partial<Record<RuleField, string>> = {};
  const read = (field: RuleField, conversion: Conversion): number | null => {
    if (conversion.ok) return conversion.value;
    errors[field] = conversion.message;
    return null;
  };
  const money = (field: RuleField, text: string) => (text.trim() === '' ? 0 : read(field, dollarsToMinorUnits(text)));

  if (values.scope !== 'GLOBAL' && !values.countryId) {
    errors.countryId = values.scope === 'COUNTRY' ? 'Choose the country.' : 'Choose the country of the DID group.';
  }
  if (values.scope === 'DID_GROUP' && !values.didGroupId) errors.didGroupId = 'Choose the DID group.';

  const markup =
    values.markupPercent.trim() === ''
      ? read('markupPercent', { ok: false, message: 'Enter the markup, e.g. 40 for 40%.' })
      : read('markupPercent', percentToBasisPoints(values.markupPercent, { max: MAX_MARKUP_BASIS_POINTS, tooLarge: 'Markup is at most 1000%.' }));
  const fixedMarkup = money('fixedMarkup', values.fixedMarkup);
  const minMargin = money('minMargin', values.minMargin);
  const setupFee = money('setupFee', values.setupFee);
  const monthlyFee = money('monthlyFee', values.monthlyFee);
  const roundTo =
    values.roundTo.trim() === ''
      ? 1
      : read('roundTo', parseWholeNumber(values.roundTo, { min: 1, max: MAX_ROUND_TO, tooSmall: 'Round to at least 1 cent.' }));

  const tiers = checkTiers(values.tiers);
  tiers.rows.forEach((row, index) => {
    if (row.minQuantity) errors[`volumeTiers.${index}.minQuantity`] = row.minQuantity;
    if (row.discountPercent) errors[`volumeTiers.${index}.discountPercent`] = row.discountPercent;
  });
  if (tiers.list) errors.volumeTiers = tiers.list;

  const effectiveFrom = startsWhenSaved ? null : values.effectiveFrom;
  if (effectiveFrom !== null && effectiveFrom < now - PAST_TOLERANCE_MS) {
    errors.effectiveFrom = 'A rule cannot start in the past: clear the date to start it when saved.';
  }
  if (values.effectiveTo !== null && values.effectiveTo <= (effectiveFrom ?? now)) {
    errors.effectiveTo = effectiveFrom === null ? 'Must be in the future.' : 'Must be after the start.';
  }
  const note = values.note.trim();
  if (note.length > NOTE_MAX) errors.note = `At most ${NOTE_MAX} characters (${note.length - NOTE_MAX} too many).`;

  const incomplete = markup === null || fixedMarkup === null || minMargin === null || setupFee === null || monthlyFee === null || roundTo === null;
  if (incomplete || tiers.tiers === null || Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      scope: values.scope,
      countryId: values.scope === 'GLOBAL' ? null : values.countryId,
      didGroupId: values.scope === 'DID_GROUP' ? values.didGroupId : null,
      markupBasisPoints: markup,
      fixedMarkup,
      minMargin,
      roundTo,
      setupFee,
      monthlyFee,
      volumeTiers: tiers.tiers,
      ...(currency ? { currency } : {}),
      effectiveFrom: effectiveFrom === null ? null : new Date(effectiveFrom).toISOString(),
      effectiveTo: values.effectiveTo === null ? null : new Date(values.effectiveTo).toISOString(),
      note: note === '' ? null : note,
    },
    errors,
  };
}

/**
 * Whether the box behind a form item is still empty: its "missing" error waits for a submit, so a
 * fresh form is not a wall of red.
 */
export function isBlankField(values: RuleFormValues, field: RuleField): boolean {
  const tier = /^volumeTiers\.(\d+)\.(minQuantity|discountPercent)$/.exec(field);
  if (tier) {
    const row = values.tiers[Number(tier[1])];
    return !row || row[tier[2] as 'minQuantity' | 'discountPercent'].trim() === '';
  }
  if (field === 'volumeTiers') return false;
  const value = values[field as Exclude<RuleField, 'volumeTiers' | `volumeTiers.${string}`>];
  return value === null || (typeof value === 'string' && value.trim() === '');
}
