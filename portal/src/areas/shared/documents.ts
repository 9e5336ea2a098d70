import { raw } from '../../api/client';

/** An issued document as the recognition service answers it (the event's data). */
export interface IssuedDocument {
  documentId: string;
  kind: 'award-decision' | 'certificate';
  sha256: string;
  issuedAt: string;
  recipient?: { name: string; kind: string };
  verificationUrl: string;
}

/** Downloads an issued PDF (rendered again by the service; same bytes, same SHA-256 as recorded). */
export async function downloadDocument(documentId: string, fileName: string): Promise<void> {
  const res = await raw('recognition', `/documents/${encodeURIComponent(documentId)}/pdf`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** SHA-256 (hex) of a file the person holds, computed in the browser (nothing is uploaded). */
export async function sha256OfFile(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Vietnamese file names without diacritics: 'Nguyễn Thị Hường' -> 'nguyen-thi-huong'. */
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
