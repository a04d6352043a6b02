import { describe, expect, it } from 'vitest';
import { nameClass } from '../../../src/core/har/redact-names.js';

describe('nameClass', () => {
  it.each([
    ['sub', 'personal'],
    ['given_name', 'personal'],
    ['GivenName', 'personal'],
    ['website', 'personal'],
    ['profile', 'personal'],
    ['gender', 'personal'],
    ['distinguished_name', 'personal'],
    ['national_identity_number', 'personal'],
    ['phone_number', 'personal'],
    ['idCardNumber', 'personal'],
    ['birthdate', 'personal'],
    ['email', 'personal'],
    ['email_verified', 'safe'],
    ['passport_number', 'personal'],
    ['documentNumber', 'personal'],
    ['fin', 'personal'],
    ['app_secret', 'secret'],
    ['pass', 'secret'],
    ['passphrase', 'secret'],
    ['iss', 'safe'],
    ['token_endpoint', 'safe'],
    ['grant_types_supported', 'safe'],
    ['jwks_uri', 'safe'],
    ['favourite_colour', 'unknown'],
    ['client_secret', 'secret'],
    ['password', 'secret'],
    ['refresh_token', 'token'],
    ['id_token_hint', 'token'],
    ['code', 'keep'],
    ['code_verifier', 'keep'],
    ['scope', 'safe'],
    ['', 'unknown'],
  ])('%j is %s', (name, expected) => {
    expect(nameClass(name)).toBe(expected);
  });
});
