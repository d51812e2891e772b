/**
 * Where a pricing rule's `UserError`s go in the rule form. The API names the GraphQL path of the
 * input at fault (`["input", "markupBasisPoints"]`, `["input", "volumeTiers", "1", "minQuantity"]`);
 * the form names its items for what staff type (a percent, not basis points).
 */
import type { UserErrorLike } from '@shared/userErrors';

type TierField = `volumeTiers.${number}.minQuantity` | `volumeTiers.${number}.discountPercent`;

export type RuleField =
  | 'scope'
  | 'countryId'
  | 'didGroupId'
  | 'markupPercent'
  | 'fixedMarkup'
  | 'minMargin'
  | 'roundTo'
  | 'setupFee'
  | 'monthlyFee'
  | 'volumeTiers'
  | TierField
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'note';

/** Input fields whose form item has the same name. */
const SAME_NAME = new Set<string>(['scope', 'countryId', 'didGroupId', 'fixedMarkup', 'minMargin', 'roundTo', 'setupFee', 'monthlyFee', 'effectiveFrom', 'effectiveTo', 'note']);
const TIER_FIELDS: Record<string, 'minQuantity' | 'discountPercent'> = { minQuantity: 'minQuantity', discountBasisPoints: 'discountPercent' };

/** The form item an error path points at, or null when the form has none for it (the error is then shown as general). */
export function ruleFieldOf(path: readonly string[] | null): RuleField | null {
  if (!path || path[0] !== 'input') return null;
  const [name, index, part] = path.slice(1);
  if (name === undefined) return null;
  if (name === 'markupBasisPoints') return 'markupPercent';
  if (name === 'volumeTiers') {
    const tierField = part === undefined ? undefined : TIER_FIELDS[part];
    if (index !== undefined && /^\d+$/.test(index) && tierField) return `volumeTiers.${Number(index)}.${tierField}`;
    return 'volumeTiers';
  }
  return SAME_NAME.has(name) ? (name as RuleField) : null;
}

export interface RuleErrors {
  fields: Partial<Record<RuleField, string>>;
  general: string[];
}

/** Sorts errors into form items (the first message per item wins) and the rest. */
export function splitRuleErrors(errors: readonly UserErrorLike[]): RuleErrors {
  const result: RuleErrors = { fields: {}, general: [] };
  for (const error of errors) {
    const field = ruleFieldOf(error.field);
    if (field === null) result.general.push(error.message);
    else result.fields[field] ??= error.message;
  }
  return result;
}

/** The id of the input behind a form item, for labels and for moving focus to the first problem. */
export const ruleFieldId = (field: RuleField): string => `rule-${field.replace(/\./g, '-')}`;

const FORM_ORDER = [
  'scope',
  'countryId',
  'didGroupId',
  'markupPercent',
  'fixedMarkup',
  'minMargin',
  'roundTo',
  'setupFee',
  'monthlyFee',
  'volumeTiers',
  'effectiveFrom',
  'effectiveTo',
  'note',
] as const;

/** The form's items in the order they appear, so focus goes to the topmost problem. */
export function firstRuleField(fields: Partial<Record<RuleField, string>>): RuleField | null {
  const order = (field: string): number => {
    const fixed = FORM_ORDER.indexOf(field as (typeof FORM_ORDER)[number]);
    if (fixed >= 0) return fixed * 1000;
    const tier = /^volumeTiers\.(\d+)\.(minQuantity|discountPercent)$/.exec(field);
    return FORM_ORDER.indexOf('volumeTiers') * 1000 + 1 + Number(tier?.[1] ?? 0) * 2 + (tier?.[2] === 'discountPercent' ? 1 : 0);
  };
  const named = (Object.keys(fields) as RuleField[]).filter((field) => fields[field] !== undefined);
  return named.sort((a, b) => order(a) - order(b))[0] ?? null;
}

const LABELS: Record<(typeof FORM_ORDER)[number], string> = {
  scope: 'Applies to',
  countryId: 'Country',
  didGroupId: 'DID group',
  markupPercent: 'Markup',
  fixedMarkup: 'Fixed markup',
  minMargin: 'Minimum margin',
  roundTo: 'Round up to',
  setupFee: 'Setup fee',
  monthlyFee: 'Monthly fee',
  volumeTiers: 'Volume discounts',
  effectiveFrom: 'Takes effect',
  effectiveTo: 'Ends',
  note: 'Note',
};

/** A form item's name for people: "Markup", "Volume tier 2, discount". */
export function ruleFieldLabel(field: RuleField): string {
  const tier = /^volumeTiers\.(\d+)\.(minQuantity|discountPercent)$/.exec(field);
  if (tier) return `Volume tier ${Number(tier[1]) + 1}, ${tier[2] === 'minQuantity' ? 'order size' : 'discount'}`;
  return LABELS[field as (typeof FORM_ORDER)[number]];
}
