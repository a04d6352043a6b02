import { describe, expect, it } from 'vitest';
import { parseUserProfile } from '../../../src/core/profiles/user-profile.js';

const errorsOf = (input: unknown): string[] => {
  const r = parseUserProfile(typeof input === 'string' ? input : JSON.stringify(input));
  return 'errors' in r ? r.errors : [];
};

const minimal = { id: 'acme', claims: { userinfo: [{ name: 'email', type: 'string', description: 'E-mail' }] } };

describe('parseUserProfile: good input', () => {
  it('accepts a minimal profile and defaults the name to the id', () => {
    const r = parseUserProfile(JSON.stringify({ id: 'acme' }));
    expect(r).toEqual({ profile: { id: 'acme', name: 'acme' } });
  });

  it('keeps every known member and drops $schema', () => {
    const input = {
      $schema: './profile.schema.json',
      id: 'acme.bank_1',
      name: 'Acme Bank',
      extends: 'keycloak',
      issuers: ['https://id.acme.test/realms/a', 'https://id.acme.test/tenants/'],
      hosts: ['api.acme.test', 'id.acme.test:8443', '[::1]:8080'],
      keycloak: true,
      severity: { 'ui-sub': 'info', 'profile-claims': 'error' },
      claims: {
        userinfo: [
          { name: 'address', type: 'object', description: 'Address', source: 'guide', members: [{ name: 'zip', type: 'string', format: 'digits', required: true, description: 'Zip' }] },
          { name: 'phones', type: 'array', description: 'Phones', members: [{ name: 'number', type: 'string', format: 'phone', description: 'Number' }] },
        ],
        access_token: [{ name: 'typ', type: 'string', expected: 'Bearer', support: 'supported', description: 'Type' }],
        introspection: [{ name: 'n', type: 'integer', expected: 0, description: 'n' }, { name: 'b', type: 'boolean', expected: false, description: 'b' }],
      },
      crossChecks: [{ userinfo: 'id', token: 'access_token', claim: 'sub', severity: 'warning', source: 'guide' }],
      notes: ['note'],
    };
    const r = parseUserProfile(JSON.stringify(input));
    expect('profile' in r).toBe(true);
    if (!('profile' in r)) return;
    const { $schema: _ignored, ...rest } = input;
    expect(r.profile).toEqual(rest);
  });
});

