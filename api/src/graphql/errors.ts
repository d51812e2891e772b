import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ZodError } from 'zod';

/** Codes of expected failures, returned in mutation payloads rather than thrown. */
export enum ErrorCode {
  VALIDATION = 'VALIDATION',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  RATE_LIMITED = 'RATE_LIMITED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  NUMBER_UNAVAILABLE = 'NUMBER_UNAVAILABLE',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  CART_EMPTY = 'CART_EMPTY',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
}

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Machine-readable reason of an expected failure.',
  valuesConfig: {
    VALIDATION: { description: 'An input value is malformed or out of range; `field` names it.' },
    EMAIL_TAKEN: { description: 'An account with this email already exists.' },
    INVALID_CREDENTIALS: { description: 'The email or the password is wrong.' },
    RATE_LIMITED: { description: 'Too many attempts; retry later.' },
    FORBIDDEN: { description: 'The signed-in account may not do this.' },
    NOT_FOUND: { description: 'The object does not exist or is not yours.' },
    NUMBER_UNAVAILABLE: { description: 'The number is held by someone else or already sold.' },
    HOLD_EXPIRED: { description: 'The hold on a cart item ran out.' },
    CART_EMPTY: { description: 'There is nothing in the cart to check out.' },
    PAYMENT_FAILED: { description: 'The payment was declined or failed.' },
  },
});

@ObjectType({ description: 'An expected failure of a mutation.' })
export class UserError {
  @Field(() => ErrorCode, { description: 'What went wrong, for programs.' })
  code!: ErrorCode;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["email"]; null when not about one field.',
  })
  field?: string[] | null;
}

export function userError(code: ErrorCode, message: string, field?: string[]): UserError {
  return Object.assign(new UserError(), { code, message, field: field ?? null });
}

/** One VALIDATION error per zod issue; `prefix` places the parsed value in the input ("filter", "input"). */
export function zodUserErrors(error: ZodError, prefix: string[] = []): UserError[] {
  return error.issues.map((i) => {
    const field = [...prefix, ...i.path.map(String)];
    return userError(ErrorCode.VALIDATION, i.message, field.length ? field : undefined);
  });
}

/** What a service returns: the value, or the expected failures. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: UserError[]): Result<T> => ({ ok: false, errors });

/** Thrown (not returned) when the caller is not signed in. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('You must be signed in.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });
}

/** Thrown (not returned) when the signed-in caller lacks the role. */
export function forbidden(message = 'You do not have access to this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Thrown where there is no payload to carry it (a subscription): missing, or someone else's. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/**
 * A bad argument on a query (e.g. `first` over the cap): queries have no payload, so this is a
 * GraphQL error carrying the same VALIDATION code and field path as a payload's UserError.
 */
export function badInput(message: string, field: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.VALIDATION, field } });
}
