import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { queuedJobs } from '../../test/jobs';
import { NUMBER_CONFIG, RETRY, UPDATE, customerWithLiveNumbers, settleJobs } from './test-support';

const forwarding = (targets: Array<{ kind: string; destination: string }>, ringTimeoutSeconds = 25) => ({ forwarding: { enabled: true, ringTimeoutSeconds, targets } });
const hours = (over: Record<string, unknown> = {}) => ({
  businessHours: {
    enabled: true, timeZone: 'America/New_York', outOfHoursAction: 'VOICEMAIL', outOfHoursDestination: null, holidays: [],
    intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
    ...over,
  },
});

describe('number configuration: validation and isolation', () => {
  const api = useTestApi();
  let owner: { token: string; userId: string };
  let numberId: string;
  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 1);
    owner = s.customer;
    numberId = s.numberIds[0]!;
  }, 90_000);

  it('a new number reads its defaults: nothing forwarded, APPLIED (the default trunk), no secret', async () => {
    const res = await api.gql(NUMBER_CONFIG, { id: numberId }, { token: owner.token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.number.configuration).toMatchObject({
      forwarding: { enabled: false, targets: [] }, businessHours: { enabled: false, openNow: true }, syncState: 'APPLIED', smsDelivery: { emails: [], webhookSecret: null },
    });
  });

  it.each([
    [forwarding([{ kind: 'PHONE', destination: '+1555' }]), ['input', 'forwarding', 'targets', '0', 'destination']],
    [forwarding([{ kind: 'PHONE', destination: '4155550123' }]), ['input', 'forwarding', 'targets', '0', 'destination']],
    [forwarding([{ kind: 'SIP', destination: 'alice at pbx' }]), ['input', 'forwarding', 'targets', '0', 'destination']],
    [forwarding([{ kind: 'PHONE', destination: '+14155552671' }], 500), ['input', 'forwarding', 'ringTimeoutSeconds']],
    [{ forwarding: { enabled: true, ringTimeoutSeconds: 20, targets: [] } }, ['input', 'forwarding', 'targets']],
    [hours({ timeZone: 'Mars/Olympus' }), ['input', 'businessHours', 'timeZone']],
    [hours({ intervals: [{ weekday: 1, startMinute: 600, endMinute: 540 }] }), ['input', 'businessHours', 'intervals', '0', 'endMinute']],
    [hours({ intervals: [{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 700, endMinute: 800 }] }), ['input', 'businessHours', 'intervals', '1']],
    [hours({ intervals: [{ weekday: 8, startMinute: 540, endMinute: 720 }] }), ['input', 'businessHours', 'intervals', '0', 'weekday']],
    [hours({ holidays: [{ date: '2027-02-30' }] }), ['input', 'businessHours', 'holidays', '0', 'date']],
    [hours({ outOfHoursAction: 'FORWARD', outOfHoursDestination: 'nowhere' }), ['input', 'businessHours', 'outOfHoursDestination']],
    [{ voicemail: { enabled: true, email: 'not-an-email' } }, ['input', 'voicemail', 'email']],
    [{ smsDelivery: { emails: ['ok@example.com', 'bad@'], webhookUrl: null } }, ['input', 'smsDelivery', 'emails', '1']],
    [{ smsDelivery: { emails: [], webhookUrl: 'http://127.0.0.1:9/hook' } }, ['input', 'smsDelivery', 'webhookUrl']],
    [{ smsDelivery: { emails: [], webhookUrl: 'http://169.254.169.254/latest/meta-data' } }, ['input', 'smsDelivery', 'webhookUrl']],
    [{ smsDelivery: { emails: [], webhookUrl: 'http://localhost:8080/hook' } }, ['input', 'smsDelivery', 'webhookUrl']],
    [{ smsDelivery: { emails: [], webhookUrl: 'http://[::ffff:10.0.0.1]/hook' } }, ['input', 'smsDelivery', 'webhookUrl']],
  ])('refuses %j with VALIDATION on its field and saves nothing', async (input, field) => {
    const before = await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } });
    const res = await api.gql(UPDATE, { numberId, input }, { token: owner.token });
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data!.updateNumberConfiguration;
    expect(payload.configuration).toBeNull();
    expect(payload.errors).toContainEqual({ code: 'VALIDATION', message: expect.any(String), field });
    const after = await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } });
    expect(after.version).toBe(before.version);
  });

  it('saves a valid configuration: version bumped, SAVED, one keyed apply job even after rapid edits', async () => {
    const input = {
      ...forwarding([{ kind: 'PHONE', destination: '+14155552671' }, { kind: 'SIP', destination: 'sip:desk@pbx.example.com' }]),
      ...hours({ holidays: [{ date: '2027-12-25', name: 'Christmas' }] }),
      voicemail: { enabled: true, greeting: 'Leave a message', email: null },
      smsDelivery: { emails: ['Me@Example.com'], webhookUrl: 'https://93.184.216.34/sms' },
    };
    const first = await api.gql(UPDATE, { numberId, input }, { token: owner.token });
    expect(first.body.data!.updateNumberConfiguration.errors).toEqual([]);
    const second = await api.gql(UPDATE, { numberId, input: { forwarding: input.forwarding } }, { token: owner.token });
    const c = second.body.data!.updateNumberConfiguration.configuration;
    expect(c).toMatchObject({
      syncState: 'SAVED',
      forwarding: { enabled: true, ringTimeoutSeconds: 25, targets: [{ position: 0, kind: 'PHONE' }, { position: 1, kind: 'SIP', destination: 'sip:desk@pbx.example.com' }] },
      businessHours: { enabled: true, timeZone: 'America/New_York', holidays: [{ date: '2027-12-25', name: 'Christmas' }] },
      smsDelivery: { emails: ['me@example.com'], webhookUrl: 'https://93.184.216.34/sms' },
    });
    expect(c.smsDelivery.webhookSecret).toMatch(/^whsec_/);
    expect(c.businessHours.nextChangeAt).toBeTruthy();
    const jobs = (await queuedJobs(api.db.prisma, 'apply-number-configuration')).filter((j) => j.key === `apply-config:${numberId}`);
    expect(jobs).toHaveLength(1);
  });

  it('a second customer cannot read or change the first one’s configuration, deliveries or voicemails, even by guessing ids', async () => {
    const other = await signUpCustomer(api);
    const read = await api.gql(NUMBER_CONFIG, { id: numberId }, { token: other.token });
    expect(read.body.data!.number).toBeNull();
    const before = await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } });
    for (const id of [numberId, '01900000-0000-7000-8000-000000000000', 'garbage']) {
      const upd = await api.gql(UPDATE, { numberId: id, input: { voicemail: { enabled: false } } }, { token: other.token });
      expect(upd.body.data!.updateNumberConfiguration.errors).toEqual([{ code: 'NOT_FOUND', field: ['numberId'], message: expect.any(String) }]);
      const retry = await api.gql(RETRY, { numberId: id }, { token: other.token });
      expect(retry.body.data!.retryNumberConfiguration.errors[0].code).toBe('NOT_FOUND');
    }
    expect((await api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: numberId } })).version).toBe(before.version);
    const lists = await api.gql(`query($n: ID!) { smsDeliveries(numberId: $n) { totalCount } voicemails(numberId: $n) { totalCount } }`, { n: numberId }, { token: other.token });
    expect(lists.body.data).toEqual({ smsDeliveries: { totalCount: 0 }, voicemails: { totalCount: 0 } });
    const anon = await api.gql(UPDATE, { numberId, input: {} });
    expect(anon.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('staff read any configuration without the webhook secret, and their edits are audited', async () => {
    const staff = await createSignedInUser(api, 'SUPPORT');
    const read = await api.gql(NUMBER_CONFIG, { id: numberId }, { token: staff.token });
    expect(read.body.data!.number.configuration.smsDelivery.webhookSecret).toBeNull();
    const upd = await api.gql(UPDATE, { numberId, input: { voicemail: { enabled: true, greeting: 'Staff fixed this', email: null } } }, { token: staff.token });
    expect(upd.body.data!.updateNumberConfiguration.errors).toEqual([]);
    const audit = await api.db.prisma.auditLog.findFirst({ where: { action: 'number.configuration.update', targetId: numberId } });
    expect(audit?.actorId).toBe(staff.userId);
  });
});

