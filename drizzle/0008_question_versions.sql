CREATE TABLE `question_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer,
	`hash` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_versions_hash_idx` ON `question_versions` (`hash`);--> statement-breakpoint
-- Data: every distinct snapshot of attempts and review cards becomes one version, keyed by the SHA3-256 of its exact
-- JSON text (the app computes the same hash in src/lib/server/quiz/versions.ts), oldest first.
INSERT INTO `question_versions` (`question_id`, `hash`, `snapshot`, `created_at`)
SELECT MIN(`question_id`), `hash`, MIN(`snapshot`), MIN(`at`) FROM (
	SELECT aq.`question_id`, lower(hex(sha3(aq.`snapshot`))) AS `hash`, aq.`snapshot`, a.`started_at` AS `at`
	FROM `attempt_questions` aq JOIN `attempts` a ON a.`id` = aq.`attempt_id`
	UNION ALL
	SELECT `question_id`, lower(hex(sha3(`snapshot`))), `snapshot`, `created_at` FROM `review_cards`
)
GROUP BY `hash`
ORDER BY MIN(`at`), `hash`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- attempt_questions_question_idx goes with the old table and is not recreated (see schema/quiz.ts).
CREATE TABLE `__new_attempt_questions` (
	`attempt_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`response` text,
	`answered_at` integer,
	`fraction` real,
	`points` real,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_attempt_questions` (`attempt_id`, `position`, `question_id`, `version_id`, `response`, `answered_at`, `fraction`, `points`)
SELECT aq.`attempt_id`, aq.`position`, aq.`question_id`, v.`id`, aq.`response`, aq.`answered_at`, aq.`fraction`, aq.`points`
FROM `attempt_questions` aq JOIN `question_versions` v ON v.`hash` = lower(hex(sha3(aq.`snapshot`)));--> statement-breakpoint
DROP TABLE `attempt_questions`;--> statement-breakpoint
ALTER TABLE `__new_attempt_questions` RENAME TO `attempt_questions`;--> statement-breakpoint
CREATE TABLE `__new_review_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`question_id` integer,
	`check_key` text,
	`quiz_id` integer,
	`version_id` integer NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` text NOT NULL,
	`last_review` integer,
	`introduced_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_review_cards` (`id`, `user_id`, `course_id`, `question_id`, `check_key`, `quiz_id`, `version_id`, `due`, `stability`, `difficulty`, `elapsed_days`, `scheduled_days`, `learning_steps`, `reps`, `lapses`, `state`, `last_review`, `introduced_at`, `created_at`)
SELECT c.`id`, c.`user_id`, c.`course_id`, c.`question_id`, c.`check_key`, c.`quiz_id`, v.`id`, c.`due`, c.`stability`, c.`difficulty`, c.`elapsed_days`, c.`scheduled_days`, c.`learning_steps`, c.`reps`, c.`lapses`, c.`state`, c.`last_review`, c.`introduced_at`, c.`created_at`
FROM `review_cards` c JOIN `question_versions` v ON v.`hash` = lower(hex(sha3(c.`snapshot`)));--> statement-breakpoint
-- Keep the id counter where it was, so a card id (review_logs.card_id) is never handed out twice.
INSERT INTO `sqlite_sequence` (`name`, `seq`)
SELECT '__new_review_cards', `seq` FROM `sqlite_sequence`
WHERE `name` = 'review_cards' AND NOT EXISTS (SELECT 1 FROM `sqlite_sequence` WHERE `name` = '__new_review_cards');--> statement-breakpoint
UPDATE `sqlite_sequence` SET `seq` = max(`seq`, (SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'review_cards'))
WHERE `name` = '__new_review_cards' AND EXISTS (SELECT 1 FROM `sqlite_sequence` WHERE `name` = 'review_cards');--> statement-breakpoint
DROP TABLE `review_cards`;--> statement-breakpoint
ALTER TABLE `__new_review_cards` RENAME TO `review_cards`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_question_idx` ON `review_cards` (`user_id`,`question_id`) WHERE question_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_check_idx` ON `review_cards` (`user_id`,`check_key`) WHERE check_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX `review_cards_due_idx` ON `review_cards` (`user_id`,`due`);--> statement-breakpoint
CREATE INDEX `review_cards_course_idx` ON `review_cards` (`course_id`,`question_id`);--> statement-breakpoint
CREATE INDEX `review_cards_lapsed_idx` ON `review_cards` (`course_id`,`question_id`) WHERE lapses > 0;
