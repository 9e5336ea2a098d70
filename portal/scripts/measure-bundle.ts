// Initial JavaScript of the portal (gzip): what index.html loads before any area's lazy chunk.
//   node -r ./tools/register.js portal/scripts/measure-bundle.ts     (after npm run build -w portal)
import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

const dist = join(__dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`${file.padEnd(48)} ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget 300 KB)`);
