-- bench/toolkit.sql: the toolkit's aggregates against the plain SQL an
-- analyst writes today, over 10^7 rows grouped by date (5 000 groups of
-- 2 000 names).  Run by bench/toolkit.sh; prints the median of 5 runs of
-- each query and its ratios.
\set ON_ERROR_STOP 1
\pset pager off
SET client_min_messages = warning;

-- 5 000 dates x 2 000 names; heavy-tailed weights (Pareto-like), benchmark
-- weights, a valuation field and earnings with some losses, from a fixed
-- multiplicative hash (deterministic, no random())
CREATE TABLE IF NOT EXISTS bench_tk AS
SELECT d AS as_of, n AS name,
       (((((d * 2000 + n)::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w,
       (((((d * 2000 + n)::bigint * 40503) % 65536) + 0.5) / 65536.0)::float8 AS b,
       5 + 40 * (((((d * 2000 + n)::bigint * 69069) % 1048576) + 0.5) / 1048576.0)::float8 AS x,
       (((((d * 2000 + n)::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.1)::float8 AS earn
FROM generate_series(1, 5000) AS d, generate_series(1, 2000) AS n;
VACUUM ANALYZE bench_tk;
-- read it once so that it is cached
SELECT count(*) AS rows, count(DISTINCT as_of) AS dates FROM bench_tk;

-- Median wall time (ms) of reps runs of a query, its rows counted (not sent;
-- the whole-row count keeps the planner from dropping unused aggregates).
CREATE OR REPLACE FUNCTION pg_temp.bench_ms(q text, reps int DEFAULT 5) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    times float8[] := '{}';
    n bigint;
BEGIN
    FOR i IN 1 .. reps LOOP
        t0 := clock_timestamp();
        EXECUTE 'SELECT count(q.*) FROM (' || q || ') AS q' INTO n;
        times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
    END LOOP;
    RETURN (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) AS t);
END
$$;

CREATE TEMP TABLE cases (id int, aggregate text, variant text, q text);
INSERT INTO cases VALUES
 (1, 'sum(w) (baseline)', 'builtin', $q$SELECT as_of, sum(w) FROM bench_tk GROUP BY as_of$q$),
 (2, 'top_share(w, 10)', 'tactalloc', $q$SELECT as_of, top_share(w, 10) FROM bench_tk GROUP BY as_of$q$),
 (3, 'top_share(w, 10)', 'SQL: row_number() window', $q$SELECT as_of, sum(w) FILTER (WHERE rn <= 10) / sum(w) FROM (SELECT as_of, w, row_number() OVER (PARTITION BY as_of ORDER BY w DESC) AS rn FROM bench_tk) t GROUP BY as_of$q$),
 (4, 'share_above(w, 0.003)', 'tactalloc', $q$SELECT as_of, share_above(w, 0.003) FROM bench_tk GROUP BY as_of$q$),
 (5, 'share_above(w, 0.003)', 'SQL: sum() OVER window', $q$SELECT as_of, sum(s) FILTER (WHERE s > 0.003) FROM (SELECT as_of, w / sum(w) OVER (PARTITION BY as_of) AS s FROM bench_tk) t GROUP BY as_of$q$),
 (6, 'share_above(w, 0.003)', 'SQL: self-join on totals', $q$SELECT t.as_of, sum(w / tw) FILTER (WHERE w / tw > 0.003) FROM bench_tk t JOIN (SELECT as_of, sum(w) AS tw FROM bench_tk GROUP BY as_of) s USING (as_of) GROUP BY t.as_of$q$),
 (7, 'count_above(w, 0.003)', 'tactalloc', $q$SELECT as_of, count_above(w, 0.003) FROM bench_tk GROUP BY as_of$q$),
 (8, 'count_above(w, 0.003)', 'SQL: sum() OVER window', $q$SELECT as_of, count(*) FILTER (WHERE s > 0.003) FROM (SELECT as_of, w / sum(w) OVER (PARTITION BY as_of) AS s FROM bench_tk) t GROUP BY as_of$q$),
 (9, 'count_above(w, 0.003)', 'SQL: self-join on totals', $q$SELECT t.as_of, count(*) FILTER (WHERE w / tw > 0.003) FROM bench_tk t JOIN (SELECT as_of, sum(w) AS tw FROM bench_tk GROUP BY as_of) s USING (as_of) GROUP BY t.as_of$q$),
 (10, 'active_share(w, b)', 'tactalloc', $q$SELECT as_of, active_share(w, b) FROM bench_tk GROUP BY as_of$q$),
 (11, 'active_share(w, b)', 'SQL: sum() OVER window', $q$SELECT as_of, 0.5 * sum(abs(w / tw - b / tb)) FROM (SELECT as_of, w, b, sum(w) OVER p AS tw, sum(b) OVER p AS tb FROM bench_tk WINDOW p AS (PARTITION BY as_of)) t GROUP BY as_of$q$),
 (12, 'active_share(w, b)', 'SQL: self-join on totals', $q$SELECT t.as_of, 0.5 * sum(abs(w / tw - b / tb)) FROM bench_tk t JOIN (SELECT as_of, sum(w) AS tw, sum(b) AS tb FROM bench_tk GROUP BY as_of) s USING (as_of) GROUP BY t.as_of$q$),
 (13, 'weighted_mean(x, w)', 'tactalloc', $q$SELECT as_of, weighted_mean(x, w) FROM bench_tk GROUP BY as_of$q$),
 (14, 'weighted_mean(x, w)', 'SQL: sum(w*x)/sum(w)', $q$SELECT as_of, sum(w * x) / sum(w) FROM bench_tk GROUP BY as_of$q$),
 (15, 'index_multiple(w, earn)', 'tactalloc', $q$SELECT as_of, index_multiple(w, earn) FROM bench_tk GROUP BY as_of$q$),
 (16, 'index_multiple(w, earn)', 'SQL: sum(cap)/sum(earn)', $q$SELECT as_of, CASE WHEN sum(earn) > 0 THEN sum(w) / sum(earn) END FROM bench_tk GROUP BY as_of$q$),
 (17, 'index_multiple(w, earn, 1)', 'tactalloc', $q$SELECT as_of, index_multiple(w, earn, 1) FROM bench_tk GROUP BY as_of$q$),
 (18, 'index_multiple(w, earn, 1)', 'SQL: count/sum(earn/cap)', $q$SELECT as_of, CASE WHEN sum(earn / w) > 0 THEN count(*) / sum(earn / w) END FROM bench_tk GROUP BY as_of$q$);

CREATE TEMP TABLE timings AS SELECT id, aggregate, variant, pg_temp.bench_ms(q) AS ms FROM cases;

\echo
\echo Median of 5 runs, 10^7 rows grouped by as_of (5 000 groups of 2 000 names)
SELECT t.aggregate, t.variant, round(t.ms::numeric) AS ms,
       round((t.ms / b.ms)::numeric, 2) AS x_sum_w,
       CASE WHEN t.variant = 'tactalloc'
            THEN round((s.best_sql / t.ms)::numeric, 2) END AS faster_than_best_sql
FROM timings t
CROSS JOIN (SELECT ms FROM timings WHERE id = 1) b
LEFT JOIN (SELECT aggregate, min(ms) AS best_sql FROM timings WHERE variant LIKE 'SQL%' GROUP BY aggregate) s USING (aggregate)
ORDER BY t.id;
