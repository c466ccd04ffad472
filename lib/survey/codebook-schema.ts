import { z } from 'zod';

/**
 * The codebook (`survey.json` next to the data) is one of the three boundaries where input is
 * validated. Everything in it is optional: what it does not set is inferred from the CSV.
 */

const kindSchema = z.enum(['single', 'multi', 'ranking', 'likert', 'numeric', 'text', 'meta']);

const optionSchema = z.union([
  z.string().min(1),
  z
    .object({
      value: z.string().min(1),
      label: z.string().min(1).optional(),
      excludeFromBase: z.boolean().optional(),
      /** Earlier wordings of this option in other waves (`United States` for `United States of America`): one line in a trend. */
      aliases: z.array(z.string().min(1)).optional(),
    })
    .strict(),
]);

export const codebookQuestionSchema = z
  .object({
    label: z.string().min(1).optional(),
    text: z.string().optional(),
    kind: kindSchema.optional(),
    /** Option values in the order to show them (scale order for likert). Unlisted values follow. */
    options: z.array(optionSchema).optional(),
    /** Option values whose only-answer respondents are left out of the base ("Other(s):"). */
    excludeFromBase: z.array(z.string().min(1)).optional(),
    /**
     * What coded answers mean (`"1": "Under 10"`), as a publisher's codebook gives them: labels
     * only — unlike `options`, no option is added or reordered.
     */
    valueLabels: z.record(z.string(), z.string().min(1)).optional(),
    /** Header names of the columns that make up this question (one column per option or item). */
    columns: z.array(z.string().min(1)).min(1).optional(),
    /** Separator of `;`-joined multi-select cells and ordered-list rankings. */
    separator: z.string().min(1).max(3).optional(),
    /** Earlier ids of the same question in other waves (a column renamed between years). */
    aliases: z.array(z.string().min(1)).optional(),
    /** Personal data (names, e-mail addresses…): never in the responses table, its search or its download. */
    private: z.boolean().optional(),
    /** Not a question at all (a column the survey tool added, a test field): left out of the survey. */
    ignore: z.boolean().optional(),
  })
  .strict();

export const waveSchema = z
  .object({
    id: z.string().regex(/^[\w.-]{1,40}$/, 'wave ids are letters, digits, dot, dash, underscore'),
    /** File path relative to the dataset's folder, up to three subfolders deep; no `..`, no absolute paths, no dot-names. */
    file: z
      .string()
      .regex(
        /^(?:[\w.-]+\/){0,3}[\w. -]+\.(?:csv|tsv)(?:\.gz)?$/i,
        'a wave file is a .csv, .tsv, .csv.gz or .tsv.gz path inside the dataset folder, e.g. 2024/results.csv',
      )
      .refine((name) => name.split('/').every((part) => !part.startsWith('.')), 'a wave file path cannot contain `..` or names starting with a dot'),
    label: z.string().optional(),
  })
  .strict();

export const headerSchema = z
  .object({
    layout: z.enum(['single-row', 'ids-and-text', 'question-and-option', 'ids-question-and-option', 'qualtrics', 'qualtrics-legacy']).optional(),
    skip: z.number().int().min(0).max(20).optional(),
    rows: z.number().int().min(1).max(4).optional(),
  })
  .strict();

export const codebookSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    /** Says plainly on every page that the data is made up. */
    synthetic: z.boolean().optional(),
    source: z.string().optional(),
    waves: z.array(waveSchema).min(1).optional(),
    /** Column holding respondent weights. */
    weight: z.string().min(1).optional(),
    /** The question whose trend opens the dataset's page (default: the first ranking asked in two waves or more). */
    headline: z.string().min(1).optional(),
    /**
     * Groups smaller than this are never shown (counts, shares, bases): the dataset's rule, which
     * a reader's URL may raise but never lower. Default 10.
     */
    suppressBelow: z.number().int().min(0).max(1000).optional(),
    /**
     * Who the dashboard is for: `analyst` (default: one's own data on one's own machine) or
     * `public` (a published deployment: every figure from a protected release — see
     * docs/publishing.md). SURVEY_LENS_MODE=public sets it for a whole server.
     */
    disclosure: z.enum(['analyst', 'public']).optional(),
    /**
     * Public mode: the questions a reader may filter and compare by (the release's breakdowns).
     * Each public question's one-way table, and its two-way table with each of these, is what a
     * public dashboard publishes; without any, it publishes the one-way tables only.
     */
    publicBreakdowns: z.array(z.string().min(1)).optional(),
    /** Public mode: how many breakdowns one view may combine (filters and compare-by together); default 1. */
    publicFields: z.union([z.literal(1), z.literal(2)]).optional(),
    /** No longer used: a public dashboard publishes no raw responses (issue 21). Kept so older codebooks still read. */
    publicColumns: z.array(z.string().min(1)).optional(),
    header: headerSchema.optional(),
    /** Extra strings meaning "no answer" besides '', NA and N/A. */
    missing: z.array(z.string()).optional(),
    questions: z.record(z.string().min(1), codebookQuestionSchema).optional(),
  })
  .strict();

export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookQuestion = z.infer<typeof codebookQuestionSchema>;
export type CodebookOption = z.infer<typeof optionSchema>;
