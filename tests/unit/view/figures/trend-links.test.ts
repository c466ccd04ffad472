import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import { linkWaves } from '../../../../lib/survey/link-waves';
import { homeWaveOf, optionValuesIn, trendAnchorFor, trendOf, type TrendView } from '../../../../lib/view/figures/trend-links';
import { TREND_LINK_WAVES, TREND_LINKS_CODEBOOK, trendLinkWaves } from '../../helpers/trend-links-fixture';
import { f } from '../../helpers/view-fixtures';

/** Waves and links of tests/fixtures/trend-links-*.csv (table in helpers/trend-links-fixture.ts; links in link-waves.test.ts). */
const waves = trendLinkWaves();
const links = linkWaves(waves, TREND_LINKS_CODEBOOK);
const trend = (referenceWave: string, questionId: string, view?: TrendView) =>
  trendOf(links, TREND_LINK_WAVES, referenceWave, questionId, TREND_LINKS_CODEBOOK, view);

const EDITOR = 'Which editor do you use most?';
const ASKED_DIFFERENTLY = `asked differently (“${EDITOR}”: the question is worded differently), so it is not part of this trend`;

describe('trendOf: what a question’s trend joins', () => {
  it('trendOf(2022, Q3) → the editor in every wave under its own id (Q2, Q2, Q3); nothing left out', () => {
    const { linked, links: joined, askedDifferently } = trend('2022', 'Q3');
    expect(linked?.id).toBe('Q3');
    expect(joined).toEqual({ ids: { '2020': 'Q2', '2021': 'Q2', '2022': 'Q3' }, notLinked: {}, optionAliases: {} });
    expect(askedDifferently).toEqual([]);
  });

  it('trendOf(2021, Q2) → the same trend: the id read as 2021 asked it (the editor), not as 2022 does (team size)', () => {
    expect(trend('2021', 'Q2').links.ids).toEqual({ '2020': 'Q2', '2021': 'Q2', '2022': 'Q3' });
  });

  it('trendOf(2022, Q2) → team size in 2022 only; 2021 and 2020 asked another question under Q2, and the page says which', () => {
    const { links: joined, askedDifferently } = trend('2022', 'Q2');
    expect(joined).toEqual({ ids: { '2022': 'Q2' }, notLinked: { '2020': ASKED_DIFFERENTLY, '2021': ASKED_DIFFERENTLY }, optionAliases: {} });
    expect(askedDifferently).toEqual([
      { waveId: '2021', questionId: 'Q2', label: EDITOR, why: 'the question is worded differently' },
      { waveId: '2020', questionId: 'Q2', label: EDITOR, why: 'the question is worded differently' },
    ]);
  });

  it('trendOf(2022, Q5_1) → Jira: 2021’s Q5_2; 2021’s Q5_1 (Git) was refused, but 2021 is in the trend, so not “asked differently”', () => {
    const { links: joined, askedDifferently } = trend('2022', 'Q5_1');
    expect(joined).toEqual({ ids: { '2021': 'Q5_2', '2022': 'Q5_1' }, notLinked: { '2020': 'not asked' }, optionAliases: {} });
    expect(askedDifferently).toEqual([]);
  });

  it('trendOf(2022, Q6) → 2020 and 2022; 2021 did not ask it', () => {
    expect(trend('2022', 'Q6').links).toEqual({ ids: { '2020': 'Q6', '2022': 'Q6' }, notLinked: { '2021': 'not asked' }, optionAliases: {} });
  });

  it('trendOf(2022, arrangement) → every wave, and the codebook’s option rename: Fully remote → Remote', () => {
    expect(trend('2022', 'arrangement').links).toEqual({
      ids: { '2020': 'arrangement', '2021': 'arrangement', '2022': 'arrangement' },
      notLinked: {},
      optionAliases: { 'Fully remote': 'Remote' },
    });
  });

  it('trendOf(2022, a question no wave asks) → no linked question, every wave “not asked”', () => {
    const { linked, links: joined } = trend('2022', 'salary');
    expect(linked).toBeUndefined();
    expect(joined).toEqual({ ids: {}, notLinked: { '2020': 'not asked', '2021': 'not asked', '2022': 'not asked' }, optionAliases: {} });
  });
});

