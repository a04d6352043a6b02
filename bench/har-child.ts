/**
 * One measurement in a fresh process (so its peak RSS is its own): `parse` (baseline), `ours` (import and
 * analysis, what `check` does) or `redact` (import and redaction into a HAR text, what `redact` does).
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/analyze.js';
import { importHar } from '../src/core/har/import.js';
import { redactHar } from '../src/core/har/redact-export.js';

const [mode, path] = process.argv.slice(2);
const text = readFileSync(path!).toString('utf8');
const t0 = performance.now();
let detail: Record<string, number>;
if (mode === 'parse') {
  const v = JSON.parse(text) as { log: { entries: unknown[] } };
  detail = { entries: v.log.entries.length };
} else if (mode === 'redact') {
  const har = importHar(text);
  if (!har.ok) throw new Error(har.error);
  const out = await redactHar(har.exchanges, { name: 'bench', version: '0' }, { salt: 'bench-salt-0123456789' });
  const written = JSON.stringify(out.har, null, 2);
  detail = { entries: har.exchanges.length, outputMB: written.length / 1024 / 1024, tokens: out.counts.tokens + out.counts.signatures, personal: out.counts.personal };
} else {
  const har = importHar(text);
  if (!har.ok) throw new Error(har.error);
  const result = await analyze({ exchanges: har.exchanges }, { now: Math.floor(Date.UTC(2026, 10, 1, 9, 0, 0) / 1000) });
  detail = { entries: har.exchanges.length, artifacts: result.artifacts.length, flows: result.flows.length, findings: result.findings.length };
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, ...detail }));
