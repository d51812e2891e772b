// Structural on purpose: Apollo's error classes are not needed to describe one, and tests stay plain.
interface GraphQLErrorLike {
  message: string;
  extensions?: Readonly<Record<string, unknown>>;
}

interface ApolloErrorLike {
  networkError?: (Error & { statusCode?: number }) | null;
  graphQLErrors?: readonly GraphQLErrorLike[];
}

export interface Failure {
  message: string;
  /** Shown so a support request can be matched to the server log. */
  requestId: string | null;
}

export type DescribeFailure = (error: unknown) => Failure;

const BROKEN = 'Something went wrong on our side. Please try again in a moment.';

/**
 * Makes the function that explains an unexpected (non-`UserError`) failure in words people can act
 * on. `unreachable` is what each app says when the API cannot be reached, in its audience's words.
 */
export function failureDescriber({ unreachable }: { unreachable: string }): DescribeFailure {
  return (error) => {
    const apollo = (error ?? {}) as ApolloErrorLike;
    const network = apollo.networkError;
    if (network) {
      const status = network.statusCode;
      // Proxies answer 502/503/504 while the API restarts; that is "unreachable", not "broken".
      if (status === undefined || status === 502 || status === 503 || status === 504) {
        return { message: unreachable, requestId: null };
      }
      return { message: `${BROKEN} (HTTP ${status})`, requestId: null };
    }

    const first = apollo.graphQLErrors?.[0];
    if (first) {
      const requestId = first.extensions?.requestId;
      const id = typeof requestId === 'string' ? requestId : null;
      if (first.extensions?.code === 'UNAUTHENTICATED') {
        return { message: 'Your session has ended. Please sign in again.', requestId: id };
      }
      // Masked server faults ("Unexpected error. Reference: …") carry no useful text; the
      // reference is shown on its own line. Anything else was written for people.
      const message = first.extensions?.code === 'INTERNAL_SERVER_ERROR' ? BROKEN : first.message;
      return { message, requestId: id };
    }

    return { message: BROKEN, requestId: null };
  };
}
