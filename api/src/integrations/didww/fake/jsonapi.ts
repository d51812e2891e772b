/**
 * Server-side JSON:API for the fake: query parsing, serialisation with `include` trees and sparse
 * fieldsets, and DIDWW-style error documents.
 */
import type { ServerResponse } from 'node:http';
import type { JsonApiDocument, JsonApiErrorObject, JsonApiResource } from '../types';

export const MEDIA_TYPE = 'application/vnd.api+json';

export type RelTarget = { type: string; id: string } | null | Array<{ type: string; id: string }>;

/** A resource as a handler presents it: attributes plus relationship targets (always known). */
export interface FakeResource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  rels?: Record<string, RelTarget>;
  meta?: Record<string, unknown>;
}

export type Resolver = (type: string, id: string) => FakeResource | undefined;

export interface ParsedQuery {
  include: string[];
  filter: Record<string, string>;
  sort: string[];
  page: { number: number; size: number };
  fields: Record<string, string[]>;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly errors: JsonApiErrorObject[], readonly headers: Record<string, string> = {}) {
    super(errors[0]?.detail ?? `HTTP ${status}`);
  }
}

export const errors = {
  validation(pointer: string, detail: string, title = 'Invalid value'): HttpError {
    return new HttpError(422, [{ title, detail, code: '100', source: { pointer }, status: '422' }]);
  },
  notFound(id: string): HttpError {
    return new HttpError(404, [{ title: 'Record not found', detail: `The record identified by ${id} could not be found.`, code: '404', status: '404' }]);
  },
  insufficientFunds(): HttpError {
    return new HttpError(400, [{ title: 'Insufficient funds', detail: 'Your account balance is too low to complete this action.', code: '400', status: '400' }]);
  },
  badRequest(title: string, detail: string, code = '400'): HttpError {
    return new HttpError(400, [{ title, detail, code, status: '400' }]);
  },
  unauthorized(detail = 'Unauthorized'): HttpError {
    return new HttpError(401, [{ title: 'Unauthorized', detail, code: '401', status: '401' }]);
  },
  rateLimited(retryAfterSeconds: number): HttpError {
    return new HttpError(
      429,
      [{ title: 'Too Many Requests', detail: 'Rate limit exceeded. Retry later.', code: '429', status: '429' }],
      { 'Retry-After': String(retryAfterSeconds) },
    );
  },
  server(status = 500): HttpError {
    const title = status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal Server Error';
    return new HttpError(status, [{ title, detail: title, code: String(status), status: String(status) }]);
  },
};

const PAGE_DEFAULT = 50;
const PAGE_MAX = 100;

export function parseQuery(params: URLSearchParams): ParsedQuery {
  const q: ParsedQuery = { include: [], filter: {}, sort: [], page: { number: 1, size: PAGE_DEFAULT }, fields: {} };
  for (const [key, value] of params) {
    let m: RegExpExecArray | null;
    if (key === 'include') q.include = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === 'sort') q.sort = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if ((m = /^filter\[(.+)\]$/.exec(key))) q.filter[m[1]!] = value;
    else if ((m = /^fields\[(.+)\]$/.exec(key))) q.fields[m[1]!] = value.split(',').map((s) => s.trim());
    else if (key === 'page[number]') q.page.number = positiveInt(value, 'page[number]');
    else if (key === 'page[size]') q.page.size = Math.min(PAGE_MAX, positiveInt(value, 'page[size]'));
  }
  return q;
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw errors.badRequest('Invalid page value', `${v} is not a valid value for ${name}.`, '118');
  return n;
}

export function requireFilters(q: ParsedQuery, allowed: string[]): void {
  for (const key of Object.keys(q.filter)) {
    if (!allowed.includes(key)) throw errors.badRequest('Filter not allowed', `${key} is not allowed.`, '102');
  }
}

/** Include paths as a tree: "a,a.b,c" → { a: { b: {} }, c: {} }. */
type IncludeTree = { [name: string]: IncludeTree };

function includeTree(paths: string[]): IncludeTree {
  const root: IncludeTree = {};
  for (const p of paths) {
    let node = root;
    for (const part of p.split('.')) node = node[part] ??= {};
  }
  return root;
}

