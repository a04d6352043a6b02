/** The report `check` prints: the human report, the JSON report (`--json`) or the Markdown summary. */
export type ReportFormat = 'human' | 'json' | 'markdown';

/** Parsed command line of `token-inspector check`. */
export interface CheckArgs {
  files: string[];
  format: ReportFormat;
  /** Redact the report as the panel's redacted exports are (tokens, secrets, personal values). */
  redact: boolean;
  now?: number;
  skew: number;
  clientIds: string[];
  profile?: string;
  jwks: string[];
  fetchKeys: boolean;
}

/** Parsed command line of `token-inspector redact`. */
export interface RedactArgs {
  /** The HAR file to redact, `-` for standard input. */
  input: string;
  /** Where to write the redacted HAR; standard output when absent or `-`. */
  output?: string;
}

export type ParsedArgs =
  | { command: 'check'; args: CheckArgs }
  | { command: 'redact'; args: RedactArgs }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; message: string };

export const USAGE = `Usage: token-inspector check [options] <file...>
       token-inspector redact [-o <out.har>] <in.har>

check analyses OAuth 2.0 / OpenID Connect traffic offline: HAR files, single endpoint responses (JSON),
raw JWTs, or - for standard input. Prints flows, decoded tokens and findings.

redact writes a redacted copy of one HAR file (- for standard input), made as the panel's HAR export:
JWS signatures stripped, JWE, secrets and cookie values masked, opaque tokens and personal values replaced
by salted pseudonyms (a new random salt each run, never written). The HAR goes to standard output, or to
-o <file>, which is never the input; stderr says what was redacted and what could not be parsed.

Options of check:
  --format <format>    the report: human (default), json (one JSON object) or markdown (a summary for a ticket)
  --json               the same as --format json
  --redact             redact the report (tokens, secrets, personal values) as the panel's exports are,
                       so it can be shared; works with every format
  --now <seconds>      evaluate times at this unix time (default: for HAR input the time of its
                       last request, else the current time)
  --skew <seconds>     allowed clock skew, 0..300 (default 60)
  --client-id <id>     the client id to check aud/azp against (repeatable)
  --profile <id|file>  force a provider profile: birid, bankid-no, uaepass, keycloak, oidc,
                       or a JSON profile file (see docs/profiles.md)
  --jwks <file>        verify signatures with the keys of this JWKS file (repeatable)
  --fetch-keys         fetch discovery and JWKS of the issuers seen (the only network use)

Options of redact:
  -o, --output <file>  write the redacted HAR to this file (whole or not at all) instead of standard output

  -h, --help           show this help
  --version            show the version

Exit status of check: 0 no error finding, 1 at least one error finding, 2 an input could not be used.
Exit status of redact: 0 written, 2 the input could not be read or is not a HAR file, or the output
could not be written.
`;

const COMMANDS = 'the commands are: token-inspector check [options] <file...>, token-inspector redact [-o <out.har>] <in.har>';

const FORMATS: readonly ReportFormat[] = ['human', 'json', 'markdown'];

function takeValue(argv: string[], i: number, name: string): string | { error: string } {
  const v = argv[i + 1];
  return v === undefined || (v.startsWith('--') && v.length > 2) ? { error: `${name} needs a value` } : v;
}

const FLAGS = new Set(['--json', '--redact', '--fetch-keys', '-h', '--help']);

/** Options of check that redact does not take, so the error can say whose they are. */
const CHECK_ONLY = new Set(['--format', '--json', '--redact', '--now', '--skew', '--client-id', '--profile', '--jwks', '--fetch-keys']);

/** One argument split into its name and an inline `=value` (for `--name=value` only). */
function split(a: string): [string, string | undefined] {
  return a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
}

/** A reader of option values for the argument at `i` (moved past the value when it was the next argument). */
function valueReader(argv: string[], cursor: { i: number }, name: string, inline: string | undefined): () => string | { error: string } {
  return () => {
    const v = inline ?? takeValue(argv, cursor.i, name);
    if (inline === undefined && typeof v === 'string') cursor.i++;
    if (v === '') return { error: `${name} needs a value, not an empty one` };
    return v;
  };
}

