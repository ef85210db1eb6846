-- TrialPath's run history, version 2: a run's people in blocks instead of one row each, so that ten million
-- people are about a hundred rows and comparing two runs is one pass over both (ca.trialpath.history.RunHistory).
-- Portable SQL for H2 2.x and PostgreSQL 15: BYTEA is PostgreSQL's binary type and an H2 name for BINARY VARYING.

-- The people of a run sorted by patient id, up to 100,000 (or 4 MiB before compression) per block, numbered
-- from 0 in that order; data is the block's format byte, then the people, compressed (history.PersonBlock).
-- people is how many people the block holds.
-- As for trialpath_person_result, no foreign key to trialpath_run: rows go only through RunHistory.
CREATE TABLE trialpath_run_block (
    run_id   BIGINT  NOT NULL,
    block_no INTEGER NOT NULL,
    people   INTEGER NOT NULL,
    data     BYTEA   NOT NULL,
    CONSTRAINT trialpath_run_block_pk PRIMARY KEY (run_id, block_no)
);

-- trialpath_person_result stays: runs stored by TrialPath before this version are read from it until they
-- are forgotten (trialpath.history.runs later); new runs no longer write to it.
