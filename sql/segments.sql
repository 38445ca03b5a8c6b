-- size_segment(): Russell-style size segments by market-cap rank with banding
SET extra_float_digits = 3;

-- The banding case of the issue: breakpoints {4,10}, band 0.05, caps A-J.
-- Total 1000; the breakpoint 4 sits at cumulative 874 (87.4 %), so the band
-- keeps names whose cumulative cap is within 874 +- 25 (inclusive).
CREATE TEMP TABLE recon (rank_date date, name text, market_cap float8, prior_segment int);
INSERT INTO recon VALUES
  ('2025-06-27', 'A', 400, 1), ('2025-06-27', 'B', 300, 1), ('2025-06-27', 'C', 150, 2),
  ('2025-06-27', 'D', 24, 1), ('2025-06-27', 'E', 23, 1), ('2025-06-27', 'F', 22, 1),
  ('2025-06-27', 'G', 21, 2), ('2025-06-27', 'H', 20, 2), ('2025-06-27', 'I', 20, 2),
  ('2025-06-27', 'J', 20, NULL);
-- segment 1 = A, B, D, E; segment 2 = C, F, G, H, I, J: C (cum 850) stays in
-- 2 and E (cum 897) stays in 1 inside the band; F (cum 919) is outside it and
-- drops to 2 by rank; H, I, J tie at rank 8
SELECT name, market_cap, prior_segment,
       rank() OVER w AS rank,
       sum(market_cap) OVER (PARTITION BY rank_date ORDER BY market_cap DESC RANGE UNBOUNDED PRECEDING) - (count(*) OVER (PARTITION BY rank_date ORDER BY market_cap DESC RANGE UNBOUNDED PRECEDING) - rank() OVER w) * market_cap AS cum_cap,
       size_segment(market_cap, NULL, '{4,10}', 0.05) OVER w AS by_rank,
       size_segment(market_cap, prior_segment, '{4,10}', 0.05) OVER w AS banded
FROM recon
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)
ORDER BY market_cap DESC, name;
SELECT banded, string_agg(name, ', ' ORDER BY name) AS names
FROM (SELECT name, size_segment(market_cap, prior_segment, '{4,10}', 0.05)
                   OVER (PARTITION BY rank_date ORDER BY market_cap DESC) AS banded FROM recon) AS s
GROUP BY banded ORDER BY banded;
-- named arguments, and the result does not depend on the order of ties or
-- of extra ORDER BY keys
SELECT string_agg(name || '=' || coalesce(seg::text, '-'), ' ' ORDER BY name) AS segments
FROM (SELECT name, size_segment(market_cap, prior_segment, breakpoints => '{4,10}', band => 0.05)
                   OVER (PARTITION BY rank_date ORDER BY market_cap DESC, name DESC) AS seg FROM recon) AS s;
SELECT string_agg(name || '=' || coalesce(seg::text, '-'), ' ' ORDER BY name) AS segments
FROM (SELECT name, size_segment(market_cap, prior_segment, '{4,10}', 0.05)
                   OVER (PARTITION BY rank_date ORDER BY market_cap DESC NULLS LAST, name) AS seg FROM recon) AS s;

-- a first reconstitution (no prior segments): by rank with the defaults
-- {1000,3000}; rank 3001 and beyond get NULL
SELECT seg, count(*), min(rnk) AS first_rank, max(rnk) AS last_rank
FROM (SELECT rank() OVER w AS rnk, size_segment(cap) OVER w AS seg
      FROM (SELECT 1e6 / i AS cap FROM generate_series(1, 3500) AS i) AS u
      WINDOW w AS (ORDER BY cap DESC)) AS s
GROUP BY seg ORDER BY seg;
-- the default band keeps names close to rank 1000 in their prior segment:
-- with caps 1/rank the 2.5 % band around rank 1000 covers ranks 682..1464
SELECT prior, seg, count(*), min(rnk) AS first_rank, max(rnk) AS last_rank
FROM (SELECT prior, rank() OVER w AS rnk, size_segment(cap, prior) OVER w AS seg
      FROM (SELECT 1.0 / i AS cap, CASE WHEN i % 2 = 0 THEN 1 ELSE 2 END AS prior
            FROM generate_series(1, 3000) AS i) AS u
      WINDOW w AS (ORDER BY cap DESC)) AS s
GROUP BY prior, seg ORDER BY prior, seg;
-- several rank dates at once: each partition is ranked on its own
SELECT rank_date, name, size_segment(market_cap, prior_segment, '{2}', 0) OVER w AS seg
FROM (VALUES ('2024-06-28'::date, 'A', 10::float8, NULL::int), ('2024-06-28', 'B', 5, NULL), ('2024-06-28', 'C', 1, NULL),
             ('2025-06-27', 'A', 1, 1), ('2025-06-27', 'B', 5, 1), ('2025-06-27', 'C', 10, NULL)) AS v(rank_date, name, market_cap, prior_segment)
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)
ORDER BY rank_date, name;

