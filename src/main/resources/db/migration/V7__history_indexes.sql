-- The stats' solve times (attempt/internal/StatsStore): an account's latest accepted attempts,
-- read in order from the newest instead of sorting all of them (10,000 attempts, half accepted:
-- 4.6 ms with a sort, 0.4 ms reading 200 index entries). The history's own lists are served by
-- V6's indexes (docs/benchmarks.md, "History and stats").
create index attempt_account_accepted on attempt (account_id, ended_at desc, id desc)
    where state = 'accepted';
