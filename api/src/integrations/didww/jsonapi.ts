/** JSON:API helpers for the client: query strings, resource bodies and `included` resolution. */
import type { JsonApiDocument, JsonApiRelationship, JsonApiResource, JsonApiResourceIdentifier, ListQuery } from './types';

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';

/** Builds `include=a,b&filter[x]=1&sort=-created_at&page[number]=2&page[size]=100&fields[t]=a,b`. */
export function buildQuery(q: ListQuery | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (!q) return params;
  if (q.include && q.include.length > 0) params.set('include', q.include.join(','));
  for (const [key, value] of Object.entries(q.filter ?? {})) {
    if (value !== undefined) params.set(`filter[${key}]`, String(value));
  }
  if (q.sort) params.set('sort', Array.isArray(q.sort) ? q.sort.join(',') : q.sort);
  if (q.page?.number !== undefined) params.set('page[number]', String(q.page.number));
  if (q.page?.size !== undefined) params.set('page[size]', String(q.page.size));
  for (const [type, fields] of Object.entries(q.fields ?? {})) params.set(`fields[${type}]`, fields.join(','));
  return params;
}

/** Index of a document's primary data and `included`, to resolve relationships by type and id. */
export class IncludedIndex {
  private readonly byKey = new Map<string, JsonApiResource>();

  constructor(doc: JsonApiDocument) {
    for (const r of doc.included ?? []) this.byKey.set(`${r.type}:${r.id}`, r);
    const data = doc.data;
    for (const r of Array.isArray(data) ? data : data ? [data] : []) {
      if (!this.byKey.has(`${r.type}:${r.id}`)) this.byKey.set(`${r.type}:${r.id}`, r);
    }
  }

  find(ref: JsonApiResourceIdentifier | null | undefined): JsonApiResource | undefined {
    return ref ? this.byKey.get(`${ref.type}:${ref.id}`) : undefined;
  }

  /** The related resource of a to-one relationship, when it was included. */
  one(res: JsonApiResource, name: string): JsonApiResource | undefined {
    const ref = relData(res.relationships?.[name]);
    return Array.isArray(ref) ? undefined : this.find(ref);
  }

  /** The related resources of a to-many relationship that were included. */
  many(res: JsonApiResource, name: string): JsonApiResource[] {
    const refs = relData(res.relationships?.[name]);
    if (!Array.isArray(refs)) return [];
    return refs.map((r) => this.find(r)).filter((r): r is JsonApiResource => r !== undefined);
  }
}

function relData(rel: JsonApiRelationship | undefined): JsonApiRelationship['data'] {
  return rel?.data;
}

/** Id of a to-one relationship, or null. */
export function relId(res: JsonApiResource, name: string): string | null {
  const data = res.relationships?.[name]?.data;
  return data && !Array.isArray(data) ? data.id : null;
}

/** True when a to-one relationship carries data (not null, not absent). */
export function hasRel(res: JsonApiResource, name: string): boolean {
  const data = res.relationships?.[name]?.data;
  return Array.isArray(data) ? data.length > 0 : Boolean(data);
}

/** Typed attribute readers that tolerate absent fields (sparse fieldsets). */
export const attr = {
  str(res: JsonApiResource, name: string): string | null {
    const v = res.attributes?.[name];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  },
  num(res: JsonApiResource, name: string): number | null {
    const v = res.attributes?.[name];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
    return null;
  },
  bool(res: JsonApiResource, name: string): boolean | null {
    const v = res.attributes?.[name];
    return typeof v === 'boolean' ? v : null;
  },
  strings(res: JsonApiResource, name: string): string[] {
    const v = res.attributes?.[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  },
  raw(res: JsonApiResource, name: string): unknown {
    return res.attributes?.[name];
  },
};

export function resourceBody(
  type: string,
  attributes: Record<string, unknown>,
  relationships?: Record<string, JsonApiResourceIdentifier | JsonApiResourceIdentifier[] | null>,
  id?: string,
): { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { type };
  if (id !== undefined) data.id = id;
  const attrs = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
  if (Object.keys(attrs).length > 0) data.attributes = attrs;
  if (relationships && Object.keys(relationships).length > 0) {
    data.relationships = Object.fromEntries(Object.entries(relationships).map(([k, v]) => [k, { data: v }]));
  }
  return { data };
}
