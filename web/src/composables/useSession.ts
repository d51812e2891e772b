import { defineSession } from '@shared/defineSession';
import { useMutation } from '@vue/apollo-composable';
import { MeDocument, SignInDocument, SignOutDocument, SignUpDocument, type SignUpInput } from '../gql/graphql';

const session = defineSession({ me: MeDocument, signIn: SignInDocument, signOut: SignOutDocument });

/** For the router guard, which runs outside components. */
export const readSession = session.readSession;

/** The storefront's session: the shared one, plus sign-up (customers only; the console has none). */
export function useSession() {
  const base = session.useSession();
  const signUpMutation = useMutation(SignUpDocument, { throws: 'always' });

  async function signUp(input: SignUpInput) {
    const result = await signUpMutation.mutate({ input });
    return base.adopt(result?.data?.signUp);
  }

  return { ...base, signUp, signingUp: signUpMutation.loading };
}
