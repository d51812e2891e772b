import type { ApolloClient, Unmasked } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';

type NoVariables = { [key: string]: never };
type MeResult<U> = { __typename: 'Query'; me: U | null };

/** The shape of `signIn` / `signUp` payloads, as each app's generated types spell it. */
export interface AuthPayload<U, E> {
  user: U | null;
  errors: readonly E[];
}

/**
 * Each app's own session documents (codegen types them per app): who is signed in, sign in and
 * sign out. `U` is the app's user fragment, `E` its `UserError` fragment, `I` the sign-in input.
 */
export interface SessionDocuments<U, E, I> {
  me: TypedDocumentNode<MeResult<U>, NoVariables>;
  signIn: TypedDocumentNode<{ signIn: AuthPayload<U, E> }, { input: I }>;
  signOut: TypedDocumentNode<{ signOut: { ok: boolean; errors: readonly E[] } }, NoVariables>;
}

export interface SessionOptions<U, E> {
  /** An error when this app must not keep `user` signed in (a role check); null lets them in. */
  refuse?: (user: U) => E | null;
}

/**
 * The signed-in account of one app, from its documents: `readSession` for router guards (outside
 * components), `useSession` for components. Everything reads `me` through the Apollo cache, so the
 * header, the guard and the pages update together.
 */
export function defineSession<U, E, I>(documents: SessionDocuments<U, E, I>, options: SessionOptions<U, E> = {}) {
  /** Puts the user in the cache so every `me` reader updates at once. */
  function rememberUser(client: ApolloClient<unknown>, user: U | null) {
    // Codegen masks no fragments here (`fragmentMasking: false`); TS just cannot see that through `U`.
    const data = { __typename: 'Query', me: user } as Unmasked<MeResult<U>>;
    client.writeQuery({ query: documents.me, data });
  }

  /**
   * Forgets everything the previous account could see. `resetStore` rather than `clearStore`: the
   * latter leaves active queries marked as loading, so the header would keep showing the old user.
   * Its refetch asks the API again, which now answers `me: null`.
   */
  async function forgetUser(client: ApolloClient<unknown>) {
    try {
      await client.resetStore();
    } catch {
      rememberUser(client, null);
    }
  }

  /**
   * Reads the signed-in user once (or from cache). `failed` when the API could not be asked: the
   * guard then lets the page load so it can show the error and a retry.
   */
  async function readSession(client: ApolloClient<unknown>): Promise<{ user: U | null; failed: boolean }> {
    try {
      const { data } = await client.query({ query: documents.me, fetchPolicy: 'cache-first' });
      return { user: data.me, failed: false };
    } catch {
      return { user: null, failed: true };
    }
  }

  function useSession() {
    const { resolveClient } = useApolloClient();
    const me = useQuery(documents.me, null, { fetchPolicy: 'cache-first' });
    const signInMutation = useMutation(documents.signIn, { throws: 'always' });
    const signOutMutation = useMutation(documents.signOut, { throws: 'always' });

    /** Remembers the user of a successful sign-in or sign-up payload; passes the payload on. */
    function adopt(payload: AuthPayload<U, E> | null | undefined): AuthPayload<U, E> | null {
      if (!payload?.user || payload.errors.length > 0) return payload ?? null;
      const refusal = options.refuse?.(payload.user);
      if (refusal) return { user: null, errors: [refusal] };
      rememberUser(resolveClient(), payload.user);
      return payload;
    }

    async function signIn(input: I) {
      const result = await signInMutation.mutate({ input });
      return adopt(result?.data?.signIn);
    }

    /**
     * `leave` runs after the server ended the session but before the cache forgets the user, so a
     * signed-in-only page can navigate away instead of reacting to `me` turning null.
     */
    async function signOut(leave?: () => Promise<unknown>) {
      const result = await signOutMutation.mutate();
      const payload = result?.data?.signOut ?? null;
      if (!payload || payload.errors.length > 0) return payload;
      await leave?.();
      await forgetUser(resolveClient());
      return payload;
    }

    return {
      user: computed(() => me.result.value?.me ?? null),
      loading: me.loading,
      error: me.error,
      refetch: () => me.refetch(),
      adopt,
      signIn,
      signOut,
      signingIn: signInMutation.loading,
      signingOut: signOutMutation.loading,
    };
  }

  return { readSession, useSession };
}
