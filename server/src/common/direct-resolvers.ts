import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Pick = (root: unknown, context: unknown, info: unknown) => unknown;
const PICK: Record<string, Pick> = { root: (root) => root, context: (_, context) => context, info: (_, __, info) => info };
type ResolverClass = new () => Record<string, (...params: unknown[]) => unknown>;

/**
 * Calls field resolver methods straight, where type-graphql's own call adds nothing to them.
 *
 * For every call, type-graphql looks its resolver object up in a list of every resolver class
 * (a linear search), sorts the method's parameters, maps them into a new array, checks each for a
 * promise and wraps the call for middlewares even when there are none. A page of a hundred changes
 * makes some eight hundred such calls. Here a method whose parameters are only @Root(), @Ctx() and
 * @Info() is called with them directly, on one instance of its (stateless) resolver class.
 *
 * Only where nothing is lost: no middleware and no type-graphql role (ours are checked by
 * common/auth-checker.ts, which wraps the result of this), no @Arg or @Args (type-graphql converts
 * and validates those), and a root that already is an instance of the declared type (otherwise
 * type-graphql's call converts it, and runs as before).
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  const instances = new Map<ResolverClass, InstanceType<ResolverClass>>();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.middlewares?.length || meta.roles) continue;
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
    if (params.length > 3 || !params.every((param) => param.kind in PICK && !('propertyName' in param && param.propertyName))) continue;
    const [a, b, c] = params.map((param) => PICK[param.kind]);
    const type = schema.getType(typeNames.get(meta.getObjectType?.()) ?? '');
    const field = isObjectType(type) ? type.getFields()[meta.schemaName] : undefined;
    if (!field?.resolve) continue;
    const target = meta.target as ResolverClass;
    if (!instances.has(target)) instances.set(target, new target());
    const instance = instances.get(target)!;
    const method = instance[meta.methodName];
    const rootParam = params.find((param) => param.kind === 'root') as { getType?: () => unknown } | undefined;
    const rootType = rootParam?.getType?.();
    const slow = field.resolve;
    const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
      if (typeof rootType === 'function' && root != null && !(root instanceof rootType)) return slow(root, args, context, info);
      return method.call(instance, a?.(root, context, info), b?.(root, context, info), c?.(root, context, info));
    };
    field.resolve = direct;
  }
  resolvePlainFieldsByDefault(schema, typeNames);
  return schema;
}

/** The class and its ancestors, nearest first. */
function classChain(target: Function): Function[] {
  const chain: Function[] = [];
  for (let at: unknown = target; typeof at === 'function' && at !== Function.prototype; at = Object.getPrototypeOf(at)) chain.push(at as Function);
  return chain;
}

function getterOf(target: Function, name: string): boolean {
  for (let at: object | null = target.prototype as object; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return typeof descriptor.get === 'function';
  }
  return false;
}

/**
 * Leaves plain fields and getters to GraphQL's default resolution, where type-graphql's resolver
 * adds nothing. For every such field of every row, type-graphql's builds an object of the call's
 * arguments, runs an empty list of middlewares and, for a getter, checks the object's class
 * first: a page of a hundred changes reads some fifteen hundred of them. Without a resolver,
 * graphql-js reads the property itself, and a compiled query (common/compiled-execution.ts) reads
 * it inline, with no call at all. Only for a field without arguments, middleware or type-graphql
 * role, named as its property. A getter's object is always an instance of its class: type-graphql
 * could not have converted a plain object to one either (a getter cannot be assigned to).
 * Field resolvers from resolver classes are left to the loop above.
 */
function resolvePlainFieldsByDefault(schema: GraphQLSchema, typeNames: ReadonlyMap<unknown, string>): void {
  const storage = getMetadataStorage();
  const external = new Set(storage.fieldResolvers.filter((meta) => meta.kind === 'external').map((meta) => `${typeNames.get(meta.getObjectType?.())}.${meta.schemaName}`));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const chain = classChain(objectType.target);
    for (const [schemaName, field] of Object.entries(type.getFields())) {
      if (!field.resolve || field.args.length || external.has(`${objectType.name}.${schemaName}`)) continue;
      const meta = storage.fields.find((candidate) => candidate.schemaName === schemaName && chain.includes(candidate.target));
      if (!meta || meta.name !== schemaName || meta.middlewares?.length || meta.roles || meta.params?.length) continue;
      const internal = storage.fieldResolvers.find((resolver) => resolver.kind === 'internal' && resolver.target === meta.target && resolver.methodName === meta.name);
      if (internal && (internal.middlewares?.length || internal.roles || !getterOf(meta.target, meta.name))) continue;
      field.resolve = undefined;
    }
  }
}
