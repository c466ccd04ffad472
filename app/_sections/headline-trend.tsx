import type { DatasetSource } from '@/lib/store/discover-datasets';
import { intervalLevelOf, isWeightedMethod } from '@/lib/analysis/figure';
import { PROPORTION_TEST_METHOD } from '@/lib/analysis/proportion-tests';
import { changeView } from '@/lib/view/state/change-view';
import { buildTrendData } from '@/lib/view/figures/build-trend-data';
import { describeIntervalName, formatFigure } from '@/lib/view/words/format-figure';
import { pickHeadline } from '@/lib/view/figures/pick-headline';
import { activeValuesOf, buildQuestionView } from '@/lib/view/figures/question-view';
import { trendAnchorFor } from '@/lib/view/figures/trend-links';
import { askQuestion } from '@/lib/view/figures/ask-question';
import type { ViewDefaults, ViewState } from '@/lib/view/state/view-state';
import type { ViewHrefs } from '@/lib/view/state/write-view-query';
import { getWaveLinks, getWaves } from '../../lib/store/survey-store';
import { FigureSwitch } from '../ui/charts/figure-switch';
import { TrendChart } from '../ui/charts/trend-chart';
import { TrendTable } from '../ui/tables/trend-table';
import { TREND_LINES } from './trend-section';

const MEASURE_WORDS: Record<string, string> = {
  share: 'share of respondents who answered',
  ranked_first: 'share who ranked it first',
};

interface HeadlineTrendProps {
  dataset: DatasetSource;
  /** The wave the page's filters name their questions in. */
  filterWave: string;
  state: ViewState;
  defaults: ViewDefaults;
  hrefs: ViewHrefs;
}

/**
 * The top of a multi-wave dataset's page: its headline question through the waves, under the
 * page's filters — one line per option, the leader labelled, the base of every wave stated, and
 * each line leading to the question's own trend.
 */
export async function HeadlineTrend({ dataset, filterWave, state, defaults, hrefs }: HeadlineTrendProps) {
  if (dataset.waves.length < 2) return null;
  const loaded = (await getWaves(dataset)).flatMap((result) =>
    result.ok ? [{ id: result.wave.id, survey: result.survey, ...(result.wave.label ? { label: result.wave.label } : {}) }] : [],
  );
  const waveLinks = getWaveLinks(dataset, loaded);
  const headline = pickHeadline(waveLinks, dataset.codebook?.headline);
  if (!headline || loaded.length < 2) return null;
  const home = headline.waves.at(-1)!;
  const trendState = changeView(state, { wave: 'all', by: undefined, page: 1, asIn: trendAnchorFor(loaded, home.questionId, home.waveId) });
  const reference = loaded.find((wave) => wave.id === filterWave);
  const asked = askQuestion({ dataset, defaults, state: trendState, loaded, reference, everyWave: loaded, waveLinks }, home.questionId);
  if (asked?.kind !== 'question') return null;
  const { question } = asked;
  const figures = buildQuestionView({ id: dataset.id, waves: loaded }, asked, trendState, { limit: Infinity });
  const data = buildTrendData(question, figures.result.rows, { limit: TREND_LINES, activeValues: activeValuesOf(state, question.id) });
  if (!data || data.waves.length < 2) return null;
  const href = hrefs.question(question.id, trendState);
  const weighted = figures.result.rows.some((row) => isWeightedMethod(row.ci_method));
  const bases = data.waves.map((wave, w) => `${wave}: ${data.bases[w] === null ? 'withheld' : formatFigure(data.bases[w] ?? NaN, 'count')}`).join(' · ');
  return (
    <section className="card headline-trend" aria-labelledby="headline-heading">
      <p className="muted small">
        Headline trend, {data.waves[0]}–{data.waves.at(-1)}
      </p>
      <h2 id="headline-heading">
        <a href={href}>{question.label}</a>
      </h2>
      <p className="small muted">
        {MEASURE_WORDS[data.measure] ?? 'share'} in each wave, with {describeIntervalName(intervalLevelOf(figures.result.rows[0]?.ci_method ?? ''))}s; the{' '}
        {data.lines.length} options largest in {data.waves.at(-1)}. Base per wave — {bases}.
      </p>
      <FigureSwitch
        key={state.display}
        label={question.label}
        initial={state.display}
        chart={<TrendChart data={data} variant="headline" lineHref={href} />}
        table={
          <TrendTable
            data={data}
            caption={`The ${data.lines.length} options largest in ${data.waves.at(-1)}, by wave`}
            optionHeader="Option"
            testMethod={weighted ? PROPORTION_TEST_METHOD.waves : PROPORTION_TEST_METHOD.pooled}
          />
        }
      />
    </section>
  );
}
