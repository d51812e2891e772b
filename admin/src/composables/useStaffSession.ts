import { defineSession } from '@shared/defineSession';
import { StaffMeDocument, StaffSignInDocument, StaffSignOutDocument, type UserErrorFieldsFragment } from '../gql/graphql';
import { isStaff, STAFF_ONLY_MESSAGE } from '../lib/staff';

const staffOnly: UserErrorFieldsFragment = { __typename: 'UserError', code: 'FORBIDDEN', message: STAFF_ONLY_MESSAGE, field: null };

const session = defineSession(
  { me: StaffMeDocument, signIn: StaffSignInDocument, signOut: StaffSignOutDocument },
  // The API itself refuses customers here (FORBIDDEN, no session); this only keeps the console
  // shut should a non-staff account ever come back signed in.
  { refuse: (user) => (isStaff(user.role) ? null : staffOnly) },
);

/** For the router guard, which runs outside components. */
export const readStaffSession = session.readSession;

export const useStaffSession = session.useSession;
