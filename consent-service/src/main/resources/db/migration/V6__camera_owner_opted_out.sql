-- Matching without a lookup per camera (README, "Camera matching"): the owner's opt-out is carried on each of
-- their camera rows, and the partial position index leaves opted-out owners' cameras out, so the densest area
-- is answered by the index alone instead of one owner_settings key lookup per camera found. OwnerOptOut keeps
-- the copy equal to owner_settings.opted_out (both written in one transaction, serialised on the owner's row).
alter table camera add column owner_opted_out boolean not null default false;
update camera c set owner_opted_out = true
from owner_settings s
where s.owner_id = c.owner_id and s.opted_out;
-- The same key and INCLUDE columns as V5's camera_active_point (every column the matching and the delivery read,
-- for an index-only scan); the predicate columns need not be included when the query repeats the predicate.
create index camera_match_point on camera using gist (point(longitude, latitude))
    include (owner_id, id, latitude, longitude) where status = 'ACTIVE' and not owner_opted_out;
drop index camera_active_point;
