/** Under this much time left, a hold's countdown turns amber. */
export const HOLD_WARNING_MS = 2 * 60_000;

/** Where one cart hold stands at a moment. */
export type HoldState =
  /** Held; the countdown runs. */
  | { kind: 'held'; remainingMs: number }
  /** Held, with little time left: the countdown turns amber. */
  | { kind: 'ending'; remainingMs: number }
  /** Ran out: the number must be added again. */
  | { kind: 'expired' }
  /** Under an open checkout: held for as long as the payment page is open, whatever the timer says. */
  | { kind: 'checkout'; remainingMs: number };

export interface HoldLike {
  holdExpiresAt: string;
  expired: boolean;
  inCheckout: boolean;
}

/** Milliseconds left on a hold at `now` (0 once it ran out or when the date cannot be read). */
export function remainingMs(holdExpiresAt: string, now: number): number {
  const end = Date.parse(holdExpiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - now);
}

/**
 * A hold as the cart shows it at `now`. The API's `expired` wins, and so does the countdown
 * reaching zero before the next fetch; an item in an open checkout never expires here (the API
 * keeps it held until the checkout ends).
 */
export function holdState(item: HoldLike, now: number): HoldState {
  const left = remainingMs(item.holdExpiresAt, now);
  if (item.inCheckout) return { kind: 'checkout', remainingMs: left };
  if (item.expired || left <= 0) return { kind: 'expired' };
  return left < HOLD_WARNING_MS ? { kind: 'ending', remainingMs: left } : { kind: 'held', remainingMs: left };
}

/** Whether an item still holds its number at `now` (what the header badge counts). */
export function isLive(item: HoldLike, now: number): boolean {
  return holdState(item, now).kind !== 'expired';
}

/** How many items of a cart still hold their number at `now`. */
export function liveItemCount(items: readonly HoldLike[], now: number): number {
  return items.filter((item) => isLive(item, now)).length;
}

/**
 * A countdown as people read it: "9:41", "0:07", "1:02:03". Rounds up, so "0:00" only shows once
 * the time is really over (and a fresh 10-minute hold reads "10:00", not "9:59").
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The toast after an add: "Held for 10 minutes" (whole minutes; "1 minute"; under a minute, "less than a minute"). */
export function heldForText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'Held for less than a minute';
  return `Held for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The text next to a hold: "Held for 9:41", "Hold expired — add again", "In checkout". */
export function holdLabel(state: HoldState): string {
  switch (state.kind) {
    case 'expired':
      return 'Hold expired — add again';
    case 'checkout':
      return 'In checkout';
    default:
      return `Held for ${formatCountdown(state.remainingMs)}`;
  }
}