describe('number configuration: applied at DIDWW by the apply job', () => {
  const api = useTestApi({ PROVISION_RETRY_BASE_MS: '1', PROVISION_RETRY_MAX_MS: '5', CONFIG_APPLY_MAX_ATTEMPTS: '3', DIDWW_MAX_RETRIES: '0', DIDWW_BREAKER_THRESHOLD: '100' });
  let owner: { token: string; userId: string };
  let ids: string[];
  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 3);
    owner = s.customer;
    ids = s.numberIds;
  }, 90_000);
  const fake = () => api.didww!.admin.store;
  const didOf = async (id: string) => fake().dids.get((await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id } })).didwwDidId!)!;
  const config = (id: string) => api.db.prisma.numberConfiguration.findUniqueOrThrow({ where: { purchasedNumberId: id } });

  it('creates one PSTN and one SIP trunk and a failover group in order, routes the DID to it, and is idempotent', async () => {
    const id = ids[0]!;
    const input = forwarding([{ kind: 'PHONE', destination: '+14155552671' }, { kind: 'SIP', destination: 'sip:desk@pbx.example.com:5080' }], 20);
    expect((await api.gql(UPDATE, { numberId: id, input }, { token: owner.token })).body.data!.updateNumberConfiguration.errors).toEqual([]);
    await settleJobs(api);
    const c = await config(id);
    expect(c.syncState).toBe('APPLIED');
    expect(c.didwwTrunkIds).toHaveLength(2);
    const did = await didOf(id);
    expect(did.voiceInTrunkId).toBeNull();
    const group = fake().trunkGroups.get(did.voiceInTrunkGroupId!)!;
    expect(group.trunkIds).toHaveLength(2);
    const [t1, t2] = group.trunkIds.map((t) => fake().trunks.get(t)!);
    expect(t1!.configuration).toEqual({ type: 'pstn_configurations', attributes: { dst: '14155552671' } });
    expect(t1!.ringingTimeout).toBe(20);
    expect(t2!.configuration.attributes).toMatchObject({ username: 'desk', host: 'pbx.example.com', port: 5080 });
    expect(t1!.priority).toBeLessThan(t2!.priority);

    const trunksBefore = fake().trunks.size;
    expect(await api.server.services.configApplier.apply(id)).toBe('applied');
    expect(fake().trunks.size).toBe(trunksBefore);
    expect(fake().trunkGroups.size).toBe(1);
  });

  it('one target routes the DID to its trunk directly; old trunks and the group are removed', async () => {
    const id = ids[0]!;
    await api.gql(UPDATE, { numberId: id, input: forwarding([{ kind: 'PHONE', destination: '+442071838750' }]) }, { token: owner.token });
    await settleJobs(api);
    const did = await didOf(id);
    expect(did.voiceInTrunkGroupId ?? null).toBeNull();
    expect(fake().trunks.get(did.voiceInTrunkId!)!.configuration.attributes).toEqual({ dst: '442071838750' });
    expect((await config(id)).didwwTrunkIds).toEqual([did.voiceInTrunkId]);
    expect(fake().trunkGroups.size).toBe(0);
    expect([...fake().trunks.values()].filter((t) => t.name.startsWith(`nn-${id}`))).toHaveLength(1);
  });

  it('releasing a configured number removes its own trunks at DIDWW, and the configuration can no longer change', async () => {
    const id = ids[0]!;
    expect([...fake().trunks.values()].filter((t) => t.name.startsWith(`nn-${id}`)).length).toBeGreaterThan(0);
    expect(await api.server.services.releases.release(id, 'Test')).toBe('released');
    await settleJobs(api);
    expect([...fake().trunks.values()].filter((t) => t.name.startsWith(`nn-${id}`))).toEqual([]);
    expect((await config(id)).didwwTrunkIds).toEqual([]);
    const upd = await api.gql(UPDATE, { numberId: id, input: { voicemail: { enabled: true } } }, { token: owner.token });
    expect(upd.body.data!.updateNumberConfiguration.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['numberId'] });
  });

  it('transient DIDWW errors are retried with backoff; a refusal ends FAILED with the reason, and retry recovers', async () => {
    const id = ids[1]!;
    api.didww!.admin.setFaults({ queue: ['503', '503'] });
    await api.gql(UPDATE, { numberId: id, input: forwarding([{ kind: 'PHONE', destination: '+14155552671' }]) }, { token: owner.token });
    await settleJobs(api);
    expect((await config(id)).syncState).toBe('APPLIED');

    api.didww!.admin.setFaults({ queue: ['503', '503', '503', '503', '503', '503'] });
    await api.gql(UPDATE, { numberId: id, input: forwarding([{ kind: 'PHONE', destination: '+14155550100' }]) }, { token: owner.token });
    await settleJobs(api);
    api.didww!.admin.clearFaults();
    const failed = await config(id);
    expect(failed.syncState).toBe('FAILED');
    expect(failed.syncError).toMatch(/gave up after 3 tries/);

    const retried = await api.gql(RETRY, { numberId: id }, { token: owner.token });
    expect(retried.body.data!.retryNumberConfiguration).toEqual({ configuration: { syncState: 'SAVED' }, errors: [] });
    await settleJobs(api);
    expect((await config(id)).syncState).toBe('APPLIED');
    expect(fake().trunks.get((await didOf(id)).voiceInTrunkId!)!.configuration.attributes).toEqual({ dst: '14155550100' });
  });

  it('business hours: closed routes to voicemail, REJECT detaches, and the next boundary is scheduled with a job key', async () => {
    const id = ids[2]!;
    // No open interval today or ever: always out of hours.
    const closed = { businessHours: { enabled: true, timeZone: 'Europe/Berlin', intervals: [{ weekday: 1, startMinute: 0, endMinute: 1 }], holidays: [], outOfHoursAction: 'VOICEMAIL', outOfHoursDestination: null } };
    await api.gql(UPDATE, { numberId: id, input: { ...forwarding([{ kind: 'PHONE', destination: '+14155552671' }]), ...closed } }, { token: owner.token });
    await settleJobs(api);
    const c = await config(id);
    const open = c.routedOpen;
    const trunk = fake().trunks.get((await didOf(id)).voiceInTrunkId!)!;
    expect(trunk.name).toBe(open ? `nn-${id}-fwd-0` : `nn-${id}-vm`);
    expect(c.nextBoundaryAt).toBeTruthy();
    const boundary = (await queuedJobs(api.db.prisma, 'switch-business-hours')).filter((j) => j.key === `business-hours:${id}`);
    expect(boundary).toHaveLength(1);
    expect(boundary[0]!.runAt.toISOString()).toBe(c.nextBoundaryAt!.toISOString());

    if (!open) {
      await api.gql(UPDATE, { numberId: id, input: { businessHours: { ...closed.businessHours, outOfHoursAction: 'REJECT' } } }, { token: owner.token });
      await settleJobs(api);
      const did = await didOf(id);
      expect(did.voiceInTrunkId).toBeNull();
      expect(did.voiceInTrunkGroupId ?? null).toBeNull();
    }
  });
});
