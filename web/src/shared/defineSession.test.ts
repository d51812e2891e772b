import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client/core';
import { provideApolloClient } from '@vue/apollo-composable';
import { describe, expect, it } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { MeDocument, SignInDocument, SignOutDocument, type SessionUserFragment, type UserErrorFieldsFragment } from '../gql/graphql';
import { defineSession, type SessionOptions } from './defineSession';

const documents = { me: MeDocument, signIn: SignInDocument, signOut: SignOutDocument };

const account = (role: 'CUSTOMER' | 'ADMIN') => ({
  __typename: 'User' as const,
  id: `user-${role}`,
  email: `${role.toLowerCase()}@numninja.test`,
  name: role === 'ADMIN' ? 'Grace Hopper' : 'Ada Lovelace',
  role,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** An Apollo client whose "API" answers each operation by name. */
function clientAnswering(answers: Record<string, () => FetchResult>) {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const answer = answers[operation.operationName];
        if (!answer) {
          observer.error(new TypeError('Failed to fetch'));
          return;
        }
        observer.next(answer());
        observer.complete();
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

const signedOut = () => ({ data: { me: null } });
const signedIn = (role: 'CUSTOMER' | 'ADMIN') => () => ({
  data: { signIn: { __typename: 'AuthPayload', user: account(role), errors: [] } },
});

function startSession(client: ApolloClient<unknown>, options: SessionOptions<SessionUserFragment, UserErrorFieldsFragment> = {}) {
  const scope = effectScope();
  const session = provideApolloClient(client)(() => scope.run(() => defineSession(documents, options).useSession()));
  if (!session) throw new Error('the effect scope did not run');
  return session;
}

const staffOnly: UserErrorFieldsFragment = { __typename: 'UserError', code: 'FORBIDDEN', message: 'Staff only.', field: null };

describe('defineSession', () => {
  it('remembers who signed in, so every `me` reader updates without asking the API again', async () => {
    const client = clientAnswering({ Me: signedOut, SignIn: signedIn('ADMIN') });
    const session = startSession(client);

    const payload = await session.signIn({ email: 'admin@numninja.test', password: 'pw' });
    await nextTick();

    expect(payload?.user?.name).toBe('Grace Hopper');
    expect(session.user.value?.name).toBe('Grace Hopper');
  });

  it('refuses an account the app turns away even if the API signed it in, and does not remember it', async () => {
    const client = clientAnswering({ Me: signedOut, SignIn: signedIn('CUSTOMER') });
    const session = startSession(client, { refuse: (user) => (user.role === 'CUSTOMER' ? staffOnly : null) });

    const payload = await session.signIn({ email: 'customer@numninja.test', password: 'pw' });
    await nextTick();

    expect(payload).toEqual({ user: null, errors: [staffOnly] });
    expect(session.user.value).toBeNull();
    expect(client.readQuery({ query: MeDocument })?.me ?? null).toBeNull();
  });

  it('passes the API’s own refusal on as it came', async () => {
    const refusal = { __typename: 'UserError', code: 'FORBIDDEN', message: 'This console is for NumNinja staff only.', field: null };
    const client = clientAnswering({
      Me: signedOut,
      SignIn: () => ({ data: { signIn: { __typename: 'AuthPayload', user: null, errors: [refusal] } } }),
    });
    const session = startSession(client, { refuse: () => staffOnly });

    expect(await session.signIn({ email: 'customer@numninja.test', password: 'pw' })).toMatchObject({ user: null, errors: [refusal] });
  });

  it('tells the router guard when the API could not be asked', async () => {
    const { readSession } = defineSession(documents);
    expect(await readSession(clientAnswering({}))).toEqual({ user: null, failed: true });
    expect(await readSession(clientAnswering({ Me: signedOut }))).toEqual({ user: null, failed: false });
  });
});
