/** Synthetic inbound SMS for the fake's SMS-capable DIDs (exposed through the admin API). */
import { seededRandom } from '../../../demo/coverage';
import type { DidRec, SmsRec } from './store';

const TEXTS = [
  'Your verification code is {code}',
  'Hi, is this still available?',
  'Running 10 min late, see you soon',
  'Please call me back when you can',
  'Thanks for your order! Reply STOP to opt out',
  'Meeting moved to 3pm',
];

/** `count` messages to `did`, deterministic per number and sequence. */
export function generateSmsFor(did: DidRec, count: number, startSeq = 0, at = did.createdAt): SmsRec[] {
  const out: SmsRec[] = [];
  for (let i = startSeq; i < startSeq + count; i++) {
    const rnd = seededRandom(`sms:${did.number}:${i}`);
    const template = TEXTS[Math.floor(rnd() * TEXTS.length)] ?? TEXTS[0]!;
    const code = String(Math.floor(rnd() * 1e6)).padStart(6, '0');
    out.push({
      id: `sms-${did.number}-${i}`,
      didId: did.id,
      from: `1${['212', '415', '617', '312'][Math.floor(rnd() * 4)]}${2 + Math.floor(rnd() * 8)}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`,
      to: did.number,
      text: template.replace('{code}', code),
      receivedAt: new Date(at + (i + 1) * 60_000).toISOString(),
    });
  }
  return out;
}
