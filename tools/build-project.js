#!/usr/bin/env node
// Compiles one Nx project (a lib or a service) to JavaScript under dist/<project root>, file by file with
// swc and the repository's .swcrc (the same transform the tests and `node -r tools/register.js` use, so
// Nest's decorator metadata is kept). The @cem/* imports become relative paths to the compiled libs
// (tsconfig.base.json paths), so dist/ runs as it is: `node dist/services/<name>/src/main.js`, with only
// the npm dependencies in node_modules. Tests are left out; type checking is the `typecheck` target's job.
// Usage: node tools/build-project.js <project root>
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const root = path.join(__dirname, '..');
const project = process.argv[2];
if (!project) throw new Error('usage: build-project.js <project root>');
const source = path.join(root, project);
const out = path.join(root, 'dist', project);
const TEST = /\.(spec|int-spec|e2e-spec)\.ts$/;
// Assets read at run time (services/submissions/seed/*.json).
const ASSET = /\.(json|csv)$/;

const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const options = { ...swcrc, swcrc: false, sourceMaps: true, jsc: { ...swcrc.jsc, baseUrl: root, paths } };

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
    return [full];
  });

fs.rmSync(out, { recursive: true, force: true });
let compiled = 0;
for (const dir of ['src', 'seed'].map((d) => path.join(source, d)).filter((d) => fs.existsSync(d))) {
  for (const file of walk(dir)) {
    const target = path.join(out, path.relative(source, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !TEST.test(file)) {
      const js = target.replace(/\.ts$/, '.js');
      const result = swc.transformFileSync(file, {
        ...options,
        filename: file,
        sourceFileName: path.relative(path.dirname(js), file),
        outputPath: js,
      });
      fs.writeFileSync(js, `${result.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      fs.writeFileSync(`${js}.map`, result.map);
      compiled++;
    } else if (ASSET.test(file)) {
      fs.copyFileSync(file, target);
    }
  }
}
console.log(`${project}: ${compiled} files -> ${path.relative(root, out)}`);
