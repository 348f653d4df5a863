-- AegisSpeed IDs beside the opaque public ids, so the admin listings name users without asking
-- user-service once per row (AegisSpeed IDs never change and are never reused; they come from the token).
ALTER TABLE check_logs ADD COLUMN user_aegisspeed_id CHAR(9) NOT NULL DEFAULT '';
ALTER TABLE cheater_mark_events ADD COLUMN user_aegisspeed_id CHAR(9) NOT NULL DEFAULT '';
ALTER TABLE cheater_mark_events ADD COLUMN actor_aegisspeed_id CHAR(9) NOT NULL DEFAULT '';

-- Newest-first paging of the user's own history, and of cheating records overall or per user.
CREATE INDEX ix_check_logs_user_newest ON check_logs (user_public_id, start_time, id);
CREATE INDEX ix_check_logs_result_newest ON check_logs (check_result, start_time, id);
CREATE INDEX ix_check_logs_aegisspeed_id ON check_logs (user_aegisspeed_id, check_result, start_time);
CREATE INDEX ix_cheater_mark_events_aegisspeed_id ON cheater_mark_events (user_aegisspeed_id, happened_at);
