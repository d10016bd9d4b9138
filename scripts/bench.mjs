#!/usr/bin/env node
// Runs every benchmark in bench/ (each prints `BENCH ...` lines: ratios against a baseline measured
// in the same run, and the budgets they are held to) plus the bundle-size report.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench').filter((f) => /\.(ts|mjs)$/.test(f)).sort()
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f}`);
  const r = spawnSync('npx', ['tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
