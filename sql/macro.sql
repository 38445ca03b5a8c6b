-- Macro inputs: trend_ratio, growth_inflation, curve_regime, diffusion
SET extra_float_digits = 3;

--------------------------------------------------------------------------
-- trend_ratio(): 100 x value / its least-squares trend over the frame
--------------------------------------------------------------------------
-- a series on its own trend reads 100: a straight line (linear), a
-- geometric series (loglinear); fewer than 3 rows in the frame: NULL
SELECT i, v,
       trend_ratio(v, 'linear') OVER w AS line_linear,
       trend_ratio(g) OVER w AS geometric_loglinear,
       abs(trend_ratio(v, 'linear') OVER w - 100) <= 1e-13 AS line_on_trend,
       abs(trend_ratio(g) OVER w - 100) <= 1e-12 AS geometric_on_trend,
       count(*) OVER w AS frame_rows
FROM (SELECT i, 5 + 3 * i::float8 AS v, 1.5 ^ i::float8 AS g FROM generate_series(0, 9) AS i) AS s
WINDOW w AS (ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)
ORDER BY i;

-- by hand: 1, 2, 4 at rows 0, 1, 2: the line 7/6 + 3/2 x reads 23/6 at row
-- 2, so linear gives 100 x 4 / (23/6) = 2400/23; loglinear: the logs 0,
-- ln 2, 2 ln 2 lie on a line, so 100
SELECT trend_ratio(v, 'linear') OVER w AS linear, 2400 / 23.0 AS by_hand,
       abs(trend_ratio(v, 'linear') OVER w - 2400 / 23.0) <= 1e-13 AS linear_ok,
       abs(trend_ratio(v) OVER w - 100) <= 1e-13 AS loglinear_ok
