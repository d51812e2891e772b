import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockedAddressError, checkUrlOffline, guardedLookup, type UrlGuardOptions } from '../../lib/url-guard';

export const SIGNATURE_HEADER = 'x-numninja-signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, Stripe's scheme: the timestamp stops replays. */
export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export interface WebhookResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * POSTs a signed JSON body to a customer URL. The address is checked where it is connected to:
 * literal IPs before the request, names inside the socket's DNS lookup, so a name that resolved to
 * a public address when it was saved and to 10.0.0.1 now is refused.
 */
export async function postSignedWebhook(url: string, body: string, secret: string, at: Date, opts: UrlGuardOptions & { timeoutMs?: number } = {}): Promise<WebhookResult> {
  // Literal hosts are checked here; names inside the socket's DNS lookup (guardedLookup).
  const parsed = checkUrlOffline(url, opts);
  if (!parsed.ok) return { ok: false, status: null, error: `refused: ${parsed.reason}` };
  const send = parsed.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResult>((resolve) => {
    const req = send(
      parsed.url,
      {
        method: 'POST',
        lookup: guardedLookup(opts),
        timeout: opts.timeoutMs ?? 10_000,
        headers: { 'content-type': 'application/json', 'user-agent': 'NumNinja-Webhooks/1', [SIGNATURE_HEADER]: signPayload(secret, body, at) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ ok: false, status: null, error: err instanceof BlockedAddressError ? `refused: ${err.message}` : err.message }));
    req.end(body);
  });
}
