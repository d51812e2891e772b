import { describe, expect, it } from 'vitest';
import { SIGN_IN, SIGN_UP, signUpCustomer, useTestApi } from '../../test/api-harness';

const ME = 'query { me { id email name role createdAt } }';

describe('sign up', () => {
  const api = useTestApi();

  it('creates a customer, returns a token and sets an httpOnly SameSite session cookie', async () => {
    const res = await api.gql(SIGN_UP, { input: { email: '  Ada@Example.COM ', password: 'long-enough-pw', name: ' Ada ' } });
    expect(res.status).toBe(200);
    const payload = res.body.data!.signUp;
    expect(payload.errors).toEqual([]);
    expect(payload.user).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'CUSTOMER' });
    expect(payload.token).toMatch(/^nns_/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^nn_session=nns_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await api.db.prisma.session.findFirstOrThrow({ where: { userId: stored.id } });
    expect(session.tokenHash).not.toContain(payload.token);
  });

  it.each([
    [{ email: 'not-an-email', password: 'long-enough-pw', name: 'X' }, ['email']],
    [{ email: 'ok@example.com', password: 'short', name: 'X' }, ['password']],
    [{ email: 'ok@example.com', password: 'long-enough-pw', name: '   ' }, ['name']],
    [{ email: 'ok@example.com', password: 'x'.repeat(129), name: 'X' }, ['password']],
    [{ email: 'bad', password: 'short', name: '' }, ['email', 'password', 'name']],
  ])('refuses %j with VALIDATION on the field and writes nothing', async (input, fields) => {
    const before = await api.db.prisma.user.count();
    const res = await api.gql(SIGN_UP, { input });
    const payload = res.body.data!.signUp;
    expect(payload.user).toBeNull();
    expect(payload.token).toBeNull();
    expect(payload.errors.map((e: { code: string }) => e.code)).toEqual(fields.map(() => 'VALIDATION'));
    expect(payload.errors.map((e: { field: string[] }) => e.field[0])).toEqual(fields);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it('answers EMAIL_TAKEN for an existing email in any letter case', async () => {
    await api.gql(SIGN_UP, { input: { email: 'taken@example.com', password: 'long-enough-pw', name: 'First' } });
    const before = await api.db.prisma.user.count();
    const res = await api.gql(SIGN_UP, { input: { email: 'TAKEN@example.com', password: 'another-password', name: 'Second' } });
    expect(res.body.data!.signUp.errors).toEqual([
      { code: 'EMAIL_TAKEN', message: 'An account with this email already exists.', field: ['email'] },
    ]);
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it('gives exactly one account when two sign-ups race for one email', async () => {
    const input = { email: 'race@example.com', password: 'long-enough-pw', name: 'Racer' };
    const results = await Promise.all(Array.from({ length: 5 }, () => api.gql(SIGN_UP, { input })));
    const codes = results.map((r) => r.body.data!.signUp.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'OK']);
    expect(await api.db.prisma.user.count({ where: { email: 'race@example.com' } })).toBe(1);
  });

  it('refuses sign-up through the staff console', async () => {
    const res = await api.gql(
      SIGN_UP,
      { input: { email: 'sneaky@example.com', password: 'long-enough-pw', name: 'Sneaky' } },
      { headers: { 'x-numninja-app': 'admin' } },
    );
    expect(res.body.data!.signUp.errors[0].code).toBe('FORBIDDEN');
    expect(await api.db.prisma.user.count({ where: { email: 'sneaky@example.com' } })).toBe(0);
  });
});

describe('sign in, me and sign out', () => {
  const api = useTestApi();

  it('signs in with the right password and reads me by bearer token and by cookie', async () => {
    const { email } = await signUpCustomer(api, 'Grace');
    const res = await api.gql(SIGN_IN, { input: { email: email.toUpperCase(), password: 'correct-horse-battery' } });
    const { token, errors } = res.body.data!.signIn;
    expect(errors).toEqual([]);

    const byBearer = await api.gql(ME, {}, { token });
    expect(byBearer.body.data!.me).toMatchObject({ email, name: 'Grace', role: 'CUSTOMER' });

    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const byCookie = await api.gql(ME, {}, { cookie });
    expect(byCookie.body.data!.me.email).toBe(email);
  });

  it('answers INVALID_CREDENTIALS the same way for a wrong password and an unknown email', async () => {
    const { email } = await signUpCustomer(api);
    const wrong = await api.gql(SIGN_IN, { input: { email, password: 'wrong-password' } });
    const unknown = await api.gql(SIGN_IN, { input: { email: 'nobody@example.com', password: 'wrong-password' } });
    expect(wrong.body.data!.signIn).toEqual(unknown.body.data!.signIn);
    expect(wrong.body.data!.signIn.errors).toEqual([
      { code: 'INVALID_CREDENTIALS', message: 'The email or password is incorrect.', field: null },
    ]);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('returns null for me when signed out or with a bogus token', async () => {
    expect((await api.gql(ME)).body.data!.me).toBeNull();
    expect((await api.gql(ME, {}, { token: 'nns_bogus' })).body.data!.me).toBeNull();
    expect((await api.gql(ME, {}, { cookie: 'nn_session=garbage' })).body.data!.me).toBeNull();
  });

  it('ends the session on sign out: the token stops working and the cookie is cleared', async () => {
    const { token } = await signUpCustomer(api);
    const out = await api.gql('mutation { signOut { ok errors { code } } }', {}, { token });
    expect(out.body.data!.signOut).toEqual({ ok: true, errors: [] });
    expect(out.headers.get('set-cookie')).toMatch(/nn_session=;/);
    expect((await api.gql(ME, {}, { token })).body.data!.me).toBeNull();
  });

  it('keeps two customers apart: each token sees only its own account, and one signing out leaves the other', async () => {
    const a = await signUpCustomer(api, 'Alice');
    const b = await signUpCustomer(api, 'Bob');
    expect((await api.gql(ME, {}, { token: a.token })).body.data!.me.id).toBe(a.userId);
    expect((await api.gql(ME, {}, { token: b.token })).body.data!.me.id).toBe(b.userId);
    await api.gql('mutation { signOut { ok } }', {}, { token: a.token });
    expect((await api.gql(ME, {}, { token: a.token })).body.data!.me).toBeNull();
    expect((await api.gql(ME, {}, { token: b.token })).body.data!.me.id).toBe(b.userId);
  });

  it('refuses a customer in the staff console without creating a session', async () => {
    const { email, userId } = await signUpCustomer(api);
    const sessionsBefore = await api.db.prisma.session.count({ where: { userId } });
    const res = await api.gql(
      SIGN_IN,
      { input: { email, password: 'correct-horse-battery' } },
      { headers: { 'x-numninja-app': 'admin' } },
    );
    expect(res.body.data!.signIn.errors[0]).toMatchObject({ code: 'FORBIDDEN', message: 'This console is for NumNinja staff only.' });
    expect(res.body.data!.signIn.token).toBeNull();
    expect(await api.db.prisma.session.count({ where: { userId } })).toBe(sessionsBefore);
  });
});

describe('sign-in throttling', () => {
  const api = useTestApi({ SIGNIN_MAX_FAILURES_PER_EMAIL: '3', SIGNIN_MAX_FAILURES_PER_IP: '8' });

  it('blocks an email after repeated failures, even with the right password, without touching other emails', async () => {
    const victim = await signUpCustomer(api);
    for (let i = 0; i < 3; i++) {
      const r = await api.gql(SIGN_IN, { input: { email: victim.email, password: `wrong-${i}` } });
      expect(r.body.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await api.gql(SIGN_IN, { input: { email: victim.email, password: 'correct-horse-battery' } });
    expect(blocked.body.data!.signIn.errors[0].code).toBe('RATE_LIMITED');
    expect(blocked.body.data!.signIn.errors[0].message).toMatch(/Try again in \d+ (minutes|seconds)/);
    expect(blocked.body.data!.signIn.token).toBeNull();

    const other = await signUpCustomer(api);
    const fine = await api.gql(SIGN_IN, { input: { email: other.email, password: 'correct-horse-battery' } });
    expect(fine.body.data!.signIn.errors).toEqual([]);
  });

  it('blocks an IP that fails across many emails', async () => {
    // 3 failures were spent by the previous test from the same IP.
    for (let i = 0; i < 5; i++) {
      await api.gql(SIGN_IN, { input: { email: `spray-${i}@example.com`, password: 'whatever-pw' } });
    }
    const fresh = await signUpCustomer(api);
    const res = await api.gql(SIGN_IN, { input: { email: fresh.email, password: 'correct-horse-battery' } });
    expect(res.body.data!.signIn.errors[0].code).toBe('RATE_LIMITED');
  });
});
