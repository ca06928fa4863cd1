-- A student has at most one mark of each kind per subject, year and period (year/exam/final marks have no period).
CREATE UNIQUE INDEX `period_marks_unique` ON `period_marks` (`student_id`, `subject_id`, `year_id`, `kind`, coalesce(`period_id`, 0));
--> statement-breakpoint
-- The audit log is append-only: nothing in it is ever changed or removed (DOMAIN.md, rule 7).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