describe('parseUserProfile: bad input', () => {
  it.each([
    ['invalid JSON', '{"id": "a",}', /^not valid JSON: /],
    ['empty text', '', /^not valid JSON/],
    ['not an object', '[1,2]', /^a profile must be a JSON object, got an array$/],
    ['null', 'null', /^a profile must be a JSON object, got null$/],
    ['missing id', { name: 'x' }, /^id: required$/],
    ['id of the wrong type', { id: 7 }, /^id: expected a string, got a number$/],
    ['id with spaces', { id: 'my provider' }, /^id: expected 1-64 letters/],
    ['extends itself', { id: 'a', extends: 'a' }, /^extends: a profile cannot extend itself$/],
    ['unknown top-level property', { id: 'a', issuer: 'https://x.test' }, /^issuer: unknown property; expected one of \$schema, id, name/],
    ['issuers not an array', { id: 'a', issuers: 'https://x.test' }, /^issuers: expected an array of strings, got a string$/],
    ['issuer not a URL', { id: 'a', issuers: ['x.test'] }, /^issuers\[0\]: expected an http\(s\) URL, got "x.test"$/],
    ['issuer entry of the wrong type', { id: 'a', issuers: [1] }, /^issuers\[0\]: expected a string, got a number$/],
    ['host with a scheme', { id: 'a', hosts: ['https://x.test'] }, /^hosts\[0\]: expected a host name such as id.example.com/],
    ['keycloak not boolean', { id: 'a', keycloak: 'yes' }, /^keycloak: expected true or false, got a string$/],
    ['unknown rule id', { id: 'a', severity: { 'idt-audience': 'info' } }, /^severity\.idt-audience: unknown rule id/],
    ['unknown severity', { id: 'a', severity: { 'ui-sub': 'fatal' } }, /^severity\.ui-sub: expected one of error, warning, info, got "fatal"$/],
    ['severity not an object', { id: 'a', severity: ['ui-sub'] }, /^severity: expected an object, got an array$/],
    ['claims not an object', { id: 'a', claims: [] }, /^claims: expected an object, got an array$/],
    ['unknown artifact kind', { id: 'a', claims: { logout_token: [] } }, /^claims\.logout_token: unknown artifact kind; expected one of id_token, access_token/],
    ['claim list not an array', { id: 'a', claims: { userinfo: {} } }, /^claims\.userinfo: expected an array of claim objects, got an object$/],
    ['claim not an object', { id: 'a', claims: { userinfo: ['email'] } }, /^claims\.userinfo\[0\]: expected a claim object/],
    [
      'unknown type name',
      { id: 'a', claims: { userinfo: [{ name: 'a', type: 'string', description: 'a' }, { name: 'b', type: 'string', description: 'b' }, { name: 'c', type: 'text', description: 'c' }] } },
      /^claims\.userinfo\[2\]\.type: expected one of string, number, integer, boolean, object, array, numericdate, string-or-array, got "text"$/,
    ],
    ['type of the wrong JSON type', { id: 'a', claims: { userinfo: [{ name: 'c', type: 3, description: 'c' }] } }, /^claims\.userinfo\[0\]\.type: expected one of string, .*got a number$/],
    ['missing type', { id: 'a', claims: { userinfo: [{ name: 'c', description: 'c' }] } }, /^claims\.userinfo\[0\]\.type: required; one of string/],
    ['missing name', { id: 'a', claims: { userinfo: [{ type: 'string', description: 'c' }] } }, /^claims\.userinfo\[0\]\.name: required$/],
    ['empty name', { id: 'a', claims: { userinfo: [{ name: '', type: 'string', description: 'c' }] } }, /^claims\.userinfo\[0\]\.name: must not be empty$/],
    ['missing description', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string' }] } }, /^claims\.userinfo\[0\]\.description: required$/],
    ['unknown format', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', format: 'iban', description: 'c' }] } }, /^claims\.userinfo\[0\]\.format: expected one of uuid, url, https-url, date, digits, no-pid, email, phone, got "iban"$/],
    ['unknown support status', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', support: 'yes', description: 'c' }] } }, /^claims\.userinfo\[0\]\.support: expected one of supported, must-be-added, under-review, not-supported/],
    ['required not boolean', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', required: 'true', description: 'c' }] } }, /^claims\.userinfo\[0\]\.required: expected true or false, got a string$/],
    ['expected an object', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', expected: {}, description: 'c' }] } }, /^claims\.userinfo\[0\]\.expected: expected a string, number or boolean, got an object$/],
    ['misspelt claim property', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', requried: true, description: 'c' }] } }, /^claims\.userinfo\[0\]\.requried: unknown property; expected one of name, type/],
    ['duplicate claim names', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', description: 'c' }, { name: 'c', type: 'string', description: 'c' }] } }, /^claims\.userinfo\[1\]\.name: duplicate claim name "c"$/],
    ['members on a string', { id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', description: 'c', members: [] }] } }, /^claims\.userinfo\[0\]\.members: only for type object or array/],
    [
      'bad nested member',
      { id: 'a', claims: { userinfo: [{ name: 'addr', type: 'object', description: 'x', members: [{ name: 'zip', type: 'zipcode', description: 'z' }] }] } },
      /^claims\.userinfo\[0\]\.members\[0\]\.type: expected one of/,
    ],
    ['crossChecks not an array', { id: 'a', crossChecks: {} }, /^crossChecks: expected an array, got an object$/],
    ['cross-check with a bad token', { id: 'a', crossChecks: [{ userinfo: 'id', token: 'refresh_token', claim: 'sub' }] }, /^crossChecks\[0\]\.token: expected one of access_token, id_token, got "refresh_token"$/],
    ['cross-check missing claim', { id: 'a', crossChecks: [{ userinfo: 'id', token: 'id_token' }] }, /^crossChecks\[0\]\.claim: required$/],
    ['notes with a number', { id: 'a', notes: ['ok', 2] }, /^notes\[1\]: expected a string, got a number$/],
  ])('%s', (_what, input, message) => {
    const errors = errorsOf(input);
    expect(errors.some((e) => message.test(e)), `errors: ${JSON.stringify(errors)}`).toBe(true);
  });

  it('reports every problem, not only the first', () => {
    const errors = errorsOf({ name: 1, keycloak: 1, claims: { userinfo: [{ name: 'x', type: 'str' }] } });
    expect(errors).toEqual([
      'id: required',
      'name: expected a string, got a number',
      'keycloak: expected true or false, got a number',
      'claims.userinfo[0].type: expected one of string, number, integer, boolean, object, array, numericdate, string-or-array, got "str"',
      'claims.userinfo[0].description: required',
    ]);
  });

  it('caps the number of messages', () => {
    const userinfo = Array.from({ length: 200 }, (_, i) => ({ name: `c${i}`, type: 'nope', description: 'x' }));
    const errors = errorsOf({ id: 'a', claims: { userinfo } });
    expect(errors.length).toBe(51);
    expect(errors[50]).toBe('(more problems not shown)');
  });

  it('rejects members nested too deep', () => {
    let doc: Record<string, unknown> = { name: 'leaf', type: 'string', description: 'x' };
    for (let i = 0; i < 12; i++) doc = { name: `n${i}`, type: 'object', description: 'x', members: [doc] };
    expect(errorsOf({ id: 'a', claims: { userinfo: [doc] } }).some((e) => /nested deeper than 8 levels/.test(e))).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const text of [undefined, null, 42, '{"id":"a","claims":{"userinfo":[null]}}', '"just a string"', '{"__proto__":{"id":"x"}}', 'x'.repeat(10_000)]) {
      expect(() => parseUserProfile(text as unknown as string)).not.toThrow();
      expect('errors' in parseUserProfile(text as unknown as string)).toBe(true);
    }
  });

  it('a minimal profile with a claim list parses', () => {
    expect(errorsOf(minimal)).toEqual([]);
  });
});
