-- The missing-data report reads the complete instances of one form at a time, and lock readiness
-- counts forms by state: without this index each of those reads scans every form of the database.
create index ix_form_data_form_state on form_data (form_id, state);
