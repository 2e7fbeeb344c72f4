// Seeded randomness so every run (tests, demo, screenshots) builds the same console data.

/**
 * mulberry32: a tiny, well-known 32-bit PRNG. Quality is irrelevant here; reproducibility is all we need.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} rand @param {number} length @param {string} [first] digits, never starting with 0 */
export function digits(rand, length, first = '') {
  let out = first || String(1 + Math.floor(rand() * 9));
  while (out.length < length) out += String(Math.floor(rand() * 10));
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Opaque base62 token, shaped like the console's securityuid. */
export function token(rand, length) {
  let out = '';
  while (out.length < length) out += ALNUM[Math.floor(rand() * ALNUM.length)];
  return out;
}

/** @template T @param {() => number} rand @param {T[]} list @returns {T} */
export function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
