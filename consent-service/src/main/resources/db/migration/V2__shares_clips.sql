-- Clips: the bytes live in the clip store (ClipStore); this row is their metadata. Only the owner sees the
-- camera; an agency sees a clip only through a valid share, under the request's pseudonym (invariants I1, I2).
create table clip (
    id            uuid primary key,
    owner_id      varchar(64)  not null,
    -- No foreign key: deleting a camera keeps the clips already recorded with it.
    camera_id     uuid         not null,
    recorded_at   timestamptz  not null,
    content_type  varchar(32)  not null check (content_type in ('video/mp4', 'video/quicktime', 'video/webm')),
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        varchar(64)  not null,
    storage_key   varchar(128) not null unique,
    uploaded_at   timestamptz  not null,
    deleted_at    timestamptz
);
create index clip_owner on clip (owner_id, uploaded_at);

-- "Neighbor N" per request: N in the order owners first shared for that request. A new number per request,
-- so the same owner cannot be linked across requests.
create table request_pseudonym (
    request_id  uuid        not null references published_request (request_id),
    owner_id    varchar(64) not null,
    number      integer     not null check (number > 0),
    primary key (request_id, owner_id),
    unique (request_id, number)
);

-- An owner's consent: these clips, for this request (hence this agency), under these restrictions.
create table clip_share (
    id                 uuid primary key,
    request_id         uuid        not null references published_request (request_id),
    owner_id           varchar(64) not null,
    agency_id          uuid        not null,
    pseudonym          varchar(32) not null,
    retention_days     integer     not null check (retention_days between 1 and 90),
    allow_copies       boolean     not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null,
    revoked_at         timestamptz,
    first_download_at  timestamptz,
    -- Set once the retention job has dealt with the share after expires_at.
    retention_done_at  timestamptz
);
create index clip_share_request on clip_share (request_id);
create index clip_share_owner on clip_share (owner_id, created_at);
create index clip_share_retention_due on clip_share (expires_at) where retention_done_at is null;

create table share_clip (
    share_id  uuid not null references clip_share (id),
    clip_id   uuid not null references clip (id),
    primary key (share_id, clip_id)
);
create index share_clip_clip on share_clip (clip_id);

-- Every access to an owner's clip (agency download, retention deletion). Append-only.
create table access_entry (
    id           uuid primary key,
    clip_id      uuid        not null references clip (id),
    share_id     uuid        references clip_share (id),
    owner_id     varchar(64) not null,
    request_id   uuid,
    agency_id    uuid,
    accessor_id  varchar(64),
    action       varchar(16) not null check (action in ('DOWNLOAD', 'DELETED')),
    accessed_at  timestamptz not null,
    sha256       varchar(64) not null
);
create index access_entry_owner on access_entry (owner_id, accessed_at);

-- What the owner is given when retention ends and the bytes are deleted. Append-only.
create table deletion_receipt (
    id          uuid primary key,
    owner_id    varchar(64)  not null,
    clip_id     uuid         not null references clip (id),
    share_id    uuid         references clip_share (id),
    request_id  uuid,
    sha256      varchar(64)  not null,
    deleted_at  timestamptz  not null,
    reason      varchar(200) not null
);
create index deletion_receipt_owner on deletion_receipt (owner_id, deleted_at);

create function consent_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;
create trigger access_entry_append_only before update or delete on access_entry
    for each row execute function consent_append_only();
create trigger deletion_receipt_append_only before update or delete on deletion_receipt
    for each row execute function consent_append_only();
