/**
 * Issue 10 §1, "Redaction that never leaks a credential": a realistic login with a credential or personal value
 * planted in every carrier the adversarial review found leaking (see redact-leak-capture.ts), exported as the
 * panel exports it (redacted HAR, JSON report, Markdown summary). One test per export format and carrier: its
 * failure names the format, the carrier, the value and how it was written (raw, percent-encoded, inside base64, ...).
 * Then: the redacted analysis is still usable (the sub mismatch still found, equal values equal, protocol fields kept).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { exportHar } from '../../../src/core/har/export.js';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import { readInput, REDACTED_NOTICE } from '../../../src/core/input/read-input.js';
import type { Artifact, Exchange, Finding } from '../../../src/core/model.js';
import { leakyLogin, type LeakyLogin } from './redact-leak-capture.js';
import { describeLeaks, exportAll, findLeaks, FORMATS, type Exports } from './redact-leak-check.js';

const login = leakyLogin();

/** The leaks of one carrier in one format, as a failure message. */
function assertNoLeak(format: string, text: string, plants: LeakyLogin['plants'], carrier: string): void {
  const leaks = findLeaks(format, text, plants.filter((p) => p.carrier === carrier));
  if (leaks.length > 0) expect.fail(`${leaks.length} planted value(s) of carrier "${carrier}" survive in the ${format}:\n${describeLeaks(leaks)}`);
}

describe('issue 10 §1: the planted capture', () => {
  it('plants each value once: no value equals or contains the value of another carrier', () => {
    const clashes: string[] = [];
    for (const a of login.plants) {
      for (const b of login.plants) {
        if (a.carrier !== b.carrier && a.value.length >= 8 && b.value.includes(a.value)) clashes.push(`${a.carrier}/${a.what} in ${b.carrier}/${b.what}`);
      }
    }
    expect(clashes).toEqual([]);
    expect(login.carriers.length).toBeGreaterThanOrEqual(18);
  });

  it('can fail: every planted value of every carrier is found in the unredacted HAR export', () => {
    const text = JSON.stringify(exportHar([...login.exchanges], { name: 'Token Inspector', version: '0.1.0' }), null, 2);
    const found = new Set(findLeaks('unredacted HAR', text, login.plants).map((l) => `${l.carrier}: ${l.what}`));
    const missed = login.plants.map((p) => `${p.carrier}: ${p.what}`).filter((k) => !found.has(k));
    expect(missed).toEqual([]);
  });
});

