import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { createLogger } from '../../logger';
import { useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import { DefaultTrunk } from '../provisioning/default-trunk';
import { ConfigApplier } from './config-apply';
import { NumberConfigService } from './number-config.service';
import { UPDATE, customerWithLiveNumbers } from './test-support';

describe('business-hours switching job across the New York spring-forward weekend', () => {
  const api = useTestApi();
  let numberId: string;
  const clock = fixedClock(new Date('2027-03-12T22:30:00Z')); // Friday 17:30 EST, closed
  let applier: ConfigApplier;

  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 1);
    numberId = s.numberIds[0]!;
    const input = {
      forwarding: { enabled: true, ringTimeoutSeconds: 20, targets: [{ kind: 'PHONE', destination: '+14155552671' }] },
      voicemail: { enabled: false, greeting: null, email: null },
      businessHours: {
        enabled: true, timeZone: 'America/New_York', holidays: [], outOfHoursAction: 'VOICEMAIL', outOfHoursDestination: null,
        intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
      },
    };
    const res = await api.gql(UPDATE, { numberId, input }, { token: s.customer.token });
    expect(res.body.data!.updateNumberConfiguration.errors).toEqual([]);
    const services = api.server.services;
    const deps = { prisma: api.db.prisma, clock, config: api.config, log: createLogger('silent'), audit: services.audit, didww: services.didww };
    applier = new ConfigApplier(deps, new NumberConfigService(deps, services.realtime), services.provisioning.breaker, new DefaultTrunk(services.didww, 'sip.test'));
  }, 90_000);

  const didTrunkName = async () => {
    const n = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: numberId } });
    const did = await api.server.services.didww.getDid(n.didwwDidId!);
    return did.voiceInTrunkId ? (await api.server.services.didww.getVoiceInTrunk(did.voiceInTrunkId)).name : null;
  };
  const boundaryJob = async () => (await queuedJobs(api.db.prisma, 'switch-business-hours')).filter((j) => j.key === `business-hours:${numberId}`);

  it('closed on Friday evening: routed to voicemail, next switch Monday 09:00 EDT (13:00 UTC), one keyed job', async () => {
    expect(await applier.apply(numberId)).toBe('applied');
    const c = await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } });
    expect(c.routedOpen).toBe(false);
    expect(c.nextBoundaryAt?.toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(await didTrunkName()).toBe(`nn-${numberId}-vm`);
    const jobs = await boundaryJob();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('at the boundary the job routes to forwarding and schedules the 17:00 EDT close (21:00 UTC); running it again changes nothing', async () => {
    clock.set(new Date('2027-03-15T13:00:00Z'));
    expect(await applier.apply(numberId)).toBe('applied');
    const c = await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } });
    expect(c.routedOpen).toBe(true);
    expect(c.nextBoundaryAt?.toISOString()).toBe('2027-03-15T21:00:00.000Z');
    expect(await didTrunkName()).toBe(`nn-${numberId}-fwd-0`);
    const trunks = api.didww!.admin.store.trunks.size;
    expect(await applier.apply(numberId)).toBe('applied');
    expect(api.didww!.admin.store.trunks.size).toBe(trunks);
    expect(await boundaryJob()).toHaveLength(1);
  });
});
