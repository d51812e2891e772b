import { describe, expect, it } from 'vitest';
import { parseCallRow } from '../modules/usage/cdr-import';
import { storedAddress } from './phone-format';

describe('storedAddress', () => {
  it('stores phone numbers as +digits whatever separators they came with', () => {
    expect(storedAddress('+44 (20) 7946-0018')).toBe('+442079460018');
    expect(storedAddress('14155550123')).toBe('+14155550123');
  });

  it('keeps short codes, alphanumeric senders and empty values as received', () => {
    expect(storedAddress('123456')).toBe('123456');
    expect(storedAddress('NumNinja')).toBe('NumNinja');
    expect(storedAddress('')).toBe('');
  });

  it('is the rule call imports use, so one caller reads the same in calls and messages', () => {
    const call = parseCallRow({ 'Date/Time Start (UTC)': '2026-11-01 10:00:00', 'Destination DID': '14155550100', 'Source Number': '+44 (20) 7946-0018', Status: 'Success', 'Duration (sec)': '30' });
    expect(call?.source).toBe(storedAddress('+44 (20) 7946-0018'));
    expect(parseCallRow({ 'Date/Time Start (UTC)': '2026-11-01 10:00:00', 'Destination DID': '14155550100', Status: 'Success' })?.source).toBe('anonymous');
  });
});
