-- Risk statistics (volatility, tracking_error, beta, correlation,
-- annualized_return) and rolling windows: every exact-sum aggregate as a
-- moving aggregate equals a recomputation of each window frame, bit for bit
SET extra_float_digits = 3;

-- volatility: the sample standard deviation, times sqrt(periods_per_year)
SELECT volatility(r) AS vol, stddev_samp(r) AS pg_stddev,
       volatility(r, 12) AS annualised, volatility(r) * sqrt(12) AS by_hand
FROM (VALUES (0.01::float8), (-0.02), (0.03), (0.015)) AS v(r);
-- fewer than 2 rows: NULL; constant returns: 0; NULL rows are skipped
SELECT volatility(r) IS NULL AS one_row FROM (VALUES (0.01::float8)) AS v(r);
SELECT volatility(r) IS NULL AS no_rows FROM (SELECT 1::float8 WHERE false) AS v(r);
SELECT volatility(r) AS constant FROM (VALUES (0.1::float8), (0.1), (0.1)) AS v(r);
SELECT volatility(r) AS nulls_skipped FROM (VALUES (1::float8), (NULL), (3)) AS v(r);
-- exact: a large mean does not swamp a small spread (the float formula does)
SELECT volatility(r) AS exact, sqrt((sum(r * r) - sum(r) ^ 2 / count(*)) / (count(*) - 1)) AS naive
FROM (VALUES (1e9 + 1::float8), (1e9 + 2), (1e9 + 3)) AS v(r);
-- extreme magnitudes: the squares leave the double range, the result does not
SELECT volatility(r) AS huge FROM (VALUES (1e300::float8), (-1e300)) AS v(r);
SELECT volatility(r) AS tiny FROM (VALUES (1e-300::float8), (-1e-300)) AS v(r);

-- tracking_error: the volatility of r - benchmark_r (split exactly)
SELECT tracking_error(r, b) AS te, stddev_samp(r - b) AS pg_stddev, tracking_error(r, b, 12) AS annualised
FROM (VALUES (0.01::float8, 0.005::float8), (-0.02, -0.01), (0.03, 0.025), (0.015, NULL)) AS v(r, b);
-- r - b is exact even where the float difference rounds
SELECT tracking_error(r, b) AS exact FROM (VALUES (1::float8, 1e-17::float8), (1, -1e-17)) AS v(r, b);

-- beta and correlation over the rows where both sides are not NULL
SELECT beta(r, m) AS beta, regr_slope(r, m) AS pg_slope, correlation(r, m) AS corr, corr(r, m) AS pg_corr
FROM (VALUES (0.02::float8, 0.01::float8), (-0.01, -0.015), (0.03, 0.02), (0.005, 0.0), (NULL, 0.5), (0.7, NULL)) AS v(r, m);
SELECT beta(2 * m + 0.001, m) AS twice_the_market, correlation(-3 * m, m) AS perfectly_opposite
FROM (VALUES (0.01::float8), (-0.02), (0.03)) AS v(m);
-- a market that does not vary, or fewer than 2 rows: NULL
SELECT beta(r, m) IS NULL AS flat_market, correlation(r, m) IS NULL AS flat_side
FROM (VALUES (0.01::float8, 0.02::float8), (0.03, 0.02)) AS v(r, m);
SELECT beta(r, m) IS NULL AS one_row, correlation(r, m) IS NULL AS one_row_corr
FROM (VALUES (0.01::float8, 0.02::float8)) AS v(r, m);
-- variances that cancel to a tiny fraction of the squares: exact
SELECT correlation(x, y) AS corr_offset, corr(x, y) AS pg_corr
FROM (VALUES (1e8 + 1::float8, 1e8 + 2::float8), (1e8 + 2, 1e8 + 1), (1e8 + 3, 1e8 + 3)) AS v(x, y);

