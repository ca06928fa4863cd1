CREATE TABLE `student_parents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`position` integer NOT NULL,
	`full_name` text NOT NULL,
	`relation` text NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `student_parents_student` ON `student_parents` (`student_id`);--> statement-breakpoint
CREATE TABLE `journal_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`class_id` integer,
	`checked_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text NOT NULL,
	`tables` text NOT NULL,
	`findings` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `students` ADD `address` text;--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `resolved_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `fix_by` text;--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `done_at` text;--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `done_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `check_id` integer REFERENCES journal_checks(id);--> statement-breakpoint
ALTER TABLE `inspection_remarks` ADD `created_at` text;