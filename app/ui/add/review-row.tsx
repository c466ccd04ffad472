'use client';

import { memo } from 'react';
import type { Codebook } from '@/lib/survey/codebook-schema';
import { editQuestion, REVIEW_KINDS, setReviewKind, type ReviewKind } from '@/lib/survey/edit-codebook';
import type { ReviewQuestion } from '@/lib/view/figures/review-session';

export interface ReviewRowProps {
  question: ReviewQuestion;
  codebook: Codebook;
  several: boolean;
  selected: boolean;
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

/** One question of the review: what inference (or the codebook) made of it, and the controls to change it. */
export const ReviewRow = memo(function ReviewRow({ question, codebook, several, selected, onChange, onSelect }: ReviewRowProps) {
  return (
    <tr
      data-question={question.id}
      data-anchor={`${question.waves.at(-1)?.waveId}:${question.waves.at(-1)?.questionId}`}
      className={selected ? 'review-table__row--selected' : undefined}
    >
      <th scope="row">
        <button type="button" className="link-button review-table__id" aria-pressed={selected} onClick={() => onSelect(question.id)}>
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
      <td className="small">
        {question.reason ? (
          <span className="review-table__reason" title={question.reason}>
            {question.reason}
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      {several && (
        <td className="small">
          {question.waves.map((wave) => (wave.questionId === question.id ? wave.waveId : `${wave.waveId} (as ${wave.questionId})`)).join(', ')}
        </td>
      )}
    </tr>
  );
});
