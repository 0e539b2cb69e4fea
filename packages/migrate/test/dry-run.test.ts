import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { customerMap, toyAdapter } from './helpers/toy-provider';

const fixture = fileURLToPath(new URL('./fixtures/dry-run.ndjson', import.meta.url));

describe('dry run report on a fixture, field by field', () => {
  it('counts per field how many documents lose what, missing references, invalid and unreadable documents', async () => {
    const { report } = await migrate({
      source: { kind: 'file', path: fixture },
      target: { adapter: toyAdapter(true) },
      idMaps: { customers: customerMap },
      dryRun: true,
      sourceLabel: 'dry-run.ndjson',
    });
    expect(report.dryRun).toBe(true);
    expect(report.read).toBe(8);
    // documents 1, 2, 6 and 7 map; 3 lacks a target customer; 4 and 8 are invalid; line 5 is torn JSON
    expect(report.created).toBe(4);
    expect(report.losses).toEqual([
      { side: 'target', code: 'unsupported', path: 'lines[].tax', documents: 2, message: expect.any(String) },
      { side: 'target', code: 'unsupported', path: 'memo', documents: 2, message: expect.any(String) },
      { side: 'target', code: 'unsupported', path: 'footer', documents: 1, message: expect.any(String) },
    ]);
    expect(report.missingReferences).toBe(1);
    expect(report.missing).toEqual([
      {
        path: 'customer.id',
        option: 'idMaps.customers',
        documents: 1,
        message: expect.stringContaining('customer.id'),
        examples: ['src_3'],
      },
    ]);
    expect(report.invalid).toBe(2);
    expect(
      report.invalidDocuments.map((d) => [d.key, d.location.endsWith(':4') || d.location.endsWith(':8')]),
    ).toEqual([
      ['src_4', true],
      ['src_8', true],
    ]);
    expect(report.invalidDocuments[0]?.issues).toEqual([
      { path: 'currency', message: expect.stringMatching(/Unknown currency "usd"/) },
    ]);
    expect(report.invalidDocuments[1]?.issues?.map((i) => i.path)).toEqual(['lines[0].unitAmount']);
    expect(report.failed).toBe(1);
    expect(report.failures[0]).toMatchObject({ location: `${fixture}:5`, reason: 'SourceFileError' });
    expect(report.failures[0]?.error).toMatch(/:5: not valid JSON/);
  });
});
