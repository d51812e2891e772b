/**
 * What the configuration forms need of a number's configuration, structurally, so the storefront
 * and the console (each with its own generated types) share the forms. Both apps'
 * `NumberConfigurationFieldsFragment` fit it; the inputs fit both apps' generated input types.
 */
export type SyncState = 'SAVED' | 'APPLYING' | 'APPLIED' | 'FAILED';
export type OutOfHours = 'FORWARD' | 'VOICEMAIL' | 'REJECT';

export interface ConfigLike {
  version: number;
  syncState: SyncState;
  syncError?: string | null;
  forwarding: { enabled: boolean; ringTimeoutSeconds: number; targets: ReadonlyArray<{ kind: 'PHONE' | 'SIP'; destination: string }> };
  businessHours: {
    enabled: boolean;
    timeZone: string;
    intervals: ReadonlyArray<{ weekday: number; startMinute: number; endMinute: number }>;
    holidays: ReadonlyArray<{ date: string; name?: string | null }>;
    outOfHoursAction: OutOfHours;
    outOfHoursDestination?: string | null;
    openNow: boolean;
    nextChangeAt?: string | null;
  };
  voicemail: { enabled: boolean; greeting?: string | null; email?: string | null };
  smsDelivery: { emails: readonly string[]; webhookUrl?: string | null; webhookSecret?: string | null };
}

export interface ForwardingDraft {
  enabled: boolean;
  ringTimeoutSeconds: number;
  targets: Array<{ kind: 'PHONE' | 'SIP'; destination: string }>;
}

export interface BusinessHoursDraft {
  enabled: boolean;
  timeZone: string;
  intervals: Array<{ weekday: number; startMinute: number; endMinute: number }>;
  holidays: Array<{ date: string; name: string | null }>;
  outOfHoursAction: OutOfHours;
  outOfHoursDestination: string | null;
}

export interface VoicemailDraft {
  enabled: boolean;
  greeting: string | null;
  email: string | null;
}

export interface SmsDeliveryDraft {
  emails: string[];
  webhookUrl: string | null;
}

/** The sections of one save, as `NumberConfigurationInput`. */
export interface ConfigSectionInput {
  forwarding?: ForwardingDraft;
  businessHours?: BusinessHoursDraft;
  voicemail?: VoicemailDraft;
  smsDelivery?: SmsDeliveryDraft;
}
