/**
 * The email outbox as staff read it: statuses, template names, which emails can be resent, and
 * an email's HTML made safe to show inside the console.
 */
import type { EmailStatus } from '../gql/graphql';
import { humanizeName, type StatusView } from './orders';

export const EMAIL_STATUS: Record<EmailStatus, StatusView & { hint: string }> = {
  PENDING: { label: 'Pending', type: 'info', hint: 'Queued: a worker sends it shortly, or retries it after a temporary failure.' },
  SENT: { label: 'Sent', type: 'success', hint: 'Accepted by the SMTP server.' },
  FAILED: { label: 'Failed', type: 'error', hint: 'Refused by the SMTP server or still failing after every retry.' },
  STORED: { label: 'Stored', type: 'default', hint: 'Kept in the outbox only: no SMTP server is configured.' },
};

export const EMAIL_STATUSES = Object.keys(EMAIL_STATUS) as EmailStatus[];

const TEMPLATE_LABELS: Record<string, string> = {
  orderConfirmation: 'Order confirmation',
  refundIssued: 'Refund issued',
  paymentFailed: 'Payment failed',
  provisioningFailed: 'Provisioning failed',
  numberActive: 'Number active',
};

/** "orderConfirmation" → "Order confirmation"; a template this console does not know is spelled out from its name. */
export const templateLabel = (template: string): string => TEMPLATE_LABELS[template] ?? humanizeName(template);

/** Only stored and failed emails go back in the queue (the API refuses the others). */
export const canResend = (status: EmailStatus): boolean => status === 'STORED' || status === 'FAILED';

/**
 * What the preview iframe shows beside its `sandbox` (no scripts, no same origin, no forms, no
 * popups): a Content-Security-Policy that loads nothing but inline styles and images, and links
 * that would open elsewhere rather than inside the preview (where the sandbox blocks them).
 */
export const EMAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https: data:";

export function emailPreviewDocument(html: string): string {
  const guard = `<meta http-equiv="Content-Security-Policy" content="${EMAIL_PREVIEW_CSP}"><base target="_blank">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + guard + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${guard}</head>` + html.slice(root.index + root[0].length);
  return `<!doctype html><html><head>${guard}</head><body>${html}</body></html>`;
}
