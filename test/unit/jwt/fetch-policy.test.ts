import { describe, expect, it } from 'vitest';
import { discoveryFetchRefusal, jwksFetchRefusal } from '../../../src/core/jwt/fetch-policy.js';

describe('discoveryFetchRefusal', () => {
  it.each([
    'https://accounts.google.com',
    'https://op.example/realms/demo',
    'https://op.example/realms/demo/',
    'https://op.example:8443/tenant/v2.0',
    'http://127.0.0.1:8080',
    'http://localhost:8080/realms/dev',
    'http://LOCALHOST',
    'http://[::1]:9000/',
  ])('allows %s', (issuer) => {
    expect(discoveryFetchRefusal(issuer)).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ['a loopback issuer with a query', 'http://127.0.0.1:6379/flushall?x', 'has a query'],
    ['an empty query', 'https://op.example/?', 'has a query'],
    ['an https issuer with a query', 'https://op.example/realms/demo?tenant=1', 'has a query'],
    ['a fragment', 'http://169.254.169.254/latest#x', 'has a fragment'],
    ['an empty fragment', 'https://op.example/#', 'has a fragment'],
    ['http on a link-local host', 'http://169.254.169.254/latest', 'is http on a host that is not localhost'],
    ['http on a private host', 'http://10.0.0.5', 'is http on a host that is not localhost'],
    ['http on a public host', 'http://op.example', 'is http on a host that is not localhost'],
    ['http on a name that only starts like localhost', 'http://localhost.attacker.example', 'is http on a host that is not localhost'],
    ['another scheme', 'file:///etc/passwd', 'is not an https URL'],
    ['a javascript: URL', 'javascript:alert(1)', 'is not an https URL'],
    ['credentials', 'https://user:pass@op.example', 'carries credentials'],
    ['a relative URL', '/realms/demo', 'is not an absolute URL'],
    ['a bare name', 'joe', 'is not an absolute URL'],
    ['an empty string', '', 'is not an absolute URL'],
    ['a tab the parser would drop', 'https://op.exa\tmple', 'whitespace, control characters or a backslash'],
    ['a leading space', ' https://op.example', 'whitespace, control characters or a backslash'],
    ['a backslash', 'https://op.example\\@127.0.0.1', 'whitespace, control characters or a backslash'],
    ['a NUL', 'https://op.example/\u0000', 'whitespace, control characters or a backslash'],
  ])('refuses %s', (_name, issuer, why) => {
    expect(discoveryFetchRefusal(issuer)).toContain(why);
  });

  it('quotes the issuer in the reason', () => {
    expect(discoveryFetchRefusal('http://127.0.0.1:6379/flushall?x')).toContain('"http://127.0.0.1:6379/flushall?x"');
  });
});

describe('jwksFetchRefusal', () => {
  it.each<[string, string]>([
    ['https://www.googleapis.com/oauth2/v3/certs', 'https://accounts.google.com'],
    ['https://op.example/certs?version=2', 'https://op.example'],
    ['https://op.example/certs', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/jwks', 'http://127.0.0.1:8080'],
    ['http://localhost:9000/jwks', 'http://127.0.0.1:8080'],
    ['http://[::1]:9000/jwks', 'https://localhost:8443'],
  ])('allows jwks_uri %s of issuer %s', (jwksUri, issuer) => {
    expect(jwksFetchRefusal(jwksUri, issuer)).toBeUndefined();
  });

  it.each<[string, string, string, string]>([
    ['loopback http for a remote issuer', 'http://localhost:2375/containers/json', 'https://op.example', 'but the issuer "https://op.example" is not on a loopback host'],
    ['loopback http for an issuer that is not a URL', 'http://127.0.0.1/jwks', 'joe', 'is not on a loopback host'],
    ['http on a link-local host', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.1:8080', 'is http on a host that is not localhost'],
    ['http on a public host', 'http://op.example/certs', 'https://op.example', 'is http on a host that is not localhost'],
    ['a fragment', 'https://op.example/certs#x', 'https://op.example', 'has a fragment'],
    ['another scheme', 'file:///etc/passwd', 'https://op.example', 'is not an https URL'],
    ['credentials', 'https://u:p@op.example/certs', 'https://op.example', 'carries credentials'],
    ['a relative URL', '/certs', 'https://op.example', 'is not an absolute URL'],
    ['a newline', 'https://op.example/ce\nrts', 'https://op.example', 'whitespace, control characters or a backslash'],
  ])('refuses %s', (_name, jwksUri, issuer, why) => {
    expect(jwksFetchRefusal(jwksUri, issuer)).toContain(why);
  });
});
