import {
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';

/**
 * The one place every text argument passes through before any resolver, validator or SQL sees
 * it. It runs as a type-graphql global middleware (schema.ts), and walks the arguments by their
 * GraphQL types, so inputs added later get it without opting in:
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

/** The global middleware: cleans the arguments of the field being resolved, in place. */
export const TextInputMiddleware: MiddlewareFn = ({ args, info }, next) => {
  if (Object.keys(args).length > 0) {
    const field = info.parentType.getFields()[info.fieldName];
    for (const arg of field?.args ?? []) {
      if (arg.name in args) args[arg.name] = cleanInput(arg.type, args[arg.name], [arg.name], arg.extensions?.[RAW_TEXT] === true);
    }
  }
  return next();
};
