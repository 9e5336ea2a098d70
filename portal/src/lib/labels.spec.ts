import { fieldNamesOf, LEVEL_LABELS } from './labels';

describe('field names (the member queue, council lists and statistics show names, not codes)', () => {
  it('names each field code by the campaigns that open it, the first campaign winning', () => {
    const names = fieldNamesOf([
      { fields: { khcn: { fieldCode: 'khcn', name: 'Khoa học - Công nghệ' } } },
      { fields: { khcn: { fieldCode: 'khcn', name: 'KH&CN' }, 'y-te': { fieldCode: 'y-te', name: 'Y tế' } } },
      {},
    ]);
    expect(names.get('khcn')).toBe('Khoa học - Công nghệ');
    expect(names.get('y-te')).toBe('Y tế');
    expect(names.get('giao-duc')).toBeUndefined();
  });
});

describe("level labels (the services' phrases, capitalised to stand alone)", () => {
  it('reads Trung ương, Cấp tỉnh, Cấp huyện, Cấp xã', () => {
    expect(LEVEL_LABELS).toEqual({ central: 'Trung ương', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' });
  });
});
