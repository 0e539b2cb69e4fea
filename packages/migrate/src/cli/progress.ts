import type { Progress } from '../engine';

export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * A progress bar with rate and ETA on a terminal (redrawn in place, at most 10 times a second), and
 * a plain line every `intervalMs` otherwise (logs, CI), so output stays readable in both.
 */
export class ProgressReporter {
  private readonly started: number;
  private lastDraw = 0;
  private last: Progress | undefined;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly intervalMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(progress: Progress): void {
    this.last = progress;
    const now = this.now();
    const every = this.out.isTTY ? 100 : this.intervalMs;
    if (now - this.lastDraw < every) return;
    this.lastDraw = now;
    this.draw(progress, now);
  }

  line(progress: Progress, now: number): string {
    const elapsed = Math.max(0.001, (now - this.started) / 1000);
    const rate = progress.processed / elapsed;
    // The summary's words and figures: "created" (dry run: "would create"), reconciled, already migrated.
    const counts = [
      `${progress.dryRun ? 'would create' : 'created'} ${n(progress.created)}`,
      ...(progress.reconciled ? [`reconciled ${n(progress.reconciled)}`] : []),
      ...(progress.dryRun ? [] : [`already migrated ${n(progress.skipped)}`]),
      `problems ${n(progress.failed)}`,
      ...(progress.dryRun ? [] : [`ambiguous ${n(progress.ambiguous)}`]),
    ].join(', ');
    const rateText = `${n(Math.round(rate))}/s`;
    if (progress.total === undefined || progress.total === 0) {
      return `${n(progress.processed)} documents  ${rateText}  ${counts}`;
    }
    const fraction = Math.min(1, progress.processed / progress.total);
    const eta = rate > 0 ? (progress.total - progress.processed) / rate : Number.POSITIVE_INFINITY;
    const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
    const head = `${pct} ${n(progress.processed)}/${n(progress.total)}  ${rateText}  ETA ${formatDuration(eta)}`;
    if (!this.out.isTTY) return `${head}  ${counts}`;
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - head.length - 40));
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${head}  ✓${n(progress.created)} ✗${n(progress.failed)} ?${n(progress.ambiguous)}`;
  }

  private draw(progress: Progress, now: number): void {
    const text = this.line(progress, now);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else {
      this.out.write(`progress: ${text}\n`);
    }
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (this.last) this.draw(this.last, this.now());
    if (this.out.isTTY && this.drawn) this.out.write('\n');
  }
}
