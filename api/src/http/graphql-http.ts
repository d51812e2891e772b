import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { errorMaskingPlugin } from '../graphql/error-masking';
import { costLimitPlugin, depthRule } from '../graphql/limits';
import { publicResponseCachePlugin } from '../graphql/public-response-cache';

export async function startApollo(schema: GraphQLSchema, httpServer: Server, config: Config) {
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // Partners read the schema through Sandbox and introspection; it is public API documentation.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Our processes stop in order on SIGINT/SIGTERM (HTTP, then jobs, then the database); Apollo's
    // own handler would race that and re-raise the signal.
    stopOnTerminationSignals: false,
    // Compact JSON: Apollo pretty-prints by default, which costs CPU and bytes on every response.
    stringifyResult: (value) => JSON.stringify(value),
    validationRules: [depthRule(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      // We set no cache hints; the default plugin would still wrap every field resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      costLimitPlugin(schema, config.GRAPHQL_MAX_COST),
      errorMaskingPlugin(),
      ...(config.CATALOG_PAGE_CACHE_MS > 0 ? [publicResponseCachePlugin({ ttlMs: config.CATALOG_PAGE_CACHE_MS, rootFields: new Set(['availableNumbers']) })] : []),
    ],
  });
  await apollo.start();
  return apollo;
}