FROM (VALUES (1, 1::float8), (2, 2), (3, 4)) AS s(i, v)
WINDOW w AS (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY i DESC LIMIT 1;

-- against the least-squares fit written with regr_* window SQL (the SQL the
-- report used before): 600 quarters of a trending, cycling series in three
-- partitions, 40-quarter frames, within 1e-11 relative
CREATE TEMP TABLE tr_series AS
SELECT p, i, (1000 * p) * exp(0.008 * i + 0.03 * sin(i / 7.0) + 0.01 * det_random())::float8 AS v
FROM (SELECT det_setseed(42)) AS seed, generate_series(1, 3) AS p, generate_series(1, 200) AS i;
WITH r AS (
    SELECT p, i, v,
           trend_ratio(v) OVER w AS loglin,
           trend_ratio(v, 'linear') OVER w AS lin,
           regr_intercept(ln(v), j) OVER w + regr_slope(ln(v), j) OVER w * j AS log_trend,
           regr_intercept(v, j) OVER w + regr_slope(v, j) OVER w * j AS trend,
           count(*) OVER w AS n
    FROM (SELECT *, i::float8 AS j FROM tr_series) AS s
    WINDOW w AS (PARTITION BY p ORDER BY i ROWS BETWEEN 39 PRECEDING AND CURRENT ROW)
)
SELECT count(*) AS rows, count(loglin) AS with_ratio,
       count(*) FILTER (WHERE n < 3 AND (loglin IS NOT NULL OR lin IS NOT NULL)) AS short_frame_not_null,
       count(*) FILTER (WHERE abs(loglin / (100 * exp(ln(v) - log_trend)) - 1) > 1e-11) AS loglinear_off,
       count(*) FILTER (WHERE abs(lin / (100 * v / trend) - 1) > 1e-11) AS linear_off,
       round(min(loglin)::numeric, 6) AS min_ratio, round(max(loglin)::numeric, 6) AS max_ratio
FROM r;

-- long frames (2 000 rows: beyond the k_j that are exact doubles, the mean
-- and the slope are combined) against the same regr_* fit, within 1e-11
SELECT det_setseed(99);
WITH s AS (
    SELECT i, i::float8 AS j, exp(0.001 * i + 0.02 * sin(i / 50.0) + 0.01 * det_random())::float8 AS v
    FROM generate_series(1, 2100) AS i
), r AS (
    SELECT i, v, trend_ratio(v) OVER w AS loglin, trend_ratio(v, 'linear') OVER w AS lin,
           regr_intercept(ln(v), j) OVER w + regr_slope(ln(v), j) OVER w * j AS log_trend,
           regr_intercept(v, j) OVER w + regr_slope(v, j) OVER w * j AS trend,
           count(*) OVER w AS n
    FROM s WINDOW w AS (ORDER BY i ROWS BETWEEN 1999 PRECEDING AND CURRENT ROW)
)
SELECT count(*) FILTER (WHERE n = 2000) AS full_frames,
       count(*) FILTER (WHERE abs(loglin / (100 * exp(ln(v) - log_trend)) - 1) > 1e-11) AS loglinear_off,
       count(*) FILTER (WHERE abs(lin / (100 * v / trend) - 1) > 1e-11) AS linear_off
FROM r WHERE i > 1500;

-- exact sums: a level of 1e9 with deviations of 1e-3 (linear) and a series
-- of logarithms near 21 (loglinear); the oracle is the same fit in exact
-- numeric arithmetic (on the exact values of the doubles, and of their
-- logarithms as PostgreSQL's ln rounds them); the worst error, within 2 units in
-- the last place of the result
CREATE TEMP TABLE tr_level AS
SELECT i, (1e9 + 0.001 * ((i * 7919) % 13) - 0.0005 * i)::float8 AS v FROM generate_series(1, 60) AS i;
WITH frame AS (
    SELECT t.i AS cur, f.i, exact_numeric(f.v) AS y, exact_numeric(ln(f.v)) AS ly, f.i - t.i + 11 AS x
    FROM tr_level t JOIN tr_level f ON f.i BETWEEN t.i - 11 AND t.i
    WHERE t.i >= 12
), fit AS (
    SELECT cur, avg(y) AS ym, avg(ly) AS lym, avg(x) AS xm FROM frame GROUP BY cur
), oracle AS (
    SELECT f.cur, max(f.y) FILTER (WHERE f.x = 11) AS y_last, max(f.ly) FILTER (WHERE f.x = 11) AS ly_last,
           fit.ym + (11 - fit.xm) * sum((f.x - fit.xm) * (f.y - fit.ym)) / sum((f.x - fit.xm) ^ 2) AS trend,
           fit.lym + (11 - fit.xm) * sum((f.x - fit.xm) * (f.ly - fit.lym)) / sum((f.x - fit.xm) ^ 2) AS log_trend
    FROM frame f JOIN fit USING (cur) GROUP BY f.cur, fit.ym, fit.lym, fit.xm
), r AS (
    SELECT i, trend_ratio(v, 'linear') OVER w AS lin, trend_ratio(v) OVER w AS loglin
    FROM tr_level WINDOW w AS (ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
)
SELECT count(*) AS frames,
       max(abs(exact_numeric(r.lin) - 100 * o.y_last / o.trend) / exact_ulp(r.lin)) <= 2 AS linear_within_2_ulp,
       max(abs(exact_numeric(r.loglin) - 100 * exp(o.ly_last - o.log_trend)) / exact_ulp(r.loglin)) <= 2 AS loglinear_within_2_ulp
FROM r JOIN oracle o ON o.cur = r.i;

-- NULLs: left out of the fit but keep their row numbers (a gap in time);
-- a NULL current value gives NULL; fewer than 3 values gives NULL
SELECT i, v, trend_ratio(v, 'linear') OVER w AS ratio
FROM (VALUES (1, 10::float8), (2, NULL), (3, 14), (4, 16), (5, NULL), (6, 19), (7, NULL), (8, NULL)) AS s(i, v)
WINDOW w AS (ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)
ORDER BY i;
-- by hand: 10, 14, 17 at rows 0, 2, 3 (row 1 NULL): mean 41/3 at x 5/3,
-- slope 16/7, so the line reads 41/3 + (16/7)(4/3) = 351/21 at row 3 and
-- the ratio is 100 x 17 / (351/21) = 35700/351
SELECT trend_ratio(v, 'linear') OVER w AS ratio, 35700 / 351.0 AS by_hand,
       abs(trend_ratio(v, 'linear') OVER w - 35700 / 351.0) <= 1e-13 AS gap_by_hand
FROM (VALUES (1, 10::float8), (2, NULL), (3, 14), (4, 17)) AS s(i, v)
WINDOW w AS (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY i DESC LIMIT 1;
-- one row, two rows, an empty input
SELECT trend_ratio(v) OVER (ORDER BY v) IS NULL AS one_row FROM (VALUES (5::float8)) AS s(v);
SELECT count(*) AS rows, count(r) AS ratios
FROM (SELECT trend_ratio(v) OVER (ORDER BY v) AS r FROM (VALUES (5::float8), (6)) AS s(v)) AS t;
SELECT count(*) AS no_rows FROM (SELECT trend_ratio(v) OVER () FROM (SELECT 1::float8 AS v WHERE false) AS s) AS t;
-- ties at zero (linear): a zero value reads 0, a trend of zero gives NULL
-- (5, 0, 1: the line reads 0 at the last row)
SELECT trend_ratio(v, 'linear') OVER w AS zero_value
FROM (VALUES (1, 1::float8), (2, 2), (3, 0)) AS s(i, v) WINDOW w AS (ORDER BY i) ORDER BY i DESC LIMIT 1;
SELECT trend_ratio(v, 'linear') OVER w IS NULL AS zero_trend_is_null
FROM (VALUES (1, 5::float8), (2, 0), (3, 1)) AS s(i, v) WINDOW w AS (ORDER BY i) ORDER BY i DESC LIMIT 1;
-- a flat series is on its trend
SELECT trend_ratio(v) OVER w AS flat_loglinear, trend_ratio(v, 'linear') OVER w AS flat_linear
FROM (VALUES (1, 7::float8), (2, 7), (3, 7)) AS s(i, v) WINDOW w AS (ORDER BY i) ORDER BY i DESC LIMIT 1;
-- the default frame (RANGE UNBOUNDED PRECEDING AND CURRENT ROW) ends at the
-- current row's last peer: the trend is read at the frame's last row
SELECT i, trend_ratio(v, 'linear') OVER (ORDER BY i) AS default_frame
FROM (VALUES (1, 1::float8), (2, 2), (3, 4), (3, 4)) AS s(i, v) ORDER BY i;
-- the method NULL gives NULL
SELECT trend_ratio(v, NULL) OVER (ORDER BY v) IS NULL AS null_method
FROM (VALUES (1::float8), (2), (3)) AS s(v) ORDER BY v DESC LIMIT 1;
-- a window function, parallel safe, and the result feeds regime_classify
SELECT prokind, proparallel, provolatile FROM pg_proc WHERE proname = 'trend_ratio';
SELECT i, regime_classify(r, r - lag(r) OVER (ORDER BY i)) AS regime
FROM (SELECT i, trend_ratio(v) OVER (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS r
      FROM (VALUES (1, 100::float8), (2, 101), (3, 103), (4, 104), (5, 103), (6, 101), (7, 100), (8, 101)) AS s(i, v)) AS t
ORDER BY i;

-- errors (22023): a non-positive value in 'loglinear', NaN and ±Infinity
-- anywhere in the frame, an unknown method
SELECT expect_error($$SELECT trend_ratio(v) OVER (ORDER BY i) FROM (VALUES (1, 1::float8), (2, 0), (3, 2)) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v) OVER (ORDER BY i) FROM (VALUES (1, 1::float8), (2, -3), (3, 2)) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v, 'linear') OVER (ORDER BY i) FROM (VALUES (1, 1::float8), (2, 'NaN'), (3, 2)) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v) OVER (ORDER BY i) FROM (VALUES (1, 1::float8), (2, 'Infinity')) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v, 'linear') OVER (ORDER BY i) FROM (VALUES (1, '-Infinity'::float8)) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v, 'log') OVER (ORDER BY i) FROM (VALUES (1, 1::float8)) AS s(i, v)$$);
SELECT expect_error($$SELECT trend_ratio(v, 'Linear') OVER (ORDER BY i) FROM (VALUES (1, 1::float8)) AS s(i, v)$$);
-- exact sums: 5, 1e-310, 1 read a trend of 1e-310/3 exactly (the 5 and
-- the 1 cancel inside the exact sum), so the ratio is beyond double
-- precision (22003); 5, 0, 1 read a trend of exactly 0 (NULL above)
SELECT expect_error($$SELECT trend_ratio(v, 'linear') OVER (ORDER BY i) FROM (VALUES (1, 5::float8), (2, 1e-310), (3, 1)) AS s(i, v)$$);
SELECT trend_ratio(v, 'linear') OVER w AS tiny_trend, 3e302::float8 AS by_hand,
       abs(trend_ratio(v, 'linear') OVER w / 3e302 - 1) <= 1e-15 AS tiny_trend_ok
