import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTour } from '../src/tour';

describe('pnpm demo:tour', () => {
  it('tells the story end to end and exits 0 once the migration has created every invoice', async () => {
    let text = '';
    const out = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    expect(await runTour(out)).toBe(0);
    for (const heading of [
      '1. A canonical invoice',
      '2. What each provider would receive',
      '3. Sent to two fakes',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Paid \(orders\)[\s\S]*⚠ dueAt \(unsupported\)/);
    expect(text).toContain('created 100, skipped 0, failed 0, ambiguous 0');
  });
});
