import { describe, expect, it } from 'vitest';
import type { HashCheck } from '../../../src/core/model.js';
import { idtHashes } from '../../../src/core/rules/idt-hashes.js';
import { check, flowOf, jsonArtifact, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { FRAGMENT, ID_BASE, login, TOKEN_ENDPOINT } from './idt-flow-fixtures.js';
import { seed002IdToken } from './cross-fixtures.js';

const AT_HASH = 'LDktKdoQak3Pk0cnXxCltA';
const C_HASH = 'Ne0wBhoD2wO0iLXyrDFLLw';

describe('idt-hashes: mismatches', () => {
  it.each<[string, HashCheck[] | unknown, [string, string][]]>([
    ['both hashes match', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: AT_HASH, ok: true }, { claim: 'c_hash', against: 'code', expected: C_HASH, actual: C_HASH, ok: true }], []],
    ['at_hash differs', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: 'wrong', ok: false }], [['at_hash', `at_hash "wrong" does not match the access token (expected "${AT_HASH}")`]]],
    ['c_hash differs', [{ claim: 'c_hash', against: 'code', expected: C_HASH, actual: 'bad', ok: false }], [['c_hash', `c_hash "bad" does not match the authorization code (expected "${C_HASH}")`]]],
    ['both differ', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: 'x', ok: false }, { claim: 'c_hash', against: 'code', expected: C_HASH, actual: 'y', ok: false }], [['at_hash', 'at_hash "x"'], ['c_hash', 'c_hash "y"']]],
    ['at_hash of the wrong type', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: 12, ok: false }], [['at_hash', 'at_hash 12 does not match']]],
    ['at_hash an object', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: { h: 1 }, ok: false }], [['at_hash', 'at_hash {"h":1} does not match']]],
    ['claim absent is not a mismatch', [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: undefined, ok: false }], []],
    ['no hashes computed', undefined, []],
    ['hashes not an array', { claim: 'at_hash', ok: false }, []],
    ['junk entries', [null, 3, 'x', { claim: 'x_hash', ok: false, actual: 'a' }, { claim: 'at_hash', ok: 'false', actual: 'a' }], []],
  ])('%s', (_name, hashes, expected) => {
    const t = tokenArtifact('id_token', { ...ID_BASE, at_hash: 'x' }, undefined, { hashes: hashes as HashCheck[] });
    const findings = check(idtHashes, [t]);
    expect(findings.map((f) => [f.rule, f.severity, f.claim])).toEqual(expected.map(([c]) => ['idt-hashes', 'error', c]));
    findings.forEach((f, i) => expect(f.message).toContain(expected[i]![1]));
  });
});

describe('idt-hashes: required on authorization-endpoint ID tokens', () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, unknown>, string, string[]]>([
    ['implicit id_token token with at_hash', { response_type: 'id_token token' }, { at_hash: AT_HASH }, FRAGMENT, []],
    ['implicit id_token token without at_hash', { response_type: 'id_token token' }, {}, FRAGMENT, ['at_hash']],
    ['implicit id_token alone needs no hash', { response_type: 'id_token' }, {}, FRAGMENT, []],
    ['hybrid code id_token without c_hash', { response_type: 'code id_token' }, {}, FRAGMENT, ['c_hash']],
    ['hybrid code id_token with c_hash', { response_type: 'code id_token' }, { c_hash: C_HASH }, FRAGMENT, []],
    ['hybrid code id_token token without both', { response_type: 'code id_token token' }, {}, FRAGMENT, ['at_hash', 'c_hash']],
    ['hybrid in another order, via form_post', { response_type: 'id_token code' }, {}, 'response.form.id_token', ['c_hash']],
    ['hybrid code token: the ID token comes from the token endpoint', { response_type: 'code token' }, {}, TOKEN_ENDPOINT, []],
    ['code flow: token endpoint, no requirement', { response_type: 'code' }, {}, TOKEN_ENDPOINT, []],
    ['token endpoint, even with response_type id_token token', { response_type: 'id_token token' }, {}, TOKEN_ENDPOINT, []],
    ['response_type not a string', { response_type: ['id_token', 'token'] }, {}, FRAGMENT, []],
    ['response_type empty', { response_type: '' }, {}, FRAGMENT, []],
    ['no authorize request and no authorize response', undefined, {}, FRAGMENT, []],
    ['at_hash present but null still counts as present', { response_type: 'id_token token' }, { at_hash: null }, FRAGMENT, []],
  ])('%s', (_name, params, claims, location, missing) => {
    const { idToken, opts } = login(params, claims, location);
    const findings = check(idtHashes, [idToken], opts);
    expect(findings.map((f) => f.claim)).toEqual(missing);
    for (const f of findings) {
      expect(f).toMatchObject({ rule: 'idt-hashes', severity: 'error' });
      expect(f.message).toContain(`has no ${f.claim}; it is required with response_type`);
    }
  });

  it('falls back to the authorize response when no authorize request was captured', () => {
    const response = jsonArtifact('authorize_response', { code: 'abc', access_token: 'at', id_token: 'x', state: 's' });
    const idToken = tokenArtifact('id_token', ID_BASE, undefined, { occurrences: [{ location: FRAGMENT, at: NOW * 1000, parent: response.id }] });
    const findings = check(idtHashes, [idToken], { artifacts: [response], flows: [flowOf([response, idToken])] });
    expect(findings.map((f) => [f.claim, f.message])).toEqual([
      ['at_hash', expect.stringContaining('required with an access token issued with it')],
      ['c_hash', expect.stringContaining('required with a code issued with it')],
    ]);
  });

  it('reports a mismatch and a missing hash together', () => {
    const { idToken, opts } = login({ response_type: 'code id_token token' }, { at_hash: 'x' }, FRAGMENT, [], {
      hashes: [{ claim: 'at_hash', against: 'at1', expected: AT_HASH, actual: 'x', ok: false }],
    });
    const findings = check(idtHashes, [idToken], opts);
    expect(findings.map((f) => f.claim)).toEqual(['at_hash', 'c_hash']);
  });

  it('accepts the seed 002 ID token (code flow, no at_hash)', () => {
    expect(check(idtHashes, [seed002IdToken()])).toEqual([]);
  });
});
