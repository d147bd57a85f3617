CREATE TABLE `completion_reports` (
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`licence_id` integer NOT NULL,
	`batch` text NOT NULL,
	`reported_at` integer NOT NULL,
	`reported_by` integer,
	PRIMARY KEY(`user_id`, `course_id`, `licence_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`licence_id`) REFERENCES `licences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `course_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`course_slug` text NOT NULL,
	`approval_body` text NOT NULL,
	`approval_number` text NOT NULL,
	`approved_title` text NOT NULL,
	`ce_quarter_hours` integer NOT NULL,
	`category` text NOT NULL,
	`delivery_type` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_email` text NOT NULL,
	`licences` text NOT NULL,
	`final_percent` integer,
	`evaluation_id` integer NOT NULL,
	`completed_at` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`credential_salt` text NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `course_evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_certificates_code_unique` ON `course_certificates` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `course_certificates_live_idx` ON `course_certificates` (`user_id`,`course_id`) WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX `course_certificates_course_idx` ON `course_certificates` (`course_id`,`completed_at`);--> statement-breakpoint
CREATE TABLE `course_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`objectives` integer NOT NULL,
	`accuracy` integer NOT NULL,
	`relevance` integer NOT NULL,
	`materials` integer NOT NULL,
	`time_fit` integer NOT NULL,
	`comments` text DEFAULT '' NOT NULL,
	`submitted_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_evaluations_idx` ON `course_evaluations` (`user_id`,`course_id`);--> statement-breakpoint
CREATE INDEX `course_evaluations_course_idx` ON `course_evaluations` (`course_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `licence_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`licence_id` integer NOT NULL,
	`version` integer NOT NULL,
	`number` text NOT NULL,
	`profession` text NOT NULL,
	`report_consent` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`licence_id`) REFERENCES `licences`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `licence_versions_idx` ON `licence_versions` (`licence_id`,`version`);--> statement-breakpoint
CREATE TABLE `licences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `licences_user_idx` ON `licences` (`user_id`);--> statement-breakpoint
CREATE INDEX `licences_jurisdiction_idx` ON `licences` (`jurisdiction`);--> statement-breakpoint
CREATE TABLE `provider_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provider_number` text NOT NULL,
	`contact` text NOT NULL,
	`signatory_name` text NOT NULL,
	`signatory_title` text NOT NULL,
	`signature_png` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reporting_codes` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`kind`, `key`)
);
