'use client';

import type { Codebook } from '@/lib/survey/codebook-schema';
import { editQuestion, REVIEW_KINDS, setReviewKind, type ReviewKind } from '@/lib/survey/edit-codebook';
import type { ReviewQuestion } from '@/lib/view/figures/review-session';

interface ReviewTableProps {
  questions: readonly ReviewQuestion[];
  codebook: Codebook;
  several: boolean;
  selected?: string;
  onChange: (codebook: Codebook) => void;
  onSelect: (id: string) => void;
}

const SHOWN_OPTIONS = 6;

function Options({ question }: { question: ReviewQuestion }) {
  const options = question.options ?? [];
  if (options.length === 0) return <span className="muted">–</span>;
  return (
    <ol className="review-options">
      {options.slice(0, SHOWN_OPTIONS).map((option) => (
        <li key={option}>{option}</li>
      ))}
      {options.length > SHOWN_OPTIONS && <li className="muted">…and {options.length - SHOWN_OPTIONS} more</li>}
    </ol>
  );
}

/**
 * One row per question: what inference (or the codebook) made of it, and the controls to change
 * it. A change goes into the codebook, which the worker applies at once.
 */
export function ReviewTable({ questions, codebook, several, selected, onChange, onSelect }: ReviewTableProps) {
  return (
    <div className="table-scroll review-table" tabIndex={0} aria-label="Questions found">
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">The questions found in the file, with how each was read</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Label</th>
            <th scope="col">Kind</th>
            <th scope="col">Options, in order</th>
            <th scope="col">Separator</th>
            <th scope="col">Left out of base</th>
            <th scope="col">Private</th>
            <th scope="col">Why this kind</th>
            {several && <th scope="col">Waves</th>}
          </tr>
        </thead>
        <tbody>
          {questions.map((question) => (
            <tr key={question.id} data-question={question.id} className={question.id === selected ? 'review-table__row--selected' : undefined}>
              <th scope="row">
                <button type="button" className="link-button review-table__id" aria-pressed={question.id === selected} onClick={() => onSelect(question.id)}>
                  {question.id}
                </button>
              </th>
              <td>
                <input
                  className="review-table__label"
                  aria-label={`Label of ${question.id}`}
                  defaultValue={question.label}
                  key={question.label}
                  onBlur={(event) => {
                    const label = event.target.value.trim();
                    if (label && label !== question.label) onChange(editQuestion(codebook, question.id, { label }));
                  }}
                />
              </td>
              <td>
                <select
                  aria-label={`Kind of ${question.id}`}
                  value={question.kind}
                  data-kind={question.kind}
                  onChange={(event) => onChange(setReviewKind(codebook, question.id, event.target.value as ReviewKind))}
                >
                  {REVIEW_KINDS.map((kind) => (
                    <option key={kind.kind} value={kind.kind}>
                      {kind.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <Options question={question} />
              </td>
              <td>{question.separator ? <code>{question.separator}</code> : <span className="muted">–</span>}</td>
              <td>{question.excludeFromBase.length > 0 ? question.excludeFromBase.join(', ') : <span className="muted">–</span>}</td>
              <td>
                <label className="review-table__private">
                  <input
                    type="checkbox"
                    checked={question.hidden}
                    onChange={(event) => onChange(editQuestion(codebook, question.id, { private: event.target.checked }))}
                  />
                  <span className="visually-hidden">Keep {question.id} out of the responses table</span>
                </label>
                {question.personal && <span className="small review-table__personal">{question.personal}</span>}
              </td>
              <td className="small">{question.reason ?? <span className="muted">–</span>}</td>
              {several && (
                <td className="small">
                  {question.waves.map((wave) => (wave.questionId === question.id ? wave.waveId : `${wave.waveId} (as ${wave.questionId})`)).join(', ')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