-- ties: tied names share the rank and the cumulative cap of the first of them
-- (SQL rank()), so a tie across a breakpoint puts all of them on the inside
SELECT name, market_cap, rank() OVER w AS rank, size_segment(market_cap, NULL, '{2,5}', 0) OVER w AS seg
FROM (VALUES ('A', 30::float8), ('B', 20), ('C', 20), ('D', 20), ('E', 10), ('F', 5)) AS v(name, market_cap)
WINDOW w AS (ORDER BY market_cap DESC)
ORDER BY market_cap DESC, name;
-- every cap equal: all rank 1
SELECT count(*) AS names, count(*) FILTER (WHERE seg = 1) AS in_segment_1
FROM (SELECT size_segment(1.0, NULL, '{2}') OVER (ORDER BY 1.0 DESC) AS seg FROM generate_series(1, 5)) AS s;

-- NULL caps get NULL and are left out of ranks and totals (first or last)
SELECT name, market_cap, size_segment(market_cap, prior_segment, '{2,5}', 0.2) OVER w AS seg
FROM (VALUES ('A', 50::float8, 2), ('B', NULL, 1), ('C', 30, 1), ('D', 20, 1), ('E', NULL, NULL)) AS v(name, market_cap, prior_segment)
WINDOW w AS (ORDER BY market_cap DESC)
ORDER BY name;
SELECT name, size_segment(market_cap, prior_segment, '{2,5}', 0.2) OVER (ORDER BY market_cap DESC NULLS LAST) AS seg
FROM (VALUES ('A', 50::float8, 2), ('B', NULL, 1), ('C', 30, 1), ('D', 20, 1), ('E', NULL, NULL)) AS v(name, market_cap, prior_segment)
ORDER BY name;
-- only NULL caps, one name, no names
SELECT size_segment(NULL::float8) OVER () IS NULL AS all_null FROM generate_series(1, 3);
SELECT size_segment(7.5, 2, '{1,2}') OVER (ORDER BY 7.5 DESC) AS one_name;
SELECT count(*) AS no_names FROM (SELECT size_segment(x) OVER (ORDER BY x DESC) FROM (SELECT 1.0::float8 AS x WHERE false) AS e) AS s;

-- a universe smaller than the breakpoints: every name is in segment 1, and a
-- breakpoint past the end sits at 100 % of the cap (the band can keep the
-- smallest names of prior segment 2 in 2)
SELECT name, market_cap, size_segment(market_cap, prior_segment, '{4,10}', 0.05) OVER w AS banded,
       size_segment(market_cap, NULL, '{4,10}') OVER w AS by_rank
FROM (VALUES ('A', 60::float8, 1), ('B', 38.9, 2), ('C', 1.1, 2)) AS v(name, market_cap, prior_segment)
WINDOW w AS (ORDER BY market_cap DESC)
ORDER BY name;
-- a zero cap is the smallest name; zero total: every name is at the same
-- cumulative share (0), so each keeps its prior segment
SELECT name, size_segment(market_cap, prior_segment, '{1}', 0.05) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 5::float8, NULL::int), ('B', 0, 1), ('C', 0, NULL)) AS v(name, market_cap, prior_segment)
ORDER BY name;
SELECT name, size_segment(market_cap, prior_segment, '{1}', 0.05) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 0::float8, NULL::int), ('B', 0, 1), ('C', 0, 1)) AS v(name, market_cap, prior_segment)
ORDER BY name;

-- exact band edges: 2 |cum(name) - cum(breakpoint)| <= band x total, inclusive.
-- band 0.0625 (exact in binary) and total 32: the edge is 1 either side of
-- the breakpoint's cumulative cap (29 at rank 2). C at 30 is on the edge and
-- keeps prior segment 1; a hair larger it is outside and drops to 2 by rank
SELECT name, market_cap, size_segment(market_cap, 1, '{2,6}', 0.0625) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 20::float8), ('B', 9), ('C', 1), ('D', 0.875), ('E', 0.625), ('F', 0.5)) AS v(name, market_cap)
ORDER BY market_cap DESC;
SELECT name, market_cap, size_segment(market_cap, 1, '{2,6}', 0.0625) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 20::float8), ('B', 9), ('C', 1.0000000000000002), ('D', 0.875), ('E', 0.625), ('F', 0.5)) AS v(name, market_cap)
ORDER BY market_cap DESC;
-- above the breakpoint (rank 3, cumulative 30): B at 29 is on the edge and
-- keeps prior segment 2; a hair further it is placed by rank (1)
SELECT name, size_segment(market_cap, 2, '{3,6}', 0.0625) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 20::float8), ('B', 9), ('C', 1), ('D', 0.875), ('E', 0.625), ('F', 0.5)) AS v(name, market_cap)
ORDER BY market_cap DESC;
SELECT name, size_segment(market_cap, 2, '{3,6}', 0.0625) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 20::float8), ('B', 9), ('C', 1.0000000000000002), ('D', 0.875), ('E', 0.625), ('F', 0.5)) AS v(name, market_cap)
ORDER BY market_cap DESC;
-- band 0.05 is the double 0.05000000000000000277, so a name 2.5 % of the
-- total away from the breakpoint is inside the band; with the next double
-- below 0.05 it is outside. A (cum 475) against rank 2 (cum 500) of 1000:
SELECT band, seg_of_a FROM (
  SELECT band, market_cap, size_segment(market_cap, prior_segment, '{2,30}', band) OVER (PARTITION BY band ORDER BY market_cap DESC) AS seg_of_a
  FROM (SELECT 475::float8 AS market_cap, 2 AS prior_segment UNION ALL SELECT 25, NULL FROM generate_series(1, 21)) AS u,
       (VALUES (0.05::float8), (0.049999999999999996)) AS b(band)) AS s
