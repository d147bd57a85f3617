// How often each option of a choice question was picked (Moodle's response analysis, simplified).

export interface OptionFrequency {
	optionId: string;
	/** Attempts that chose this option (an option listed twice in one attempt counts once). */
	count: number;
	/** count / number of attempts (0..1); null when there are no attempts. Shares of a multiple-answer question can sum past 1. */
	share: number | null;
}

/**
 * choicesPerAttempt[i] lists the option ids picked in attempt i: one for single-answer, any number for
 * multiple-answer, none when the question was left blank (a blank attempt still counts towards the shares).
 * Results follow the order of optionIds; chosen ids not in optionIds are ignored.
 */
export function optionFrequencies(
	choicesPerAttempt: readonly (readonly string[])[],
	optionIds: readonly string[]
): OptionFrequency[] {
	const counts = new Map<string, number>();
	for (const choices of choicesPerAttempt) {
		for (const id of new Set(choices)) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	const attempts = choicesPerAttempt.length;
	return optionIds.map((optionId) => {
		const count = counts.get(optionId) ?? 0;
		return { optionId, count, share: attempts === 0 ? null : count / attempts };
	});
}
