-- Retention deletes check logs by when they were reported, oldest first, in small batches.
CREATE INDEX ix_check_logs_reported_at ON check_logs (reported_at);
