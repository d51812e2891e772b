import { describe, expect, it } from 'vitest';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import {
  demoAvailableNumbers,
  demoCities,
  demoCountries,
  demoCoverage,
  demoDidGroups,
  demoDidGroupTypes,
  demoRegions,
  demoSkus,
  isValidDemoNumber,
} from './coverage';

const numbers = demoAvailableNumbers();
const groupById = new Map(demoDidGroups.map((g) => [g.id, g]));
const countryById = new Map(demoCountries.map((c) => [c.id, c]));

describe('demo coverage', () => {
  it('covers at least 12 countries, each with local numbers and no document requirement', () => {
    expect(demoCountries.length).toBeGreaterThanOrEqual(12);
    for (const c of demoCountries) {
      expect(demoDidGroups.some((g) => g.countryId === c.id && g.type === 'Local')).toBe(true);
    }
    expect(demoDidGroups.every((g) => g.requirement === null)).toBe(true);
  });

  it('has several hundred DID groups across all four types', () => {
    expect(demoDidGroups.length).toBeGreaterThanOrEqual(300);
    for (const t of demoDidGroupTypes) {
      expect(demoDidGroups.filter((g) => g.didGroupTypeId === t.id).length).toBeGreaterThan(0);
    }
  });

  it('knows at least 40 US and 10 Canadian area codes with real cities', () => {
    const us = countryById.get(demoDidGroups.find((g) => g.prefix === '212')!.countryId)!;
    expect(us.iso).toBe('US');
    const npas = (iso: string) =>
      demoDidGroups.filter((g) => g.type === 'Local' && countryById.get(g.countryId)?.iso === iso);
    expect(npas('US').length).toBeGreaterThanOrEqual(40);
    expect(npas('CA').length).toBeGreaterThanOrEqual(10);
    const cityOf = (prefix: string) => {
      const g = npas(prefix === '416' || prefix === '604' ? 'CA' : 'US').find((x) => x.prefix === prefix);
      return demoCities.find((c) => c.id === g?.cityId)?.name;
    };
    expect(cityOf('212')).toBe('New York');
    expect(cityOf('415')).toBe('San Francisco');
    expect(cityOf('416')).toBe('Toronto');
    expect(cityOf('604')).toBe('Vancouver');
  });

  it('links every group to known country, region and city records', () => {
    const regionIds = new Set(demoRegions.map((r) => r.id));
    const cityIds = new Set(demoCities.map((c) => c.id));
    for (const g of demoDidGroups) {
      expect(countryById.has(g.countryId)).toBe(true);
      if (g.regionId) expect(regionIds.has(g.regionId)).toBe(true);
      if (g.cityId) expect(cityIds.has(g.cityId)).toBe(true);
      if (g.type === 'Toll-free') expect(g.features).toEqual(['voice']);
      if (g.type === 'Mobile') expect(g.features).toEqual(['voice', 'sms']);
    }
  });

  it('prices every group with at least one SKU in decimal USD strings', () => {
    for (const g of demoDidGroups) expect(demoSkus.some((s) => s.didGroupId === g.id)).toBe(true);
    for (const s of demoSkus) {
      expect(s.monthlyPrice).toMatch(/^\d+\.\d{2}$/);
      expect(s.setupPrice).toMatch(/^\d+\.\d{2}$/);
      expect(s.channelsIncludedCount).toBeGreaterThan(0);
    }
    const usLocal = demoSkus.filter((s) => {
      const g = groupById.get(s.didGroupId)!;
      return g.type === 'Local' && countryById.get(g.countryId)?.iso === 'US' && s.channelsIncludedCount === 2;
    });
    for (const s of usLocal) {
      expect(Number(s.monthlyPrice)).toBeGreaterThanOrEqual(0.5);
      expect(Number(s.monthlyPrice)).toBeLessThanOrEqual(1.5);
    }
  });

  it('generates at least 5,000 unique numbers with unique ids', () => {
    expect(numbers.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
    expect(new Set(numbers.map((n) => n.id)).size).toBe(numbers.length);
  });

  it('generates only numbers libphonenumber-js accepts for the group country (and NPA)', () => {
    const bad: string[] = [];
    for (const n of numbers) {
      const group = groupById.get(n.didGroupId)!;
      const country = countryById.get(group.countryId)!;
      const parsed = parsePhoneNumberWithError(`+${n.number}`);
      const ok =
        parsed.isValid() &&
        parsed.countryCallingCode === country.prefix &&
        parsed.nationalNumber.startsWith(group.prefix) &&
        n.countryId === country.id &&
        isValidDemoNumber(n.number, group);
      if (!ok) bad.push(n.number);
      if (country.prefix === '1') expect(n.number.slice(1, 4)).toBe(group.prefix);
    }
    expect(bad).toEqual([]);
  });

  it('rejects a number outside its group (the validity check can fail)', () => {
    const g = demoDidGroups.find((x) => x.prefix === '212')!;
    expect(isValidDemoNumber('14155550123', g)).toBe(false);
    expect(isValidDemoNumber('1212011', g)).toBe(false);
  });

  it('has vanity-friendly numbers for a contains-digits search', () => {
    for (const digits of ['2255', '7777']) {
      expect(numbers.filter((n) => n.number.includes(digits)).length).toBeGreaterThan(10);
    }
  });

  it('is deterministic: two calls give equal data, and perGroup extends the same sequence', () => {
    expect(demoAvailableNumbers()).toEqual(numbers);
    expect(demoCoverage()).toEqual(demoCoverage());
    const few = demoAvailableNumbers({ perGroup: 2 });
    expect(few.length).toBe(demoDidGroups.length * 2);
    const first = numbers.filter((n) => n.didGroupId === demoDidGroups[0]!.id).slice(0, 2);
    expect(few.slice(0, 2)).toEqual(first);
  });

  it('pins a few ids so an accidental change to the generator shows up', () => {
    expect(demoCountries.map((c) => c.iso).slice(0, 3)).toEqual(['US', 'CA', 'GB']);
    expect(numbers[0]!.number).toMatch(/^1201\d{7}$/);
    expect(demoCountries[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
