import { randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Prisma } from '../../generated/prisma/client';
import { ErrorCode, fail, ok, userError, zodUserErrors, type Result, type UserError } from '../../graphql/errors';
import { enqueueJob } from '../../jobs/enqueue';
import { UUID } from '../../lib/ids';
import { checkWebhookUrl } from '../../lib/url-guard';
import type { RealtimeHub } from '../../realtime/hub';
import { reloadOnEvents } from '../../realtime/streams';
import type { Actor } from '../audit/audit.service';
import type { ModuleDeps } from '../module-deps';
import { configurationInput, type ConfigurationInput } from './config-input';
import { configInclude, toConfigView, type ConfigRow } from './config-view';
import type { NumberConfiguration } from './number-config.types';

type Tx = Prisma.TransactionClient;

export const APPLY_CONFIG_TASK = 'apply-number-configuration';
export const applyJobKey = (numberId: string) => `apply-config:${numberId}`;

/** Queues applying a number's configuration at DIDWW (keyed per number: one waiting job at most). */
export function queueApply(db: Parameters<typeof enqueueJob>[0], numberId: string, attempt = 1, runAt?: Date): Promise<void> {
  return enqueueJob(db, APPLY_CONFIG_TASK, { purchasedNumberId: numberId, attempt }, { jobKey: applyJobKey(numberId), runAt, maxAttempts: 5 });
}

export interface ConfigViewer {
  userId: string;
  staff: boolean;
}

/** Numbers whose routing can be configured: bought and not yet gone. */
const CONFIGURABLE = ['PENDING', 'PROVISIONING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED'] as const;

/**
 * A number's configuration: reads (scoped to the owner, or staff), edits (validated, saved with a
 * version bump, then applied at DIDWW by a keyed job), retries. The configuration row is created on
 * first read, with defaults, so every number has one.
 */
