import { findOrCreateVoiceInTrunk, type DidwwProvider } from '../../integrations/didww';
import type { VoiceInTrunkConfiguration, VoiceInTrunkInput } from '../../integrations/didww/types';
import type { CircuitBreaker } from '../provisioning/circuit-breaker';
import type { DefaultTrunk } from '../provisioning/default-trunk';
import { backoffMs, classify, describe } from '../provisioning/retry-policy';
import type { ModuleDeps } from '../module-deps';
import { BOUNDARY_TASK } from './boundary';
import { enqueueJob } from '../../jobs/enqueue';
import { nextBoundary } from './business-hours';
import { openFor, scheduleOf, type ConfigRow } from './config-view';
import { queueApply, type NumberConfigService } from './number-config.service';

export type ApplyOutcome = 'applied' | 'skipped' | 'retrying' | 'delayed' | 'failed' | 'waiting';

/** Where the DID should ring right now. */
export type Route = { trunk: string } | { group: string[] } | { default: true } | { reject: true };

interface DesiredTrunk {
  /** Our reference, also the trunk's unique name at DIDWW: finds it again after a crash. */
  ref: string;
  input: VoiceInTrunkInput;
}

const SIP = /^sips?:([^@]+)@([^:]+)(?::(\d+))?$/;

function trunkConfiguration(destination: string): VoiceInTrunkConfiguration {
  const sip = SIP.exec(destination);
  if (sip) return { type: 'sip_configurations', username: sip[1]!, host: sip[2]!, port: sip[3] ? Number(sip[3]) : null };
  return { type: 'pstn_configurations', dst: destination.replace(/^\+/, '') };
}

/**
 * Makes DIDWW route a number as its configuration says, in one idempotent pass: every trunk the
 * configuration needs is found by its reference (or created, or updated to match), the failover
 * group likewise, the DID is pointed at what applies now (open or out of hours), trunks no longer
 * needed are deleted, and the next business-hours boundary is scheduled. Running it twice changes
 * nothing the second time. Only the version it started from is marked APPLIED: an edit saved
 * meanwhile has queued the next run.
 */
