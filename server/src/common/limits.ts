import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';

export const MAX_DEPTH = 12;
export const MAX_COMPLEXITY = 5000;

/** Rejects operations nested deeper than `max` fields (introspection fields are not counted). */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`This query is nested ${depth} levels deep; the limit is ${max}.`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}

/**
 * What an unpaged list of records (a barrier's comments, a change's history) is assumed to hold.
 * They are short in practice but unbounded, so a query that nests them under a page of 100 must pay
 * for them; fields opt in with `{ complexity: unpagedList }`.
 */
export const UNPAGED_LIST_SIZE = 20;

export const unpagedList: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity * UNPAGED_LIST_SIZE;

/** A list field costs its children times the page size asked for. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.ids === 'object' && Array.isArray(args.ids) ? args.ids.length : undefined;
  return size === undefined ? undefined : 1 + childComplexity * Math.max(size, 1);
};

/** The estimated cost of one operation of `document`, as the limit below counts it. */
export function estimateComplexity(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>) {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Variables longer than this as JSON (a mutation's input, say) are estimated afresh every time. */
const CACHED_VARIABLES_LENGTH = 1000;
/** Estimates kept per document: one per page size and filter a client asks with, in practice. */
const CACHED_ESTIMATES_PER_DOCUMENT = 100;

/**
 * estimateComplexity, remembered per parsed document (Apollo reuses the parsed document for the
 * same query text) and per operation name and variables: the estimate walks the whole operation
 * against the schema, which cost as much as a tenth of a small board request, and its answer
 * depends on nothing else.
 */
function cachedEstimator(schema: GraphQLSchema) {
  const estimates = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (key.length > CACHED_VARIABLES_LENGTH) return estimateComplexity(schema, document, operationName, variables);
    let forDocument = estimates.get(document);
    const known = forDocument?.get(key);
    if (known !== undefined) return known;
    const complexity = estimateComplexity(schema, document, operationName, variables);
    if (!forDocument) estimates.set(document, (forDocument = new Map()));
    if (forDocument.size < CACHED_ESTIMATES_PER_DOCUMENT) forDocument.set(key, complexity);
    return complexity;
  };
}

/** Rejects an operation whose estimated cost is above MAX_COMPLEXITY, before it runs. */
export function complexityLimit(schema: GraphQLSchema): ApolloServerPlugin {
  const estimate = cachedEstimator(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = estimate(document, request.operationName, request.variables);
          } catch (error) {
            // Estimating reads the variables first: variables that do not fit the operation are the client's mistake.
            if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw error;
          }
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(`This query is too expensive (${complexity}); the limit is ${MAX_COMPLEXITY}. Ask for smaller pages.`, {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
        },
      };
    },
  };
}
