/**
 * The attacker's only window on the data: HTTP GETs against a public-mode deployment, as anyone on
 * the internet could send them. Pages (their HTML and the flight payload inside it), the figures'
 * CSV/JSON downloads, the crosstab download and the responses download; any URL it likes.
 * Answers are cached for the run (the same URL is asked once), and every URL an attack asks is
 * counted for its report. It never reads the CSV files: that is the judge's side.
 */
import Papa from 'papaparse';
import { CELL_QUESTIONS, DATASET } from './judge.mjs';

/** A cell a spreadsheet would run as a formula: =, +, -, @, tab or CR first, and not a plain number. */
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A request the server leaves unanswered this long is an error (retried up to 3 times), never a hung suite. */
const REQUEST_TIMEOUT_MS = 120_000;

export class Attacker {
  constructor(base, { concurrency = 4, dataset = DATASET } = {}) {
    this.base = base;
    /** The dataset attacked: the bundled sample, or its copy under another codebook (server.mjs, ATTACK_CODEBOOK). */
    this.dataset = dataset;
    this.cache = new Map();
    this.limit = concurrency;
    this.active = 0;
    this.waiting = [];
    this.asked = new Set();
    this.sent = 0;
    /** Download cells that would run as formulas (a guard of issue 16 that must keep holding). */
    this.formulaCells = [];
  }

  /** Starts counting the URLs one attack asks (cached answers included: the attacker would have asked them). */
  beginAttack() {
    this.asked = new Set();
  }

  async acquire() {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }

  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** GET one URL (path and query), cached by URL and headers: `{ status, body, type }`. */
  get(url, headers = {}) {
    const key = `${url}\u0000${JSON.stringify(headers)}`;
    this.asked.add(key);
    if (!this.cache.has(key)) this.cache.set(key, this.fetchOnce(url, headers));
    return this.cache.get(key);
  }

  async fetchOnce(url, headers) {
    await this.acquire();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await fetch(this.base + url, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          const body = await response.text();
          this.sent++;
          const type = response.headers.get('content-type') ?? '';
          if (response.status === 503 && attempt < 5) {
            await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
            continue;
          }
          if (type.startsWith('text/csv')) this.checkFormulas(url, body);
          return { status: response.status, body, type };
        } catch (error) {
          if (attempt >= 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
        }
      }
    } finally {
      this.release();
    }
  }

  checkFormulas(url, body) {
    const { data } = Papa.parse(body, { header: false, skipEmptyLines: true });
    for (const row of data)
      for (const cell of row)
        if (FORMULA.test(cell) && !PLAIN_NUMBER.test(cell.trim()) && this.formulaCells.length < 20) this.formulaCells.push(`${url}: ${cell.slice(0, 40)}`);
  }

  // ---------- pages ----------

  /** A question page under filters (pairs in URL order) and settings: its numbers, facets and whether it was refused. */
  async page(question, pairs, settings = [], dataset = this.dataset) {
    const url = `/${dataset}/questions/${encodeURIComponent(question)}${query([...pairs, ...settings])}`;
    const { status, body } = await this.get(url);
    const page = readPage(status, body);
    // A collapsed facet's options, and the rest of a long list, are not in the page: the facets route lists them, as a browser asks it.
    const missing = [...page.facets].filter(([, facet]) => facet.incomplete).map(([id]) => id);
    if (missing.length > 0) {
      const listed = await this.get(`/${dataset}/facets${query([...pairs, ...settings, ...missing.map((id) => ['_facet', id])])}`);
      if (listed.status === 200) for (const facet of JSON.parse(listed.body).facets) page.facets.set(facet.id, readFacet(facet));
    }
    return page;
  }

  /** "(of N selected …)" on a question page: the selection's size as the page states it. */
  async selected(question, pairs) {
    return (await this.page(question, pairs)).selected;
  }

  // ---------- downloads ----------

  /** The figures download (JSON) of one question: `{ ok, rows, notes, status }`; ok when some figure is given. */
  async figures(question, pairs, settings = [], dataset = this.dataset) {
    const url = `/${dataset}/export${query([['_question', question], ...pairs, ...settings, ['_format', 'json']])}`;
    return readJsonRows(await this.get(url));
  }

  /** The same download as CSV, parsed (for comparing the two formats and the page). */
  async figuresCsv(question, pairs, settings = [], dataset = this.dataset) {
    const url = `/${dataset}/export${query([['_question', question], ...pairs, ...settings])}`;
    const { status, body } = await this.get(url);
    if (status !== 200) return { ok: false, rows: [], status };
    const rows = Papa.parse(body, { header: true, skipEmptyLines: true }).data;
    return { ok: rows.length > 0, rows, status };
  }

  /** The crosstab download (JSON): rows × columns under filters. */
  async crosstab(rowQuestion, columnQuestion, pairs, settings = [], dataset = this.dataset) {
    const url = `/${dataset}/crosstab/export${query([['_rows', rowQuestion], ['_cols', columnQuestion], ...pairs, ...settings, ['_format', 'json']])}`;
    return readJsonRows(await this.get(url));
  }

  /** The raw responses download (CSV) under filters and settings: `{ ok, rows, status }`. */
  async responses(dataset, pairs, settings = []) {
    const url = `/${dataset}/responses/export${query([...pairs, ...settings])}`;
    const { status, body } = await this.get(url);
    if (status !== 200) return { ok: false, rows: [], status, message: body.slice(0, 200) };
    const rows = Papa.parse(body, { header: true, skipEmptyLines: true }).data;
    return { ok: true, rows, status };
  }

  /** A question's options, as its unfiltered one-way table lists them (what anyone sees on the page). */
  async options(question) {
    const { rows } = await this.figures(question, [], [['_weight', '0']]);
    const wanted = CELL_QUESTIONS[question] === 'ranking' ? 'ranked_first' : 'share';
    return [...new Set(rows.filter((row) => row.measure === wanted).map((row) => row.option))];
  }
}

