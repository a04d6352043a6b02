import { readFileSync } from 'node:fs';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { importHar } from '../../../src/core/har/import.js';
import { parseReport, readInput, REPORT_ERROR } from '../../../src/core/input/read-input.js';
import { isJsonReport, resultFromReport } from '../../../src/core/input/report-import.js';
import { jsonReport } from '../../../src/core/report/json-report.js';

async function sampleReport() {
  const har = importHar(readFileSync('test/fixtures/har/sample-login.har', 'utf8'));
  if (!har.ok) throw new Error(har.error);
  const now = captureEndSeconds(har.exchanges)!;
  const result = await analyze({ exchanges: har.exchanges }, { now });
  const text = jsonReport(result, [{ name: 'sample-login.har', kind: 'har', exchanges: har.exchanges.length }], { version: '9.9.9', skew: 60, nowSource: 'capture' });
  return { result, text };
}

describe('JSON report import', () => {
  it('gives back the findings, flows, timelines and decoded artifacts the report was made from', async () => {
    const { result, text } = await sampleReport();
    const report = parseReport(text);
    expect(report).toBeDefined();
    const back = resultFromReport(report!);
    expect(back.result.now).toBe(result.now);
    expect(back.result.findings).toEqual(JSON.parse(JSON.stringify(result.findings)));
    expect(back.result.flows.map((f) => [f.id, f.subject, f.steps.length, f.artifacts])).toEqual(result.flows.map((f) => [f.id, f.subject, f.steps.length, f.artifacts]));
    expect(back.result.timelines.map((t) => t.sessionEnd?.expiresAt)).toEqual(result.timelines.map((t) => t.sessionEnd?.expiresAt));
    const idToken = result.artifacts.find((a) => a.kind === 'id_token')!;
    const again = back.result.artifacts.find((a) => a.id === idToken.id)!;
    expect(again).toMatchObject({ kind: 'id_token', issuer: idToken.issuer, claims: idToken.claims, signature: idToken.signature });
    expect(again.jwt?.header).toEqual(idToken.jwt?.header);
    expect(again.raw).toBeUndefined();
    expect(back.inputs).toEqual([{ name: 'sample-login.har', kind: 'har', exchanges: 7 }]);
    expect(back.notice).toMatch(/token-inspector 9\.9\.9.*holds no raw traffic/);
  });

  it('drops what it cannot read instead of failing', () => {
    const report = { tool: { name: 'token-inspector' }, artifacts: [{ id: 'a1', kind: 'nonsense' }, 7, { id: 'a2', kind: 'userinfo', claims: { sub: 'x' } }], findings: [{ rule: 'r' }], flows: 'no' };
    expect(isJsonReport(report)).toBe(true);
    const back = resultFromReport(report);
    expect(back.result.artifacts.map((a) => a.id)).toEqual(['a2']);
    expect(back.result.findings).toEqual([]);
    expect(back.result.flows).toEqual([]);
  });

  it('is recognised only for this tool, and the CLI input reader refuses it with a reason', async () => {
    const { text } = await sampleReport();
    expect(readInput('report.json', text, 0)).toMatchObject({ errors: [{ name: 'report.json', error: REPORT_ERROR }], documents: [] });
    expect(parseReport('{"tool":{"name":"other"},"artifacts":[],"findings":[]}')).toBeUndefined();
    expect(parseReport('{"tool":{"name":"token-inspector"},"artifacts":[],"findings":[]')).toBeUndefined();
    expect(parseReport('{"sub":"token-inspector"}')).toBeUndefined();
    expect(isJsonReport({ tool: { name: 'token-inspector' }, artifacts: {} , findings: [] })).toBe(false);
  });
});
