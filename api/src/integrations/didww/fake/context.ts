/** What every fake resource handler receives, and the helpers they share. */
import type { JsonApiDocument, JsonApiRelationship } from '../types';
import type { Faults, RequestFault } from './faults';
import {
  errors, HttpError, paginate, serialize, sortResources, validateIncludes, type FakeResource, type ParsedQuery,
} from './jsonapi';
import type { Lifecycle } from './lifecycle';
import type { Presenter } from './present';
import type { FakeStore } from './store';

export interface Ctx {
  method: string;
  /** Path without the /v3 prefix. */
  path: string;
  params: Record<string, string>;
  query: ParsedQuery;
  body: unknown;
  version: string;
  origin: string;
  store: FakeStore;
  faults: Faults;
  fault: RequestFault;
  present: Presenter;
  lifecycle: Lifecycle;
}

export type Result =
  | { status: number; doc: JsonApiDocument | null; headers?: Record<string, string> }
  | { status: number; raw: Buffer; contentType: string };

export type Handler = (ctx: Ctx) => Result | Promise<Result>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export const route = (method: string, path: string, handler: Handler): Route => ({
  method,
  // "/orders/:id" → ^/orders/(?<id>[^/]+)$
  pattern: new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`),
  handler,
});

/** A list answer: include validation, sort, page, serialise with `meta.total_records`. */
export function list(ctx: Ctx, items: FakeResource[]): Result {
  if (items[0] && ctx.query.include.length > 0) validateIncludes(items[0], ctx.query.include, ctx.present.relNames);
  const sorted = sortResources(items, ctx.query.sort);
  const { slice, meta } = paginate(sorted, ctx.query.page);
  const doc = serialize(slice, ctx.query, ctx.present.resolve, { ...meta, api_version: ctx.version });
  const last = Math.max(1, Math.ceil(items.length / ctx.query.page.size));
  const link = (n: number) => `${ctx.origin}/v3${ctx.path}?page[number]=${n}&page[size]=${ctx.query.page.size}`;
  doc.links = {
    first: link(1),
    last: link(last),
    next: ctx.query.page.number < last ? link(ctx.query.page.number + 1) : null,
    prev: ctx.query.page.number > 1 ? link(ctx.query.page.number - 1) : null,
  };
  return { status: 200, doc };
}

export function single(ctx: Ctx, item: FakeResource | undefined, status = 200): Result {
  if (!item) throw errors.notFound(ctx.params.id ?? ctx.params.file ?? '');
  if (ctx.query.include.length > 0) validateIncludes(item, ctx.query.include, ctx.present.relNames);
  return { status, doc: serialize(item, ctx.query, ctx.present.resolve, { api_version: ctx.version }) };
}

export interface Incoming {
  attributes: Record<string, unknown>;
  relationships: Record<string, JsonApiRelationship>;
  id?: string;
}

/** The request's `data` object, checked for the expected type. */
export function incoming(ctx: Ctx, type: string): Incoming {
  const data = (ctx.body as { data?: unknown } | null)?.data as
    | { type?: unknown; id?: unknown; attributes?: unknown; relationships?: unknown }
    | undefined;
  if (!data || typeof data !== 'object') throw errors.badRequest('Missing Parameter', 'The required parameter, data, is missing.', '106');
  if (data.type !== type) throw new HttpError(409, [{ title: 'Type Mismatch', detail: `${String(data.type)} is not a valid type for this operation.`, code: '116', status: '409' }]);
  const out: Incoming = {
    attributes: (data.attributes && typeof data.attributes === 'object' ? data.attributes : {}) as Record<string, unknown>,
    relationships: (data.relationships && typeof data.relationships === 'object' ? data.relationships : {}) as Record<string, JsonApiRelationship>,
  };
  if (typeof data.id === 'string') out.id = data.id;
  return out;
}

/** Id of a to-one relationship in a request body (`undefined` when absent, `null` when cleared). */
export function relIdOf(inc: Incoming, name: string): string | null | undefined {
  if (!(name in inc.relationships)) return undefined;
  const d = inc.relationships[name]?.data;
  if (d === null) return null;
  return d && !Array.isArray(d) && typeof d.id === 'string' ? d.id : undefined;
}

export const filterBool = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === 'true');
