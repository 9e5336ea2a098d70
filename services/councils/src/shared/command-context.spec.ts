import { DomainRuleViolation } from '@cem/contracts';
import { documentDate } from './command-context';

describe('documentDate', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('keeps the date written on the document, defaulting to now', () => {
    expect(documentDate('2026-08-15', now)).toBe('2026-08-15');
    expect(documentDate(undefined, now)).toBe(now.toISOString());
  });

  it('refuses a document dated in the future', () => {
    expect(() => documentDate('2026-11-24', now)).toThrow(DomainRuleViolation);
  });
});
