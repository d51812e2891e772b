import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from './context';

/** Codes whose message is meant for the client; anything else is a fault and gets masked. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'VALIDATION',
  'NOT_FOUND',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COSTLY',
]);

export function maskError(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  const code = error.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return error;
  return {
    message: `Unexpected error. Reference: ${requestId}`,
    locations: error.locations,
    path: error.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

export function isPublicError(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/** Logs faults with the request id, then masks them in the response. */
export function errorMaskingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) {
            if (isPublicError(e.extensions?.code)) continue;
            contextValue.log.error({ err: unwrapResolverError(e), path: e.path }, 'unexpected GraphQL error');
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => maskError(e, contextValue.requestId));
          }
        },
      };
    },
  };
}
