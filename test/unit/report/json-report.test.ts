import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readInput } from '../../../src/core/input/read-input.js';
import type { Finding } from '../../../src/core/model.js';
import { jsonReport, summarize } from '../../../src/core/report/json-report.js';
import { fixtureText } from '../har/fixtures.js';

const NOW = 1629287601;

async function sample() {
  const read = readInput('sample-login.har', fixtureText('sample-login.har'), NOW * 1000);
  const result = await analyze({ exchanges: read.exchanges }, { now: NOW });
  return { read, result };
}

describe('jsonReport', () => {
  it('writes the inputs as given, the tool, now, skew and a summary that counts the findings', async () => {
    const { read, result } = await sample();
    const report = JSON.parse(jsonReport(result, read.summary, { version: '9.9.9', skew: 30, nowSource: 'capture' }));
    expect(Object.keys(report)).toEqual(['tool', 'now', 'nowSource', 'skew', 'inputs', 'artifacts', 'flows', 'findings', 'summary']);
    expect(report).toMatchObject({ tool: { name: 'token-inspector', version: '9.9.9' }, now: NOW, nowSource: 'capture', skew: 30, inputs: read.summary });
    expect(report.summary).toEqual(summarize(result.findings));
    expect(report.summary.errors + report.summary.warnings + report.summary.info).toBe(result.findings.length);
    expect(report.flows.map((f: { id: string; timeline: { flow: string } }) => [f.id, f.timeline.flow])).toEqual(result.flows.map((f) => [f.id, f.id]));
    expect(JSON.parse(jsonReport(result, [], { version: '1', skew: 60 })).nowSource).toBe('option');
  });

  it('never writes a raw token: members that carried one point at its artifact', async () => {
    const { read, result } = await sample();
    const text = jsonReport(result, read.summary, { version: '1', skew: 60 });
    const tokens = result.artifacts.filter((a) => a.jwt || a.kind === 'opaque_token');
    expect(tokens.length).toBeGreaterThan(0);
    for (const a of tokens) expect(text).not.toContain(a.raw!);
    const report = JSON.parse(text);
    const response = report.artifacts.find((a: { kind: string }) => a.kind === 'token_response');
    const idToken = result.artifacts.find((a) => a.kind === 'id_token' && a.parent === response.id)!;
    expect(response.claims.id_token).toEqual({ artifact: idToken.id });
  });
});

describe('summarize', () => {
  const f = (severity: Finding['severity']): Finding => ({ rule: 'r', severity, message: 'm', artifacts: [], source: 's' });
  it.each<[string, Finding[], { errors: number; warnings: number; info: number }]>([
    ['nothing', [], { errors: 0, warnings: 0, info: 0 }],
    ['each severity', [f('error'), f('warning'), f('info'), f('error')], { errors: 2, warnings: 1, info: 1 }],
  ])('%s', (_name, findings, expected) => {
    expect(summarize(findings)).toEqual(expected);
  });
});
