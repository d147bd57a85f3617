ALTER TABLE `quizzes` ADD `submissions_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `attempts_submitted_insert` AFTER INSERT ON `attempts` WHEN NEW.`status` = 'submitted'
BEGIN
	UPDATE `quizzes` SET `submissions_version` = `submissions_version` + 1 WHERE `id` = NEW.`quiz_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `attempts_submitted_update` AFTER UPDATE ON `attempts` WHEN NEW.`status` = 'submitted' OR OLD.`status` = 'submitted'
BEGIN
	UPDATE `quizzes` SET `submissions_version` = `submissions_version` + 1 WHERE `id` IN (NEW.`quiz_id`, OLD.`quiz_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `attempts_submitted_delete` AFTER DELETE ON `attempts` WHEN OLD.`status` = 'submitted'
BEGIN
	UPDATE `quizzes` SET `submissions_version` = `submissions_version` + 1 WHERE `id` = OLD.`quiz_id`;
END;
