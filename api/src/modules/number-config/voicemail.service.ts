import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import type { BlobStorage } from '../../integrations/storage';
import { UUID } from '../../lib/ids';
import type { EmailService } from '../email/email.service';
import type { ModuleDeps } from '../module-deps';
import type { ConfigViewer } from './number-config.service';
import type { VoicemailMessage } from './number-config.types';

/** Signatures older (or newer) than this are refused: a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_AUDIO_BYTES = 10 * 1024 * 1024;

export class BadSignature extends Error {}
export class BadRecording extends Error {}

const recording = z.object({
  /** The voicemail endpoint's id of the recording: a redelivery stores nothing new. */
  id: z.string().min(1).max(200),
  numberId: z.string().regex(UUID),
  caller: z.string().trim().min(1).max(40),
  durationSeconds: z.number().int().min(0).max(3600),
  contentType: z.enum(['audio/wav', 'audio/x-wav', 'audio/mpeg', 'audio/ogg', 'audio/webm']),
  /** The recording, base64. */
  audio: z.base64().max(Math.ceil(MAX_AUDIO_BYTES / 3) * 4),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

const EXT: Record<string, string> = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/webm': 'webm' };

/** Checks `t=<unix>,v1=<hex>` (HMAC-SHA256 over "<t>.<raw body>") against the shared secret. */
export function verifySignature(secret: string, raw: Buffer, header: string | undefined, now: Date): void {
  if (!header) throw new BadSignature('missing signature');
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) throw new BadSignature('malformed signature');
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) throw new BadSignature('timestamp outside the tolerance');
  const expected = createHmac('sha256', secret).update(`${t}.`).update(raw).digest();
  const given = Buffer.from(parts.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadSignature('signature does not match');
}

/**
 * Voicemail recordings: received on a signed webhook from the voicemail endpoint (the SIP trunk
 * calls go to), stored as blobs, listed to their number's owner, streamed behind sign-in, and
 * emailed about (a link, not the audio: the recording stays behind the owner check).
 */
export class VoicemailService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly storage: BlobStorage,
    private readonly email: EmailService,
  ) {}

  async receive(raw: Buffer, signature: string | undefined): Promise<'stored' | 'duplicate' | 'unknown-number'> {
    const { prisma, clock, config } = this.deps;
    if (!config.voicemailSecret) throw new BadSignature('VOICEMAIL_WEBHOOK_SECRET is not configured');
    verifySignature(config.voicemailSecret, raw, signature, clock.now());
    let body: z.infer<typeof recording>;
    try {
      body = recording.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      throw new BadRecording('malformed recording');
    }
    const existing = await prisma.voicemailMessage.findUnique({ where: { externalId: body.id }, select: { id: true } });
    if (existing) return 'duplicate';
    const number = await prisma.purchasedNumber.findUnique({ where: { id: body.numberId }, include: { configuration: true, user: true } });
    if (!number) return 'unknown-number';
    const bytes = Buffer.from(body.audio, 'base64');
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : clock.now();
    // Content-addressed by our row id: written before the row, so a row never points at nothing.
    const id = crypto.randomUUID();
    const storageKey = `voicemail/${number.id}/${id}.${EXT[body.contentType]}`;
    await this.storage.put(storageKey, bytes, body.contentType);
    await prisma.$transaction(async (tx) => {
      const [row] = await tx.voicemailMessage.createManyAndReturn({
        data: [{ id, externalId: body.id, purchasedNumberId: number.id, caller: body.caller, durationSeconds: body.durationSeconds, storageKey, contentType: body.contentType, sizeBytes: bytes.length, receivedAt }],
        skipDuplicates: true,
      });
      if (!row) return;
      await this.email.queue(tx, {
        to: number.configuration?.voicemailEmail ?? number.user.email,
        userId: number.userId,
        template: 'voicemailReceived',
        dedupeKey: `voicemail:${row.id}`,
        data: { to: number.e164, caller: body.caller, durationSeconds: body.durationSeconds, receivedAt, listenUrl: `${config.WEB_URL}/my-numbers/${number.id}?tab=voicemail` },
      });
    });
    return 'stored';
  }

  async list(viewer: ConfigViewer, numberId: string, limit: number, after: string | null | undefined): Promise<ConnectionShape<VoicemailMessage>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const where: Prisma.VoicemailMessageWhereInput = UUID.test(numberId)
      ? { purchasedNumberId: numberId, ...(viewer.staff ? {} : { purchasedNumber: { userId: viewer.userId } }) }
      : { id: '00000000-0000-0000-0000-000000000000' };
    const keyset: Prisma.VoicemailMessageWhereInput | undefined = cursor
      ? keysetAfter<Prisma.VoicemailMessageWhereInput>(cursor, 'receivedAt')
      : undefined;
    const rows = await this.deps.prisma.voicemailMessage.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.receivedAt.toISOString(), id: r.id }),
      toNode: (r) => ({ ...r, audioUrl: `/voicemails/${r.id}/audio` }),
      count: () => this.deps.prisma.voicemailMessage.count({ where }),
    });
  }

  /** The recording, for its number's owner (or staff); null for anyone else or a guessed id. */
  async audio(viewer: ConfigViewer, id: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    if (!UUID.test(id)) return null;
    const row = await this.deps.prisma.voicemailMessage.findFirst({
      where: { id, ...(viewer.staff ? {} : { purchasedNumber: { userId: viewer.userId } }) },
    });
    if (!row) return null;
    const bytes = await this.storage.get(row.storageKey);
    if (!bytes) return null;
    if (!row.listenedAt && !viewer.staff) await this.deps.prisma.voicemailMessage.update({ where: { id }, data: { listenedAt: this.deps.clock.now() } });
    return { bytes, contentType: row.contentType };
  }
}
