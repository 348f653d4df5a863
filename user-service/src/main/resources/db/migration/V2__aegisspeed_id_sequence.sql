-- AegisSpeed IDs are numbered from this table (DECISIONS.md §4: assigned at registration, never reused).
-- Each registration takes the next auto-increment value in its own statement; a number taken by a
-- registration that then fails stays unused, so a number can never be handed out twice, even on
-- concurrent registrations or several replicas.
CREATE TABLE aegisspeed_id_sequence (
    seq       BIGINT   NOT NULL AUTO_INCREMENT,
    taken_at  DATETIME NOT NULL,
    PRIMARY KEY (seq)
);
