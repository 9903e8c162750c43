/**
 * A partnership's colour and logo, shown on its pages and e-mails. Checked here so the
 * settings screen, the API and the wizard give the same reasons.
 */
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
/** WCAG 2.2 AA for normal text: the colour carries white text in headers and buttons. */
export const MIN_CONTRAST_WITH_WHITE = 4.5;

const HEX = /^#[0-9a-fA-F]{6}$/;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

/** WCAG contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Why a brand colour cannot be used, or null. White text must stay readable on it. */
export function brandColourProblem(colour: unknown): string | null {
  if (typeof colour !== 'string' || !HEX.test(colour)) return 'Write the colour as # and six hex digits, such as #1d4f91.';
  const ratio = contrastRatio(colour, '#ffffff');
  if (ratio < MIN_CONTRAST_WITH_WHITE) {
    return `White text on ${colour.toLowerCase()} is hard to read (contrast ${ratio.toFixed(1)}:1; at least ${MIN_CONTRAST_WITH_WHITE}:1 is needed). Choose a darker shade.`;
  }
  return null;
}

const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]*={0,2})$/;

/** The bytes of a base64 string (atob is in every runtime we use, browser and Node). */
function decodeBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Why a logo cannot be used, or null. A logo is a small data URL (PNG, JPEG or SVG, at most
 * 200 KB) whose contents really are that kind of image; an SVG may not carry scripts,
 * event handlers or links out, because it is shown on public pages.
 */
export function logoProblem(dataUrl: unknown): string | null {
  if (typeof dataUrl !== 'string') return 'Upload the logo as a PNG, JPEG or SVG image.';
  if (dataUrl.length > Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 100) return 'The logo is larger than 200 KB. Use a smaller image (a few hundred pixels wide is plenty).';
  const match = DATA_URL.exec(dataUrl);
  if (!match) return 'The logo must be a PNG, JPEG or SVG image sent as a base64 data URL (data:image/png;base64,...).';
  const [, type, base64] = match;
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(base64!);
  } catch {
    return 'The logo could not be read: the base64 data is damaged.';
  }
  if (bytes.length === 0) return 'The logo file is empty.';
  if (bytes.length > LOGO_MAX_BYTES) return `The logo is ${Math.ceil(bytes.length / 1024)} KB; the most is 200 KB. Use a smaller image.`;
  if (type === 'image/png' && !startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'The logo says it is a PNG but its contents are not a PNG image.';
  if (type === 'image/jpeg' && !startsWith(bytes, [0xff, 0xd8, 0xff])) return 'The logo says it is a JPEG but its contents are not a JPEG image.';
  if (type === 'image/svg+xml') {
    const text = new TextDecoder().decode(bytes);
    if (!/<svg[\s>]/i.test(text)) return 'The logo says it is an SVG but its contents are not an SVG image.';
    if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object/i.test(text)) {
      return 'The SVG logo contains scripts or embedded content, which are not allowed. Export it again as a plain image.';
    }
    if (/(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/)/i.test(text)) return 'The SVG logo links to files elsewhere on the internet. Export it with everything embedded.';
  }
  return null;
}
