CREATE TABLE `applied_saves` (
	`save_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`channel` text NOT NULL,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	PRIMARY KEY(`save_id`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