export class NumberConfigService {
  /**
   * Configuration rows by number, batched per tick: a list of numbers each resolving its
   * configuration costs one query (plus one insert for numbers that have none yet). Not cached:
   * every read wants the row as it is now.
   */
  private readonly rows: DataLoader<string, ConfigRow>;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly realtime: RealtimeHub,
  ) {
    this.rows = new DataLoader((ids) => this.loadRows(ids), { cache: false, maxBatchSize: 500 });
  }

  /** The number's configuration; null when the number is not the viewer's (or not there). */
  async get(viewer: ConfigViewer, numberId: string): Promise<NumberConfiguration | null> {
    if (!(await this.visible(viewer, numberId))) return null;
    return toConfigView(await this.load(numberId), this.deps.clock.now(), { revealSecret: !viewer.staff });
  }

  /** For a number the caller already may see (PurchasedNumber.configuration). */
  async forVisibleNumber(numberId: string, revealSecret: boolean): Promise<NumberConfiguration> {
    return toConfigView(await this.load(numberId), this.deps.clock.now(), { revealSecret });
  }

  async update(viewer: ConfigViewer, actor: Actor, numberId: string, rawInput: unknown): Promise<Result<NumberConfiguration>> {
    const number = await this.visible(viewer, numberId);
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    if (!(CONFIGURABLE as readonly string[]).includes(number.status)) {
      return fail(userError(ErrorCode.VALIDATION, 'This number has been released and can no longer be configured.', ['numberId']));
    }
    const parsed = configurationInput.safeParse(rawInput);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error, ['input']));
    const input = parsed.data;
    const urlErrors = await this.checkWebhook(input);
    if (urlErrors.length) return fail(...urlErrors);

    await this.load(numberId);
    await this.deps.prisma.$transaction(async (tx) => {
      // Serialise edits of one number: the version bump and the rows replaced belong together.
      const [row] = await tx.$queryRaw<Array<{ id: string; sms_webhook_secret: string | null }>>`
        SELECT id, sms_webhook_secret FROM number_configurations WHERE purchased_number_id = ${numberId}::uuid FOR UPDATE`;
      const id = row!.id;
      const data: Prisma.NumberConfigurationUpdateInput = { version: { increment: 1 }, syncState: 'SAVED', syncError: null };
      if (input.forwarding) {
        Object.assign(data, { forwardingEnabled: input.forwarding.enabled, ringTimeoutSeconds: input.forwarding.ringTimeoutSeconds });
        await tx.forwardTarget.deleteMany({ where: { configurationId: id } });
        await tx.forwardTarget.createMany({ data: input.forwarding.targets.map((t, position) => ({ configurationId: id, position, kind: t.kind, destination: t.destination })) });
      }
      if (input.businessHours) {
        const b = input.businessHours;
        Object.assign(data, {
          businessHoursEnabled: b.enabled,
          timeZone: b.timeZone,
          outOfHoursAction: b.outOfHoursAction,
          outOfHoursDestination: b.outOfHoursAction === 'FORWARD' ? b.outOfHoursDestination : (b.outOfHoursDestination ?? null),
        });
        await tx.businessHoursInterval.deleteMany({ where: { configurationId: id } });
        await tx.businessHoursInterval.createMany({ data: b.intervals.map((i) => ({ configurationId: id, ...i })) });
        await tx.holiday.deleteMany({ where: { configurationId: id } });
        await tx.holiday.createMany({ data: b.holidays.map((h) => ({ configurationId: id, date: new Date(`${h.date}T00:00:00Z`), name: h.name ?? null })) });
      }
      if (input.voicemail) {
        Object.assign(data, { voicemailEnabled: input.voicemail.enabled, voicemailGreeting: input.voicemail.greeting ?? null, voicemailEmail: input.voicemail.email ?? null });
      }
      if (input.smsDelivery) {
        const url = input.smsDelivery.webhookUrl || null;
        Object.assign(data, {
          smsEmails: [...new Set(input.smsDelivery.emails.map((e) => e.toLowerCase()))],
          smsWebhookUrl: url,
          // Generated once, kept across URL changes so the customer's verifier keeps working.
          smsWebhookSecret: row!.sms_webhook_secret ?? (url ? `whsec_${randomBytes(24).toString('base64url')}` : null),
        });
      }
      await tx.numberConfiguration.update({ where: { id }, data });
      await queueApply(tx, numberId);
      if (viewer.staff && number.userId !== viewer.userId) {
        await this.deps.audit.record(actor, { action: 'number.configuration.update', targetType: 'PurchasedNumber', targetId: numberId, data: { sections: Object.keys(rawInput as object) } }, tx);
      }
    });
    return ok(toConfigView(await this.load(numberId), this.deps.clock.now(), { revealSecret: !viewer.staff }));
  }

  /** Apply the saved configuration again (after FAILED, or to re-push it). */
  async retry(viewer: ConfigViewer, actor: Actor, numberId: string): Promise<Result<NumberConfiguration>> {
    const number = await this.visible(viewer, numberId);
    if (!number) return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['numberId']));
    if (!(CONFIGURABLE as readonly string[]).includes(number.status)) {
      return fail(userError(ErrorCode.VALIDATION, 'This number has been released and can no longer be configured.', ['numberId']));
    }
    await this.load(numberId);
    await this.deps.prisma.$transaction(async (tx) => {
      await tx.numberConfiguration.update({ where: { purchasedNumberId: numberId }, data: { syncState: 'SAVED', syncError: null } });
      await queueApply(tx, numberId);
      if (viewer.staff && number.userId !== viewer.userId) {
        await this.deps.audit.record(actor, { action: 'number.configuration.retry', targetType: 'PurchasedNumber', targetId: numberId }, tx);
      }
    });
    return ok(toConfigView(await this.load(numberId), this.deps.clock.now(), { revealSecret: !viewer.staff }));
  }

  /** The configuration as it is after each sync-state change (checked once, then reloaded per burst). */
  async changes(viewer: ConfigViewer, numberId: string): Promise<AsyncIterable<NumberConfiguration> | null> {
    if (!(await this.visible(viewer, numberId))) return null;
    return reloadOnEvents(this.realtime.configEventsOf(numberId), () => this.get(viewer, numberId));
  }

  private async checkWebhook(input: ConfigurationInput): Promise<UserError[]> {
    const url = input.smsDelivery?.webhookUrl;
    if (!url) return [];
    const checked = await checkWebhookUrl(url, { allowLoopback: this.deps.config.WEBHOOK_ALLOW_LOOPBACK });
    return checked.ok ? [] : [userError(ErrorCode.VALIDATION, checked.reason, ['input', 'smsDelivery', 'webhookUrl'])];
  }

  private async visible(viewer: ConfigViewer, numberId: string) {
    if (!UUID.test(numberId)) return null;
    return this.deps.prisma.purchasedNumber.findFirst({
      where: { id: numberId, ...(viewer.staff ? {} : { userId: viewer.userId }) },
      select: { id: true, userId: true, status: true },
    });
  }

  /** The row with its lists, created with defaults on first use (APPLIED: the default trunk provisioning set is what defaults mean). */
  load(numberId: string): Promise<ConfigRow> {
    return this.rows.load(numberId);
  }

  private async loadRows(ids: readonly string[]): Promise<ConfigRow[]> {
    const { prisma } = this.deps;
    const read = (purchasedNumberId: string[]) => prisma.numberConfiguration.findMany({ where: { purchasedNumberId: { in: purchasedNumberId } }, include: configInclude });
    const byNumber = new Map((await read([...ids])).map((r) => [r.purchasedNumberId, r]));
    const missing = ids.filter((id) => !byNumber.has(id));
    if (missing.length) {
      await prisma.numberConfiguration.createMany({ data: missing.map((id) => ({ purchasedNumberId: id, smsEmails: [], syncState: 'APPLIED' as const })), skipDuplicates: true });
      for (const r of await read(missing)) byNumber.set(r.purchasedNumberId, r);
    }
    return ids.map((id) => byNumber.get(id)!);
  }
}
