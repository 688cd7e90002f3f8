create table footage_request (
    id                      uuid primary key,
    agency_id               uuid          not null,
    case_number             varchar(64)   not null,
    incident_type           varchar(32)   not null,
    description             varchar(2000) not null,
    window_start            timestamptz   not null,
    window_end              timestamptz   not null,
    center_latitude         double precision not null,
    center_longitude        double precision not null,
    radius_meters           double precision not null,
    contact                 varchar(500)  not null,
    emergency               boolean       not null default false,
    emergency_justification varchar(2000),
    state                   varchar(16)   not null,
    state_reason            varchar(2000),
    created_by              varchar(64)   not null,
    created_at              timestamptz   not null,
    decided_at              timestamptz,
    published_at            timestamptz,
    ended_at                timestamptz,
    version                 bigint        not null default 0
);
create index footage_request_agency on footage_request (agency_id, created_at);
create index footage_request_case on footage_request (agency_id, case_number);
create index footage_request_state on footage_request (state);

-- Transactional outbox: written in the same transaction as the state change it announces. seq orders the
-- feed; writers serialise on a lock so that seq order is commit order and a reader never skips an event.
create table request_event (
    seq         bigserial primary key,
    event_id    uuid        not null unique,
    type        varchar(32) not null,
    request_id  uuid        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null
);
