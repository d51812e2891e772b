import { failureDescriber } from '@shared/failure';

// The console names the API itself: staff can tell an outage from a problem with their machine.
export const describeFailure = failureDescriber({
  unreachable: 'We couldn’t reach the NumNinja API. Check your connection and try again.',
});
