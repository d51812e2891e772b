import type { Role } from '../gql/graphql';

const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['SUPPORT', 'ADMIN']);

/** Only staff may use the console; the API enforces the same rule on every staff field. */
export const isStaff = (role: Role | null | undefined): boolean => role != null && STAFF_ROLES.has(role);

const ROLE_LABELS: Record<Role, string> = {
  CUSTOMER: 'Customer',
  SUPPORT: 'Support',
  ADMIN: 'Admin',
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role;

export const STAFF_ONLY_MESSAGE = 'This console is for NumNinja staff only.';

/** Changing prices is for admins; support staff see the same pages with those controls disabled. The API enforces it too. */
export const canManagePricing = (role: Role | null | undefined): boolean => role === 'ADMIN';

/** The tooltip on a control only admins may use. */
export const ADMINS_ONLY = 'Admins only';
