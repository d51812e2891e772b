import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDidGroups, demoSkus } from '../../demo/coverage';
import { parseCdrExport } from './cdr';
import { eventually, startFixture, type Fixture } from './fake/testing';
import type { Did } from './types';

/** A fixed (but ticking) fake clock, so the generated call history is the same on every run. */
const EPOCH = Date.UTC(2026, 5, 20, 12, 0, 0);
const started = Date.now();
const fakeNow = () => EPOCH + (Date.now() - started);

let fx: Fixture;
let did: Did;
beforeAll(async () => {
  fx = await startFixture({ orderDelayMs: 0, now: fakeNow });
  const client = fx.client();
  const g = demoDidGroups.find((x) => x.prefix === '415')!;
  const sku = demoSkus.find((s) => s.didGroupId === g.id)!;
  const order = await client.createOrder({ items: [{ skuId: sku.id, qty: 1 }] });
  did = await eventually(async () => (await client.listDids({ orderId: order.id }))[0]);
});
afterAll(() => fx.fake.close());

describe('DIDWW client: trunks and numbers', () => {
  it('creates a PSTN trunk, routes the DID to it, and detaches it again', async () => {
    const client = fx.client();
    const trunk = await client.createVoiceInTrunk({
      name: `fwd-${did.number}`,
      configuration: { type: 'pstn_configurations', dst: '442071234567' },
      ringingTimeout: 30,
    });
    expect(trunk.configuration).toEqual({ type: 'pstn_configurations', dst: '442071234567' });
    expect(trunk.ringingTimeout).toBe(30);

    const routed = await client.updateDid(did.id, { voiceInTrunkId: trunk.id, description: 'customer 7' });
    expect(routed.voiceInTrunkId).toBe(trunk.id);
    expect(routed.voiceInTrunk?.name).toBe(`fwd-${did.number}`);
    expect(routed.description).toBe('customer 7');
    expect((await client.getDid(did.id)).voiceInTrunkId).toBe(trunk.id);

    const moved = await client.updateVoiceInTrunk(trunk.id, { configuration: { type: 'pstn_configurations', dst: '14155550100' } });
    expect(moved.configuration).toEqual({ type: 'pstn_configurations', dst: '14155550100' });

    const cleared = await client.updateDid(did.id, { voiceInTrunkId: null });
    expect(cleared.voiceInTrunkId).toBeNull();
    await client.deleteVoiceInTrunk(trunk.id);
    await expect(client.getVoiceInTrunk(trunk.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('creates a SIP trunk and refuses a duplicate name as validation (not number_taken)', async () => {
    const client = fx.client();
    const sip = await client.createVoiceInTrunk({ name: 'pbx', configuration: { type: 'sip_configurations', username: 'did', host: 'pbx.example.com', port: 5061 } });
    expect(sip.configuration).toMatchObject({ type: 'sip_configurations', host: 'pbx.example.com', port: 5061, username: 'did' });
    const dup = await client.createVoiceInTrunk({ name: 'pbx', configuration: { type: 'pstn_configurations', dst: '14155550100' } }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ kind: 'validation', status: 422 });
    const bad = await client.createVoiceInTrunk({ name: 'bad', configuration: { type: 'pstn_configurations', dst: 'not-a-number' } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: 'validation' });
  });

  it('terminates a DID (released at period end)', async () => {
    const client = fx.client();
    const updated = await client.updateDid(did.id, { terminated: true });
    expect(updated.terminated).toBe(true);
    expect((await client.listDids({ terminated: true })).map((d) => d.id)).toEqual([did.id]);
    await client.updateDid(did.id, { terminated: false });
  });

  it('refuses routing to a trunk that does not exist', async () => {
    await expect(fx.client().updateDid(did.id, { voiceInTrunkId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('DIDWW client: CDR exports', () => {
  for (const apiVersion of ['2026-04-16', '2022-05-10', '2026-11-19']) {
    it(`exports, downloads, gunzips and parses call records (${apiVersion})`, async () => {
      const client = fx.client({ apiVersion });
      const from = new Date(Date.UTC(2026, 5, 1));
      const to = new Date(Date.UTC(2026, 5, 30, 23, 59, 59));
      const exp = await client.createCdrExport({ from, to, didNumber: did.number });
      expect(exp.status).not.toBe('Completed');
      const done = await eventually(async () => {
        const e = await client.getCdrExport(exp.id);
        return e.status === 'Completed' ? e : null;
      });
      expect(done.url).toMatch(/\.csv\.gz$/);
      const bytes = await client.downloadCdrExport(done);
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const rows = parseCdrExport(bytes);
      const didColumn = apiVersion >= '2026-04-16' ? 'Destination DID' : 'DID';
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.every((r) => r[didColumn] === did.number)).toBe(true);
      const duration = apiVersion >= '2026-04-16' ? 'Duration (sec)' : 'Duration (secs)';
      expect(rows.every((r) => /^\d+$/.test(r[duration] ?? ''))).toBe(true);
    });
  }

  it('will not send credentials to another host', async () => {
    await expect(fx.client().downloadCdrExport('https://evil.example.com/v3/exports/x.csv.gz')).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('fake DIDWW: inbound SMS for owned numbers', () => {
  it('keeps generated SMS for SMS-capable DIDs and adds more on request', async () => {
    const before = fx.fake.admin.sms({ number: did.number });
    const group = demoDidGroups.find((g) => g.id === did.didGroupId)!;
    expect(before.length > 0).toBe(group.features.includes('sms'));
    const res = await fetch(`${fx.fake.origin}/__admin/sms`, { method: 'POST', body: JSON.stringify({ number: did.number, text: 'hello' }) });
    expect(res.status).toBe(201);
    const after = fx.fake.admin.sms({ number: did.number });
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ to: did.number, text: 'hello' });
  });
});