describe('trendOf with a view: filters and compare-by named as each wave names them', () => {
  const SKIP_MENTOR = 'it did not ask “Q6” (or asked it differently), so its figures could not be filtered the same way';

  it('trendOf(arrangement, editor = VS Code by role, named in 2022) → Q2 in 2020 and 2021, Q3 in 2022; role Q1 everywhere', () => {
    const { perWave } = trend('2022', 'arrangement', { filterWave: '2022', filters: [f('Q3', 'in', 'VS Code')], by: 'Q1' }).links;
    expect(perWave).toEqual({
      '2020': { filters: [f('Q2', 'in', 'VS Code')], by: 'Q1' },
      '2021': { filters: [f('Q2', 'in', 'VS Code')], by: 'Q1' },
      '2022': { filters: [f('Q3', 'in', 'VS Code')], by: 'Q1' },
    });
  });

  it('trendOf(arrangement, mentor = Yes) → 2021, which did not ask about mentoring, is skipped and says why', () => {
    const { perWave } = trend('2022', 'arrangement', { filterWave: '2022', filters: [f('Q6', 'in', 'Yes')] }).links;
    expect(perWave).toEqual({ '2020': { filters: [f('Q6', 'in', 'Yes')] }, '2021': { skip: SKIP_MENTOR }, '2022': { filters: [f('Q6', 'in', 'Yes')] } });
  });

  it('trendOf(arrangement, Jira = Daily) → 2021 filters on its own Jira row (Q5_2); 2020 had no grid and is skipped', () => {
    const { perWave } = trend('2022', 'arrangement', { filterWave: '2022', filters: [f('Q5_1', 'in', 'Daily')] }).links;
    expect(perWave).toEqual({
      '2020': { skip: 'it did not ask “Q5_1” (or asked it differently), so its figures could not be filtered the same way' },
      '2021': { filters: [f('Q5_2', 'in', 'Daily')] },
      '2022': { filters: [f('Q5_1', 'in', 'Daily')] },
    });
  });

  it('trendOf(arrangement, by team size Q2) → compared only in 2022: 2020’s and 2021’s Q2 is the editor, never used as a segment', () => {
    const { perWave } = trend('2022', 'arrangement', { filterWave: '2022', filters: [], by: 'Q2' }).links;
    expect(perWave).toEqual({ '2020': { filters: [] }, '2021': { filters: [] }, '2022': { filters: [], by: 'Q2' } });
  });

  it('trendOf(…).links in aggregateView(mentor = Yes) → rows for 2020 and 2022 only, 2021 left out with the reason', () => {
    const { links: joined } = trend('2022', 'arrangement', { filterWave: '2022', filters: [f('Q6', 'in', 'Yes')] });
    const result = aggregateView(
      { id: 'links', waves },
      { questionId: 'arrangement', filters: [f('Q6', 'in', 'Yes')], baseRule: 'answered', suppressBelow: 0, links: joined },
      'Q6=Yes',
    );
    expect(result.notes).toEqual([`wave 2021 is left out: ${SKIP_MENTOR}`]);
    // mentors: 2020 {1,3,6}, 2022 {1,3,5,7}
    expect(result.selections).toEqual([
      { wave: '2020', selected: 3, size: 6 },
      { wave: '2022', selected: 4, size: 8 },
    ]);
  });
});

