// The studio's field limits, apart from the zod schemas in ./instructor so that the browser bundle (the question
// editor checks the same limits as you type) does not load zod: building a zod object schema probes for eval with
// `new Function`, which the Content-Security-Policy blocks and reports as a violation.

/**
 * Field limits of the studio. Rendering Markdown of huge inputs is slow, so oversized input is refused with a
 * message (never truncated).
 */
export const limits = {
	text: 5_000,
	option: 1_000,
	feedback: 2_000,
	title: 200,
	description: 2_000,
	points: 100,
	rows: 50,
	tags: 20,
	tag: 60,
	cite: 100,
	/** GIFT or JSON import: bytes and questions. */
	importBytes: 1024 * 1024,
	importQuestions: 2_000
} as const;
