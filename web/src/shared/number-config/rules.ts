/**
 * The configuration form's rules, the same as the API's (api/src/modules/number-config/config-input.ts),
 * so fields are checked as the customer types; the API still checks everything on save.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { IANAZone } from 'luxon';

export type TargetKind = 'PHONE' | 'SIP';
export interface TargetDraft {
  kind: TargetKind;
  destination: string;
}
export interface IntervalDraft {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export const MAX_TARGETS = 5;
export const MAX_EMAILS = 5;
const SIP_URI = /^sips?:[A-Za-z0-9._~!$&'()*+,;=%-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function isE164Phone(value: string): boolean {
  const parsed = parsePhoneNumberFromString(value.trim());
  return !!parsed && parsed.isValid() && parsed.format('E.164') === value.trim();
}

export function isSipUri(value: string): boolean {
  return SIP_URI.test(value.trim());
}

export function isTimeZone(value: string): boolean {
  return IANAZone.isValidZone(value);
}

/** Null when fine, else the message to show under the field. */
export function targetError(t: TargetDraft): string | null {
  const v = t.destination.trim();
  if (!v) return 'Enter a destination';
  if (t.kind === 'PHONE') return isE164Phone(v) ? null : 'Enter a valid phone number in international format, e.g. +14155550123';
  return isSipUri(v) ? null : 'Enter a SIP URI like sip:alice@pbx.example.com';
}

export function ringTimeoutError(seconds: number | null): string | null {
  if (seconds === null || !Number.isInteger(seconds)) return 'Enter whole seconds';
  if (seconds < 5) return 'At least 5 seconds';
  if (seconds > 120) return 'At most 120 seconds';
  return null;
}

export function emailError(value: string): string | null {
  return EMAIL.test(value.trim()) ? null : 'Enter a valid email address';
}

/** Shape only; the API also resolves the host and refuses internal addresses. */
export function webhookUrlError(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/sms';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http or https URL';
  if (url.username || url.password) return 'Put no credentials in the URL; verify our signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /^(127\.|10\.|192\.168\.|169\.254\.|0\.)/.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || host === '::1' || /^f[cd]/.test(host) || /^fe80:/.test(host)) {
    return 'The URL points at an internal address';
  }
  return null;
}

/** Per interval index: inverted ranges and overlaps on the same weekday. */
export function intervalErrors(intervals: readonly IntervalDraft[]): Record<number, string> {
  const errors: Record<number, string> = {};
  intervals.forEach((i, idx) => {
    if (i.startMinute >= i.endMinute) {
      errors[idx] = 'The end must be after the start';
      return;
    }
    const clash = intervals.findIndex((o, j) => j < idx && o.weekday === i.weekday && o.startMinute < i.endMinute && i.startMinute < o.endMinute);
    if (clash >= 0) errors[idx] = `Overlaps another interval on ${WEEKDAYS[i.weekday - 1]}`;
  });
  return errors;
}

/** 540 → "09:00"; 1440 → "24:00". */
export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "09:30" → 570; null for anything else. "24:00" is the end of the day. */
export function timeToMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** The API's `field` path of a target, interval…, as the form's key: ["input","forwarding","targets","0","destination"] → "forwarding.targets.0.destination". */
export function fieldKey(field: readonly string[] | null | undefined): string {
  return (field ?? []).filter((p, i) => !(i === 0 && p === 'input')).join('.');
}

/** A label for the sync state badge. */
export function syncStateView(state: 'SAVED' | 'APPLYING' | 'APPLIED' | 'FAILED'): { label: string; type: 'default' | 'info' | 'success' | 'error'; busy: boolean } {
  switch (state) {
    case 'SAVED':
      return { label: 'Saved, waiting to apply', type: 'info', busy: true };
    case 'APPLYING':
      return { label: 'Applying at the carrier…', type: 'info', busy: true };
    case 'APPLIED':
      return { label: 'Applied at the carrier', type: 'success', busy: false };
    default:
      return { label: 'Failed to apply', type: 'error', busy: false };
  }
}

/**
 * The configuration has no id of its own, so copies arrive from the page query, mutation payloads
 * and live pushes; show the newest. A push for the same version wins over the query (it carries the
 * later sync state); an older version never replaces a newer one.
 */
export function newestConfig<T extends { version: number }>(fromQuery: T | null, pushed: T | null): T | null {
  if (!pushed) return fromQuery;
  if (!fromQuery) return pushed;
  return pushed.version >= fromQuery.version ? pushed : fromQuery;
}
