import type { CapturedMail } from '@partnerships/jobs';

/** Undo quoted-printable soft line breaks and the escaped "=" (enough for links in our mail). */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
}

/** The first link in a message whose path is `path`, e.g. /invitations/accept. */
export function linkIn(mail: CapturedMail, path: string): string {
  const text = decodeQuotedPrintable(mail.raw);
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = text.match(new RegExp(`https?://[^\\s"'<>]+${escaped}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`No ${path} link in the e-mail to ${mail.to.join(', ')}:\n${text.slice(0, 2000)}`);
  return match[0];
}