export function query(pairs) {
  const search = new URLSearchParams(pairs).toString();
  return search === '' ? '' : `?${search}`;
}

async function readJsonRows(answer) {
  const { status, body } = await answer;
  if (status !== 200) return { ok: false, rows: [], notes: [body.slice(0, 200)], status };
  try {
    const json = JSON.parse(body);
    const rows = Array.isArray(json) ? json : (json.rows ?? []);
    const ok = rows.some((row) => isNumber(row.count) || isNumber(row.value) || isNumber(row.percent));
    return { ok, rows, notes: json.notes ?? [], status };
  } catch {
    return { ok: false, rows: [], notes: ['not JSON'], status };
  }
}

export const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

// ---------- reading a page ----------

/** The React flight payload a page carries (the data its client components get), as one string. */
export function flightOf(html) {
  let text = '';
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    try {
      text += JSON.parse(match[1]);
    } catch {
      // a chunk that is not a plain string
    }
  }
  return text;
}

/** The page's visible words, tags and scripts removed. */
export function wordsOf(html) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The JSON value (array or object) that starts right after `marker` in `text`, balanced, strings respected. */
export function jsonAfter(text, marker, from = 0) {
  const at = text.indexOf(marker, from);
  if (at === -1) return undefined;
  const start = at + marker.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) {
        try {
          return { value: JSON.parse(text.slice(start, i + 1)), end: i + 1 };
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

const toNumber = (text) => Number(text.replace(/,/g, ''));

/**
 * One facet as the page or the facets route sends it (lib/view/figures/pack-facets): { kind,
 * active, options: [{ value, count }] } (count null = "<threshold"), `incomplete` when some or
 * all of its options were left for the facets route.
 */
function readFacet(facet) {
  const packed = facet.options;
  return {
    kind: facet.kind,
    within: null,
    active: facet.active ?? false,
    options: packed ? packed.values.map((value, index) => ({ value, count: packed.counts[index] })) : [],
    incomplete: facet.kind !== 'numeric' && (!packed || packed.total !== undefined),
  };
}

/** Every facet the page's flight payload carries, by id. */
function readFacets(flight) {
  const facets = new Map();
  let from = 0;
  for (;;) {
    const found = jsonAfter(flight, '"facets":', from);
    if (!found) break;
    from = found.end;
    if (!Array.isArray(found.value)) continue;
    for (const facet of found.value) if (facet && typeof facet.id === 'string' && typeof facet.kind === 'string') facets.set(facet.id, readFacet(facet));
  }
  return facets;
}

/** What a question page states: refused or not, "(of N selected)", the base, the selection sentence, the facets. */
export function readPage(status, html) {
  const words = wordsOf(html);
  const flight = flightOf(html);
  const selected = /\(of ([\d,]+) selected/.exec(words);
  const base = /Base: ([\d,]+) respondents?/.exec(words);
  const sentence = /(?:^|\s)([\d,]+) of ([\d,]+) respondents where/.exec(words);
  return {
    status,
    refused: status !== 200 || !base,
    selected: selected ? toNumber(selected[1]) : undefined,
    base: base ? toNumber(base[1]) : undefined,
    sentence: sentence ? toNumber(sentence[1]) : undefined,
    facets: readFacets(flight),
    words,
    flight,
  };
}

// ---------- a group as URLs ----------

/** One condition as URL pairs: `region=Africa`, `hot_trends__first=Robotics`, `work_arrangement__answered=0`. */
export function pairsOfCondition({ question, value, op }) {
  if (value === null) return [[`${question}__answered`, '0']];
  return [[op === 'first' ? `${question}__first` : question, value]];
}

export const pairsOf = (conditions) => conditions.flatMap(pairsOfCondition);

/** The kind of a question as the codebook declares it (the breakdowns are single choice). */
export const kindOf = (question) => CELL_QUESTIONS[question] ?? 'single';

/**
 * The ways of writing a group T as a published superset minus a published part of it, each with
 * the condition it splits on: for each of T's conditions X (the rest being the parent P),
 * T = (P ∧ X answered) − (P ∧ X is not x) — or, for X = "no answer", T = P − (P ∧ X answered);
 * and, when X is single choice, the same written as unions of values:
 * T = (P ∧ X ∈ every value) − (P ∧ X ∈ the other values).
 */
export async function differencesOf(attacker, target) {
  const ways = [];
  for (const [k, split] of target.conditions.entries()) {
    const parent = target.conditions.toSpliced(k, 1);
    const base = pairsOf(parent);
    const answered = [`${split.question}__answered`, '1'];
    if (split.value === null) {
      ways.push({ split, parent, plus: base, minus: [...base, answered] });
      continue;
    }
    const options = await attacker.options(split.question);
    const others = options.filter((option) => option !== split.value);
    if (split.op === 'first') ways.push({ split, parent, plus: [...base, answered], minus: [...base, ...others.map((o) => [`${split.question}__first`, o])] });
    else ways.push({ split, parent, plus: [...base, answered], minus: [...base, [`${split.question}__not`, split.value]] });
    if (split.op === 'in' && kindOf(split.question) !== 'multi')
      ways.push({
        split,
        parent,
        plus: [...base, ...options.map((o) => [split.question, o])],
        minus: [...base, ...others.map((o) => [split.question, o])],
      });
  }
  return ways;
}

/** Runs `fn` over items, `limit` at a time, results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