-- annualized_return: (prod(1 + r))^(periods_per_year / n) - 1
SELECT annualized_return(r, 12) AS annualised, (1.01 * 1.02 * 0.99) ^ (12.0 / 3) - 1 AS by_hand
FROM (VALUES (0.01::float8), (0.02), (-0.01)) AS v(r);
SELECT annualized_return(r, 12) AS twelve_months_is_compound, compound_return(r) AS compound
FROM (SELECT 0.01::float8 * k FROM generate_series(1, 12) AS k) AS v(r);
SELECT annualized_return(r, 1) AS wiped_out FROM (VALUES (0.5::float8), (-1)) AS v(r);
SELECT annualized_return(r, 252) IS NULL AS no_rows FROM (SELECT 1::float8 WHERE false) AS v(r);

-- errors: NaN and infinities, periods_per_year not positive or not the
-- same for every row, a return below -1
SELECT expect_error($$SELECT volatility(r) FROM (VALUES (1::float8), ('NaN')) AS v(r)$$);
SELECT expect_error($$SELECT volatility(r, p) FROM (VALUES (1::float8, 'Infinity'::float8)) AS v(r, p)$$);
SELECT expect_error($$SELECT volatility(r, 0) FROM (VALUES (1::float8)) AS v(r)$$);
SELECT expect_error($$SELECT volatility(r, -12) FROM (VALUES (1::float8)) AS v(r)$$);
SELECT expect_error($$SELECT volatility(r, NULL) FROM (VALUES (1::float8)) AS v(r)$$);
SELECT expect_error($$SELECT volatility(r, p) FROM (VALUES (1::float8, 12::float8), (2, 12), (3, 252)) AS v(r, p)$$);
-- two periods that average to a third are not one
SELECT expect_error($$SELECT annualized_return(r, p) FROM (VALUES (0.1::float8, 12::float8), (0.2, 252), (0.3, 132), (0.1, 132)) AS v(r, p)$$);
SELECT expect_error($$SELECT tracking_error(r, b) FROM (VALUES (1::float8, '-Infinity'::float8)) AS v(r, b)$$);
SELECT expect_error($$SELECT tracking_error(r, b) FROM (VALUES (1e308::float8, -1e308::float8)) AS v(r, b)$$);
SELECT expect_error($$SELECT beta(r, m) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(r, m)$$);
SELECT expect_error($$SELECT correlation(x, y) FROM (VALUES (1::float8, 'NaN'::float8)) AS v(x, y)$$);
SELECT expect_error($$SELECT annualized_return(r, 12) FROM (VALUES (-1.5::float8)) AS v(r)$$);
SELECT expect_error($$SELECT annualized_return(r, 12) FROM (VALUES (1::float8), (1e300)) AS v(r)$$);
-- over a window, the error names the window's aggregate (its name is looked
-- up only for the error, never for every row)
SELECT expect_error($$SELECT volatility(r) OVER (ORDER BY t ROWS 2 PRECEDING) FROM (VALUES (1, 1::float8), (2, 'NaN')) AS v(t, r)$$);
SELECT expect_error($$SELECT tracking_error(r, b, 12) OVER (ORDER BY t) FROM (VALUES (1, 1::float8, 1::float8), (2, 1, '-Infinity')) AS v(t, r, b)$$);
SELECT expect_error($$SELECT annualized_return(r, p) OVER (ORDER BY t) FROM (VALUES (1, 0.1::float8, 12::float8), (2, 0.1, 'Infinity')) AS v(t, r, p)$$);
-- states: a text form that round-trips, invariants of forged states
SELECT _volatility_accum(_volatility_accum(NULL, 1), 2) AS vol_state,
       _beta_accum(NULL, 1, 2) AS beta_state, _correlation_accum(NULL, 1, 2) AS corr_state;
