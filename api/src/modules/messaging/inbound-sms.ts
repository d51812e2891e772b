/**
 * Inbound SMS from DIDWW's HTTP IN trunk. The trunk is configured to send JSON built from its
 * variables — {SMS_UUID}, {SMS_SRC_ADDR}, {SMS_DST_ADDR}, {SMS_TEXT}, {SMS_TIME} — to
 * /webhooks/didww/sms/<secret>; the route checks the secret before this module sees anything.
 */
import { z } from 'zod';

export const inboundSmsSchema = z.object({
  id: z.string().trim().min(1).max(100),
  from: z.string().trim().min(1).max(64),
  to: z.string().trim().regex(/^\+?\d{6,20}$/),
  text: z.string().max(65_536),
  /** RFC 1123 per DIDWW ("Tue, 25 Nov 2026 10:00:00 GMT"); ISO-8601 accepted too. */
  time: z.string().trim().min(1).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date').optional(),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

export type InboundOutcome = 'stored' | 'duplicate' | 'unknown-number';

