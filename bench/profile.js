/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and sums self time per function.
 *
 * The profile is a call tree (`nodes`, each with a `callFrame`) and a sample stream: `samples[i]` is
 * the id of the node that was on top of the stack at sample i, `timeDeltas[i]` the microseconds since
 * the previous sample. A node's self time is the sum of the deltas of its samples; the same function
 * appears as many nodes (one per call path), so nodes are summed by function name + url + line.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { relative } = require('node:path');

function selfTimes(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', url, line: lineNumber + 1, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    totalUs += us;
  }
  return { totalUs, functions: [...functions.values()].sort((a, b) => b.us - a.us) };
}

/** Where a url lives, for the per-area summary: this package's build, a dependency, node itself, the tests. */
function area(url, root) {
  if (!url) return '(V8: program, GC, idle, native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + '/node_modules/'.length).split('/');
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith(`${root}/dist/`)) return 'jest-preset-async (dist/)';
  if (path.startsWith(`${root}/.bench/`)) return 'the generated tests';
  return relative(root, path);
}

function printProfile(file, root, top = 25) {
  const { totalUs, functions } = selfTimes(file);
  const ms = (us) => (us / 1000).toFixed(1).padStart(8);
  const pct = (us) => `${((100 * us) / totalUs).toFixed(1)}%`.padStart(6);
  const where = (entry) => {
    if (!entry.url) return '';
    const path = entry.url.replace(/^file:\/\//, '');
    return `${path.startsWith(root) ? relative(root, path) : path}:${entry.line}`;
  };
  console.log(`${relative(root, file)}: ${(totalUs / 1000).toFixed(0)} ms sampled\n`);
  console.log(`Top ${top} functions by self time (summed over call paths):\n`);
  console.log(`${'self ms'.padStart(8)} ${'%'.padStart(6)}  function  (file:line)`);
  for (const entry of functions.slice(0, top)) console.log(`${ms(entry.us)} ${pct(entry.us)}  ${entry.name}  ${where(entry)}`);
  const areas = new Map();
  for (const entry of functions) areas.set(area(entry.url, root), (areas.get(area(entry.url, root)) ?? 0) + entry.us);
  console.log('\nSelf time by area:\n');
  for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(us)} ${pct(us)}  ${name}`);
}

module.exports = { selfTimes, printProfile };
