import { describe, expect, it } from 'vitest';
import type { DidGroup } from '../../integrations/didww';
import { costCents, toGroupRow } from './reference-rows';

const group = (over: Partial<DidGroup> = {}): DidGroup => ({
  id: 'g1', prefix: '212', areaName: 'New York', features: ['voice', 'sms'], rawFeatures: ['voice_in', 'sms_in'], isMetered: false,
  allowAdditionalChannels: true, kind: 'local', countryId: 'us', regionId: 'ny', cityId: 'nyc', didGroupTypeId: null,
  requiresDocuments: false, needsRegistration: null, isAvailable: null, availableDidsEnabled: null, totalCount: null, ...over,
});

describe('DIDWW coverage → catalog rows', () => {
  it('sells only groups of a known kind that need no documents', () => {
    expect(toGroupRow(group(), 'us', '1')).toMatchObject({ kind: 'LOCAL', sellable: true, features: ['VOICE', 'SMS'], areaCode: '212' });
    expect(toGroupRow(group({ requiresDocuments: true }), 'us', '1')).toMatchObject({ sellable: false, requiresDocuments: true });
    expect(toGroupRow(group({ kind: 'shared_cost' }), 'gb', '44')).toMatchObject({ kind: null, sellable: false });
    expect(toGroupRow(group({ kind: null }), 'gb', '44')).toMatchObject({ sellable: false });
  });

  it('gives area codes to local groups and to NANP toll-free ranges only, as the seed does', () => {
    expect(toGroupRow(group({ kind: 'toll_free', prefix: '800' }), 'us', '1').areaCode).toBe('800');
    expect(toGroupRow(group({ kind: 'toll_free', prefix: '800' }), 'gb', '44').areaCode).toBeNull();
    expect(toGroupRow(group({ kind: 'mobile', prefix: '7' }), 'gb', '44').areaCode).toBeNull();
    expect(toGroupRow(group({ kind: 'local', prefix: '20' }), 'gb', '44').areaCode).toBe('20');
  });

  it('converts DIDWW decimal prices to cents, rounding any fraction of a cent up', () => {
    expect(costCents('1.50')).toBe(150);
    expect(costCents('0')).toBe(0);
    expect(costCents('2.5')).toBe(250);
    expect(costCents('0.0036')).toBe(1);
    expect(costCents('1.201')).toBe(121);
    expect(() => costCents('1e3')).toThrow(/not a decimal/);
  });
});
