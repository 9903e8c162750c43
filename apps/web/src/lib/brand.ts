/**
 * A partnership's brand colour on its pages. The API only accepts colours that white text can
 * be read on (WCAG AA, 4.5:1), and the pages check again, so a colour that slipped in another
 * way (an old row, a seed) falls back to the product's own rather than making text unreadable.
 */
export const MIN_CONTRAST_WITH_WHITE = 4.5;

const HEX = /^#[0-9a-f]{6}$/i;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast of white text on a #rrggbb colour (1 to 21), or null when it is not one. */
export function contrastWithWhite(colour: string): number | null {
  if (!HEX.test(colour)) return null;
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(colour.slice(i, i + 2), 16)));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/** The colour in lower case when white text on it meets AA; otherwise null (use the product's colour). */
export function usableBrandColour(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const ratio = contrastWithWhite(colour);
  return ratio !== null && ratio >= MIN_CONTRAST_WITH_WHITE ? colour.toLowerCase() : null;
}

/**
 * The stylesheet that sets `--partner` to the colour. A stylesheet rather than a style
 * attribute, because the Content-Security-Policy allows styles from our own origin only.
 */
export function brandStylesheetHref(colour: string): string {
  return `/brand.css?colour=${encodeURIComponent(colour)}`;
}

/** What the colour field says as someone types: readable or not, and how much contrast. */
export function describeBrandColour(value: string): { ok: boolean; text: string } | null {
  const colour = value.trim();
  if (!colour) return null;
  const ratio = contrastWithWhite(colour);
  if (ratio === null) return { ok: false, text: 'Write the colour as # and six hex digits, such as #1d4f91.' };
  const shown = `${Math.floor(ratio * 10) / 10}:1`;
  return ratio >= MIN_CONTRAST_WITH_WHITE
    ? { ok: true, text: `White text is easy to read on this colour (contrast ${shown}).` }
    : { ok: false, text: `White text is hard to read on this colour (contrast ${shown}; at least 4.5:1 is needed). Choose a darker shade.` };
}
