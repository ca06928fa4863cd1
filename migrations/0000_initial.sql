CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`client` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text,
	`is_active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (`login`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`teacher_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`subgroup_id` integer,
	`subject_id` integer NOT NULL,
	`hours_per_week` integer NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subgroup_id`) REFERENCES `subgroups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_teacher` ON `assignments` (`teacher_id`);--> statement-breakpoint
CREATE INDEX `assignments_class` ON `assignments` (`class_id`);--> statement-breakpoint
CREATE TABLE `bell_times` (
	`shift` integer NOT NULL,
	`number` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bell_times_shift_number` ON `bell_times` (`shift`,`number`);--> statement-breakpoint
CREATE TABLE `class_enrollments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_enrollments_class` ON `class_enrollments` (`class_id`);--> statement-breakpoint
CREATE INDEX `class_enrollments_student` ON `class_enrollments` (`student_id`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`grade` integer NOT NULL,
	`letter` text NOT NULL,
	`shift` integer DEFAULT 1 NOT NULL,
	`class_teacher_id` integer,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "classes_grade_range" CHECK("classes"."grade" between 1 and 11)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classes_year_grade_letter` ON `classes` (`year_id`,`grade`,`letter`);--> statement-breakpoint
CREATE TABLE `curriculum` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`grade` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`hours_per_week` integer NOT NULL,
	`hours_per_year` integer NOT NULL,
	`split_into_subgroups` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `curriculum_year_grade_subject` ON `curriculum` (`year_id`,`grade`,`subject_id`);--> statement-breakpoint
CREATE TABLE `grade_period_schemes` (
	`year_id` integer NOT NULL,
	`grade` integer NOT NULL,
	`scheme` text NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grade_period_schemes_year_grade` ON `grade_period_schemes` (`year_id`,`grade`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`grade` integer,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`marks_due_date` text,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_year_scheme_number` ON `periods` (`year_id`,`scheme`,`number`);--> statement-breakpoint
CREATE TABLE `school_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`is_current` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_years_name_unique` ON `school_years` (`name`);--> statement-breakpoint
CREATE TABLE `student_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`from_class_id` integer,
	`to_class_id` integer,
	`order_number` text NOT NULL,
	`order_date` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `student_movements_student` ON `student_movements` (`student_id`);--> statement-breakpoint
CREATE INDEX `student_movements_date` ON `student_movements` (`date`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text,
	`birth_date` text,
	`gender` text,
	`personal_file_no` text,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subgroup_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subgroup_id` integer NOT NULL,
	`student_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`order_number` text,
	FOREIGN KEY (`subgroup_id`) REFERENCES `subgroups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subgroup_members_subgroup` ON `subgroup_members` (`subgroup_id`);--> statement-breakpoint
CREATE TABLE `subgroups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_name_unique` ON `subjects` (`name`);--> statement-breakpoint
CREATE TABLE `timetable` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`lesson_number` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`room` text,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timetable_assignment` ON `timetable` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `year_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`year_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`order_number` text,
	`order_date` text,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_outcomes_student_year` ON `year_outcomes` (`student_id`,`year_id`);--> statement-breakpoint
CREATE TABLE `absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lesson_id` integer NOT NULL,
	`student_id` integer NOT NULL,
	`code` text NOT NULL,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	`created_by` integer,
	`updated_at` text,
	`updated_by` integer,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "absences_code" CHECK("absences"."code" in ('н','б','у','оп'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `absences_lesson_student` ON `absences` (`lesson_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `absences_student` ON `absences` (`student_id`);--> statement-breakpoint
CREATE TABLE `attendance_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`week_start` text NOT NULL,
	`checked_by` integer NOT NULL,
	`checked_at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_checks_class_week` ON `attendance_checks` (`class_id`,`week_start`);--> statement-breakpoint
CREATE TABLE `inspection_remarks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`assignment_id` integer,
	`date` text NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`response` text,
	`resolved_at` text,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`date` text NOT NULL,
	`lesson_number` integer NOT NULL,
	`topic` text,
	`homework` text,
	`work_kind_id` integer NOT NULL,
	`plan_topic_id` integer,
	`given_by_id` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`topic_entered_at` text,
	`homework_entered_at` text,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_kind_id`) REFERENCES `work_kinds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_topic_id`) REFERENCES `thematic_plan_topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`given_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lessons_assignment_date` ON `lessons` (`assignment_id`,`date`);--> statement-breakpoint
CREATE INDEX `lessons_date` ON `lessons` (`date`);--> statement-breakpoint
CREATE INDEX `lessons_given_by` ON `lessons` (`given_by_id`);--> statement-breakpoint
CREATE TABLE `marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lesson_id` integer NOT NULL,
	`student_id` integer NOT NULL,
	`value1` text NOT NULL,
	`value2` text,
	`work_kind_id` integer NOT NULL,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	`created_by` integer,
	`updated_at` text,
	`updated_by` integer,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_kind_id`) REFERENCES `work_kinds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "marks_value1" CHECK("marks"."value1" in ('1','2','3','4','5','н/а')),
	CONSTRAINT "marks_value2" CHECK("marks"."value2" is null or "marks"."value2" in ('1','2','3','4','5','н/а'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marks_lesson_student` ON `marks` (`lesson_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `marks_student` ON `marks` (`student_id`);--> statement-breakpoint
CREATE TABLE `period_locks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`class_id` integer,
	`locked_at` text NOT NULL,
	`locked_by` integer NOT NULL,
	`unlocked_at` text,
	`unlocked_by` integer,
	`unlock_reason` text,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unlocked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `period_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`year_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period_id` integer,
	`value` text NOT NULL,
	`assignment_id` integer,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	`created_by` integer,
	`updated_at` text,
	`updated_by` integer,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "period_marks_value" CHECK("period_marks"."value" in ('1','2','3','4','5','н/а','зач','незач','осв'))
);
--> statement-breakpoint
CREATE INDEX `period_marks_student` ON `period_marks` (`student_id`);--> statement-breakpoint
CREATE TABLE `thematic_plan_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`section` text,
	`title` text NOT NULL,
	`hours` integer DEFAULT 1 NOT NULL,
	`work_kind_id` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `thematic_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_kind_id`) REFERENCES `work_kinds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thematic_plan_topics_plan_position` ON `thematic_plan_topics` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `thematic_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`created_at` text DEFAULT (datetime('now', 'localtime')) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thematic_plans_assignment_id_unique` ON `thematic_plans` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `work_kinds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`is_control` integer DEFAULT false NOT NULL,
	`color` text DEFAULT '#000000' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_kinds_code_unique` ON `work_kinds` (`code`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`old_value` text,
	`new_value` text,
	`reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
