import { z } from 'zod';
import { button, compose, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, displayName, e164, link, nationalNumber } from './fields';

export const numberActiveSchema = z.object({
  name: displayName,
  e164,
  national: nationalNumber,
  /** The number's page in the storefront, where it is configured. */
  numberUrl: link,
});
export type NumberActiveData = z.input<typeof numberActiveSchema>;

/** To the customer when a number they bought is live with DIDWW. */
export function numberActive(input: NumberActiveData): RenderedEmail {
  const d = numberActiveSchema.parse(input);
  return compose({
    subject: `${d.e164} is live`,
    preheader: `${d.national} is ready: set up call forwarding, SMS and voicemail.`,
    heading: 'Your number is live',
    blocks: [
      p(`Hi ${d.name},`),
      p(strong(d.national), ` (${d.e164}) is active and can take calls and messages now.`),
      p('Next, tell it where to ring: forward calls to your phone or SIP, send SMS to email, set voicemail and business hours.'),
      button('Set up your number', d.numberUrl),
    ],
    footer: CUSTOMER_FOOTER,
  });
}
