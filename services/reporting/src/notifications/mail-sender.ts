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
