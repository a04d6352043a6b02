import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, jsonReport, readInput } from '../../src/core/index.js';
import pkg from '../../package.json';
import { buildCli, fixture, runCli } from './run-cli.js';

const NOW = 1629287601;

beforeAll(() => {
  buildCli();
});

describe('the CLI report is the engine\'s jsonReport', () => {
  it('prints exactly what jsonReport gives for the same inputs (two files: prefixed ids, one summary per input)', async () => {
    const files = [fixture('har/sample-login.har'), fixture('seeds/bankid-userinfo-004.json')];
    const r = await runCli(['check', '--json', '--now', String(NOW), ...files]);
    const reads = files.map((f, i) => readInput(f, readFileSync(f, 'utf8'), NOW * 1000, i));
    const documents = reads.flatMap((x) => x.documents).map((d) => ({ ...d, at: NOW * 1000 }));
    const result = await analyze({ exchanges: reads.flatMap((x) => x.exchanges), documents }, { now: NOW, skew: 60, clientIds: [], profiles: [], jwks: [] });
    expect(r.stdout).toBe(`${jsonReport(result, reads.flatMap((x) => x.summary), { version: pkg.version, skew: 60, nowSource: 'option' })}\n`);
    expect(JSON.parse(r.stdout).inputs).toEqual([
      { name: files[0], kind: 'har', exchanges: 7, warnings: [] },
      { name: files[1], kind: 'document' },
    ]);
  });
});