WHERE market_cap = 475 ORDER BY band DESC;
-- the comparison is exact where floating-point sums are not: 1e16 + 1 is not
-- a double, but with band 0 the name of cap 1 is not at the breakpoint
SELECT name, size_segment(market_cap, 1, '{1}', 0) OVER (ORDER BY market_cap DESC) AS seg,
       (1e16::float8 + 1) - 1e16::float8 AS float_difference
FROM (VALUES ('A', 1e16::float8), ('B', 1)) AS v(name, market_cap)
ORDER BY name;
-- extreme magnitudes: totals beyond double range, and tiny caps
SELECT name, size_segment(market_cap, prior_segment, '{1,2}', 0.5) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 1.5e308::float8, 2), ('B', 1.4e308, 1), ('C', 1e-300, 1), ('D', 5e-324, 2)) AS v(name, market_cap, prior_segment)
ORDER BY name;
-- band 0: only a name exactly at the breakpoint's cumulative cap keeps its prior
SELECT name, size_segment(market_cap, prior_segment, '{2,3}', 0) OVER (ORDER BY market_cap DESC) AS seg
FROM (VALUES ('A', 3::float8, 2), ('B', 2, 2), ('C', 1, 1)) AS v(name, market_cap, prior_segment)
ORDER BY name;

-- errors: the window must be ordered by market cap descending
SELECT expect_error($$SELECT size_segment(c) OVER () FROM (VALUES (3::float8), (2), (1)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY c) FROM (VALUES (3::float8), (2), (1)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY n) FROM (VALUES (3::float8, 'b'), (2, 'a')) AS v(c, n)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY round(c) DESC) FROM (VALUES (3.2::float8), (3.1), (1)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (PARTITION BY c > 2) FROM (VALUES (3::float8), (4), (1)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) FROM (VALUES (3::float8)) AS v(c)$$);
-- errors: arguments
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY c DESC) FROM (VALUES (-1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY c DESC) FROM (VALUES ('NaN'::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c) OVER (ORDER BY c DESC) FROM (VALUES ('Infinity'::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, 0) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, 3) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, p, '{5}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8, NULL::int), (NULL, 2)) AS v(c, p)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, NULL) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{3,3}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{3,2}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{0,2}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{1,NULL}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{{1,2}}') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{10}', NULL) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{10}', 1) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{10}', -0.01) OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{10}', 'NaN') OVER (ORDER BY c DESC) FROM (VALUES (1::float8)) AS v(c)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, b) OVER (ORDER BY c DESC) FROM (VALUES (2::float8, '{1}'::int[]), (1, '{2}')) AS v(c, b)$$);
SELECT expect_error($$SELECT size_segment(c, NULL, '{1}', b) OVER (ORDER BY c DESC) FROM (VALUES (2::float8, 0.05::float8), (1, 0.1)) AS v(c, b)$$);

-- cost: 200 000 breakpoints over 2 000 names take O(rows + breakpoints)
-- steps, whether the breakpoints are a constant (checked once) or come from
-- a subquery (compared row by row); results as computed by the earlier
-- breakpoints x rows implementation
SELECT array_agg(g)::text AS many_breaks FROM generate_series(1, 200000) AS g \gset
SELECT count(s) AS placed, sum(s) AS sum_of_segments
FROM (SELECT size_segment(c, NULL, :'many_breaks', 0.05) OVER (ORDER BY c DESC) AS s
      FROM generate_series(1, 2000) AS c) AS x;
SELECT count(s) AS placed, sum(s) AS sum_of_segments, sum(s * c) AS weighted
FROM (SELECT c, size_segment(c, (c % 5)::int + 1, :'many_breaks', 0.9) OVER (ORDER BY c DESC) AS s
      FROM generate_series(1, 2000) AS c) AS x;
SELECT count(s) AS placed, sum(s) AS sum_of_segments, sum(s * c) AS weighted
FROM (SELECT c, size_segment(c, (c % 5)::int + 1, (SELECT array_agg(g) FROM generate_series(1, 200000) AS g), 0.9)
                OVER (ORDER BY c DESC) AS s
      FROM generate_series(1, 2000) AS c) AS x;
-- breakpoints from a column must still be the same on every row
SELECT expect_error($$SELECT size_segment(c, NULL, ARRAY[1, 2 + (c = 3)::int]) OVER (ORDER BY c DESC) FROM generate_series(1, 4) AS c$$);
