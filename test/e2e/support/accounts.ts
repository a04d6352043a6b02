/**
 * Deterministic test accounts for the e2e provider: every login is accepted (the provider's dev login page
 * ignores the password) and the subject is the login itself, so a test knows the `sub` it will see. Does not
 * store anything and does not check passwords.
 */
import type { FindAccount } from 'oidc-provider';

/** The login the tests type into the provider's dev login page. */
export const TEST_LOGIN = 'alice';

/** The claims of the account behind `sub`, whatever scopes were granted (the provider filters them). */
export function accountClaims(sub: string): Record<string, unknown> {
  return { sub, email: `${sub}@example.test`, email_verified: true, name: `Test user ${sub}` };
}

/** `findAccount` for oidc-provider: any id is an account whose claims are {@link accountClaims}. */
export const findAccount: FindAccount = (_ctx, sub) => ({
  accountId: sub,
  claims: () => ({ ...accountClaims(sub), sub }),
});
