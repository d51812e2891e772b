/** zod pieces shared by the template data schemas: what a value must look like to be mailed. */
import { z } from 'zod';
import { formatMoney, type Money } from '../../../lib/money';

export const displayName = z.string().trim().min(1).max(200);
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +14155550123');
export const nationalNumber = z.string().trim().min(1).max(40);
export const orderReference = z.string().trim().min(1).max(64);
/** Links go in an `href`: http(s) only, so a bad value cannot become `javascript:`. */
export const link = z.url({ protocol: /^https?$/ });
export const money = z.object({ amount: z.number().int().refine(Number.isSafeInteger), currency: z.string().regex(/^[A-Z]{3}$/) });
/** A Date, or its ISO form when the data went through JSON. */
export const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((v) => new Date(v));

export const numberRef = z.object({ e164, national: nationalNumber });

export const fmt = (m: Money) => formatMoney(m);

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' });
/** "March 12, 2027 at 14:00 UTC": customers live in every zone, so say which one. */
export const formatInstant = (d: Date) => `${dateTime.format(d)} UTC`;

export const CUSTOMER_FOOTER = 'You are receiving this email because of your NumNinja account.';
export const STAFF_FOOTER = 'Operational alert for NumNinja staff.';
