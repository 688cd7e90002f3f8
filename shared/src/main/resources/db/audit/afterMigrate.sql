-- Run after every migration of the audit schema, that is at every start, after the service's own migrations:
-- the runtime role ${runtime_role} reads and writes the service's own tables (created by the owner) but only reads
-- and appends the audit log (V1), and never writes either history table. Idempotent; nothing to do when the
-- service runs as the owner itself (a local dev database).
do $$
begin
    if current_user <> '${runtime_role}' then
        execute 'grant select, insert, update, delete on all tables in schema public to "${runtime_role}"';
        execute 'grant usage, select, update on all sequences in schema public to "${runtime_role}"';
        if to_regclass('public.flyway_schema_history') is not null then
            execute 'revoke insert, update, delete, truncate on public.flyway_schema_history from "${runtime_role}"';
        end if;
        execute 'revoke all on audit.audit_schema_history from "${runtime_role}"';
    end if;
end;
$$;
