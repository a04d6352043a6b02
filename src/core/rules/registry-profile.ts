import { profileClaims } from './profile-claims.js';
import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const profileRules: Rule[] = [profileClaims];
