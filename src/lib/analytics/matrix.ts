// The attempt × item score matrix shared by the item statistics.

/**
 * matrix[attempt][item] is the fraction (0..1) of the item's marks that attempt earned, or null when the item was
 * not part of that attempt (e.g. a question drawn at random). A row shorter than the item count is missing its
 * trailing items.
 */
export type ScoreMatrix = readonly (readonly (number | null)[])[];

/** Throws a RangeError naming the first cell that is neither null nor a finite fraction in 0..1. */
export function assertScoreMatrix(matrix: ScoreMatrix, where: string): void {
	matrix.forEach((row, attempt) => {
		row.forEach((value, item) => {
			if (value === null || value === undefined) return;
			if (!Number.isFinite(value) || value < 0 || value > 1) {
				throw new RangeError(
					`${where}: matrix[${attempt}][${item}] must be a fraction 0..1 or null (missing), got ${value}`
				);
			}
		});
	});
}

export function longestRow(matrix: ScoreMatrix): number {
	return matrix.reduce((longest, row) => Math.max(longest, row.length), 0);
}

export function cellAt(matrix: ScoreMatrix, attempt: number, item: number): number | null {
	return matrix[attempt][item] ?? null;
}
