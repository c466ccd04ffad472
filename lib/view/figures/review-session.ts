import { decodeCsvStream, type Gunzip } from '../../csv/decode-stream';
import type { IngestIssue } from '../../csv/ingest-issue';
import { assembleSurvey, buildSurveyFromStream } from '../../survey/build-survey';
import type { Codebook } from '../../survey/codebook-schema';
import { describeSurvey, type QuestionDescription } from '../../survey/describe-survey';
import type { ReviewKind } from '../../survey/edit-codebook';
import { linkWaves } from '../../survey/link-waves';
import { mergeQuestions, type PublisherQuestions } from '../../survey/publisher-schema';
import { fingerprintSurvey, type SurveyFingerprint } from '../../survey/survey-fingerprint';
import type { IngestedFile } from '../../survey/survey-ingest';
import type { Wave } from '../../survey/types';
import { parseViewState } from '../state/parse-view-state';
import { viewDefaultsOf } from '../state/view-defaults';
import { askQuestion } from './ask-question';
import type { ChartData } from './build-chart-data';
import { buildQuestionView } from './question-view';

/** One file of the survey being reviewed: a dropped file, or a saved dataset's wave fetched again. */
export interface ReviewSource {
  waveId: string;
  name: string;
  /** Bytes as stored (compressed, for a .gz): what the progress bar counts against. */
  size: number;
  bytes: () => AsyncIterable<Uint8Array>;
  /** A publisher's schema beside the wave (question text, value labels), merged into the codebook as the server merges it. */
  publisher?: PublisherQuestions;
}

export interface ReadProgress {
  /** 0-based index of the file being read. */
  file: number;
  files: number;
  bytes: number;
  totalBytes: number;
  rows: number;
  /** 2 while a tab-separated file whose quotes broke its records is read again without quoting. */
  pass: number;
  /** `questions` once every byte is read: kinds are being inferred and the review assembled. */
  stage: 'reading' | 'questions';
}

/** A row of the review's table: what inference (or the codebook) made of one question. */
export interface ReviewQuestion extends Omit<QuestionDescription, 'kind'> {
  kind: ReviewKind;
  /** Waves that ask it, with its id there when that differs (a renamed column). */
  waves: { waveId: string; questionId: string }[];
  excludeFromBase: string[];
  aliases: string[];
  /** Marked private by the codebook, or looks personal: hidden from the responses table. */
  hidden: boolean;
}

export interface ReviewWave {
  id: string;
  name: string;
  respondents: number;
  columns: number;
  layout: string;
  /** Header rows read above the answers (a title line skipped counts too). */
  headerRows: number;
  delimiter: string;
  issues: IngestIssue[];
}

export interface ReviewModel {
  waves: ReviewWave[];
  questions: ReviewQuestion[];
  codebook: Codebook;
  /** Per wave, what the server must find when it reads the saved files with the codebook. */
  fingerprints: Record<string, SurveyFingerprint>;
  /** Numeric questions, candidates for the weight column. */
  numeric: string[];
}

interface ReadFile {
  source: ReviewSource;
  ingested: IngestedFile;
  decodeIssues: IngestIssue[];
}

/** Progress is reported at most this often (ms): four times a second is the floor the page promises, ten is plenty. */
const PROGRESS_EVERY_MS = 100;

/** Counts bytes as they pass, for the progress bar. */
async function* counted(bytes: AsyncIterable<Uint8Array>, onBytes: (length: number) => void, onEnd: () => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    onBytes(chunk.length);
    yield chunk;
  }
  onEnd();
}

/** The codebook a wave is read with: the dataset's, with a publisher's schema merged in as discovery merges it. */
function codebookForWave(codebook: Codebook, source: ReviewSource): Codebook {
  return source.publisher ? { ...codebook, questions: mergeQuestions(codebook.questions, source.publisher) } : codebook;
}

/**
 * A survey under review: its files read once into columns by the same streaming core the server
 * uses (decodeCsvStream → buildSurveyFromStream), then assembled again under each edit of the
 * codebook without reading the files again, and a question drawn through the same assembler and
 * aggregate as the dashboard (askQuestion → buildQuestionView → aggregateView). Browser-safe: the
 * Web Worker of /add runs it, and so do the unit tests in Node.
 */
export class ReviewSession {
  private files: ReadFile[] = [];
  private waves: Wave[] = [];
  private codebook: Codebook = {};
  /** The last description of every question seen, so a question set to `ignore` keeps its row. */
  private known = new Map<string, ReviewQuestion>();

