import { z } from 'zod';
import { compose, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, e164, formatInstant, instant } from './fields';

export const smsReceivedSchema = z.object({
  to: e164,
  /** Senders are not always numbers (alphanumeric sender ids). */
  from: z.string().trim().min(1).max(40),
  text: z.string().max(2000),
  receivedAt: instant,
});
export type SmsReceivedData = z.input<typeof smsReceivedSchema>;

/** An inbound SMS forwarded to one of the addresses its number's owner chose. */
export function smsReceived(input: SmsReceivedData): RenderedEmail {
  const d = smsReceivedSchema.parse(input);
  return compose({
    subject: `SMS to ${d.to} from ${d.from}`,
    preheader: d.text.slice(0, 90),
    heading: 'New text message',
    blocks: [p('From ', strong(d.from), ' to ', strong(d.to), `, ${formatInstant(d.receivedAt)}:`), p(d.text)],
    footer: CUSTOMER_FOOTER,
  });
}
