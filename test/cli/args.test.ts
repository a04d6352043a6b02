import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it.each<[string[], RegExp]>([
    [['check', '--client-id=', 'x.jwt'], /--client-id needs a value/],
    [['check', '--client-id', '', 'x.jwt'], /--client-id needs a value/],
    [['check', '--profile=', 'x.jwt'], /--profile needs a value/],
    [['check', '--jwks=', 'x.jwt'], /--jwks needs a value/],
    [['check', '--client-id'], /--client-id needs a value/],
    [['check', '--now=', 'x.jwt'], /--now needs a value/],
    [['check', '--json=yes', 'x.jwt'], /--json takes no value/],
    [['check', '--fetch-keys=1', 'x.jwt'], /--fetch-keys takes no value/],
    [['check', '--redact=yes', 'x.jwt'], /--redact takes no value/],
    [['check', '--format', 'md', 'x.jwt'], /--format is one of human, json, markdown, not "md"/],
    [['check', '--format=json', '--format=human', 'x.jwt'], /--format json and --format human ask for different reports/],
    [['inspect', 'x.har'], /^unknown command "inspect"; the commands are: token-inspector check .*, token-inspector redact/],
    [['redact', '-o', '--json', 'x.har'], /-o needs a value/],
    [['redact', '--output=', 'x.har'], /--output needs a value/],
    [['redact', '--now', '1', 'x.har'], /--now is an option of check, not of redact/],
  ])('%j is an error', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.command).toBe('error');
    expect(r.command === 'error' ? r.message : '').toMatch(message);
  });

  it.each<[string[], Partial<{ clientIds: string[]; format: string; redact: boolean; profile: string }>]>([
    [['check', '--client-id=app', 'x.jwt'], { clientIds: ['app'] }],
    [['check', '--client-id', 'app', '--client-id=other', 'x.jwt'], { clientIds: ['app', 'other'] }],
    [['check', '--json', '--profile=keycloak', 'x.jwt'], { format: 'json', redact: false, profile: 'keycloak' }],
    [['check', 'x.jwt'], { format: 'human', redact: false }],
    [['check', '--format', 'markdown', '--redact', 'x.jwt'], { format: 'markdown', redact: true }],
    [['check', '--json', '--format=json', 'x.jwt'], { format: 'json' }],
    [['check', '--redact', 'x.jwt'], { format: 'human', redact: true }],
  ])('%j is accepted', (argv, expected) => {
    const r = parseArgs(argv);
    expect(r.command).toBe('check');
    if (r.command === 'check') expect(r.args).toMatchObject({ ...expected, files: ['x.jwt'] });
  });

  it.each<[string[], { input: string; output?: string }]>([
    [['redact', 'in.har'], { input: 'in.har' }],
    [['redact', 'in.har', '-o', 'out.har'], { input: 'in.har', output: 'out.har' }],
    [['redact', '--output=out.har', '-'], { input: '-', output: 'out.har' }],
    [['redact', '-', '-o', '-'], { input: '-' }],
  ])('%j is a redact', (argv, expected) => {
    expect(parseArgs(argv)).toEqual({ command: 'redact', args: expected });
  });
});
