-- A user's seat in a study's blinded double reading (R1, R2 or ADJ): at most one per study.
create table user_reader_slot (
    user_id  bigint      not null references app_user (id),
    study_id varchar(64) not null,
    slot     varchar(16) not null,
    primary key (user_id, study_id)
);
