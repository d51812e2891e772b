/**
 * The shape rules of a configuration edit, as zod: every bad value is reported with its path under
 * `input`, nothing is saved. The one rule that needs the network (where a webhook URL resolves) is
 * checked by the service after this passes.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { isValidTimeZone } from './business-hours';

export const MAX_FORWARD_TARGETS = 5;
export const MAX_SMS_EMAILS = 5;
const SIP_URI = /^sips?:[A-Za-z0-9._~!$&'()*+,;=%-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;

export function isE164Phone(value: string): boolean {
  const parsed = parsePhoneNumberFromString(value);
  return !!parsed && parsed.isValid() && parsed.format('E.164') === value;
}

export function isSipUri(value: string): boolean {
  return SIP_URI.test(value) && value.length <= 255;
}

const destinationOf = (kind: 'PHONE' | 'SIP', value: string) => (kind === 'PHONE' ? isE164Phone(value) : isSipUri(value));
const email = z.email('Enter a valid email address').max(254);

const target = z
  .object({ kind: z.enum(['PHONE', 'SIP']), destination: z.string().trim().min(1, 'Enter a destination') })
  .superRefine((t, ctx) => {
    if (!destinationOf(t.kind, t.destination)) {
      ctx.addIssue({
        code: 'custom',
        path: ['destination'],
        message: t.kind === 'PHONE' ? 'Enter a valid phone number in international format, e.g. +14155550123' : 'Enter a SIP URI like sip:alice@pbx.example.com',
      });
    }
  });

const forwarding = z
  .object({
    enabled: z.boolean(),
    ringTimeoutSeconds: z.number().int().min(5, 'At least 5 seconds').max(120, 'At most 120 seconds'),
    targets: z.array(target).max(MAX_FORWARD_TARGETS, `At most ${MAX_FORWARD_TARGETS} targets`),
  })
  .superRefine((f, ctx) => {
    if (f.enabled && f.targets.length === 0) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'Add at least one target to forward to' });
  });

const interval = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((i) => i.startMinute < i.endMinute, { path: ['endMinute'], message: 'The end must be after the start' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-12-25').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a real date');

const businessHours = z
  .object({
    enabled: z.boolean(),
    timeZone: z.string().refine(isValidTimeZone, 'Unknown time zone; use an IANA name like America/New_York'),
    intervals: z.array(interval).max(70),
    holidays: z.array(z.object({ date: isoDate, name: z.string().trim().max(100).nullish() })).max(100),
    outOfHoursAction: z.enum(['FORWARD', 'VOICEMAIL', 'REJECT']),
    outOfHoursDestination: z.string().trim().nullish(),
  })
  .superRefine((b, ctx) => {
    b.intervals.forEach((i, idx) => {
      const clash = b.intervals.findIndex((o, j) => j < idx && o.weekday === i.weekday && o.startMinute < i.endMinute && i.startMinute < o.endMinute);
      if (clash >= 0 && i.startMinute < i.endMinute) ctx.addIssue({ code: 'custom', path: ['intervals', idx], message: `Overlaps another interval on the same day (#${clash + 1})` });
    });
    const seen = new Set<string>();
    b.holidays.forEach((h, idx) => {
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays', idx, 'date'], message: 'This date is listed twice' });
      seen.add(h.date);
    });
    if (b.enabled && b.intervals.length === 0) ctx.addIssue({ code: 'custom', path: ['intervals'], message: 'Add at least one open interval' });
    if (b.outOfHoursAction === 'FORWARD') {
      const d = b.outOfHoursDestination ?? '';
      if (!isE164Phone(d) && !isSipUri(d)) ctx.addIssue({ code: 'custom', path: ['outOfHoursDestination'], message: 'Enter a phone number (+14155550123) or SIP URI to forward to out of hours' });
    }
  });

const voicemail = z.object({
  enabled: z.boolean(),
  greeting: z.string().trim().max(500, 'At most 500 characters').nullish(),
  email: email.nullish(),
});

const smsDelivery = z.object({
  emails: z.array(email).max(MAX_SMS_EMAILS, `At most ${MAX_SMS_EMAILS} addresses`),
  webhookUrl: z.string().trim().max(2000).nullish(),
});

export const configurationInput = z.object({
  forwarding: forwarding.nullish(),
  businessHours: businessHours.nullish(),
  voicemail: voicemail.nullish(),
  smsDelivery: smsDelivery.nullish(),
});

export type ConfigurationInput = z.infer<typeof configurationInput>;
