/** Keyset-paginated SMS history with full-text search (sms_messages.search_vector, GIN). */
import type pg from 'pg';
import { z } from 'zod';
import { decodeCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { smsWhere, type SmsFilter } from '../usage/usage-filter';
import type { SmsMessage } from './messaging.types';

const cursorSchema = z.object({ t: z.string().datetime(), id: z.string().uuid() });

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
    const cursor = decodeCursor(after, cursorSchema);
    const w = smsWhere(filter);
    const base = w.sql;
    const baseParams = [...w.params];
    if (cursor) w.add('(s.received_at, s.id) < (?, ?::uuid)', new Date(cursor.t), cursor.id);
    w.params.push(limit + 1);
    const { rows } = await this.pool.query<SmsRow>(
      `SELECT s.id, s.user_id, s.purchased_number_id, n.e164, s.direction, s.from_number, s.to_number, s.body, s.received_at
         FROM sms_messages s JOIN purchased_numbers n ON n.id = s.purchased_number_id
        WHERE ${w.sql}
        ORDER BY s.received_at DESC, s.id DESC
        LIMIT $${w.params.length}`,
      w.params,
    );
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.received_at.toISOString(), id: r.id }),
      toNode: (r) => ({
        id: r.id, numberId: r.purchased_number_id, numberE164: r.e164, direction: r.direction, from: r.from_number,
        to: r.to_number, body: r.body, receivedAt: r.received_at, userId: forStaff ? r.user_id : null,
      }),
      count: async () => (await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM sms_messages s WHERE ${base}`, baseParams)).rows[0]!.n,
    });
  }
}
