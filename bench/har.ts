/**
 * Benchmark: import and analysis of a generated ~100 MB HAR against JSON.parse of the same text, each in a
 * fresh process, alternating, 3 rounds. Targets: time ratio <= 2.5, peak RSS <= 4x the file size.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHar } from './har-generate.js';
import { median, report } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const loginsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'out', 'logins.har');
const outDir = join(here, '..', '..', 'bench', 'out');
const file = join(outDir, 'large.har');
const target = Number(process.env.BENCH_HAR_MB ?? 100) * 1024 * 1024;
mkdirSync(outDir, { recursive: true });
if (!existsSync(file) || Math.abs(statSync(file).size - target) > target * 0.05) await generateHar(file, target);
const size = statSync(file).size;

type Run = { ms: number; maxRssBytes: number; entries: number; artifacts?: number; flows?: number; findings?: number; tokens?: number; personal?: number };
const run = (mode: string): Run => JSON.parse(execFileSync(process.execPath, [join(here, 'har-child.js'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
const empty = JSON.parse(execFileSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify({maxRssBytes: process.resourceUsage().maxRSS * 1024}))'], { encoding: 'utf8' })) as { maxRssBytes: number };

const base: Run[] = [];
const ours: Run[] = [];
for (let round = 0; round < 3; round++) {
  base.push(run('parse'));
  ours.push(run('ours'));
}
const oursPeak = Math.max(...ours.map((r) => r.maxRssBytes));
report('har', {
  fileMB: size / 1024 / 1024,
  entries: ours[0]!.entries,
  artifacts: ours[0]!.artifacts,
  flows: ours[0]!.flows,
  baselineMs: median(base.map((r) => r.ms)),
  oursMs: median(ours.map((r) => r.ms)),
  ratio: median(ours.map((r) => r.ms)) / median(base.map((r) => r.ms)),
  targetRatio: 2.5,
  baselinePeakRssMB: Math.max(...base.map((r) => r.maxRssBytes)) / 1024 / 1024,
  oursPeakRssMB: oursPeak / 1024 / 1024,
  peakOverFileSize: oursPeak / size,
  peakAboveEmptyNodeOverFileSize: (oursPeak - empty.maxRssBytes) / size,
  targetPeakOverFileSize: 4,
});

// The same measurement on a HAR of logins only (thousands of flows): a check that nothing grows faster than the
// input (correlation, per-flow rules), which the realistic mix above, with few logins, would not show.
const loginsTarget = Number(process.env.BENCH_LOGINS_MB ?? 20) * 1024 * 1024;
if (!existsSync(loginsFile) || Math.abs(statSync(loginsFile).size - loginsTarget) > loginsTarget * 0.05) await generateHar(loginsFile, loginsTarget, { loginEvery: 1, assets: false });
const runOn = (mode: string): Run => JSON.parse(execFileSync(process.execPath, [join(here, 'har-child.js'), mode, loginsFile], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
/** 3 rounds of `mode`, each after a baseline run (JSON.parse of the same file), in fresh processes. */
function alternate(mode: string): { base: Run[]; ours: Run[] } {
  const out = { base: [] as Run[], ours: [] as Run[] };
  for (let round = 0; round < 3; round++) {
    out.base.push(runOn('parse'));
    out.ours.push(runOn(mode));
  }
  return out;
}
const { base: lb, ours: lo } = alternate('ours');
report('har-logins', {
  fileMB: statSync(loginsFile).size / 1024 / 1024,
  entries: lo[0]!.entries,
  flows: lo[0]!.flows,
  findings: lo[0]!.findings,
  baselineMs: median(lb.map((r) => r.ms)),
  oursMs: median(lo.map((r) => r.ms)),
  msPerFlow: median(lo.map((r) => r.ms)) / (lo[0]!.flows ?? 1),
});

// `token-inspector redact` on the same login-dense HAR: import, redaction by design (every carrier decoded, every
// value judged) and the HAR text written, against JSON.parse of the file.
const { base: rb, ours: ro } = alternate('redact');
report('har-redact', {
  fileMB: statSync(loginsFile).size / 1024 / 1024,
  entries: ro[0]!.entries,
  tokens: ro[0]!.tokens,
  personal: ro[0]!.personal,
  baselineMs: median(rb.map((r) => r.ms)),
  oursMs: median(ro.map((r) => r.ms)),
  ratio: median(ro.map((r) => r.ms)) / median(rb.map((r) => r.ms)),
  oursPeakRssMB: Math.max(...ro.map((r) => r.maxRssBytes)) / 1024 / 1024,
});
