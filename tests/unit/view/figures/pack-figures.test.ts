import { describe, expect, it } from 'vitest';
import { askQuestion, type AskedQuestion } from '../../../../lib/view/figures/ask-question';
import type { ChartData } from '../../../../lib/view/figures/build-chart-data';
import { packChartData, packFigures, unpackChartData, unpackFigures } from '../../../../lib/view/figures/pack-figures';
import { buildQuestionView } from '../../../../lib/view/figures/question-view';
import type { ViewDefaults, ViewState } from '../../../../lib/view/state/view-state';
import { selectSurvey } from '../../helpers/fixture-survey';
import { openSampleView } from '../../helpers/sample-view';
import { f, viewState } from '../../helpers/view-fixtures';

/** analysis-select.csv as a one-wave dataset; no threshold, so the small fixture is shown. */
const survey = selectSurvey();
const dataset = { id: 'fixture', waves: [{ id: '2022', survey }] };
const DEFAULTS: ViewDefaults = { waveIds: ['2022'], weighted: false, suppressBelow: 0 };

function figuresOf(id: string, state: ViewState, limit = 8) {
  const asked = askQuestion({ dataset, defaults: DEFAULTS, state, loaded: dataset.waves, reference: dataset.waves[0] }, id) as AskedQuestion;
  return { label: asked.question.label, ...buildQuestionView(dataset, asked, state, { limit }) };
}

/** What crosses to the browser: JSON, as Flight writes it. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('packChartData / unpackChartData', () => {
  it.each<[string, string, ViewState]>([
    ['a single choice with a labelled option, filtered on it', 'role', viewState({ filters: [f('role', 'in', 'Backend')] })],
    ['a multi-select compared by a single choice', 'languages', viewState({ by: 'role' })],
    ['a ranking', 'trends', viewState()],
    ['a numeric question’s histogram', 'years', viewState()],
  ])('unpackChartData(packChartData(the table of %s)) → the same ChartData, summary rebuilt word for word', (_, id, state) => {
    const { table, label } = figuresOf(id, state);
    expect(unpackChartData(overTheWire(packChartData(table!, label)))).toEqual(table);
  });

  it('packChartData(role, role=Backend) → keys once, the one label that differs, Backend active, cells as columns', () => {
    const { table, label } = figuresOf('role', viewState({ filters: [f('role', 'in', 'Backend')] }));
    const packed = packChartData(table!, label);
    expect([packed.keys, packed.labels, packed.active]).toEqual([['Backend', 'Frontend', 'Data'], { 0: 'Backend engineer' }, [0]]);
    expect([packed.cells[0].count, packed.cells[0].base]).toEqual([
      [5, 0, 0],
      [5, 5, 5],
    ]);
  });
});

describe('packFigures / unpackFigures', () => {
  const cases: [string, () => Promise<{ label: string; table?: ChartData; chart?: ChartData }>][] = [
    ['role (chart and table alike)', async () => figuresOf('role', viewState())],
    ['languages with a limit of 1 bar (the chart shows 1 of 4)', async () => figuresOf('languages', viewState(), 1)],
    ['role compared by languages (the table adds everyone)', async () => figuresOf('role', viewState({ by: 'languages' }))],
    [
      'the sample’s languages as a trend over three waves',
      async () => {
        const view = await openSampleView('_wave=all');
        const asked = askQuestion(view, 'languages') as AskedQuestion;
        return { label: asked.question.label, ...buildQuestionView({ id: view.dataset.id, waves: [...view.loaded] }, asked, view.state, { limit: 5 }) };
      },
    ],
  ];

  it.each(cases)('unpackFigures(packFigures(%s)) → the table and the chart buildQuestionView made', async (_, build) => {
    const { label, table, chart } = await build();
    const packed = overTheWire(packFigures(label, table!, chart));
    expect(typeof packed.chart === 'object' && 'keys' in packed.chart).toBe(false);
    expect(unpackFigures(packed)).toEqual({ table, chart });
  });

  it('packFigures(languages, 1 of 4 bars) → the chart is sent as the table’s category and series indexes, not its figures again', () => {
    const { label, table, chart } = figuresOf('languages', viewState(), 1);
    expect(chart!.hidden).toBe(3);
    const packed = packFigures(label, table!, chart);
    expect(packed.chart).toEqual({
      categories: [table!.categories.findIndex((c) => c.key === chart!.categories[0].key)],
      series: [0],
      hidden: 3,
      suppressedSeries: [],
    });
  });

  it('packFigures(a chart that is not a part of the table) → the chart packed on its own, and unpacked as given', () => {
    const { label, table, chart } = figuresOf('role', viewState());
    const other: ChartData = { ...chart!, categories: chart!.categories.map((category) => ({ ...category, label: `${category.label}!` })) };
    const packed = packFigures(label, table!, other);
    expect(typeof packed.chart === 'object' && 'keys' in packed.chart).toBe(true);
    expect(unpackFigures(overTheWire(packed)).chart).toEqual({ ...other, summary: expect.any(String) });
  });

  it('packFigures(role, chart and table alike) → the chart sent as “same”', () => {
    const { label, table, chart } = figuresOf('role', viewState());
    expect(packFigures(label, table!, chart).chart).toBe('same');
  });

  it('packFigures(the table only, as a “table” view) → no chart', () => {
    const { label, table } = figuresOf('role', viewState());
    expect(unpackFigures(packFigures(label, table!))).toEqual({ table });
  });
});
