import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Arg, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

/**
 * Codes for what a person can fix: returned in a mutation payload's `userErrors`, so clients
 * branch on the code, never on message text.
 */
export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  EXPIRED = 'EXPIRED',
  ALREADY_USED = 'ALREADY_USED',
  /** Withdrawn by the person who issued it. */
  REVOKED = 'REVOKED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  /** A case still has flagged personal data that nobody has resolved. */
  UNRESOLVED_REDACTIONS = 'UNRESOLVED_REDACTIONS',
  /** A case lacks the consent of one or both co-learners to its current text. */
  CONSENT_MISSING = 'CONSENT_MISSING',
  /** Asked again too soon after the last time (a nudge to a pair, say). */
  TOO_SOON = 'TOO_SOON',
  /** The change would leave an organisation without a programme manager. */
  LAST_PROGRAMME_MANAGER = 'LAST_PROGRAMME_MANAGER',
  /** The person is a co-learner in a pair that has not ended. */
  IN_CURRENT_PAIR = 'IN_CURRENT_PAIR',
  /** The person owns changes that are not adopted, rejected or withdrawn. */
  OWNS_UNFINISHED_CHANGES = 'OWNS_UNFINISHED_CHANGES',
  /** The identity provider's discovery document could not be fetched or is not usable. */
  CONNECTION_FAILED = 'CONNECTION_FAILED',
  /** An email domain is already covered by, or in use by, another organisation. */
  DOMAIN_TAKEN = 'DOMAIN_TAKEN',
  /** The person's organisation signs them in through its identity provider, not with a password. */
  SINGLE_SIGN_ON_REQUIRED = 'SINGLE_SIGN_ON_REQUIRED',
  /** The programme asks both co-learners to complete their side's training before the pair starts. */
  TRAINING_INCOMPLETE = 'TRAINING_INCOMPLETE',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation could not do what was asked, in a form a client can branch on.',
});

@ObjectType({ description: 'A problem with the input or the state of the data that the person can fix.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if any.' })
  field?: string[] | null;

  @Field({ description: 'What went wrong, in words a person can act on.' })
  message: string;

  @Field(() => UserErrorCode)
  code: UserErrorCode;
}

/** Thrown by services for an expected failure; mutation resolvers turn it into a userError. */
export class DomainError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toUserError(): UserError {
    return { code: this.code, message: this.message, field: this.field ?? null };
  }
}

/** The fixed set of top-level error codes (errors[].extensions.code). */
export type TopLevelCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR';

export function topLevelError(code: TopLevelCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const unauthenticated = () => topLevelError('UNAUTHENTICATED', 'Sign in to do this.');
export const forbidden = (message = 'You may not do this.') => topLevelError('FORBIDDEN', message);
export const notFound = (what = 'That record') => topLevelError('NOT_FOUND', `${what} does not exist or is not visible to you.`);
export const badInput = (message: string) => topLevelError('BAD_USER_INPUT', message);

/** Payload fields shared by every mutation. */
@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Problems that stopped the mutation; empty when it succeeded.' })
  userErrors: UserError[] = [];
}

/** A mutation's single `input` argument; it is validated by `mutate`, into userErrors. */
export function InputArg(InputType: ClassType) {
  return Arg('input', () => InputType, { validate: false });
}

function flattenValidation(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message,
      code: UserErrorCode.INVALID_INPUT,
    }));
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/**
 * Runs a mutation: invalid input becomes userErrors before anything is written; a DomainError
 * from the service becomes userErrors (its transaction has already rolled back); anything else
 * propagates to the top-level error channel, where it is logged and masked.
 */
export async function mutate<P extends MutationPayload>(
  Payload: new () => P,
  input: object | undefined,
  run: () => Promise<Partial<Omit<P, 'userErrors'>>>,
): Promise<P> {
  const payload = new Payload();
  if (input) {
    const invalid = flattenValidation(await validate(input, { forbidUnknownValues: false }), ['input']);
    if (invalid.length > 0) {
      payload.userErrors = invalid;
      return payload;
    }
  }
  try {
    Object.assign(payload, await run());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    payload.userErrors = [error.toUserError()];
  }
  return payload;
}

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
