/**
 * Outgoing SMTP through nodemailer's pooled transport. The rest of the app sees one small
 * interface and one error type whose `retryable` says whether trying the same message later can
 * help: connection trouble and 4xx replies can, a 5xx rejection of the message cannot.
 */
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** `<id@domain>`; a stable id lets receivers drop the duplicate of a retried delivery. */
  messageId?: string;
}

export interface MailTransport {
  /** False without SMTP_URL: nothing can be sent, and the outbox keeps emails as STORED. */
  readonly configured: boolean;
  /** Resolves once the SMTP server accepted the message; throws `MailTransportError` otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Closes pooled connections (on shutdown). */
  close(): void;
}

export type MailTransportErrorKind =
  /** No SMTP_URL. */
  | 'not_configured'
  /** Could not connect, the connection dropped, TLS or DNS failed. */
  | 'connection'
  | 'timeout'
  /** The server refused our credentials: a configuration problem, so fixing it lets retries through. */
  | 'auth'
  /** 4xx: the server asks us to try later (greylisting, mailbox busy, rate limit). */
  | 'deferred'
  /** 5xx: the server refused this message or recipient for good. */
  | 'rejected'
  /** We could not build a sendable message (e.g. an invalid address). */
  | 'invalid_message';

const RETRYABLE: ReadonlySet<MailTransportErrorKind> = new Set(['connection', 'timeout', 'auth', 'deferred']);

export class MailTransportError extends Error {
  readonly kind: MailTransportErrorKind;
  readonly retryable: boolean;
  /** The SMTP reply code, when the server gave one. */
  readonly responseCode: number | null;

  constructor(kind: MailTransportErrorKind, message: string, opts: { responseCode?: number | null; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MailTransportError';
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
    this.responseCode = opts.responseCode ?? null;
  }
}

export function isMailTransportError(e: unknown): e is MailTransportError {
  return e instanceof MailTransportError;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const INVALID_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'ECONFIG', 'ESTREAM']);

/** RFC 5321: 5yz is a permanent refusal, except 503 (bad command sequence: a new session may do). */
const isPermanentReply = (code: number) => code >= 500 && code < 600 && code !== 503;

/** Maps whatever nodemailer threw to our error, keeping the server's reply as the message. */
export function toMailTransportError(err: unknown): MailTransportError {
  if (err instanceof MailTransportError) return err;
  const e = (err ?? {}) as NodemailerError;
  // A refused recipient arrives as EENVELOPE with the per-recipient reply inside.
  const replyCode = e.responseCode ?? e.rejectedErrors?.find((r) => r.responseCode)?.responseCode;
  const reply = (e.response ?? e.rejectedErrors?.find((r) => r.response)?.response ?? e.message ?? String(err)).trim();
  const make = (kind: MailTransportErrorKind, what: string) => new MailTransportError(kind, `${what}: ${reply}`, { responseCode: replyCode ?? null, cause: err });

  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return make('auth', 'SMTP authentication failed');
  if (replyCode) {
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : isPermanentReply(replyCode);
    return permanent ? make('rejected', `SMTP rejected the message (${replyCode})`) : make('deferred', `SMTP deferred the message (${replyCode})`);
  }
  if (e.code === 'ETIMEDOUT') return make('timeout', 'SMTP timed out');
  if (e.code && CONNECTION_CODES.has(e.code)) return make('connection', 'SMTP connection failed');
  if (e.code && INVALID_CODES.has(e.code)) return make('invalid_message', 'Message not sendable');
  // Unknown: assume transient. The job's last attempt still marks the email FAILED.
  return make('connection', 'SMTP send failed');
}

export interface MailTransportOptions {
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  /** Inactivity on an open connection, e.g. a server that stalls after DATA. */
  socketTimeoutMs?: number;
  maxConnections?: number;
}

/** Checked at boot so a typo in SMTP_URL fails loudly instead of on the first email. */
export function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL is not a URL (expected e.g. smtp://user:pass@smtp.example.com:587)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  return url;
}

const unconfigured: MailTransport = {
  configured: false,
  send: () => Promise.reject(new MailTransportError('not_configured', 'No SMTP server is configured (SMTP_URL is unset)')),
  close: () => {},
};

/**
 * `smtp://` upgrades with STARTTLS when the server offers it; `smtps://` (port 465) is TLS from the
 * start. A pool reuses connections across emails (fewer handshakes, kinder to rate limits); the
 * timeouts are far below nodemailer's defaults (2 min connect, 10 min idle) so a dead server fails
 * a job in seconds and graphile-worker's backoff takes over.
 */
export function createMailTransport(smtpUrl: string | undefined, opts: MailTransportOptions = {}): MailTransport {
  if (!smtpUrl) return unconfigured;
  parseSmtpUrl(smtpUrl);
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: opts.maxConnections ?? 3,
    maxMessages: 100,
    // Providers drop idle sessions after about a minute anyway; do not hold them longer.
    idleTimeout: 30_000,
    connectionTimeout: opts.connectionTimeoutMs ?? 10_000,
    greetingTimeout: opts.greetingTimeoutMs ?? 10_000,
    socketTimeout: opts.socketTimeoutMs ?? 60_000,
    dnsTimeout: 10_000,
    // One quiet retry covers a pooled connection the server closed while idle; anything more is
    // left to the job, whose backoff and attempts show in the outbox.
    maxRequeues: 1,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    configured: true,
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.messageId ? { messageId: mail.messageId } : {}),
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw toMailTransportError(err);
      }
    },
    close: () => transporter.close(),
  };
}
