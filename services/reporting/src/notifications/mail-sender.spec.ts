import { mailSenderFromEnv } from './mail-sender';

describe('the mail sender from the environment', () => {
  it('is absent without CEM_SMTP_URL (digests are then not sent), present with it', () => {
    expect(mailSenderFromEnv({})).toBeUndefined();
    expect(mailSenderFromEnv({ CEM_SMTP_URL: '  ' })).toBeUndefined();
    const sender = mailSenderFromEnv({ CEM_SMTP_URL: 'smtp://127.0.0.1:1025' });
    expect(sender).toBeDefined();
    sender?.close();
  });
});
