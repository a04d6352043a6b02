/** UTF-8 validation that says how much is wrong, which `TextDecoder` does not. */

/**
 * Number of bytes a WHATWG UTF-8 decoder replaces with U+FFFD in `bytes` (each ill-formed subsequence counts
 * with all its bytes). 0 for valid UTF-8. Does not decode and does not treat a BOM specially.
 */
export function invalidUtf8Bytes(bytes: Uint8Array): number {
  let bad = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else {
      bad++;
      i++;
      continue;
    }
    // The maximal subpart: the lead byte and the continuation bytes that are still valid.
    let j = 1;
    for (; j <= need; j++) {
      const d = i + j < n ? bytes[i + j]! : -1;
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (d < min || d > max) break;
    }
    if (j > need) {
      i += need + 1;
    } else {
      bad += j;
      i += j;
    }
  }
  return bad;
}
