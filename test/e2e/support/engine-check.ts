/**
 * Runs the inspector's own engine (src/core) on a HAR that Playwright recorded in plain Chromium, fetching
 * discovery and JWKS like the extension does with key fetching on. This predicts what the extension should
 * conclude from the same traffic, before the extension exists; it does not replace the extension tests.
 */
import { readFile } from 'node:fs/promises';
import { analyze, importHar, type AnalysisResult } from '../../../src/core/index.js';

/** Analyses the HAR at `path` at the current time. Throws when the file is not a HAR. */
export async function analyzeRecordedHar(path: string): Promise<AnalysisResult> {
  const imported = importHar(await readFile(path, 'utf8'));
  if (!imported.ok) throw new Error(imported.error);
  return analyze({ exchanges: imported.exchanges }, { now: Math.floor(Date.now() / 1000), fetchJson: async (url) => (await fetch(url)).json() });
}

/** The parts of an analysis a test compares: artifact kinds, signature statuses, error rules, flow facts. */
export function summarize(result: AnalysisResult) {
  return {
    /** `kind` or `kind/role` (oidc-provider's refresh tokens are opaque: `opaque_token/refresh_token`). */
    kinds: [...new Set(result.artifacts.map((a) => (a.role ? `${a.kind}/${a.role}` : a.kind)))].sort(),
    signatures: Object.fromEntries(result.artifacts.filter((a) => a.signature).map((a) => [`${a.kind}:${a.id}`, a.signature?.status])),
    errors: result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`),
    rules: [...new Set(result.findings.map((f) => f.rule))].sort(),
    flows: result.flows.map((f) => ({ type: f.type, serverSide: f.serverSideExchange, subject: f.subject, steps: f.steps.map((s) => `${s.kind}${s.observable === false ? '(not observable)' : ''}`) })),
  };
}
