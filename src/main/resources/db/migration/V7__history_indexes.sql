-- The history's and the stats' indexes (attempt/internal/HistoryStore, StatsStore); the plans
-- and timings are in docs/benchmarks.md, "History and stats".

-- The history pages by offset in the order started_at desc, id desc, and reads a page's ids
-- before its rows (HistoryStore.LIST). With the id in the index those ids come from the index
-- alone and already in order (an index-only scan, no sort step); V6's indexes end at started_at
-- and needed an incremental sort and the table for each id. These replace them.
drop index attempt_account_started;
drop index attempt_account_category;
drop index attempt_account_difficulty;
create index attempt_account_started on attempt (account_id, started_at desc, id desc);
create index attempt_account_category on attempt (account_id, category, started_at desc, id desc);
create index attempt_account_difficulty on attempt (account_id, difficulty, started_at desc, id desc);

-- The stats' solve times: an account's latest accepted attempts, read in order from the newest
-- instead of sorting all of them.
create index attempt_account_accepted on attempt (account_id, ended_at desc, id desc)
    where state = 'accepted';
