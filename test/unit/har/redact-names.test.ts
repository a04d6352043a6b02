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
    ['email_verified', 'other'],
    ['client_secret', 'secret'],
    ['password', 'secret'],
    ['refresh_token', 'token'],
    ['id_token_hint', 'token'],
    ['code', 'keep'],
    ['code_verifier', 'keep'],
    ['scope', 'other'],
    ['', 'other'],
  ])('%j is %s', (name, expected) => {
    expect(nameClass(name)).toBe(expected);
  });
});
