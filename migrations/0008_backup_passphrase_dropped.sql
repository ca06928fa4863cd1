-- The backup passphrase was kept in clear here, inside every copy it protected. Copies are now encrypted to
-- the school's public key; the old passphrase is typed when an old copy is restored. secure_delete zeroes the
-- freed bytes, so the passphrase does not linger in the page (nor in the copies made of it).
PRAGMA secure_delete = ON;--> statement-breakpoint
DELETE FROM `settings` WHERE `key` = 'backup.passphrase';--> statement-breakpoint
PRAGMA secure_delete = OFF;
