/** Parsed command line of `token-inspector check`. */
export interface CheckArgs {
  files: string[];
  json: boolean;
  now?: number;
  skew: number;
  clientIds: string[];
  profile?: string;
  jwks: string[];
  fetchKeys: boolean;
}

export type ParsedArgs = { command: 'check'; args: CheckArgs } | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: token-inspector check [options] <file...>

Analyses OAuth 2.0 / OpenID Connect traffic offline: HAR files, single endpoint responses (JSON),
raw JWTs, or - for standard input. Prints flows, decoded tokens and findings.

Options:
  --json               print one JSON object instead of the human report
  --now <seconds>      evaluate times at this unix time (default: the current time)
  --skew <seconds>     allowed clock skew, 0..300 (default 60)
  --client-id <id>     the client id to check aud/azp against (repeatable)
  --profile <id|file>  force a provider profile: birid, bankid-no, uaepass, keycloak, oidc,
                       or a JSON profile file (see docs/profiles.md)
  --jwks <file>        verify signatures with the keys of this JWKS file (repeatable)
  --fetch-keys         fetch discovery and JWKS of the issuers seen (the only network use)
  -h, --help           show this help
  --version            show the version

Exit status: 0 no error finding, 1 at least one error finding, 2 an input could not be used.
`;

function takeValue(argv: string[], i: number, name: string): string | { error: string } {
  const v = argv[i + 1];
  return v === undefined || (v.startsWith('--') && v.length > 2) ? { error: `${name} needs a value` } : v;
}

const FLAGS = new Set(['--json', '--fetch-keys', '-h', '--help']);

/**
 * Parses argv (without node and script). Never throws: problems come back as `{ command: 'error' }` with a
 * one-line message (the caller adds the pointer to --help). Does not check that files exist.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'check') return { command: 'error', message: `unknown command "${argv[0]}"; the command is: token-inspector check [options] <file...>` };
  const args: CheckArgs = { files: [], json: false, skew: 60, clientIds: [], jwks: [], fetchKeys: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (inline !== undefined && FLAGS.has(name)) return { command: 'error', message: `${name} takes no value (got "${a}")` };
    const value = (): string | { error: string } => {
      const v = inline ?? takeValue(argv, i, name);
      if (inline === undefined && typeof v === 'string') i++;
      if (v === '') return { error: `${name} needs a value, not an empty one` };
      return v;
    };
    switch (name) {
      case '--json': args.json = true; break;
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
        if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) return { command: 'error', message: `unknown option ${a}` };
        args.files.push(a);
    }
  }
  if (args.files.length === 0) return { command: 'error', message: 'no input file given (use - for standard input)' };
  return { command: 'check', args };
}
