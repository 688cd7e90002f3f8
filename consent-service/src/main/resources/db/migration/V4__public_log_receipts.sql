-- Owner receipts (issue 12): where each fact about an owner's footage sits in the public consent log. The owner
-- fetches its inclusion proof from /api/public/logs/consent/proof/inclusion?leafHash=<leaf_hash>. Append-only.
create table owner_receipt (
    id          uuid primary key,
    owner_id    varchar(64)  not null,
    type        varchar(32)  not null check (type in ('share.created', 'share.revoked', 'clip.downloaded', 'clip.deleted')),
    log_index   bigint       not null unique,
    leaf_hash   varchar(64)  not null,
    share_id    uuid         references clip_share (id),
    request_id  uuid,
    clip_id     uuid         references clip (id),
    sha256      varchar(64),
    at          timestamptz  not null
);
create index owner_receipt_owner on owner_receipt (owner_id, at);
create trigger owner_receipt_append_only before update or delete on owner_receipt
    for each row execute function consent_append_only();

-- A download names its downloader in the public log only as SHA-256(salt || user id); the salt is kept here and
-- shown to the owner (access log) and to the agency's investigators (its download list), who can open it.
alter table access_entry add column downloader varchar(64);
alter table access_entry add column downloader_salt varchar(32);
alter table access_entry add column log_index bigint;
alter table access_entry add column leaf_hash varchar(64);

alter table deletion_receipt add column log_index bigint;
alter table deletion_receipt add column leaf_hash varchar(64);

-- Clips no share needs: never shared, or all their shares revoked before any download (RetentionService).
create index clip_not_deleted on clip (uploaded_at) where deleted_at is null;
