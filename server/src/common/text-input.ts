import {
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { wrapFieldResolvers } from './field-resolvers';

/**
 * The one place every text argument passes through before any resolver, validator or SQL sees
 * it. `cleanArgumentsOf` (schema.ts) wraps the resolver of every field that takes arguments, and
 * walks the arguments by their GraphQL types, so inputs added later get it without opting in:
 *
 * 1. Text PostgreSQL cannot store or that no person types (NUL and other control characters
 *    except tab and line breaks, lone UTF-16 surrogates) is refused with BAD_USER_INPUT.
 * 2. Text is trimmed, so that class-validator's length checks (which run after this) see what
 *    will be stored: eleven spaces are an empty rationale, not an eleven-character one.
 *
 * Passwords and other secrets are compared byte for byte and must not be trimmed: mark their
 * fields with `@RawText()`.
 */
const RAW_TEXT = 'rawText';

/** Keeps a text input field exactly as sent (still refusing control characters): passwords. */
export const RawText = () => Extensions({ [RAW_TEXT]: true });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (CONTROL.test(value)) return 'contains a control character';
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode text';
  return null;
}

const invalidText = (path: string[], problem: string) =>
  new GraphQLError(`The text at ${path.join('.')} ${problem}.`, { extensions: { code: 'BAD_USER_INPUT', field: path } });

/** Checks and trims every text value in `value`, an argument of GraphQL type `type`; returns the cleaned value. */
export function cleanInput(type: GraphQLInputType, value: unknown, path: string[], raw = false): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return cleanInput(type.ofType, value, path, raw);
  if (isListType(type)) {
    return Array.isArray(value) ? value.map((item, i) => cleanInput(type.ofType, item, [...path, String(i)], raw)) : cleanInput(type.ofType, value, path, raw);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return value;
    const fields = type.getFields();
    const record = value as Record<string, unknown>;
    for (const [name, field] of Object.entries(fields)) {
      if (name in record) record[name] = cleanInput(field.type, record[name], [...path, name], field.extensions?.[RAW_TEXT] === true);
    }
    return record;
  }
  if (isScalarType(type) && typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw invalidText(path, problem);
    return raw ? value : value.trim();
  }
  return value;
}

function cleanArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  for (const arg of field.args) {
    if (arg.name in args) args[arg.name] = cleanInput(arg.type, args[arg.name], [arg.name], arg.extensions?.[RAW_TEXT] === true);
  }
}

/**
 * Wraps, in place, the resolver of every field of `schema` that takes arguments, so they are
 * cleaned before type-graphql converts and validates them. Fields without arguments (almost all
 * of them, and every field of every row in a list) keep their resolver untouched: a type-graphql
 * global middleware would have wrapped each of those in an async dispatch too, which made a page of
 * 100 changes resolve thousands of promises for nothing (issue 11).
 */
export function cleanArgumentsOf(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, (field, resolve) => {
    if (field.args.length === 0) return null;
    return (source, args, context, info) => {
      cleanArguments(field, args);
      return resolve(source, args, context, info);
    };
  });
}
