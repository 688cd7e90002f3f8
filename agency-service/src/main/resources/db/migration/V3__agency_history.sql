-- The agency's public history (docs/invariants.md, I3): every state change, from the application on, one row
-- each, written in the same transaction as the change. The decision log becomes that history: it now also
-- holds the application (no previous state) and the start of review (no reason), and it is append-only.
alter table agency_decision alter column from_state drop not null;
alter table agency_decision alter column reason drop not null;

create function agency_decision_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'agency_decision is append-only: % refused', tg_op;
end;
$$;
create trigger agency_decision_no_update before update or delete on agency_decision
    for each row execute function agency_decision_append_only();
create trigger agency_decision_no_truncate before truncate on agency_decision
    for each statement execute function agency_decision_append_only();

-- Agencies that existed before the history did: their application, and an approval that no decision recorded
-- (the seeded demo agency).
insert into agency_decision (agency_id, reviewer_id, action, from_state, to_state, reason, decided_at)
select a.id, a.applicant_id, 'APPLY', null, 'APPLIED', null, a.applied_at from agency a;
insert into agency_decision (agency_id, reviewer_id, action, from_state, to_state, reason, decided_at)
select a.id, 'platform', 'APPROVE', 'IN_REVIEW', 'APPROVED', coalesce(a.state_reason, 'approved'), a.approved_at
from agency a
where a.approved_at is not null
  and not exists (select 1 from agency_decision d where d.agency_id = a.id and d.action = 'APPROVE');

create index agency_decision_history on agency_decision (agency_id, id);
