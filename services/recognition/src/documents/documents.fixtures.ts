import type { AwardDecidedData, DocumentIssuedData } from '@cem/contracts';
import { decidedData } from '../proposals/proposal.fixtures';

/** Every Vietnamese letter with its diacritics, lower and upper case (NFC): the content the PDF tests print. */
export const VIETNAMESE_LETTERS = [
  'aàáảãạăằắẳẵặâầấẩẫậ',
  'eèéẻẽẹêềếểễệ',
  'iìíỉĩị',
  'oòóỏõọôồốổỗộơờớởỡợ',
  'uùúủũụưừứửữự',
  'yỳýỷỹỵ',
  'đ',
].join('');
export const ALL_VIETNAMESE = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toLocaleUpperCase('vi');

/** A decision whose texts carry every Vietnamese letter somewhere. */
export const diacriticDecision: AwardDecidedData = {
  ...decidedData,
  title: `Giải pháp số hóa sổ đăng ký (${VIETNAMESE_LETTERS})`,
  recipients: [
    { name: 'Nguyễn Thị Hường', kind: 'individual' },
    { name: `Tổ hợp tác ${VIETNAMESE_LETTERS.toLocaleUpperCase('vi')}`, kind: 'collective' },
  ],
  signer: 'Phó Chủ tịch UBND tỉnh Trương Quốc Huy',
  issuingAuthority: 'Ủy ban nhân dân tỉnh Hà Nam',
  nominatingUnitName: 'UBND huyện Duy Tiên',
};

export const certificateIssued = (overrides: Partial<DocumentIssuedData> = {}): DocumentIssuedData => ({
  documentId: 'doc-c-1',
  kind: 'certificate',
  certificateKind: 'giay-chung-nhan',
  jurisdictionUnitId: 'vn-ha-nam',
  decisionNumber: decidedData.decisionNumber,
  decisionDate: decidedData.decisionDate,
  year: decidedData.year,
  proposalIds: ['p-1'],
  recipient: { name: 'Nguyễn Văn A', kind: 'individual' },
  sha256: 'a'.repeat(64),
  size: 1000,
  issuedAt: '2019-11-21T08:00:00.000Z',
  verificationUrl: 'http://127.0.0.1:3000/xac-minh/doc-c-1',
  templateVersion: 1,
  ...overrides,
});
