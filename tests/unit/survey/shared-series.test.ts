import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import { linkWaves, type LinkedQuestion, type WaveLinks } from '../../../lib/survey/link-waves';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Survey } from '../../../lib/survey/types';
import { trendOf } from '../../../lib/view/figures/trend-links';
import { requireShared, SHARED } from '../shared-data';

/**
 * The two multi-wave series in ../shared/data/exports (Apache-2.0, CNCF; CC BY 4.0, CodeRefinery):
 * which questions repeat, in which columns, and how their options change, all from each folder's
 * README (read there with Python's csv module) — never from our linker.
 */
const MAINTAINERS = path.join(SHARED, 'exports/cncf_maintainers_waves_surveymonkey');
const CODEREFINERY = path.join(SHARED, 'exports/coderefinery_prews_waves_typeform');
const haveSeries = requireShared('the shared-series linking tests', MAINTAINERS);

type Wave = { id: string; survey: Survey };

async function load(folder: string, years: string[], codebook?: Codebook): Promise<Wave[]> {
  return Promise.all(years.map(async (id) => ({ id, survey: await loadSurveyFile(path.join(folder, `${id}.csv`), { codebook }) })));
}

/** The id of the question built over a file column, in one wave. */
function idAt(wave: Wave, column: number): string {
  const question = wave.survey.questions.find((q) => q.source.indexes.includes(column));
  if (!question) throw new Error(`wave ${wave.id} has no question over column ${column}`);
  return question.id;
}

/** The linked question holding the given column of each wave (undefined: the wave did not ask it). */
function chainOf(links: WaveLinks, waves: Wave[], columns: (number | undefined)[]): LinkedQuestion | undefined {
  const anchor = waves.findLastIndex((_, k) => columns[k] !== undefined);
  const id = idAt(waves[anchor], columns[anchor]!);
  return links.questions.find((linked) => linked.waves.some((link) => link.waveId === waves[anchor].id && link.questionId === id));
}

const expectChain = (links: WaveLinks, waves: Wave[], columns: (number | undefined)[]) => {
  const linked = chainOf(links, waves, columns);
  const expected = waves.flatMap((wave, k) => (columns[k] === undefined ? [] : [`${wave.id}:${idAt(wave, columns[k]!)}`]));
  expect(linked?.waves.map((link) => `${link.waveId}:${link.questionId}`)).toEqual(expected);
  return linked!;
};

