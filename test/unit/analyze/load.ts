import { readFileSync } from 'node:fs';
import { analyze, importHar, type AnalysisResult, type AnalyzeOptions } from '../../../src/core/index.js';

/** Text of a fixture under test/fixtures. */
export const fixtureText = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** Analyses HAR fixtures together. */
export async function analyzeHar(paths: string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  const exchanges = paths.flatMap((p, i) => {
    const har = importHar(fixtureText(p));
    if (!har.ok) throw new Error(har.error);
    return har.exchanges.map((e) => ({ ...e, id: `${i}:${e.id}` }));
  });
  return analyze({ exchanges }, options);
}

/** Analyses document fixtures (JSON responses, raw tokens) together. */
export function analyzeDocs(paths: string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  return analyze({ documents: paths.map((p) => ({ name: p, text: fixtureText(p), at: options.now * 1000 })) }, options);
}

/** `rule:severity` of every finding, for compact assertions. */
export const ruleSeverities = (r: AnalysisResult) => r.findings.map((f) => `${f.rule}:${f.severity}`);
