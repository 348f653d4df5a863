-- A launch code is unique within one user's reports, not across users: a global key told a user that another
-- user's launch code existed (409 on reporting it) and let anyone claim guessable codes before their owner.
ALTER TABLE check_logs ADD CONSTRAINT uk_check_logs_user_launch_code UNIQUE (user_public_id, launch_code);
ALTER TABLE check_logs DROP CONSTRAINT uk_check_logs_launch_code;
