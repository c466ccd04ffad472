import type { CodebookQuestion } from './codebook-schema';
import type { QuestionPlan } from './build-question';
import type { IngestedColumn } from './column-encoder';
import type { ColumnInference } from './infer-kind';

export interface PlanContext {
  respondents: number;
  isMissing: (value: string) => boolean;
  /** One CSV column for every kept respondent: dictionary-encoded, or packed when its answers hardly repeat. */
  column: (index: number) => IngestedColumn;
  columnName: (index: number) => string;
}

/** A grid row's or option column's label: the stem, then the item ("…satisfied are you with: Your current position"). */
export function joinStem(stem: string, item: string): string {
  return stem.endsWith(':') ? `${stem} ${item}` : `${stem}: ${item}`;
}

/**
 * "Other (please specify)" columns hold what people typed, whatever the kind inference says. A
 * question that merely starts "Please specify your main academic discipline" is not one.
 */
export const OTHER_SPECIFY =
  /\(please specify\)|\bother\b.*please specify|please specify\s*:?$|\(specify\)|other.*\(text\)|^other - write in:|^other word\(s\):/i;

export function optionSettings(entry: CodebookQuestion | undefined): Pick<Partial<QuestionPlan>, 'order' | 'optionLabels' | 'excludedFromBase' | 'aliases'> {
  if (!entry) return {};
  const order = entry.options?.map((option) => (typeof option === 'string' ? option : option.value));
  const optionLabels = new Map<string, string>(Object.entries(entry.valueLabels ?? {}));
  const excludedFromBase = new Set(entry.excludeFromBase ?? []);
  const aliases = new Map<string, string>();
  for (const option of entry.options ?? []) {
    if (typeof option === 'string') continue;
    if (option.label) optionLabels.set(option.value, option.label);
    if (option.excludeFromBase) excludedFromBase.add(option.value);
    for (const alias of option.aliases ?? []) aliases.set(alias, option.value);
  }
  return { order, optionLabels, excludedFromBase, ...(aliases.size > 0 ? { aliases } : {}) };
}

/** The plan fields an inference fills in: separator and options of a joined list, scale, write-ins. */
export function inferenceSettings(inference: ColumnInference): Partial<QuestionPlan> {
  return {
    reason: inference.reason,
    ...(inference.joined ? { separator: inference.joined.separator, tokensOf: inference.joined.tokensOf } : {}),
    ...(inference.scale ? { scale: inference.scale } : {}),
    ...(inference.writeIns ? { writeIns: inference.writeIns } : {}),
    ...(inference.labels ? { inferredLabels: inference.labels.of, order: inference.labels.order } : {}),
  };
}
