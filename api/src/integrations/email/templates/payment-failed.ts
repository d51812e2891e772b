import { z } from 'zod';
import { button, compose, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, displayName, formatInstant, instant, link, numberRef } from './fields';

export const paymentFailedSchema = z.object({
  name: displayName,
  /** The numbers whose subscription payment failed. */
  numbers: z.array(numberRef).min(1).max(500),
  /** Until when the numbers stay the customer's without a successful payment. */
  graceUntil: instant,
  billingUrl: link,
});
export type PaymentFailedData = z.input<typeof paymentFailedSchema>;

/** To the customer when a renewal payment fails: what is at stake, until when, and where to fix it. */
export function paymentFailed(input: PaymentFailedData): RenderedEmail {
  const d = paymentFailedSchema.parse(input);
  const deadline = formatInstant(d.graceUntil);
  const one = d.numbers.length === 1;
  const which = one ? 'this number' : `these ${d.numbers.length} numbers`;
  return compose({
    subject: 'Action needed: your NumNinja payment failed',
    preheader: `Update your payment method before ${deadline} to keep ${which}.`,
    heading: 'We could not take your payment',
    blocks: [
      p(`Hi ${d.name},`),
      p(
        `The renewal payment for ${which} did not go through. ${one ? 'It keeps' : 'They keep'} working until `,
        strong(deadline),
        `; after that ${one ? 'it is' : 'they are'} released and may be taken by someone else.`,
      ),
      { kind: 'table', head: ['Number'], rows: d.numbers.map((n) => [{ text: n.national, sub: n.e164 }]) },
      p('Updating your card (or paying the open invoice) keeps everything as it is.'),
      button('Update payment method', d.billingUrl),
    ],
    footer: CUSTOMER_FOOTER,
  });
}
