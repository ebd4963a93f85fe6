-- The audit trail is append-only at the database level too.
create function audit_event_refuse_change() returns trigger as $$
begin
    raise exception 'The audit trail is append-only: records cannot be changed or deleted';
end;
$$ language plpgsql;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
