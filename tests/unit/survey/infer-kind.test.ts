import { describe, expect, it } from 'vitest';
import { inferColumn, inferColumnKind, isMetaName } from '../../../lib/survey/infer-kind';
import { createMissingTest } from '../../../lib/survey/missing-values';

const isMissing = createMissingTest();
const kindOf = (values: string[], names: string[] = ['q'], respondents = values.length) => inferColumnKind(names, values, isMissing, respondents);
const repeat = (times: number, ...values: string[]) => Array.from({ length: times }, () => values).flat();

describe('isMetaName', () => {
  it.each([
    'Respondent ID',
    'ResponseId',
    'response_id',
    'Collector ID',
    'IP Address',
    'Start Date',
    'EndDate',
    'Timestamp',
    'submitted_at',
    'Duration (in seconds)',
    'Time from Start to Finish (seconds)',
    'Email Address',
    '  Finished ',
    'Q5_other_text',
    'ประทับเวลา', // "timestamp" in a Thai Google Forms export
  ])('isMetaName(%j) is true', (name) => {
    expect(isMetaName(name)).toBe(true);
  });

  it.each(['Country', 'Response rate', 'Date of birth', 'Identifier of your team', 'Languages', 'Other'])('isMetaName(%j) is false', (name) => {
    expect(isMetaName(name)).toBe(false);
  });
});

describe('inferColumnKind', () => {
  it.each([
    { case: 'a meta column name wins over the values', values: ['Yes', 'No', 'Yes'], names: ['Respondent ID'], kind: 'meta' },
    { case: 'a column nobody answered', values: ['', 'NA', ''], names: ['q'], kind: 'single' },
    { case: 'timestamps', values: ['2023-05-01 09:00:00', '2023-05-02 10:30:00', '2023-05-03 11:00:00'], names: ['when'], kind: 'meta' },
    { case: 'numbers with only two distinct values (a 0/1 flag)', values: ['0', '1', '1', '0', ''], names: ['q'], kind: 'single' },
    { case: 'numbers, blanks and NA', values: ['5', '12', 'NA', '3', '', '20', '0'], names: ['q'], kind: 'numeric' },
    { case: 'ordered frequency labels', values: ['Often', 'Never', 'Often', 'Sometimes'], names: ['q'], kind: 'likert' },
    { case: 'agreement labels with "Don’t know"', values: ['Agree', 'Strongly agree', 'Don’t know', 'Agree'], names: ['q'], kind: 'likert' },
    { case: 'unordered repeated labels', values: ['Red', 'Blue', 'Red', 'Green', 'Blue'], names: ['q'], kind: 'single' },
    { case: 'answers joined with ";" whose parts repeat', values: ['Python;SQL', 'Python', 'Go;Python;SQL', 'SQL', 'Python;SQL'], names: ['q'], kind: 'multi' },
    {
      case: 'five different sentences of 15+ characters',
      values: ['I like the docs.', 'More examples please', 'Faster CI would help', 'Dark mode!!!!!!!!', 'Nothing to add here'],
      names: ['q'],
      kind: 'text',
    },
    {
      case: 'one comment of 104 characters (over 80)',
      values: ['The onboarding guide skipped the part about API tokens, so I spent most of a day guessing how to log in.', '', ''],
      names: ['q'],
      kind: 'text',
    },
  ])('inferColumnKind: $case → $kind', ({ values, names, kind }) => {
    expect(kindOf(values, names)).toBe(kind);
  });

  it('calls numbers numeric when 99% are numbers: 1 word in 100 answers is tolerated', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => String(i % 40)), 'ten'];
    expect(kindOf(values)).toBe('numeric');
  });

  it('does not call numbers numeric when 2 of 100 answers are words', () => {
    const values = [...Array.from({ length: 98 }, (_, i) => String(i % 40)), 'ten', 'eleven'];
    expect(kindOf(values)).not.toBe('numeric');
  });

  it('calls 20+ distinct integers answered by every respondent an identifier (meta)', () => {
    const ids = Array.from({ length: 20 }, (_, i) => String(1000 + i));
    expect(kindOf(ids)).toBe('meta');
  });

  it('keeps 19 distinct integers numeric: too few to call an identifier', () => {
    const values = Array.from({ length: 19 }, (_, i) => String(1000 + i));
    expect(kindOf(values)).toBe('numeric');
  });

  it('calls 20 distinct short codes without spaces, one per respondent, an identifier (meta)', () => {
    const codes = Array.from({ length: 20 }, (_, i) => `R_${i}x`);
    expect(kindOf(codes)).toBe('meta');
  });

  it('keeps ";" answers single when fewer than 2 cells combine options (Stack Overflow Gender)', () => {
    const values = [...repeat(50, 'Man', 'Woman'), 'Man;Woman'];
    expect(kindOf(values)).toBe('single');
  });

  it('calls ";" answers multi once 2 cells combine options', () => {
    const values = [...repeat(50, 'Man', 'Woman'), 'Man;Woman', 'Woman;Non-binary'];
    expect(kindOf(values)).toBe('multi');
  });

  it('calls 31+ distinct answers making up more than half of the answers text', () => {
    const values = Array.from({ length: 40 }, (_, i) => `city ${i % 35}`);
    expect(kindOf(values)).toBe('text');
  });
});

describe('inferColumn: 1/0 under a yes-or-no question (Typeform, issue 24)', () => {
  const isMissing = (value: string) => value === '';
  const cells = [...Array(121).fill('1'), ...Array(35).fill('0')];

  it('inferColumn(["Are you using Kubernetes?"], 1 ×121, 0 ×35) → single, labelled Yes and No, Yes first', () => {
    const inference = inferColumn(['Are you using Kubernetes?'], cells, isMissing, 156);
    expect(inference.kind).toBe('single');
    expect(inference.reason).toBe('single: yes/no coded 1/0 ("Are you using Kubernetes?" asks for a yes or a no)');
    expect(inference.labels?.order).toEqual(['1', '0']);
    expect(Object.fromEntries(inference.labels!.of)).toEqual({ '1': 'Yes', '0': 'No' });
  });

  it('inferColumn(["GitOps"], the same 1/0) → single codes with no labels: the header asks nothing', () => {
    const inference = inferColumn(['GitOps'], cells, isMissing, 156);
    expect([inference.kind, inference.labels]).toEqual(['single', undefined]);
  });
});
