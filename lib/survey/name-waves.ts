const YEAR = /(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/;
const WAVE_ID = /^[\w.-]{1,40}$/;

/** The survey year a file path names (`results_2021.csv`, `2019/results.csv`), if any. */
export function yearIn(text: string): string | undefined {
  return YEAR.exec(text)?.[1];
}

/** Whether a wave name can be used as a wave id (the codebook's rule: letters, digits, dot, dash, underscore). */
export function isWaveId(text: string): boolean {
  return WAVE_ID.test(text);
}

/** A file's name without its survey extensions, as a wave id: `Form Responses 1.tsv` → `form-responses-1`. */
function stemOf(name: string): string {
  const stem = name
    .replace(/\.(?:csv|tsv|txt)(?:\.gz)?$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .slice(0, 40)
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem || 'responses';
}

/**
 * Wave ids for the files of one survey, in the order given: the year each file name holds when
 * no other file holds it too. One file without a year is named by its file name; among several,
 * a file without a year of its own gets undefined, and the page asks for its name.
 */
export function nameWaves(names: readonly string[]): (string | undefined)[] {
  const years = names.map((name) => yearIn(name));
  if (names.length === 1) return [years[0] ?? stemOf(names[0])];
  return years.map((year) => (year !== undefined && years.filter((other) => other === year).length === 1 ? year : undefined));
}
