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
SELECT expect_error($$SELECT regime_shifts_accum('{-1,-1,0}', 'stagflation')$$);
\c contrib_regression
DROP DATABASE tactalloc_enum_added;
SELECT regime_classify(101, 1) AS unchanged_here;
