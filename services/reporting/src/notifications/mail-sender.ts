import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where digests go: an SMTP server (Mailpit in the tests), through nodemailer. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = '"Phong trào thi đua sáng tạo" <khong-tra-loi@thidua.local>';

/** CEM_SMTP_URL e.g. smtp://user:pass@mail.example.vn:587 (nodemailer's URL form); undefined: no mail is sent. */
export function mailSenderFromEnv(env: NodeJS.ProcessEnv = process.env): MailSender | undefined {
  const url = env.CEM_SMTP_URL?.trim();
  if (!url) return undefined;
  const transport: Transporter = createTransport(url);
  const from = env.CEM_SMTP_FROM?.trim() || DEFAULT_MAIL_FROM;
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/**
 * The portal's address for the links in a digest: CEM_PUBLIC_URL, else this process' own port. Empty counts as
 * unset (docker-compose.yml passes `${CEM_PUBLIC_URL:-}` through, i.e. an empty string when nobody set it).
 */
export const portalUrl = (env: NodeJS.ProcessEnv = process.env) =>
  (env.CEM_PUBLIC_URL?.trim() || `http://127.0.0.1:${env.CEM_PORT?.trim() || '3000'}`).replace(/\/+$/, '');
