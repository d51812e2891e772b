import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { createRequire } from 'node:module';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

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
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  // Apollo hands back the same parsed document for a repeated query, and the cost depends only on
  // the document, the operation and the variables: estimating walks the whole document, so a busy
  // storefront search would otherwise pay for the same walk on every request.
  const costs = new WeakMap<DocumentNode, LRUCache<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    let byVariables = costs.get(document);
    if (!byVariables) {
      byVariables = new LRUCache<string, number>({ max: 500 });
      costs.set(document, byVariables);
    }
    const key = `${operationName ?? ''}|${JSON.stringify(variables)}`;
    let cost = byVariables.get(key);
    if (cost === undefined) {
      cost = getComplexity({ schema, operationName, query: document, variables, estimators });
      byVariables.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = costOf(document, request.operationName ?? undefined, request.variables ?? {});
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
