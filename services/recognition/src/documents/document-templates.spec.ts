import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateContent, certificateKindOf, decisionContent, vietnameseDate } from './document-content';
import { renderCertificate, renderDecision } from './document-templates';
import { ALL_VIETNAMESE, certificateIssued, diacriticDecision } from './documents.fixtures';
import { sha256Of } from './issued-documents';

/** The PDFs read back by poppler's pdftotext (Debian poppler-utils; tools/test.sh installs it when missing). */
const dir = mkdtempSync(join(tmpdir(), 'cem-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function pdfTool(tool: 'pdftotext' | 'pdffonts', bytes: Buffer): string {
  const file = join(dir, `${sha256Of(bytes)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}
/** Every non-ASCII character of the given texts that the PDF's text lacks. */
const missing = (text: string, ...contents: string[]) =>
  [...new Set([...contents.join('')].filter((ch) => ch.charCodeAt(0) > 127 && ch !== '“' && ch !== '”'))].filter(
    (ch) => !text.normalize('NFC').includes(ch),
  );

const issued = certificateIssued({ recipient: diacriticDecision.recipients[1] });

describe('official documents as PDF (pdfkit, DejaVu Serif embedded)', () => {
  it('prints every Vietnamese letter of a certificate, with the award, the decision and the verification address', async () => {
    const content = certificateContent(diacriticDecision, issued);
    const text = pdfTool('pdftotext', await renderCertificate(content));
    expect(missing(text, ALL_VIETNAMESE)).toEqual([]);
    expect(missing(text, content.title, content.recipientName, ...content.lines, content.signer, content.issuingAuthority)).toEqual([]);
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quyết định số 1234/QĐ-UBND ngày 20 tháng 11 năm 2019',
    ])
      expect(text).toContain(line);
    expect(text).toContain(issued.verificationUrl);
    expect(text).toContain('GIẤY CHỨNG NHẬN GIẢI THƯỞNG NGƯỜI HÀ NAM');
  });

  it('prints the decision: number, date, signer, legal bases and the list of works, authors and units', async () => {
    const other = {
      ...diacriticDecision,
      proposalId: 'p-2',
      title: 'Mô hình xử lý rác thải hữu cơ',
      nominatingUnitName: 'UBND thành phố Phủ Lý',
    };
    const content = decisionContent([diacriticDecision, other], {
      documentId: 'doc-d-1',
      verificationUrl: 'http://x/xac-minh/doc-d-1',
      issuedAt: issued.issuedAt,
    });
    const text = pdfTool('pdftotext', await renderDecision(content));
    const flat = text.replace(/\s+/g, ' ');
    expect(missing(text, ALL_VIETNAMESE, ...content.articles, ...content.legalBases, content.subject)).toEqual([]);
    for (const phrase of [
      'QUYẾT ĐỊNH',
      'Số: 1234/QĐ-UBND',
      'Ngày 20 tháng 11 năm 2019',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Nghị định số 98/2023/NĐ-CP',
      'Phó Chủ tịch UBND tỉnh Trương Quốc Huy',
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Mô hình xử lý rác thải hữu cơ',
      'UBND thành phố Phủ Lý',
      'Cá nhân Nguyễn Thị Hường',
      'DANH SÁCH CÔNG TRÌNH, TÁC GIẢ VÀ ĐƠN VỊ ĐƯỢC KHEN THƯỞNG',
    ])
      expect(flat).toContain(phrase);
  });

  it('embeds its font (a subset of DejaVu Serif), so no glyph depends on the reader', async () => {
    const fonts = pdfTool('pdffonts', await renderCertificate(certificateContent(diacriticDecision, issued)));
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\+DejaVuSerif\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('renders the same bytes from the same events (the download hashes as recorded)', async () => {
    const content = certificateContent(diacriticDecision, issued);
    expect(sha256Of(await renderCertificate(content))).toBe(sha256Of(await renderCertificate(content)));
    const decision = decisionContent([diacriticDecision], { documentId: 'd', verificationUrl: 'http://x/d', issuedAt: issued.issuedAt });
    expect(sha256Of(await renderDecision(decision))).toBe(sha256Of(await renderDecision(decision)));
  });

  it('names the certificate by the award and writes dates the administrative way', () => {
    expect(certificateKindOf('Bằng khen của Chủ tịch UBND tỉnh')).toBe('bang-khen');
    expect(certificateKindOf('Giấy khen của Chủ tịch UBND huyện')).toBe('giay-khen');
    expect(certificateKindOf('Giải thưởng Người Hà Nam đoàn kết sáng tạo')).toBe('giay-chung-nhan');
    expect(vietnameseDate('2024-08-21')).toBe('ngày 21 tháng 8 năm 2024');
    expect(
      certificateContent(
        { ...diacriticDecision, awardName: 'Bằng khen của Chủ tịch UBND tỉnh' },
        { ...issued, certificateKind: 'bang-khen' },
      ).title,
    ).toBe('BẰNG KHEN');
  });
});
