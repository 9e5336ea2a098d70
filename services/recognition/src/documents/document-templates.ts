import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateContent, DecisionContent, DocumentFooter } from './document-content';

/**
 * The PDF templates (pdfkit): layout only, from the pure content of document-content.ts. DejaVu Serif (full
 * Vietnamese coverage, npm dejavu-fonts-ttf) is embedded as a subset, so no system font is needed and no glyph is
 * missing. Fixed creation dates and no random ids: the same content always gives the same bytes.
 */

type Doc = InstanceType<typeof PDFDocument>;

const FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;
function fontBytes(): Record<FontName, Buffer> {
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))]),
  ) as Record<FontName, Buffer>;
  return fonts;
}

const RED = '#b01c1c';
const INK = '#111111';

function newDocument(title: string, footer: DocumentFooter, layout: 'portrait' | 'landscape'): { doc: Doc; bytes: Promise<Buffer> } {
  const issued = new Date(footer.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: 56, bottom: 48, left: 70, right: 56 },
    info: {
      Title: title,
      Author: 'Nền tảng Phong trào thi đua sáng tạo',
      Producer: 'CEM',
      Creator: 'CEM',
      CreationDate: issued,
      ModDate: issued,
    },
    lang: 'vi-VN',
    displayTitle: true,
  });
  for (const [name, bytes] of Object.entries(fontBytes())) doc.registerFont(name, bytes);
  doc.font('regular').fillColor(INK);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** The QR code of the verification page, drawn as vector squares, with the page's address and the document id. */
function drawVerification(doc: Doc, footer: DocumentFooter, x: number, y: number, width = 360): void {
  const qr = QRCode.create(footer.verificationUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = 2.2;
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
  doc.fillColor(INK).fill();
  const textX = x + size * cell + 10;
  doc.font('italic').fontSize(8).fillColor(INK);
  doc.text('Quét mã để xác minh văn bản (công khai, không cần đăng nhập):', textX, y + 4, { width });
  doc.text(footer.verificationUrl, textX, doc.y + 2, { width });
  doc.text(`Mã văn bản: ${footer.documentId}`, textX, doc.y + 2, { width });
}

function nationalMotto(doc: Doc, x: number, y: number, width: number, size = 12): void {
  doc.font('bold').fontSize(size).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x, y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(size)
    .text('Độc lập - Tự do - Hạnh phúc', x, doc.y + 2, { width, align: 'center', underline: true });
}

/** Giấy khen / Bằng khen / Giấy chứng nhận giải thưởng: A4 landscape, a red double frame. */
export async function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const { doc, bytes } = newDocument(c.title, c, 'landscape');
  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(32, 32, width - 64, height - 64)
    .stroke();
  const inner = width - 160;
  nationalMotto(doc, 80, 56, inner);
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(INK)
    .text(c.issuingAuthority, 80, doc.y + 14, { width: inner, align: 'center' });
  doc
    .font('bold')
    .fontSize(c.title.length > 40 ? 22 : 34)
    .fillColor(RED)
    .text(c.title, 80, doc.y + 16, { width: inner, align: 'center' });
  doc
    .font('italic')
    .fontSize(15)
    .fillColor(INK)
    .text(c.recipientLine, 80, doc.y + 12, { width: inner, align: 'center' });
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(RED)
    .text(c.recipientName, 80, doc.y + 6, { width: inner, align: 'center' });
  doc.font('regular').fontSize(13).fillColor(INK);
  for (const line of c.lines) doc.text(line, 80, doc.y + 6, { width: inner, align: 'center' });
  const signY = Math.max(doc.y + 18, height - 190);
  doc
    .font('italic')
    .fontSize(12)
    .text(c.dateLine, width / 2, signY, { width: width / 2 - 80, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(c.signer, width / 2, doc.y + 4, { width: width / 2 - 80, align: 'center' });
  drawVerification(doc, c, 60, height - 150);
  doc.end();
  return bytes;
}

const COLUMNS = [
  { key: 'index', label: 'STT', width: 32 },
  { key: 'title', label: 'Công trình, giải pháp', width: 150 },
  { key: 'recipients', label: 'Tác giả, nhóm tác giả', width: 120 },
  { key: 'unit', label: 'Đơn vị', width: 90 },
  { key: 'award', label: 'Hình thức khen thưởng', width: 77 },
] as const;

/** Quyết định khen thưởng: A4 portrait, the standard heading, căn cứ, articles, signature, then the list. */
export async function renderDecision(d: DecisionContent): Promise<Buffer> {
  const { doc, bytes } = newDocument(`Quyết định số ${d.number}`, d, 'portrait');
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const half = usable * 0.4;
  doc.font('bold').fontSize(11).text(d.issuingAuthority, left, 56, { width: half, align: 'center' });
  doc
    .font('regular')
    .fontSize(12)
    .text(`Số: ${d.number}`, left, doc.y + 6, { width: half, align: 'center' });
  nationalMotto(doc, left + half, 56, usable - half, 10.5);
  doc
    .font('italic')
    .fontSize(12)
    .text(d.dateLine, left + half, doc.y + 6, { width: usable - half, align: 'center' });
  doc.font('bold').fontSize(14).text('QUYẾT ĐỊNH', left, 150, { width: usable, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(d.subject, left, doc.y + 2, { width: usable, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(d.issuingAuthority, left, doc.y + 14, { width: usable, align: 'center' });
  doc.font('italic').fontSize(12);
  for (const basis of [...d.legalBases, 'Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng.'])
    doc.text(basis, left, doc.y + 6, { width: usable, align: 'justify', indent: 24 });
  doc
    .font('bold')
    .fontSize(13)
    .text('QUYẾT ĐỊNH:', left, doc.y + 10, { width: usable, align: 'center' });
  doc.font('regular').fontSize(12);
  for (const article of d.articles) doc.text(article, left, doc.y + 6, { width: usable, align: 'justify', indent: 24 });
  doc
    .font('bold')
    .fontSize(12)
    .text(d.signer, left + usable / 2, doc.y + 24, { width: usable / 2, align: 'center' });
  drawVerification(doc, d, left, doc.y + 40);

  doc.addPage();
  doc
    .font('bold')
    .fontSize(13)
    .text('DANH SÁCH CÔNG TRÌNH, TÁC GIẢ VÀ ĐƠN VỊ ĐƯỢC KHEN THƯỞNG', left, 56, { width: usable, align: 'center' });
  doc
    .font('italic')
    .fontSize(11)
    .text(`(Kèm theo Quyết định số ${d.number}, ${d.dateLine.toLocaleLowerCase('vi')})`, left, doc.y + 2, {
      width: usable,
      align: 'center',
    });
  let y = doc.y + 12;
  const cells = (row: Record<string, string>, font: FontName) => {
    doc.font(font).fontSize(10);
    const heights = COLUMNS.map((c) => doc.heightOfString(row[c.key] ?? '', { width: c.width - 8 }));
    const rowHeight = Math.max(...heights) + 8;
    if (y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = 56;
    }
    let x = left;
    for (const c of COLUMNS) {
      doc.lineWidth(0.6).strokeColor(INK).rect(x, y, c.width, rowHeight).stroke();
      doc
        .font(font)
        .fontSize(10)
        .text(row[c.key] ?? '', x + 4, y + 4, { width: c.width - 8, align: c.key === 'index' ? 'center' : 'left' });
      x += c.width;
    }
    y += rowHeight;
  };
  cells(Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])), 'bold');
  d.rows.forEach((row, i) => cells({ index: String(i + 1), ...row }, 'regular'));
  doc.end();
  return bytes;
}
