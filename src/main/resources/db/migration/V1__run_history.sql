-- TrialPath's run history: one row per published run and one per person of it, so that a run can say
-- what changed since the run before and the report can draw the trend of the last runs.
-- Portable SQL for H2 2.x and PostgreSQL 15: standard types only, names unquoted (lower case).

-- A run, keyed by its job instance id. Runs are kept apart per output folder, so two registries (or
-- test runs) sharing one job database never compare with each other.
-- state: STAGED while its people are written (each batch committed on its own: one transaction of a
-- million rows costs H2 several times more), PUBLISHED in the transaction that completes the publish
-- step (so a run counts exactly once), FORGOTTEN beyond the runs kept, until its rows are deleted.
CREATE TABLE trialpath_run (
    run_id           BIGINT        NOT NULL,
    output_path      VARCHAR(1024) NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    run_date         DATE          NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    published_at     TIMESTAMP     NOT NULL,
    read_rows        BIGINT        NOT NULL,
    assessed         BIGINT        NOT NULL,
    rejected         BIGINT        NOT NULL,
    high_priority    BIGINT        NOT NULL,
    routine_priority BIGINT        NOT NULL,
    CONSTRAINT trialpath_run_pk PRIMARY KEY (run_id)
);

CREATE INDEX trialpath_run_by_output ON trialpath_run (output_path, state, run_date);

-- What a run concluded for one person. Lists are ';'-lists as in assessments.csv; an empty list is ''.
-- ordinal is the person's row in the run's assessments.csv (1 first), so changes come out in input order.
CREATE TABLE trialpath_person_result (
    run_id         BIGINT        NOT NULL,
    patient_id     VARCHAR(64)   NOT NULL,
    ordinal        BIGINT        NOT NULL,
    pathway        VARCHAR(32)   NOT NULL,
    options        VARCHAR(1000) NOT NULL,
    trial_priority VARCHAR(16)   NOT NULL,
    matched_trials VARCHAR       NOT NULL, -- no length: a catalogue may match a person to hundreds of studies
    review_flags   VARCHAR(1000) NOT NULL,
    -- no foreign key to trialpath_run: it costs a lookup per row, and rows go only through RunHistory
    CONSTRAINT trialpath_person_result_pk PRIMARY KEY (run_id, patient_id)
);

CREATE UNIQUE INDEX trialpath_person_result_in_order ON trialpath_person_result (run_id, ordinal);
