let supported: boolean | null = null;

/**
 * Whether this device draws flag emoji in colour. Windows and some Linux desktops draw "🇺🇸" as two
 * letters or empty boxes; those get the ISO code instead. Checked once, on a tiny canvas.
 */
export function supportsFlagEmoji(): boolean {
  if (supported !== null) return supported;
  supported = false;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 24;
    canvas.height = 24;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return supported;
    context.textBaseline = 'top';
    context.font = '20px sans-serif';
    context.fillText('\u{1F1FA}\u{1F1F8}', 0, 0);
    const pixels = context.getImageData(0, 0, 24, 24).data;
    // A coloured pixel means a real flag; letters and missing-glyph boxes are drawn in one colour.
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
      if (a > 0 && (r !== g || g !== b)) {
        supported = true;
        break;
      }
    }
  } catch {
    // No canvas (tests, old browsers): the ISO code is always readable.
  }
  return supported;
}
