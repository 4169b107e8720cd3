import { defaultFieldResolver, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

/**
 * Wraps, in place, the resolver of every field of every object type that `wrap` returns a wrapper
 * for (null leaves the field as it is). How the schema's cross-cutting checks (roles, text
 * arguments) run synchronously before a resolver, instead of as type-graphql middlewares, which
 * turn every field they touch into a promise.
 */
export function wrapFieldResolvers(
  schema: GraphQLSchema,
  wrap: (field: GraphQLField<unknown, unknown>, resolve: GraphQLFieldResolver<unknown, unknown>) => GraphQLFieldResolver<unknown, unknown> | null,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const wrapped = wrap(field, field.resolve ?? defaultFieldResolver);
      if (wrapped) field.resolve = wrapped;
    }
  }
  return schema;
}
