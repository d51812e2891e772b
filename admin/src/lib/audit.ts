/**
 * Audit entries as the console shows them: a one-line summary of an entry's `data` (the full JSON
 * is one click away), and where its target lives in the console.
 */
import type { RouteLocationRaw } from 'vue-router';
import { formatDateTime } from './format';
import { formatMinorUnits } from './money';

/** The kinds of object the API audits, for the target filter (it also takes any other). */
export const AUDIT_TARGET_TYPES = ['Order', 'EmailOutbox', 'PricingRule', 'Country', 'CatalogSyncRun'] as const;

/** Common action prefixes, offered as suggestions in the action filter. */
export const AUDIT_ACTION_PREFIXES = ['order.', 'email.', 'pricing_rule.', 'country.', 'catalog_sync.'] as const;

const MAX_TEXT = 48;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Integer fields named like amounts (`amount`, `refundedAmount`) are minor units: written as money when the currency is known. */
const isAmountKey = (key: string) => /(^amount$|Amount$)/.test(key);

function shortText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface SummaryOptions {
  /** Writes integer amount fields as money in this currency. */
  currency?: string | null;
  /** Names for ids the reader knows better by name, e.g. an order line's id → its number. */
  names?: Readonly<Record<string, string>>;
}

/** One value, briefly: text as it is (cut short; instants in local time; known ids by name), numbers and flags as written, nested objects as {…}. */
function brief(key: string, value: unknown, { currency = null, names = {} }: SummaryOptions): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (Object.hasOwn(names, value)) return names[value]!;
    return ISO_INSTANT.test(value) ? formatDateTime(value) : shortText(value);
  }
  if (typeof value === 'number' && currency && Number.isSafeInteger(value) && isAmountKey(key)) return formatMinorUnits(value, currency);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.length}]`;
  return Object.keys(value as object).length === 0 ? '{}' : '{…}';
}

/** Keys whose values differ between two snapshots, e.g. of a pricing rule before and after a change. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

const fields = (record: Record<string, unknown>, options: SummaryOptions) =>
  Object.entries(record).map(([key, value]) => `${key}: ${brief(key, value, options)}`);

/**
 * `data` in one line: "amount: $12.99 · reason: Customer asked"; a before/after pair says what
 * changed ("markupBasisPoints: 1500 → 2000"), or what was created.
 */
export function summarizeAuditData(data: unknown, options: SummaryOptions = {}): string {
  if (!isRecord(data)) return data === null || data === undefined ? '' : brief('', data, options);
  const { before, after, ...rest } = data;
  const parts: string[] = [];
  if (before === null && isRecord(after)) {
    parts.push(...fields(after, options));
  } else if (isRecord(before) && isRecord(after)) {
    const changed = changedKeys(before, after);
    parts.push(
      changed.length === 0
        ? 'no change'
        : changed.map((key) => `${key}: ${brief(key, before[key], options)} → ${brief(key, after[key], options)}`).join(', '),
    );
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  parts.push(...fields(rest, options));
  return parts.join(' · ');
}

/** The whole of `data`, indented, for the expanded row. */
export const prettyJson = (data: unknown): string => JSON.stringify(data, null, 2) ?? String(data);

/** Where the console shows an audited object, when it has a page for it. */
export function auditTargetRoute(targetType: string, targetId: string | null): RouteLocationRaw | null {
  switch (targetType) {
    case 'Order':
      return targetId ? { name: 'order', params: { id: targetId } } : { name: 'orders' };
    case 'EmailOutbox':
      return targetId ? { name: 'emails', query: { email: targetId } } : { name: 'emails' };
    case 'PricingRule':
      return { name: 'pricing' };
    case 'Country':
      return { name: 'catalog' };
    case 'CatalogSyncRun':
      return { name: 'sync-runs' };
    default:
      return null;
  }
}

/**
 * A long id cut for a table cell: its end ("…9a3a5f7f"), since time-ordered ids (UUIDv7) made
 * in the same minute share their start. The full id is in the title and the expanded row.
 */
export const shortId = (id: string, length = 8): string => (id.length > length + 1 ? `…${id.slice(-length)}` : id);
