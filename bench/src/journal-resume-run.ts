import type { RunIdentity } from '@billbridge/migrate';

/** The run the synthetic journals record (the child resumes with the same identity). */
export const BENCH_RUN: RunIdentity = {
  source: 'sha256:bench',
  target: 'chargeover',
  options: 'sha256:bench',
  ordered: true,
};
