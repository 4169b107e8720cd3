import type { GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated } from './errors';
import { wrapFieldResolvers } from './field-resolvers';

/** `@Authorized(PUBLIC)` marks a root field that anyone may call, signed in or not. */
export const PUBLIC = 'PUBLIC';
/** `@Authorized(PLATFORM_ADMIN)` marks a field for platform admins only. */
export const PLATFORM_ADMIN = 'PLATFORM_ADMIN';

/** Where `@Authorized` keeps a field's roles: in the field's GraphQL extensions. */
export const AUTHORIZED = 'authorizedRoles';

/**
 * Coarse, role-level check on every field marked `@Authorized`: signed in, and holding one of
 * the roles in some organisation. Which organisation's records a person may touch is decided
 * by the domain policies, record by record.
 */
export function checkRoles(context: Context, roles: readonly string[]): void {
  if (roles.includes(PUBLIC)) return;
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0) return;
  const allowed = roles.some((role) => (role === PLATFORM_ADMIN ? viewer.isPlatformAdmin : viewer.hasRoleAnywhere(role)));
  if (!allowed) throw forbidden();
}

/**
 * Marks a query, mutation or field resolver with who may call it: `@Authorized()` anyone signed
 * in, `@Authorized(Role.OWNER)` holders of a role, `@Authorized(PUBLIC)` anyone.
 *
 * It replaces type-graphql's own `@Authorized`, which wraps every field it marks in an async
 * middleware: on a list, every row's every marked field became a promise, and the board spent more
 * time scheduling those than resolving (issue 11). The rule is the same and runs at the same point
 * (before the resolver, for every call), but synchronously: `authorizeFields` wraps the resolver.
 */
export const Authorized = (...roles: string[]) => Extensions({ [AUTHORIZED]: roles });

/** Wraps, in place, the resolver of every field marked `@Authorized` with its role check. */
export function authorizeFields(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, (field, resolve) => {
    const roles = field.extensions?.[AUTHORIZED] as string[] | undefined;
    if (!roles) return null;
    return (source, args, context, info) => {
      checkRoles(context as Context, roles);
      return resolve(source, args, context, info);
    };
  });
}
