import type { PrismaClient } from '../../db/prisma';
import type { Role, SessionApp } from '../../generated/prisma/enums';
import type { Clock } from '../../clock';
import { hashToken, newSessionToken } from './tokens';

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  app: SessionApp;
}

export interface SessionMeta {
  app: SessionApp;
  ip: string | null;
  userAgent: string | null;
}

// Touching last_seen_at on every request would turn each read into a write; once in a while is enough.
const TOUCH_INTERVAL_MS = 5 * 60_000;

/** Server-side sessions: the browser holds an opaque token, Postgres holds the truth (and revocation). */
export class SessionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async create(userId: string, meta: SessionMeta): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlMs);
    await this.prisma.session.create({
      data: {
        userId,
        tokenHash: hashToken(token),
        app: meta.app,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        expiresAt,
        lastSeenAt: this.clock.now(),
      },
    });
    return { token, expiresAt };
  }

  /** The viewer behind a token, or null when it is unknown, expired, revoked or its user disabled. */
  async resolve(token: string): Promise<Viewer | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
    });
    const now = this.clock.now();
    if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    }
    const { user } = session;
    return { userId: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, app: session.app };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.prisma.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    });
  }

  /** Housekeeping for the cleanup job: sessions past expiry (or revoked a day ago) are deleted. */
  async deleteStale(): Promise<number> {
    const now = this.clock.now();
    const { count } = await this.prisma.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: new Date(now.getTime() - 86_400_000) } }] },
    });
    return count;
  }
}
