import { z } from 'zod';
import { button, compose, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, displayName, fmt, link, money, numberRef, orderReference } from './fields';

export const orderConfirmationSchema = z.object({
  name: displayName,
  orderReference,
  lines: z.array(numberRef.extend({ setup: money, monthly: money })).min(1).max(500),
  /** What was charged at checkout: setup fees plus the first month. */
  dueToday: money,
  orderUrl: link,
});
export type OrderConfirmationData = z.input<typeof orderConfirmationSchema>;

/** To the customer once the payment for an order is confirmed (numbers are being set up). */
export function orderConfirmation(input: OrderConfirmationData): RenderedEmail {
  const d = orderConfirmationSchema.parse(input);
  const count = d.lines.length === 1 ? '1 number' : `${d.lines.length} numbers`;
  return compose({
    subject: `Order ${d.orderReference} confirmed`,
    preheader: `${count}, ${fmt(d.dueToday)} paid. We are setting them up now.`,
    heading: 'Thanks for your order',
    blocks: [
      p(`Hi ${d.name},`),
      p('Your payment for order ', strong(d.orderReference), ' went through. We are setting up your numbers now and will email you as each one goes live, usually within a minute.'),
      {
        kind: 'table',
        head: ['Number', 'Setup', 'Monthly'],
        rows: d.lines.map((l) => [{ text: l.national, sub: l.e164 }, fmt(l.setup), fmt(l.monthly)]),
        total: ['Paid today', fmt(d.dueToday)],
      },
      button('View your order', d.orderUrl),
    ],
    footer: CUSTOMER_FOOTER,
  });
}
