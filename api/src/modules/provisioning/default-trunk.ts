import { findOrCreateVoiceInTrunk, type DidwwProvider } from '../../integrations/didww';

/** Our reference on the trunk at DIDWW: how any process, after any crash, finds the one we made. */
export const DEFAULT_TRUNK_REFERENCE = 'numninja-default-voice-in';
const DEFAULT_TRUNK_NAME = 'NumNinja default inbound';

/**
 * The voice-in trunk a new number is routed to until its owner configures forwarding (per DIDWW, a
 * DID without a trunk drops its calls). One trunk for all numbers, found by its external reference
 * or created once (findOrCreateVoiceInTrunk settles races), then remembered by this process.
 */
export class DefaultTrunk {
  private id: string | null = null;

  constructor(
    private readonly didww: DidwwProvider,
    private readonly sipHost: string,
  ) {}

  async ensure(): Promise<string> {
    if (this.id) return this.id;
    const { trunk } = await findOrCreateVoiceInTrunk(this.didww, DEFAULT_TRUNK_REFERENCE, {
      name: DEFAULT_TRUNK_NAME,
      externalReferenceId: DEFAULT_TRUNK_REFERENCE,
      description: 'Calls to numbers without forwarding land here.',
      configuration: { type: 'sip_configurations', username: 'numninja', host: this.sipHost },
    });
    return (this.id = trunk.id);
  }
}
