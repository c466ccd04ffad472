import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { describePartialRead, PARTIAL_FLAG } from '../../../lib/analysis/partial-read';
import { buildSurvey } from '../../../lib/survey/build-survey';

const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},${['a', 'b'][i % 2]}`);
const whole = buildSurvey(`id,answer\n${rows.join('\n')}\n`);
// Cut off inside the last record: a file truncated in transfer (issue 16, item 9).
const cut = buildSurvey(`id,answer\n${rows.join('\n')}\n41`);

describe('describePartialRead', () => {
  it('describePartialRead(a whole file) → undefined', () => {
    expect(describePartialRead(whole)).toBeUndefined();
  });

  it('describePartialRead(a file cut inside its last record) names the skipped record, its line and the respondents read', () => {
    expect(describePartialRead(cut)).toBe('The file was read only in part: 1 record was skipped (line 42), so these figures cover the 40 respondents read.');
  });

  it('aggregateView on the cut file flags every row partial-file and says so in its notes', () => {
    const result = aggregateView({ id: 'd', waves: [{ id: 'w', survey: cut }] }, { questionId: 'answer', filters: [], baseRule: 'answered' }, '');
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((row) => row.flags.split(';').includes(PARTIAL_FLAG))).toBe(true);
    expect(result.notes.some((note) => note.includes('read only in part'))).toBe(true);
    const complete = aggregateView({ id: 'd', waves: [{ id: 'w', survey: whole }] }, { questionId: 'answer', filters: [], baseRule: 'answered' }, '');
    expect(complete.rows.some((row) => row.flags.includes(PARTIAL_FLAG))).toBe(false);
  });
});
