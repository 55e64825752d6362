-- What a client has uncovered of a problem: each hint, and the example solution. Keyed by the
-- browser's client id until sign-in exists; kept so history can show "hints used" and
-- "solution opened", and so a reload restores what was revealed.
create table reveal (
    client_id   uuid        not null,
    problem_id  text        not null references problem (id) on delete cascade,
    kind        text        not null check (kind in ('hint', 'solution')),
    hint_index  integer     not null default -1,
    revealed_at timestamptz not null default now(),
    primary key (client_id, problem_id, kind, hint_index)
);