describe.skipIf(!haveSeries)('cncf_maintainers_waves_surveymonkey: 2019, 2020, 2021', () => {
  let waves: Wave[] = [];
  let links: WaveLinks;
  beforeAll(async () => {
    waves = await load(MAINTAINERS, ['2019', '2020', '2021']);
    links = linkWaves(waves);
  }, 60_000);

  it('the project question (cols 5–35 / 4–47 / 12–102) is one question through the three waves, options 31 → 44 → 91', () => {
    const projects = expectChain(links, waves, [5, 4, 12]);
    expect(projects.kind).toBe('multi');
    const optionCounts = waves.map((wave, k) => {
      const question = wave.survey.questions.find((q) => q.id === projects.waves[k].questionId)!;
      return 'options' in question ? question.options.length : 0;
    });
    expect(optionCounts).toEqual([31, 44, 91]);
  });

  it('its options added and dropped per wave are the README’s: 2020 adds 14 and drops rkt; 2021 adds 46 new names, rkt again and 3 renamed labels', () => {
    const projects = chainOf(links, waves, [5, 4, 12])!;
    const [in2020, in2021] = projects.optionChanges!;
    expect(in2020).toMatchObject({ waveId: '2020', fromWaveId: '2019', dropped: ['rkt'], listed: true });
    expect(new Set(in2020.added)).toEqual(
      new Set([
        'Falco',
        'KubeEdge',
        'Brigade',
        'Network Service Mesh',
        'OpenTelemetry',
        'OpenEBS',
        'CRI-O',
        'Thanos',
        'Flux',
        'In-Toto',
        'Strimzi',
        'KubeVirt',
        'Longhorn',
        'ChubaoFS',
      ]),
    );
    expect(in2021).toMatchObject({ waveId: '2021', fromWaveId: '2020', listed: true });
    // Renamed, not new (README): until a codebook alias joins them, the old label is dropped and the new one added. Rook → rook differs in case only.
    expect(new Set(in2021.dropped)).toEqual(new Set(['TUF (The Update Framework)', 'Open Policy Agent', 'Virtual Kubelet (VK)']));
    expect(in2021.added).toHaveLength(46 + 1 + 3);
    expect(in2021.added).toEqual(expect.arrayContaining(['rkt', 'TUF', 'OPA', 'Virtual Kubelet', 'Keda', 'Argo', 'Trickster']));
  });

  it('the trend charts every wave: a row per option in each wave that offered it (Kubernetes in all three, Falco from 2020, Argo in 2021 only)', () => {
    const projects = chainOf(links, waves, [5, 4, 12])!;
    const trend = trendOf(links, ['2019', '2020', '2021'], '2021', projects.id);
    const result = aggregateView(
      { id: 'maintainers', waves },
      { questionId: projects.id, filters: [], baseRule: 'answered', suppressBelow: 0, links: trend.links },
      '',
    );
    const wavesOf = (option: string) => result.rows.filter((row) => row.option === option && row.measure === 'share').map((row) => row.wave);
    expect(wavesOf('Kubernetes')).toEqual(['2019', '2020', '2021']);
    expect(wavesOf('Falco')).toEqual(['2020', '2021']);
    expect(wavesOf('Argo')).toEqual(['2021']);
    expect(trend.optionChanges).toHaveLength(2);
  });

  it('a rating whose scale changes every wave is refused, and the refusal says how survey.json joins them', () => {
    // "Do you have a good understanding of the resources…": 2019 cols 43–47 (1–5), 2020 col 50 (agree words), 2021 col 105 (1–10).
    const anchor = idAt(waves[2], 105);
    const refusals = links.refused.filter((refusal) => refusal.id === anchor && refusal.anchorWave === '2021');
    expect(refusals.map((refusal) => [refusal.waveId, refusal.questionId])).toEqual([
      ['2020', idAt(waves[1], 50)],
      ['2019', idAt(waves[0], 43)],
    ]);
    expect(refusals[0].why).toBe('the answer options barely overlap (0 of 5 in common)');
    expect(refusals[1].why).toBe('the rating scale changed (1–10 in one wave, 1–5 in the other)');
    for (const refusal of refusals) expect(refusal.join).toContain(`"questions": { "${anchor}": { "aliases": ["${refusal.questionId}"] } }`);
  });

  it('with a codebook naming the question and aliasing the three renamed options, 2021 drops none and adds 47', async () => {
    const projects = chainOf(links, waves, [5, 4, 12])!;
    const [q2019, q2020] = projects.waves.map((link) => link.questionId);
    const codebook: Codebook = {
      questions: {
        [projects.id]: {
          aliases: [q2019, q2020],
          options: [
            { value: 'TUF', aliases: ['TUF (The Update Framework)'] },
            { value: 'OPA', aliases: ['Open Policy Agent'] },
            { value: 'Virtual Kubelet', aliases: ['Virtual Kubelet (VK)'] },
          ],
        },
      },
    };
    const joined = await load(MAINTAINERS, ['2019', '2020', '2021'], codebook);
    const linked = linkWaves(joined, codebook).questions.find((question) => question.id === projects.id)!;
    expect(linked.waves.map((link) => link.reason)).toEqual(['codebook', 'codebook', 'anchor']);
    const in2021 = linked.optionChanges!.find((change) => change.waveId === '2021')!;
    expect(in2021.dropped).toEqual([]);
    expect(in2021.added).toHaveLength(47);
  }, 60_000);
});

describe.skipIf(!haveSeries)('coderefinery_prews_waves_typeform: 2016, 2017, 2018', () => {
  let waves: Wave[] = [];
  let links: WaveLinks;
  beforeAll(async () => {
    waves = await load(CODEREFINERY, ['2016', '2017', '2018']);
    links = linkWaves(waves);
  }, 60_000);

  // The README's "Human-assigned kinds" table, column numbers 2016 / 2017 / 2018.
  it.each<[string, (number | undefined)[]]>([
    ['operating system', [0, 0, 0]],
    ['OS version (added 2017)', [undefined, 2, 2]],
    ['version control', [2, 3, 3]],
    ['programming languages', [12, 13, 13]],
    ['automated testing', [24, 25, 25]],
    ['code coverage (2016 header with NBSP)', [25, 26, 26]],
    ['build tools (an option split in 2017)', [40, 41, 41]],
    ['programming experience', [52, 54, 54]],
    ['academic discipline (2016 header with NBSP)', [53, 57, 57]],
    ['topics to learn (added 2017, an option added 2018)', [undefined, 58, 58]],
  ])('%s is one question in the waves that asked it', (_, columns) => {
    expectChain(links, waves, columns);
  });

  it('the build-tool list: 2017 adds “None, but I want to learn” and “Not relevant to my project(s)”, drops “None or not applicable to my project(s)”', () => {
    const build = chainOf(links, waves, [40, 41, 41])!;
    expect(build.optionChanges).toEqual([
      {
        waveId: '2017',
        fromWaveId: '2016',
        added: ['None, but I want to learn', 'Not relevant to my project(s)'],
        dropped: ['None or not applicable to my project(s)'],
        listed: true,
      },
    ]);
  });

  it('the topics list adds “Reproducible research” in 2018', () => {
    const topics = chainOf(links, waves, [undefined, 58, 58])!;
    expect(topics.optionChanges).toEqual([{ waveId: '2018', fromWaveId: '2017', added: ['Reproducible research'], dropped: [], listed: true }]);
  });
});
