import { decodeJwt } from '../../../src/core/jwt/decode.js';
import type { Artifact } from '../../../src/core/model.js';
import { SEED_002_ID_TOKEN, SEED_002_ISSUER } from '../../fixtures/seed-002-tokens.js';
import { NOW } from '../helpers/rule-harness.js';

/**
 * The seed 002 ID token (aud/azp "oidc-testclient", nonce "demoNonce", acr "urn:bankid:bid;LOA=4", no at_hash)
 * as the engine lays it out: issued in a token response (`response.json.id_token`), Keycloak profile.
 */
export function seed002IdToken(extra: Partial<Artifact> = {}): Artifact {
  const jwt = decodeJwt(SEED_002_ID_TOKEN);
  return {
    id: 'seed002-idt',
    kind: 'id_token',
    at: NOW * 1000,
    occurrences: [{ location: 'response.json.id_token', at: NOW * 1000 }],
    issuer: SEED_002_ISSUER,
    profile: 'keycloak',
    raw: SEED_002_ID_TOKEN,
    jwt,
    ...(jwt.payload ? { claims: jwt.payload } : {}),
    ...extra,
  };
}
