/** `token-inspector redact`: a redacted copy of one HAR file, made by the engine that makes the panel's export. */
import { randomBytes } from 'node:crypto';
import pkg from '../../package.json';
import { readInput, redactHar, REDACTED_NOTICE } from '../core/index.js';
import { REPORT_ERROR } from '../core/input/read-input.js';
import type { RedactArgs } from './args.js';
import { inputLabel, readSource } from './inputs.js';
import { fail, say, type Io } from './io.js';
import { redactionSummary } from './redact-summary.js';
import { isSameFile, writeError, writeFileAtomic } from './write-output.js';

/** The creator the panel's exports name. */
const CREATOR = { name: 'Token Inspector', version: pkg.version };

/** What redact says for an input that is no HAR: a token or a JSON document (check reads those). */
export const NOT_A_HAR = 'not a HAR file: redact takes HAR files (HAR 1.2, as browsers export them); check reads tokens and JSON documents';

/** What redact says for the JSON report of this tool. */
export const REPORT_NOT_A_HAR = 'a token-inspector JSON report, not a HAR file: redact takes HAR files (check --json --redact writes a redacted report)';

/**
 * A fresh random salt for one run (32 bytes, base64url), as the panel makes one per export. It lives in this
 * process only: it is never printed or written, so the pseudonyms of a redacted file can't be recomputed.
 */
function newSalt(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Redacts the HAR `args.input` (`-` is stdin) with {@link redactHar} and a fresh salt, writes it to `args.output`
 * atomically (refusing the input itself) or to stdout, then says on stderr what was redacted and what could not
 * be parsed. Resolves to 0, or to 2 after one line on stderr when the input can't be read, is not a HAR, or the
 * output can't be written (nothing is written then). Does not analyse the traffic.
 */
export async function redact(args: RedactArgs, io: Io): Promise<number> {
  const label = inputLabel(args.input);
  const source = await readSource(args.input, io.stdin);
  if ('error' in source) return fail(io, label, source.error);
  if (args.output !== undefined && args.input !== '-' && (await isSameFile(args.input, args.output))) {
    const which = args.output === args.input ? 'the input file' : `the same file as the input ${args.input}`;
    return fail(io, args.output, `is ${which}; redact never overwrites its input: choose another -o file`);
  }
  const read = readInput(label, source.text, Date.now());
  const error = read.errors[0];
  if (error) return fail(io, label, error.error === REPORT_ERROR ? REPORT_NOT_A_HAR : error.error);
  if (read.documents.length > 0) return fail(io, label, NOT_A_HAR);
  for (const n of read.notices) {
    say(io, `${n.name}: ${n.message === REDACTED_NOTICE ? 'already a redacted export; redacting it again with a new salt' : n.message}`);
  }
  const { har, counts, unparsed } = await redactHar(read.exchanges, CREATOR, { salt: newSalt() });
  const text = `${JSON.stringify(har, null, 2)}\n`;
  if (args.output === undefined) {
    io.stdout(text);
  } else {
    try {
      await writeFileAtomic(args.output, text);
    } catch (err) {
      return fail(io, args.output, `can't write the redacted HAR (${writeError(err)}); nothing was written`);
    }
  }
  for (const line of redactionSummary(counts, unparsed)) say(io, line);
  return 0;
}
