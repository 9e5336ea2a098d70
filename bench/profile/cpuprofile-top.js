// Summarises a V8 .cpuprofile: self time per function (top N) and per package/file group.
const fs = require('fs');
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnTimes = new Map();
const groupTimes = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const short = url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  fnTimes.set(key, (fnTimes.get(key) ?? 0) + us);
  const group = !url
    ? functionName
    : url.includes('node_modules/')
      ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
      : url.startsWith('node:')
        ? 'node internals'
        : short.split('/').slice(0, 2).join('/');
  groupTimes.set(group, (groupTimes.get(group) ?? 0) + us);
}
const pct = (us) => `${((us / total) * 100).toFixed(1)}%`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('by group:');
for (const [k, v] of [...groupTimes].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(v).padStart(6)}  ${k}`);
console.log('top functions (self):');
for (const [k, v] of [...fnTimes].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 15))) console.log(`  ${pct(v).padStart(6)}  ${k}`);
