import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { linkWaves } from '../../../lib/survey/link-waves';
import { unfoldWriteIns } from '../../../lib/survey/unfold-write-ins';
import { hasBit } from '../../../lib/survey/bitset';
import { trendOf } from '../../../lib/view/figures/trend-links';

/**
 * Write-ins handled the same way in every wave (issue 24): "Rancher" is an option in 2021 (five
 * chose it) and typed by one respondent in 2022, where it fell into "Other (written in)". Counted
 * by hand from the rows below.
 */
const QUESTION = 'Which container platform do you use?';
const wave = (rows: [string, number][]) =>
  buildSurvey([QUESTION, ...rows.flatMap(([answer, times]) => Array.from({ length: times }, () => answer))].join('\n'), { name: 'wave.csv' });
const typed = (names: string[]): [string, number][] => names.map((name) => [name, 1]);

// 2021: Docker 30, Kubernetes 20, Rancher 5, five typed once → 60.  2022: Docker 32, Kubernetes 20, Rancher 1, seven typed once → 60.
const waves = [
  { id: '2021', survey: wave([['Docker', 30], ['Kubernetes', 20], ['Rancher', 5], ...typed(['Nomad', 'Mesos', 'Swarm', 'LXC', 'Podman'])]) },
  { id: '2022', survey: wave([['Docker', 32], ['Kubernetes', 20], ['rancher', 1], ...typed(['Nomad', 'OpenShift', 'k3s', 'Fargate', 'ECS', 'AKS', 'GKE'])]) },
];

describe('alignWriteIns through linkWaves and a trend', () => {
  const links = linkWaves(waves);
  const id = waves[1].survey.questions[0].id;

  it('each wave reads on its own: Rancher is an option in 2021 and a write-in in 2022', () => {
    const options = waves.map((w) => (w.survey.questions[0].kind === 'single' ? w.survey.questions[0].options.map((option) => option.value) : []));
    expect(options[0]).toContain('Rancher');
    expect(options[1]).not.toContain('Rancher');
    expect(options[1]).toContain('Other (written in)');
  });

  it('linkWaves → 2022’s typed “rancher” is 2021’s option Rancher (matched whatever its case)', () => {
    const linked = links.questions.find((question) => question.id === id)!;
    expect(linked.waves.map((link) => link.waveId)).toEqual(['2021', '2022']);
    expect(linked.writeIns).toEqual({ '2022': { rancher: 'Rancher' } });
  });

  it('the trend has Rancher in both waves (5 of 60, then 1 of 60), and 2022’s “Other (written in)” keeps the other 7', () => {
    const trend = trendOf(links, ['2021', '2022'], '2022', id);
    const result = aggregateView({ id: 'platforms', waves }, { questionId: id, filters: [], baseRule: 'answered', suppressBelow: 0, links: trend.links }, '');
    const cell = (waveId: string, option: string) => {
      const row = result.rows.find((candidate) => candidate.wave === waveId && candidate.option === option && candidate.measure === 'share');
      return row && [row.count, row.base];
    };
    expect(cell('2021', 'Rancher')).toEqual([5, 60]);
    expect(cell('2022', 'Rancher')).toEqual([1, 60]);
    expect(cell('2022', 'Other (written in)')).toEqual([7, 60]);
    expect(cell('2021', 'Other (written in)')).toEqual([5, 60]);
  });
});

describe('unfoldWriteIns on a joined multi-select', () => {
  // 60 answered: Docker;Kubernetes ×30, Docker ×22, then eight typed parts once each, two of them beside Docker.
  const lines = [
    'Which tools do you use?',
    ...Array(30).fill('Docker;Kubernetes'),
    ...Array(22).fill('Docker'),
    'Docker;Rancher',
    'Docker;Nomad',
    'Mesos',
    'Swarm',
    'LXC',
    'Podman',
    'k3s',
    'ECS',
  ];
  const survey = buildSurvey(lines.join('\n'));
  const question = survey.questions[0];

  it('reads Rancher as written in (typed once), then unfoldWriteIns({ Rancher }) counts it as Rancher and takes that respondent out of “Other (written in)”', () => {
    expect(question.kind === 'multi' && question.options.map((option) => option.value)).toEqual(['Docker', 'Kubernetes', 'Other (written in)']);
    const unfolded = unfoldWriteIns(question, survey, { Rancher: 'Rancher' });
    if (unfolded.kind !== 'multi') throw new Error(unfolded.kind);
    const count = (value: string) => {
      const k = unfolded.options.findIndex((option) => option.value === value);
      return Array.from({ length: survey.size }, (_, i) => hasBit(unfolded.members[k], i)).filter(Boolean).length;
    };
    // Written in: 8 respondents; Rancher's was their only typed part, so 7 stay.
    expect([count('Rancher'), count('Other (written in)'), count('Docker')]).toEqual([1, 7, 54]);
    // The wave's own question is untouched.
    expect(question.kind === 'multi' && question.options).toHaveLength(3);
  });
});
