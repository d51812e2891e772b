import { z } from 'zod';

/** The one NOTIFY channel; the triggers of migration `realtime_notify` write to it. */
export const EVENTS_CHANNEL = 'numninja_events';

const numberEvent = z.object({
  kind: z.literal('number'),
  numberId: z.string(),
  orderId: z.string().nullable(),
  userId: z.string().nullable(),
  status: z.string(),
  eventId: z.string(),
  /** When the transition row was written (its created_at). */
  at: z.string(),
});

const orderEvent = z.object({
  kind: z.literal('order'),
  orderId: z.string(),
  userId: z.string().nullable(),
  status: z.string().nullable(),
  /** The order event type, or `status` / `line` for a bare status change. */
  cause: z.string(),
});

const configEvent = z.object({
  kind: z.literal('config'),
  numberId: z.string(),
  userId: z.string().nullable(),
  syncState: z.string(),
  version: z.number(),
});

export const realtimeEvent = z.discriminatedUnion('kind', [numberEvent, orderEvent, configEvent]);

export type NumberChanged = z.infer<typeof numberEvent>;
export type OrderChanged = z.infer<typeof orderEvent>;
export type ConfigChanged = z.infer<typeof configEvent>;
export type RealtimeEvent = z.infer<typeof realtimeEvent>;

/** A NOTIFY payload, or null for one this version does not understand (logged by the caller). */
export function parseEvent(payload: string | undefined): RealtimeEvent | null {
  if (!payload) return null;
  try {
    const parsed = realtimeEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
