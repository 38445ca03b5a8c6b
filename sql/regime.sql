-- regime_classify(): macro regime of a leading-indicator reading
-- the four quadrants
SELECT regime_classify(99.0, 0.3) AS recovery,
       regime_classify(101.0, 0.3) AS expansion,
       regime_classify(101.0, -0.3) AS slowdown,
       regime_classify(99.0, -0.3) AS contraction;
-- level exactly at trend counts as at/above trend
SELECT regime_classify(100, 0.1) AS at_trend_up, regime_classify(100, -0.1) AS at_trend_down;
-- a flat reading has no direction
SELECT regime_classify(101, 0) IS NULL AS flat_is_null, regime_classify(99, -0.0) IS NULL AS neg_zero_is_null;
-- another trend
SELECT regime_classify(0.4, 0.1, 0) AS above_zero_trend, regime_classify(-0.4, 0.1, 0) AS below_zero_trend;
-- strict: NULL in, NULL out
SELECT regime_classify(NULL, 1) IS NULL AS null_level, regime_classify(100, NULL) IS NULL AS null_change,
       regime_classify(100, 1, NULL) IS NULL AS null_trend;
-- extreme magnitudes
SELECT regime_classify(1e300, 1e-300), regime_classify(-1e300, -5e-324), regime_classify(100, 5e-324);
-- the enum is in cycle order
SELECT enum_range(NULL::macro_regime);
SELECT 'recovery'::macro_regime < 'contraction'::macro_regime AS cycle_order;

-- the regional table of the January 2026 regime note: leading indicators
-- below trend with improving expectations are in recovery, above trend and
-- improving in expansion
CREATE TEMP TABLE lei (region text, level float8, change float8);
INSERT INTO lei VALUES
  ('Global', 99.6, 0.12), ('US', 99.4, 0.08), ('EM', 99.7, 0.15), ('China', 99.2, 0.20),
  ('Developed ex-US', 100.4, 0.10), ('Europe', 100.3, 0.09), ('UK', 100.2, 0.05), ('Japan', 100.6, 0.11);
SELECT region, regime_classify(level, change) AS regime FROM lei ORDER BY regime, region;

-- usable in a generated column and in an index expression (IMMUTABLE)
CREATE TEMP TABLE lei_hist (region text, as_of date, level float8, change float8,
    regime macro_regime GENERATED ALWAYS AS (regime_classify(level, change)) STORED);
INSERT INTO lei_hist (region, as_of, level, change) SELECT region, date '2025-12-01', level, change FROM lei;
CREATE INDEX lei_hist_regime ON lei_hist (regime_classify(level, change, 100));
SELECT regime, count(*) FROM lei_hist GROUP BY regime ORDER BY regime;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT region FROM lei_hist WHERE regime_classify(level, change, 100) = 'expansion';
SELECT region FROM lei_hist WHERE regime_classify(level, change, 100) = 'expansion' ORDER BY region;
RESET enable_seqscan;

-- errors
SELECT expect_error($$SELECT regime_classify('NaN', 1)$$);
SELECT expect_error($$SELECT regime_classify(100, 'Infinity')$$);
SELECT expect_error($$SELECT regime_classify(100, 1, '-Infinity')$$);

