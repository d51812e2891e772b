import { describe, expect, it } from 'vitest';
import { coversFrom, governingRule, ruleStatus, type ScopedRule } from './rule-resolution';

const t = (iso: string) => new Date(`2030-01-${iso}Z`);
const US = 'country-us';
const NYC = 'group-nyc';
const LA = 'group-la';

function rule(id: string, scope: ScopedRule['scope'], from: string, to: string | null = null, target: Partial<ScopedRule> = {}): ScopedRule {
  return { id, scope, countryId: null, didGroupId: null, effectiveFrom: t(from), effectiveTo: to ? t(to) : null, ...target };
}

const global = rule('g1', 'GLOBAL', '01T00:00:00');
const country = rule('c1', 'COUNTRY', '02T00:00:00', null, { countryId: US });
const group = rule('d1', 'DID_GROUP', '03T00:00:00', '05T00:00:00', { countryId: US, didGroupId: NYC });
const rules = [group, country, global];
const nyc = { didGroupId: NYC, countryId: US };
const la = { didGroupId: LA, countryId: US };
const paris = { didGroupId: 'group-paris', countryId: 'country-fr' };

describe('governingRule', () => {
  it('picks the most specific rule in force: DID group, then country, then global', () => {
    const at = t('04T00:00:00');
    expect(governingRule(rules, nyc, at)?.id).toBe('d1');
    expect(governingRule(rules, la, at)?.id).toBe('c1');
    expect(governingRule(rules, paris, at)?.id).toBe('g1');
  });

  it('counts effectiveFrom in and effectiveTo out', () => {
    expect(governingRule(rules, nyc, t('02T23:59:59.999'))?.id).toBe('c1');
    expect(governingRule(rules, nyc, t('03T00:00:00'))?.id).toBe('d1');
    expect(governingRule(rules, nyc, t('04T23:59:59.999'))?.id).toBe('d1');
    expect(governingRule(rules, nyc, t('05T00:00:00'))?.id).toBe('c1');
    expect(governingRule(rules, la, t('01T12:00:00'))?.id).toBe('g1');
  });

  it('prefers, among rules of the same scope and target, the latest start', () => {
    const newer = rule('g2', 'GLOBAL', '10T00:00:00');
    const older = rule('g0', 'GLOBAL', '01T00:00:00');
    expect(governingRule([newer, older], paris, t('11T00:00:00'))?.id).toBe('g2');
    expect(governingRule([newer, older], paris, t('09T00:00:00'))?.id).toBe('g0');
    // A later start wins even over a more recently saved rule with an earlier start.
    expect(governingRule([older, rule('g9', 'GLOBAL', '05T00:00:00')], paris, t('06T00:00:00'))?.id).toBe('g9');
  });

  it('ignores a country rule of another country and a group rule of another group', () => {
    const frRule = rule('c2', 'COUNTRY', '01T00:00:00', null, { countryId: 'country-fr' });
    expect(governingRule([frRule, global], nyc, t('04T00:00:00'))?.id).toBe('g1');
  });

  it('finds nothing when no rule is in force', () => {
    expect(governingRule(rules, paris, new Date(t('01T00:00:00').getTime() - 1))).toBeNull();
  });
});

describe('ruleStatus', () => {
  it('is scheduled before the start, active until the end, retired from the end', () => {
    expect(ruleStatus(group, t('02T00:00:00'))).toBe('SCHEDULED');
    expect(ruleStatus(group, t('03T00:00:00'))).toBe('ACTIVE');
    expect(ruleStatus(group, t('05T00:00:00'))).toBe('RETIRED');
  });

  it('calls a future rule retired before its start retired at once', () => {
    expect(ruleStatus({ effectiveFrom: t('10T00:00:00'), effectiveTo: t('02T00:00:00') }, t('03T00:00:00'))).toBe('RETIRED');
  });
});

describe('coversFrom', () => {
  const w = (from: string, to: string | null = null) => ({ effectiveFrom: t(from), effectiveTo: to ? t(to) : null });

  it('holds while an open-ended window is reached without a gap', () => {
    expect(coversFrom([w('01T00:00:00')], t('03T00:00:00'))).toBe(true);
    expect(coversFrom([w('01T00:00:00', '05T00:00:00'), w('05T00:00:00')], t('03T00:00:00'))).toBe(true);
    expect(coversFrom([w('01T00:00:00', '04T00:00:00'), w('02T00:00:00', '06T00:00:00'), w('06T00:00:00')], t('03T00:00:00'))).toBe(true);
  });

  it('fails on a gap, an end, or nothing at all', () => {
    expect(coversFrom([w('01T00:00:00', '05T00:00:00'), w('06T00:00:00')], t('03T00:00:00'))).toBe(false);
    expect(coversFrom([w('01T00:00:00', '05T00:00:00')], t('03T00:00:00'))).toBe(false);
    expect(coversFrom([w('04T00:00:00')], t('03T00:00:00'))).toBe(false);
    expect(coversFrom([], t('03T00:00:00'))).toBe(false);
  });
});