describe('trendOf with a view: a filter on a renamed option uses each wave’s own wording', () => {
  const remote = { filterWave: '2022', filters: [f('arrangement', 'in', 'Remote')], optionValues: optionValuesIn(waves) };

  it('trendOf(Q1, arrangement = Remote) → every wave filters arrangement = Remote: 2020’s “Fully remote” is the codebook’s alias, folded into Remote when 2020 is read', () => {
    expect(trend('2022', 'Q1', remote).links.perWave).toEqual({
      '2020': { filters: [f('arrangement', 'in', 'Remote')] },
      '2021': { filters: [f('arrangement', 'in', 'Remote')] },
      '2022': { filters: [f('arrangement', 'in', 'Remote')] },
    });
  });

  it('aggregateView(Q1, arrangement = Remote) over the three waves → every wave filtered, none left out (counted by hand)', () => {
    const { links: joined } = trend('2022', 'Q1', remote);
    const result = aggregateView(
      { id: 'links', waves },
      { questionId: 'Q1', filters: remote.filters, baseRule: 'answered', suppressBelow: 0, links: joined },
      'arrangement=Remote',
    );
    expect(result.notes).toEqual([]);
    // remote: 2020 {2,3,5} (Fully remote), 2021 {1,4}, 2022 {1,4,5,7}
    expect(result.selections).toEqual([
      { wave: '2020', selected: 3, size: 6 },
      { wave: '2021', selected: 2, size: 6 },
      { wave: '2022', selected: 4, size: 8 },
    ]);
    const count = (wave: string, option: string) => result.rows.find((row) => row.wave === wave && row.option === option && row.measure === 'share')?.count;
    // 2020: Dev {2,5}, Ops {3}; 2022: Dev {1,4,7}, Ops {5}
    expect([count('2020', 'Dev'), count('2020', 'Ops'), count('2022', 'Dev'), count('2022', 'Ops')]).toEqual([2, 1, 3, 1]);
  });

  it('without the waves’ options (optionValues) the value is kept as named, and 2020 still matches its 3 “Fully remote” (folded into Remote when read)', () => {
    const { links: joined } = trend('2022', 'Q1', { filterWave: '2022', filters: [f('arrangement', 'in', 'Remote')] });
    expect(joined.perWave?.['2020']).toEqual({ filters: [f('arrangement', 'in', 'Remote')] });
    const result = aggregateView(
      { id: 'links', waves },
      { questionId: 'Q1', filters: [f('arrangement', 'in', 'Remote')], baseRule: 'answered', suppressBelow: 0, links: joined },
      'arrangement=Remote',
    );
    // 2020: Fully remote {2,3,5}
    expect(result.selections[0]).toEqual({ wave: '2020', selected: 3, size: 6 });
  });

  it('“chose all of” keeps its values: an older wording would be one more option to have chosen', () => {
    const { links: joined } = trend('2022', 'Q1', { ...remote, filters: [f('arrangement', 'all', 'Remote')] });
    expect(joined.perWave?.['2020']).toEqual({ filters: [f('arrangement', 'all', 'Remote')] });
  });
});

describe('homeWaveOf and trendAnchorFor', () => {
  it.each<[string, string | undefined, string | undefined]>([
    // the latest wave asking a question of that id…
    ['Q2', undefined, '2022'],
    ['Q7', undefined, '2022'],
    ['Q6', undefined, '2022'],
    // …unless the view names a wave that asks it
    ['Q2', '2021', '2021'],
    ['Q7', '2020', '2020'],
    // a named wave that does not ask it, or no such wave: the latest that does
    ['Q3', '2020', '2022'],
    ['Q6', '2021', '2022'],
    ['Q6', '1999', '2022'],
    ['salary', undefined, undefined],
  ])('homeWaveOf(waves, %s, as %s) → %s', (questionId, asIn, expected) => {
    expect(homeWaveOf(waves, questionId, asIn)?.id).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    // a link from 2021's page to Q2's trend must say "as in 2021": the id alone is 2022's team size
    ['Q2', '2021', '2021'],
    ['Q2', '2020', '2020'],
    ['Q7', '2021', '2021'],
    // the id alone already names that wave's question
    ['Q2', '2022', undefined],
    ['Q3', '2022', undefined],
    ['arrangement', '2022', undefined],
  ])('trendAnchorFor(waves, %s, from %s) → _as %s', (questionId, waveId, expected) => {
    expect(trendAnchorFor(waves, questionId, waveId)).toBe(expected);
  });
});
