-- The outcome of running a problem's reference solutions against its tests, per content hash:
-- re-validated only when the content changes. time_limits holds the derived limit per language.
create table problem_validation (
    problem_id     text        not null references problem (id) on delete cascade,
    content_sha256 text        not null,
    passed         boolean     not null,
    report         jsonb       not null,
    time_limits    jsonb       not null default '{}',
    validated_at   timestamptz not null default now(),
    primary key (problem_id, content_sha256)
);
