import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderEmail } from './render';
import { closedPort, parseMail, startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';
import { SAMPLE } from './test-samples';
import { createMailTransport, MailTransportError, parseSmtpUrl, toMailTransportError, type MailTransport } from './transport';

async function failure(p: Promise<unknown>): Promise<MailTransportError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(MailTransportError);
  return err as MailTransportError;
}

const FROM = 'NumNinja <hello@numninja.test>';

describe('mail transport over real SMTP', () => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createMailTransport(smtp.url, { connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000 });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.rules.rcpt = undefined;
    smtp.rules.data = undefined;
  });

  it('delivers a text + HTML message, authenticating with the credentials in SMTP_URL', async () => {
    const email = renderEmail('orderConfirmation', { ...SAMPLE.orderConfirmation, name: 'Zoë <Ada>' });
    const before = smtp.messages.length;
    const sent = await transport.send({ from: FROM, to: 'ada@example.com', ...email, messageId: '<0192-abc@numninja.test>' });
    expect(sent.messageId).toBe('<0192-abc@numninja.test>');

    const [got] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(got).toMatchObject({ from: 'hello@numninja.test', to: ['ada@example.com'], auth: { user: 'mailer', pass: 's3cret:pass' } });
    const mail = parseMail(got!.raw);
    expect(mail.headers.get('to')).toBe('ada@example.com');
    expect(mail.headers.get('from')).toBe('NumNinja <hello@numninja.test>');
    expect(mail.headers.get('subject')).toBe('Order NN-7Q2K9 confirmed');
    expect(mail.headers.get('message-id')).toBe('<0192-abc@numninja.test>');
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(mail.text).toBe(email.text.replace(/\n/g, '\r\n'));
    expect(mail.html).toBe(email.html.replace(/\n/g, '\r\n'));
    expect(mail.html).toContain('Hi Zoë &lt;Ada&gt;,');
  });

  it('reuses one pooled connection for consecutive emails', async () => {
    const before = smtp.connections;
    for (let i = 0; i < 3; i++) await transport.send({ from: FROM, to: `n${i}@example.com`, subject: `#${i}`, text: 'hi' });
    expect(smtp.connections - before).toBeLessThanOrEqual(1);
  });

  it('reports a 5xx refusal of the recipient as permanent, with the server reply', async () => {
    smtp.rules.rcpt = (address) => (address === 'gone@example.com' ? '550 5.1.1 <gone@example.com>: Recipient address rejected' : undefined);
    const err = await failure(transport.send({ from: FROM, to: 'gone@example.com', subject: 'x', text: 'x' }));
    expect(err).toMatchObject({ kind: 'rejected', retryable: false, responseCode: 550 });
    expect(err.message).toContain('Recipient address rejected');
  });

  it('reports a 4xx reply as retryable', async () => {
    smtp.rules.data = () => '451 4.3.0 Mail server temporarily rejected message';
    const err = await failure(transport.send({ from: FROM, to: 'ada@example.com', subject: 'x', text: 'x' }));
    expect(err).toMatchObject({ kind: 'deferred', retryable: true, responseCode: 451 });
  });

  it('reports wrong credentials as retryable (fixing SMTP_URL lets the queue through)', async () => {
    const wrong = createMailTransport(smtp.url.replace('s3cret', 'wrong'));
    try {
      expect(await failure(wrong.send({ from: FROM, to: 'ada@example.com', subject: 'x', text: 'x' }))).toMatchObject({ kind: 'auth', retryable: true });
    } finally {
      wrong.close();
    }
  });
});

describe('mail transport failures without a server', () => {
  it('reports a refused connection as retryable', async () => {
    const transport = createMailTransport(`smtp://127.0.0.1:${await closedPort()}`, { connectionTimeoutMs: 2_000 });
    try {
      expect(await failure(transport.send({ from: FROM, to: 'a@example.com', subject: 'x', text: 'x' }))).toMatchObject({ kind: 'connection', retryable: true });
    } finally {
      transport.close();
    }
  });

  it('is unconfigured without SMTP_URL and says so when asked to send', async () => {
    const transport = createMailTransport(undefined);
    expect(transport.configured).toBe(false);
    expect(await failure(transport.send({ from: FROM, to: 'a@example.com', subject: 'x', text: 'x' }))).toMatchObject({ kind: 'not_configured', retryable: false });
  });

  it('refuses an SMTP_URL that is not smtp(s)', () => {
    expect(() => parseSmtpUrl('http://mail.example.com')).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createMailTransport('not a url')).toThrow(/not a URL/);
    expect(parseSmtpUrl('smtps://u:p@mail.example.com:465').port).toBe('465');
  });

  it('classifies nodemailer errors', () => {
    const err = (props: object) => Object.assign(new Error('boom'), props);
    expect(toMailTransportError(err({ code: 'ETIMEDOUT' }))).toMatchObject({ kind: 'timeout', retryable: true });
    expect(toMailTransportError(err({ code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Spam' }))).toMatchObject({ kind: 'rejected', retryable: false });
    // 503 is a bad command sequence, not a verdict on the message.
    expect(toMailTransportError(err({ code: 'EPROTOCOL', responseCode: 503, response: '503 5.5.1 Bad sequence' }))).toMatchObject({ kind: 'deferred', retryable: true });
    expect(toMailTransportError(err({ code: 'EENVELOPE' }))).toMatchObject({ kind: 'invalid_message', retryable: false });
    expect(toMailTransportError(new Error('???'))).toMatchObject({ retryable: true });
  });
});
