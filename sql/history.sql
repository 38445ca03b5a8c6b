-- The latest reading against its history: history_percentile,
-- history_zscore, periods_since_higher (window functions)
SET extra_float_digits = 3;

CREATE TEMP TABLE h (t int, x float8);
INSERT INTO h VALUES (1, 3), (2, 1), (3, 4), (4, 1), (5, 5), (6, NULL), (7, 2), (8, 5), (9, 4);

-- hand-checked: frame of the current row and the 3 before it
--   t=4, x=1, others {3,1,4}: 0 below, 1 tie -> 0.5/3; z = (1-2.25)/1.5 = -0.8333...
--   t=7, x=2, others {1,5} (NULL skipped): 1 below -> 0.5
--   t=8, x=5, others {5,2}: 1 below, 1 tie -> 0.75
-- periods_since_higher: t=7 (2) last at or above at t=5 -> 2; t=8 (5) ties t=5 -> 3
SELECT t, x,
       history_percentile(x) OVER w AS pct,
       history_zscore(x) OVER w AS z,
       periods_since_higher(x) OVER (ORDER BY t) AS since_higher,
       history_percentile(x) OVER (ORDER BY t) AS pct_running
FROM h WINDOW w AS (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)
ORDER BY t;

-- a frame that leaves out the current row: its value against the others
SELECT t, history_percentile(x) OVER w AS pct, history_zscore(x) OVER w AS z
FROM h WINDOW w AS (ORDER BY t ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) ORDER BY t;
-- EXCLUDE CURRENT ROW: the percentile is the same (the current row is never
-- one of the others); the z-score leaves it out of the mean and deviation
SELECT t, history_percentile(x) OVER w = history_percentile(x) OVER (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS pct_same,
       history_zscore(x) OVER w AS z
FROM h WINDOW w AS (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) ORDER BY t;
-- frames ahead of the row, RANGE and GROUPS frames
SELECT t, history_percentile(x) OVER (ORDER BY t ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS pct_ahead,
       history_percentile(x) OVER (ORDER BY t RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS pct_range,
       history_zscore(x) OVER (ORDER BY t GROUPS BETWEEN 4 PRECEDING AND CURRENT ROW) AS z_groups
FROM h ORDER BY t;
-- no ORDER BY: the whole partition is the frame (a cross-section)
SELECT g, history_percentile(g::float8) OVER (PARTITION BY g % 2) AS pct,
       history_zscore(g::float8) OVER (PARTITION BY g % 2) AS z
FROM generate_series(1, 6) AS g ORDER BY g;

-- one row, all NULL, ties only, no rows
SELECT history_percentile(x) OVER (ORDER BY t) AS pct, history_zscore(x) OVER (ORDER BY t) AS z,
       periods_since_higher(x) OVER (ORDER BY t) AS since
FROM (VALUES (1, 7.0::float8)) AS v(t, x);
SELECT history_percentile(x) OVER (ORDER BY t) AS pct, history_zscore(x) OVER (ORDER BY t) AS z,
       periods_since_higher(x) OVER (ORDER BY t) AS since
FROM (VALUES (1, NULL::float8), (2, NULL)) AS v(t, x);
SELECT t, history_percentile(x) OVER (ORDER BY t) AS pct, history_zscore(x) OVER (ORDER BY t) AS z,
       periods_since_higher(x) OVER (ORDER BY t) AS since
FROM (VALUES (1, 2.0::float8), (2, 2.0), (3, 2.0), (4, -0.0), (5, 0.0)) AS v(t, x) ORDER BY t;
SELECT count(*) FROM (SELECT history_percentile(x) OVER (ORDER BY t) FROM h WHERE false) AS s;

-- partitions start afresh
SELECT p, t, periods_since_higher(x) OVER w AS since, history_percentile(x) OVER w AS pct
FROM (VALUES (1, 1, 5.0::float8), (1, 2, 3.0), (1, 3, 4.0), (2, 1, 1.0), (2, 2, 2.0), (2, 3, 1.0)) AS v(p, t, x)
WINDOW w AS (PARTITION BY p ORDER BY t) ORDER BY p, t;
-- periods_since_higher looks back to the frame's start, not beyond
SELECT t, x, periods_since_higher(x) OVER (ORDER BY t) AS since,
       periods_since_higher(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS since_in_3
FROM h ORDER BY t;

-- extreme magnitudes: exact sums, one rounding
SELECT t, history_zscore(x) OVER (ORDER BY t) AS z, history_percentile(x) OVER (ORDER BY t) AS pct
FROM (VALUES (1, 1e300::float8), (2, -1e300), (3, 1e-300), (4, 1e300), (5, 5e-324)) AS v(t, x) ORDER BY t;
SELECT t, history_zscore(x) OVER (ORDER BY t) AS z
FROM (VALUES (1, 1e-300::float8), (2, 2e-300), (3, 4e-300)) AS v(t, x) ORDER BY t;
-- a value far outside a frame of almost equal values: beyond double precision
SELECT expect_error($$SELECT history_zscore(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)
                      FROM (VALUES (1, 1::float8), (2, 1 + 2.220446049250313e-16), (3, 1e300)) AS v(t, x)$$);

-- errors
SELECT expect_error($$SELECT history_percentile(x) OVER (ORDER BY t) FROM (VALUES (1, 'NaN'::float8)) AS v(t, x)$$);
SELECT expect_error($$SELECT history_zscore(x) OVER (ORDER BY t) FROM (VALUES (1, 1::float8), (2, 'Infinity')) AS v(t, x)$$);
SELECT expect_error($$SELECT periods_since_higher(x) OVER (ORDER BY t) FROM (VALUES (1, '-Infinity'::float8)) AS v(t, x)$$);
SELECT expect_error($$SELECT periods_since_higher(x) OVER () FROM (VALUES (1.0::float8)) AS v(x)$$);
SELECT expect_error($$SELECT history_percentile(x) OVER (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW EXCLUDE GROUP) FROM h$$);
SELECT expect_error($$SELECT history_zscore(x) OVER (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM h$$);

-- against oracles, 3 000 pseudo-random readings (multiples of 1/8, so
-- that their decimals are their exact values) with ties and NULLs in 3
-- partitions: the share below from a self-join, the z-score from numeric
-- sums, the rows since a higher value from a correlated subquery; running
-- frames and a moving one of 60 rows
CREATE FUNCTION z_oracle(x numeric, n bigint, sx numeric, sxx numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN n >= 2 AND n * sxx - sx * sx > 0 THEN
        (n * x - sx)::numeric(200, 60) / sqrt(((n * (n * sxx - sx * sx))::numeric(200, 60) / (n - 1))) END
$$;
SELECT det_setseed(11);
CREATE TEMP TABLE hr AS
SELECT i, i % 3 AS p,
       CASE WHEN i % 97 = 0 THEN NULL ELSE round(det_random() * 1600 - 400) / 8 END AS x
FROM generate_series(1, 3000) AS i;
CREATE TEMP TABLE hr_fn AS
SELECT i, p, x,
       history_percentile(x) OVER run AS pct_run, history_zscore(x) OVER run AS z_run,
       history_percentile(x) OVER mov AS pct_mov, history_zscore(x) OVER mov AS z_mov,
       periods_since_higher(x) OVER run AS since
FROM hr
WINDOW run AS (PARTITION BY p ORDER BY i),
       mov AS (PARTITION BY p ORDER BY i ROWS BETWEEN 59 PRECEDING AND CURRENT ROW);
CREATE TEMP TABLE hr_oracle AS
SELECT a.i,
       (SELECT (count(*) FILTER (WHERE b.x < a.x) + 0.5 * count(*) FILTER (WHERE b.x = a.x))::numeric
               / nullif(count(b.x), 0)
        FROM hr b WHERE b.p = a.p AND b.i < a.i AND b.x IS NOT NULL) AS pct_run,
       (SELECT (count(*) FILTER (WHERE b.x < a.x) + 0.5 * count(*) FILTER (WHERE b.x = a.x))::numeric
               / nullif(count(b.x), 0)
        FROM hr b WHERE b.p = a.p AND b.i < a.i AND b.i >= a.i - 3 * 59 AND b.x IS NOT NULL) AS pct_mov,
       (SELECT a.i - max(b.i) FROM hr b WHERE b.p = a.p AND b.i < a.i AND b.x >= a.x) / 3 AS since,
       (SELECT z_oracle(a.x::numeric, count(b.x), sum(b.x::numeric), sum(b.x::numeric * b.x::numeric))
        FROM hr b WHERE b.p = a.p AND b.i <= a.i AND b.x IS NOT NULL) AS z_run,
       (SELECT z_oracle(a.x::numeric, count(b.x), sum(b.x::numeric), sum(b.x::numeric * b.x::numeric))
        FROM hr b WHERE b.p = a.p AND b.i <= a.i AND b.i > a.i - 3 * 60 AND b.x IS NOT NULL) AS z_mov
FROM hr a WHERE a.x IS NOT NULL;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE f.pct_run IS NOT DISTINCT FROM o.pct_run::float8) AS pct_run_exact,
       count(*) FILTER (WHERE f.pct_mov IS NOT DISTINCT FROM o.pct_mov::float8) AS pct_mov_exact,
       count(*) FILTER (WHERE f.since IS NOT DISTINCT FROM o.since) AS since_exact,
       count(*) FILTER (WHERE (f.z_run IS NULL AND o.z_run IS NULL) OR abs(exact_numeric(f.z_run) - o.z_run) <= exact_ulp(f.z_run)) AS z_run_1ulp,
       count(*) FILTER (WHERE (f.z_mov IS NULL AND o.z_mov IS NULL) OR abs(exact_numeric(f.z_mov) - o.z_mov) <= exact_ulp(f.z_mov)) AS z_mov_1ulp
FROM hr_fn f JOIN hr_oracle o USING (i);
-- NULL readings give NULL
SELECT count(*) FILTER (WHERE pct_run IS NULL AND z_run IS NULL AND pct_mov IS NULL AND z_mov IS NULL AND since IS NULL) AS null_rows
FROM hr_fn WHERE x IS NULL;
-- a moving frame gives the same bits as the frame recomputed on its own
SELECT count(*) AS rows,
       count(*) FILTER (WHERE f.z_mov IS NOT DISTINCT FROM r.z) AS z_same
FROM hr_fn f
JOIN LATERAL (SELECT history_zscore(x) OVER (ORDER BY i) AS z, i AS ri
              FROM (SELECT i, x FROM hr b WHERE b.p = f.p AND b.i <= f.i ORDER BY i DESC LIMIT 60) AS fr
              ORDER BY i DESC LIMIT 1) AS r ON true
WHERE f.i % 10 = 0;
-- a partition spilled to disk (work_mem of 64 kB) gives the same results:
-- the frame's bounds are learnt without reading rows
CREATE TEMP TABLE hr_mem AS
SELECT i, history_percentile(x) OVER w AS pct, history_zscore(x) OVER w AS z, periods_since_higher(x) OVER w AS since
FROM hr WINDOW w AS (ORDER BY i ROWS BETWEEN 99 PRECEDING AND CURRENT ROW);
SET work_mem = '64kB';
SELECT count(*) AS rows,
       count(*) FILTER (WHERE m.pct IS NOT DISTINCT FROM d.pct AND m.z IS NOT DISTINCT FROM d.z
                        AND m.since IS NOT DISTINCT FROM d.since) AS same
FROM hr_mem AS m
JOIN (SELECT i, history_percentile(x) OVER w AS pct, history_zscore(x) OVER w AS z, periods_since_higher(x) OVER w AS since
      FROM (SELECT i, x, repeat('x', 200) AS pad FROM hr) AS p
      WINDOW w AS (ORDER BY i ROWS BETWEEN 99 PRECEDING AND CURRENT ROW)) AS d USING (i);
RESET work_mem;
