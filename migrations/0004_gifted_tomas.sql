CREATE TABLE `login_failures` (
	`user_id` integer NOT NULL,
	`source` text NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	PRIMARY KEY(`user_id`, `source`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `locked_at` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `class_id` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `student_id` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `subject_id` integer;--> statement-breakpoint
CREATE INDEX `audit_log_user_at` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_class_at` ON `audit_log` (`class_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_student_at` ON `audit_log` (`student_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_subject_at` ON `audit_log` (`subject_id`,`at`);