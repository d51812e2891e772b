/** Keyset-paginated SMS history with full-text search (sms_messages.search_vector, GIN). */
import { cappedCount } from '../../db/capped-count';
import type pg from 'pg';
import { decodeCursor, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { smsWhere, type SmsFilter, type Where } from '../usage/usage-filter';
import type { SmsMessage } from './messaging.types';

/** Messages read in order before falling back to the full-text index (see newestMatches). */
const SEARCH_WINDOW = 2_000;

/**
 * Words that must all appear ("pineapple delivery", not "pizza" or "pizza or taxi"): such matches
 * are rare enough that the newest-messages window seldom fills a page, so it is skipped.
 */
const allOfSeveralWords = (search: string) => {
  const words = search.trim().split(/\s+/);
  return words.length > 1 && !words.some((w) => w.toLowerCase() === 'or');
};


interface SmsRow {
  id: string;
  user_id: string;
  purchased_number_id: string;
  e164: string;
  direction: SmsMessage['direction'];
  from_number: string;
  to_number: string;
  body: string;
  received_at: Date;
}

export class SmsHistory {
  constructor(private readonly pool: pg.Pool) {}

  async page(filter: SmsFilter, limit: number, after: string | null | undefined, forStaff: boolean): Promise<ConnectionShape<SmsMessage>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const w = smsWhere(filter);
    const base = w.sql;
    const baseParams = [...w.params];
    if (cursor) w.add('(s.received_at, s.id) < (?, ?::uuid)', new Date(cursor.t), cursor.id);
    const tryWindow = filter.search && !allOfSeveralWords(filter.search);
    const rows = (tryWindow ? await this.newestMatches(filter, cursor, limit + 1) : null) ?? (await this.select(w, limit));
    return this.connection(rows.slice(0, limit + 1), limit, cursor !== null, forStaff, base, baseParams);
  }

  private async select(w: Where, limit: number): Promise<SmsRow[]> {
    w.params.push(limit + 1);
    const { rows } = await this.pool.query<SmsRow>(
      `SELECT s.id, s.user_id, s.purchased_number_id, n.e164, s.direction, s.from_number, s.to_number, s.body, s.received_at
         FROM sms_messages s JOIN purchased_numbers n ON n.id = s.purchased_number_id
        WHERE ${w.sql}
        ORDER BY s.received_at DESC, s.id DESC
        LIMIT $${w.params.length}`,
      w.params,
    );
    return rows;
  }

  /**
   * A common word matches thousands of messages, and collecting all of them from the GIN index to
   * keep the newest 21 is the slow plan. So first read the newest SEARCH_WINDOW messages in order and
   * test each: when that fills the page we are done; when it does not (a rare word), the GIN plan is
   * the fast one and `page` falls back to it.
   */
  private async newestMatches(filter: SmsFilter, cursor: { t: string; id: string } | null, probe: number): Promise<SmsRow[] | null> {
    const inner = smsWhere({ ...filter, search: null });
    if (cursor) inner.add('(s.received_at, s.id) < (?, ?::uuid)', new Date(cursor.t), cursor.id);
    inner.params.push(SEARCH_WINDOW, filter.search, probe);
    const n = inner.params.length;
    const { rows } = await this.pool.query<SmsRow>(
      `SELECT w.id, w.user_id, w.purchased_number_id, n.e164, w.direction, w.from_number, w.to_number, w.body, w.received_at
         FROM (SELECT s.* FROM sms_messages s WHERE ${inner.sql} ORDER BY s.received_at DESC, s.id DESC LIMIT $${n - 2}) w
         JOIN purchased_numbers n ON n.id = w.purchased_number_id
        WHERE w.search_vector @@ websearch_to_tsquery('simple', $${n - 1})
        ORDER BY w.received_at DESC, w.id DESC
        LIMIT $${n}`,
      inner.params,
    );
    return rows.length >= probe ? rows : null;
  }

  private connection(rows: SmsRow[], limit: number, hasPrevious: boolean, forStaff: boolean, base: string, baseParams: unknown[]) {
    return toConnection(rows, limit, {
      hasPrevious,
      cursorOf: (r) => ({ t: r.received_at.toISOString(), id: r.id }),
      toNode: (r) => ({
        id: r.id, numberId: r.purchased_number_id, numberE164: r.e164, direction: r.direction, from: r.from_number,
        to: r.to_number, body: r.body, receivedAt: r.received_at, userId: forStaff ? r.user_id : null,
      }),
      count: () => cappedCount(this.pool, `sms_messages s WHERE ${base}`, baseParams),
    });
  }
}