  async read(
    sources: readonly ReviewSource[],
    codebook: Codebook,
    options: { maxBytes: number; gunzip?: Gunzip; onProgress?: (progress: ReadProgress) => void },
  ): Promise<ReviewModel> {
    const totalBytes = sources.reduce((sum, source) => sum + source.size, 0);
    const progress: ReadProgress = { file: 0, files: sources.length, bytes: 0, totalBytes, rows: 0, pass: 1, stage: 'reading' };
    let reported = 0;
    const report = (force = false) => {
      const now = Date.now();
      if (!force && now - reported < PROGRESS_EVERY_MS) return;
      reported = now;
      options.onProgress?.({ ...progress });
    };
    this.files = [];
    for (const [index, source] of sources.entries()) {
      // Where this file starts on the bar: a second pass over it starts there again.
      const start = { bytes: progress.bytes, rows: progress.rows };
      Object.assign(progress, { file: index, pass: 1, stage: 'reading' });
      report(true);
      const open = () =>
        decodeCsvStream(
          counted(
            source.bytes(),
            (length) => {
              progress.bytes += length;
              report();
            },
            () => {
              // Every byte is in: what is left is working out the questions.
              progress.stage = 'questions';
              report(true);
            },
          ),
          source.name,
          options.maxBytes,
          options.gunzip ? { gunzip: options.gunzip } : {},
        );
      const decoded = open();
      let ingested: IngestedFile | undefined;
      await buildSurveyFromStream(decoded.pieces, {
        codebook: codebookForWave(codebook, source),
        name: source.name,
        reread: () => {
          Object.assign(progress, { ...start, pass: 2, stage: 'reading' });
          report(true);
          return open().pieces;
        },
        onRecords: (records) => {
          progress.rows += records;
          report();
        },
        onIngested: (file) => (ingested = file),
      });
      this.files.push({ source, ingested: ingested!, decodeIssues: decoded.issues });
    }
    return this.apply(codebook);
  }

  /** The survey assembled again under an edited codebook (no file read again), and the review's rows. */
  apply(codebook: Codebook): ReviewModel {
    this.codebook = codebook;
    this.waves = this.files.map(({ source, ingested, decodeIssues }) => {
      const survey = assembleSurvey(ingested, codebookForWave(codebook, source));
      survey.issues.unshift(...decodeIssues);
      return { id: source.waveId, survey };
    });
    return this.model();
  }

  private model(): ReviewModel {
    const described = this.waves.map((wave) => describeSurvey(wave.survey, wave.id));
    const links = linkWaves(this.waves, this.codebook);
    const questions: ReviewQuestion[] = links.questions.map((linked) => {
      const anchor = linked.waves.at(-1)!;
      const description = described[this.waves.findIndex((wave) => wave.id === anchor.waveId)].questions.find((q) => q.id === linked.id)!;
      const entry = this.codebook.questions?.[linked.id];
      const row: ReviewQuestion = {
        ...description,
        waves: linked.waves.map((link) => ({ waveId: link.waveId, questionId: link.questionId })),
        excludeFromBase: entry?.excludeFromBase ?? [],
        aliases: entry?.aliases ?? [],
        hidden: entry?.private ?? Boolean(description.personal),
      };
      this.known.set(row.id, row);
      return row;
    });
    const ignored = Object.entries(this.codebook.questions ?? {}).flatMap(([id, entry]) => {
      const row = entry.ignore ? this.known.get(id) : undefined;
      return row ? [{ ...row, kind: 'ignore' as const }] : [];
    });
    const order = new Map([...this.known.keys()].map((id, index) => [id, index]));
    return {
      waves: this.waves.map((wave, index) => ({
        id: wave.id,
        name: this.files[index].source.name,
        respondents: wave.survey.size,
        columns: wave.survey.columnCount,
        layout: wave.survey.layout.kind,
        headerRows: wave.survey.layout.skip + wave.survey.layout.rows,
        delimiter: wave.survey.delimiter,
        issues: wave.survey.issues,
      })),
      // In the file's order, ignored questions where they stood.
      questions: [...questions, ...ignored].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
      codebook: this.codebook,
      fingerprints: Object.fromEntries(this.waves.map((wave) => [wave.id, fingerprintSurvey(wave.survey)])),
      numeric:
        this.waves
          .at(-1)
          ?.survey.questions.filter((question) => question.kind === 'numeric')
          .map((question) => question.id) ?? [],
    };
  }

  /**
   * A question's chart in the latest wave that asks it, as the dashboard draws it (everyone, the
   * dataset's weight, the default base): undefined for a question that is not charted (text,
   * metadata) or not in the survey.
   */
  draw(questionId: string): { waveId: string; chart?: ChartData; respondents: number } | undefined {
    const wave = [...this.waves].reverse().find((candidate) => candidate.survey.questions.some((question) => question.id === questionId));
    if (!wave) return undefined;
    const dataset = { id: 'review', waves: [{ id: wave.id }], codebook: this.codebook };
    const defaults = viewDefaultsOf(dataset, 'analyst');
    const state = parseViewState([], defaults).value;
    const asked = askQuestion({ dataset, defaults, state, loaded: [wave], reference: wave }, questionId);
    if (asked?.kind !== 'question') return { waveId: wave.id, respondents: wave.survey.size };
    const view = buildQuestionView({ id: dataset.id, waves: [wave] }, asked, state, { limit: 40 });
    return { waveId: wave.id, chart: view.chart, respondents: wave.survey.size };
  }
}
