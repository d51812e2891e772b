/**
 * The template registry: one name per email we send, its data schema and its renderer. Callers
 * queue `{ template, data }`; rendering happens then, so a bad payload fails the caller's
 * transaction instead of a job hours later.
 */
import { ZodError, type z } from 'zod';
import type { RenderedEmail } from './compose';
import { numberActive, numberActiveSchema } from './templates/number-active';
import { orderConfirmation, orderConfirmationSchema } from './templates/order-confirmation';
import { paymentFailed, paymentFailedSchema } from './templates/payment-failed';
import { provisioningFailed, provisioningFailedSchema } from './templates/provisioning-failed';
import { refundIssued, refundIssuedSchema } from './templates/refund-issued';
import { smsReceived, smsReceivedSchema } from './templates/sms-received';
import { voicemailReceived, voicemailReceivedSchema } from './templates/voicemail-received';

export const templates = {
  orderConfirmation: { schema: orderConfirmationSchema, render: orderConfirmation },
  paymentFailed: { schema: paymentFailedSchema, render: paymentFailed },
  refundIssued: { schema: refundIssuedSchema, render: refundIssued },
  provisioningFailed: { schema: provisioningFailedSchema, render: provisioningFailed },
  numberActive: { schema: numberActiveSchema, render: numberActive },
  smsReceived: { schema: smsReceivedSchema, render: smsReceived },
  voicemailReceived: { schema: voicemailReceivedSchema, render: voicemailReceived },
} as const;

export type TemplateName = keyof typeof templates;
/** The data each template takes (dates may be Dates or ISO strings). */
export type TemplateData = { [K in TemplateName]: z.input<(typeof templates)[K]['schema']> };

export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** The data did not fit the template: a bug in the caller, reported with the paths at fault. */
export class EmailDataError extends Error {
  constructor(
    readonly template: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    // Paths and messages only: the values are customer data and this ends up in logs.
    super(`Bad data for email template "${template}": ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'EmailDataError';
  }
}

export function renderEmail<T extends TemplateName>(template: T, data: TemplateData[T]): RenderedEmail {
  if (!isTemplateName(template)) throw new EmailDataError(String(template), [{ path: '', message: 'unknown template' }]);
  try {
    return (templates[template].render as (d: unknown) => RenderedEmail)(data);
  } catch (err) {
    if (err instanceof ZodError) throw new EmailDataError(template, err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    throw err;
  }
}
