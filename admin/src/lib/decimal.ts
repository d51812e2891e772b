/**
 * Decimal strings typed by staff ("12.5", "1.50") to the integers the API takes (basis points,
 * minor units) and back, with string arithmetic only: `0.1 + 0.2` never gets near a price.
 */

export type Conversion = { ok: true; value: number } | { ok: false; message: string };

/** The largest GraphQL `Int`: anything above it is refused by the API before any rule runs. */
export const MAX_GRAPHQL_INT = 2_147_483_647;

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

interface ScaleOptions {
  /** Digits after the point the integer keeps: 2 for cents and for basis points of a percent. */
  scale: number;
  /** Largest integer (already scaled) accepted. */
  max: number;
  /** How the value is written, for the messages: "12.5", "1.50". */
  example: string;
  /** Said when `max` is passed, e.g. "Markup is at most 1000%." */
  tooLarge: string;
}

/**
 * Parses a non-negative decimal ("12.5", ".5", "3.") into an integer scaled by 10^scale
 * ("12.5" at scale 2 → 1250). Spaces and thousands separators (",") are ignored.
 */
export function parseScaledDecimal(text: string, options: ScaleOptions): Conversion {
  const compact = text.replace(/[\s,]/g, '');
  if (compact.startsWith('-')) return { ok: false, message: 'Cannot be negative.' };
  const match = DECIMAL.exec(compact);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, message: `Enter a number like ${options.example}.` };
  if (fraction.length > options.scale) {
    return {
      ok: false,
      message: options.scale === 0 ? 'Use a whole number.' : `Use at most ${options.scale} decimal place${options.scale === 1 ? '' : 's'}.`,
    };
  }
  const digits = (whole + fraction.padEnd(options.scale, '0')).replace(/^0+(?=\d)/, '');
  // Compare as digit strings first: a 30-digit input must not round through a float on the way.
  const max = String(options.max);
  if (digits.length > max.length || (digits.length === max.length && digits > max)) return { ok: false, message: options.tooLarge };
  return { ok: true, value: Number(digits) };
}

/** "12.5" (percent) → 1250 basis points. */
export function percentToBasisPoints(text: string, { max = 10_000, tooLarge }: { max?: number; tooLarge?: string } = {}): Conversion {
  return parseScaledDecimal(text.trim().replace(/%$/, ''), {
    scale: 2,
    max,
    example: '12.5',
    tooLarge: tooLarge ?? `At most ${formatBasisPoints(max)}.`,
  });
}

/** "1.50" (dollars) → 150 minor units (cents). */
export function dollarsToMinorUnits(text: string): Conversion {
  return parseScaledDecimal(text.trim().replace(/^\$/, ''), {
    scale: 2,
    max: MAX_GRAPHQL_INT,
    example: '1.50',
    tooLarge: 'That amount is too large.',
  });
}

/** A whole number of at least `min` and at most `max` ("5" → 5). */
export function parseWholeNumber(text: string, { min, max, tooSmall }: { min: number; max: number; tooSmall: string }): Conversion {
  const parsed = parseScaledDecimal(text.trim(), { scale: 0, max, example: String(Math.max(min, 1)), tooLarge: `At most ${max}.` });
  if (parsed.ok && parsed.value < min) return { ok: false, message: tooSmall };
  return parsed;
}

/** An integer scaled by 10^scale as a decimal string: (1250, 2) → "12.50". */
function scaledToDecimal(value: number, scale: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(value))).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return scale === 0 ? sign + whole : `${sign}${whole}.${fraction}`;
}

/** 1250 → "12.5", 4000 → "40", 5 → "0.05": what a percent input should start with. */
export function basisPointsToPercent(basisPoints: number): string {
  return scaledToDecimal(basisPoints, 2).replace(/\.?0+$/, '');
}

/** 4000 → "40%", 1250 → "12.5%". */
export function formatBasisPoints(basisPoints: number): string {
  return `${basisPointsToPercent(basisPoints)}%`;
}

/** 150 → "1.50": what a dollar input should start with. */
export function minorUnitsToDollars(minor: number): string {
  return scaledToDecimal(minor, 2);
}