/** 400 for include paths naming relationships the resources do not have. */
export function validateIncludes(sample: FakeResource, include: string[], resolveRelNames: (type: string) => string[]): void {
  const check = (type: string, tree: IncludeTree) => {
    const names = resolveRelNames(type);
    for (const [name, sub] of Object.entries(tree)) {
      if (!names.includes(name)) {
        throw errors.badRequest('Invalid field', `${name} is not a valid relationship of ${type}`, '112');
      }
      const target = sample.rels?.[name];
      const targetType = Array.isArray(target) ? target[0]?.type : target?.type;
      if (targetType && Object.keys(sub).length > 0) check(targetType, sub);
    }
  };
  check(sample.type, includeTree(include));
}

/** Serialises primary data with `included` resources for the include paths. */
export function serialize(
  primary: FakeResource | FakeResource[] | null,
  q: Pick<ParsedQuery, 'include' | 'fields'>,
  resolve: Resolver,
  meta?: Record<string, unknown>,
): JsonApiDocument {
  const tree = includeTree(q.include);
  const included = new Map<string, JsonApiResource>();
  const primaryKeys = new Set((Array.isArray(primary) ? primary : primary ? [primary] : []).map((r) => `${r.type}:${r.id}`));

  const render = (r: FakeResource, sub: IncludeTree): JsonApiResource => {
    const fields = q.fields[r.type];
    const attributes = fields ? Object.fromEntries(Object.entries(r.attributes).filter(([k]) => fields.includes(k))) : r.attributes;
    const out: JsonApiResource = { type: r.type, id: r.id, attributes };
    const rels: NonNullable<JsonApiResource['relationships']> = {};
    for (const [name, target] of Object.entries(r.rels ?? {})) {
      if (fields && !fields.includes(name)) continue;
      const rel: NonNullable<JsonApiResource['relationships']>[string] = { links: { related: `/${r.type}/${r.id}/${name}` } };
      const child = sub[name];
      if (child) {
        rel.data = target;
        for (const t of Array.isArray(target) ? target : target ? [target] : []) addIncluded(t.type, t.id, child);
      }
      rels[name] = rel;
    }
    if (Object.keys(rels).length > 0) out.relationships = rels;
    if (r.meta) out.meta = r.meta;
    return out;
  };

  const addIncluded = (type: string, id: string, sub: IncludeTree) => {
    const key = `${type}:${id}`;
    const res = resolve(type, id);
    if (!res) return;
    const existing = included.get(key);
    if (existing && Object.keys(sub).length === 0) return;
    const rendered = render(res, sub);
    if (existing?.relationships) {
      for (const [k, v] of Object.entries(existing.relationships)) {
        if (v.data !== undefined && rendered.relationships?.[k]) rendered.relationships[k].data = v.data;
      }
    }
    if (!primaryKeys.has(key)) included.set(key, rendered);
  };

  const data = Array.isArray(primary) ? primary.map((r) => render(r, tree)) : primary ? render(primary, tree) : null;
  const doc: JsonApiDocument = { data };
  if (q.include.length > 0) doc.included = [...included.values()];
  if (meta) doc.meta = meta;
  return doc;
}

/** Sorts by attribute names ("-created_at" descending); unknown fields are a 400 like DIDWW's. */
export function sortResources(items: FakeResource[], sort: string[]): FakeResource[] {
  if (sort.length === 0 || items.length === 0) return items;
  const keys = sort.map((s) => ({ desc: s.startsWith('-'), name: s.replace(/^-/, '') }));
  for (const k of keys) {
    if (!(k.name in items[0]!.attributes) && k.name !== 'id') throw errors.badRequest('Invalid sort criteria', `${k.name} is not a valid sort criteria for ${items[0]!.type}`, '114');
  }
  const value = (r: FakeResource, name: string) => (name === 'id' ? r.id : r.attributes[name]);
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const va = value(a, k.name);
      const vb = value(b, k.name);
      const c = String(va ?? '').localeCompare(String(vb ?? ''), 'en', { numeric: true });
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}

export function paginate<T>(items: T[], page: ParsedQuery['page']): { slice: T[]; meta: Record<string, unknown> } {
  const start = (page.number - 1) * page.size;
  return { slice: items.slice(start, start + page.size), meta: { total_records: items.length } };
}

export function send(res: ServerResponse, status: number, doc: JsonApiDocument | null, headers: Record<string, string> = {}): void {
  if (doc === null || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const body = JSON.stringify(doc);
  res.writeHead(status, { 'Content-Type': MEDIA_TYPE, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  send(res, e.status, { errors: e.errors }, e.headers);
}
