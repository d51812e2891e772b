/** Reading call records: keyset-paginated history and bucketed statistics, scoped by the filter. */
import { cappedCount } from '../../db/capped-count';
import type pg from 'pg';
import { decodeCursor, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { callWhere, likeDigits, Where, type CallFilter } from './usage-filter';
import { StatsInterval, type CallRecord, type CallStats, type CallStatsBucket } from './usage.types';


interface CallRow {
  id: string;
  user_id: string;
  purchased_number_id: string;
  e164: string;
  direction: CallRecord['direction'];
  status: CallRecord['status'];
  source: string;
  destination: string;
  started_at: Date;
  duration_seconds: number;
  disconnect_reason: string | null;
}

const DAY_MS = 86_400_000;
const TRUNC: Record<StatsInterval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };
/** A DAY chart of more than ~3 years is not a chart; the cap keeps one query bounded. */
const MAX_BUCKETS = 1_200;
/**
 * "Caller contains" matching more of a customer's callers than this reads calls in date order and
 * filters (the matches are dense, so a page fills fast); fewer read each caller's calls by index.
 */
const MAX_CALLERS_BY_INDEX = 200;
/** Up to about two months, top callers are exact to the instant; longer periods count whole months. */
const TOP_CALLERS_EXACT_DAYS = 62;

const minutes = (seconds: number) => Math.round(seconds / 6) / 10;
const bucket = (start: Date, calls: number, answered: number, seconds: number): CallStatsBucket => ({
  start, calls, answered, seconds, minutes: minutes(seconds), answerRate: calls ? Math.round((answered / calls) * 1000) / 1000 : 0,
});

const startOfUtcDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const ceilUtcDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS);
const startOfUtcMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const ceilUtcMonth = (d: Date) => {
  const s = startOfUtcMonth(d);
  return s.getTime() === d.getTime() ? s : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

export class CallHistory {
  constructor(private readonly pool: pg.Pool) {}

  async page(filter: CallFilter, limit: number, after: string | null | undefined, forStaff: boolean): Promise<ConnectionShape<CallRecord>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const callers = await this.matchingCallers(filter);
    const w = callWhere(callers ? { ...filter, callerDigits: null } : filter);
    const count = callers ? new Where([...w.params]).add(`${w.sql} AND c.source = ANY(?::text[])`, callers) : w;
    const countSql = count.sql;
    const countParams = [...count.params];
    if (cursor) w.add('(c.started_at, c.id) < (?, ?::uuid)', new Date(cursor.t), cursor.id);
    const limitParam = `$${w.params.push(limit + 1)}`;
    // With known callers, each caller's newest calls come from one ordered index range, at most a
    // page of them each, and the pages merge: a caller with thousands of calls costs a page, not thousands.
    const source = callers
      ? `unnest($${w.params.push(callers)}::text[]) AS k(source)
         CROSS JOIN LATERAL (SELECT * FROM call_records c WHERE ${w.sql} AND c.source = k.source
                             ORDER BY c.started_at DESC, c.id DESC LIMIT ${limitParam}) c`
      : `call_records c`;
    const { rows } = await this.pool.query<CallRow>(
      `SELECT c.id, c.user_id, c.purchased_number_id, n.e164, c.direction, c.status, c.source, c.destination,
              c.started_at, c.duration_seconds, c.disconnect_reason
         FROM ${source} JOIN purchased_numbers n ON n.id = c.purchased_number_id
        WHERE ${callers ? 'TRUE' : w.sql}
        ORDER BY c.started_at DESC, c.id DESC
        LIMIT ${limitParam}`,
      w.params,
    );
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.started_at.toISOString(), id: r.id }),
      toNode: (r) => ({
        id: r.id, numberId: r.purchased_number_id, numberE164: r.e164, direction: r.direction, status: r.status,
        caller: r.source, destination: r.destination, startedAt: r.started_at, durationSeconds: r.duration_seconds,
        disconnectReason: r.disconnect_reason, userId: forStaff ? r.user_id : null,
      }),
      count: () => cappedCount(this.pool, `call_records c WHERE ${countSql}`, countParams),
    });
  }

  /**
   * A customer's callers whose number contains the digits, from the caller roll-up (written in the
   * same transaction as the calls it counts). A LIKE over a customer's few thousand callers beats
   * one over millions of calls, whose trigrams ("+12", "555"…) are in nearly every row. Null when
   * there is no customer to scope by (staff searching everyone) or the match is too wide to list.
   */
  private async matchingCallers(filter: CallFilter): Promise<string[] | null> {
    if (!filter.callerDigits || !filter.userId) return null;
    const { rows } = await this.pool.query<{ source: string }>(
      `SELECT DISTINCT source FROM user_caller_monthly_stats WHERE user_id = $1::uuid AND source LIKE $2 LIMIT $3`,
      [filter.userId, likeDigits(filter.callerDigits), MAX_CALLERS_BY_INDEX + 1],
    );
    return rows.length > MAX_CALLERS_BY_INDEX ? null : rows.map((r) => r.source);
  }

  /**
   * Buckets, totals and top callers. Whole UTC days come from call_daily_stats, whole months of
   * callers from the caller roll-ups; only the partial edges of the period read call_records (each
   * edge its own index range scan). A status or caller filter is not in the roll-ups, so then
   * everything reads call_records. For periods over TOP_CALLERS_EXACT_DAYS, top callers count the
   * whole calendar months the period touches (reported in topCallersFrom/To): exact edges would
   * mean aggregating up to two months of raw calls per request.
   */
  async stats(filter: CallFilter, interval: StatsInterval, now: Date): Promise<CallStats> {
    const to = filter.to ?? now;
    const from = filter.from ?? new Date(startOfUtcDay(to).getTime() - 29 * DAY_MS);
    const useRollups = !filter.status && !filter.callerDigits;
    const scoped: CallFilter = { ...filter, from, to };

    // Whole days [dayStart, dayEnd) from the roll-up; the rest raw.
    let dayStart = ceilUtcDay(from);
    let dayEnd = startOfUtcDay(to);
    if (!useRollups || dayStart >= dayEnd) dayStart = dayEnd = from;

    const w = new Where();
    w.params.push(TRUNC[interval], from, to, dayStart, dayEnd); // $1..$5
    const rollW = new Where(w.params);
    if (filter.userId) rollW.add('d.user_id = ?::uuid', filter.userId);
    if (filter.numberId) rollW.add('d.purchased_number_id = ?::uuid', filter.numberId);
    if (filter.direction) rollW.add('d.direction = ?::"CallDirection"', filter.direction);
    const rawW = callWhere(scoped, 'c', new Where(w.params), { skipRange: true });
    const rawDay = (lo: string, hi: string) => `
        SELECT c.started_at AS t, 1::bigint AS calls, (c.status = 'ANSWERED')::int::bigint AS answered, c.duration_seconds::bigint AS seconds
          FROM call_records c WHERE ${rawW.sql} AND c.started_at >= ${lo} AND c.started_at < ${hi}`;
    const bucketsSql = `
      WITH per_day AS (
        SELECT d.day::timestamp AT TIME ZONE 'UTC' AS t, d.calls::bigint AS calls, d.answered::bigint AS answered, d.seconds
          FROM call_daily_stats d
         WHERE ${rollW.sql} AND d.day >= ($4::timestamptz AT TIME ZONE 'UTC')::date AND d.day < ($5::timestamptz AT TIME ZONE 'UTC')::date
        UNION ALL ${rawDay('$2', '$4')}
        UNION ALL ${rawDay('$5', '$3')}
      ),
      grid AS (
        SELECT generate_series(date_trunc($1, $2::timestamptz AT TIME ZONE 'UTC'), $3::timestamptz AT TIME ZONE 'UTC' - interval '1 millisecond', ('1 ' || $1)::interval) AS b
      ),
      agg AS (
        SELECT date_trunc($1, t AT TIME ZONE 'UTC') AS b, sum(calls)::bigint AS calls, sum(answered)::bigint AS answered, sum(seconds)::bigint AS seconds
          FROM per_day GROUP BY 1
      )
      SELECT g.b AT TIME ZONE 'UTC' AS start, coalesce(a.calls, 0)::int AS calls, coalesce(a.answered, 0)::int AS answered,
             coalesce(a.seconds, 0)::bigint AS seconds
        FROM grid g LEFT JOIN agg a ON a.b = g.b ORDER BY g.b`;

    // Top callers: whole months [monthStart, monthEnd) from a roll-up, the edges raw (short periods only).
    const long = to.getTime() - from.getTime() > TOP_CALLERS_EXACT_DAYS * DAY_MS;
    // The caller roll-ups have no direction: with a direction (or status/caller) filter, everything is raw.
    const callerRollups = useRollups && !filter.direction;
    let topFrom = from;
    let topTo = to;
    let monthStart: Date;
    let monthEnd: Date;
    if (callerRollups && long) {
      topFrom = monthStart = startOfUtcMonth(from);
      topTo = monthEnd = ceilUtcMonth(to);
    } else {
      monthStart = ceilUtcMonth(from);
      monthEnd = startOfUtcMonth(to);
      if (!callerRollups || monthStart >= monthEnd) monthStart = monthEnd = from;
    }
    const tw = new Where();
    tw.params.push(topFrom, topTo, monthStart, monthEnd); // $1..$4
    const tRoll = new Where(tw.params);
    // The account-wide roll-up when a customer's whole account is asked; per number otherwise.
    const perAccount = !filter.numberId && !!filter.userId;
    if (perAccount) tRoll.add('m.user_id = ?::uuid', filter.userId);
    else {
      if (filter.userId) tRoll.add('m.user_id = ?::uuid', filter.userId);
      if (filter.numberId) tRoll.add('m.purchased_number_id = ?::uuid', filter.numberId);
    }
    const tRaw = callWhere({ ...scoped, from: topFrom, to: topTo }, 'c', new Where(tw.params), { skipRange: true });
    const rawCallers = (lo: string, hi: string) => `
        SELECT c.source, count(*) AS calls, count(*) FILTER (WHERE c.status = 'ANSWERED') AS answered, sum(c.duration_seconds) AS seconds
          FROM call_records c WHERE ${tRaw.sql} AND c.started_at >= ${lo} AND c.started_at < ${hi} GROUP BY c.source`;
    const topSql = `
      WITH per_caller AS (
        SELECT m.source, m.calls::bigint AS calls, m.answered::bigint AS answered, m.seconds
          FROM ${perAccount ? 'user_caller_monthly_stats' : 'caller_monthly_stats'} m
         WHERE ${tRoll.sql} AND m.month >= ($3::timestamptz AT TIME ZONE 'UTC')::date AND m.month < ($4::timestamptz AT TIME ZONE 'UTC')::date
        UNION ALL ${rawCallers('$1', '$3')}
        UNION ALL ${rawCallers('$4', '$2')}
      )
      SELECT source, sum(calls)::int AS calls, sum(answered)::int AS answered, sum(seconds)::bigint AS seconds
        FROM per_caller GROUP BY source ORDER BY sum(calls) DESC, source LIMIT 10`;

    const [b, t] = await Promise.all([
      this.pool.query<{ start: Date; calls: number; answered: number; seconds: string }>(bucketsSql, w.params),
      this.pool.query<{ source: string; calls: number; answered: number; seconds: string }>(topSql, tw.params),
    ]);
    const buckets = b.rows.map((r) => bucket(r.start, r.calls, r.answered, Number(r.seconds)));
    const sum = (k: 'calls' | 'answered' | 'seconds') => buckets.reduce((acc, x) => acc + x[k], 0);
    return {
      interval, from, to,
      totals: bucket(from, sum('calls'), sum('answered'), sum('seconds')),
      buckets,
      topCallers: t.rows.map((r) => ({ caller: r.source, calls: r.calls, answered: r.answered, minutes: minutes(Number(r.seconds)) })),
      topCallersFrom: topFrom,
      topCallersTo: topTo,
    };
  }

  /** How many buckets a period would have; the resolver refuses more than MAX_BUCKETS. */
  static bucketCount(from: Date, to: Date, interval: StatsInterval): number {
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    return Math.ceil(interval === StatsInterval.DAY ? days : interval === StatsInterval.WEEK ? days / 7 : days / 28);
  }
  static readonly MAX_BUCKETS = MAX_BUCKETS;
}