-- the labels of macro_regime changed by ALTER TYPE: a clear error naming the
-- function and the label, never an internal error (each in a transaction
-- rolled back)
BEGIN;
ALTER TYPE macro_regime RENAME VALUE 'expansion' TO 'boom';
SELECT expect_error($$SELECT regime_classify(101, 1)$$);
SELECT regime_classify(99, 1) AS other_labels_still_work, regime_classify(99, -1) AS contraction;
SELECT expect_error($$SELECT regime_track(101, 1 ORDER BY 1)$$);
SELECT expect_error($$SELECT regime_shifts(r ORDER BY i) FROM (VALUES (1, 'recovery'::macro_regime), (2, 'boom')) AS v(i, r)$$);
ROLLBACK;
BEGIN;
ALTER TYPE macro_regime RENAME VALUE 'contraction' TO 'recession';
SELECT expect_error($$SELECT oecd_phase(99, -1) IS NOT NULL, regime_classify(99, -1)$$);
ROLLBACK;
-- a value added to the type: it cannot be used before the ALTER TYPE
-- commits, so this runs in a database of its own, dropped afterwards
CREATE DATABASE tactalloc_enum_added;
\c tactalloc_enum_added
SET client_min_messages = warning;
CREATE EXTENSION tactalloc;
ALTER TYPE macro_regime ADD VALUE 'stagflation' AFTER 'contraction';
CREATE FUNCTION expect_error(sql text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT regime_classify(101, 1) AS known_labels_still_work,
       regime_shifts(r ORDER BY i) AS shifts_of_known_labels,
       regime_track(100.5, 1 ORDER BY i) AS track_still_works
FROM (VALUES (1, 'recovery'::macro_regime), (2, 'expansion')) AS v(i, r);
SELECT expect_error($$SELECT regime_shifts(r ORDER BY i) FROM (VALUES (1, 'recovery'::macro_regime), (2, 'stagflation')) AS v(i, r)$$);
SELECT expect_error($$SELECT _regime_shifts_accum('{-1,-1,0}', 'stagflation')$$);
\c contrib_regression
DROP DATABASE tactalloc_enum_added;
SELECT regime_classify(101, 1) AS unchanged_here;

-- liquidity_stance
RESET ALL;
-- liquidity_stance(): central-bank liquidity from balance sheet and policy rates
SET extra_float_digits = 3;

-- every sign combination: balance sheet change (rows) against rate change
SELECT bs, rate, liquidity_stance(bs, rate)
FROM (VALUES (1::float8), (0), (-1)) AS b(bs), (VALUES (-0.25::float8), (0), (0.25)) AS r(rate)
ORDER BY bs DESC, rate;
-- the Fed: quantitative tightening while hiking (2022), run-off while cutting
-- (most of 2025: mixed), run-off ended on 1 December 2025 with a cut (easing)
SELECT period, liquidity_stance(bs_change_tn, rate_change_pp)
FROM (VALUES ('2022: QT and hikes', -0.40::float8, 4.25::float8),
             ('2025 Jan-Nov: run-off, cuts from September', -0.30, -0.50),
             ('Dec 2025: run-off ended, cut', 0.0, -0.25),
             ('2020: QE and cuts', 3.0, -1.5),
             ('QE while hiking', 0.5, 0.25),
             ('nothing moved', 0.0, 0.0)) AS v(period, bs_change_tn, rate_change_pp);
-- only the signs count: -0 is flat, tiny and huge moves count as moves
SELECT liquidity_stance(-0.0, -0.0) AS negative_zeros, liquidity_stance(5e-324, 0) AS tiniest_growth,
       liquidity_stance(-1e300, 1e-300) AS extremes, liquidity_stance(0, -5e-324) AS tiniest_cut;
-- strict: NULL in, NULL out
SELECT liquidity_stance(NULL, 0.25) IS NULL AS null_balance_sheet, liquidity_stance(1, NULL) IS NULL AS null_rate;
-- over a weekly series: change against the previous week
SELECT as_of, total_assets, rate, liquidity_stance(total_assets - lag(total_assets) OVER w, rate - lag(rate) OVER w) AS stance
FROM (VALUES ('2025-11-19'::date, 6.57::float8, 4.00::float8), ('2025-11-26', 6.56, 4.00), ('2025-12-03', 6.55, 4.00),
             ('2025-12-10', 6.55, 4.00), ('2025-12-17', 6.56, 3.75)) AS v(as_of, total_assets, rate)
WINDOW w AS (ORDER BY as_of)
ORDER BY as_of;
-- the enum
SELECT enum_range(NULL::liquidity_stance);
-- errors
SELECT expect_error($$SELECT liquidity_stance('NaN', 0)$$);
SELECT expect_error($$SELECT liquidity_stance(0, 'Infinity')$$);
SELECT expect_error($$SELECT liquidity_stance('-Infinity', 1)$$);

-- liquidity_stance() with tolerances: a change within its tolerance is flat
SELECT liquidity_stance(-0.004, -0.25, 0.005) AS noise_while_cutting,
       liquidity_stance(-0.004, -0.25) AS without_tolerance,
       liquidity_stance(-0.02, -0.25, 0.005) AS run_off_while_cutting,
       liquidity_stance(0.003, 0.01, 0.005, 0.05) AS both_within,
       liquidity_stance(0.005, 0, 0.005) AS at_tolerance_is_flat,
       liquidity_stance(-0.0050001, 0, 0.005) AS beyond_tolerance,
       liquidity_stance(0.1, 0.25, 0, 0.25) AS rate_at_tolerance;
-- tolerance 0 is the two-argument function, on every sign combination
SELECT count(*) AS combinations,
       count(*) FILTER (WHERE liquidity_stance(bs, rate, 0) = liquidity_stance(bs, rate)
                          AND liquidity_stance(bs, rate, 0, 0) = liquidity_stance(bs, rate)) AS same
FROM (VALUES (1::float8), (0), (-0.0), (-1), (5e-324)) AS b(bs),
     (VALUES (-0.25::float8), (0), (0.25), (-5e-324)) AS r(rate);
-- a weekly balance sheet with noise around a flat path: without a tolerance
-- the stance flips every week, with 0.01 tn it stays neutral
SELECT string_agg(liquidity_stance(d, 0)::text, ' ' ORDER BY w) AS no_tolerance,
       string_agg(liquidity_stance(d, 0, 0.01)::text, ' ' ORDER BY w) AS tolerance_10bn
FROM (VALUES (1, 0.004::float8), (2, -0.003), (3, 0.002), (4, -0.006)) AS v(w, d);
-- named arguments, strict
SELECT liquidity_stance(0.004, 0.1, rate_tolerance => 0.25, balance_sheet_tolerance => 0.005) AS named,
       liquidity_stance(1, 1, NULL) IS NULL AS null_tolerance;
-- a two-argument call resolves to the 1.0 function (not ambiguous with the
-- new one), so views written under 1.0 keep depending on it
CREATE TEMP VIEW stance_1_0 AS SELECT liquidity_stance(0.5, 0.25) AS stance;
SELECT d.refobjid::regprocedure AS calls, (SELECT stance FROM stance_1_0) AS stance
FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
WHERE r.ev_class = 'stance_1_0'::regclass AND d.refclassid = 'pg_proc'::regclass;
DROP VIEW stance_1_0;
-- errors: negative tolerances, NaN and ±Infinity in any argument
SELECT expect_error($$SELECT liquidity_stance(0, 0, -0.01)$$);
SELECT expect_error($$SELECT liquidity_stance(0, 0, 0, -1e-300)$$);
SELECT expect_error($$SELECT liquidity_stance(0, 0, 'NaN')$$);
SELECT expect_error($$SELECT liquidity_stance(0, 0, 0, 'Infinity')$$);
SELECT expect_error($$SELECT liquidity_stance('-Infinity', 0, 0)$$);
SELECT expect_error($$SELECT liquidity_stance(0, 'NaN', 1, 1)$$);
