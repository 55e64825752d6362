-- Categories grew to the taxonomy candidates practise with (problem/Category.java): trees-graphs
-- was split into trees and graphs, greedy-intervals into greedy and intervals. The bank's moved
-- problems come back as new versions with their new category; this moves what is already stored
-- (every revision's document, the catalog row and the attempts' copy) so that no stored row keeps
-- a retired id. A bank problem goes where its new version goes; any other (imported) problem goes
-- to graphs or greedy, the wider half of its old category.
create temporary table category_move (problem_id text primary key, category text not null);

insert into category_move (problem_id, category) values
    ('cheapest-trip-with-one-voucher', 'graphs'),
    ('smallest-build-order', 'graphs'),
    ('deepest-rank-in-org-chart', 'trees'),
    ('heaviest-tree-level', 'trees'),
    ('longest-hut-to-hut-trek', 'trees'),
    ('most-projects-before-deadlines', 'greedy'),
    ('meeting-rooms-with-cleanup', 'intervals'),
    ('most-conference-talks', 'intervals'),
    ('studio-busy-blocks', 'intervals'),
    ('two-robots-per-pipeline-zone', 'intervals');

create temporary table retired_category (category text primary key, successor text not null);

insert into retired_category (category, successor) values
    ('trees-graphs', 'graphs'),
    ('greedy-intervals', 'greedy');

create temporary table category_successor as
select p.id as problem_id, coalesce(m.category, r.successor) as category
from problem p
join retired_category r on r.category = p.category
left join category_move m on m.problem_id = p.id;

update problem p
set category = s.category,
    content  = jsonb_set(p.content, '{category}', to_jsonb(s.category))
from category_successor s
where s.problem_id = p.id;

-- The revisions' documents; content_sha256 stays the hash of the document as it was stored.
update problem_revision v
set content = jsonb_set(v.content, '{category}', to_jsonb(s.category))
from category_successor s
where s.problem_id = v.problem_id
  and v.content ->> 'category' in (select category from retired_category);

update attempt a
set category = s.category
from category_successor s
where s.problem_id = a.problem_id
  and a.category in (select category from retired_category);

drop table category_successor;
drop table retired_category;
drop table category_move;
