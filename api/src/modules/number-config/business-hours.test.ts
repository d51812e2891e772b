import { describe, expect, it } from 'vitest';
import { isOpenAt, isValidTimeZone, nextBoundary, type Schedule, type WeeklyInterval } from './business-hours';

const weekdays = (start: number, end: number): WeeklyInterval[] => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: start, endMinute: end }));
const nineToFive = (timeZone: string, holidays: string[] = []): Schedule => ({ timeZone, intervals: weekdays(9 * 60, 17 * 60), holidays });
const at = (iso: string) => new Date(iso);
const next = (s: Schedule, iso: string) => nextBoundary(s, at(iso))?.toISOString() ?? null;

describe('business hours: open or closed, by the wall clock of the number’s zone', () => {
  it('is open inside an interval and closed at its end', () => {
    const s = nineToFive('America/New_York');
    expect(isOpenAt(s, at('2027-01-12T14:00:00Z'))).toBe(true); // Tue 09:00 EST
    expect(isOpenAt(s, at('2027-01-12T13:59:00Z'))).toBe(false);
    expect(isOpenAt(s, at('2027-01-12T22:00:00Z'))).toBe(false); // 17:00 EST
    expect(isOpenAt(s, at('2027-01-16T15:00:00Z'))).toBe(false); // Saturday
  });

  it('a holiday is closed all day in the local zone', () => {
    const s = nineToFive('Europe/Berlin', ['2027-12-24']);
    expect(isOpenAt(s, at('2027-12-24T10:00:00Z'))).toBe(false);
    expect(isOpenAt(s, at('2027-12-23T10:00:00Z'))).toBe(true);
  });

  it('validates IANA zones', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('business hours: the next boundary', () => {
  it('finds today’s close and then the next opening, skipping weekends and holidays', () => {
    const s = nineToFive('America/New_York', ['2027-01-18']);
    expect(next(s, '2027-01-15T15:00:00Z')).toBe('2027-01-15T22:00:00.000Z'); // Fri 10:00 → Fri 17:00 EST
    expect(next(s, '2027-01-15T22:00:00Z')).toBe('2027-01-19T14:00:00.000Z'); // Mon is a holiday → Tue 09:00
  });

  it('New York spring forward: the Monday opening is 09:00 EDT (13:00 UTC), not 14:00', () => {
    // 2027-03-14 02:00 EST → 03:00 EDT
    expect(next(nineToFive('America/New_York'), '2027-03-12T22:00:00Z')).toBe('2027-03-15T13:00:00.000Z');
  });

  it('New York fall back: the Monday opening is 09:00 EST (14:00 UTC)', () => {
    // 2027-11-07 02:00 EDT → 01:00 EST
    expect(next(nineToFive('America/New_York'), '2027-11-05T21:00:00Z')).toBe('2027-11-08T14:00:00.000Z');
  });

  it('Berlin spring forward: an opening inside the skipped hour takes effect when the clock jumps past it', () => {
    // 2027-03-28 02:00 CET → 03:00 CEST; Sunday 02:30–05:00 opens at 03:00 CEST = 01:00 UTC.
    const s: Schedule = { timeZone: 'Europe/Berlin', intervals: [{ weekday: 7, startMinute: 150, endMinute: 300 }], holidays: [] };
    expect(next(s, '2027-03-27T12:00:00Z')).toBe('2027-03-28T01:00:00.000Z');
    expect(next(s, '2027-03-28T01:00:00Z')).toBe('2027-03-28T03:00:00.000Z'); // 05:00 CEST
  });

  it('Berlin fall back: an interval ending inside the repeated hour closes, reopens and closes again', () => {
    // 2027-10-31 03:00 CEST → 02:00 CET; Sunday 00:00–02:30 local
    const s: Schedule = { timeZone: 'Europe/Berlin', intervals: [{ weekday: 7, startMinute: 0, endMinute: 150 }], holidays: [] };
    expect(next(s, '2027-10-30T23:00:00Z')).toBe('2027-10-31T00:30:00.000Z'); // 02:30 CEST
    expect(next(s, '2027-10-31T00:30:00Z')).toBe('2027-10-31T01:00:00.000Z'); // 02:00 CET, inside again
    expect(next(s, '2027-10-31T01:00:00Z')).toBe('2027-10-31T01:30:00.000Z'); // 02:30 CET
  });

  it('an interval running to midnight closes at the next local midnight', () => {
    const s: Schedule = { timeZone: 'Europe/Berlin', intervals: [{ weekday: 1, startMinute: 1200, endMinute: 1440 }], holidays: [] };
    expect(next(s, '2027-01-11T19:30:00Z')).toBe('2027-01-11T23:00:00.000Z');
  });

  it('a schedule with no intervals never changes', () => {
    expect(next({ timeZone: 'UTC', intervals: [], holidays: [] }, '2027-01-01T00:00:00Z')).toBeNull();
  });
});
