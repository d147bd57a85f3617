// The four evidence grades a lesson can give a claim, with the words shown to students.
export const grades = {
	supported: { label: 'Well supported', short: 'Supported' },
	mixed: { label: 'Mixed or limited evidence', short: 'Mixed' },
	contradicted: { label: 'Contradicted by evidence', short: 'Contradicted' },
	unknown: { label: 'Unknown: not studied well enough', short: 'Unknown' }
} as const;

export type GradeLevel = keyof typeof grades;
