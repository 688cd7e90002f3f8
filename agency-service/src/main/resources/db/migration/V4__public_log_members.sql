-- The public agency log names members only by commitment, SHA-256(salt || user id), one fresh salt per entry.
-- The salts are kept here for the agency's admins (GET /api/agencies/{id}/members/commitments), who can open
-- each entry; the public sees only the commitment. Append-only, like the history.
create table member_commitment (
    id          bigserial primary key,
    agency_id   uuid         not null references agency (id),
    user_id     varchar(64)  not null,
    role        varchar(32)  not null,
    added       boolean      not null,
    salt        varchar(32)  not null,
    commitment  varchar(64)  not null,
    at          timestamptz  not null,
    log_index   bigint       not null,
    leaf_hash   varchar(64)  not null
);
create index member_commitment_agency on member_commitment (agency_id, id);

create function member_commitment_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'member_commitment is append-only: % refused', tg_op;
end;
$$;
create trigger member_commitment_no_update before update or delete on member_commitment
    for each row execute function member_commitment_append_only();
