-- Matching at national scale (README, "Camera matching"): a 2-D index on the position instead of the
-- latitude/longitude B-tree, which scans a whole latitude band of a dense city for every request. PostgreSQL's
-- built-in point with GiST (no PostGIS in the embedded PostgreSQL): a box around the request's circle reads only
-- the cameras near it. The INCLUDE columns are every camera column the matching and the delivery read, so they
-- are answered from the index alone (index-only scan), without a random heap page per camera in a dense area.
create index camera_active_point on camera using gist (point(longitude, latitude))
    include (owner_id, id, latitude, longitude) where status = 'ACTIVE';
drop index camera_active_position;
