'use client';

import type { Codebook } from '@/lib/survey/codebook-schema';
import { editQuestion, moveOption, splitList } from '@/lib/survey/edit-codebook';
import type { ChartData } from '@/lib/view/figures/build-chart-data';
import type { ReviewQuestion } from '@/lib/view/figures/review-session';
import { formatCounted } from '@/lib/view/words/format-figure';
import { QuestionChart } from '../charts/question-chart';

interface QuestionEditorProps {
  question: ReviewQuestion;
  codebook: Codebook;
  several: boolean;
  drawn?: { waveId: string; chart?: ChartData; respondents: number };
  onChange: (codebook: Codebook) => void;
}

/** Ordered scales and single choices show their options in the order given: those can be reordered here. */
const REORDERABLE = new Set(['single', 'likert', 'ranking']);

/**
 * The selected question: its chart, drawn in the worker by the dashboard's own assembler, and
 * what the table has no room for: the options' order, the options left out of the base, the
 * separator of joined answers, and its earlier ids in other waves.
 */
export function QuestionEditor({ question, codebook, several, drawn, onChange }: QuestionEditorProps) {
  const options = question.options ?? [];
  const entry = codebook.questions?.[question.id];
  return (
    <section className="question-editor" aria-labelledby="question-editor-title">
      <h3 id="question-editor-title">
        {question.label} {question.label !== question.id && <span className="muted small">({question.id})</span>}
      </h3>
      {drawn?.chart ? (
        <QuestionChart
          data={drawn.chart}
          variant="compact"
          caption={`As the dashboard will draw it, ${drawn.waveId}: ${formatCounted(question.answered, 'answer')}.`}
        />
      ) : (
        <p className="muted" data-testid="no-chart">
          {question.kind === 'ignore'
            ? 'Ignored: this column is left out of the survey.'
            : 'Not charted: free text and metadata are read in the responses table only.'}
        </p>
      )}
      {options.length > 0 && question.kind !== 'ignore' && (
        <fieldset className="question-editor__options">
          <legend>Options, in the order shown</legend>
          <ol>
            {options.map((option, index) => (
              <li key={option}>
                <span className="question-editor__option">{option}</span>
                {REORDERABLE.has(question.kind) && (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Move ${option} up`}
                      disabled={index === 0}
                      onClick={() => onChange(moveOption(codebook, question.id, options, index, index - 1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Move ${option} down`}
                      disabled={index === options.length - 1}
                      onClick={() => onChange(moveOption(codebook, question.id, options, index, index + 1))}
                    >
                      ↓
                    </button>
                  </>
                )}
                <label className="small">
                  <input
                    type="checkbox"
                    checked={question.excludeFromBase.includes(option)}
                    onChange={(event) => {
                      const left = new Set(question.excludeFromBase);
                      if (event.target.checked) left.add(option);
                      else left.delete(option);
                      onChange(editQuestion(codebook, question.id, { excludeFromBase: left.size > 0 ? [...left] : undefined }));
                    }}
                  />{' '}
                  left out of the base
                </label>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
      <div className="question-editor__fields">
        {question.kind === 'multi' && (
          <label>
            Separator of joined answers{' '}
            <input
              size={4}
              defaultValue={entry?.separator ?? question.separator ?? ''}
              key={question.separator}
              onBlur={(event) => onChange(editQuestion(codebook, question.id, { separator: event.target.value || undefined }))}
            />
          </label>
        )}
        {several && (
          <label>
            Its ids in other waves (a renamed column){' '}
            <input
              defaultValue={(entry?.aliases ?? []).join(', ')}
              onBlur={(event) => {
                const aliases = splitList(event.target.value);
                onChange(editQuestion(codebook, question.id, { aliases: aliases.length > 0 ? aliases : undefined }));
              }}
            />
          </label>
        )}
      </div>
    </section>
  );
}
