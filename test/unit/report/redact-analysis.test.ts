import { readFileSync } from 'node:fs';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { importHar } from '../../../src/core/har/import.js';
import { RedactSaltError } from '../../../src/core/har/redact-hash.js';
import { jsonReport } from '../../../src/core/report/json-report.js';
import { redactAnalysis } from '../../../src/core/report/redact-analysis.js';

const SALT = 'a-test-salt-of-enough-length';

async function sample(): Promise<AnalysisResult> {
  const har = importHar(readFileSync('test/fixtures/har/sample-login.har', 'utf8'));
  if (!har.ok) throw new Error(har.error);
  const now = captureEndSeconds(har.exchanges)!;
  return analyze({ exchanges: har.exchanges }, { now });
}

describe('redactAnalysis', () => {
  it('keeps every finding, flow and timeline, with personal values and tokens gone from the whole report', async () => {
    const result = await sample();
    const before = JSON.stringify(result);
    const redacted = await redactAnalysis(result, { salt: SALT });
    expect(JSON.stringify(result)).toBe(before);
    expect(redacted.findings.map((f) => [f.rule, f.severity, f.artifacts, f.claim])).toEqual(result.findings.map((f) => [f.rule, f.severity, f.artifacts, f.claim]));
    expect(redacted.flows.map((f) => f.steps.length)).toEqual(result.flows.map((f) => f.steps.length));
    expect(redacted.timelines).toHaveLength(result.timelines.length);

    const text = jsonReport(redacted, [{ name: 'x.har', kind: 'har' }], { version: '0', skew: 60 });
    const subjects = new Set(result.artifacts.flatMap((a) => (typeof a.claims?.sub === 'string' ? [a.claims.sub] : [])));
    expect(subjects.size).toBeGreaterThan(1);
    for (const sub of subjects) expect(text).not.toContain(sub);
    for (const a of result.artifacts) {
      if (a.raw && ['id_token', 'access_token', 'refresh_token', 'opaque_token'].includes(a.kind)) expect(text).not.toContain(a.raw);
      for (const name of ['name', 'given_name', 'family_name', 'email', 'preferred_username']) {
        const v = a.claims?.[name];
        if (typeof v === 'string' && v.length >= 4) expect(text, `${name} ${v}`).not.toContain(v);
      }
    }
  });

  it('replaces equal values equally, so the sub mismatch still names two different pseudonyms', async () => {
    const result = await sample();
    const redacted = await redactAnalysis(result, { salt: SALT });
    const mismatch = redacted.findings.find((f) => f.rule === 'x-ui-sub')!;
    const ids = mismatch.artifacts.map((id) => redacted.artifacts.find((a) => a.id === id)!);
    const subs = ids.map((a) => a.claims?.sub);
    expect(new Set(subs).size).toBe(2);
    for (const sub of subs) expect(mismatch.message).toContain(String(sub));
    const flowSubject = redacted.flows[0]!.subject!;
    expect(redacted.artifacts.some((a) => a.kind === 'id_token' && a.claims?.sub === flowSubject)).toBe(true);
    // Another salt, other pseudonyms.
    const again = await redactAnalysis(result, { salt: `${SALT}-2` });
    expect(again.flows[0]!.subject).not.toBe(flowSubject);
  });

  it('leaves out raw tokens and JWS segments and refuses a short salt', async () => {
    const result = await sample();
    const redacted = await redactAnalysis(result, { salt: SALT });
    expect(redacted.artifacts.every((a) => a.raw === undefined && (a.jwt?.segments.length ?? 0) === 0)).toBe(true);
    await expect(redactAnalysis(result, { salt: 'short' })).rejects.toBeInstanceOf(RedactSaltError);
  });
});
