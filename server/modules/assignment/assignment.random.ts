/**
 * A small seeded pseudo-random generator, so that the baseline's "random" orders are the same on
 * every run and every machine (Math.random cannot be seeded). A Weyl sequence (adding an odd
 * constant modulo 2^32) visits every 32-bit state; a multiply–xorshift finaliser then mixes each
 * state so that consecutive outputs look independent. Quality is ample for shuffling; this is
 * not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place: every permutation equally likely given a uniform generator. */
export function shuffleInPlace(values: Int32Array, random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}
