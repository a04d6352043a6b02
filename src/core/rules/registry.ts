import { artifactRules } from './registry-artifact.js';
import { claimsRules } from './registry-claims.js';
import { crossRules } from './registry-cross.js';
import { jwsRules } from './registry-jws.js';
import type { Rule } from './types.js';

/** Every rule the engine runs: A (jws), B (claims and time), C+D (single artifacts), E (across artifacts). */
export const ALL_RULES: readonly Rule[] = [...jwsRules, ...claimsRules, ...artifactRules, ...crossRules];
