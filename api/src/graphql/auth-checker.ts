import type { AuthChecker } from 'type-graphql';
import type { Role } from '../generated/prisma/enums';
import type { GraphQLContext } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized(Role.SUPPORT, Role.ADMIN)` also a role.
 * Throwing our own errors (instead of returning false) keeps the codes exactly as API.md fixes them.
 */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden();
  return true;
};
