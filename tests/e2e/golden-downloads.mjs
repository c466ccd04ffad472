/**
 * Downloads stay byte for byte what they were: a recorded set of views of every kind (one wave,
 * filtered, compared, weighted and not, trends, grids, crosstabs, responses; CSV and JSON) is
 * fetched from the production server and compared with the bytes recorded in tests/golden/downloads/.
 * The set was recorded before the house-plan refactor (issue 20), so a refactor that moves code
 * must leave every file unchanged. A deliberate change of a figure or a column re-records with
 *
 *   RECORD_GOLDEN=1 node scripts/e2e.mjs golden
 *
 * and says in its commit which files changed and why.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addJourney, root } from './support.mjs';

const folder = path.join(root, 'tests/golden/downloads');
const sample = '/state-of-engineers';

/** name → route (the page's own query on its export route). */
const SAMPLE_VIEWS = {
  'single-plain.csv': `${sample}/export?_question=role`,
  'single-filtered.csv': `${sample}/export?_question=role&region=Europe&company_size=1-10&company_size=11-50`,
  'single-not.json': `${sample}/export?_question=role&region__not=Asia&_format=json`,
  'single-by-segment.json': `${sample}/export?_question=role&region=Asia&_by=work_arrangement&_format=json`,
  'single-suppress-by.csv': `${sample}/export?_question=role&_suppress=50&_by=company_size`,
  'single-invalid-filter.csv': `${sample}/export?_question=role&region=Nowhere&work_arrangement=hybrid`,
  'multi-plain.csv': `${sample}/export?_question=languages`,
  'multi-all-of-by.csv': `${sample}/export?_question=languages&languages__all=Go&languages__all=Rust&_by=region`,
  'multi-unweighted-2021.csv': `${sample}/export?_question=languages&_weight=0&_wave=2021`,
  'multi-base-all.json': `${sample}/export?_question=languages&_base=all&_format=json`,
  'multi-by-multi.csv': `${sample}/export?_question=role&_by=languages`,
  'ranking-plain.csv': `${sample}/export?_question=hot_trends`,
  'ranking-first-filter.csv': `${sample}/export?_question=role&hot_trends__first=Blockchain`,
  'ranking-trend.csv': `${sample}/export?_question=hot_trends&_wave=all`,
  'ranking-trend.json': `${sample}/export?_question=hot_trends&_wave=all&_format=json`,
  'ranking-trend-by.csv': `${sample}/export?_question=hot_trends&_wave=all&_by=region`,
  'likert-by.csv': `${sample}/export?_question=job_satisfaction&region=Asia&_by=work_arrangement`,
  'likert-trend-by.csv': `${sample}/export?_question=job_satisfaction&_wave=all&_by=company_size`,
  'likert-2020-unweighted.csv': `${sample}/export?_question=job_satisfaction&_wave=2020&_weight=0`,
  'numeric-filtered.csv': `${sample}/export?_question=salary_usd&role=Data+Scientist`,
  'numeric-trend.csv': `${sample}/export?_question=salary_usd&_wave=all`,
  'numeric-range-base-all.csv': `${sample}/export?_question=years_experience&years_experience__gte=5&_base=all`,
  'numeric-by.json': `${sample}/export?_question=salary_usd&_by=region&_format=json`,
  'renamed-trend.csv': `${sample}/export?_question=work_arrangement&_wave=all`,
  'renamed-option-trend.csv': `${sample}/export?_question=role&_wave=all&work_arrangement=Fully+remote`,
  'answered-filter.csv': `${sample}/export?_question=role&salary_usd__answered=0`,
  'crosstab-plain.csv': `${sample}/crosstab/export?_rows=role&_cols=region`,
  'crosstab-two-rows.json': `${sample}/crosstab/export?_rows=role&_rows=languages&_cols=company_size&region=Europe&_format=json`,
  'crosstab-unweighted.csv': `${sample}/crosstab/export?_rows=job_satisfaction&_cols=work_arrangement&_weight=0`,
  'crosstab-base-all.csv': `${sample}/crosstab/export?_rows=languages&_cols=region&_base=all&_wave=2021`,
  'responses-filtered.csv': `${sample}/responses/export?region=Europe&company_size=1-10`,
  'responses-sorted.csv': `${sample}/responses/export?role=Data+Scientist&_sort=salary_usd&_desc=1&_wave=2021`,
  'responses-all-columns.csv': `${sample}/responses/export?region=Africa&_all=1`,
};

const SHARED_VIEWS = {
  'so2019-languages.csv': '/stackoverflow-2019/export?_question=LanguageWorkedWith',
  'so2019-languages-by.json': '/stackoverflow-2019/export?_question=LanguageWorkedWith&_by=OpenSourcer&_format=json',
  'so2019-numeric-filtered.csv': '/stackoverflow-2019/export?_question=ConvertedComp&Country=Germany',
  'so2019-crosstab.csv': '/stackoverflow-2019/crosstab/export?_rows=OpSys&_rows=WorkLoc&_cols=MainBranch',
  'todo-trend-multi.csv': '/todo-ospo/export?_question=q1&_wave=all',
  'todo-trend-single.csv': '/todo-ospo/export?_question=q15&_wave=all',
  'thai-grid.csv': '/thai-developers-2019/export?_question=untitled_grid',
  'thai-grid-by.json': '/thai-developers-2019/export?_question=untitled_grid&_by=q2&_format=json',
};

async function compareViews(base, views) {
  const recording = process.env.RECORD_GOLDEN === '1';
  if (recording) mkdirSync(folder, { recursive: true });
  const differing = [];
  for (const [name, route] of Object.entries(views)) {
    const response = await fetch(`${base}${route}`);
    assert.equal(response.status, 200, `${route}: ${response.status} ${await response.clone().text()}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const file = path.join(folder, name);
    if (recording) {
      writeFileSync(file, bytes);
      continue;
    }
    assert.ok(existsSync(file), `${name} was never recorded: RECORD_GOLDEN=1 node scripts/e2e.mjs golden`);
    if (!bytes.equals(readFileSync(file))) differing.push(`${name} (${route})`);
  }
  assert.deepEqual(differing, [], 'every download byte for byte as recorded');
}

addJourney('golden downloads: the bundled sample, every view kind, byte for byte as recorded', async (_page, base) => compareViews(base, SAMPLE_VIEWS));
addJourney(
  'golden downloads: shared datasets (SO 2019, TODO trends, a Thai grid), byte for byte as recorded',
  async (_page, base) => compareViews(base, SHARED_VIEWS),
  { shared: true },
);
