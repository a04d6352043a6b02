import { describe, expect, it } from 'vitest';
import { idtAcr } from '../../../src/core/rules/idt-acr.js';
import { check, flowOf, jsonArtifact } from '../helpers/rule-harness.js';
import { login } from './idt-flow-fixtures.js';
import { seed002IdToken } from './cross-fixtures.js';

const LOA4 = 'urn:bankid:bid;LOA=4';
const claimsParam = (acr: unknown) => JSON.stringify({ id_token: { acr } });

describe('idt-acr', () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, unknown>, string | undefined]>([
    ['acr among acr_values', { acr_values: `urn:x:low ${LOA4}` }, { acr: LOA4 }, undefined],
    ['acr not among acr_values', { acr_values: 'urn:x:low urn:x:mid' }, { acr: LOA4 }, `acr "${LOA4}" is not among the requested values ["urn:x:low","urn:x:mid"]`],
    ['acr missing while acr_values sent', { acr_values: '4' }, {}, 'the ID token has no acr, but the authorize request asked for acr ["4"]'],
    ['acr compared case-sensitively', { acr_values: 'loa4' }, { acr: 'LOA4' }, 'is not among the requested values'],
    ['acr_values with extra whitespace', { acr_values: '  a   b ' }, { acr: 'b' }, undefined],
    ['acr_values empty: nothing requested', { acr_values: '' }, {}, undefined],
    ['acr_values blank: nothing requested', { acr_values: '   ' }, {}, undefined],
    ['acr_values not a string', { acr_values: ['4'] }, {}, undefined],
    ['nothing requested, token has acr', { response_type: 'code' }, { acr: 'anything' }, undefined],
    ['nothing requested, no acr', { response_type: 'code' }, {}, undefined],
    ['no authorize request captured', undefined, { acr: 'x' }, undefined],
    ['claims param value matches', { claims: claimsParam({ value: LOA4 }) }, { acr: LOA4 }, undefined],
    ['claims param values match', { claims: claimsParam({ values: ['a', LOA4] }) }, { acr: LOA4 }, undefined],
    ['claims param value differs', { claims: claimsParam({ value: 'a' }) }, { acr: 'b' }, 'acr "b" is not among the requested values ["a"]'],
    ['claims param essential, acr missing', { claims: claimsParam({ essential: true, values: ['a', 'b'] }) }, {}, 'asked for acr as essential ["a","b"]'],
    ['claims param essential without values, acr missing', { claims: claimsParam({ essential: true }) }, {}, 'asked for acr as essential (any value)'],
    ['claims param essential without values, acr present', { claims: claimsParam({ essential: true }) }, { acr: 'x' }, undefined],
    ['claims param acr null (default request), acr missing', { claims: claimsParam(null) }, {}, 'asked for acr (any value)'],
    ['claims param combined with acr_values', { acr_values: 'a', claims: claimsParam({ value: 'b' }) }, { acr: 'b' }, undefined],
    ['claims param combined, neither matches', { acr_values: 'a', claims: claimsParam({ value: 'b' }) }, { acr: 'c' }, 'requested values ["a","b"]'],
    ['claims param invalid JSON', { claims: '{"id_token":{"acr":' }, {}, undefined],
    ['claims param invalid JSON, acr_values still used', { claims: '{oops', acr_values: 'a' }, { acr: 'z' }, 'requested values ["a"]'],
    ['claims param asks only for userinfo acr', { claims: JSON.stringify({ userinfo: { acr: { value: 'a' } } }) }, {}, undefined],
    ['claims param id_token not an object', { claims: JSON.stringify({ id_token: ['acr'] }) }, {}, undefined],
    ['claims param a JSON array', { claims: '[1,2]' }, {}, undefined],
    ['claims param values of wrong types', { claims: claimsParam({ value: 4, values: [null, 'ok', 5] }) }, { acr: '4' }, 'requested values ["ok"]'],
    ['claims param already an object', { claims: { id_token: { acr: { value: 'a' } } } }, { acr: 'a' }, undefined],
    ['acr a number', { acr_values: '4' }, { acr: 4 }, 'acr 4 is not a string; the authorize request asked for ["4"]'],
    ['acr an object', { acr_values: '4' }, { acr: { level: 4 } }, 'acr {"level":4} is not a string'],
    ['acr null', { acr_values: '4' }, { acr: null }, 'acr null is not a string'],
  ])('%s', (_name, params, claims, fragment) => {
    const { idToken, opts } = login(params, claims);
    const findings = check(idtAcr, [idToken], opts);
    if (fragment === undefined) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-acr', severity: 'warning', claim: 'acr' });
    expect(findings[0]!.message).toContain(fragment);
  });

  it('checks the seed 002 ID token against BankID levels', () => {
    const idToken = seed002IdToken();
    const ok = jsonArtifact('authorize_request', { acr_values: LOA4 });
    expect(check(idtAcr, [idToken], { artifacts: [ok], flows: [flowOf([ok, idToken])] })).toEqual([]);
    // 001 documents the level as plain "4"; 002's token says urn:bankid:bid;LOA=4.
    const plain = jsonArtifact('authorize_request', { acr_values: '4' });
    const [f] = check(idtAcr, [idToken], { artifacts: [plain], flows: [flowOf([plain, idToken])] });
    expect(f?.message).toBe(`acr "${LOA4}" is not among the requested values ["4"]`);
  });

  it('does nothing without claims', () => {
    const { idToken, opts } = login({ acr_values: '4' }, {});
    delete idToken.claims;
    expect(check(idtAcr, [idToken], opts)).toEqual([]);
  });
});
