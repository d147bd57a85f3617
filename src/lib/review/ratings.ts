/** The four answers to "how well did you know it?": the schema, the review form and its validation use this list. */
export const ratings = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof ratings)[number];
