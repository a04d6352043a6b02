import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/model.js';
import { idtIss } from '../../../src/core/rules/idt-iss.js';
import { check, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { seed002IdToken } from './cross-fixtures.js';

const SEED_ISS = 'https://auth.current.bankid.no/auth/realms/current';
const base = { sub: 'u1', aud: 'c1', exp: NOW + 300, iat: NOW };

type Expect = [Severity, string][];

describe('idt-iss: the iss value', () => {
  it.each<[string, unknown, Expect]>([
    ['https issuer', 'https://op.example/realms/x', []],
    ['https issuer with port and trailing slash', 'https://op.example:8443/', []],
    ['http issuer', 'http://op.example', [['error', 'scheme "http"; expected https']]],
    ['other scheme', 'ftp://op.example', [['error', 'scheme "ftp"']]],
    ['query component', 'https://op.example/?tenant=a', [['error', 'has a query component']]],
    ['empty query', 'https://op.example/?', [['error', 'has a query component']]],
    ['fragment component', 'https://op.example/#x', [['error', 'has a fragment component']]],
    ['http on localhost', 'http://localhost:8080/realms/dev', [['info', 'allowed for local development only']]],
    ['http on 127.0.0.1', 'http://127.0.0.1/', [['info', 'allowed for local development only']]],
    ['http on [::1]', 'http://[::1]:9000', [['info', 'allowed for local development only']]],
    ['http on a look-alike host', 'http://localhost.evil.example', [['error', 'expected https']]],
    ['relative path', '/realms/x', [['error', 'is not an absolute URL']]],
    ['empty string', '', [['error', 'is not an absolute URL']]],
    ['a number', 42, [['error', 'iss 42 is not a string']]],
    ['an object', { url: 'https://op.example' }, [['error', 'is not a string']]],
    ['null', null, [['error', 'iss null is not a string']]],
    ['a huge string', 'https://op.example/' + 'a'.repeat(100_000), []],
  ])('%s', (_name, iss, expected) => {
    const findings = check(idtIss, [tokenArtifact('id_token', { ...base, iss })]);
    expect(findings.map((f) => [f.severity, f.rule])).toEqual(expected.map(([s]) => [s, 'idt-iss']));
    findings.forEach((f, i) => {
      expect(f.message).toContain(expected[i]![1]);
      expect(f.claim).toBe('iss');
    });
  });

  it('says nothing when iss is missing (idt-required reports it)', () => {
    expect(check(idtIss, [tokenArtifact('id_token', base)])).toEqual([]);
  });

  it('accepts the seed 002 ID token without a known Discovery document', () => {
    expect(check(idtIss, [seed002IdToken()])).toEqual([]);
  });

  it('keeps messages short for huge values', () => {
    const [f] = check(idtIss, [tokenArtifact('id_token', { ...base, iss: 'http://op.example/' + 'a'.repeat(100_000) })]);
    expect(f?.message.length).toBeLessThan(300);
  });
});

describe('idt-iss: the Discovery document', () => {
  const jwks = `${SEED_ISS}/protocol/openid-connect/certs`;
  it.each<[string, Record<string, unknown>, Expect]>([
    ['matching issuer, https jwks_uri', { issuer: SEED_ISS, jwks_uri: jwks }, []],
    ['jwks_uri with a query is fine', { issuer: SEED_ISS, jwks_uri: `${jwks}?v=2` }, []],
    ['issuer with a trailing slash', { issuer: `${SEED_ISS}/`, jwks_uri: jwks }, [['error', `has issuer "${SEED_ISS}/"; it must equal the ID token iss "${SEED_ISS}" exactly`]]],
    ['issuer in another case', { issuer: SEED_ISS.toUpperCase(), jwks_uri: jwks }, [['error', 'must equal the ID token iss']]],
    ['issuer missing', { jwks_uri: jwks }, [['error', 'has no issuer; it must equal the ID token iss']]],
    ['issuer a number', { issuer: 7, jwks_uri: jwks }, [['error', 'has issuer 7']]],
    ['jwks_uri over http', { issuer: SEED_ISS, jwks_uri: 'http://auth.current.bankid.no/certs' }, [['error', 'the Discovery jwks_uri "http://auth.current.bankid.no/certs" uses the scheme "http"']]],
    ['jwks_uri over http on localhost', { issuer: SEED_ISS, jwks_uri: 'http://localhost/certs' }, [['info', 'allowed for local development only']]],
    ['jwks_uri missing', { issuer: SEED_ISS }, [['error', 'has no jwks_uri']]],
    ['jwks_uri an array', { issuer: SEED_ISS, jwks_uri: [jwks] }, [['error', 'is not a string']]],
    ['both wrong', { issuer: 'https://other.example', jwks_uri: 'ftp://x' }, [['error', 'has issuer "https://other.example"'], ['error', 'scheme "ftp"']]],
  ])('%s', (_name, discovery, expected) => {
    const findings = check(idtIss, [seed002IdToken()], { discovery: { [SEED_ISS]: discovery } });
    expect(findings.map((f) => [f.severity, f.rule])).toEqual(expected.map(([s]) => [s, 'idt-iss']));
    findings.forEach((f, i) => expect(f.message).toContain(expected[i]![1]));
  });

  it('compares an insecure iss with Discovery too', () => {
    const iss = 'http://op.example';
    const findings = check(idtIss, [tokenArtifact('id_token', { ...base, iss })], { discovery: { [iss]: { issuer: 'https://op.example', jwks_uri: 'https://op.example/jwks' } } });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('expected https'),
      expect.stringContaining('has issuer "https://op.example"'),
    ]);
  });

  it('ignores Discovery documents of other issuers', () => {
    const findings = check(idtIss, [seed002IdToken()], { discovery: { 'https://other.example': { issuer: 'x' } } });
    expect(findings).toEqual([]);
  });
});
