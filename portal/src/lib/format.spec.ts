import { fold, formatDate, formatDateTime, formatNumber, slugify } from './format';

describe('portal formats (glossary: dd/MM/yyyy, vi-VN numbers, accent-free matching)', () => {
  it('writes dates and times the Vietnamese way', () => {
    expect(formatDate('2026-08-21')).toBe('21/08/2026');
    expect(formatDateTime('2026-08-21T09:05:00')).toBe('21/08/2026 09:05');
    expect(formatDate(undefined)).toBe('—');
  });

  it('writes numbers with a comma for decimals and dots for thousands', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(9.2)).toBe('9,2');
  });

  it('matches without diacritics, đ as d', () => {
    expect(fold('Đoàn kết Sáng tạo')).toBe('doan ket sang tao');
    expect(slugify('Phần mềm quản lý đê điều')).toBe('phan-mem-quan-ly-de-dieu');
  });
});
