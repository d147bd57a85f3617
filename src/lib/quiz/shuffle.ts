// Deterministic shuffling: an attempt stores only its seed, and the same seed must give the same order on every
// page load and server. FNV-1a turns the seed string into 32 bits; mulberry32 generates; Fisher-Yates shuffles.
// Changing any of these reorders every stored attempt, so the test file pins known outputs.

/** 32-bit FNV-1a over the string's UTF-16 code units. */
export function hashSeed(seed: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		hash ^= seed.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** mulberry32: a tiny, well-known 32-bit PRNG returning floats in [0, 1). Not for cryptography. */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy; the input is left untouched. */
export function shuffleWithSeed<T>(items: readonly T[], seed: string): T[] {
	const result = [...items];
	const random = createRandom(hashSeed(seed));
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[result[i], result[j]] = [result[j], result[i]];
	}
	return result;
}

/**
 * n question ids drawn at random, in their shuffled order; null (or n >= ids.length) draws all of them.
 * Negative or fractional n is floored and clamped to 0.
 */
export function drawQuestions(ids: readonly string[], n: number | null, seed: string): string[] {
	const shuffled = shuffleWithSeed(ids, seed);
	if (n === null || !Number.isFinite(n)) return shuffled;
	return shuffled.slice(0, Math.max(0, Math.floor(n)));
}
