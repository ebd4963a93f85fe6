-- The audit trail is append-only at the database level too.
create trigger audit_event_no_update before update on audit_event for each row
    call "org.tacecrf.infrastructure.persistence.AppendOnlyTrigger";
create trigger audit_event_no_delete before delete on audit_event for each row
    call "org.tacecrf.infrastructure.persistence.AppendOnlyTrigger";
