-- Which of an owner's cameras a request was delivered for: only clips of these cameras may be shared for it
-- (docs/rules.md, sharing). No foreign key to camera: a camera paused or deleted after delivery was still asked.
create table inbox_camera (
    request_id  uuid        not null references published_request (request_id),
    owner_id    varchar(64) not null,
    camera_id   uuid        not null,
    primary key (request_id, camera_id)
);
create index inbox_camera_owner on inbox_camera (request_id, owner_id);

-- Requests delivered before this table existed: the owner's cameras that lie in the area and existed when the
-- request arrived (the best record there is of what was asked).
insert into inbox_camera (request_id, owner_id, camera_id)
select i.request_id, i.owner_id, c.id
from inbox_item i
join published_request r on r.request_id = i.request_id
join camera c on c.owner_id = i.owner_id and c.created_at <= i.received_at
where 2 * 6371008.8 * asin(sqrt(power(sin(radians(c.latitude - r.latitude) / 2), 2)
      + cos(radians(r.latitude)) * cos(radians(c.latitude))
      * power(sin(radians(c.longitude - r.longitude) / 2), 2))) <= r.radius_meters
on conflict do nothing;

-- Per-request noise of the public counts (docs/invariants.md, I2), drawn once and kept, so that reading the
-- counts again and again cannot average it out. Existing requests get theirs here (random() is drawn per row).
alter table published_request
    add column count_noise_cameras    smallint not null default floor(random() * 5),
    add column count_noise_neighbours smallint not null default floor(random() * 5),
    add column count_noise_clips      smallint not null default floor(random() * 5);
alter table published_request
    alter column count_noise_cameras drop default,
    alter column count_noise_neighbours drop default,
    alter column count_noise_clips drop default,
    add constraint count_noise_range check (count_noise_cameras between 0 and 4
        and count_noise_neighbours between 0 and 4 and count_noise_clips between 0 and 4);
