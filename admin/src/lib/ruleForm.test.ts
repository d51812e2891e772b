import { describe, expect, it } from 'vitest';
import type { PricingRuleFieldsFragment } from '../gql/graphql';
import { emptyRuleForm, formToInput, isBlankField, ruleToForm, type RuleFormValues } from './ruleForm';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const US = 'us-country-id';

const form = (changes: Partial<RuleFormValues>): RuleFormValues => ({ ...emptyRuleForm(), countryId: US, markupPercent: '60', ...changes });
const money = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'USD', formatted: `$${amount / 100}` });

describe('formToInput', () => {
  it('turns a US country markup of 60% into 6000 basis points with the API defaults spelled out', () => {
    expect(formToInput(form({}), { now: NOW })).toEqual({
      input: {
        scope: 'COUNTRY',
        countryId: US,
        didGroupId: null,
        markupBasisPoints: 6000,
        fixedMarkup: 0,
        minMargin: 0,
        roundTo: 1,
        setupFee: 0,
        monthlyFee: 0,
        volumeTiers: [],
        effectiveFrom: null,
        effectiveTo: null,
        note: null,
      },
      errors: {},
    });
  });

  it('converts dollars, cents and percents exactly', () => {
    const { input } = formToInput(
      form({ markupPercent: '12.5', fixedMarkup: '4.35', minMargin: '0.29', roundTo: '5', setupFee: '1', monthlyFee: '0.10', tiers: [{ key: 1, minQuantity: '10', discountPercent: '2.5' }] }),
      { now: NOW },
    );
    expect(input).toMatchObject({
      markupBasisPoints: 1250,
      fixedMarkup: 435,
      minMargin: 29,
      roundTo: 5,
      setupFee: 100,
      monthlyFee: 10,
      volumeTiers: [{ minQuantity: 10, discountBasisPoints: 250 }],
    });
  });

  it('drops the ids the scope does not use', () => {
    const global = formToInput(form({ scope: 'GLOBAL', didGroupId: 'g1' }), { now: NOW }).input;
    expect(global).toMatchObject({ countryId: null, didGroupId: null });
    const group = formToInput(form({ scope: 'DID_GROUP', didGroupId: 'g1' }), { now: NOW }).input;
    expect(group).toMatchObject({ countryId: US, didGroupId: 'g1' });
  });

  it('names every item that is missing or malformed, and sends nothing', () => {
    const result = formToInput(
      form({ scope: 'DID_GROUP', countryId: null, markupPercent: '', fixedMarkup: '1.234', roundTo: '0', tiers: [{ key: 1, minQuantity: '1', discountPercent: '5' }] }),
      { now: NOW },
    );
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({
      countryId: 'Choose the country of the DID group.',
      didGroupId: 'Choose the DID group.',
      markupPercent: 'Enter the markup, e.g. 40 for 40%.',
      fixedMarkup: 'Use at most 2 decimal places.',
      roundTo: 'Round to at least 1 cent.',
      'volumeTiers.0.minQuantity': 'A tier starts at 2 numbers or more: one number pays the list price.',
    });
  });

  it('refuses a markup over 1000%', () => {
    expect(formToInput(form({ markupPercent: '1000.01' }), { now: NOW }).errors.markupPercent).toBe('Markup is at most 1000%.');
  });

  it('sends chosen dates as UTC instants and checks their order', () => {
    const later = NOW + 86_400_000;
    expect(formToInput(form({ effectiveFrom: later, effectiveTo: later + 1000 }), { now: NOW }).input).toMatchObject({
      effectiveFrom: '2026-03-02T12:00:00.000Z',
      effectiveTo: '2026-03-02T12:00:01.000Z',
    });
    expect(formToInput(form({ effectiveFrom: later, effectiveTo: later }), { now: NOW }).errors.effectiveTo).toBe('Must be after the start.');
    expect(formToInput(form({ effectiveTo: NOW - 1 }), { now: NOW }).errors.effectiveTo).toBe('Must be in the future.');
    expect(formToInput(form({ effectiveFrom: NOW - 120_000 }), { now: NOW }).errors.effectiveFrom).toMatch(/cannot start in the past/);
  });

  it('leaves the start to the API when a rule in force is changed', () => {
    const { input } = formToInput(form({ effectiveFrom: NOW + 86_400_000 }), { now: NOW, startsWhenSaved: true, currency: 'USD' });
    expect(input).toMatchObject({ effectiveFrom: null, currency: 'USD' });
  });

  it('trims the note and refuses one over 500 characters', () => {
    expect(formToInput(form({ note: '  Q3 promo  ' }), { now: NOW }).input?.note).toBe('Q3 promo');
    expect(formToInput(form({ note: 'x'.repeat(501) }), { now: NOW }).errors.note).toBe('At most 500 characters (1 too many).');
  });
});

describe('ruleToForm', () => {
  const rule: PricingRuleFieldsFragment = {
    __typename: 'PricingRule',
    id: 'r1',
    scope: 'DID_GROUP',
    status: 'ACTIVE',
    currency: 'USD',
    markupBasisPoints: 1250,
    fixedMarkup: money(435),
    minMargin: money(0),
    roundTo: 5,
    setupFee: money(100),
    monthlyFee: money(10),
    volumeTiers: [{ __typename: 'VolumeTier', minQuantity: 10, discountBasisPoints: 250 }],
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    effectiveTo: null,
    note: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: null,
    country: { __typename: 'CountrySummary', id: US, name: 'United States', isoCode: 'US' },
    didGroup: { __typename: 'DidGroupSummary', id: 'g1', areaName: 'San Francisco', areaCode: '415', prefix: '1415', kind: 'LOCAL', active: true },
  };

  it('fills the form with what the rule says, in the units staff type', () => {
    let key = 0;
    expect(ruleToForm(rule, () => ++key)).toEqual({
      scope: 'DID_GROUP',
      countryId: US,
      didGroupId: 'g1',
      markupPercent: '12.5',
      fixedMarkup: '4.35',
      minMargin: '0.00',
      roundTo: '5',
      setupFee: '1.00',
      monthlyFee: '0.10',
      tiers: [{ key: 1, minQuantity: '10', discountPercent: '2.5' }],
      effectiveFrom: null,
      effectiveTo: null,
      note: '',
    });
  });

  it('keeps the start of a scheduled rule', () => {
    expect(ruleToForm({ ...rule, status: 'SCHEDULED' }, () => 0).effectiveFrom).toBe(Date.parse('2026-01-01T00:00:00.000Z'));
  });

  it('round-trips to the same input', () => {
    const { input } = formToInput(ruleToForm(rule, () => 0), { now: NOW, startsWhenSaved: true, currency: rule.currency });
    expect(input).toMatchObject({ markupBasisPoints: 1250, fixedMarkup: 435, roundTo: 5, setupFee: 100, monthlyFee: 10, didGroupId: 'g1' });
  });
});

describe('isBlankField', () => {
  it('tells empty boxes from filled ones, tier cells included', () => {
    const values = form({ markupPercent: ' ', note: 'x', tiers: [{ key: 1, minQuantity: '', discountPercent: '5' }] });
    expect(isBlankField(values, 'markupPercent')).toBe(true);
    expect(isBlankField(values, 'note')).toBe(false);
    expect(isBlankField(values, 'didGroupId')).toBe(true);
    expect(isBlankField(values, 'countryId')).toBe(false);
    expect(isBlankField(values, 'volumeTiers.0.minQuantity')).toBe(true);
    expect(isBlankField(values, 'volumeTiers.0.discountPercent')).toBe(false);
    expect(isBlankField(values, 'volumeTiers')).toBe(false);
  });
});
