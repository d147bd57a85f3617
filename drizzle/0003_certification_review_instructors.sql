CREATE TABLE `ce_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`source` text NOT NULL,
	`course_id` integer,
	`provider` text NOT NULL,
	`title` text NOT NULL,
	`earned_on` text NOT NULL,
	`hundredths` integer NOT NULL,
	`category` text NOT NULL,
	`self_study` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ce_entries_user_idx` ON `ce_entries` (`user_id`,`earned_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `ce_entries_course_idx` ON `ce_entries` (`user_id`,`course_id`) WHERE source = 'course';--> statement-breakpoint
CREATE TABLE `ce_profile_choices` (
	`user_id` integer NOT NULL,
	`profile_id` text NOT NULL,
	`cycle_start` text NOT NULL,
	PRIMARY KEY(`user_id`, `profile_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`user_id` integer NOT NULL,
	`track_slug` text NOT NULL,
	`track_title` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_email` text NOT NULL,
	`courses` text NOT NULL,
	`ce_quarter_hours` integer NOT NULL,
	`completed_at` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer,
	`credential_salt` text NOT NULL,
	`revoked_at` integer,
	`revoked_reason` text,
	`revoked_by` integer,
	`replaced_by_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_unique` ON `certificates` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_live_idx` ON `certificates` (`user_id`,`track_slug`) WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX `certificates_user_idx` ON `certificates` (`user_id`);--> statement-breakpoint
CREATE TABLE `issuer_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`question_id` integer,
	`check_key` text,
	`quiz_id` integer,
	`snapshot` text NOT NULL,
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
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_question_idx` ON `review_cards` (`user_id`,`question_id`) WHERE question_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_check_idx` ON `review_cards` (`user_id`,`check_key`) WHERE check_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX `review_cards_due_idx` ON `review_cards` (`user_id`,`due`);--> statement-breakpoint
CREATE INDEX `review_cards_course_idx` ON `review_cards` (`course_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `review_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`rating` text NOT NULL,
	`correct` integer NOT NULL,
	`state_before` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `review_cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_logs_user_idx` ON `review_logs` (`user_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `review_logs_card_idx` ON `review_logs` (`card_id`);--> statement-breakpoint
CREATE TABLE `review_settings` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`daily_new_limit` integer DEFAULT 20 NOT NULL,
	`retention` real DEFAULT 0.9 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `course_instructors` (
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `course_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_instructors_course_idx` ON `course_instructors` (`course_id`);--> statement-breakpoint
CREATE TABLE `quiz_draws` (
	`quiz_id` integer NOT NULL,
	`tag` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `tag`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
