/** How the console writes dates, counts and enum values: the staff member's locale and time zone. */
import type { NumberKind } from '../gql/graphql';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const count = new Intl.NumberFormat();

/** An API DateTime (UTC) in local time, e.g. "Mar 1, 2026, 1:00 PM"; "—" for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '—' : dateTime.format(time);
}

export const formatCount = (value: number): string => count.format(value);

/** The browser's time zone, e.g. "Europe/Berlin", for saying which times a date picker means. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const NUMBER_KIND_LABELS: Record<NumberKind, string> = {
  LOCAL: 'Local',
  MOBILE: 'Mobile',
  NATIONAL: 'National',
  TOLL_FREE: 'Toll-free',
};
