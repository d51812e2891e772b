import { z } from 'zod';
import { button, compose, p, strong, type RenderedEmail } from '../compose';
import { CUSTOMER_FOOTER, e164, formatInstant, instant, link } from './fields';

export const voicemailReceivedSchema = z.object({
  to: e164,
  caller: z.string().trim().min(1).max(40),
  durationSeconds: z.number().int().min(0),
  receivedAt: instant,
  /** The number's page, where the recording plays (after sign-in). */
  listenUrl: link,
});
export type VoicemailReceivedData = z.input<typeof voicemailReceivedSchema>;

/** A caller left a voicemail. The audio stays behind sign-in; the email links to it. */
export function voicemailReceived(input: VoicemailReceivedData): RenderedEmail {
  const d = voicemailReceivedSchema.parse(input);
  return compose({
    subject: `Voicemail from ${d.caller} (${d.durationSeconds}s)`,
    preheader: `A ${d.durationSeconds}-second message for ${d.to}.`,
    heading: 'New voicemail',
    blocks: [p(strong(d.caller), ` left a ${d.durationSeconds}-second message for ${d.to}, ${formatInstant(d.receivedAt)}.`), button('Listen', d.listenUrl)],
    footer: CUSTOMER_FOOTER,
  });
}
