/**
 * Stripe's `expand[]`: a field holding an id becomes the object; `a.b` expands inside the expanded
 * `a`; lists are walked through `data`. "Includable" fields that Stripe omits unless asked
 * (`line_items` on a session, `payments` on an invoice) are stored under `_name` and surface only
 * when expanded. Everything starting with `_` is stripped from what leaves the twin.
 */
import { invalid } from './errors';
import type { StripeObject, StripeStore } from './store';

type Json = Record<string, unknown>;

const INCLUDABLE: Record<string, readonly string[]> = {
  'checkout.session': ['line_items'],
  invoice: ['payments'],
};

export async function render(obj: StripeObject, expand: string[], store: StripeStore): Promise<StripeObject> {
  const out = structuredClone(obj) as Json;
  for (const path of expand) await expandPath(out, path.split('.'), path, store);
  return stripHidden(out as StripeObject);
}

async function expandPath(node: Json, segments: string[], full: string, store: StripeStore): Promise<void> {
  const [field, ...rest] = segments;
  if (!field) return;
  if (node.object === 'list' && field === 'data') {
    for (const item of node.data as Json[]) await expandPath(item, rest, full, store);
    return;
  }
  const includable = INCLUDABLE[String(node.object)]?.includes(field);
  if (includable && node[field] === undefined) node[field] = structuredClone(node[`_${field}`]);
  let value = node[field];
  if (typeof value === 'string') {
    const target = await store.get(value);
    if (!target) throw invalid(`This property cannot be expanded (${full}).`, 'expand');
    value = node[field] = structuredClone(target);
  } else if (value === null) {
    return; // Stripe expands a null field (and anything under it) to null.
  } else if (!includable && (typeof value !== 'object' || value === null)) {
    throw invalid(`This property cannot be expanded (${full}).`, 'expand');
  }
  if (rest.length > 0 && value && typeof value === 'object') await expandPath(value as Json, rest, full, store);
}

/** Drops the twin's bookkeeping (`_…` keys) at any depth. */
export function stripHidden<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripHidden) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, stripHidden(v)])) as T;
  }
  return value;
}
