import { mailSenderFromEnv, portalUrl } from './mail-sender';

describe('the mail sender from the environment', () => {
  it('is absent without CEM_SMTP_URL (digests are then not sent), present with it', () => {
    expect(mailSenderFromEnv({})).toBeUndefined();
    expect(mailSenderFromEnv({ CEM_SMTP_URL: '  ' })).toBeUndefined();
    const sender = mailSenderFromEnv({ CEM_SMTP_URL: 'smtp://127.0.0.1:1025' });
    expect(sender).toBeDefined();
    sender?.close();
  });

  it('links to CEM_PUBLIC_URL, or to its own port when that is unset or empty (as compose passes it)', () => {
    expect(portalUrl({ CEM_PUBLIC_URL: 'https://thidua.hanam.gov.vn/' })).toBe('https://thidua.hanam.gov.vn');
    expect(portalUrl({ CEM_PUBLIC_URL: '', CEM_PORT: '3004' })).toBe('http://127.0.0.1:3004');
    expect(portalUrl({ CEM_PUBLIC_URL: '  ', CEM_PORT: '' })).toBe('http://127.0.0.1:3000');
  });
});
