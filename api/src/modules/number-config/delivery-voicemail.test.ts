import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { subscribe, untilLive, wsClient } from '../../test/ws-client';
import { EVENTS_CHANNEL } from '../../realtime/events';
import { UPDATE, customerWithLiveNumbers, settleJobs } from './test-support';
import { signPayload } from './webhook-sender';

/** A local webhook receiver that checks our signature with the secret it is given. */
async function receiver(status = 200) {
  const got: Array<{ body: string; signature: string; valid: boolean }> = [];
  let secret = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['x-numninja-signature'] ?? '');
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
      const valid = !!m && createHmac('sha256', secret).update(`${m[1]}.${body}`).digest('hex') === m[2];
      got.push({ body, signature, valid });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    got,
    setSecret: (s: string) => (secret = s),
    setStatus: (s: number) => (status = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('SMS delivery to email and customer webhooks', () => {
  const api = useTestApi({ WEBHOOK_ALLOW_LOOPBACK: 'true', SMS_DELIVERY_MAX_ATTEMPTS: '3' });
  let owner: { token: string; userId: string };
  let numberId: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 1);
    owner = s.customer;
    numberId = s.numberIds[0]!;
    hook = await receiver();
  }, 90_000);
  afterAll(() => hook.close());

  async function storeSms(text: string) {
    const n = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: numberId } });
    return api.db.prisma.smsMessage.create({
      data: { externalId: `test-${Date.now()}-${Math.random()}`, userId: n.userId, purchasedNumberId: n.id, fromNumber: '+14155550199', toNumber: n.e164, body: text, receivedAt: new Date() },
    });
  }

  it('forwards a stored SMS to each email (outbox) and to the webhook, signed with the number’s secret; running twice sends nothing more', async () => {
    const saved = await api.gql(UPDATE, { numberId, input: { smsDelivery: { emails: ['a@example.com', 'b@example.com'], webhookUrl: hook.url } } }, { token: owner.token });
    const c = saved.body.data!.updateNumberConfiguration.configuration;
    hook.setSecret(c.smsDelivery.webhookSecret);
    const sms = await storeSms('Your code is 424242');
    await api.server.services.smsDelivery.deliverInbound(sms.id);
    await settleJobs(api);
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.valid).toBe(true);
    expect(JSON.parse(hook.got[0]!.body)).toMatchObject({ id: sms.id, type: 'sms.received', text: 'Your code is 424242', from: '+14155550199' });
    const rows = await api.db.prisma.smsDelivery.findMany({ where: { smsMessageId: sms.id } });
    expect(rows.map((r) => [r.channel, r.status, r.attempts]).sort()).toEqual([['EMAIL', 'DELIVERED', 1], ['EMAIL', 'DELIVERED', 1], ['WEBHOOK', 'DELIVERED', 1]]);
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'smsReceived', toAddress: { in: ['a@example.com', 'b@example.com'] } } })).toBe(2);

    await api.server.services.smsDelivery.deliverInbound(sms.id);
    await settleJobs(api);
    expect(hook.got).toHaveLength(1);
    expect(await api.db.prisma.smsDelivery.count({ where: { smsMessageId: sms.id } })).toBe(3);

    const listed = await api.gql(`query($n: ID!) { smsDeliveries(numberId: $n, first: 10) { totalCount edges { node { channel target status attempts lastError from } } } }`, { n: numberId }, { token: owner.token });
    expect(listed.body.data!.smsDeliveries.totalCount).toBe(3);
    const other = await signUpCustomer(api);
    const theirs = await api.gql(`query($n: ID!) { smsDeliveries(numberId: $n) { totalCount } }`, { n: numberId }, { token: other.token });
    expect(theirs.body.data!.smsDeliveries.totalCount).toBe(0);
  });

  it('a failing webhook is retried by the job and ends FAILED with the last error after the last attempt', async () => {
    hook.setStatus(500);
    const before = hook.got.length;
    const sms = await storeSms('will fail');
    await api.server.services.smsDelivery.deliverInbound(sms.id);
    await settleJobs(api, 40);
    hook.setStatus(200);
    const row = await api.db.prisma.smsDelivery.findFirstOrThrow({ where: { smsMessageId: sms.id, channel: 'WEBHOOK' } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'HTTP 500', responseCode: 500 });
    expect(hook.got.length - before).toBe(3);
  });

  it('re-checks the address at send time: a webhook that now points at an internal address is refused, not called', async () => {
    const sms = await storeSms('rebinding');
    // As if DNS changed (or the row was written around the API): the send path checks again.
    await api.db.prisma.numberConfiguration.update({ where: { purchasedNumberId: numberId }, data: { smsWebhookUrl: 'http://10.0.0.7/hook', smsEmails: [] } });
    await api.server.services.smsDelivery.run(sms.id, true);
    const row = await api.db.prisma.smsDelivery.findFirstOrThrow({ where: { smsMessageId: sms.id, channel: 'WEBHOOK' } });
    expect(row.status).toBe('FAILED');
    expect(row.lastError).toMatch(/refused/);
  });
});