FROM (VALUES (1, 5::float8), (2, 1e-300), (3, 1)) AS s(i, v) WINDOW w AS (ORDER BY i) ORDER BY i DESC LIMIT 1;
-- only as a window function
SELECT expect_error($$SELECT trend_ratio(1)$$);

--------------------------------------------------------------------------
-- growth_inflation(): the growth x inflation quadrant
--------------------------------------------------------------------------
SELECT g, i, growth_inflation(g, i)
FROM (VALUES (1::float8), (0), (-1)) AS a(g), (VALUES (-0.5::float8), (0), (0.5)) AS b(i)
ORDER BY g DESC, i;
-- ties at zero, -0, the smallest and largest changes, NULLs
SELECT growth_inflation(-0.0, 1) IS NULL AS negative_zero_growth, growth_inflation(1, -0.0) IS NULL AS negative_zero_inflation,
       growth_inflation(5e-324, -5e-324) AS tiniest, growth_inflation(-1e308, 1e308) AS largest,
       growth_inflation(NULL, 1) IS NULL AS null_growth, growth_inflation(1, NULL) IS NULL AS null_inflation;
SELECT enum_range(NULL::growth_inflation);
SELECT expect_error($$SELECT growth_inflation('NaN', 1)$$);
SELECT expect_error($$SELECT growth_inflation(1, 'Infinity')$$);
SELECT expect_error($$SELECT growth_inflation('-Infinity', 1)$$);

