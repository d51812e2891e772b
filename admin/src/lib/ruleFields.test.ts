import { describe, expect, it } from 'vitest';
import { firstRuleField, ruleFieldId, ruleFieldLabel, ruleFieldOf, splitRuleErrors } from './ruleFields';

const error = (message: string, field: string[] | null) => ({ message, field });

describe('ruleFieldOf', () => {
  it.each([
    [['input', 'markupBasisPoints'], 'markupPercent'],
    [['input', 'roundTo'], 'roundTo'],
    [['input', 'countryId'], 'countryId'],
    [['input', 'effectiveTo'], 'effectiveTo'],
    [['input', 'volumeTiers', '1', 'minQuantity'], 'volumeTiers.1.minQuantity'],
    [['input', 'volumeTiers', '0', 'discountBasisPoints'], 'volumeTiers.0.discountPercent'],
    [['input', 'volumeTiers'], 'volumeTiers'],
    [['input', 'volumeTiers', '2'], 'volumeTiers'],
  ])('puts %j under %s', (path, field) => {
    expect(ruleFieldOf(path)).toBe(field);
  });

  it.each([[null], [['replacingRuleId']], [['id']], [['input']], [['input', 'currency']], [['input', 'somethingNew']], [['markupBasisPoints']]])(
    'has no form item for %j',
    (path) => {
      expect(ruleFieldOf(path)).toBeNull();
    },
  );
});

describe('splitRuleErrors', () => {
  it('sorts errors into items and keeps the rest as general', () => {
    expect(
      splitRuleErrors([
        error('Markup is at most 1000 %.', ['input', 'markupBasisPoints']),
        error('No such pricing rule.', ['replacingRuleId']),
        error('Only USD prices are supported for now.', ['input', 'currency']),
      ]),
    ).toEqual({
      fields: { markupPercent: 'Markup is at most 1000 %.' },
      general: ['No such pricing rule.', 'Only USD prices are supported for now.'],
    });
  });

  it('keeps the first message when an item has several', () => {
    const split = splitRuleErrors([error('First.', ['input', 'note']), error('Second.', ['input', 'note'])]);
    expect(split.fields.note).toBe('First.');
    expect(split.general).toEqual([]);
  });
});

describe('firstRuleField', () => {
  it('picks the item highest in the form, tiers in row order', () => {
    expect(firstRuleField({ note: 'x', markupPercent: 'y' })).toBe('markupPercent');
    expect(firstRuleField({ effectiveFrom: 'x', 'volumeTiers.3.minQuantity': 'y', 'volumeTiers.1.discountPercent': 'z' })).toBe('volumeTiers.1.discountPercent');
    expect(firstRuleField({ 'volumeTiers.0.minQuantity': 'y', volumeTiers: 'z' })).toBe('volumeTiers');
    expect(firstRuleField({})).toBeNull();
  });
});

describe('ruleFieldId', () => {
  it('makes ids without dots', () => {
    expect(ruleFieldId('volumeTiers.2.minQuantity')).toBe('rule-volumeTiers-2-minQuantity');
  });
});

describe('ruleFieldLabel', () => {
  it('names items as the form labels them, tiers counted from 1', () => {
    expect(ruleFieldLabel('markupPercent')).toBe('Markup');
    expect(ruleFieldLabel('volumeTiers.0.discountPercent')).toBe('Volume tier 1, discount');
    expect(ruleFieldLabel('volumeTiers.2.minQuantity')).toBe('Volume tier 3, order size');
  });
});
