/**
 * Stripe's form encoding: `line_items[0][price_data][currency]=usd`, `expand[0]=invoice`. Bodies
 * arrive through express.urlencoded({ extended: true }) (qs); query strings are parsed here,
 * because Express 5's default query parser is flat and the app's setting is not ours to change.
 * Everything arrives as strings, so handlers read values through the typed helpers below.
 */
import { invalid, missingParam } from './errors';

export type Params = Record<string, unknown>;

export function parseQuery(search: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(search)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!m) continue;
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)];
    let node: Params = root;
    path.forEach((seg, i) => {
      const last = i === path.length - 1;
      // `a[]` appends: give it the next free index so arrays() turns it into an array.
      const key = seg === '' ? String(Object.keys(node).length) : seg;
      if (last) node[key] = value;
      else node = (node[key] ??= {}) as Params;
    });
  }
  return arrays(root) as Params;
}

/** qs turns `a[0]`… into arrays only up to its arrayLimit; normalise objects with index keys. */
export function arrays(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(arrays);
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Params);
    if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, x]) => arrays(x));
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, arrays(x)]));
  }
  return v;
}

export function str(p: Params, key: string, param = key): string | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(`Invalid string: ${param}`, param);
  return v;
}

export function requiredStr(p: Params, key: string, param = key): string {
  const v = str(p, key, param);
  if (v === undefined) throw missingParam(param);
  return v;
}

export function int(p: Params, key: string, param = key): number | undefined {
  const v = str(p, key, param);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw invalid(`Invalid integer: ${v}`, param);
  return Number(v);
}

export function bool(p: Params, key: string, param = key): boolean | undefined {
  const v = str(p, key, param);
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') throw invalid(`Invalid boolean: ${v}`, param);
  return v === 'true';
}

export function obj(p: Params, key: string, param = key): Params | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(`Invalid object: ${param}`, param);
  return v as Params;
}

export function list(p: Params, key: string, param = key): Params[] | undefined {
  const v = p[key];
  if (v === undefined || v === '') return undefined;
  if (!Array.isArray(v)) throw invalid(`Invalid array: ${param}`, param);
  return v.map((x, i) => {
    if (typeof x !== 'object' || x === null) throw invalid(`Invalid object: ${param}[${i}]`, `${param}[${i}]`);
    return x as Params;
  });
}

export function strings(p: Params, key: string): string[] {
  const v = p[key];
  if (v === undefined || v === '') return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalid(`Invalid array: ${key}`, key);
  return v as string[];
}

/** Stripe's metadata rules: ≤ 50 keys, key ≤ 40 characters without brackets, value ≤ 500. */
export function metadata(p: Params, key: string, param = key): Record<string, string> {
  const m = obj(p, key, param) ?? {};
  const out: Record<string, string> = {};
  const entries = Object.entries(m);
  if (entries.length > 50) throw invalid('Metadata can have at most 50 keys.', param);
  for (const [k, v] of entries) {
    if (typeof v !== 'string') throw invalid(`Invalid metadata value for ${k}`, `${param}[${k}]`);
    if (k.length > 40) throw invalid(`Metadata keys can be at most 40 characters (${k}).`, `${param}[${k}]`);
    if (v.length > 500) throw invalid(`Metadata values can be at most 500 characters (${k}).`, `${param}[${k}]`);
    out[k] = v;
  }
  return out;
}

/** Stripe refuses parameters it does not know; so does the twin, to catch gateway typos offline. */
export function onlyKnown(p: Params, allowed: readonly string[], prefix = ''): void {
  for (const k of Object.keys(p)) {
    if (!allowed.includes(k)) {
      const param = prefix ? `${prefix}[${k}]` : k;
      throw invalid(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
    }
  }
}
