/**
 * Breaks a category label into at most `maxLines` lines of about `maxChars` characters, at
 * spaces where possible (and after `/` or `,` in long tokens such as "Bash/Shell/PowerShell").
 * Whatever does not fit ends in "…"; the full label is always shown elsewhere (tooltip, table).
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const words = text
    .trim()
    .split(/\s+/)
    .flatMap((word) => splitLongWord(word, width));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length + 1 > width ? last.slice(0, width - 1).trimEnd() : last}…`;
  return kept;
}

function splitLongWord(word: string, width: number): string[] {
  if (word.length <= width) return [word];
  const parts: string[] = [];
  let rest = word;
  while (rest.length > width) {
    const slice = rest.slice(0, width);
    const breakAt = Math.max(slice.lastIndexOf('/'), slice.lastIndexOf(','), slice.lastIndexOf('-'));
    const cut = breakAt > width / 3 ? breakAt + 1 : width;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
