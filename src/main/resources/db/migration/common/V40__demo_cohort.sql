-- Synthetic demo cohorts: which study's cohort was generated, with which seed, how far and how long
-- it took, so a restart never generates a cohort twice and resumes one that was interrupted.
create table demo_cohort (
    study_id        varchar(64)   primary key,
    seed            bigint        not null,
    status          varchar(16)   not null,
    subjects_total  integer       not null,
    subjects_done   integer       not null,
    forms_total     integer       not null,
    forms_done      integer       not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    elapsed_ms      bigint        not null,
    message         varchar(2000),
    version         bigint        not null
);