describe('issue 10 §1: no planted value survives any export, in any encoding', () => {
  let out: Exports;
  beforeAll(async () => {
    out = await exportAll(login.exchanges);
  });

  describe.each(FORMATS)('%s', (format) => {
    it.each(login.carriers)('%s', (carrier) => {
      assertNoLeak(format, out.text[format], login.plants, carrier);
    });
  });

  it('the redacted HAR reads back as a redacted export and analyses without problems', async () => {
    const read = readInput('redacted.har', out.text['redacted HAR'], 0);
    expect(read.errors).toEqual([]);
    expect(read.notices[0]).toEqual({ name: 'redacted.har', message: REDACTED_NOTICE });
    expect(read.exchanges).toHaveLength(login.exchanges.length);
    const again = await analyze({ exchanges: read.exchanges }, { now: captureEndSeconds(read.exchanges)! });
    expect(again.problems).toEqual([]);
    expect(again.artifacts.map((a) => a.kind).sort()).toEqual(out.analysis.artifacts.map((a) => a.kind).sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Keeping the analysis usable.

/** The redacted HAR of `exchanges` read back and analysed, as a user of the export would. */
async function reanalysed(exports: Exports): Promise<AnalysisResult> {
  const read = readInput('redacted.har', exports.text['redacted HAR'], 0);
  expect(read.errors).toEqual([]);
  return analyze({ exchanges: read.exchanges }, { now: captureEndSeconds(read.exchanges)! });
}

const only = (r: AnalysisResult, kind: Artifact['kind']): Artifact => {
  const found = r.artifacts.filter((a) => a.kind === kind);
  expect(found.map((a) => a.kind), `one ${kind}`).toEqual([kind]);
  return found[0]!;
};
const subMismatch = (r: AnalysisResult): Finding[] => r.findings.filter((f) => f.rule === 'x-ui-sub');
const kindsOf = (r: AnalysisResult, f: Finding) => f.artifacts.map((id) => r.artifacts.find((a) => a.id === id)?.kind).sort();

/** The redacted analysis as the JSON report writes it (parsed), artifacts by kind. */
function reportArtifacts(exports: Exports): Record<string, Record<string, unknown>[]> {
  const report = JSON.parse(exports.text['JSON report']) as { artifacts: Record<string, unknown>[] };
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const a of report.artifacts) (out[a.kind as string] ??= []).push(a);
  return out;
}

describe('issue 10 §1: the redacted analysis stays usable', () => {
  const different = leakyLogin();
  const same = leakyLogin({ sameSub: true });
  let diff: Exports;
  let eq: Exports;
  beforeAll(async () => {
    [diff, eq] = await Promise.all([exportAll(different.exchanges), exportAll(same.exchanges)]);
  });

  it('the original has the sub mismatch (x-ui-sub) between the ID token and the userinfo', () => {
    expect(subMismatch(diff.analysis).map((f) => kindsOf(diff.analysis, f))).toEqual([['id_token', 'userinfo']]);
    expect(subMismatch(eq.analysis)).toEqual([]);
  });

  it('the redacted HAR, analysed again, still has it, between the same artifacts', async () => {
    const after = await reanalysed(diff);
    expect(subMismatch(after).map((f) => [f.severity, f.claim, kindsOf(after, f)])).toEqual(subMismatch(diff.analysis).map((f) => [f.severity, f.claim, kindsOf(diff.analysis, f)]));
  });

  it('the redacted report (JSON and Markdown) still has it, quoting two different pseudonyms', () => {
    const report = JSON.parse(diff.text['JSON report']) as { findings: Finding[] };
    const found = report.findings.filter((f) => f.rule === 'x-ui-sub');
    expect(found).toHaveLength(1);
    const quoted = [...found[0]!.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(quoted).toHaveLength(2);
    expect(quoted[0]).not.toBe(quoted[1]);
    for (const sub of [different.facts.idTokenSub, different.facts.userinfoSub]) expect(found[0]!.message).not.toContain(sub);
    expect(diff.text['Markdown summary']).toContain('x-ui-sub');
  });

  it('equal values stay equal: the same sub gets the same pseudonym in the ID token, the access token and the userinfo', async () => {
    const after = await reanalysed(eq);
    const idt = only(after, 'id_token').claims?.sub;
    expect(idt).toEqual(expect.any(String));
    expect(idt).not.toBe(same.facts.idTokenSub);
    expect(only(after, 'userinfo').claims?.sub).toBe(idt);
    expect(only(after, 'access_token').claims?.sub).toBe(idt);
    expect(subMismatch(after)).toEqual([]);
    // In the report (its own salt): equal to each other, not to the HAR's.
    const byKind = reportArtifacts(eq);
    const reportSub = (kind: string) => (byKind[kind]?.[0]?.claims as Record<string, unknown> | undefined)?.sub;
    expect(reportSub('id_token')).toEqual(expect.any(String));
    expect(reportSub('id_token')).not.toBe(same.facts.idTokenSub);
    expect(reportSub('userinfo')).toBe(reportSub('id_token'));
    expect(reportSub('access_token')).toBe(reportSub('id_token'));
  });

  it('different values stay different: the ID token and userinfo subs get different pseudonyms', async () => {
    const after = await reanalysed(diff);
    expect(only(after, 'userinfo').claims?.sub).not.toBe(only(after, 'id_token').claims?.sub);
    expect(only(after, 'access_token').claims?.sub).toBe(only(after, 'id_token').claims?.sub);
  });

  describe('known-safe protocol fields are kept', () => {
    const { kept } = different.facts;

    it('in the redacted HAR, analysed again: iss, aud, exp, iat, alg, kid, scope, grant_type, token_type, expires_in', async () => {
      const after = await reanalysed(diff);
      const idt = only(after, 'id_token');
      expect(idt.claims).toMatchObject({ iss: kept.iss, aud: kept.aud, exp: kept.exp, iat: kept.iat });
      expect(idt.jwt?.header).toMatchObject({ alg: kept.alg, kid: kept.kid });
      expect(only(after, 'access_token').claims).toMatchObject({ iss: kept.iss, scope: kept.scope, exp: kept.exp, iat: kept.iat });
      const tr = only(after, 'token_response');
      expect(tr.claims).toMatchObject({ token_type: kept.tokenType, expires_in: kept.expiresIn, scope: kept.scope });
      expect(tr.http?.requestForm?.grant_type).toBe(kept.grantType);
      expect(tr.http?.requestForm?.client_id).toBe('webshop-app');
      expect(only(after, 'discovery').claims?.issuer).toBe(kept.iss);
    });

    it('in the redacted HAR: every status text', () => {
      const har = JSON.parse(diff.text['redacted HAR']) as { log: { entries: { response: { status: number; statusText: string } }[] } };
      const statuses = (exchanges: readonly Exchange[]) => exchanges.map((e) => `${e.status} ${e.statusText}`);
      expect(har.log.entries.map((e) => `${e.response.status} ${e.response.statusText}`)).toEqual(statuses(different.exchanges));
    });

    it('in the JSON report: the same fields of the same artifacts', () => {
      const byKind = reportArtifacts(diff);
      const first = (kind: string) => byKind[kind]?.[0] ?? expect.fail(`no ${kind} in the report`);
      expect(first('id_token').claims).toMatchObject({ iss: kept.iss, aud: kept.aud, exp: kept.exp, iat: kept.iat });
      expect(first('id_token').header).toMatchObject({ alg: kept.alg, kid: kept.kid });
      expect(first('access_token').claims).toMatchObject({ iss: kept.iss, scope: kept.scope });
      expect(first('token_response').claims).toMatchObject({ token_type: kept.tokenType, expires_in: kept.expiresIn, scope: kept.scope });
      expect(first('token_response').http).toMatchObject({ method: 'POST', status: 200 });
      const tr = diff.redactedAnalysis.artifacts.find((a) => a.kind === 'token_response');
      expect(tr?.http?.requestForm?.grant_type).toBe(kept.grantType);
    });
  });
});
