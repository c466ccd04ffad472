import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { describeOptionChanges } from '../../../lib/survey/option-changes';
import { describeOptionChanges as sayOptionChanges } from '../../../lib/view/words/describe-option-changes';

/** One question in three waves, one column per option (the export lists its options), then as a joined list (options from the answers). */
const columns = (options: string[], ticks: string[][]) =>
  buildSurvey(
    [
      options.map((option) => `Which tools? [${option}]`).join(','),
      ...ticks.map((row) => options.map((option) => (row.includes(option) ? option : '')).join(',')),
    ].join('\n'),
  ).questions[0];

describe('describeOptionChanges', () => {
  const chain = [
    { waveId: '2019', question: columns(['Git', 'Svn', 'Hg'], [['Git'], ['Svn'], ['Git', 'Hg']]) },
    { waveId: '2020', question: columns(['Git', 'Hg', 'Fossil'], [['Git'], ['Fossil'], ['Git', 'Hg']]) },
    { waveId: '2021', question: columns(['git', 'Hg', 'Fossil'], [['git'], ['Fossil'], ['Hg']]) },
  ];

  it('describeOptionChanges(Git Svn Hg → Git Hg Fossil → git Hg Fossil) → 2020 adds Fossil and drops Svn; 2021 changes nothing (case aside)', () => {
    expect(describeOptionChanges(chain)).toEqual([{ waveId: '2020', fromWaveId: '2019', added: ['Fossil'], dropped: ['Svn'], listed: true }]);
  });

  it('sayOptionChanges(…) → one sentence per wave with a change', () => {
    expect(sayOptionChanges(describeOptionChanges(chain))).toEqual(['2020 (against 2019): option added: “Fossil”; option dropped: “Svn”.']);
  });

  it('options read from the answers (a joined list) are “first chosen” and “chosen by nobody”, not added and dropped', () => {
    const joined = (cells: string[]) => buildSurvey(['Which tools?', ...cells].join('\n')).questions[0];
    const changes = describeOptionChanges([
      { waveId: '2019', question: joined(['Git;Svn', 'Git;Svn', 'Svn', 'Git']) },
      { waveId: '2020', question: joined(['Git;Hg', 'Git;Hg', 'Hg', 'Git']) },
    ]);
    expect(changes).toEqual([{ waveId: '2020', fromWaveId: '2019', added: ['Hg'], dropped: ['Svn'], listed: false }]);
    expect(sayOptionChanges(changes)).toEqual(['2020 (against 2019): option first chosen: “Hg”; option chosen by nobody: “Svn”.']);
  });
});
