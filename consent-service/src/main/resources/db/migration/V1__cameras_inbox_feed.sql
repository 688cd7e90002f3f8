-- Camera locations are private: no API an agency or the public can reach ever returns them.
create table camera (
    id          uuid primary key,
    owner_id    varchar(64)      not null,
    label       varchar(100)     not null,
    latitude    double precision not null,
    longitude   double precision not null,
    status      varchar(16)      not null check (status in ('ACTIVE', 'PAUSED')),
    created_at  timestamptz      not null
);
create index camera_owner on camera (owner_id);
-- Area matching scans a latitude band then filters by longitude and exact distance.
create index camera_active_position on camera (latitude, longitude) where status = 'ACTIVE';

create table owner_settings (
    owner_id   varchar(64) primary key,
    opted_out  boolean     not null default false,
    updated_at timestamptz not null
);

-- consent-service's own copy of each published request, built from the event feed.
create table published_request (
    request_id     uuid primary key,
    agency_id      uuid             not null,
    case_number    varchar(64)      not null,
    incident_type  varchar(32)      not null,
    description    varchar(2000)    not null,
    window_start   timestamptz      not null,
    window_end     timestamptz      not null,
    latitude       double precision not null,
    longitude      double precision not null,
    radius_meters  double precision not null,
    emergency      boolean          not null,
    published_at   timestamptz      not null,
    expires_at     timestamptz      not null,
    state          varchar(16)      not null,
    ended_at       timestamptz
);

create table inbox_item (
    id             uuid primary key,
    owner_id       varchar(64) not null,
    request_id     uuid        not null references published_request (request_id),
    cameras        integer     not null,
    urgent         boolean     not null,
    received_at    timestamptz not null,
    response       varchar(16) not null default 'NONE',
    responded_at   timestamptz,
    unique (owner_id, request_id)
);
create index inbox_item_request on inbox_item (request_id);

-- The feed consumer's position and the events already applied (idempotency by event id).
create table feed_cursor (
    feed      varchar(64) primary key,
    last_seq  bigint      not null
);
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null
);
