/**
 * The voicemail endpoint's part, played offline: a call to a DID whose calls reach a voicemail
 * trunk (`nn-<numberId>-vm`, SIP user `vm-…`) "leaves a message" — a short generated WAV, posted to
 * the API's voicemail webhook signed like the real endpoint would (HMAC-SHA256 over "<t>.<body>").
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { FakeStore } from './store';

/** A mono 8 kHz 16-bit WAV of a 440 Hz tone. */
export function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.max(1, Math.round(rate * Math.min(seconds, 5)));
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The purchased-number id behind the voicemail trunk a DID's calls reach, or null. */
export function voicemailNumberOf(store: FakeStore, didNumber: string): string | null {
  const did = [...store.dids.values()].find((d) => d.number === didNumber.replace(/^\+/, ''));
  if (!did) return null;
  const trunkIds = did.voiceInTrunkGroupId ? (store.trunkGroups.get(did.voiceInTrunkGroupId)?.trunkIds ?? []) : did.voiceInTrunkId ? [did.voiceInTrunkId] : [];
  for (const id of trunkIds) {
    const m = /^nn-([0-9a-f-]{36})-vm$/.exec(store.trunks.get(id)?.name ?? '');
    if (m) return m[1]!;
  }
  return null;
}

export interface LeaveVoicemail {
  url: string;
  secret: string;
  numberId: string;
  caller: string;
  durationSeconds: number;
}

export async function postVoicemail(v: LeaveVoicemail): Promise<{ id: string; status: number }> {
  const id = `fake-vm-${randomUUID()}`;
  const body = JSON.stringify({
    id, numberId: v.numberId, caller: v.caller, durationSeconds: v.durationSeconds, contentType: 'audio/wav',
    audio: toneWav(v.durationSeconds).toString('base64'), receivedAt: new Date().toISOString(),
  });
  const t = Math.floor(Date.now() / 1000);
  const signature = `t=${t},v1=${createHmac('sha256', v.secret).update(`${t}.${body}`).digest('hex')}`;
  const res = await fetch(v.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-numninja-signature': signature }, body });
  return { id, status: res.status };
}
