import { idtAcr } from './idt-acr.js';
import { idtAud } from './idt-aud.js';
import { idtAzp } from './idt-azp.js';
import { idtHashes } from './idt-hashes.js';
import { idtIss } from './idt-iss.js';
import { idtNonce } from './idt-nonce.js';
import { idtRequired } from './idt-required.js';
import { idtSig } from './idt-sig.js';
import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const idtRules: Rule[] = [idtRequired, idtIss, idtAud, idtAzp, idtNonce, idtHashes, idtAcr, idtSig];
