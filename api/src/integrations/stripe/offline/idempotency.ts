/**
 * Stripe's idempotency contract, kept in the same table as the objects: the first response for a
 * key is saved and replayed for every retry with the same key; reusing a key with different
 * parameters is an `idempotency_error`; a retry racing the original gets 409 (the library retries
 * 409s). Requests that fail validation save nothing, so a corrected request may reuse the key.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../../db/prisma';
import { Prisma } from '../../../generated/prisma/client';
import { StripeApiError } from './errors';

export interface SavedResponse {
  status: number;
  body: unknown;
}

interface IdempotencyRecord {
  id: string;
  object: 'idempotency_key';
  key: string;
  fingerprint: string;
  state: 'pending' | 'done';
  response?: SavedResponse;
}

/** A pending record older than this belongs to a crashed request and may be taken over. */
const STALE_PENDING_MS = 60_000;

export async function withIdempotency(
  prisma: PrismaClient,
  key: string,
  request: { method: string; path: string; params: unknown },
  run: () => Promise<SavedResponse>,
): Promise<SavedResponse & { replayed: boolean }> {
  const id = `idem_${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
  const fingerprint = createHash('sha256').update(JSON.stringify([request.method, request.path, request.params])).digest('hex');
  const pending: IdempotencyRecord = { id, object: 'idempotency_key', key, fingerprint, state: 'pending' };

  const claimed = await claim(prisma, pending);
  if (!claimed) {
    const row = await prisma.offlineStripeObject.findUnique({ where: { id } });
    const rec = row?.data as unknown as IdempotencyRecord | undefined;
    if (!row || !rec) return withIdempotency(prisma, key, request, run); // deleted meanwhile: try again
    if (rec.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (rec.state === 'done' && rec.response) return { ...rec.response, replayed: true };
    if (Date.now() - row.updatedAt.getTime() < STALE_PENDING_MS) {
      throw new StripeApiError(409, 'idempotency_error', `There is currently another in-progress request using this Idempotency-Key ('${key}'). Please try again later.`);
    }
    await prisma.offlineStripeObject.update({ where: { id }, data: { data: pending as unknown as Prisma.InputJsonValue } });
  }

  let response: SavedResponse;
  try {
    response = await run();
  } catch (err) {
    await prisma.offlineStripeObject.deleteMany({ where: { id } });
    throw err;
  }
  // Like Stripe: successes and server-side failures are replayed; validation errors are not kept.
  if (response.status < 400 || response.status === 402 || response.status >= 500) {
    const done: IdempotencyRecord = { ...pending, state: 'done', response };
    await prisma.offlineStripeObject.update({ where: { id }, data: { data: done as unknown as Prisma.InputJsonValue } });
  } else {
    await prisma.offlineStripeObject.deleteMany({ where: { id } });
  }
  return { ...response, replayed: false };
}

async function claim(prisma: PrismaClient, rec: IdempotencyRecord): Promise<boolean> {
  try {
    await prisma.offlineStripeObject.create({ data: { id: rec.id, type: rec.object, data: rec as unknown as Prisma.InputJsonValue } });
    return true;
  } catch (e) {
    // The primary key decides races between a request and its retry, not a prior lookup.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return false;
    throw e;
  }
}
