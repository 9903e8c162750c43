import type { z } from 'zod';
import type { mailTemplateSchema } from '../job-names';

export type MailRequest = z.infer<typeof mailTemplateSchema>;
export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en-GB"><body style="font-family: Arial, sans-serif; line-height: 1.5">
${body}
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>
<p style="color:#555">If you did not expect this e-mail you can ignore it.</p>
</body></html>`;
}

/** Plain UK English e-mails, each with a text part for accessibility and spam filters. */
export function renderMail(request: MailRequest): RenderedMail {
  switch (request.template) {
    case 'invitation': {
      const { partnershipName, role, link, invitedBy } = request.data;
      const lines = [`${invitedBy} has invited you to join ${partnershipName} as ${role}.`, 'Use the link below to accept. It works for 7 days.'];
      return { to: request.to, subject: `You are invited to join ${partnershipName}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Accept the invitation' }) };
    }
    case 'password-reset': {
      const { name, link } = request.data;
      const lines = [`Hello ${name},`, 'Someone asked to reset the password for your account. Use the link below to choose a new one. It works for one hour.'];
      return { to: request.to, subject: 'Reset your password', text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Choose a new password' }) };
    }
    case 'verify-email': {
      const { name, link } = request.data;
      const lines = [`Hello ${name},`, 'Please confirm your e-mail address by following the link below.'];
      return { to: request.to, subject: 'Confirm your e-mail address', text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Confirm my e-mail address' }) };
    }
  }
}
