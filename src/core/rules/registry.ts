import { artifactRules } from './registry-artifact.js';
import { claimsRules } from './registry-claims.js';
import { coreRules } from './registry-core.js';
import { crossRules } from './registry-cross.js';
import { idtRules } from './registry-idt.js';
import { jwsRules } from './registry-jws.js';
import { profileRules } from './registry-profile.js';
import type { Rule } from './types.js';

/** Every rule the engine runs: A (jws), B (claims and time), C (ID token), D (other artifacts), E (across artifacts), profiles. */
export const ALL_RULES: readonly Rule[] = [...coreRules, ...jwsRules, ...claimsRules, ...idtRules, ...artifactRules, ...crossRules, ...profileRules];
