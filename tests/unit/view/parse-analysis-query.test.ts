import { describe, expect, it } from 'vitest';
import { parseAnalysisQuery } from '../../../lib/view/parse-analysis-query';

const WAVES = ['2020', '2021', '2022'];

describe('parseAnalysisQuery', () => {
  it('parseAnalysisQuery({}) → latest wave, answered base, the codebook weight when there is one, csv', () => {
    expect(parseAnalysisQuery({}, 'role', WAVES, true)).toEqual({
      query: { questionId: 'role', filters: [], baseRule: 'answered', weight: true, waves: ['2022'] },
      format: 'csv',
      notes: [],
    });
    expect(parseAnalysisQuery({}, 'role', WAVES, false).query.weight).toBe(false);
  });

  it('parseAnalysisQuery reads filters, _by, _base, _wave, _weight=0, _suppress, _format and _question', () => {
    const view = parseAnalysisQuery(
      { region: ['Europe', 'Asia'], years_experience__gte: '5', _by: 'work_arrangement', _base: 'all', _wave: '2021', _weight: '0', _suppress: '5', _format: 'json', _question: 'role' },
      undefined,
      WAVES,
      true,
    );
    expect(view.query).toEqual({
      questionId: 'role',
      filters: [
        { question: 'region', op: 'in', values: ['Europe', 'Asia'] },
        { question: 'years_experience', op: 'gte', values: ['5'] },
      ],
      by: 'work_arrangement',
      baseRule: 'all',
      weight: false,
      waves: ['2021'],
      suppressBelow: 5,
    });
    expect([view.format, view.notes]).toEqual(['json', []]);
  });

  it('parseAnalysisQuery(_wave=all) → every wave, for a trend', () => {
    expect(parseAnalysisQuery({ _wave: 'all' }, 'role', WAVES, false).query.waves).toEqual(WAVES);
  });

  it.each([
    [{ _base: 'everyone' }, 'answered', '“everyone” is not a base (answered or all); using respondents who answered.'],
    [{ _wave: '1999' }, 'answered', 'There is no wave “1999”; using the latest wave, 2022.'],
    [{ _suppress: '-3' }, 'answered', '“-3” is not a suppression threshold; using 10.'],
    [{ _format: 'xlsx' }, 'answered', '“xlsx” is not an export format (csv or json); using csv.'],
  ])('parseAnalysisQuery(%j) falls back and says so', (params, baseRule, note) => {
    const view = parseAnalysisQuery(params, 'role', WAVES, false);
    expect(view.query.baseRule).toBe(baseRule);
    expect(view.query.waves).toEqual(['2022']);
    expect(view.notes).toEqual([note]);
  });

  it('parseAnalysisQuery(_weight=salary) asks for that column by name', () => {
    expect(parseAnalysisQuery({ _weight: 'salary' }, 'role', WAVES, false).query.weight).toBe('salary');
  });
});
