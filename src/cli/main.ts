import { readFile } from 'node:fs/promises';
import pkg from '../../package.json';
import { captureEndSeconds } from '../core/input/capture-end.js';
import { analyze, BUILTIN_PROFILES, jsonReport, parseUserProfile, type Profile } from '../core/index.js';
import { parseArgs, USAGE, type CheckArgs } from './args.js';
import { escapeControls } from './escape.js';
import { fetchJson } from './fetch-json.js';
import { loadInputs, type LoadedInputs } from './inputs.js';
import { humanReport, type NowSource } from './report-human.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

/**
 * One line on stderr, `token-inspector: ` first. File names and parser messages quote input bytes, so the
 * line is escaped as a whole: a control character in it can't reach the terminal.
 */
function say(io: Io, text: string): void {
  io.stderr(`token-inspector: ${escapeControls(text.trim())}\n`);
}

/**
 * One line on stderr naming what failed and why, never a stack trace. Line breaks and tabs in the reason (parser
 * messages quote the text) read better as one space; in the name they are escaped like any control character.
 */
function fail(io: Io, what: string, why: string): 2 {
  say(io, `${what}: ${why.replace(/[ \t\r\n]+/g, ' ')}`);
  return 2;
}

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
  const result = await analyze(
    { exchanges: inputs.exchanges, documents: inputs.documents },
    { now, skew: args.skew, clientIds: args.clientIds, profiles, jwks, ...(forced ? { profile: forced } : {}), ...(args.fetchKeys ? { fetchJson } : {}) },
  );
  for (const u of result.unreadable) exit = fail(io, u.name, u.error);
  for (const p of result.problems) say(io, p);
  io.stdout(args.json ? `${jsonReport(result, inputs.summary, { version: pkg.version, skew: args.skew, nowSource })}\n` : humanReport(result, { inputs: args.files.map((f) => (f === '-' ? '(stdin)' : f)), skew: args.skew, nowSource }));
  if (exit === 2) return 2;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
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
    return await check(parsed.args, io);
  } catch (err) {
    return fail(io, 'internal error', err instanceof Error ? err.message : String(err));
  }
}
