/** Markdown tables and number formatting for the report. */

export interface Row {
  cells: string[];
  /** undefined: no target on this row. */
  pass?: boolean;
}

export interface Section {
  title: string;
  header: string[];
  rows: Row[];
  notes?: string[];
}

export function renderSection(section: Section, smoke: boolean): string {
  const hasTarget = section.rows.some((r) => r.pass !== undefined);
  const header = hasTarget ? [...section.header, 'target'] : section.header;
  const lines = [
    `### ${section.title}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
  ];
  for (const row of section.rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? 'PASS' : smoke ? 'miss (smoke)' : 'MISS';
    lines.push(`| ${(hasTarget ? [...row.cells, verdict] : row.cells).join(' | ')} |`);
  }
  for (const note of section.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

export const fmtRate = (n: number): string =>
  n >= 100_000
    ? `${Math.round(n / 1000)}k`
    : n >= 10_000
      ? `${(n / 1000).toFixed(1)}k`
      : String(Math.round(n));
export const fmtRatio = (n: number): string => `${n.toFixed(2)}×`;
export const fmtBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`;
export const fmtMs = (n: number): string => `${n.toFixed(0)} ms`;

/**
 * A time measured as a difference (a run minus bare node's baseline). Below 1 ms, including the negative
 * values noise gives on short or loaded runs, it is no measurable cost: printed as "< 1 ms", never "-3 ms".
 */
export const fmtNetMs = (n: number): string => (n < 1 ? '< 1 ms' : fmtMs(n));

/** The ratio of two net times; "—" when either is below 1 ms (a ratio of noise says nothing). */
export const fmtNetRatio = (a: number, b: number, fmtRatio: (r: number) => string): string =>
  a < 1 || b < 1 ? '—' : fmtRatio(a / b);
