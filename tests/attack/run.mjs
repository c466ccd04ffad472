#!/usr/bin/env node
/**
 * The attack suite of issue 21: tries, as an attacker with nothing but public URLs, to recover the
 * exact size (or one respondent's answers) of every small group (1–9 respondents) inside a
 * published parent, against the production server in public mode on the bundled sample. One
 * module per attack (attack-1-… to attack-9-…), the judge (judge.mjs: the truth, from the CSV files
 * with papaparse), the attacker's HTTP client (attacker.mjs), what must keep holding (guards.mjs).
 *
 * An attack fails — public mode holds — when it gives the exact count (or the exact answer: a
 * salary to the dollar, every answer of one person) on at most 60% of the groups of each family
 * it is run over. Prints a table, writes test-results/attack.json, and exits non-zero if any
 * attack succeeds or any guard fails. Needs a production build (`npx next build`).
 *
 *   node tests/attack/run.mjs              # every attack and the guards
 *   node tests/attack/run.mjs 3 7          # attacks 3 and 7 only (and the guards)
 *   node tests/attack/run.mjs --base http://localhost:3000   # a server already running (public mode)
 *   ATTACK_SECRET=random node tests/attack/run.mjs           # another cell-key secret than the fixed one
 *   ATTACK_CODEBOOK='{"publicFields":2}' node tests/attack/run.mjs   # the sample under other codebook settings
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/support.mjs';
import { attack as attack1 } from './attack-1-selected.mjs';
import { attack as attack2 } from './attack-2-facets.mjs';
import { attack as attack3 } from './attack-3-weights.mjs';
import { attack as attack4 } from './attack-4-trends.mjs';
import { attack as attack5 } from './attack-5-means.mjs';
import { attack as attack6 } from './attack-6-crosstab-totals.mjs';
import { attack as attack7 } from './attack-7-averaging.mjs';
import { attack as attack8 } from './attack-8-responses.mjs';
import { attack as attack9 } from './attack-9-page-vs-download.mjs';
import { Attacker } from './attacker.mjs';
import { runGuards } from './guards.mjs';
import { buildTargets, DATASET, scoreResults } from './judge.mjs';
import { startPublicServer } from './server.mjs';

const ATTACKS = [attack1, attack2, attack3, attack4, attack5, attack6, attack7, attack8, attack9];
/** Exact on more than this share of a family's groups: the attack succeeds (issue 21). */
const SUCCESS_RATE = 0.6;

function readArguments(args) {
  const baseAt = args.indexOf('--base');
  const base = baseAt >= 0 ? args[baseAt + 1] : undefined;
  const only = args.filter((arg, k) => /^\d$/.test(arg) && args[k - 1] !== '--base').map(Number);
  return { base, only };
}

const percent = (rate) => `${Math.round(rate * 100)}%`;
const pad = (text, width) => String(text).slice(0, width).padEnd(width);

function printTable(reports) {
  const line = `${pad('attack', 50)} ${pad('family', 14)} ${pad('measure', 8)} ${pad('groups', 6)} ${pad('exact', 6)} ${pad('rate', 5)} ${pad('verdict', 9)} example recovered`;
  console.log(`\n${line}\n${'-'.repeat(line.length + 30)}`);
  for (const report of reports) {
    const title = `${report.id}. ${report.title}`;
    if (report.error) {
      console.log(`${pad(title, 50)} ${pad('—', 14)} ${pad('', 8)} ${pad('', 6)} ${pad('', 6)} ${pad('', 5)} ${pad('ERROR', 9)} ${report.error}`);
      continue;
    }
    report.scores.forEach((score, k) => {
      const verdict = score.rate > SUCCESS_RATE ? 'SUCCEEDS' : 'fails';
      console.log(
        `${pad(k === 0 ? title : '', 50)} ${pad(score.family, 14)} ${pad(score.measure, 8)} ${pad(score.groups, 6)} ${pad(score.exact, 6)} ${pad(percent(score.rate), 5)} ${pad(verdict, 9)} ${score.examples[0] ?? ''}`,
      );
    });
    if (report.broken?.length)
      console.log(
        `${pad('', 50)} ${pad('consistency', 14)} ${pad('', 8)} ${pad('', 6)} ${pad('', 6)} ${pad('', 5)} ${pad('SUCCEEDS', 9)} ${report.broken.length} disagreements, e.g. ${report.broken[0]}`,
      );
    console.log(`${pad('', 50)} ${report.urls} URLs asked, ${report.seconds.toFixed(1)} s`);
  }
}

