#!/usr/bin/env node
// Strict type check of one project's files (sources and tests) with the workspace's compiler options; the
// libs it imports are checked through their sources as well (tsconfig.base.json paths).
// Usage: node tools/typecheck-project.js <project root>
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const project = process.argv[2];
if (!project) throw new Error('usage: typecheck-project.js <project root>');
const dir = path.join(root, '.cache', 'tsconfig');
fs.mkdirSync(dir, { recursive: true });
const config = path.join(dir, `${project.replace(/[\\/]/g, '-')}.json`);
const rel = (p) => path.relative(dir, path.join(root, p)).split(path.sep).join('/');
fs.writeFileSync(
  config,
  JSON.stringify({
    extends: rel('tsconfig.base.json'),
    compilerOptions: { noEmit: true },
    include: [`${rel(project)}/**/*.ts`],
    exclude: [`${rel(project)}/**/node_modules`],
  }),
);
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { stdio: 'inherit', cwd: root });
} catch {
  process.exit(1);
}
