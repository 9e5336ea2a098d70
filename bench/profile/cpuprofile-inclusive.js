#!/usr/bin/env node
/*
 * Inclusive time per function of a V8 .cpuprofile (self time plus everything it called), the view that
 * shows which of our calls pays for the library work underneath.
 * Usage: node bench/profile/cpuprofile-inclusive.js <file.cpuprofile> [regex filter on "function file:line"] [rows]
 */
const { readFileSync } = require('fs');

const [file, filter, rows = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: cpuprofile-inclusive.js <file.cpuprofile> [filter regex] [rows]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);

const selfTime = new Map();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n) => {
  const url = n.callFrame.url.replace(/.*node_modules\//, '').replace(/^.*?\/(libs|services|bench)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber}`;
};
const inclusive = new Map();
let total = 0;
for (const [id, time] of selfTime) {
  total += time;
  const counted = new Set(); // recursion counts once per sample
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const key = label(nodes.get(cur));
    if (counted.has(key)) continue;
    counted.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}
const match = filter ? new RegExp(filter) : undefined;
[...inclusive]
  .filter(([key]) => !match || match.test(key))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(rows))
  .forEach(([key, time]) => console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`));
