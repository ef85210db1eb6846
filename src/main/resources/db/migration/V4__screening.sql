-- TrialPath's run history, version 4: the screening log (docs/screening.md). Per run, a snapshot of every
-- (person, trial) pair the screening log holds, with its decisions and the changes of facts that reopen it,
-- like trialpath_run_block: written in the publish step's transaction (the run is STAGED then) and counted once
-- the run is PUBLISHED; forgetting a run (trialpath.history.runs) deletes its rows with it.
-- Portable SQL for H2 2.x and PostgreSQL 15: standard types, names unquoted (lower case). The free-text
-- columns keep the lengths ScreeningLog accepts, so that both databases refuse the same values.
-- reason, screened_by and note are what a coordinator typed: these tables are never in a de-identified export
-- (a de-identified run keeps no screening at all).

-- A pair as the run left it: its title, when a night first matched it, and the facts of the last night that saw
-- it (all four null: no night has seen the pair, it is known from a coordinator's file only).
CREATE TABLE trialpath_screening_pair (
    run_id           BIGINT        NOT NULL,
    patient_id       VARCHAR(64)   NOT NULL,
    nct_id           VARCHAR(11)   NOT NULL,
    brief_title      VARCHAR(1000) NOT NULL,
    first_seen       DATE,
    last_result      VARCHAR(16),
    last_pathway     VARCHAR(64),
    last_options     VARCHAR(1000),
    last_verdicts    VARCHAR(1000),
    criteria_version VARCHAR(64),
    CONSTRAINT trialpath_screening_pair_pk PRIMARY KEY (run_id, patient_id, nct_id),
    CONSTRAINT trialpath_screening_pair_run FOREIGN KEY (run_id) REFERENCES trialpath_run (run_id)
);

-- Every decision of every pair, oldest first (seq 1 first); the last is the current status.
CREATE TABLE trialpath_screening_decision (
    run_id       BIGINT        NOT NULL,
    patient_id   VARCHAR(64)   NOT NULL,
    nct_id       VARCHAR(11)   NOT NULL,
    seq          INTEGER       NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    status_date  DATE          NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    revisit_date DATE,
    screened_by  VARCHAR(100)  NOT NULL,
    note         VARCHAR(2000) NOT NULL,
    CONSTRAINT trialpath_screening_decision_pk PRIMARY KEY (run_id, patient_id, nct_id, seq),
    CONSTRAINT trialpath_screening_decision_pair FOREIGN KEY (run_id, patient_id, nct_id)
        REFERENCES trialpath_screening_pair (run_id, patient_id, nct_id)
);

-- What changed after the current decision's date (the reasons it is reopened), in the order seen.
CREATE TABLE trialpath_screening_fact_change (
    run_id     BIGINT        NOT NULL,
    patient_id VARCHAR(64)   NOT NULL,
    nct_id     VARCHAR(11)   NOT NULL,
    seq        INTEGER       NOT NULL,
    seen_on    DATE          NOT NULL,
    what       VARCHAR(1000) NOT NULL,
    CONSTRAINT trialpath_screening_fact_change_pk PRIMARY KEY (run_id, patient_id, nct_id, seq),
    CONSTRAINT trialpath_screening_fact_change_pair FOREIGN KEY (run_id, patient_id, nct_id)
        REFERENCES trialpath_screening_pair (run_id, patient_id, nct_id)
);
