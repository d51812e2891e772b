import { DateTime, IANAZone } from 'luxon';

/** One open interval on an ISO weekday (1 = Monday … 7 = Sunday), minutes from local midnight. */
export interface WeeklyInterval {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface Schedule {
  timeZone: string;
  intervals: WeeklyInterval[];
  /** Local dates (yyyy-MM-dd) closed all day. */
  holidays: string[];
}

/** How far ahead a boundary is looked for; a schedule that never changes within it has none. */
const HORIZON_DAYS = 400;
/** On a day whose UTC offset changes, wall-clock time jumps; probe it this finely (zones jump on the quarter hour). */
const TRANSITION_STEP_MINUTES = 15;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Whether the schedule is open at `at`, judged by the wall clock of its own time zone. */
export function isOpenAt(schedule: Schedule, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone });
  if (schedule.holidays.includes(local.toISODate()!)) return false;
  const minute = local.hour * 60 + local.minute;
  return schedule.intervals.some((i) => i.weekday === local.weekday && i.startMinute <= minute && minute < i.endMinute);
}

/**
 * The first instant after `after` at which the schedule opens or closes, or null when it stays as it
 * is for the whole horizon. Candidates are every interval edge and every local midnight (holidays),
 * turned into instants in the schedule's zone; on days whose UTC offset changes, the whole day is
 * probed every quarter hour, because a wall-clock time can be skipped (spring forward: an edge in
 * the gap takes effect when the clock jumps past it) or happen twice (fall back: an interval over
 * the repeated hour opens again).
 */
export function nextBoundary(schedule: Schedule, after: Date): Date | null {
  const zone = schedule.timeZone;
  const now = after.getTime();
  const current = isOpenAt(schedule, after);
  const startDay = DateTime.fromJSDate(after, { zone }).startOf('day');
  for (let d = 0; d < HORIZON_DAYS; d++) {
    const day = startDay.plus({ days: d }).startOf('day');
    const nextDay = day.plus({ days: 1 }).startOf('day');
    const candidates: number[] = [day.toMillis(), nextDay.toMillis()];
    for (const i of schedule.intervals) {
      if (i.weekday !== day.weekday) continue;
      for (const m of [i.startMinute, i.endMinute]) candidates.push(m >= 1440 ? nextDay.toMillis() : wallClock(day, m).toMillis());
    }
    if (day.offset !== nextDay.offset || day.offset !== day.endOf('day').offset) {
      for (let t = day.toMillis(); t < nextDay.toMillis(); t += TRANSITION_STEP_MINUTES * 60_000) candidates.push(t);
    }
    const found = candidates
      .filter((t) => t > now)
      .sort((a, b) => a - b)
      .find((t) => isOpenAt(schedule, new Date(t)) !== current);
    if (found !== undefined) return new Date(found);
  }
  return null;
}

function wallClock(day: DateTime, minute: number): DateTime {
  // fromObject resolves a skipped time forward and a repeated one to its first occurrence.
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: day.zone });
}
