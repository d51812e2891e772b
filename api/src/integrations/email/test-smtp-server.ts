/**
 * A tiny SMTP receiver for tests: the real protocol over a real socket on port 0, so the
 * transport is exercised end to end (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA with dot-stuffing,
 * QUIT) without a dependency. It keeps what it receives and can be told to refuse recipients or
 * messages with any reply, to drive the retry/permanent-failure paths. Not for production.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message exactly as sent after DATA, dot-stuffing removed, CRLF line ends. */
  raw: string;
  auth: { user: string; pass: string } | null;
}

export interface TestSmtpRules {
  /** Reply to RCPT TO for this address instead of 250, e.g. "550 5.1.1 No such user". */
  rcpt?: (address: string) => string | undefined;
  /** Reply to the end of DATA instead of 250, e.g. "451 4.3.0 Try again later". */
  data?: (raw: string) => string | undefined;
}

export interface TestSmtpServer {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  messages: ReceivedMail[];
  rules: TestSmtpRules;
  /** Connections accepted so far (pooling reuses one). */
  readonly connections: number;
  /** Resolves once `count` messages have arrived in all. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

export async function startTestSmtpServer(opts: { user?: string; pass?: string } = {}): Promise<TestSmtpServer> {
  const user = opts.user ?? 'mailer';
  const pass = opts.pass ?? 's3cret:pass';
  const messages: ReceivedMail[] = [];
  const rules: TestSmtpRules = {};
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  let connections = 0;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    connections += 1;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let mode: 'command' | 'data' | 'auth-plain' | 'auth-login-user' | 'auth-login-pass' = 'command';
    let loginUser = '';
    let auth: ReceivedMail['auth'] = null;
    let envelope: { from: string; to: string[] } | null = null;
    let data: string[] = [];

    const checkAuth = (u: string, p: string) => {
      if (u === user && p === pass) {
        auth = { user: u, pass: p };
        reply('235 2.7.0 Authentication successful');
      } else reply('535 5.7.8 Authentication credentials invalid');
    };

    const onLine = (line: string) => {
      if (mode === 'data') {
        if (line !== '.') return void data.push(line.startsWith('.') ? line.slice(1) : line);
        mode = 'command';
        const raw = data.join('\r\n') + '\r\n';
        const refusal = rules.data?.(raw);
        if (refusal) return void reply(refusal);
        messages.push({ from: envelope!.from, to: envelope!.to, raw, auth });
        envelope = null;
        reply(`250 2.0.0 Ok: queued as T${messages.length}`);
        for (const wake of waiters) wake();
        return;
      }
      if (mode === 'auth-plain') {
        mode = 'command';
        const [, u = '', p = ''] = b64(line).split('\0');
        return checkAuth(u, p);
      }
      if (mode === 'auth-login-user') {
        loginUser = b64(line);
        mode = 'auth-login-pass';
        return void reply(`334 ${Buffer.from('Password:').toString('base64')}`);
      }
      if (mode === 'auth-login-pass') {
        mode = 'command';
        return checkAuth(loginUser, b64(line));
      }
      const [verb = '', ...rest] = line.split(' ');
      const arg = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          return void socket.write('250-test-smtp greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760\r\n');
        case 'HELO':
          return void reply('250 test-smtp');
        case 'AUTH': {
          const [mech = '', initial] = arg.split(' ');
          if (mech.toUpperCase() === 'PLAIN') {
            if (!initial) return void ((mode = 'auth-plain'), reply('334 '));
            const [, u = '', p = ''] = b64(initial).split('\0');
            return checkAuth(u, p);
          }
          if (mech.toUpperCase() === 'LOGIN') {
            if (initial) return void ((loginUser = b64(initial)), (mode = 'auth-login-pass'), reply(`334 ${Buffer.from('Password:').toString('base64')}`));
            mode = 'auth-login-user';
            return void reply(`334 ${Buffer.from('Username:').toString('base64')}`);
          }
          return void reply('504 5.5.4 Unrecognized authentication type');
        }
        case 'MAIL':
          envelope = { from: /<([^>]*)>/.exec(arg)?.[1] ?? '', to: [] };
          return void reply('250 2.1.0 Ok');
        case 'RCPT': {
          if (!envelope) return void reply('503 5.5.1 Need MAIL first');
          const address = /<([^>]*)>/.exec(arg)?.[1] ?? '';
          const refusal = rules.rcpt?.(address);
          if (refusal) return void reply(refusal);
          envelope.to.push(address);
          return void reply('250 2.1.5 Ok');
        }
        case 'DATA':
          if (!envelope || envelope.to.length === 0) return void reply('554 5.5.1 No valid recipients');
          mode = 'data';
          data = [];
          return void reply('354 End data with <CR><LF>.<CR><LF>');
        case 'RSET':
          envelope = null;
          return void reply('250 2.0.0 Ok');
        case 'NOOP':
          return void reply('250 2.0.0 Ok');
        case 'QUIT':
          reply('221 2.0.0 Bye');
          return void socket.end();
        default:
          return void reply('502 5.5.2 Command not recognized');
      }
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        onLine(line);
      }
    });
    reply('220 test-smtp ESMTP ready');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    rules,
    get connections() {
      return connections;
    },
    waitForMessages(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nobody listens on (bound, read, released): connecting to it is refused, like a down server. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The parts of a received message a test checks: decoded headers, text and HTML bodies. */
export interface ParsedMail {
  headers: Map<string, string>;
  text: string | null;
  html: string | null;
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !headers.has(line.slice(0, colon).toLowerCase())) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? '' : raw.slice(at + 4) };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r\n/g, '');
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`), as nodemailer writes a non-ASCII subject. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')));
}

export function parseMail(raw: string): ParsedMail {
  const top = splitEntity(raw);
  const out: ParsedMail = { headers: new Map([...top.headers].map(([k, v]) => [k, decodeHeader(v)])), text: null, html: null };
  const walk = (headers: Map<string, string>, body: string) => {
    const type = headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      const parts = body.split(`--${boundary}`).slice(1);
      for (const part of parts) {
        if (part.startsWith('--')) break;
        const entity = splitEntity(part.replace(/^\r\n/, '').replace(/\r\n$/, ''));
        walk(entity.headers, entity.body);
      }
      return;
    }
    if (type.toLowerCase().startsWith('text/html')) out.html ??= decodeBody(headers, body);
    else if (type.toLowerCase().startsWith('text/plain')) out.text ??= decodeBody(headers, body);
  };
  walk(top.headers, top.body);
  return out;
}
