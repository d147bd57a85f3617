-- Full-text index of lesson sections, rebuilt by the content sync. Not a drizzle table: drizzle-kit has no
-- notion of FTS5 virtual tables, so it lives in this hand-written migration.
CREATE VIRTUAL TABLE `lesson_fts` USING fts5(
	lesson_id UNINDEXED,
	section_id UNINDEXED,
	heading,
	body,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