function parseCheck(argv: string[]): ParsedArgs {
  const args: CheckArgs = { files: [], format: 'human', redact: false, skew: 60, clientIds: [], jwks: [], fetchKeys: false };
  let format: { value: ReportFormat; as: string } | undefined;
  const setFormat = (value: ReportFormat, as: string): string | undefined => {
    if (format && format.value !== value) return `${format.as} and ${as} ask for different reports; give one`;
    format = { value, as };
    return undefined;
  };
  const cursor = { i: 1 };
  for (; cursor.i < argv.length; cursor.i++) {
    const a = argv[cursor.i]!;
    const [name, inline] = split(a);
    if (inline !== undefined && FLAGS.has(name)) return { command: 'error', message: `${name} takes no value (got "${a}")` };
    const value = valueReader(argv, cursor, name, inline);
    switch (name) {
      case '--json': {
        const clash = setFormat('json', '--json');
        if (clash) return { command: 'error', message: clash };
        break;
      }
      case '--format': {
        const v = value();
        if (typeof v !== 'string') return { command: 'error', message: v.error };
        if (!FORMATS.includes(v as ReportFormat)) return { command: 'error', message: `--format is one of ${FORMATS.join(', ')}, not "${v}"` };
        const clash = setFormat(v as ReportFormat, `--format ${v}`);
        if (clash) return { command: 'error', message: clash };
        break;
      }
      case '--redact': args.redact = true; break;
      case '--fetch-keys': args.fetchKeys = true; break;
      case '-h': case '--help': return { command: 'help' };
      case '--now': case '--skew': {
        const v = value();
        if (typeof v !== 'string') return { command: 'error', message: v.error };
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n)) return { command: 'error', message: `${name} needs a number of seconds, not "${v}"` };
        if (name === '--skew' && n > 300) return { command: 'error', message: `--skew is at most 300 seconds (got ${v})` };
        if (name === '--now') args.now = n;
        else args.skew = n;
        break;
      }
      case '--client-id': case '--profile': case '--jwks': {
        const v = value();
        if (typeof v !== 'string') return { command: 'error', message: v.error };
        if (name === '--client-id') args.clientIds.push(v);
        else if (name === '--profile') args.profile = v;
        else args.jwks.push(v);
        break;
      }
      default:
        if (name === '-o' || name === '--output') return { command: 'error', message: `${name} is an option of redact; check prints its report to standard output` };
        if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) return { command: 'error', message: `unknown option ${a}` };
        args.files.push(a);
    }
  }
  if (args.files.length === 0) return { command: 'error', message: 'no input file given (use - for standard input)' };
  if (format) args.format = format.value;
  return { command: 'check', args };
}

function parseRedact(argv: string[]): ParsedArgs {
  const files: string[] = [];
  let output: string | undefined;
  const cursor = { i: 1 };
  for (; cursor.i < argv.length; cursor.i++) {
    const a = argv[cursor.i]!;
    const [name, inline] = split(a);
    if (inline !== undefined && FLAGS.has(name)) return { command: 'error', message: `${name} takes no value (got "${a}")` };
    switch (name) {
      case '-h': case '--help': return { command: 'help' };
      case '-o': case '--output': {
        // `-o -` is standard output, so the value may be "-" (but not another option).
        const v = valueReader(argv, cursor, name, inline)();
        if (typeof v !== 'string') return { command: 'error', message: v.error };
        if (output !== undefined) return { command: 'error', message: `${name} given twice; redact writes one file` };
        output = v;
        break;
      }
      default:
        if (CHECK_ONLY.has(name)) return { command: 'error', message: `${name} is an option of check, not of redact (redact takes -o <file>)` };
        if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) return { command: 'error', message: `unknown option ${a}` };
        files.push(a);
    }
  }
  if (files.length === 0) return { command: 'error', message: 'no input file given (use - for standard input)' };
  if (files.length > 1) return { command: 'error', message: `redact takes one HAR file, not ${files.length}` };
  return { command: 'redact', args: { input: files[0]!, ...(output !== undefined && output !== '-' ? { output } : {}) } };
}

/**
 * Parses argv (without node and script). Never throws: problems come back as `{ command: 'error' }` with a
 * one-line message (the caller adds the pointer to --help). Does not check that files exist.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version') return { command: 'version' };
  if (argv[0] === 'check') return parseCheck(argv);
  if (argv[0] === 'redact') return parseRedact(argv);
  return { command: 'error', message: `unknown command "${argv[0]}"; ${COMMANDS}` };
}
