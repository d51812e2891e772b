import { z } from 'zod';
import { button, compose, note, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, displayName, fmt, link, money, numberRef, orderReference } from './fields';

export const refundIssuedSchema = z.object({
  name: displayName,
  orderReference,
  /** The total refunded. */
  amount: money,
  /** What the refund is for, number by number; empty for a refund not tied to numbers. */
  lines: z.array(numberRef.extend({ amount: money })).max(500),
  orderUrl: link,
});
export type RefundIssuedData = z.input<typeof refundIssuedSchema>;

/** To the customer when staff (or an automatic rule) refunds all or part of an order. */
export function refundIssued(input: RefundIssuedData): RenderedEmail {
  const d = refundIssuedSchema.parse(input);
  return compose({
    subject: `Refund of ${fmt(d.amount)} for order ${d.orderReference}`,
    preheader: `We have refunded ${fmt(d.amount)} to your original payment method.`,
    heading: 'Your refund is on its way',
    blocks: [
      p(`Hi ${d.name},`),
      p('We have refunded ', strong(fmt(d.amount)), ' for order ', strong(d.orderReference), ' to the payment method you used.'),
      ...(d.lines.length > 0
        ? [{ kind: 'table' as const, head: ['Number', 'Refunded'], rows: d.lines.map((l) => [{ text: l.national, sub: l.e164 }, fmt(l.amount)]), total: ['Total refunded', fmt(d.amount)] as [string, string] }]
        : []),
      note('Banks usually take 5 to 10 business days to show a refund on your statement.'),
      button('View your order', d.orderUrl),
    ],
    footer: CUSTOMER_FOOTER,
  });
}
