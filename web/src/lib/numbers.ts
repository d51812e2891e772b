import type { NumberStatus } from '../gql/graphql';
import { formatDate } from './format';
import { numberStatusView } from './orderStatus';

export interface RenewalLike {
  status: NumberStatus;
  paidUntil?: string | null;
  cancelAtPeriodEnd: boolean;
}

/** The line under a number about its billing: "Renews on 25 Dec 2026", "Ends on …", or nothing. */
export function renewalText(n: RenewalLike, locale?: string): string | null {
  if (!n.paidUntil || ['FAILED', 'RELEASING', 'RELEASED'].includes(n.status)) return null;
  const date = formatDate(n.paidUntil, locale);
  if (n.cancelAtPeriodEnd) return `Ends on ${date}`;
  if (n.status === 'PAST_DUE') return `Payment overdue since ${date}`;
  if (n.status === 'SUSPENDED') return `Suspended since ${date}`;
  return `Renews on ${date}`;
}

/** Whether any number is still on its way to live (worth following closely). */
export function anyNumberInProgress(numbers: ReadonlyArray<{ status: NumberStatus }>): boolean {
  return numbers.some((n) => numberStatusView(n.status).busy === true);
}

/** A live change for a number the list has not loaded (a new purchase): the list must be fetched again. */
export function isUnknownNumber(numbers: ReadonlyArray<{ id: string }>, changedId: string | null | undefined): boolean {
  return !!changedId && !numbers.some((n) => n.id === changedId);
}
