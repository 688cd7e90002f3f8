-- Agencies and their applications are one row: an application becomes an agency when approved.
create table agency (
    id                   uuid primary key,
    official_name        varchar(200) not null,
    type                 varchar(16)  not null check (type in ('POLICE', 'FIRE')),
    official_domain      varchar(253) not null,
    website              varchar(500) not null,
    jurisdiction         jsonb        not null,
    official_name_person varchar(200) not null,
    official_title       varchar(200) not null,
    official_email       varchar(320) not null,
    policy_accepted_at   timestamptz  not null,
    applicant_id         varchar(64)  not null,
    applicant_email      varchar(320) not null,
    state                varchar(16)  not null,
    state_reason         varchar(2000),
    applied_at           timestamptz  not null,
    approved_at          timestamptz,
    state_changed_at     timestamptz  not null,
    version              bigint       not null default 0
);

-- One open application per official domain (SPEC: a duplicate open application is a 409).
create unique index agency_open_domain on agency (lower(official_domain))
    where state in ('APPLIED', 'IN_REVIEW');
create index agency_state on agency (state);

create table agency_decision (
    id          bigserial primary key,
    agency_id   uuid         not null references agency (id),
    reviewer_id varchar(64)  not null,
    action      varchar(32)  not null,
    from_state  varchar(16)  not null,
    to_state    varchar(16)  not null,
    reason      varchar(2000) not null,
    decided_at  timestamptz  not null
);
create index agency_decision_agency on agency_decision (agency_id);
