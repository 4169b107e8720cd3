import type { AuthCheckerFn } from 'type-graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated } from './errors';

/** `@Authorized(PUBLIC)` marks a root field that anyone may call, signed in or not. */
export const PUBLIC = 'PUBLIC';
/** `@Authorized(PLATFORM_ADMIN)` marks a field for platform admins only. */
export const PLATFORM_ADMIN = 'PLATFORM_ADMIN';

/**
 * Coarse, role-level check on every field marked `@Authorized`: signed in, and holding one of
 * the roles in some organisation. Which organisation's records a person may touch is decided
 * by the domain policies, record by record.
 */
export const authChecker: AuthCheckerFn<Context> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0) return true;
  const allowed = roles.some((role) => (role === PLATFORM_ADMIN ? viewer.isPlatformAdmin : viewer.hasRoleAnywhere(role)));
  if (!allowed) throw forbidden();
  return true;
};
