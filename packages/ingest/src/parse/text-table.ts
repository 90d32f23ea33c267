/** Cells of an ASCII table row `| a | b |`, trimmed; `undefined` for a line that is not a row. */
export function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return undefined;
  return trimmed
    .slice(1, trimmed.endsWith('|') ? -1 : undefined)
    .split('|')
    .map((cell) => cell.trim());
}

/** The rows of the first ASCII table at or after line `from` (border lines skipped). */
export function tableAfter(lines: readonly string[], from: number, maxScan = 40): string[][] {
  const rows: string[][] = [];
  let started = false;
  for (let i = from; i < lines.length && i < from + maxScan + rows.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('+-')) {
      started = true;
      continue;
    }
    const cells = tableCells(line);
    if (cells) {
      started = true;
      rows.push(cells);
    } else if (started && line !== '') break;
    else if (started && line === '' && rows.length > 0) break;
  }
  return rows;
}
