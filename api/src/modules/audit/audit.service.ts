import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { decodeCursor, toConnection } from '../../graphql/pagination';
import type { PrismaClient } from '../../db/prisma';

/** Who did it, from where: taken from the GraphQL context by resolvers and passed down to services. */
export interface Actor {
  userId: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
}

type Tx = Pick<PrismaClient, 'auditLog'>;

/**
 * Every staff action leaves a row. Pass the transaction that makes the change, so the change and
 * its audit entry commit (or roll back) together.
 */
export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  async record(actor: Actor, entry: AuditEntry, tx: Tx = this.prisma): Promise<void> {
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        data: entry.data ?? {},
        ip: actor.ip,
        requestId: actor.requestId,
      },
    });
  }

  /** Newest first, keyset-paged on (createdAt, id). */
  async list(filter: { targetType?: string | null; targetId?: string | null; action?: string | null }, limit: number, after: string | null | undefined) {
    const cursor = decodeCursor(after, z.object({ t: z.string(), id: z.string() }));
    const where: Prisma.AuditLogWhereInput = {
      ...(filter.targetType ? { targetType: filter.targetType } : {}),
      ...(filter.targetId ? { targetId: filter.targetId } : {}),
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    };
    const keyset: Prisma.AuditLogWhereInput | null = cursor
      ? { OR: [{ createdAt: { lt: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { lt: cursor.id } }] }
      : null;
    const rows = await this.prisma.auditLog.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      include: { actor: { select: { id: true, email: true, name: true, role: true, createdAt: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r) => ({ ...r, actor: r.actor }),
      count: () => this.prisma.auditLog.count({ where }),
    });
  }
}
