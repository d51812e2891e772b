/**
 * The call roll-ups (call_daily_stats, caller_monthly_stats) are recomputed from call_records for
 * exactly the (number, day) and (number, month) pairs an import touched: a recompute, not an
 * increment, so running an import twice can never double a count.
 */
import type pg from 'pg';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface TouchedDay {
  numberId: string;
  /** Any instant of the UTC day. */
  at: Date;
}

const DAY_MS = 86_400_000;

/** (number id, date) pairs as the two arrays `unnest($1::uuid[], $2::date[])` takes. */
const unnestColumns = (pairs: Map<string, [string, string]>) => {
  const list = [...pairs.values()];
  return [list.map((p) => p[0]), list.map((p) => p[1])];
};

export async function refreshRollups(db: Queryable, touched: TouchedDay[]): Promise<void> {
  if (touched.length === 0) return;
  const days = new Map<string, [string, string]>();
  const months = new Map<string, [string, string]>();
  for (const t of touched) {
    const day = new Date(Math.floor(t.at.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    days.set(`${t.numberId}|${day}`, [t.numberId, day]);
    const month = `${day.slice(0, 7)}-01`;
    months.set(`${t.numberId}|${month}`, [t.numberId, month]);
  }
  const dayArgs = unnestColumns(days);
  const monthArgs = unnestColumns(months);
  await db.query(
    `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(n, d))
     DELETE FROM call_daily_stats s USING p WHERE s.purchased_number_id = p.n AND s.day = p.d`,
    dayArgs,
  );
  await db.query(
    `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(n, d))
     INSERT INTO call_daily_stats (purchased_number_id, day, direction, user_id, calls, answered, seconds, updated_at)
     SELECT c.purchased_number_id, p.d, c.direction, min(c.user_id::text)::uuid, count(*), count(*) FILTER (WHERE c.status = 'ANSWERED'),
            sum(c.duration_seconds), now()
       FROM p JOIN call_records c ON c.purchased_number_id = p.n
        AND c.started_at >= (p.d::timestamp AT TIME ZONE 'UTC') AND c.started_at < ((p.d + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY c.purchased_number_id, p.d, c.direction`,
    dayArgs,
  );
  await db.query(
    `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(n, m))
     DELETE FROM caller_monthly_stats s USING p WHERE s.purchased_number_id = p.n AND s.month = p.m`,
    monthArgs,
  );
  await db.query(
    `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(n, m))
     INSERT INTO caller_monthly_stats (purchased_number_id, month, source, user_id, calls, answered, seconds, updated_at)
     SELECT c.purchased_number_id, p.m, c.source, min(c.user_id::text)::uuid, count(*), count(*) FILTER (WHERE c.status = 'ANSWERED'),
            sum(c.duration_seconds), now()
       FROM p JOIN call_records c ON c.purchased_number_id = p.n
        AND c.started_at >= (p.m::timestamp AT TIME ZONE 'UTC') AND c.started_at < ((p.m + interval '1 month')::timestamp AT TIME ZONE 'UTC')
      GROUP BY c.purchased_number_id, p.m, c.source`,
    monthArgs,
  );
  // The account-wide caller roll-up follows from the per-number one, for the owners' touched months.
  const owners = `SELECT DISTINCT n.user_id, p.m FROM unnest($1::uuid[], $2::date[]) AS p(n_id, m) JOIN purchased_numbers n ON n.id = p.n_id`;
  await db.query(`DELETE FROM user_caller_monthly_stats u USING (${owners}) t WHERE u.user_id = t.user_id AND u.month = t.m`, monthArgs);
  await db.query(
    `INSERT INTO user_caller_monthly_stats (user_id, month, source, calls, answered, seconds, updated_at)
     SELECT s.user_id, s.month, s.source, sum(s.calls), sum(s.answered), sum(s.seconds), now()
       FROM (${owners}) t JOIN caller_monthly_stats s ON s.user_id = t.user_id AND s.month = t.m
      GROUP BY s.user_id, s.month, s.source`,
    monthArgs,
  );
}

/** Rebuilds every roll-up from scratch (after a bulk load, or to repair). */
export async function rebuildAllRollups(db: Queryable): Promise<void> {
  await db.query('TRUNCATE call_daily_stats, caller_monthly_stats, user_caller_monthly_stats');
  await db.query(
    `INSERT INTO call_daily_stats (purchased_number_id, day, direction, user_id, calls, answered, seconds, updated_at)
     SELECT purchased_number_id, (started_at AT TIME ZONE 'UTC')::date, direction, min(user_id::text)::uuid, count(*),
            count(*) FILTER (WHERE status = 'ANSWERED'), sum(duration_seconds), now()
       FROM call_records GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO caller_monthly_stats (purchased_number_id, month, source, user_id, calls, answered, seconds, updated_at)
     SELECT purchased_number_id, date_trunc('month', started_at AT TIME ZONE 'UTC')::date, source, min(user_id::text)::uuid, count(*),
            count(*) FILTER (WHERE status = 'ANSWERED'), sum(duration_seconds), now()
       FROM call_records GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO user_caller_monthly_stats (user_id, month, source, calls, answered, seconds, updated_at)
     SELECT user_id, month, source, sum(calls), sum(answered), sum(seconds), now() FROM caller_monthly_stats GROUP BY 1, 2, 3`,
  );
}
