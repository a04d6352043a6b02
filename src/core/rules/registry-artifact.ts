import { at9068 } from './at-9068.js';
import { atAud } from './at-aud.js';
import { atInQuery } from './at-in-query.js';
import { inBasics } from './in-basics.js';
import { pkce } from './pkce.js';
import { rtOpaque } from './rt-opaque.js';
import { trCache } from './tr-cache.js';
import { trRequired } from './tr-required.js';
import { trTokenType } from './tr-token-type.js';
import { uiSigned } from './ui-signed.js';
import { uiSub } from './ui-sub.js';
import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const artifactRules: Rule[] = [at9068, atAud, atInQuery, rtOpaque, trRequired, trTokenType, trCache, uiSub, uiSigned, inBasics, pkce];
