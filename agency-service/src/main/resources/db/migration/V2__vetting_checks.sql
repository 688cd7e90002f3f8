-- The vetting checklist: each item once per vetting round, with who checked it and when.
create table vetting_check (
    agency_id  uuid          not null references agency (id),
    item       varchar(32)   not null check (item in ('OFFICIAL_DOMAIN', 'JURISDICTION', 'AUTHORIZING_OFFICIAL', 'POLICY_ATTESTATION')),
    checked_by varchar(64)   not null,
    checked_at timestamptz   not null,
    note       varchar(2000),
    primary key (agency_id, item)
);
