import type { z } from 'zod';
import type { mailTemplateSchema } from '../job-names';

export type MailRequest = z.infer<typeof mailTemplateSchema>;
export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** e.g. an invoice PDF. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
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
      return { to: request.to, subject: `You are invited to join ${partnershipName} as ${role}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Accept the invitation' }) };
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
    case 'school-invitation': {
      const { schoolName, role, invitedBy, link, partnershipName } = request.data;
      const lines = partnershipName
        ? [`${invitedBy} of ${partnershipName} has invited ${schoolName} to become a member, and asks you to act for the school as ${role}.`, 'Use the link below to set up your account; you can then see what membership includes and apply. The link works for 14 days.']
        : [`${invitedBy} has invited you to act for ${schoolName} as ${role}.`, 'Use the link below to accept. It works for 14 days.'];
      return { to: request.to, subject: `You are invited to act for ${schoolName}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Accept the invitation' }) };
    }
    case 'membership-invitation': {
      const { partnershipName, schoolName, invitedBy, link } = request.data;
      const lines = [`${invitedBy} of ${partnershipName} has invited ${schoolName} to become a member.`, 'Follow the link to see what membership includes and to apply for your school.'];
      return { to: request.to, subject: `${partnershipName} invites ${schoolName} to join`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'See the invitation' }) };
    }
    case 'meeting-invitation': {
      const { partnershipName, bodyName, when, where, link, cancelled, ics } = request.data;
      const lines = cancelled
        ? [`The meeting of ${bodyName} (${partnershipName}) on ${when} has been cancelled.`, 'The attached calendar file removes it from your calendar.']
        : [`You are invited to the meeting of ${bodyName} (${partnershipName}) on ${when}${where ? `, at ${where}` : ''}.`, 'The attached calendar file adds it to your calendar; the agenda and papers are on the meeting page.'];
      return {
        to: request.to,
        subject: cancelled ? `Cancelled: ${bodyName}, ${when}` : `Meeting: ${bodyName}, ${when}`,
        text: `${lines.join('\n\n')}\n\n${link}\n`,
        html: layout(lines, { href: link, label: 'Open the meeting page' }),
        attachments: [{ filename: 'invitation.ics', content: Buffer.from(ics, 'utf8'), contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}` }],
      };
    }
    case 'governance-reminder': {
      const { partnershipName, headline, details, link } = request.data;
      const lines = [headline, ...details];
      return { to: request.to, subject: `${partnershipName}: ${headline}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'Open governance' }) };
    }
    case 'membership-update': {
      const { partnershipName, schoolName, headline, details, link } = request.data;
      const lines = [headline, ...details];
      return { to: request.to, subject: `${schoolName} and ${partnershipName}: ${headline}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: 'See the membership' }) };
    }
    case 'event-booking': {
      const { partnershipName, eventTitle, headline, details, link, linkLabel } = request.data;
      const lines = [headline, ...details];
      return { to: request.to, subject: `${eventTitle} (${partnershipName}): ${headline}`, text: `${lines.join('\n\n')}\n\n${link}\n`, html: layout(lines, { href: link, label: linkLabel }) };
    }
    case 'account-exists': {
      const { name, signInLink, resetLink } = request.data;
      const lines = [
        `Hello ${name},`,
        'Someone (we hope you) tried to sign up with this e-mail address, but you already have an account, so nothing has changed.',
        `Sign in at ${signInLink}. If you have forgotten your password, choose a new one with the link below.`,
      ];
      return { to: request.to, subject: 'You already have an account', text: `${lines.join('\n\n')}\n\n${resetLink}\n`, html: layout(lines, { href: resetLink, label: 'Choose a new password' }) };
    }
  }
}