describe('voicemail: signed webhook, storage, email, listing and the owner-only stream', () => {
  const api = useTestApi({ VOICEMAIL_WEBHOOK_SECRET: 'test-voicemail-secret-123', DATA_DIR: join(tmpdir(), `nn-vm-${process.pid}-${Date.now()}`) });
  let owner: { token: string; userId: string; email: string };
  let numberId: string;
  const audio = Buffer.from('RIFF....WAVEfmt fake audio bytes');
  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 1);
    owner = s.customer;
    numberId = s.numberIds[0]!;
  }, 90_000);

  const post = (body: string, signature?: string) =>
    fetch(`${api.url}/webhooks/voicemail`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-numninja-signature': signature } : {}) }, body });
  const recording = (id: string) => JSON.stringify({ id, numberId, caller: '+14155550142', durationSeconds: 7, contentType: 'audio/wav', audio: audio.toString('base64') });

  it('refuses unsigned, forged and stale recordings and stores nothing', async () => {
    const body = recording('vm-forged');
    expect((await post(body)).status).toBe(400);
    expect((await post(body, signPayload('wrong-secret-xxxxxxxx', body, new Date()))).status).toBe(400);
    expect((await post(body, signPayload('test-voicemail-secret-123', body, new Date(Date.now() - 3_600_000)))).status).toBe(400);
    expect((await post(body.replace('+14155550142', '+14155550143'), signPayload('test-voicemail-secret-123', body, new Date()))).status).toBe(400);
    expect(await api.db.prisma.voicemailMessage.count()).toBe(0);
  });

  it('stores a signed recording once, emails the owner, lists it, and streams it to the owner only', async () => {
    const body = recording('vm-1');
    const res = await post(body, signPayload('test-voicemail-secret-123', body, new Date()));
    expect(res.status).toBe(200);
    expect((await post(body, signPayload('test-voicemail-secret-123', body, new Date()))).status).toBe(200);
    expect(await api.db.prisma.voicemailMessage.count({ where: { purchasedNumberId: numberId } })).toBe(1);
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'voicemailReceived', toAddress: owner.email } })).toBe(1);

    const list = await api.gql(`query($n: ID!) { voicemails(numberId: $n) { totalCount edges { node { id caller durationSeconds contentType sizeBytes audioUrl } } } }`, { n: numberId }, { token: owner.token });
    const vm = list.body.data!.voicemails.edges[0].node;
    expect(vm).toMatchObject({ caller: '+14155550142', durationSeconds: 7, contentType: 'audio/wav', sizeBytes: audio.length });

    const mine = await fetch(`${api.url}${vm.audioUrl}`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await mine.arrayBuffer()).equals(audio)).toBe(true);

    const other = await signUpCustomer(api);
    expect((await fetch(`${api.url}${vm.audioUrl}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}/voicemails/01900000-0000-7000-8000-000000000000/audio`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}${vm.audioUrl}`)).status).toBe(401);
    const theirs = await api.gql(`query($n: ID!) { voicemails(numberId: $n) { totalCount } }`, { n: numberId }, { token: other.token });
    expect(theirs.body.data!.voicemails.totalCount).toBe(0);
    const staff = await createSignedInUser(api, 'SUPPORT');
    expect((await fetch(`${api.url}${vm.audioUrl}`, { headers: { authorization: `Bearer ${staff.token}` } })).status).toBe(200);
  });

  it('the fake DIDWW plays the voicemail endpoint: a call to a number routed to voicemail leaves a recording', async () => {
    await api.gql(UPDATE, { numberId, input: { voicemail: { enabled: true, greeting: null, email: 'vm@example.com' } } }, { token: owner.token });
    await settleJobs(api);
    const n = await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: numberId } });
    const res = await fetch(`${api.didww!.url.replace(/\/v3$/, '')}/__admin/voicemail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: n.e164, url: `${api.url}/webhooks/voicemail`, secret: 'test-voicemail-secret-123', caller: '+14155550177', durationSeconds: 2 }),
    });
    expect(res.status).toBe(202);
    for (let i = 0; i < 100 && !(await api.db.prisma.voicemailMessage.count({ where: { caller: '+14155550177' } })); i++) await new Promise((r) => setTimeout(r, 20));
    const vm = await api.db.prisma.voicemailMessage.findFirstOrThrow({ where: { caller: '+14155550177' } });
    expect(vm).toMatchObject({ purchasedNumberId: numberId, contentType: 'audio/wav', durationSeconds: 2 });
    expect(await api.db.prisma.emailOutbox.count({ where: { template: 'voicemailReceived', toAddress: 'vm@example.com' } })).toBe(1);
  });
});

