import type { Prisma } from '../../generated/prisma/client';
import { isOpenAt, nextBoundary, type Schedule } from './business-hours';
import type { NumberConfiguration } from './number-config.types';

export const configInclude = {
  forwardTargets: { orderBy: { position: 'asc' } },
  weeklyHours: { orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }] },
  holidays: { orderBy: { date: 'asc' } },
} satisfies Prisma.NumberConfigurationInclude;

export type ConfigRow = Prisma.NumberConfigurationGetPayload<{ include: typeof configInclude }>;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function scheduleOf(row: ConfigRow): Schedule {
  return {
    timeZone: row.timeZone,
    intervals: row.weeklyHours.map((i) => ({ weekday: i.weekday, startMinute: i.startMinute, endMinute: i.endMinute })),
    holidays: row.holidays.map((h) => isoDay(h.date)),
  };
}

/** Open for routing: always, unless business hours are on and say closed. */
export function openFor(row: ConfigRow, at: Date): boolean {
  return !row.businessHoursEnabled || isOpenAt(scheduleOf(row), at);
}

export function toConfigView(row: ConfigRow, now: Date, opts: { revealSecret: boolean }): NumberConfiguration {
  const schedule = scheduleOf(row);
  return {
    numberId: row.purchasedNumberId,
    forwarding: {
      enabled: row.forwardingEnabled,
      ringTimeoutSeconds: row.ringTimeoutSeconds,
      targets: row.forwardTargets.map((t) => ({ position: t.position, kind: t.kind, destination: t.destination })),
    },
    businessHours: {
      enabled: row.businessHoursEnabled,
      timeZone: row.timeZone,
      intervals: schedule.intervals,
      holidays: row.holidays.map((h) => ({ date: isoDay(h.date), name: h.name })),
      outOfHoursAction: row.outOfHoursAction,
      outOfHoursDestination: row.outOfHoursDestination,
      openNow: openFor(row, now),
      nextChangeAt: row.businessHoursEnabled ? nextBoundary(schedule, now) : null,
    },
    voicemail: { enabled: row.voicemailEnabled, greeting: row.voicemailGreeting, email: row.voicemailEmail },
    smsDelivery: { emails: row.smsEmails, webhookUrl: row.smsWebhookUrl, webhookSecret: opts.revealSecret ? row.smsWebhookSecret : null },
    syncState: row.syncState,
    syncError: row.syncError,
    appliedAt: row.appliedAt,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
