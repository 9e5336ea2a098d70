import type { AwardDecidedData, AwardRecipient, CertificateKind, DocumentIssuedData } from '@cem/contracts';
import { CERTIFICATE_KIND_LABELS_VI, RECIPIENT_KIND_LABELS_VI } from '@cem/contracts';

/**
 * What an official document says, built from the events alone (pure): the PDF templates only lay it out. The
 * same events always give the same content, so a document is rendered again on download, byte for byte.
 */

/** Bumped whenever a template's layout changes: documents issued before keep rendering with their version. */
export const TEMPLATE_VERSION = 1;

/** Căn cứ used when the decision named none: the Law on Emulation and Commendation 2022 and its decree. */
export const DEFAULT_LEGAL_BASES = [
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
  'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
];

export const DEFAULT_ISSUING_AUTHORITY = 'ỦY BAN NHÂN DÂN';

/** Giấy khen and Bằng khen by name; any other award (a prize) is attested by its Giấy chứng nhận. */
export function certificateKindOf(awardName: string): CertificateKind {
  const name = awardName.normalize('NFC').toLocaleLowerCase('vi');
  if (name.startsWith('bằng khen')) return 'bang-khen';
  if (name.startsWith('giấy khen')) return 'giay-khen';
  return 'giay-chung-nhan';
}

/** "ngày 20 tháng 11 năm 2026", as Vietnamese administrative documents write dates. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

export interface DocumentFooter {
  documentId: string;
  verificationUrl: string;
  issuedAt: string;
}

export interface CertificateContent extends DocumentFooter {
  title: string;
  issuingAuthority: string;
  recipientLine: string;
  recipientName: string;
  lines: string[];
  signer: string;
  dateLine: string;
}

export interface DecisionRow {
  title: string;
  recipients: string;
  unit: string;
  award: string;
}

export interface DecisionContent extends DocumentFooter {
  issuingAuthority: string;
  number: string;
  dateLine: string;
  subject: string;
  legalBases: string[];
  articles: string[];
  rows: DecisionRow[];
  signer: string;
}

const recipientLabel = (r: AwardRecipient) => `${RECIPIENT_KIND_LABELS_VI[r.kind]} ${r.name}`;
const nfc = (text: string) => text.normalize('NFC');

/** One recipient's certificate of an award. */
export function certificateContent(decision: AwardDecidedData, issued: DocumentIssuedData): CertificateContent {
  const kind = issued.certificateKind ?? certificateKindOf(decision.awardName);
  const recipient = issued.recipient ?? decision.recipients[0];
  const isPrize = kind === 'giay-chung-nhan';
  const lines = isPrize
    ? [`Đạt ${decision.awardName} năm ${decision.year}`, `với công trình, giải pháp: “${decision.title}”`]
    : [
        `Đã có thành tích xuất sắc trong phong trào thi đua sáng tạo năm ${decision.year}`,
        `với công trình, giải pháp: “${decision.title}”`,
      ];
  if (decision.nominatingUnitName) lines.push(`Đơn vị: ${decision.nominatingUnitName}`);
  lines.push(`Quyết định số ${decision.decisionNumber} ${vietnameseDate(decision.decisionDate)}`);
  return {
    title: (isPrize ? `${CERTIFICATE_KIND_LABELS_VI[kind]} ${decision.awardName}` : CERTIFICATE_KIND_LABELS_VI[kind]).toLocaleUpperCase(
      'vi',
    ),
    issuingAuthority: nfc(decision.issuingAuthority ?? DEFAULT_ISSUING_AUTHORITY).toLocaleUpperCase('vi'),
    recipientLine: isPrize ? 'Chứng nhận' : 'Tặng',
    recipientName: nfc(recipient.name),
    lines: [RECIPIENT_KIND_LABELS_VI[recipient.kind], ...lines].map(nfc),
    signer: nfc(decision.signer),
    dateLine: `Ngày ${vietnameseDate(decision.decisionDate).slice('ngày '.length)}`,
    documentId: issued.documentId,
    verificationUrl: issued.verificationUrl,
    issuedAt: issued.issuedAt,
  };
}

/** The award decision with its list: every work decided under the same number, in the order of the given list. */
export function decisionContent(decisions: AwardDecidedData[], issued: Pick<DocumentIssuedData, keyof DocumentFooter>): DecisionContent {
  const first = decisions[0];
  const awards = [...new Set(decisions.map((d) => d.awardName))];
  const recipients = decisions.reduce((n, d) => n + d.recipients.length, 0);
  return {
    issuingAuthority: nfc(first.issuingAuthority ?? DEFAULT_ISSUING_AUTHORITY).toLocaleUpperCase('vi'),
    number: first.decisionNumber,
    dateLine: `Ngày ${vietnameseDate(first.decisionDate).slice('ngày '.length)}`,
    subject: nfc(`Về việc tặng ${awards.join(', ')} năm ${first.year}`),
    legalBases: (first.legalBases?.length ? first.legalBases : DEFAULT_LEGAL_BASES).map((b) => `${nfc(b).replace(/[;.]\s*$/, '')};`),
    articles: [
      `Điều 1. Tặng ${awards.join(', ')} cho ${recipients} tập thể, cá nhân với ${decisions.length} công trình, giải pháp có tên trong danh sách kèm theo Quyết định này, đã có thành tích xuất sắc trong phong trào thi đua sáng tạo năm ${first.year}.`,
      'Điều 2. Kèm theo mỗi hình thức khen thưởng là giấy chứng nhận (giấy khen, bằng khen) và tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng.',
      'Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng Ban Thi đua - Khen thưởng, thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ].map(nfc),
    rows: decisions.map((d) => ({
      title: nfc(d.title),
      recipients: nfc(d.recipients.map(recipientLabel).join('; ')),
      unit: nfc(d.nominatingUnitName ?? ''),
      award: nfc(d.awardName),
    })),
    signer: nfc(first.signer),
    documentId: issued.documentId,
    verificationUrl: issued.verificationUrl,
    issuedAt: issued.issuedAt,
  };
}