--------------------------------------------------------------------------
-- curve_regime(): bull/bear steepener/flattener
--------------------------------------------------------------------------
-- bull: the average change < 0; steepener: long - short widens
SELECT s, l, curve_regime(s, l)
FROM (VALUES (-0.50::float8, -0.10::float8), (0.10, 0.50), (-0.10, -0.50), (0.50, 0.10),
             (-0.25, 0), (0, 0.25), (0, -0.25), (0.25, 0),
             (-0.25, 0.10), (0.10, -0.25)) AS v(s, l);
-- level unchanged (a pure twist) or spread unchanged (a parallel shift): NULL
SELECT curve_regime(-0.2, 0.2) IS NULL AS twist, curve_regime(0.3, 0.3) IS NULL AS parallel_up,
       curve_regime(-0.3, -0.3) IS NULL AS parallel_down, curve_regime(0, 0) IS NULL AS nothing_moved,
       curve_regime(-0.0, 0) IS NULL AS negative_zero;
-- exact signs: no rounding or overflow of the sum decides them
SELECT curve_regime(1e308, -1e308 + 1e292) AS bear_beyond_sum, curve_regime(1e308, 1e308 * 0.999) AS bear_flattener_large,
       curve_regime(0.1, -0.1 - 5e-324) AS tiny_bull, curve_regime(5e-324, 0) AS tiniest;
SELECT curve_regime(NULL, 1) IS NULL AS null_short, curve_regime(1, NULL) IS NULL AS null_long;
SELECT enum_range(NULL::curve_regime);
SELECT expect_error($$SELECT curve_regime('NaN', 1)$$);
SELECT expect_error($$SELECT curve_regime(1, '-Infinity')$$);
SELECT expect_error($$SELECT curve_regime('Infinity', 1)$$);

--------------------------------------------------------------------------
-- diffusion(): (rising - falling) / non-NULL changes
--------------------------------------------------------------------------
-- "all eight economies improved", then a mixed month
SELECT diffusion(c) AS all_improved FROM unnest('{0.1,0.2,0.05,0.3,0.01,0.2,0.1,0.4}'::float8[]) AS c;
SELECT diffusion(c) AS mixed, (3 - 2) / 6.0 AS by_hand FROM unnest('{0.1,-0.2,0,0.3,-0.01,0.2}'::float8[]) AS c;
-- NULLs are left out; zeros count as neither; no rows or only NULLs: NULL
SELECT diffusion(c) AS with_nulls FROM unnest('{1,NULL,-1,NULL,2}'::float8[]) AS c;
SELECT diffusion(c) AS all_flat FROM unnest('{0,-0,0}'::float8[]) AS c;
SELECT diffusion(c) IS NULL AS no_rows FROM unnest('{}'::float8[]) AS c;
SELECT diffusion(c) IS NULL AS only_nulls FROM unnest('{NULL,NULL}'::float8[]) AS c;
SELECT diffusion(c) AS one_row_up, diffusion(-c) AS one_row_down FROM (VALUES (5e-324::float8)) AS v(c);
-- grouped, against counting by hand
SELECT g, diffusion(c) AS diffusion,
       ((count(*) FILTER (WHERE c > 0) - count(*) FILTER (WHERE c < 0))::float8 / nullif(count(c), 0)) AS by_count
