import { algAllowlist } from './alg-allowlist.js';
import { algConfusion } from './alg-confusion.js';
import { algNone } from './alg-none.js';
import { algPresent } from './alg-present.js';
import { jwsDupNames } from './jws-dup-names.js';
import { jwsParse } from './jws-parse.js';
import { keyEmbedded } from './key-embedded.js';
import { keyKid } from './key-kid.js';
import { typExplicit } from './typ-explicit.js';
import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const jwsRules: Rule[] = [jwsParse, jwsDupNames, algPresent, algNone, algAllowlist, algConfusion, keyKid, keyEmbedded, typExplicit];
