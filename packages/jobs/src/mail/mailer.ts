import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { RenderedMail } from './mail-templates';

export interface Mailer {
  send(mail: RenderedMail): Promise<void>;
}

/**
 * SMTP when SMTP_URL is set (tests use a local capturing SMTP server);
 * otherwise every mail is written as an .eml file under DATA_DIR/mail and its path logged,
 * so embedded mode needs no mail server and a developer can open the links.
 */
export function createMailer(options: { smtpUrl?: string; from: string; mailDir: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      mkdirSync(options.mailDir, { recursive: true });
      const file = join(options.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      options.logger.info({ to: mail.to, subject: mail.subject, file }, `mail written to ${file}`);
    },
  };
}