SELECT _volatility_final('1;vol;plain;2;1.0.1.00000003;1.0.1.00000005;0;0'::exactsum) AS from_text;
SELECT expect_error($$SELECT '1;vol;plain;2;1.0.1.00000003;1.0.1.00000004;0;0'::exactsum$$) AS below_cauchy_schwarz;
SELECT expect_error($$SELECT '1;vol;plain;2;1.0.1.00000003;1.0.1.-00000005;0;0'::exactsum$$) AS negative_squares;
SELECT expect_error($$SELECT '1;vol;plain;2;1.0.1.00000003;1.0.1.00000005;1.0.1.00000001;1.0.1.00000001'::exactsum$$) AS periods_without_mode;
SELECT expect_error($$SELECT '1;vol;annual;2;1.0.1.00000003;1.0.1.00000005;0;0'::exactsum$$) AS annual_without_periods;
SELECT expect_error($$SELECT '1;corr;plain;2;1.0.1.00000003;1.0.1.00000003;1.0.1.00000005;1.0.1.00000005;1.0.1.00000007'::exactsum$$) AS correlation_above_one;
SELECT expect_error($$SELECT '1;annret;annual;1;0;1.-1.1.80000000;1.0.1.0000000c;1.0.1.00000090'::exactsum$$) AS half_a_wipe_out;
SELECT expect_error($$SELECT _exactsum_combine(_volatility_accum(NULL, 1), _volatility_accum_annual(NULL, 1, 12))$$) AS mixed_modes;

-- inverse transition functions: a row leaves exactly, and the state is as
-- compact as if the row had never been added (same text, same size)
SELECT _volatility_inv(_volatility_accum(_volatility_accum(NULL, 0.1), 1e300), 1e300)::text
         = _volatility_accum(NULL, 0.1)::text AS same_text,
       pg_column_size(_volatility_inv(_volatility_accum(_volatility_accum(NULL, 0.1), 1e300), 1e300))
         = pg_column_size(_volatility_accum(NULL, 0.1)) AS same_size,
       pg_column_size(_volatility_accum(_volatility_accum(NULL, 0.1), 1e300))
         > pg_column_size(_volatility_accum(NULL, 0.1)) AS grew_first;
SELECT pg_column_size(_hhi_inv(_hhi_inv(_hhi_accum(_hhi_accum(NULL, 1e-300), 1e300), 1e300), 1e-300))
         = pg_column_size(_hhi_accum(NULL, 1)) AS back_to_empty,
       _hhi_inv(_hhi_accum(NULL, 1e300), 1e300)::text AS empty_state;
SELECT _compound_return_final(_compound_return_inv(_compound_return_accum(_compound_return_accum(NULL, 0.1), -1), -1)) AS wipe_out_left;
-- removing a row that was not added, or from an empty state, is an error
SELECT expect_error($$SELECT _hhi_inv(_hhi_accum(NULL, 1), 2)$$);
SELECT expect_error($$SELECT _hhi_inv(_hhi_inv(_hhi_accum(NULL, 1), 1), 1)$$);
SELECT expect_error($$SELECT _volatility_inv(NULL, 1)$$);
SELECT expect_error($$SELECT _compound_return_inv(_compound_return_accum(NULL, 0.1), -1)$$);
SELECT expect_error($$SELECT _index_multiple_inv(_index_multiple_accum_weighted(NULL, 1, 2, 3), 1, 2)$$);

-- Rolling windows against a recomputation of every frame.  Three series
-- of 60 rows with NULLs, ties (t and grp: groups of three), a few huge
-- values that grow the accumulators before they leave the frame again,
-- and a wiped-out period.
SELECT det_setseed(12);
CREATE TEMP TABLE rt AS
SELECT g, k, ((k + 2) / 3)::float8 AS t, (k + 2) / 3 AS grp,
       CASE WHEN k % 11 = 0 THEN NULL WHEN k % 17 = 0 THEN 1e200 ELSE det_random() - 0.5 END AS x,
       CASE WHEN k % 13 = 0 THEN NULL WHEN k % 19 = 0 THEN -3e150 ELSE det_random() - 0.4 END AS y,
       CASE WHEN k % 19 = 0 THEN NULL WHEN k % 23 = 0 THEN 1e150 ELSE det_random() + 0.01 END AS w,
       CASE WHEN k % 23 = 0 THEN NULL WHEN g = 2 AND k = 30 THEN -1 ELSE (det_random() - 0.5) / 5 END AS r,
       det_random() * 1000 + 1 AS cap, det_random() * 100 - 20 AS f,
       det_random() * 10 AS d, det_random() * 500 AS s
FROM generate_series(1, 3) AS g, generate_series(1, 60) AS k;

