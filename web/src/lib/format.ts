import type { Role } from '../gql/graphql';

const ROLE_LABELS: Record<Role, string> = {
  CUSTOMER: 'Customer',
  SUPPORT: 'Support',
  ADMIN: 'Administrator',
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role;

/** "March 3, 2025" in the visitor's locale; timestamps arrive as ISO-8601 UTC strings. */
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

/** "Mar 3, 2025, 12:00 PM" in the visitor's locale and time zone (`timeZone` for tests). */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
