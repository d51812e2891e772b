/**
 * List filters kept in the URL query, so a filtered list is a link a colleague can open and Back
 * restores it: `?status=FAILED&q=ada@` for orders and emails, `?action=order.&target=Order` for
 * the audit log. Reading is lenient (hand-edited links); writing leaves out what is not set.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

type QueryValue = LocationQuery[string] | undefined;

/** The first non-empty value of a parameter, trimmed; "" when there is none. */
export function readText(value: QueryValue): string {
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    const text = item?.trim();
    if (text) return text;
  }
  return '';
}

/** One of `allowed`, matched loosely ("partially-refunded" → PARTIALLY_REFUNDED); null otherwise. */
export function readEnum<T extends string>(value: QueryValue, allowed: readonly T[]): T | null {
  const text = readText(value).toUpperCase().replace(/[-\s]+/g, '_');
  return allowed.find((option) => option === text) ?? null;
}

/** What a text filter sends the API: null for nothing. */
export const apiText = (text: string): string | null => text.trim() || null;

/**
 * `query` with the parameters in `patch` set, or removed where empty; other parameters (an open
 * drawer, say) stay as they are.
 */
export function patchQuery(query: LocationQuery, patch: Record<string, string | null>): LocationQueryRaw {
  const next: LocationQueryRaw = { ...query };
  for (const [key, value] of Object.entries(patch)) {
    const text = value?.trim();
    if (text) next[key] = text;
    else delete next[key];
  }
  return next;
}

/** Whether two queries say the same (parameter order aside). */
export function sameQuery(a: LocationQueryRaw, b: LocationQueryRaw): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (JSON.stringify(normalize(a[key])) !== JSON.stringify(normalize(b[key]))) return false;
  }
  return true;
}

const normalize = (value: LocationQueryRaw[string]) => {
  const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== null && v !== '');
  return values.map(String);
};

// --- Orders and emails: a status and a search -----------------------------------------------------

export interface StatusSearch<S extends string> {
  status: S | null;
  search: string;
}

export function parseStatusSearch<S extends string>(query: LocationQuery, statuses: readonly S[]): StatusSearch<S> {
  return { status: readEnum(query.status, statuses), search: readText(query.q) };
}

export function statusSearchQuery<S extends string>(filters: StatusSearch<S>): Record<string, string | null> {
  return { status: filters.status, q: filters.search };
}

// --- The audit log: an action prefix, a kind of target, one target ------------------------------

export interface AuditFilters {
  /** An action or the start of one, e.g. "order." or "pricing_rule". */
  action: string;
  /** A target type, e.g. "Order". */
  targetType: string;
  /** One target's id, e.g. an order's (set by links from that object's page). */
  targetId: string;
}

export function parseAuditFilters(query: LocationQuery): AuditFilters {
  return { action: readText(query.action), targetType: readText(query.target), targetId: readText(query.id) };
}

export function auditFiltersQuery(filters: AuditFilters): Record<string, string | null> {
  return { action: filters.action, target: filters.targetType, id: filters.targetId };
}
