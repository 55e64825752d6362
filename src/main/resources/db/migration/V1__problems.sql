-- Problems: the current revision of each, plus every revision ever served, so attempts made
-- against an older revision keep pointing at exactly what the user saw.
create table problem (
    id                text        primary key,
    version           integer     not null check (version >= 1),
    source            text        not null check (source in ('bank', 'generated', 'imported')),
    title             text        not null,
    category          text        not null,
    difficulty        text        not null check (difficulty in ('easy', 'medium', 'hard')),
    estimated_minutes integer     not null,
    tags              text[]      not null default '{}',
    content           jsonb       not null,
    content_sha256    text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index problem_category_difficulty on problem (category, difficulty);

create table problem_revision (
    problem_id     text        not null references problem (id) on delete cascade,
    version        integer     not null,
    content        jsonb       not null,
    content_sha256 text        not null,
    created_at     timestamptz not null default now(),
    primary key (problem_id, version)
);
