import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { createRequire } from 'node:module';

// graphql-query-complexity's ESM build imports `graphql/index.mjs` by path, while Apollo and
// type-graphql load graphql's CJS entry: two graphql realms, and every query fails. Its CJS build
// shares the one graphql everything else uses.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

export function depthRule(maxDepth: number) {
  // Introspection counts too: a deep __schema query is as costly as any other.
  // Reported as a validation error (400) rather than thrown, which Apollo would treat as a fault.
  return maxDepthRule({
    n: maxDepth,
    ignoreIntrospection: false,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [(ctx, error) => ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))],
  });
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost`. Fields declare their cost with
 * type-graphql's `complexity` option; list fields multiply by their `first` argument.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too costly: estimated cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer fields or smaller pages.`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
