-- The audit history is read per endpoint (operator API: history of one endpoint), newest first.
CREATE INDEX ix_endpoint_flag_changes_path ON endpoint_flag_changes (endpoint_path, id);
