/** The roles an account can have: the one list the schema, the admin form and its validation use. */
export const roles = ['student', 'instructor', 'admin'] as const;
export type Role = (typeof roles)[number];