describe('sync state pushed live over graphql-ws', () => {
  const api = useTestApi();
  let owner: { token: string; userId: string };
  let numberId: string;
  beforeAll(async () => {
    const s = await customerWithLiveNumbers(api, 1);
    owner = s.customer;
    numberId = s.numberIds[0]!;
  }, 90_000);

  const CHANGED = `subscription($n: ID!) { numberConfigurationChanged(numberId: $n) { syncState version } }`;
  const probe = () => api.db.prisma.$executeRawUnsafe(`SELECT pg_notify('${EVENTS_CHANNEL}', '${JSON.stringify({ kind: 'config', numberId, userId: null, syncState: 'PROBE', version: 0 })}')`);

  it('the owner sees SAVED → APPLYING → APPLIED; another customer is refused with NOT_FOUND', async () => {
    const client = wsClient(api, { token: owner.token });
    const sub = subscribe(client, CHANGED, { n: numberId });
    await untilLive(sub, probe);
    await api.gql(UPDATE, { numberId, input: { forwarding: { enabled: true, ringTimeoutSeconds: 30, targets: [{ kind: 'PHONE', destination: '+14155552671' }] } } }, { token: owner.token });
    const seen: string[] = [];
    const saved = await sub.nextMatching((r) => r.data?.numberConfigurationChanged.syncState === 'SAVED');
    seen.push(saved.data!.numberConfigurationChanged.syncState);
    const settling = settleJobs(api);
    const applied = await sub.nextMatching((r) => {
      const s = r.data?.numberConfigurationChanged.syncState;
      if (s && s !== seen[seen.length - 1]) seen.push(s);
      return s === 'APPLIED';
    }, 15_000);
    expect(applied.data!.numberConfigurationChanged.syncState).toBe('APPLIED');
    expect(seen[0]).toBe('SAVED');
    await settling;
    sub.stop();

    const other = await signUpCustomer(api);
    const theirs = subscribe(wsClient(api, { token: other.token }), CHANGED, { n: numberId });
    const refused = (await Promise.race([theirs.next(5_000), theirs.failed])) as { errors?: Array<{ extensions?: { code?: string } }> } | Array<{ extensions?: { code?: string } }>;
    const errors = Array.isArray(refused) ? refused : refused.errors;
    expect(errors![0]!.extensions?.code).toBe('NOT_FOUND');
    await client.dispose();
  });
});
