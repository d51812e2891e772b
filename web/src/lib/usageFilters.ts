/**
 * The usage pages keep their filters in the URL (shareable, back-button friendly). These pure
 * helpers turn the query string into API filters and back; dates are whole UTC days.
 */
export interface UsageParams {
  number: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  /** YYYY-MM-DD, inclusive. */
  to: string | null;
  status: string | null;
  caller: string | null;
  q: string | null;
  interval: 'DAY' | 'WEEK' | 'MONTH';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = ['ANSWERED', 'MISSED', 'BUSY', 'FAILED', 'VOICEMAIL'];
const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && x.trim() !== '' ? x.trim() : null;
};

export function parseUsageQuery(query: Record<string, unknown>): UsageParams {
  const from = first(query.from);
  const to = first(query.to);
  const status = first(query.status);
  const interval = first(query.interval);
  return {
    number: first(query.number),
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    status: status && STATUSES.includes(status) ? status : null,
    caller: first(query.caller),
    q: first(query.q),
    interval: interval === 'WEEK' || interval === 'MONTH' ? interval : 'DAY',
  };
}

export function toUsageQuery(p: Partial<UsageParams>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (v) out[k] = String(v);
  if (out.interval === 'DAY') delete out.interval;
  return out;
}

/** Start of a UTC day as ISO, and the start of the day after `to` (the API's `to` is exclusive). */
export const dayStart = (d: string) => `${d}T00:00:00.000Z`;
export const dayAfter = (d: string) => new Date(Date.parse(dayStart(d)) + 86_400_000).toISOString();

export function callFilter(p: Pick<UsageParams, 'number' | 'from' | 'to' | 'status' | 'caller'>, numberId?: string | null) {
  return {
    numberId: numberId ?? p.number ?? undefined,
    from: p.from ? dayStart(p.from) : undefined,
    to: p.to ? dayAfter(p.to) : undefined,
    status: (p.status ?? undefined) as 'ANSWERED' | 'MISSED' | 'BUSY' | 'FAILED' | 'VOICEMAIL' | undefined,
    callerContains: p.caller ? p.caller.replace(/[^\d]/g, '') || undefined : undefined,
  };
}

export function smsFilter(p: Pick<UsageParams, 'number' | 'from' | 'to' | 'q'>, numberId?: string | null) {
  return {
    numberId: numberId ?? p.number ?? undefined,
    from: p.from ? dayStart(p.from) : undefined,
    to: p.to ? dayAfter(p.to) : undefined,
    search: p.q ?? undefined,
  };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m < 60 ? `${m}m ${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** The API stops counting history at this many rows (`callRecords`/`smsMessages` totalCount). */
export const HISTORY_COUNT_CAP = 10_000;

/** "557 calls", "1 call", or "10,000+ calls" once the API's count reached its cap. */
export function historyCountText(n: number, noun: { one: string; many: string }): string {
  if (n >= HISTORY_COUNT_CAP) return `${HISTORY_COUNT_CAP.toLocaleString('en-US')}+ ${noun.many}`;
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun.one : noun.many}`;
}
