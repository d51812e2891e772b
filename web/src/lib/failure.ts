import { failureDescriber } from '@shared/failure';

export const describeFailure = failureDescriber({
  unreachable: 'We couldn’t reach NumNinja. Check your connection and try again.',
});