async function runAttack(attack, context) {
  const started = Date.now();
  context.attacker.beginAttack();
  try {
    const { results, broken = [] } = await attack.run(context);
    const scores = scoreResults(results, context.truth);
    const succeeded = scores.some((score) => score.groups > 0 && score.rate > SUCCESS_RATE) || broken.length > 0;
    return {
      id: attack.id,
      title: attack.title,
      scores,
      broken,
      succeeded,
      urls: context.attacker.asked.size,
      seconds: (Date.now() - started) / 1000,
      results,
    };
  } catch (error) {
    return {
      id: attack.id,
      title: attack.title,
      error: String(error?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
      succeeded: true,
      seconds: (Date.now() - started) / 1000,
    };
  }
}

async function main() {
  const { base: given, only } = readArguments(process.argv.slice(2));
  if (!given && !existsSync(path.join(root, process.env.SURVEY_LENS_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.error('No production build: run `npx next build` first.');
    process.exit(1);
  }
  const server = given ? undefined : await startPublicServer();
  const base = given ?? server.base;
  process.on('SIGINT', () => {
    server?.stop().finally(() => process.exit(130));
  });
  const started = Date.now();
  const reports = [];
  let guards = [];
  try {
    console.log(`attack suite: public mode at ${base}${server ? ` (cell-key secret: ${process.env.ATTACK_SECRET ? 'ATTACK_SECRET' : 'the fixed one'})` : ''}`);
    const attacker = new Attacker(base, { dataset: server?.dataset ?? DATASET });
    const warm = await attacker.get(`/${attacker.dataset}`);
    if (warm.status !== 200) throw new Error(`/${attacker.dataset} answered ${warm.status}`);
    if (attacker.dataset !== DATASET) console.log(`attacking ${attacker.dataset}: the sample under the codebook settings ${process.env.ATTACK_CODEBOOK}`);
    const { targets, truth } = buildTargets();
    const families = [...new Set(targets.map((target) => target.family))].map(
      (family) => `${targets.filter((target) => target.family === family).length} ${family}`,
    );
    console.log(`small groups (1–9 respondents) inside a published parent, wave ${targets[0]?.wave}: ${families.join(', ')}`);
    for (const attack of ATTACKS.filter((candidate) => only.length === 0 || only.includes(candidate.id))) {
      const report = await runAttack(attack, { attacker, targets, truth });
      reports.push(report);
      console.log(
        `  attack ${attack.id} (${attack.title}): ${report.error ? 'ERROR' : report.succeeded ? 'succeeds' : 'fails'} in ${report.seconds.toFixed(1)} s`,
      );
    }
    guards = await runGuards(attacker, targets);
    printTable(reports);
    console.log('\nwhat must keep holding:');
    for (const guard of guards) console.log(`  ${guard.ok ? '✔' : '✘'} ${guard.name} — ${guard.detail}`);
    console.log(`\n${attacker.sent} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await server?.stop();
  }
  const succeeded = reports.filter((report) => report.succeeded);
  const broken = guards.filter((guard) => !guard.ok);
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  writeFileSync(
    path.join(root, 'test-results', 'attack.json'),
    `${JSON.stringify({ reports: reports.map((report) => Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'results'))), guards, results: Object.fromEntries(reports.map((report) => [report.id, report.results])) }, null, 2)}\n`,
  );
  console.log(
    succeeded.length === 0 && broken.length === 0
      ? `attack suite: public mode holds — ${reports.length} attacks fail, ${guards.length} guards hold`
      : `attack suite: public mode BROKEN — attacks succeeding: ${succeeded.map((report) => report.id).join(', ') || 'none'}; guards failing: ${broken.length}`,
  );
  // The counted line: an attack that fails and a guard that holds each pass.
  console.log(`attack: ${reports.length - succeeded.length + guards.length - broken.length} passed, ${succeeded.length + broken.length} failed`);
  process.exitCode = succeeded.length === 0 && broken.length === 0 ? 0 : 1;
}

await main();
