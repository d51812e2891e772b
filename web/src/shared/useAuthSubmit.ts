import { useMessage } from 'naive-ui';
import { shallowRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { AuthPayload } from './defineSession';
import type { DescribeFailure, Failure } from './failure';
import { safeRedirect } from './safeRedirect';

export interface AuthSubmitOptions<U> {
  /** The toast after success, e.g. "Welcome back, Ada." */
  greet: (user: U) => string;
  /** Where to go after success when there is no safe `?redirect=`. */
  home: string;
  describeFailure: DescribeFailure;
}

/**
 * The submit flow of the sign-in and sign-up pages: expected errors go back to the form,
 * unexpected ones become a retryable alert, success continues to the `?redirect=` target.
 */
export function useAuthSubmit<I, U, E>(action: (input: I) => Promise<AuthPayload<U, E> | null>, options: AuthSubmitOptions<U>) {
  const route = useRoute();
  const router = useRouter();
  const message = useMessage();
  const userErrors = shallowRef<readonly E[]>([]);
  const failure = shallowRef<Failure | null>(null);
  let lastInput: I | null = null;

  async function submit(input: I) {
    lastInput = input;
    failure.value = null;
    try {
      const result = await action(input);
      if (result && result.errors.length > 0) {
        userErrors.value = result.errors;
      } else if (result?.user) {
        message.success(options.greet(result.user));
        await router.replace(safeRedirect(route.query.redirect, options.home));
      } else {
        failure.value = options.describeFailure(null);
      }
    } catch (error) {
      failure.value = options.describeFailure(error);
    }
  }

  return {
    userErrors,
    failure,
    submit,
    retry: () => (lastInput === null ? undefined : submit(lastInput)),
  };
}
