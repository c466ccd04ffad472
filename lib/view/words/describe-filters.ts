import type { Filter } from '../../analysis/filters';
import type { Question } from '../../survey/types';

/** One part of the filter sentence: a filter in words, and which filter removing it removes. */
export interface FilterPart {
  question: string;
  op: Filter['op'];
  text: string;
}

export type LabelLookup = (questionId: string) => Question | undefined;

function quote(values: readonly string[], joiner: string): string {
  const quoted = values.map((value) => `“${value}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}

/** “role is Backend or Frontend”, in the survey's own labels for questions and options. */
export function describeFilter(filter: Filter, lookup: LabelLookup = () => undefined): string {
  const question = lookup(filter.question);
  const name = question?.label ?? filter.question;
  const options = question && 'options' in question ? question.options : [];
  const labels = filter.values.map((value) => options.find((option) => option.value === value)?.label ?? value);
  const many = question?.kind === 'multi' || question?.kind === 'ranking';
  switch (filter.op) {
    case 'in':
      return question?.kind === 'ranking' ? `${name}: ranked ${quote(labels, 'or')}` : `${name} ${many ? 'includes' : 'is'} ${quote(labels, 'or')}`;
    case 'not':
      return labels.length > 1
        ? `${name} ${many ? 'includes neither' : 'is neither'} ${quote(labels, 'nor')}`
        : `${name} ${many ? 'does not include' : 'is not'} ${quote(labels, 'or')}`;
    case 'all':
      return `${name} includes all of ${quote(labels, 'and')}`;
    case 'first':
      return `${name}: ranked ${quote(labels, 'or')} first`;
    case 'gte':
      return `${name} is at least ${labels[0]}`;
    case 'lte':
      return `${name} is at most ${labels[0]}`;
    case 'gt':
      return `${name} is more than ${labels[0]}`;
    case 'lt':
      return `${name} is less than ${labels[0]}`;
    case 'answered':
      return `${name} ${labels[0] === '0' ? 'was not answered' : 'was answered'}`;
  }
}

/** The filters as sentence parts, joined with "and" by whoever shows them. */
export function describeFilterParts(filters: readonly Filter[], lookup?: LabelLookup): FilterPart[] {
  return filters.map((filter) => ({ question: filter.question, op: filter.op, text: describeFilter(filter, lookup) }));
}

/** The whole sentence, for notes and captions: “Respondents where … and …”, or “All respondents”. */
export function describeFilters(filters: readonly Filter[], lookup?: LabelLookup): string {
  if (filters.length === 0) return 'All respondents';
  return `Respondents where ${describeFilterParts(filters, lookup)
    .map((part) => part.text)
    .join(' and ')}`;
}
