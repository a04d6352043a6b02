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
    [['inspect', 'x.har'], /^unknown command "inspect"; the command is: token-inspector check/],
  ])('%j is an error', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.command).toBe('error');
    expect(r.command === 'error' ? r.message : '').toMatch(message);
  });

  it.each<[string[], Partial<{ clientIds: string[]; json: boolean; profile: string }>]>([
    [['check', '--client-id=app', 'x.jwt'], { clientIds: ['app'] }],
    [['check', '--client-id', 'app', '--client-id=other', 'x.jwt'], { clientIds: ['app', 'other'] }],
    [['check', '--json', '--profile=keycloak', 'x.jwt'], { json: true, profile: 'keycloak' }],
  ])('%j is accepted', (argv, expected) => {
    const r = parseArgs(argv);
    expect(r.command).toBe('check');
    if (r.command === 'check') expect(r.args).toMatchObject({ ...expected, files: ['x.jwt'] });
  });
});