export class ConfigApplier {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly configs: NumberConfigService,
    private readonly breaker: CircuitBreaker,
    private readonly defaultTrunk: DefaultTrunk,
  ) {}

  private get didww(): DidwwProvider {
    return this.deps.didww;
  }

  async apply(numberId: string, attempt = 1): Promise<ApplyOutcome> {
    const { prisma, clock, config } = this.deps;
    const number = await prisma.purchasedNumber.findUnique({ where: { id: numberId }, select: { status: true, didwwDidId: true } });
    if (!number || number.status === 'RELEASING' || number.status === 'FAILED') return 'skipped';
    if (number.status === 'RELEASED') return this.teardown(numberId);
    // Not at the carrier yet: provisioning routes it to the default trunk, then queues this job again.
    if (!number.didwwDidId) return 'waiting';
    const row = await this.configs.load(numberId);

    const gate = await this.breaker.acquire();
    if (!gate.allowed) {
      await queueApply(prisma, numberId, attempt, gate.retryAt);
      return 'delayed';
    }
    await prisma.numberConfiguration.updateMany({ where: { id: row.id, version: row.version, syncState: { not: 'APPLYING' } }, data: { syncState: 'APPLYING', syncError: null } });

    try {
      const now = clock.now();
      const open = openFor(row, now);
      const { trunks, route } = this.plan(row, numberId, open);
      const ids = new Map<string, string>();
      for (const t of trunks) ids.set(t.ref, await this.ensureTrunk(t));
      let groupId: string | null = null;
      if ('group' in route) groupId = await this.ensureGroup(numberId, route.group.map((ref) => ids.get(ref)!));

      const did = await this.didww.getDid(number.didwwDidId);
      if ('trunk' in route) await this.pointDid(did, { voiceInTrunkId: ids.get(route.trunk)! });
      else if (groupId) await this.pointDid(did, { voiceInTrunkGroupId: groupId });
      else if ('default' in route) await this.pointDid(did, { voiceInTrunkId: await this.defaultTrunk.ensure() });
      else await this.pointDid(did, { voiceInTrunkId: null, voiceInTrunkGroupId: null });

      // What the DID no longer uses goes, after the DID has moved off it.
      const keep = new Set(ids.values());
      if (!groupId && row.didwwTrunkGroupId) await this.didww.deleteVoiceInTrunkGroup(row.didwwTrunkGroupId);
      for (const old of row.didwwTrunkIds) if (!keep.has(old)) await this.didww.deleteVoiceInTrunk(old);
      await this.breaker.success();

      const boundary = row.businessHoursEnabled ? nextBoundary(scheduleOf(row), now) : null;
      await prisma.$transaction(async (tx) => {
        await tx.numberConfiguration.update({
          where: { id: row.id },
          data: { didwwTrunkIds: [...keep], didwwTrunkGroupId: groupId, routedOpen: open, nextBoundaryAt: boundary },
        });
        await tx.numberConfiguration.updateMany({ where: { id: row.id, version: row.version }, data: { syncState: 'APPLIED', syncError: null, appliedAt: now } });
        if (boundary) await enqueueJob(tx, BOUNDARY_TASK, { purchasedNumberId: numberId }, { jobKey: `business-hours:${numberId}`, runAt: boundary, maxAttempts: 5 });
      });
      return 'applied';
    } catch (err) {
      const kind = classify(err);
      if (kind === 'unexpected') throw err;
      if (kind === 'transient') await this.breaker.failure(describe(err));
      if (kind === 'transient' && attempt < config.CONFIG_APPLY_MAX_ATTEMPTS) {
        const delay = backoffMs(attempt, config.PROVISION_RETRY_BASE_MS, config.PROVISION_RETRY_MAX_MS);
        // Stays APPLYING while retrying; the next run picks up whatever version is saved then.
        await queueApply(prisma, numberId, attempt + 1, new Date(clock.now().getTime() + delay));
        return 'retrying';
      }
      const reason = kind === 'permanent' ? `DIDWW refused the configuration: ${describe(err)}` : `${describe(err)} — gave up after ${attempt} tries`;
      await prisma.numberConfiguration.updateMany({ where: { id: row.id, version: row.version }, data: { syncState: 'FAILED', syncError: reason.slice(0, 1000) } });
      return 'failed';
    }
  }

  /** A released number's own trunks and failover group go; the DID itself was terminated by the release. */
  private async teardown(numberId: string): Promise<ApplyOutcome> {
    const row = await this.deps.prisma.numberConfiguration.findUnique({ where: { purchasedNumberId: numberId } });
    if (!row || (row.didwwTrunkIds.length === 0 && !row.didwwTrunkGroupId)) return 'skipped';
    if (row.didwwTrunkGroupId) await this.didww.deleteVoiceInTrunkGroup(row.didwwTrunkGroupId);
    for (const id of row.didwwTrunkIds) await this.didww.deleteVoiceInTrunk(id);
    await this.deps.prisma.numberConfiguration.update({ where: { id: row.id }, data: { didwwTrunkIds: [], didwwTrunkGroupId: null, nextBoundaryAt: null } });
    return 'skipped';
  }

  /** The trunks this configuration needs and where the DID should point, open or closed. */
  plan(row: ConfigRow, numberId: string, open: boolean): { trunks: DesiredTrunk[]; route: Route } {
    const base = `nn-${numberId}`;
    const trunks: DesiredTrunk[] = [];
    const add = (suffix: string, destination: string, priority: number, description: string, config?: VoiceInTrunkConfiguration) => {
      const ref = `${base}-${suffix}`;
      trunks.push({
        ref,
        input: {
          name: ref,
          externalReferenceId: ref,
          description,
          priority,
          ringingTimeout: row.ringTimeoutSeconds,
          configuration: config ?? trunkConfiguration(destination),
        },
      });
      return ref;
    };
    const voicemailNeeded = row.voicemailEnabled || (row.businessHoursEnabled && row.outOfHoursAction === 'VOICEMAIL');
    const vm = voicemailNeeded
      ? add('vm', '', 100, 'Voicemail', { type: 'sip_configurations', username: `vm-${numberId.replace(/-/g, '')}`, host: this.deps.config.VOICEMAIL_SIP_HOST })
      : null;
    const forward = row.forwardingEnabled ? row.forwardTargets.map((t) => add(`fwd-${t.position}`, t.destination, t.position + 1, `Forward #${t.position + 1}`)) : [];
    const ooh = row.businessHoursEnabled && row.outOfHoursAction === 'FORWARD' && row.outOfHoursDestination ? add('ooh', row.outOfHoursDestination, 1, 'Out of hours') : null;

    let route: Route;
    if (open) {
      // Unanswered forwards fall through to voicemail when it is on.
      const chain = [...forward, ...(forward.length && row.voicemailEnabled && vm ? [vm] : [])];
      if (chain.length > 1) route = { group: chain };
      else if (chain.length === 1) route = { trunk: chain[0]! };
      else if (row.voicemailEnabled && vm) route = { trunk: vm };
      else route = { default: true };
    } else if (row.outOfHoursAction === 'FORWARD' && ooh) route = { trunk: ooh };
    else if (row.outOfHoursAction === 'VOICEMAIL' && vm) route = { trunk: vm };
    else route = { reject: true };
    return { trunks, route };
  }

  private async ensureTrunk(t: DesiredTrunk): Promise<string> {
    const { trunk: found, created } = await findOrCreateVoiceInTrunk(this.didww, t.ref, t.input);
    if (created) return found.id;
    const same =
      found.ringingTimeout === t.input.ringingTimeout && found.priority === t.input.priority &&
      JSON.stringify(comparable(found.configuration)) === JSON.stringify(comparable(t.input.configuration));
    if (!same) await this.didww.updateVoiceInTrunk(found.id, t.input);
    return found.id;
  }

  private async ensureGroup(numberId: string, trunkIds: string[]): Promise<string> {
    const name = `nn-${numberId}-failover`;
    const found = await this.didww.findVoiceInTrunkGroupByName(name);
    if (!found) return (await this.didww.createVoiceInTrunkGroup({ name, trunkIds })).id;
    if (found.trunkIds.join() !== trunkIds.join()) await this.didww.updateVoiceInTrunkGroup(found.id, { trunkIds });
    return found.id;
  }

  private async pointDid(did: { id: string; voiceInTrunkId: string | null; voiceInTrunkGroupId: string | null }, to: { voiceInTrunkId?: string | null; voiceInTrunkGroupId?: string | null }): Promise<void> {
    const wantTrunk = to.voiceInTrunkId ?? null;
    const wantGroup = to.voiceInTrunkGroupId ?? null;
    if (did.voiceInTrunkId === wantTrunk && did.voiceInTrunkGroupId === wantGroup) return;
    await this.didww.updateDid(did.id, to);
  }
}

/** The parts of a trunk configuration we set (DIDWW fills in codecs and the like). */
function comparable(c: VoiceInTrunkConfiguration | null): unknown {
  if (!c) return null;
  return c.type === 'pstn_configurations' ? { dst: c.dst } : { username: c.username, host: c.host, port: c.port ?? 5060 };
}