FROM (VALUES (1, 1::float8), (1, 2), (1, -1), (2, -1), (2, -2), (2, 0), (3, NULL)) AS v(g, c)
GROUP BY g ORDER BY g;
-- moving aggregate: every frame equals a recomputation over that frame's
-- rows (10 000 rows, frames of 12 with NULLs and zeros, sliding by one row)
SELECT det_setseed(7);
CREATE TEMP TABLE dif AS
SELECT i, CASE WHEN r < 0.1 THEN NULL WHEN r < 0.2 THEN 0 ELSE r - 0.6 END AS c
FROM (SELECT i, det_random() AS r FROM generate_series(1, 10000) AS i) AS s;
-- the plan's shape (PostgreSQL 18 adds a "Window:" line, left out here)
SELECT line AS "QUERY PLAN" FROM plan_shape($$
SELECT diffusion(c) OVER (ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) FROM dif$$) AS line;
SELECT count(*) AS frames,
       count(*) FILTER (WHERE NOT same_bits(m.d, o.d) OR (m.d IS NULL) <> (o.d IS NULL)) AS differ,
       count(*) FILTER (WHERE m.d IS NULL) AS null_frames, min(m.d) AS min_d, max(m.d) AS max_d
FROM (SELECT i, diffusion(c) OVER (ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS d FROM dif) AS m
JOIN LATERAL (SELECT diffusion(f.c) AS d FROM dif AS f WHERE f.i BETWEEN m.i - 11 AND m.i) AS o ON true;
-- frames whose head moves past NULL-only stretches back to empty
SELECT i, c, diffusion(c) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS d
FROM (VALUES (1, 1::float8), (2, NULL), (3, NULL), (4, -1), (5, 0)) AS v(i, c) ORDER BY i;
-- the state: transition, inverse, combine and final called directly
SELECT _diffusion_accum('{0,0,0}', 0.5) AS up, _diffusion_accum('{1,0,1}', -0.5) AS down,
       _diffusion_accum('{1,1,2}', 0) AS flat, _diffusion_retract('{1,1,3}', -2) AS retract_down,
       _diffusion_retract('{1,1,3}', 0) AS retract_flat, _diffusion_combine('{1,2,4}', '{3,0,5}') AS combined,
       _diffusion_final('{3,1,8}') AS final, _diffusion_final('{0,0,0}') IS NULL AS final_empty;
-- the aggregate is parallel safe with a combine function and moving support
SELECT a.aggcombinefn, a.aggmtransfn, a.aggminvtransfn, p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname = 'diffusion';
-- errors: NaN and ±Infinity (22023), malformed states (22023) and a count
-- beyond bigint (22003)
SELECT expect_error($$SELECT diffusion(c) FROM unnest('{1,NaN}'::float8[]) AS c$$);
SELECT expect_error($$SELECT diffusion(c) OVER (ORDER BY i ROWS 1 PRECEDING) FROM unnest('{1,2,NaN}'::float8[]) WITH ORDINALITY AS u(c, i)$$);
SELECT expect_error($$SELECT diffusion(c) FROM unnest('{1,Infinity}'::float8[]) AS c$$);
SELECT expect_error($$SELECT diffusion(c) OVER (ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM unnest('{1,-Infinity,2}'::float8[]) AS c$$);
SELECT expect_error($$SELECT _diffusion_accum('{0,0}', 1)$$);
SELECT expect_error($$SELECT _diffusion_accum('{{0,0,0}}', 1)$$);
SELECT expect_error($$SELECT _diffusion_accum('{0,NULL,0}', 1)$$);
SELECT expect_error($$SELECT _diffusion_accum('{-1,0,0}', 1)$$);
SELECT expect_error($$SELECT _diffusion_accum('{2,2,3}', 1)$$);
SELECT expect_error($$SELECT _diffusion_final('{1,0,0}')$$);
SELECT expect_error($$SELECT _diffusion_combine('{0,0,0}', '{0,5,4}')$$);
SELECT expect_error($$SELECT _diffusion_retract('{0,0,0}', 0)$$);
SELECT expect_error($$SELECT _diffusion_retract('{0,1,1}', 1)$$);
SELECT expect_error($$SELECT _diffusion_accum('{0,0,9223372036854775807}', 1)$$);
SELECT expect_error($$SELECT _diffusion_combine('{0,0,9223372036854775807}', '{0,0,1}')$$);
