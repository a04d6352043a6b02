import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pkg from '../../package.json';
import { captureEndSeconds } from '../core/input/capture-end.js';
import { analyze, BUILTIN_PROFILES, jsonReport, markdownSummary, parseUserProfile, redactAnalysis, type AnalysisResult, type InputSummary, type Profile } from '../core/index.js';
import { parseArgs, USAGE, type CheckArgs } from './args.js';
import { fetchJson } from './fetch-json.js';
import { inputLabel, loadInputs, type LoadedInputs } from './inputs.js';
import { fail, say, type Io } from './io.js';
import { redact } from './redact.js';
import { humanReport, type NowSource } from './report-human.js';

export type { Io } from './io.js';

async function loadProfile(arg: string): Promise<{ profile?: Profile; id?: string; error?: string }> {
  if (BUILTIN_PROFILES.some((p) => p.id === arg)) return { id: arg };
  if (!/\.json$/i.test(arg)) return { error: `unknown profile "${arg}" (known: ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}, or a .json profile file)` };
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch (err) {
    return { error: `can't read it (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  const parsed = parseUserProfile(text);
  if ('errors' in parsed) return { error: parsed.errors.join('; ') };
  return { profile: parsed.profile, id: parsed.profile.id };
}

/**
 * When "now" is, and why: `--now`; else, for HAR input, the time of the last exchange (a support engineer
 * wants to know what the customer's tokens looked like when the capture was made); else the clock.
 */
function chooseNow(args: CheckArgs, exchanges: LoadedInputs['exchanges']): { now: number; source: NowSource } {
  if (args.now !== undefined) return { now: args.now, source: 'option' };
  const end = captureEndSeconds(exchanges);
  if (end !== undefined) return { now: end, source: 'capture' };
  return { now: Math.floor(Date.now() / 1000), source: 'clock' };
}

async function check(args: CheckArgs, io: Io): Promise<number> {
  let exit = 0;
  const jwks: unknown[] = [];
  for (const file of args.jwks) {
    try {
      jwks.push(JSON.parse(await readFile(file, 'utf8')));
    } catch (err) {
      return fail(io, file, err instanceof SyntaxError ? `not a JWKS (invalid JSON: ${err.message})` : `can't read the JWKS file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  const profiles: Profile[] = [];
  let forced: string | undefined;
  if (args.profile) {
    const p = await loadProfile(args.profile);
    if (p.error) return fail(io, `--profile ${args.profile}`, p.error);
    if (p.profile) profiles.push(p.profile);
    forced = p.id;
  }
  const inputs = await loadInputs(args.files, io.stdin, (args.now ?? Math.floor(Date.now() / 1000)) * 1000);
  const { now, source: nowSource } = chooseNow(args, inputs.exchanges);
  for (const d of inputs.documents) d.at = now * 1000;
  for (const e of inputs.errors) exit = fail(io, e.name, e.error);
  for (const n of inputs.notices) say(io, `${n.name}: ${n.message}`);
  // Nothing usable because every input failed: the errors said why. An empty HAR is fine: nothing found.
  if (inputs.errors.length > 0 && inputs.exchanges.length === 0 && inputs.documents.length === 0) return 2;
  const analysed = await analyze(
    { exchanges: inputs.exchanges, documents: inputs.documents },
    { now, skew: args.skew, clientIds: args.clientIds, profiles, jwks, ...(forced ? { profile: forced } : {}), ...(args.fetchKeys ? { fetchJson } : {}) },
  );
  // Redacted as the panel's exports are, with a fresh salt that is never written. What is printed after this point
  // (stderr included) comes from the redacted copy; the exit status from the findings, which redaction keeps.
  const result = args.redact ? await redactAnalysis(analysed, { salt: randomBytes(32).toString('base64url') }) : analysed;
  for (const u of result.unreadable) exit = fail(io, u.name, u.error);
  for (const p of result.problems) say(io, p);
  io.stdout(report(args, result, inputs.summary, nowSource));
  if (exit === 2) return 2;
  return analysed.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The report in the format asked for. */
function report(args: CheckArgs, result: AnalysisResult, summary: InputSummary[], nowSource: NowSource): string {
  const meta = { version: pkg.version, skew: args.skew, nowSource };
  if (args.format === 'json') return `${jsonReport(result, summary, meta)}\n`;
  if (args.format === 'markdown') {
    const md = markdownSummary(result, summary, meta);
    return md.endsWith('\n') ? md : `${md}\n`;
  }
  return humanReport(result, { inputs: args.files.map(inputLabel), skew: args.skew, nowSource });
}

/** Runs the CLI and resolves to its exit code. Never rejects: unexpected failures are one line and code 2. */
export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.command === 'version') {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (parsed.command === 'error') {
    say(io, `${parsed.message} (see token-inspector --help)`);
    return 2;
  }
  try {
    return parsed.command === 'redact' ? await redact(parsed.args, io) : await check(parsed.args, io);
  } catch (err) {
    return fail(io, 'internal error', err instanceof Error ? err.message : String(err));
  }
}
