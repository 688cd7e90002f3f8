-- The public audit log of the service whose database this is (issue 12; docs/invariants.md I4). Applied by
-- shared's AuditSchema, as the owner role, with its own history table in schema "audit"; one source for every
-- service. ${runtime_role} is the role the service runs as: it may only read and append.

-- Entry i of the log, numbered from 0 without gaps (AuditStore appends under an advisory lock).
create table audit.entries (
    idx         bigint      primary key check (idx >= 0),
    -- tlog-tiles entry bundles give each entry a 2-byte length
    entry       bytea       not null check (octet_length(entry) between 1 and 65535),
    leaf_hash   bytea       not null check (octet_length(leaf_hash) = 32),
    appended_at timestamptz not null default now()
);
create unique index entries_leaf_hash on audit.entries (leaf_hash, idx);

-- The hash of every complete subtree of height >= 1: node (level, idx) is MTH(D[idx * 2^level, (idx + 1) * 2^level)).
-- Written when its last leaf is appended, so any root or proof is O(log n) of these rows (height 0: entries).
create table audit.nodes (
    level smallint not null check (level between 1 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (octet_length(hash) = 32),
    primary key (level, idx)
);

-- Every checkpoint the service signed and published, one per tree size.
create table audit.checkpoints (
    size         bigint      primary key check (size >= 0),
    root_hash    bytea       not null check (octet_length(root_hash) = 32),
    note         bytea       not null,
    published_at timestamptz not null default now()
);

-- Append-only for everyone, the owner and a superuser included: a changed or removed row is refused here, and
-- one made with the trigger disabled is caught by any verifier (the entry no longer hashes to the signed root).
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on %.% refused', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger entries_append_only before update or delete on audit.entries
    for each row execute function audit.refuse_change();
create trigger entries_no_truncate before truncate on audit.entries
    for each statement execute function audit.refuse_change();
create trigger nodes_append_only before update or delete on audit.nodes
    for each row execute function audit.refuse_change();
create trigger nodes_no_truncate before truncate on audit.nodes
    for each statement execute function audit.refuse_change();
create trigger checkpoints_append_only before update or delete on audit.checkpoints
    for each row execute function audit.refuse_change();
create trigger checkpoints_no_truncate before truncate on audit.checkpoints
    for each statement execute function audit.refuse_change();

revoke all on audit.entries, audit.nodes, audit.checkpoints from public;
grant usage on schema audit to "${runtime_role}";
grant select, insert on audit.entries, audit.nodes, audit.checkpoints to "${runtime_role}";
