import { describe, expect, it } from 'vitest';
import { emailError, fieldKey, newestConfig, intervalErrors, isTimeZone, minutesToTime, ringTimeoutError, targetError, timeToMinutes, webhookUrlError } from './rules';

describe('number configuration form rules', () => {
  it('checks phone targets as E.164 and SIP targets as SIP URIs', () => {
    expect(targetError({ kind: 'PHONE', destination: '+14155552671' })).toBeNull();
    expect(targetError({ kind: 'PHONE', destination: '4155552671' })).toMatch(/international/);
    expect(targetError({ kind: 'PHONE', destination: '+1555' })).toMatch(/valid phone/);
    expect(targetError({ kind: 'SIP', destination: 'sip:desk@pbx.example.com:5080' })).toBeNull();
    expect(targetError({ kind: 'SIP', destination: 'desk@pbx' })).toMatch(/SIP URI/);
    expect(targetError({ kind: 'SIP', destination: ' ' })).toBe('Enter a destination');
  });

  it('bounds the ring timeout', () => {
    expect(ringTimeoutError(30)).toBeNull();
    expect(ringTimeoutError(4)).toMatch(/At least/);
    expect(ringTimeoutError(121)).toMatch(/At most/);
    expect(ringTimeoutError(null)).toMatch(/whole/);
  });

  it('finds inverted and overlapping intervals on the same weekday only', () => {
    expect(intervalErrors([{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 2, startMinute: 600, endMinute: 700 }])).toEqual({});
    expect(intervalErrors([{ weekday: 1, startMinute: 720, endMinute: 540 }])).toEqual({ 0: 'The end must be after the start' });
    expect(intervalErrors([{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 700, endMinute: 800 }])[1]).toMatch(/Overlaps/);
    expect(intervalErrors([{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 720, endMinute: 800 }])).toEqual({});
  });

  it('converts times both ways, with 24:00 as the end of the day', () => {
    expect(minutesToTime(570)).toBe('09:30');
    expect(timeToMinutes('09:30')).toBe(570);
    expect(timeToMinutes('24:00')).toBe(1440);
    expect(timeToMinutes('24:30')).toBeNull();
    expect(timeToMinutes('9h')).toBeNull();
  });

  it('validates time zones, emails and webhook URLs (internal addresses refused)', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(emailError('a@example.com')).toBeNull();
    expect(emailError('a@')).toMatch(/valid email/);
    expect(webhookUrlError('https://hooks.example.com/sms')).toBeNull();
    expect(webhookUrlError('')).toBeNull();
    for (const bad of ['http://localhost/x', 'http://127.0.0.1/x', 'http://10.1.2.3/', 'http://169.254.169.254/', 'http://[::1]/', 'ftp://example.com', 'nope']) expect(webhookUrlError(bad), bad).not.toBeNull();
  });

  it('maps API field paths to form keys', () => {
    expect(fieldKey(['input', 'forwarding', 'targets', '0', 'destination'])).toBe('forwarding.targets.0.destination');
    expect(fieldKey(null)).toBe('');
  });
});

describe('newest configuration copy', () => {
  it('keeps the pushed copy for the same or a newer version, never an older one', () => {
    const q = { version: 3, syncState: 'SAVED' };
    expect(newestConfig(q, null)).toBe(q);
    expect(newestConfig(null, q)).toBe(q);
    const applied = { version: 3, syncState: 'APPLIED' };
    expect(newestConfig(q, applied)).toBe(applied);
    expect(newestConfig({ version: 4, syncState: 'SAVED' }, applied)).toEqual({ version: 4, syncState: 'SAVED' });
  });
});
