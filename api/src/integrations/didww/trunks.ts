import { isDidwwError } from './errors';
import type { DidwwProvider } from './provider';
import type { VoiceInTrunk, VoiceInTrunkInput } from './types';

/**
 * Our voice-in trunk with this external reference: found, or created. Two creators racing (or a
 * crashed run that created it after our lookup) end with the loser finding the winner's trunk,
 * because DIDWW refuses a second trunk of the same name.
 */
export async function findOrCreateVoiceInTrunk(
  didww: DidwwProvider,
  externalReferenceId: string,
  input: VoiceInTrunkInput,
): Promise<{ trunk: VoiceInTrunk; created: boolean }> {
  const found = await didww.findVoiceInTrunkByExternalReference(externalReferenceId);
  if (found) return { trunk: found, created: false };
  try {
    return { trunk: await didww.createVoiceInTrunk(input), created: true };
  } catch (err) {
    if (!isDidwwError(err, 'validation')) throw err;
    const raced = await didww.findVoiceInTrunkByExternalReference(externalReferenceId);
    if (!raced) throw err;
    return { trunk: raced, created: false };
  }
}
