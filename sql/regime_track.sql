-- regime_track(), regime_shifts() and oecd_phase(): macro regimes over time
SET extra_float_digits = 3;

-- The LEI readings of the issue; change = month-on-month difference, so the
-- first month has no change (NULL) and month 6 is flat
CREATE TEMP TABLE lei10 (region text, as_of date, level float8);
INSERT INTO lei10
SELECT 'Global', date '2025-01-01' + (i - 1) * interval '1 month', level
FROM unnest(ARRAY[99.2, 99.5, 99.9, 100.3, 100.6, 100.6, 100.4, 100.0, 99.7, 99.8]::float8[])
     WITH ORDINALITY AS v(level, i);
CREATE TEMP VIEW lei10_changes AS
SELECT region, as_of, level, level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
FROM lei10;

-- confirm 1: NULL, recovery, recovery, expansion, expansion, expansion (flat:
-- the direction stays up), slowdown, slowdown, contraction, recovery.
-- oecd_phase is a scalar, so the flat month has no direction (NULL).
SELECT as_of, level, round(change::numeric, 2) AS change,
       regime_track(level, change) OVER w AS confirm_1,
       oecd_phase(level, change) AS oecd,
       regime_classify(level, change) AS classify
FROM lei10_changes
WINDOW w AS (PARTITION BY region ORDER BY as_of)
ORDER BY as_of;

-- confirm 2 and 3, from the rule: the reported regime changes only after k
-- consecutive raw readings of the new one, NULL until the first is confirmed.
-- Raw readings: -, rec, rec, exp, exp, exp, slo, slo, con, rec
--   k = 2: NULL, NULL, rec, rec, exp, exp, exp, slo, slo, slo
--   k = 3: NULL, NULL, NULL, NULL, NULL, exp, exp, exp, exp, exp
SELECT as_of,
       regime_track(level, change, 2) OVER w AS confirm_2,
       regime_track(level, change, 3) OVER w AS confirm_3,
       regime_track(level, change, 2) OVER w IS NOT DISTINCT FROM e2 AS ok_2,
       regime_track(level, change, 3) OVER w IS NOT DISTINCT FROM e3 AS ok_3
FROM lei10_changes
JOIN (SELECT (date '2025-01-01' + (i - 1) * interval '1 month')::date AS as_of, e2, e3
      FROM unnest(ARRAY[NULL, NULL, 'recovery', 'recovery', 'expansion', 'expansion', 'expansion', 'slowdown', 'slowdown', 'slowdown']::macro_regime[],
                  ARRAY[NULL, NULL, NULL, NULL, NULL, 'expansion', 'expansion', 'expansion', 'expansion', 'expansion']::macro_regime[])
           WITH ORDINALITY AS e(e2, e3, i)) AS e USING (as_of)
WINDOW w AS (PARTITION BY region ORDER BY as_of)
ORDER BY as_of;

-- the default frame and ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW agree
SELECT count(*) AS rows,
       count(*) FILTER (WHERE d1 IS NOT DISTINCT FROM r1 AND d3 IS NOT DISTINCT FROM r3) AS same
