import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DIDWW_SMS_SECRET } from '../../config';
import { eventually } from '../../integrations/didww/fake/testing';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { drainJobs } from '../../test/jobs';
import { CALLS, customerWithNumbers, EXPORT_CALLS, EXPORT_SMS, SMS } from '../usage/usage.test-support';

describe('inbound SMS, SMS history with search, and CSV exports', () => {
  const api = useTestApi({}, { didww: { orderDelayMs: 0 } });
  let alice: Awaited<ReturnType<typeof customerWithNumbers>>;
  let bob: Awaited<ReturnType<typeof customerWithNumbers>>;
  const hook = () => `${api.url}/webhooks/didww/sms/${FAKE_DIDWW_SMS_SECRET}`;
  const post = (path: string, body: unknown) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    await seedDemoData(api.db.prisma, { perGroup: 3 });
    api.didww!.admin.setSmsWebhook(hook());
    alice = await customerWithNumbers(api, 2, 5);
    bob = await customerWithNumbers(api, 1, 5);
    api.server.services.usage.importer['opts'].pollMs = 20;
    await api.server.services.usage.importCallRecords();
  }, 60_000);

  const sms = () => api.db.prisma.smsMessage.count();

  it('refuses forged inbound SMS (wrong or missing secret) and stores nothing', async () => {
    const before = await sms();
    const body = { id: 'forged-1', from: '+15550001111', to: alice.numbers[0]!.e164, text: 'give me your money' };
    expect((await post('/webhooks/didww/sms/not-the-secret-at-all', body)).status).toBe(404);
    expect((await post('/webhooks/didww/sms/', body)).status).toBe(404);
    expect((await post(`/webhooks/didww/sms/${FAKE_DIDWW_SMS_SECRET}x`, body)).status).toBe(404);
    expect(await sms()).toBe(before);
  });

  it('stores an SMS delivered by the DIDWW trunk for the number owner, once per message id', async () => {
    const m = api.didww!.admin.addSms({ number: alice.numbers[0]!.e164.slice(1), text: 'Pineapple delivery at noon', from: '14155550999' });
    const row = await eventually(() => api.db.prisma.smsMessage.findUnique({ where: { externalId: `didww:${m.id}` } }));
    expect(row).toMatchObject({ userId: alice.userId, purchasedNumberId: alice.numbers[0]!.id, fromNumber: '+14155550999', body: 'Pineapple delivery at noon' });
    // DIDWW retries until it sees a 2xx: a repeat is acknowledged and not stored again.
    const again = await post(`/webhooks/didww/sms/${FAKE_DIDWW_SMS_SECRET}`, { id: m.id, from: m.from, to: m.to, text: m.text, time: new Date().toUTCString() });
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await api.db.prisma.smsMessage.count({ where: { externalId: `didww:${m.id}` } })).toBe(1);
  });

  it('forwards a stored SMS to the number owner\'s addresses: the delivery job is queued with the message', async () => {
    const number = alice.numbers[1]!;
    await api.db.prisma.numberConfiguration.upsert({
      where: { purchasedNumberId: number.id },
      create: { purchasedNumberId: number.id, smsEmails: ['alice-sms@example.com'] },
      update: { smsEmails: ['alice-sms@example.com'] },
    });
    const m = api.didww!.admin.addSms({ number: number.e164.slice(1), text: 'Parcel at the door', from: '14155550123' });
    const row = await eventually(() => api.db.prisma.smsMessage.findUnique({ where: { externalId: `didww:${m.id}` } }));
    await drainJobs(api.db.pool, api.server.services);
    const deliveries = await api.db.prisma.smsDelivery.findMany({ where: { smsMessageId: row!.id } });
    expect(deliveries.map((d) => [d.channel, d.target, d.status])).toEqual([['EMAIL', 'alice-sms@example.com', 'DELIVERED']]);
    const email = await api.db.prisma.emailOutbox.findFirstOrThrow({ where: { template: 'smsReceived', toAddress: 'alice-sms@example.com' } });
    expect(email.textBody).toContain('Parcel at the door');
  });

  it('rejects a malformed SMS body with 422 and stores nothing', async () => {
    const before = await sms();
    const res = await post(`/webhooks/didww/sms/${FAKE_DIDWW_SMS_SECRET}`, { id: 'x', to: 'not a number', text: 'hi' });
    expect(res.status).toBe(422);
    expect(await sms()).toBe(before);
  });

  it('finds messages by full-text search, only among the customer\'s own', async () => {
    api.didww!.admin.addSms({ number: bob.numbers[0]!.e164.slice(1), text: 'Pineapple for bob only' });
    await eventually(async () => (await api.db.prisma.smsMessage.count({ where: { body: 'Pineapple for bob only' } })) === 1);
    const res: any = await api.gql(SMS, { filter: { search: 'pineapple' } }, { token: alice.token });
    expect(res.body.errors).toBeUndefined();
    const bodies = res.body.data.smsMessages.edges.map((e: any) => e.node.body);
    expect(bodies).toEqual(['Pineapple delivery at noon']);
    const bobs: any = await api.gql(SMS, { filter: { numberId: alice.numbers[0]!.id } }, { token: bob.token });
    expect(bobs.body.data.smsMessages.edges).toEqual([]);
  });

  it('a common word pages through exactly the newest matches (read-in-order plan), a rare one through the index', async () => {
    for (let i = 0; i < 12; i++) api.didww!.admin.addSms({ number: alice.numbers[1]!.e164.slice(1), text: `Weekly coffee order ${i}` });
    await eventually(async () => (await api.db.prisma.smsMessage.count({ where: { userId: alice.userId, body: { startsWith: 'Weekly coffee' } } })) === 12);
    const expected = (await api.db.prisma.smsMessage.findMany({
      where: { userId: alice.userId, body: { contains: 'coffee' } }, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], select: { id: true },
    })).map((m) => m.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await api.gql(SMS, { filter: { search: 'coffee' }, first: 5, after }, { token: alice.token });
      seen.push(...res.body.data.smsMessages.edges.map((e: any) => e.node.id));
      after = res.body.data.smsMessages.pageInfo.hasNextPage ? res.body.data.smsMessages.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('pages SMS with cursors and validates the filter', async () => {
    for (let i = 0; i < 4; i++) api.didww!.admin.addSms({ number: alice.numbers[1]!.e164.slice(1) });
    await eventually(async () => (await api.db.prisma.smsMessage.count({ where: { userId: alice.userId } })) >= 5);
    const all: any = await api.gql(SMS, { first: 2 }, { token: alice.token });
    const conn = all.body.data.smsMessages;
    expect(conn.totalCount).toBeGreaterThan(2);
    const next: any = await api.gql(SMS, { first: 2, after: conn.pageInfo.endCursor }, { token: alice.token });
    const ids = [...conn.edges, ...next.body.data.smsMessages.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    const bad: any = await api.gql(SMS, { filter: { search: 'x'.repeat(201) } }, { token: alice.token });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'VALIDATION', field: ['filter', 'search'] });
  });

  it('streams a CSV export of exactly the rows the query shows, to its owner only', async () => {
    const created: any = await api.gql(EXPORT_CALLS, { filter: { numberId: alice.numbers[0]!.id } }, { token: alice.token });
    const { url, errors } = created.body.data.exportCallRecords;
    expect(errors).toEqual([]);
    const res = await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('started_at,number,direction,status,caller,destination,duration_seconds,disconnect_reason');
    const total: any = await api.gql(CALLS, { filter: { numberId: alice.numbers[0]!.id }, first: 1 }, { token: alice.token });
    expect(lines.length - 1).toBe(total.body.data.callRecords.totalCount);
    expect(lines.length - 1).toBeGreaterThan(0);
    for (const l of lines.slice(1)) expect(l).toContain(alice.numbers[0]!.e164);

    // Another customer holding the full link, a guessed id, and a signed-out caller all get nothing.
    expect((await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${bob.token}` } })).status).toBe(404);
    const id = created.body.data.exportCallRecords.export.id;
    expect((await fetch(`${api.url}/exports/${id}.csv`, { headers: { authorization: `Bearer ${alice.token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}/exports/${id.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))}.csv?token=x`, { headers: { authorization: `Bearer ${alice.token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}${url}`)).status).toBe(401);
    const row = await api.db.prisma.dataExport.findUniqueOrThrow({ where: { id } });
    expect(row.rowCount).toBe(lines.length - 1);
  });

  it("an SMS export never contains another customer's messages, whatever filter is asked", async () => {
    const created: any = await api.gql(EXPORT_SMS, { filter: { userId: alice.userId, numberId: alice.numbers[0]!.id } }, { token: bob.token });
    const res = await fetch(`${api.url}${created.body.data.exportSmsMessages.url}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toEqual(['received_at,number,direction,from,to,text']);
  });

  it('exports text with quotes, commas, backslashes and "$1" intact, filtered by a search holding a quote', async () => {
    const text = `It's 5 o'clock, say "cheese" \\ $1 ok`;
    api.didww!.admin.addSms({ number: alice.numbers[0]!.e164.slice(1), text, from: '14155550777' });
    await eventually(async () => (await api.db.prisma.smsMessage.count({ where: { body: text } })) === 1);
    const created: any = await api.gql(EXPORT_SMS, { filter: { search: "o'clock $1" } }, { token: alice.token });
    expect(created.body.data.exportSmsMessages.errors).toEqual([]);
    const res = await fetch(`${api.url}${created.body.data.exportSmsMessages.url}`, { headers: { authorization: `Bearer ${alice.token}` } });
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
    expect(lines[1]).toContain(`,INBOUND,+14155550777,${alice.numbers[0]!.e164},"It's 5 o'clock, say ""cheese"" \\ $1 ok"`);
  });
});