-- rows, frames with a value, frames where the window equals the recomputation
CREATE FUNCTION frame_check(agg text, frame text, pred text) RETURNS TABLE (rows bigint, valued bigint, equal bigint)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT count(*), count(win), count(*) FILTER (WHERE win IS NOT DISTINCT FROM lat)
		 FROM (SELECT o.*, %1$s OVER (PARTITION BY g %2$s) AS win FROM rt AS o) AS o,
		 LATERAL (SELECT %1$s AS lat FROM rt WHERE rt.g = o.g AND %3$s) AS l', agg, frame, pred);
END
$$;
CREATE TEMP TABLE frames (fno int, frame text, pred text);
INSERT INTO frames VALUES
 (1, 'ORDER BY k ROWS BETWEEN 3 PRECEDING AND CURRENT ROW', 'k BETWEEN o.k - 3 AND o.k'),
 (2, 'ORDER BY k ROWS BETWEEN 1 FOLLOWING AND 5 FOLLOWING', 'k BETWEEN o.k + 1 AND o.k + 5'),
 (3, 'ORDER BY k ROWS BETWEEN 10 PRECEDING AND 8 PRECEDING', 'k BETWEEN o.k - 10 AND o.k - 8'),
 (4, 'ORDER BY k ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING', 'k >= o.k'),
 (5, 'ORDER BY t RANGE BETWEEN 2.5 PRECEDING AND 1 FOLLOWING', 't BETWEEN o.t - 2.5 AND o.t + 1'),
 (6, 'ORDER BY grp GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW', 'grp BETWEEN o.grp - 2 AND o.grp AND k <> o.k'),
 (7, 'ORDER BY grp GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE GROUP', 'grp BETWEEN o.grp - 1 AND o.grp + 1 AND grp <> o.grp'),
 (8, 'ORDER BY grp GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES', 'grp BETWEEN o.grp - 1 AND o.grp + 1 AND (grp <> o.grp OR k = o.k)');
CREATE TEMP TABLE aggs (ano int, agg text);
INSERT INTO aggs VALUES
 (1, 'hhi(w)'), (2, 'hhi(x, ''gross'')'), (3, 'effective_n(w)'), (4, 'effective_n(y, ''gross'')'),
 (5, 'dts(w, d, s)'), (6, 'weighted_mean(x, w)'), (7, 'index_multiple(cap, f)'),
 (8, 'index_multiple(cap, f, w)'), (9, 'compound_return(r)'),
 (10, 'volatility(x)'), (11, 'volatility(r, 12)'), (12, 'tracking_error(x, y)'),
 (13, 'tracking_error(r, y, 252)'), (14, 'beta(x, y)'), (15, 'correlation(x, y)'),
 (16, 'annualized_return(r, 12)');
-- every aggregate with moving support (and nothing else of the extension)
SELECT p.oid::regprocedure AS moving
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE a.aggminvtransfn <> 0 AND p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'tactalloc')
ORDER BY p.oid::regprocedure::text;
CREATE TEMP TABLE checked AS
SELECT ano, agg, fno, c.* FROM aggs, frames, LATERAL frame_check(agg, frame, pred) AS c;
SELECT count(*) AS checks, count(*) FILTER (WHERE equal = rows) AS all_frames_equal,
       sum(rows) AS frames, sum(valued) AS frames_with_a_value
FROM checked;
-- the failures, if any
SELECT * FROM checked WHERE equal <> rows ORDER BY ano, fno;
-- frames become empty (NULL) and come back; per frame kind and aggregate
SELECT fno, sum(rows) AS rows, sum(valued) AS valued, min(valued) AS fewest_valued
FROM checked GROUP BY fno ORDER BY fno;

-- the moving path is the one taken: a sliding frame over many rows
SELECT count(*) FILTER (WHERE win IS NOT DISTINCT FROM lat) AS equal, count(*) AS rows
FROM (SELECT k, volatility(x) OVER (ORDER BY k ROWS BETWEEN 99 PRECEDING AND CURRENT ROW) AS win
      FROM (SELECT k, sin(k) AS x FROM generate_series(1, 2000) AS k) AS v) AS o,
     LATERAL (SELECT volatility(sin(j)) AS lat FROM generate_series(o.k - 99, o.k) AS j WHERE j >= 1) AS l;
