/**
 * The fake's control panel, in process (`FakeAdmin`) and over HTTP under `/__admin/` (plain JSON,
 * no auth: the fake binds to localhost and is never deployed).
 */
import { usdToCents } from '../money';
import type { FaultScenario, Faults } from './faults';
import type { Lifecycle, OwnedDid } from './lifecycle';
import { generateSmsFor } from './sms';
import { postVoicemail, voicemailNumberOf } from './voicemail';
import type { CallbackRec, FakeStore, SmsRec } from './store';

export interface FakeAdmin {
  /** Counters and a summary of the account (see README). */
  state(): Record<string, unknown>;
  faults(): FaultScenario;
  setFaults(patch: Partial<FaultScenario>): FaultScenario;
  clearFaults(): void;
  /** Back to the seeded state: stock, orders, DIDs, trunks, exports, SMS, tokens, balance, faults. */
  reset(): void;
  advanceClock(ms: number): void;
  revokeTokens(): void;
  setBalance(balance: string, credit?: string): void;
  completeOrder(id: string): boolean;
  cancelOrder(id: string): boolean;
  sms(filter?: { didId?: string; number?: string }): SmsRec[];
  addSms(input: { number: string; text?: string; from?: string }): SmsRec;
  callbacks(): CallbackRec[];
  /** Sets the HTTP IN trunk URL inbound SMS are POSTed to (null: stop sending). */
  setSmsWebhook(url: string | null): void;
  /** Makes numbers DIDs of the account, bought at the given time (demo and test history). */
  ownDids(owned: OwnedDid[]): void;
  readonly store: FakeStore;
}

export function createAdmin(store: FakeStore, faults: Faults, lifecycle: Lifecycle): FakeAdmin {
  return {
    store,
    state: () => ({ ...store.snapshot(), faults: faults.scenario }),
    faults: () => faults.scenario,
    setFaults(patch) {
      faults.set(patch);
      return faults.scenario;
    },
    clearFaults: () => faults.reset(),
    reset() {
      store.resetState();
      faults.reset();
    },
    advanceClock(ms) {
      store.clockOffsetMs += ms;
    },
    revokeTokens: () => store.tokens.clear(),
    setBalance(balance, credit = '0') {
      store.balanceCents = usdToCents(balance);
      store.creditCents = usdToCents(credit);
    },
    completeOrder: (id) => lifecycle.completeOrder(id),
    cancelOrder: (id) => lifecycle.cancelOrder(id),
    sms: (f = {}) => store.sms.filter((m) => (!f.didId || m.didId === f.didId) && (!f.number || m.to === f.number)),
    addSms({ number, text, from }) {
      const did = [...store.dids.values()].find((d) => d.number === number);
      if (!did) throw new Error(`the fake owns no DID ${number}`);
      const seq = store.sms.filter((m) => m.didId === did.id).length;
      const [msg] = generateSmsFor(did, 1, seq, store.now() - (seq + 1) * 60_000);
      const out: SmsRec = { ...msg!, ...(text ? { text } : {}), ...(from ? { from } : {}) };
      lifecycle.deliverSms([out]);
      return out;
    },
    callbacks: () => store.callbacks,
    ownDids: (owned) => lifecycle.adoptDids(owned),
    setSmsWebhook(url) {
      store.smsWebhookUrl = url;
    },
  };
}

/** HTTP face of the admin API. Returns [status, body]. */
export function handleAdmin(admin: FakeAdmin, method: string, path: string, body: unknown): [number, unknown] {
  const b = (body ?? {}) as Record<string, unknown>;
  const m = /^\/__admin\/orders\/([^/]+)\/(complete|cancel)$/.exec(path);
  if (m && method === 'POST') {
    const ok = m[2] === 'complete' ? admin.completeOrder(m[1]!) : admin.cancelOrder(m[1]!);
    return ok ? [200, { ok }] : [409, { error: 'order is not Pending' }];
  }
  switch (`${method} ${path}`) {
    case 'GET /__admin/state':
      return [200, admin.state()];
    case 'GET /__admin/faults':
      return [200, admin.faults()];
    case 'POST /__admin/faults':
      return [200, admin.setFaults(b as Partial<FaultScenario>)];
    case 'DELETE /__admin/faults':
      admin.clearFaults();
      return [200, admin.faults()];
    case 'POST /__admin/reset':
      admin.reset();
      return [200, { ok: true }];
    case 'POST /__admin/clock':
      admin.advanceClock(Number(b.advanceMs ?? 0));
      return [200, { clockOffsetMs: admin.store.clockOffsetMs }];
    case 'POST /__admin/tokens/revoke':
      admin.revokeTokens();
      return [200, { ok: true }];
    case 'POST /__admin/balance':
      admin.setBalance(String(b.balance ?? '0'), b.credit === undefined ? undefined : String(b.credit));
      return [200, { ok: true }];
    case 'GET /__admin/sms':
      return [200, { data: admin.sms() }];
    case 'POST /__admin/sms':
      try {
        return [201, admin.addSms({ number: String(b.number ?? ''), ...(typeof b.text === 'string' ? { text: b.text } : {}), ...(typeof b.from === 'string' ? { from: b.from } : {}) })];
      } catch (e) {
        return [422, { error: (e as Error).message }];
      }
    case 'POST /__admin/sms-webhook':
      admin.setSmsWebhook(typeof b.url === 'string' && b.url ? b.url : null);
      return [200, { url: admin.store.smsWebhookUrl }];
    case 'POST /__admin/voicemail': {
      // Demo: a caller leaves a message on a DID routed to voicemail; posted to `url` in the background.
      const numberId = voicemailNumberOf(admin.store, String(b.number ?? ''));
      if (!numberId) return [409, { error: 'calls to this number do not reach voicemail' }];
      if (typeof b.url !== 'string' || typeof b.secret !== 'string') return [422, { error: 'url and secret are required' }];
      const leave = { url: b.url, secret: b.secret, numberId, caller: typeof b.caller === 'string' ? b.caller : '+14155550142', durationSeconds: Number(b.durationSeconds ?? 3) };
      void postVoicemail(leave).catch(() => undefined);
      return [202, { numberId }];
    }
    case 'GET /__admin/callbacks':
      return [200, { data: admin.callbacks() }];
    default:
      return [404, { error: `no admin route ${method} ${path}` }];
  }
}