FROM (SELECT regime_track(level, change) OVER (ORDER BY as_of) AS d1,
             regime_track(level, change) OVER (ORDER BY as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r1,
             regime_track(level, change, 3) OVER (ORDER BY as_of) AS d3,
             regime_track(level, change, 3) OVER (ORDER BY as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r3
      FROM lei10_changes) AS v;
-- with duplicate dates the default (RANGE) frame includes the peers, so both
-- rows of a date report the regime after both; a ROWS frame goes row by row
SELECT d, level, change,
       regime_track(level, change) OVER (ORDER BY d) AS range_frame,
       regime_track(level, change) OVER (ORDER BY d, level ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rows_frame
FROM (VALUES (1, 99.0::float8, 0.5::float8), (2, 99.5, 0.5), (2, 100.5, 1.0), (3, 100.2, -0.3)) AS v(d, level, change)
ORDER BY d, level;
-- a moving frame restarts the aggregate for every row: the regime of the
-- last three readings
SELECT as_of, regime_track(level, change, 2) OVER (ORDER BY as_of ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_3
FROM lei10_changes ORDER BY as_of;
-- as a plain aggregate with ORDER BY: the regime at the end of the series
SELECT regime_track(level, change ORDER BY as_of) AS latest,
       regime_track(level, change, 3 ORDER BY as_of) AS latest_confirmed_3
FROM lei10_changes;

-- several regions at once
CREATE TEMP TABLE lei_regions (region text, as_of date, level float8);
INSERT INTO lei_regions SELECT * FROM lei10;
INSERT INTO lei_regions
SELECT r, date '2025-01-01' + (i - 1) * interval '1 month', level
FROM (VALUES ('Japan', ARRAY[100.2, 100.4, 100.5, 100.5, 100.3, 100.1, 99.9, 99.8, 99.9, 100.1]::float8[]),
             ('China', ARRAY[98.9, 98.8, 98.8, 98.9, 99.1, 99.3, 99.6, 99.8, 100.0, 100.2]::float8[])) AS v(r, a),
     unnest(a) WITH ORDINALITY AS u(level, i);
SELECT region, as_of, level,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 2) OVER w AS confirmed_2
FROM (SELECT region, as_of, level, level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei_regions) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of)
ORDER BY region, as_of;
-- each region equals its own series run alone
SELECT count(*) AS rows, count(*) FILTER (WHERE a IS NOT DISTINCT FROM b) AS same
FROM (SELECT region, as_of, regime_track(level, change, 2) OVER (PARTITION BY region ORDER BY as_of) AS a
      FROM (SELECT region, as_of, level, level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change FROM lei_regions) s) AS p
JOIN (SELECT 'Global' AS region, as_of, regime_track(level, change, 2) OVER (ORDER BY as_of) AS b FROM lei10_changes) AS g
USING (region, as_of);

-- another trend: a growth series around 0 (4-argument form)
SELECT x, regime_track(g, dg, 1, 0) OVER (ORDER BY x) AS regime
FROM (VALUES (1, -0.4::float8, -0.1::float8), (2, -0.2, 0.2), (3, 0.1, 0.3), (4, 0.0, -0.1), (5, -0.3, -0.3)) AS v(x, g, dg)
ORDER BY x;

-- NULL readings are skipped (they neither change the regime nor break a run)
SELECT x, level, change, regime_track(level, change, 2) OVER (ORDER BY x) AS confirm_2
FROM (VALUES (1, 99.0::float8, 0.2::float8), (2, NULL, 0.1), (3, 99.4, NULL), (4, 99.5, 0.1),
             (5, 100.4, 0.3), (6, NULL, NULL), (7, 100.6, 0.2)) AS v(x, level, change)
ORDER BY x;
-- flat changes before any direction give no regime; the first move sets it
SELECT x, regime_track(level, change) OVER (ORDER BY x) AS regime
FROM (VALUES (1, 99.0::float8, 0::float8), (2, 101.0, 0), (3, 101.0, -0.1), (4, 99.0, 0)) AS v(x, level, change)
ORDER BY x;
-- no rows, all NULL, one row
SELECT regime_track(level, change ORDER BY as_of) IS NULL AS empty FROM lei10_changes WHERE false;
SELECT regime_track(level, change ORDER BY 1) IS NULL AS all_null FROM (VALUES (NULL::float8, NULL::float8)) AS v(level, change);
SELECT regime_track(level, change ORDER BY 1) AS one_row, regime_track(level, change, 2 ORDER BY 1) IS NULL AS one_row_confirm_2
FROM (VALUES (101::float8, 0.5::float8)) AS v(level, change);
-- extreme magnitudes
SELECT regime_track(level, change ORDER BY x) AS r
FROM (VALUES (1, 1e300::float8, 1e-300::float8), (2, -1e300, -5e-324)) AS v(x, level, change);
SELECT regime_track(level, change, 1, 1e-300 ORDER BY x) AS r
FROM (VALUES (1, 1e-300::float8, 1e300::float8), (2, 5e-324, 1e300)) AS v(x, level, change);
-- a large confirm never confirms a short series
SELECT regime_track(level, change, 2147483647 ORDER BY as_of) IS NULL AS never FROM lei10_changes;

-- the state: a float8[] {format, confirm, trend, direction, candidate, run,
-- reported, phase, own direction, last own regime, own run, readings...}
SELECT _regime_track_accum(NULL, 99.5, 0.3) AS one_reading;
SELECT _regime_track_accum(_regime_track_accum(NULL, 99.5, 0.3, 2), 99.7, 0.2, 2) AS confirmed_2;
SELECT _regime_track_accum(_regime_track_accum(NULL, 99.5, 0, 2), 99.7, 0, 2) AS flat_prefix;
SELECT _regime_track_final(_regime_track_accum(_regime_track_accum(NULL, 99.5, 0.3, 2), 99.7, 0.2, 2)) AS final;
-- a state function called outside an aggregate does not change its input
WITH s AS (SELECT _regime_track_accum(NULL, 101, 0.3, 2) AS st)
SELECT _regime_track_final(st) IS NULL AS before, _regime_track_final(_regime_track_accum(st, 101, 0.3, 2)) AS after,
       st = _regime_track_accum(NULL, 101, 0.3, 2) AS input_unchanged FROM s;
-- the state text round-trips (float8[] prints every value exactly)
SELECT _regime_track_accum(NULL, 99.5, 0.3, 2, 99.25)::text::float8[] = _regime_track_accum(NULL, 99.5, 0.3, 2, 99.25) AS round_trip;

-- combine: "segment a followed by segment b" gives the result of reading the
-- whole series in order, for every split of every series, nested either way.
-- A test-only aggregate exposes the raw state of a segment.
CREATE AGGREGATE pg_temp.track_state(float8, float8, integer) (SFUNC = _regime_track_accum, STYPE = float8[]);
CREATE TEMP TABLE seq AS
SELECT sid, i,
       CASE WHEN h % 23 = 0 THEN NULL ELSE 99 + (h / 7) % 2 END::float8 AS level,
       CASE WHEN h % 3 = 0 THEN 0 WHEN h % 11 = 0 THEN NULL ELSE (h / 3) % 3 - 1 END::float8 AS change
FROM (SELECT sid, i, abs(hashint8(sid * 1000 + i + 7)) AS h
      FROM generate_series(1, 40) AS sid, generate_series(1, 12) AS i) AS x;
CREATE TEMP TABLE seg AS
SELECT sid, c, a, b, pg_temp.track_state(level, change, c ORDER BY i) FILTER (WHERE i > a AND i <= b) AS st
FROM seq, generate_series(1, 4) AS c, generate_series(0, 12) AS a, generate_series(0, 12) AS b
WHERE a <= b GROUP BY sid, c, a, b;
CREATE INDEX ON seg (sid, c, a, b);
SELECT count(*) AS splits,
       count(*) FILTER (WHERE _regime_track_final(_regime_track_combine(_regime_track_combine(x.st, y.st), z.st))
                              IS NOT DISTINCT FROM _regime_track_final(t.st)) AS left_nested_ok,
       count(*) FILTER (WHERE _regime_track_final(_regime_track_combine(x.st, _regime_track_combine(y.st, z.st)))
                              IS NOT DISTINCT FROM _regime_track_final(t.st)) AS right_nested_ok
FROM seg t
JOIN seg x ON x.sid = t.sid AND x.c = t.c AND x.a = 0 AND t.a = 0
JOIN seg y ON y.sid = t.sid AND y.c = t.c AND y.a = x.b
JOIN seg z ON z.sid = t.sid AND z.c = t.c AND z.a = y.b AND z.b = t.b;
-- and the final regime of every prefix matches the window aggregate
SELECT count(*) AS prefixes, count(*) FILTER (WHERE w IS NOT DISTINCT FROM _regime_track_final(st)) AS same
FROM (SELECT sid, c, i, regime_track(level, change, c) OVER (PARTITION BY sid, c ORDER BY i) AS w
      FROM seq, generate_series(1, 4) AS c) AS v
JOIN seg ON seg.sid = v.sid AND seg.c = v.c AND seg.a = 0 AND seg.b = v.i;
-- states stay small: the kept prefix is the leading flat readings plus at most confirm readings
SELECT max(array_length(st, 1)) - 11 AS longest_prefix FROM seg;
-- NULL partials
SELECT _regime_track_combine(NULL, NULL) IS NULL AS both_null,
       _regime_track_final(_regime_track_combine(NULL, _regime_track_accum(NULL, 101, 1))) AS left_null,
       _regime_track_final(_regime_track_combine(_regime_track_accum(NULL, 101, 1), NULL)) AS right_null;

-- without ORDER BY the rows would come in no defined order, and a parallel
-- plan would combine partial states in any order: an unordered call is
-- refused, whatever the plan (PostgreSQL never splits an ordered aggregate)
CREATE TABLE par_lei AS
SELECT i, 100.5::float8 AS level, 0.1::float8 AS change, (ARRAY['recovery', 'recovery', 'expansion'])[1 + i % 3]::macro_regime AS regime
FROM generate_series(1, 200000) AS i;
ANALYZE par_lei;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT regime_track(level, change, 3), regime_shifts(regime) FROM par_lei;
SELECT expect_error($$SELECT regime_track(level, change, 3) FROM par_lei$$);
SELECT expect_error($$SELECT regime_shifts(regime) FROM par_lei$$);
SELECT expect_error($$SELECT regime_track(level, change) FROM par_lei GROUP BY i % 2$$);
SELECT expect_error($$SELECT regime_shifts(regime) FROM par_lei WHERE i < 10 GROUP BY i % 2$$);
SET parallel_leader_participation = off;
SELECT expect_error($$SELECT regime_shifts(regime) FILTER (WHERE regime = 'expansion') FROM par_lei$$);
RESET parallel_leader_participation;
-- and so is a window aggregate over a window without ORDER BY
SELECT expect_error($$SELECT regime_track(level, change) OVER () FROM par_lei WHERE i < 5$$);
SELECT expect_error($$SELECT regime_track(level, change) OVER (PARTITION BY i % 2) FROM par_lei WHERE i < 5$$);
SELECT expect_error($$SELECT regime_shifts(regime) OVER (PARTITION BY i % 2) FROM par_lei WHERE i < 5$$);
-- ordered, in the call or in the window, the same rows are read
SELECT regime_track(level, change, 3 ORDER BY i) AS regime,
       regime_shifts(regime ORDER BY i) AS shifts,
       regime_shifts(regime ORDER BY i) FILTER (WHERE regime = 'expansion') AS constant
FROM par_lei;
SELECT i, regime_track(level, change, 3) OVER w AS regime, regime_shifts(regime) OVER w AS shifts
FROM par_lei WHERE i <= 4 WINDOW w AS (ORDER BY i) ORDER BY i;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE par_lei;

-- the cost of a row does not grow with the prefix a state keeps: 200 000
-- flat readings (every one kept), the same rising readings with a confirm
-- that is never reached, and both as a running window aggregate
SELECT regime_track(100, 0 ORDER BY i) IS NULL AS flat_none,
       regime_track(101, 1, 2147483647 ORDER BY i) IS NULL AS unconfirmed_none,
       regime_track(101, 1, 200000 ORDER BY i) AS confirmed_at_last,
       regime_track(CASE WHEN i = 200000 THEN 99 ELSE 101 END, CASE WHEN i = 1 THEN 1 ELSE 0 END ORDER BY i) AS flat_after_one_move
FROM generate_series(1, 200000) AS i;
SELECT count(*) AS rows, count(r) AS confirmed, min(i) FILTER (WHERE r IS NOT NULL) AS first_confirmed
FROM (SELECT i, regime_track(101, CASE WHEN i % 2 = 0 THEN 0 ELSE 1 END, 150000) OVER (ORDER BY i) AS r
      FROM generate_series(1, 200000) AS i) AS w;
-- a state of 200 000 readings in flat, passed by hand, combined and read back
WITH s AS (SELECT pg_temp.track_state(100, 0, 3 ORDER BY i) AS st FROM generate_series(1, 200000) AS i)
SELECT array_length(st, 1) - 11 AS kept,
       _regime_track_final(_regime_track_combine(_regime_track_accum(NULL, 101, 1, 3), st)) AS after_up,
       _regime_track_final(_regime_track_combine(st, st)) IS NULL AS flat_twice
FROM s;

-- errors
SELECT expect_error($$SELECT regime_track(l, c, 0 ORDER BY l) FROM (VALUES (99::float8, 1::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c, NULL ORDER BY l) FROM (VALUES (99::float8, 1::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c, 1, NULL ORDER BY l) FROM (VALUES (99::float8, 1::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c ORDER BY l) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c ORDER BY l) FROM (VALUES (99::float8, '-Infinity'::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c, 1, 'Infinity' ORDER BY l) FROM (VALUES (99::float8, 1::float8)) AS v(l, c)$$);
SELECT expect_error($$SELECT regime_track(l, c, k ORDER BY k) FROM (VALUES (99::float8, 1::float8, 1), (99, 1, 2)) AS v(l, c, k)$$);
SELECT expect_error($$SELECT regime_track(l, c, 1, t ORDER BY t DESC) FROM (VALUES (99::float8, 1::float8, 100::float8), (99, 1, 99)) AS v(l, c, t)$$);
SELECT expect_error($$SELECT _regime_track_combine(_regime_track_accum(NULL, 99, 1, 2), _regime_track_accum(NULL, 99, 1, 3))$$);
-- malformed states
SELECT expect_error($$SELECT _regime_track_final('{}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,0,-1,0,-1,0,0,-1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{{1,1,100,0,-1,0,-1,0,0,-1,0}}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,0,-1,0,-1,0,0,-1,NULL}')$$);
SELECT expect_error($$SELECT _regime_track_final('{2,1,100,0,-1,0,-1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,0,100,0,-1,0,-1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1.5,100,0,-1,0,-1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,NaN,0,-1,0,-1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,2,-1,0,-1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,7,1,1,2,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,2,100,1,1,3,1,2,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,1,1,9,2,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,1,1,1,3,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,0,1,1,1,0,0,-1,0}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,1,1,1,2,1,1,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,2,100,1,1,2,1,1,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,0,-1,0,-1,0,0,-1,0,6}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,0,-1,0,-1,0,0,-1,0,0.5}')$$);
SELECT expect_error($$SELECT _regime_track_accum('{1,1,100,0,-1,0,-1,0,0,-1,0,-1}', 99, 1)$$);
SELECT expect_error($$SELECT _regime_track_combine('{1,1,100,0,-1,0,-1,0,0,-1,0}', '{1,1,100,1,1,1,1,9,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_track_combine(NULL, '{1,1,100,0,-1,0,-1,0,0,-1,7}')$$);
-- a state claiming a known run its readings do not give
SELECT expect_error($$SELECT _regime_track_combine('{1,2,100,0,-1,0,-1,0,0,-1,0}', '{1,2,100,1,1,1,-1,1,1,1,1}')$$);

-- forged but well-formed states: the header must be what the kept readings
-- give (a collecting state holds every reading it read), a synced state
-- keeps none, a known run is only claimed after the readings that make it
SELECT expect_error($$SELECT _regime_track_final('{1,2,100,1,1,1,1,0,1,1,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,2,100,1,1,1,-1,0,1,2,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,1,1,1,2,1,1,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,3,100,1,1,1,-1,1,1,1,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,3,100,1,1,1,-1,1,1,1,1,5,3,5}')$$);
SELECT expect_error($$SELECT _regime_track_accum('{1,2,100,1,1,1,1,0,1,1,1,5}', 101, 1, 2)$$);
SELECT expect_error($$SELECT _regime_track_combine('{1,2,100,0,-1,0,-1,0,0,-1,0}', '{1,2,100,1,1,1,1,0,1,1,1,5}')$$);
-- the states the functions build pass the same checks
SELECT _regime_track_final('{1,2,100,1,1,1,-1,0,1,1,1,5}') IS NULL AS one_up_reading,
       _regime_track_final('{1,3,100,1,0,1,-1,1,1,0,1,5,2}') IS NULL AS run_restarted,
       _regime_track_final(_regime_track_accum(_regime_track_accum(NULL, 101, 1, 2), 101, 0, 2)) AS confirmed;
-- junk in every field of a state: NaN, infinities, huge, subnormal and
-- fractional values each raise 22023 (trend takes any finite value)
SELECT i AS field, v AS value,
       expect_error(format($$SELECT _regime_track_final(%L)$$,
         (SELECT array_agg(CASE WHEN k = i THEN v::float8 ELSE d END ORDER BY k)
          FROM unnest('{1,2,100,1,1,1,-1,0,1,1,1,5}'::float8[]) WITH ORDINALITY AS t(d, k)))) AS error
FROM generate_series(1, 12) AS i, unnest(ARRAY['NaN', '-Infinity', '1e308', '5e-324', '0.5']) AS v
WHERE NOT (i = 3 AND v IN ('1e308', '5e-324'))
ORDER BY i, v;
SELECT _regime_track_final('{1,2147483647,100,0,-1,0,-1,0,0,-1,0}') IS NULL AS largest_confirm,
       _regime_track_final('{1,1,-0,0,-1,0,-1,-0,-0,-1,-0}') IS NULL AS negative_zeros,
       _regime_track_final('{1,1,5e-324,1,1,1,1,2,1,1,1}') AS subnormal_trend,
       _regime_track_final('{1,1,-1.7976931348623157e308,-1,2,1,2,2,1,2,1}') AS lowest_trend,
       _regime_track_final('[0:10]={1,1,100,-1,3,1,3,2,1,3,1}') AS other_lower_bound;
-- a candidate regime read against the other direction
SELECT expect_error($$SELECT _regime_track_final('{1,1,100,1,3,1,3,2,1,3,1}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,2,100,-1,-1,0,-1,0,1,1,1,5}')$$);
SELECT expect_error($$SELECT _regime_track_final('{1,2147483648,100,0,-1,0,-1,0,0,-1,0}')$$);
-- extreme readings: -0 is flat, subnormals have a sign, the edges of the
-- double range classify against any trend
SELECT _regime_track_final(_regime_track_accum(_regime_track_accum(NULL, 0, 1, 1, 0), '-0', '-0', 1, 0)) AS minus_zero_flat,
       _regime_track_final(_regime_track_accum(NULL, '-0', '5e-324', 1, 0)) AS subnormal_up_at_trend,
       _regime_track_final(_regime_track_accum(NULL, '-5e-324', '-5e-324', 1, 0)) AS subnormal_down_below,
       _regime_track_final(_regime_track_accum(NULL, 1.7976931348623157e308, -1.7976931348623157e308, 1, 1.7976931348623157e308)) AS at_largest_trend,
       _regime_track_final(_regime_track_accum(NULL, -1.7976931348623157e308, 1, 1, -1.7976931348623157e308)) AS at_lowest_trend;
SELECT expect_error($$SELECT _regime_track_accum(NULL, 'NaN', 1)$$) AS nan_level,
       expect_error($$SELECT _regime_track_accum(NULL, 99, '-Infinity')$$) AS infinite_change,
       expect_error($$SELECT _regime_track_accum(NULL, 99, 1, 1, 'NaN')$$) AS nan_trend,
       expect_error($$SELECT _regime_track_accum(NULL, 99, 1, -2147483648)$$) AS lowest_confirm;
-- a state handed to an aggregate as its initial value goes through the same
-- checks, then continues as any other
CREATE AGGREGATE pg_temp.track_from_flat(float8, float8, integer) (
	SFUNC = _regime_track_accum, STYPE = float8[], FINALFUNC = _regime_track_final,
	INITCOND = '{1,2,100,0,-1,0,-1,0,0,-1,0,4,4,1}');
SELECT pg_temp.track_from_flat(l, c, 2 ORDER BY i) AS after_two_up
FROM (VALUES (1, 99::float8, 1::float8), (2, 99, 1)) AS v(i, l, c);
CREATE AGGREGATE pg_temp.track_forged(float8, float8, integer) (
	SFUNC = _regime_track_accum, STYPE = float8[], FINALFUNC = _regime_track_final,
	INITCOND = '{1,2,100,0,-1,0,3,0,0,-1,0,4}');
SELECT expect_error($$SELECT pg_temp.track_forged(l, c, 2 ORDER BY i) FROM (VALUES (1, 99::float8, 1::float8)) AS v(i, l, c)$$);

-- regime_shifts: changes between consecutive non-NULL regimes
CREATE TEMP TABLE history (as_of date, regime macro_regime);
INSERT INTO history VALUES
  ('2019-01-01', 'slowdown'), ('2019-02-01', 'contraction'), ('2019-03-01', NULL), ('2019-04-01', 'contraction'),
  ('2019-05-01', 'contraction'), ('2019-06-01', NULL), ('2019-07-01', 'recovery'), ('2019-08-01', 'recovery'),
  ('2019-09-01', 'recovery'), ('2019-10-01', 'recovery'), ('2019-11-01', 'contraction'), ('2019-12-01', 'contraction'),
  ('2020-01-01', 'contraction'), ('2020-02-01', NULL), ('2020-03-01', NULL), ('2020-04-01', 'contraction'),
  ('2020-05-01', 'recovery'), ('2020-06-01', 'recovery'), ('2020-07-01', 'recovery'), ('2020-08-01', 'recovery'),
  ('2020-09-01', 'recovery'), ('2020-10-01', 'expansion'), ('2020-11-01', 'expansion'), ('2020-12-01', 'expansion'),
  ('2021-01-01', NULL), ('2021-02-01', NULL),
  ('2025-04-01', 'contraction'), ('2025-05-01', 'recovery'), ('2025-06-01', NULL), ('2025-07-01', 'recovery');
-- 3 shifts in 2019, 2 in 2020, none in 2021 (only NULLs: NULL), 1 in 2025
SELECT extract(year FROM as_of)::int AS year, regime_shifts(regime ORDER BY as_of) AS shifts
FROM history GROUP BY 1 ORDER BY 1;
-- a NULL between two equal regimes is not a shift; between different ones it is one
SELECT regime_shifts(r ORDER BY i) AS same_across_null, regime_shifts(r ORDER BY i DESC) AS reversed
FROM unnest(ARRAY['recovery', NULL, 'recovery', 'expansion']::macro_regime[]) WITH ORDINALITY AS v(r, i);
-- the whole history, and as a running window aggregate
SELECT regime_shifts(regime ORDER BY as_of) AS all_years FROM history;
SELECT as_of, regime, regime_shifts(regime) OVER (ORDER BY as_of) AS shifts_so_far
FROM history WHERE as_of < '2019-09-01' ORDER BY as_of;
-- no rows, only NULLs, one row
SELECT regime_shifts(regime ORDER BY as_of) IS NULL AS empty FROM history WHERE false;
SELECT regime_shifts(regime ORDER BY as_of) IS NULL AS only_nulls FROM history WHERE regime IS NULL;
SELECT regime_shifts(regime ORDER BY as_of) AS one_row FROM history WHERE as_of = '2019-01-01';
-- from regime_track, per region
SELECT region, regime_shifts(regime ORDER BY as_of) AS shifts
FROM (SELECT region, as_of, regime_track(level, change) OVER (PARTITION BY region ORDER BY as_of) AS regime
      FROM (SELECT region, as_of, level, level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
            FROM lei_regions) AS s) AS t
GROUP BY region ORDER BY region;
-- states and combine by hand: a followed by b
SELECT _regime_shifts_accum(_regime_shifts_accum('{-1,-1,0}', 'recovery'), 'expansion') AS state;
SELECT _regime_shifts_final(_regime_shifts_combine('{0,1,1}', '{1,2,1}')) AS same_boundary,
       _regime_shifts_final(_regime_shifts_combine('{0,1,1}', '{0,2,1}')) AS shift_at_boundary,
       _regime_shifts_final(_regime_shifts_combine('{-1,-1,0}', '{0,2,1}')) AS left_empty,
       _regime_shifts_final(_regime_shifts_combine('{0,2,1}', '{-1,-1,0}')) AS right_empty,
       _regime_shifts_final('{-1,-1,0}') IS NULL AS empty_is_null;
-- every split of the history combines to the serial count
CREATE AGGREGATE pg_temp.shifts_state(macro_regime) (SFUNC = _regime_shifts_accum, STYPE = bigint[], INITCOND = '{-1,-1,0}');
SELECT count(*) AS splits,
       count(*) FILTER (WHERE _regime_shifts_final(_regime_shifts_combine(a.st, b.st)) = serial.n) AS same_as_serial,
       min(serial.n) AS serial
FROM (SELECT as_of AS k FROM history) AS ks
CROSS JOIN LATERAL (SELECT pg_temp.shifts_state(regime ORDER BY as_of) AS st FROM history WHERE as_of < ks.k) AS a
CROSS JOIN LATERAL (SELECT pg_temp.shifts_state(regime ORDER BY as_of) AS st FROM history WHERE as_of >= ks.k) AS b
CROSS JOIN (SELECT regime_shifts(regime ORDER BY as_of) AS n FROM history) AS serial;
-- errors: malformed states and overflow
SELECT expect_error($$SELECT _regime_shifts_final('{0,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{0,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{0,NULL,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{{0,1,1}}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{4,1,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{0,-2,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{0,1,-1}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{-1,1,0}')$$);
SELECT expect_error($$SELECT _regime_shifts_final('{-1,-1,3}')$$);
SELECT expect_error($$SELECT _regime_shifts_accum('{7,1,1}', 'recovery')$$);
SELECT expect_error($$SELECT _regime_shifts_combine('{0,1,1}', '{0,1,1,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_combine('{0,1,9223372036854775807}', '{0,1,1}')$$);
SELECT expect_error($$SELECT _regime_shifts_accum('{0,1,9223372036854775807}', 'recovery')$$);
-- a count of shifts needs first and last to agree with it
SELECT expect_error($$SELECT _regime_shifts_final('{0,1,0}')$$);
SELECT _regime_shifts_final('{3,3,9223372036854775807}') AS largest,
       _regime_shifts_final(_regime_shifts_accum('{3,3,9223372036854775807}', 'contraction')) AS same_regime_no_shift,
       _regime_shifts_final(_regime_shifts_combine('{0,2,5}', '{2,1,1}')) AS joined_without_shift,
       _regime_shifts_final(_regime_shifts_combine('{0,2,5}', '{-1,-1,0}')) AS empty_right;
SELECT expect_error($$SELECT _regime_shifts_accum('{3,3,9223372036854775807}', 'recovery')$$);

-- oecd_phase: the OECD names of the quadrants (OECD 'slowdown' = contraction)
SELECT oecd_phase(99.0, 0.3) AS recovery, oecd_phase(101.0, 0.3) AS expansion,
       oecd_phase(101.0, -0.3) AS downturn, oecd_phase(99.0, -0.3) AS slowdown;
SELECT oecd_phase(100, 0.1) AS at_trend_up, oecd_phase(100, -0.1) AS at_trend_down,
       oecd_phase(101, 0) IS NULL AS flat_is_null, oecd_phase(0.4, -0.1, 0) AS other_trend;
SELECT oecd_phase(NULL, 1) IS NULL AS null_level, oecd_phase(100, NULL) IS NULL AS null_change,
       oecd_phase(100, 1, NULL) IS NULL AS null_trend;
SELECT oecd_phase(1e300, 1e-300), oecd_phase(-1e300, -5e-324);
-- same quadrant, same position in both enums
SELECT count(*) AS readings,
       count(*) FILTER (WHERE array_position(enum_range(NULL::oecd_phase), oecd_phase(l, c))
                              = array_position(enum_range(NULL::macro_regime), regime_classify(l, c))) AS same_quadrant
FROM (VALUES (99::float8, 1::float8), (101, 1), (101, -1), (99, -1), (100, 1), (100, -1)) AS v(l, c);
SELECT enum_range(NULL::oecd_phase);
SELECT expect_error($$SELECT oecd_phase('NaN', 1)$$);
SELECT expect_error($$SELECT oecd_phase(100, 'Infinity')$$);
SELECT expect_error($$SELECT oecd_phase(100, 1, '-Infinity')$$);
