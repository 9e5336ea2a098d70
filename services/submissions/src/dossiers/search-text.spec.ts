import { matchesSearch, normaliseVietnamese, searchTextOf } from './search-text';

describe('normaliseVietnamese', () => {
  it('drops tone and vowel marks and folds đ/Đ to d', () => {
    expect(normaliseVietnamese('Sáng kiến')).toBe('sang kien');
    expect(normaliseVietnamese('Đoàn kết sáng tạo')).toBe('doan ket sang tao');
    expect(normaliseVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(normaliseVietnamese('Ủy ban MTTQ   tỉnh Hà Nam')).toBe('uy ban mttq tinh ha nam');
    expect(normaliseVietnamese('Thị trấn Tân Túc, Vĩnh Lộc A')).toBe('thi tran tan tuc, vinh loc a');
  });

  it('folds precomposed and decomposed input alike', () => {
    expect(normaliseVietnamese('Sáng kiến'.normalize('NFD'))).toBe(normaliseVietnamese('Sáng kiến'.normalize('NFC')));
  });
});

describe('search text', () => {
  const text = searchTextOf('Sáng kiến số hóa hồ sơ một cửa', ['Nguyễn Văn Đức', 'Trần Thị Bình']);

  it('finds a dossier by unaccented or accented words of its title and authors', () => {
    expect(matchesSearch(text, 'sang kien')).toBe(true);
    expect(matchesSearch(text, 'SÁNG KIẾN một cửa')).toBe(true);
    expect(matchesSearch(text, 'duc')).toBe(true);
    expect(matchesSearch(text, 'tran binh')).toBe(true);
  });

  it('requires every word', () => {
    expect(matchesSearch(text, 'sang che')).toBe(false);
  });
});
