'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Codebook } from '@/lib/survey/codebook-schema';
import { setWeight } from '@/lib/survey/edit-codebook';
import type { ReviewModel } from '@/lib/view/figures/review-session';
import { formatCounted } from '@/lib/view/words/format-figure';
import { saveDownload } from '../charts/save-download';
import { IssueList } from '../survey/issue-list';
import type { ReviewState } from './use-review-worker';
import { QuestionEditor } from './question-editor';
import { ReviewTable } from './review-table';

interface ReviewPanelProps {
  model: ReviewModel;
  chart: ReviewState['chart'];
  onChange: (codebook: Codebook) => void;
  onDraw: (id: string) => void;
  /** The codebook's file name when downloaded. */
  downloadName: string;
}

/** Downloads the codebook as it stands, to use with `survey-lens --codebook` or in another deployment. */
function CodebookDownload({ codebook, name }: { codebook: Codebook; name: string }) {
  const save = () => saveDownload(new Blob([`${JSON.stringify(codebook, null, 2)}\n`], { type: 'application/json' }), name);
  return (
    <button type="button" className="button" onClick={save}>
      Download the codebook
    </button>
  );
}

/** How a file's cells are separated, in words. */
function describeDelimiter(delimiter: string): string {
  if (delimiter === '\t') return 'tab-separated';
  if (delimiter === ';') return 'semicolon-separated';
  return delimiter === ',' ? 'comma-separated' : `separated by “${delimiter}”`;
}

/** Step 3: what was read — respondents, what was wrong with the file, the questions and how each was read — and the selected question drawn. */
export function ReviewPanel({ model, chart, onChange, onDraw, downloadName }: ReviewPanelProps) {
  // Nothing is drawn until a question is picked: a chart is the costliest thing the page renders, and the review must show at once.
  const [selected, setSelected] = useState<string>();
  const several = model.waves.length > 1;
  const question = useMemo(() => model.questions.find((candidate) => candidate.id === selected), [model, selected]);
  // A changed codebook gives a new model: the selected question is drawn again from it.
  useEffect(() => {
    if (selected) onDraw(selected);
  }, [model, selected, onDraw]);
  const issues = model.waves.flatMap((wave) => wave.issues.map((issue) => ({ ...issue, message: several ? `${wave.name}: ${issue.message}` : issue.message })));
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p className="review__respondents" data-testid="respondents">
        {several
          ? model.waves.map((wave) => `${wave.id}: ${formatCounted(wave.respondents, 'respondent')}`).join(' · ')
          : formatCounted(model.waves[0].respondents, 'respondent')}
      </p>
      <p className="small muted">
        {model.waves
          .map(
            (wave) =>
              `${wave.name}: ${formatCounted(wave.columns, 'column')}, ${describeDelimiter(wave.delimiter)}, ${formatCounted(wave.headerRows, 'header row')}`,
          )
          .join('; ')}
        . {formatCounted(model.questions.length, 'question')}.
      </p>
      {issues.length > 0 ? (
        <details className="review__issues" open={issues.some((issue) => issue.severity === 'error')}>
          <summary>What was found wrong with the file ({formatCounted(issues.length, 'note')})</summary>
          <IssueList issues={issues} />
        </details>
      ) : (
        <p className="small">Nothing was found wrong with the file.</p>
      )}
      <div className="review__tools">
        <label>
          Weight column{' '}
          <select value={model.codebook.weight ?? ''} onChange={(event) => onChange(setWeight(model.codebook, event.target.value || undefined))}>
            <option value="">None: every respondent counts once</option>
            {model.numeric.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <CodebookDownload codebook={model.codebook} name={downloadName} />
      </div>
      <p className="small muted">Pick a question to see its chart as the dashboard will draw it. Changing its kind or its options’ order draws it again.</p>
      <div className="review__body">
        <ReviewTable questions={model.questions} codebook={model.codebook} several={several} selected={selected} onChange={onChange} onSelect={setSelected} />
        {question ? (
          <QuestionEditor
            question={question}
            codebook={model.codebook}
            several={several}
            drawn={chart?.id === question.id ? chart.drawn : undefined}
            onChange={onChange}
          />
        ) : (
          <p className="question-editor muted">Pick a question’s id in the table to see its chart here, drawn as the dashboard will draw it.</p>
        )}
      </div>
    </section>
  );
}
