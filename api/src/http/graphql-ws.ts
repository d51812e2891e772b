import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import type { GraphQLContext } from '../graphql/context';
import { isPublicError, maskError } from '../graphql/error-masking';
import type { Services } from '../services';
import { detectApp, resolveViewer } from './request-auth';
import { requestIdFrom } from './request-id';

/**
 * graphql-ws on the same path as HTTP. The viewer is resolved per operation from the
 * `authorization` connection param or the upgrade request's cookie, so a revoked session stops
 * authorising new operations at once.
 */
export function attachGraphQLWebSocket(httpServer: Server, schema: GraphQLSchema, services: Services, log: Logger) {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      context: async (ctx): Promise<GraphQLContext> => {
        const request = ctx.extra.request;
        const inputs = {
          appHint: ctx.connectionParams?.app ?? request.headers['x-numninja-app'],
          authorization: ctx.connectionParams?.authorization ?? request.headers.authorization,
          cookieHeader: request.headers.cookie,
        };
        const app = detectApp(inputs);
        const requestId = requestIdFrom(undefined);
        return {
          requestId,
          log: log.child({ requestId, transport: 'ws' }),
          viewer: await resolveViewer(services.sessions, inputs, app),
          meta: { app, ip: request.socket.remoteAddress ?? null, userAgent: request.headers['user-agent'] ?? null },
          services,
          cookie: null,
        };
      },
      // Errors before any result (a refused subscribe, a bad document) get the same masking as HTTP.
      onError: (_ctx, id, _payload, errors) => {
        const requestId = requestIdFrom(undefined);
        for (const e of errors) {
          if (!isPublicError(e.extensions?.code)) log.error({ err: e.originalError ?? e, operationId: id, requestId }, 'unexpected GraphQL error');
        }
        return errors.map((e) => maskError(e.toJSON(), requestId));
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors?.length) return;
        const context = args.contextValue as GraphQLContext;
        for (const e of result.errors) {
          if (!isPublicError(e.extensions?.code)) context.log.error({ err: e.originalError ?? e }, 'unexpected GraphQL error');
        }
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), context.requestId)) };
      },
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
