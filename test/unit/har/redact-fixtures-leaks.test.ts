/**
 * Issue 10 §1 over the project's real HAR files (test/fixtures/har/** and the real Chrome HAR of the shared
 * corpus, read where it lies): the sensitive values of each original (JWS signatures, opaque tokens, cookie values,
 * Authorization credentials, secrets, e-mail addresses, personal claim values; see redact-sensitive-values.ts)
 * must not appear in its redacted exports, in any encoding; and the redacted HAR must still import and analyse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { exportHar } from '../../../src/core/har/export.js';
import { importHar } from '../../../src/core/har/import.js';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import { readInput, REDACTED_NOTICE } from '../../../src/core/input/read-input.js';
import type { Artifact, Exchange } from '../../../src/core/model.js';
import { describeLeaks, exportAll, findLeaks, FORMATS, type Exports } from './redact-leak-check.js';
import { sensitiveValues } from './redact-sensitive-values.js';

const FIXTURES = new URL('../../fixtures/har/', import.meta.url);
/** The shared corpus of real provider samples, next to the repository; absent in a bare checkout. */
const CORPUS = new URL('../../../../shared/corpus/real/', import.meta.url);

function harFiles(dir: URL, label: string): { name: string; url: URL }[] {
  if (!existsSync(fileURLToPath(dir))) return [];
  return (readdirSync(fileURLToPath(dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.har'))
    .sort()
    .map((f) => ({ name: `${label}${f.replace(/\\/g, '/')}`, url: new URL(f.replace(/\\/g, '/'), dir) }));
}

const FILES = [...harFiles(FIXTURES, 'test/fixtures/har/'), ...harFiles(CORPUS, 'shared corpus: ')];

it('finds the fixtures and the shared corpus HAR', () => {
  expect(FILES.filter((f) => f.name.startsWith('test/fixtures/har/')).length).toBeGreaterThanOrEqual(7);
  if (existsSync(fileURLToPath(CORPUS))) expect(FILES.some((f) => f.name.startsWith('shared corpus: '))).toBe(true);
});

describe.each(FILES)('$name', ({ name, url }) => {
  const imported = importHar(readFileSync(url, 'utf8'));
  if (!imported.ok) throw new Error(`${name}: ${imported.error}`);
  const exchanges: Exchange[] = imported.exchanges;
  let out: Exports;
  let plants: ReturnType<typeof sensitiveValues>;
  beforeAll(async () => {
    out = await exportAll(exchanges, name);
    const clientIds = [...out.analysis.artifacts.map((a) => a.clientId), ...out.analysis.flows.map((f) => f.clientId)].filter((id): id is string => typeof id === 'string');
    plants = sensitiveValues(exchanges, clientIds);
  });

  it('has sensitive values, and each is found in the unredacted HAR (so this test can fail)', () => {
    expect(plants.length).toBeGreaterThan(0);
    const text = JSON.stringify(exportHar([...exchanges], { name: 'Token Inspector', version: '0.1.0' }), null, 2);
    const found = new Set(findLeaks('unredacted HAR', text, plants).map((l) => l.value));
    expect(plants.filter((p) => !found.has(p.value)).map((p) => `${p.carrier}: ${p.what}`)).toEqual([]);
  });

  it.each(FORMATS)('no sensitive value of the original survives in the %s', (format) => {
    const leaks = findLeaks(format, out.text[format], plants);
    if (leaks.length > 0) expect.fail(`${leaks.length} of ${plants.length} sensitive values of ${name} survive in the ${format}:\n${describeLeaks(leaks)}`);
  });

  it('the redacted HAR imports as a redacted export and analyses to the same artifacts, without problems', async () => {
    const again = await reanalyse(out, exchanges.length);
    expect(again.problems).toEqual([]);
    expect(again.artifacts.map((a) => `${a.id} ${a.kind}`)).toEqual(out.analysis.artifacts.map((a) => `${a.id} ${a.kind}`));
  });

  it('the analysis stays usable: the same x-ui-sub findings, and the protocol claims and header of every JWS kept', async () => {
    const again = await reanalyse(out, exchanges.length);
    const subMismatch = (r: AnalysisResult) => r.findings.filter((f) => f.rule === 'x-ui-sub').map((f) => [f.severity, f.artifacts]);
    expect(subMismatch(again)).toEqual(subMismatch(out.analysis));
    expect(subMismatch(out.redactedAnalysis)).toEqual(subMismatch(out.analysis));
    const safe = (a: Artifact | undefined) => ({ ...pick(a?.claims, SAFE_CLAIMS, 'claim'), ...pick(a?.jwt?.header, SAFE_HEADER, 'header') });
    for (const a of out.analysis.artifacts.filter((x) => x.jwt?.format === 'jws')) {
      expect(safe(again.artifacts.find((x) => x.id === a.id)), `${a.id} ${a.kind} in the redacted HAR`).toEqual(safe(a));
      expect(safe(out.redactedAnalysis.artifacts.find((x) => x.id === a.id)), `${a.id} ${a.kind} in the redacted report`).toEqual(safe(a));
    }
  });
});

const SAFE_CLAIMS = ['iss', 'aud', 'exp', 'iat', 'nbf', 'scope', 'token_type', 'typ'];
const SAFE_HEADER = ['alg', 'kid', 'typ'];

/** The named members of `record` that are present, as `<prefix> <name>`. */
function pick(record: Record<string, unknown> | undefined, names: readonly string[], prefix: string): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => record?.[n] !== undefined).map((n) => [`${prefix} ${n}`, record![n]]));
}

/** The redacted HAR of `out` (of `exchanges` exchanges) read back as the panel and the CLI read a file, and analysed at the capture's end. */
async function reanalyse(out: Exports, exchanges: number): Promise<AnalysisResult> {
  const read = readInput('redacted.har', out.text['redacted HAR'], 0);
  expect(read.errors).toEqual([]);
  expect(read.notices[0]).toEqual({ name: 'redacted.har', message: REDACTED_NOTICE });
  expect(read.exchanges).toHaveLength(exchanges);
  return analyze({ exchanges: read.exchanges }, { now: captureEndSeconds(read.exchanges) ?? out.analysis.now });
}
