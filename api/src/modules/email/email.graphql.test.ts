import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateData, TemplateName } from '../../integrations/email';
import { parseMail, startTestSmtpServer } from '../../integrations/email/test-smtp-server';
import { SAMPLE } from '../../integrations/email/test-samples';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { runEmailJobs, sendJobs } from './test-support';

const EMAIL_FIELDS = 'id to template subject textBody htmlBody status attempts lastError sentAt createdAt user { id email name }';
const OUTBOX = `query($status: EmailStatus, $search: String, $first: Int, $after: String) {
  emailOutbox(status: $status, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id to subject status } }
  }
}`;
const EMAIL = `query($id: ID!) { email(id: $id) { ${EMAIL_FIELDS} } }`;
const RESEND = `mutation($id: ID!) { resendEmail(id: $id) { email { id status } errors { code message field } } }`;
const NO_ID = '00000000-0000-7000-8000-000000000000';

// The API's EmailService sends here, as it would to a real SMTP relay.
const smtp = await startTestSmtpServer();
afterAll(() => smtp.close());

describe('email outbox over GraphQL', () => {
  const api = useTestApi({ SMTP_URL: smtp.url, EMAIL_FROM: 'NumNinja <hello@numninja.test>' });
  let staff: { token: string; userId: string | undefined };
  let customer: { token: string; userId: string; email: string };
  const ids: Record<string, string> = {};

  const queue = async <T extends TemplateName>(key: string, to: string, template: T, data: TemplateData[T], userId: string | null) => {
    const { email } = await api.db.prisma.$transaction((tx) => api.server.services.email.queue(tx, { to, template, data, userId }));
    ids[key] = email.id;
    // Distinct createdAt milliseconds, so "newest first" is unambiguous.
    await new Promise((r) => setTimeout(r, 5));
  };

  beforeAll(async () => {
    staff = await createSignedInUser(api, 'SUPPORT');
    customer = await signUpCustomer(api, 'Grace Hopper');
    await queue('confirmation', customer.email, 'orderConfirmation', { ...SAMPLE.orderConfirmation, name: 'Grace Hopper' }, customer.userId);
    await queue('refund', customer.email, 'refundIssued', { ...SAMPLE.refundIssued, name: 'Grace Hopper' }, customer.userId);
    await queue('alert', 'ops@numninja.test', 'provisioningFailed', SAMPLE.provisioningFailed, null);
    // The first one bounced for good; the others wait for the worker (none runs in this test API).
    await api.db.prisma.emailOutbox.update({ where: { id: ids.confirmation! }, data: { status: 'FAILED', attempts: 1, lastError: 'SMTP rejected the message (550): mailbox full' } });
    await api.db.prisma.$executeRaw`SELECT graphile_worker.remove_job(${`send-email:${ids.confirmation}`})`;
  });

  it('is staff only: customers get FORBIDDEN, the signed-out UNAUTHENTICATED', async () => {
    for (const [query, variables] of [[OUTBOX, {}], [EMAIL, { id: ids.confirmation }], [RESEND, { id: ids.confirmation }]] as const) {
      expect((await api.gql(query, variables, { token: customer.token })).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await api.gql(query, variables)).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(await api.db.prisma.emailOutbox.count({ where: { status: 'FAILED' } })).toBe(1);
  });

  it('lists the outbox newest first, filters by status and by address or subject, and pages', async () => {
    const list = async (variables: Record<string, unknown>) => (await api.gql(OUTBOX, variables, { token: staff.token })).body.data!.emailOutbox;
    const all = await list({});
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.alert, ids.refund, ids.confirmation]);

    expect(await list({ status: 'FAILED' })).toMatchObject({ totalCount: 1, edges: [{ node: { id: ids.confirmation, status: 'FAILED', to: customer.email } }] });
    expect((await list({ status: 'PENDING' })).totalCount).toBe(2);
    expect((await list({ search: customer.email.toUpperCase().slice(0, 12) })).totalCount).toBe(2);
    expect(await list({ search: 'refund of' })).toMatchObject({ totalCount: 1, edges: [{ node: { id: ids.refund } }] });
    expect(await list({ search: 'OPS@', status: 'PENDING' })).toMatchObject({ totalCount: 1, edges: [{ node: { id: ids.alert } }] });
    // LIKE wildcards in the search are literal characters.
    expect((await list({ search: '%' })).totalCount).toBe(0);
    expect((await list({ search: 'nn-7q2k9' })).totalCount).toBe(3);
    expect((await list({ search: 'NN_7Q2K9' })).totalCount).toBe(0);

    const page1 = await list({ first: 2 });
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
    expect(page2).toMatchObject({ pageInfo: { hasNextPage: false, hasPreviousPage: true }, edges: [{ node: { id: ids.confirmation } }] });

    const bad = await api.gql(OUTBOX, { first: 101 }, { token: staff.token });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field: ['first'] });
  });

  it('shows one email with its rendered parts and its account', async () => {
    const one = (await api.gql(EMAIL, { id: ids.confirmation }, { token: staff.token })).body.data!.email;
    expect(one).toMatchObject({
      id: ids.confirmation, to: customer.email, template: 'orderConfirmation', subject: 'Order NN-7Q2K9 confirmed',
      status: 'FAILED', attempts: 1, lastError: 'SMTP rejected the message (550): mailbox full', sentAt: null,
      user: { id: customer.userId, email: customer.email, name: 'Grace Hopper' },
    });
    expect(one.textBody).toContain('Hi Grace Hopper,');
    expect(one.htmlBody).toContain('<!doctype html>');
    expect((await api.gql(EMAIL, { id: ids.alert }, { token: staff.token })).body.data!.email).toMatchObject({ to: 'ops@numninja.test', user: null });
    expect((await api.gql(EMAIL, { id: 'nope' }, { token: staff.token })).body.data!.email).toBeNull();
    expect((await api.gql(EMAIL, { id: NO_ID }, { token: staff.token })).body.data!.email).toBeNull();
  });

  it('resends a failed email: back to PENDING with a job and an audit entry, then delivered by the worker', async () => {
    const res = (await api.gql(RESEND, { id: ids.confirmation }, { token: staff.token })).body.data!.resendEmail;
    expect(res).toEqual({ email: { id: ids.confirmation, status: 'PENDING' }, errors: [] });
    expect((await sendJobs(api.db.prisma)).map((j) => j.key)).toContain(`send-email:${ids.confirmation}`);
    expect(await api.db.prisma.auditLog.findFirst({ where: { action: 'email.resend', targetId: ids.confirmation } })).toMatchObject({
      actorId: staff.userId, targetType: 'EmailOutbox', data: { previousStatus: 'FAILED' },
    });

    await runEmailJobs(api.config.DATABASE_URL!, api.server.services.email);
    const delivered = smtp.messages.map((m) => parseMail(m.raw));
    expect(delivered.map((m) => m.headers.get('subject')).sort()).toEqual(['Order NN-7Q2K9 confirmed', 'Provisioning failed: +442079460018 (order NN-7Q2K9)', 'Refund of $6.00 for order NN-7Q2K9']);
    const sent = (await api.gql(EMAIL, { id: ids.confirmation }, { token: staff.token })).body.data!.email;
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(sent.sentAt).not.toBeNull();

    const again = (await api.gql(RESEND, { id: ids.confirmation }, { token: staff.token })).body.data!.resendEmail;
    expect(again).toMatchObject({ email: null, errors: [{ code: 'VALIDATION', field: ['id'], message: expect.stringMatching(/already sent/) }] });
    const missing = (await api.gql(RESEND, { id: NO_ID }, { token: staff.token })).body.data!.resendEmail;
    expect(missing).toMatchObject({ email: null, errors: [{ code: 'NOT_FOUND' }] });
  });
});
