import { z } from 'zod';
import { button, compose, p, strong, type RenderedEmail } from '../compose';
import { e164, link, orderReference, STAFF_FOOTER } from './fields';

export const provisioningFailedSchema = z.object({
  e164,
  orderReference,
  customerEmail: z.email(),
  /** The provider's error as it came back (e.g. "DIDWW out of stock: …"). */
  reason: z.string().trim().min(1).max(2000),
  /** The order in the admin console, where staff retry or refund. */
  adminUrl: link,
});
export type ProvisioningFailedData = z.input<typeof provisioningFailedSchema>;

/** To staff (STAFF_ALERT_EMAIL) when a paid number could not be set up after every retry. */
export function provisioningFailed(input: ProvisioningFailedData): RenderedEmail {
  const d = provisioningFailedSchema.parse(input);
  return compose({
    subject: `Provisioning failed: ${d.e164} (order ${d.orderReference})`,
    preheader: `${d.e164} for ${d.customerEmail} needs a retry or a refund.`,
    heading: 'A paid number could not be set up',
    blocks: [
      p('Provisioning of ', strong(d.e164), ' gave up after its last retry. The customer has paid: retry it or refund it from the admin console.'),
      { kind: 'facts', rows: [['Number', d.e164], ['Order', d.orderReference], ['Customer', d.customerEmail], ['Reason', d.reason]] },
      button('Open the order in admin', d.adminUrl),
    ],
    footer: STAFF_FOOTER,
  });
}
