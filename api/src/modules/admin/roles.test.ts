import { describe, expect, it } from 'vitest';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';

const OVERVIEW = 'query { staffOverview { customers orders activeNumbers availableNumbers } }';

describe('role guards on staff fields', () => {
  const api = useTestApi();

  it('answers UNAUTHENTICATED when signed out', async () => {
    const res = await api.gql(OVERVIEW);
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('answers FORBIDDEN to a customer', async () => {
    const { token } = await signUpCustomer(api);
    const res = await api.gql(OVERVIEW, {}, { token });
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it.each(['SUPPORT', 'ADMIN'] as const)('lets %s staff read it', async (role) => {
    const { token } = await createSignedInUser(api, role);
    const res = await api.gql(OVERVIEW, {}, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.staffOverview.customers).toBeGreaterThanOrEqual(1);
  });

  it('keeps the staff session in its own cookie', async () => {
    const { email, password } = await createSignedInUser(api, 'SUPPORT');
    const res = await api.gql(
      'mutation($i: SignInInput!) { signIn(input: $i) { errors { code } } }',
      { i: { email, password } },
      { headers: { 'x-numninja-app': 'admin' } },
    );
    expect(res.headers.get('set-cookie')).toMatch(/^nn_staff_session=nns_/);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const asAdminApp = await api.gql(OVERVIEW, {}, { cookie, headers: { 'x-numninja-app': 'admin' } });
    expect(asAdminApp.body.errors).toBeUndefined();
    // The storefront reads its own cookie, so the staff cookie does not sign anyone in there.
    const asWeb = await api.gql('query { me { id } }', {}, { cookie, headers: { 'x-numninja-app': 'web' } });
    expect(asWeb.body.data!.me).toBeNull();
  });
});
