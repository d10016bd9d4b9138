#!/usr/bin/env node
// Runs every test suite (type check, unit, production build, Chromium e2e, extra suites such as
// the Firefox smoke test) and ends with the one line CI reads: `tests: N passed, N failed`.
//   node scripts/test.mjs            everything
//   node scripts/test.mjs --unit     unit tests only
//   node scripts/test.mjs --e2e      build + browser tests only
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const only = (flag) => args.length === 0 || args.includes(flag);
let passed = 0;
let failed = 0;
const problems = [];

function run(name, cmd, cmdArgs, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) problems.push(`${name} exited ${r.status ?? r.signal}`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });

if (only('--unit')) {
  if (run('typecheck', 'npx', ['tsc', '--noEmit'])) passed++;
  else failed++;
  rmSync('test-results/unit.json', { force: true });
  run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const unit = readJson('test-results/unit.json');
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests + (unit.numTotalTestSuites && unit.success === false && unit.numFailedTests === 0 ? 1 : 0);
  } else failed++;
}

if (only('--e2e')) {
  const built = run('build chrome', 'npx', ['wxt', 'build']) && run('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
  if (built) passed++;
  else failed++;
  if (built) {
    rmSync('test-results/e2e.json', { force: true });
    run('e2e chromium', 'npx', ['playwright', 'test']);
    const e2e = readJson('test-results/e2e.json');
    if (e2e?.stats) {
      passed += e2e.stats.expected;
      failed += e2e.stats.unexpected + e2e.stats.flaky;
      if (e2e.stats.skipped) problems.push(`${e2e.stats.skipped} e2e tests skipped`);
    } else failed++;
    // web-ext lint on the Firefox build: 0 errors; the only warnings allowed are the innerHTML
    // assignments inside bundled libraries (Readability, Preact, DOMPurify), listed in the README.
    const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input', '--output', 'json'], { encoding: 'utf8' });
    try {
      const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
      const unexpected = report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT');
      const ok = report.errors.length === 0 && unexpected.length === 0 && report.warnings.length <= 4;
      console.log(`\n=== web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.map((w) => `${w.code} ${w.file}`).join('; ')})`);
      if (ok) passed++;
      else failed++;
    } catch {
      console.log('web-ext lint produced no report');
      failed++;
    }
    if (existsSync('tests/e2e-firefox/run.mjs')) {
      const r = spawnSync('node', ['tests/e2e-firefox/run.mjs'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      process.stdout.write(r.stdout ?? '');
      const m = /firefox-e2e: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
      if (m) {
        passed += Number(m[1]);
        failed += Number(m[2]);
      } else failed++;
    }
  }
}

if (problems.length) console.log(`\nproblems:\n  ${problems.join('\n  ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed || problems.length ? 1 : 0);
