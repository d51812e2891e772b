import { describe, expect, it } from 'vitest';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';

describe('audit log', () => {
  const api = useTestApi();

  it('lists staff actions newest first for staff only, filterable and paged', async () => {
    const staff = await createSignedInUser(api, 'ADMIN');
    const actor = { userId: staff.userId!, ip: '127.0.0.1', requestId: 'r1' };
    for (let i = 0; i < 3; i++) {
      await api.server.services.audit.record(actor, { action: `demo.step${i}`, targetType: 'Demo', targetId: `d${i}`, data: { i } });
    }
    await api.server.services.audit.record(actor, { action: 'other.thing', targetType: 'Other' });
    const q = `query($t: String, $a: String, $after: String) { auditLog(targetType: $t, action: $a, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { action targetId data actor { email } } } } }`;
    const p1 = (await api.gql(q, { t: 'Demo' }, { token: staff.token })).body.data!.auditLog;
    expect(p1.totalCount).toBe(3);
    expect(p1.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['demo.step2', 'demo.step1']);
    expect(p1.edges[0].node).toMatchObject({ targetId: 'd2', data: { i: 2 }, actor: { email: staff.email } });
    const p2 = (await api.gql(q, { t: 'Demo', after: p1.pageInfo.endCursor }, { token: staff.token })).body.data!.auditLog;
    expect(p2.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['demo.step0']);
    expect((await api.gql(q, { a: 'other' }, { token: staff.token })).body.data!.auditLog.totalCount).toBe(1);

    const customer = await signUpCustomer(api);
    expect((await api.gql(q, {}, { token: customer.token })).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
