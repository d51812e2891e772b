import { isDidwwError, type DidwwProvider } from '../../integrations/didww';

/** Our reference on the trunk at DIDWW: how any process, after any crash, finds the one we made. */
export const DEFAULT_TRUNK_REFERENCE = 'numninja-default-voice-in';
const DEFAULT_TRUNK_NAME = 'NumNinja default inbound';

/**
 * The voice-in trunk a new number is routed to until its owner configures forwarding (per DIDWW, a
 * DID without a trunk drops its calls). One trunk for all numbers, found by its external reference
 * or created once; a race between two creators ends with the loser finding the winner's trunk
 * (DIDWW refuses a second trunk of the same name).
 */
export class DefaultTrunk {
  private id: string | null = null;

  constructor(
    private readonly didww: DidwwProvider,
    private readonly sipHost: string,
  ) {}

  async ensure(): Promise<string> {
    if (this.id) return this.id;
    const found = await this.didww.findVoiceInTrunkByExternalReference(DEFAULT_TRUNK_REFERENCE);
    if (found) return (this.id = found.id);
    try {
      const created = await this.didww.createVoiceInTrunk({
        name: DEFAULT_TRUNK_NAME,
        externalReferenceId: DEFAULT_TRUNK_REFERENCE,
        description: 'Calls to numbers without forwarding land here.',
        configuration: { type: 'sip_configurations', username: 'numninja', host: this.sipHost },
      });
      return (this.id = created.id);
    } catch (err) {
      if (!isDidwwError(err, 'validation')) throw err;
      const raced = await this.didww.findVoiceInTrunkByExternalReference(DEFAULT_TRUNK_REFERENCE);
      if (!raced) throw err;
      return (this.id = raced.id);
    }
  }
}
