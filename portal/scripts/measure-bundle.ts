// Initial JavaScript of the portal (gzip): what index.html loads before any area's lazy chunk.
//   node -r ./tools/register.js portal/scripts/measure-bundle.ts     (after npm run build -w portal)
import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

export interface BundleSize {
  files: Array<{ file: string; gzipBytes: number }>;
  totalGzipBytes: number;
}

/** The scripts index.html loads up front (entry and its modulepreloads), gzipped one by one. */
export function initialJavaScript(dist = join(__dirname, '..', 'dist')): BundleSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const files = initial.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dist, file))).length }));
  return { files, totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

if (require.main === module) {
  const size = initialJavaScript();
  for (const f of size.files) console.log(`${f.file.padEnd(48)} ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`);
  console.log(`initial JavaScript: ${(size.totalGzipBytes / 1024).toFixed(1)} KB gzip (budget 300 KB)`);
}
