import type { AttachmentMeta } from '@cem/contracts';
import { ensure } from '../shared/rules';
import type { DossierFacts } from './dossier.state';

const MiB = 1024 * 1024;
/** Attachments travel by reference (sha256) but still have to be storable and readable by appraisers. */
export const MAX_ATTACHMENT_BYTES = 20 * MiB;
export const MAX_TOTAL_ATTACHMENT_BYTES = 50 * MiB;
const SHA256 = /^[0-9a-f]{64}$/;

export function ensureAttachmentsAcceptable(attachments: AttachmentMeta[]): void {
  const malformed = attachments.find((a) => !SHA256.test(a.sha256));
  ensure(!malformed, 'attachment-digest-invalid', `Tệp ${malformed?.name}: mã sha256 không hợp lệ`);
  const oversized = attachments.find((a) => a.size > MAX_ATTACHMENT_BYTES);
  ensure(!oversized, 'attachment-too-large', `Tệp ${oversized?.name} vượt quá 20 MB`, {
    name: oversized?.name,
    size: oversized?.size,
    limit: MAX_ATTACHMENT_BYTES,
  });
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  ensure(total <= MAX_TOTAL_ATTACHMENT_BYTES, 'attachments-too-large', 'Tổng dung lượng tệp đính kèm vượt quá 50 MB', {
    total,
    limit: MAX_TOTAL_ATTACHMENT_BYTES,
  });
}

/** What every version of a dossier (drafted or amended) must satisfy. */
export function ensureDossierContentValid(
  dossier: Pick<DossierFacts, 'title' | 'applicantKind' | 'authors' | 'owners' | 'attachments'>,
): void {
  ensure(dossier.title.trim().length > 0, 'title-required', 'Hồ sơ cần có tên');
  ensure(dossier.authors.length >= 1, 'authors-required', 'Hồ sơ cần ít nhất một tác giả');
  ensure(
    dossier.applicantKind !== 'individual' || dossier.authors.length === 1,
    'individual-single-author',
    'Hồ sơ cá nhân chỉ có một tác giả; nhóm tác giả đăng ký là tập thể',
  );
  const shares = dossier.owners.reduce((sum, o) => sum + (o.share ?? 0), 0);
  ensure(shares <= 100, 'owner-shares-exceed', 'Tổng tỷ lệ sở hữu của các đồng sở hữu vượt quá 100%', { shares });
  ensureAttachmentsAcceptable(dossier.attachments);
}

/** Vietnam time (UTC+7): a deadline given as a calendar day runs to the end of that day there. */
const VIETNAM_OFFSET = '+07:00';

export function deadlineInstant(deadline: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T23:59:59.999${VIETNAM_OFFSET}` : deadline);
}

export const isPastDeadline = (now: string, deadline: string): boolean => Date.parse(now) > deadlineInstant(deadline);
