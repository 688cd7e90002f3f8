-- The per-case limit compares case numbers by their letters and digits only, case-insensitively, so that
-- "RPD-12", "rpd 12" and "RPD‑12" count as one case (RequestRules.caseKey). Existing rows are keyed by the same
-- rule without the Unicode compatibility folding, which SQL cannot express portably.
alter table footage_request add column case_key text;
update footage_request set case_key = lower(regexp_replace(case_number, '[^[:alnum:]]', '', 'g'));
alter table footage_request alter column case_key set not null;
create index footage_request_case_key on footage_request (agency_id, case_key);
