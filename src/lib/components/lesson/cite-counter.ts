import { getContext, setContext } from 'svelte';

// Numbers each citation of a source within one lesson, so a source cited twice gets two distinct ids (cite-key,
// cite-key-2) and the reference list can link back to every place it was cited. Citations render in document
// order, before the reference list, on the server and again in the browser, so both count the same.

const contextKey = Symbol('cite-counter');

export interface CiteCounter {
	/** Registers one more citation of `key` and returns its occurrence (1 for the first). */
	next(key: string): number;
	/** The anchor ids of every citation of `key` so far, then starts counting afresh for a re-render. */
	takeAnchors(key: string): string[];
}

export function citeAnchor(key: string, occurrence: number): string {
	return occurrence === 1 ? `cite-${key}` : `cite-${key}-${occurrence}`;
}

export function provideCiteCounter(): void {
	const counts = new Map<string, number>();
	setContext<CiteCounter>(contextKey, {
		next(key) {
			const n = (counts.get(key) ?? 0) + 1;
			counts.set(key, n);
			return n;
		},
		takeAnchors(key) {
			const n = counts.get(key) ?? 0;
			counts.delete(key);
			return Array.from({ length: n }, (_, i) => citeAnchor(key, i + 1));
		}
	});
}

export function useCiteCounter(): CiteCounter | undefined {
	return getContext<CiteCounter | undefined>(contextKey);
}
