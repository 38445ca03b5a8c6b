-- Valuation and returns: weighted_mean, index_multiple, parity_upside,
-- compound_return, longest_streak, current_streak
SET extra_float_digits = 3;

-- weighted_mean
SELECT weighted_mean(x, w) FROM (VALUES (1::float8, 1::float8), (2, 3)) AS v(x, w);
SELECT weighted_mean(x, w) AS equal_weights, avg(x) FROM (VALUES (1::float8, 2::float8), (2, 2), (4, 2)) AS v(x, w);
-- a row with either side NULL is skipped; no rows or a zero total weight give NULL
SELECT weighted_mean(x, w) FROM (VALUES (1::float8, 1::float8), (NULL, 5), (100, NULL), (3, 1)) AS v(x, w);
SELECT weighted_mean(x, w) IS NULL AS empty FROM (SELECT 1::float8, 1::float8 WHERE false) AS v(x, w);
SELECT weighted_mean(x, w) IS NULL AS zero_total FROM (VALUES (1::float8, 1::float8), (2, -1)) AS v(x, w);
SELECT weighted_mean(x, w) AS one_row FROM (VALUES (7.25::float8, 3::float8)) AS v(x, w);
-- negative weights are allowed (long/short), the total must not be zero
SELECT weighted_mean(x, w) FROM (VALUES (1::float8, 2::float8), (4, -1)) AS v(x, w);
-- extreme magnitudes: w*x overflows or underflows a double, the mean does not
SELECT weighted_mean(x, w) FROM (VALUES (1e300::float8, 1e300::float8), (3e300, 1e300)) AS v(x, w);
SELECT weighted_mean(x, w) FROM (VALUES (1e-300::float8, 1e-300::float8), (3e-300, 1e-300)) AS v(x, w);
SELECT weighted_mean(x, w) FROM (VALUES (1::float8, 1e300::float8), (1e300, 1e-300)) AS v(x, w);
-- cancellation: exact sums keep the small term
SELECT weighted_mean(x, w) FROM (VALUES (1e16::float8, 1::float8), (1, 1), (-1e16, 1)) AS v(x, w);
-- errors
SELECT expect_error($$SELECT weighted_mean(x, w) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(x, w)$$);
SELECT expect_error($$SELECT weighted_mean(x, w) FROM (VALUES (1::float8, 'Infinity'::float8)) AS v(x, w)$$);
SELECT expect_error($$SELECT weighted_mean(x, w) FROM (VALUES (1e308::float8, 1::float8), (-1e308, -0.9999999)) AS v(x, w)$$);

-- index_multiple: caps 40 000 and 2 000, earnings 3 000 and -1 400
CREATE TEMP TABLE val (name text, cap float8, earnings float8, sales float8);
INSERT INTO val VALUES ('BIG', 40000, 3000, 10000), ('LOSS', 2000, -1400, 1000);
-- the index P/E keeps the loss; the ex-negative figure filters it out;
-- the cap-weighted mean of P/Es is the wrong arithmetic
SELECT index_multiple(cap, earnings) AS index_pe,
       index_multiple(cap, earnings) FILTER (WHERE earnings > 0) AS ex_negative_pe,
       weighted_mean(cap / earnings, cap) AS wrong_mean_of_pe,
       round(weighted_mean(cap / earnings, cap)::numeric, 2) AS wrong_rounded
FROM val;
-- P/S cap-weighted against equal-weighted (weight 1)
SELECT index_multiple(cap, sales) AS cap_weighted_ps, index_multiple(cap, sales, 1) AS equal_weighted_ps,
       2 / (10000 / 40000.0 + 1000 / 2000.0) AS harmonic_mean_ps FROM val;
-- weight = cap gives the same bits as the default
SELECT same_bits(index_multiple(cap, earnings), index_multiple(cap, earnings, cap)) AS weight_cap_is_default FROM val;
-- equal-weighted with the loss: the sum of earnings yields is negative, so NULL
SELECT index_multiple(cap, earnings, 1) IS NULL AS negative_yield FROM val;
-- non-positive aggregate fundamental, NULLs, empty input, one row
SELECT index_multiple(c, e) IS NULL AS zero_earnings FROM (VALUES (10::float8, 1::float8), (10, -1)) AS v(c, e);
SELECT index_multiple(c, e) IS NULL AS all_losses FROM (VALUES (10::float8, -1::float8)) AS v(c, e);
SELECT index_multiple(c, e) FROM (VALUES (10::float8, 1::float8), (NULL, 1), (10, NULL), (20, 2)) AS v(c, e);
SELECT index_multiple(c, e, w) FROM (VALUES (10::float8, 1::float8, 1::float8), (20, 1, NULL)) AS v(c, e, w);
SELECT index_multiple(c, e) IS NULL AS empty FROM (SELECT 1::float8, 1::float8 WHERE false) AS v(c, e);
SELECT index_multiple(c, e) AS one_row, index_multiple(c, e, 1) AS one_row_ew FROM (VALUES (30::float8, 2::float8)) AS v(c, e);
-- weights of zero take a name out
SELECT index_multiple(c, e, w) FROM (VALUES (10::float8, 1::float8, 1::float8), (10, 5, 0)) AS v(c, e, w);
-- extreme magnitudes, and an index multiple beyond double precision
SELECT index_multiple(c, e) FROM (VALUES (1e300::float8, 1e290::float8), (1e300, 1e290)) AS v(c, e);
SELECT index_multiple(c, e, w) FROM (VALUES (1e300::float8, 1e-10::float8, 1e-300::float8), (1e-300, 1e-310, 1e300)) AS v(c, e, w);
SELECT expect_error($$SELECT index_multiple(c, e) FROM (VALUES (1e300::float8, 1e-300::float8)) AS v(c, e)$$);
-- errors
SELECT expect_error($$SELECT index_multiple(c, e) FROM (VALUES (0::float8, 1::float8)) AS v(c, e)$$);
SELECT expect_error($$SELECT index_multiple(c, e) FROM (VALUES (-5::float8, 1::float8)) AS v(c, e)$$);
SELECT expect_error($$SELECT index_multiple(c, e) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(c, e)$$);
SELECT expect_error($$SELECT index_multiple(c, e) FROM (VALUES (1::float8, '-Infinity'::float8)) AS v(c, e)$$);
SELECT expect_error($$SELECT index_multiple(c, e, w) FROM (VALUES (1::float8, 1::float8, -1::float8)) AS v(c, e, w)$$);
SELECT expect_error($$SELECT index_multiple(c, e, w) FROM (VALUES (1::float8, 1::float8, 'NaN'::float8)) AS v(c, e, w)$$);
SELECT expect_error($$SELECT index_multiple(c, e, w) FROM (VALUES (1e-300::float8, 1e300::float8, 1e300::float8)) AS v(c, e, w)$$);
SELECT expect_error($$SELECT _exactsum_combine(_index_multiple_accum(NULL, 1, 1), _index_multiple_accum_weighted(NULL, 1, 1, 1))$$);

-- parity_upside
SELECT parity_upside(19.5, 28) AS to_28, parity_upside(28, 19.5) AS to_19_5, parity_upside(20, 20) AS at_parity,
       parity_upside(3.4, 1.7) AS ps_halves;
SELECT parity_upside(NULL, 28) IS NULL AS null_multiple, parity_upside(19.5, NULL) IS NULL AS null_reference;
SELECT parity_upside(1e-10, 1e10) AS huge, parity_upside(1e300, 1e-300) AS minus_one;
SELECT expect_error($$SELECT parity_upside(0, 28)$$);
SELECT expect_error($$SELECT parity_upside(-12, 28)$$);
SELECT expect_error($$SELECT parity_upside(12, 0)$$);
SELECT expect_error($$SELECT parity_upside('NaN', 28)$$);
SELECT expect_error($$SELECT parity_upside(12, 'Infinity')$$);
SELECT expect_error($$SELECT parity_upside(1e-300, 1e100)$$);

-- compound_return: 0.1, -0.5, 0.2 compound to -0.34
SELECT compound_return(r), abs(compound_return(r) + 0.34) < 1e-15 AS within_1e_15
FROM (VALUES (0.1::float8), (-0.5), (0.2)) AS v(r);
-- NULLs skipped, empty, one row, everything lost
SELECT compound_return(r) FROM (VALUES (0.1::float8), (NULL), (0.1)) AS v(r);
SELECT compound_return(r) IS NULL AS empty FROM (SELECT 1::float8 WHERE false) AS v(r);
SELECT compound_return(r) AS one_row FROM (VALUES (0.25::float8)) AS v(r);
SELECT compound_return(r) AS wiped_out FROM (VALUES (0.5::float8), (-1), (3)) AS v(r);
SELECT compound_return(r) AS flat FROM (VALUES (0::float8), (0), (-0.0)) AS v(r);
-- 2 520 daily returns against an exact product in numeric, and in any order
CREATE TEMP TABLE daily AS
SELECT i, ((((i::bigint * 2654435761) % 4294967296) / 4294967296.0) - 0.5)::float8 * 0.04 AS r
FROM generate_series(1, 2520) AS i;
SELECT abs(compound_return(r) / (SELECT (exp(sum(ln(1 + r::numeric))) - 1)::float8 FROM daily) - 1) < 1e-12 AS matches_numeric,
       abs(compound_return(r) - (exp(sum(ln(1 + r))) - 1)) < 1e-12 AS matches_sql
FROM daily;
SELECT same_bits((SELECT compound_return(r ORDER BY i) FROM daily), (SELECT compound_return(r ORDER BY r) FROM daily)) AS asc_order,
       same_bits((SELECT compound_return(r ORDER BY i) FROM daily), (SELECT compound_return(r ORDER BY -i) FROM daily)) AS reversed;
-- 1 000 doublings are 2^1000 - 1 to 1e-13 (the sum of 1 000 rounded logs); 1 100 overflow a double
SELECT abs(compound_return(1::float8) / 2::float8 ^ 1000 - 1) < 1e-13 AS doublings FROM generate_series(1, 1000);
SELECT expect_error($$SELECT compound_return(1::float8) FROM generate_series(1, 1100)$$);
-- errors
SELECT expect_error($$SELECT compound_return(r) FROM (VALUES (0.1::float8), (-1.5)) AS v(r)$$);
SELECT expect_error($$SELECT compound_return(r) FROM (VALUES ('NaN'::float8)) AS v(r)$$);
SELECT expect_error($$SELECT compound_return(r) FROM (VALUES ('Infinity'::float8)) AS v(r)$$);

-- longest_streak and current_streak: a series whose longest run of true is 14
CREATE TEMP TABLE beats AS
SELECT i, CASE WHEN i = 60 THEN NULL
               ELSE i BETWEEN 10 AND 14 OR i BETWEEN 40 AND 53 OR i BETWEEN 55 AND 65
                    OR i BETWEEN 80 AND 88 OR i >= 95 OR i % 7 = 0 END AS small_beat_large
FROM generate_series(1, 100) AS i;
SELECT longest_streak(small_beat_large ORDER BY i) AS longest, current_streak(small_beat_large ORDER BY i) AS current
FROM beats;
-- the same from gaps-and-islands SQL
SELECT max(n) AS longest_by_sql FROM (
  SELECT count(*) AS n FROM (
    SELECT i, small_beat_large, i - row_number() OVER (PARTITION BY small_beat_large IS TRUE ORDER BY i) AS island
    FROM beats) t
  WHERE small_beat_large GROUP BY island) s;
-- the run that ends the rows selected
SELECT current_streak(small_beat_large ORDER BY i) AS run_to_50 FROM beats WHERE i <= 50;
-- NULL breaks a run; empty input; all false; all NULL; one row
SELECT longest_streak(f ORDER BY i), current_streak(f ORDER BY i)
FROM (VALUES (1, true), (2, NULL), (3, true), (4, true)) AS v(i, f);
SELECT longest_streak(f ORDER BY i) IS NULL AS empty, current_streak(f ORDER BY i) IS NULL AS empty_current
FROM (SELECT 1, true WHERE false) AS v(i, f);
SELECT longest_streak(f ORDER BY i) AS all_false, current_streak(f ORDER BY i) AS current_false
FROM (VALUES (1, false), (2, false)) AS v(i, f);
SELECT longest_streak(f ORDER BY i) AS all_null, current_streak(f ORDER BY i) AS current_null
FROM (VALUES (1, NULL::bool), (2, NULL)) AS v(i, f);
SELECT longest_streak(f ORDER BY i) AS one_true, current_streak(f ORDER BY i) AS current_one
FROM (VALUES (1, true)) AS v(i, f);
-- grouped, and as a running window aggregate
SELECT g, longest_streak(f ORDER BY i), current_streak(f ORDER BY i)
FROM (VALUES ('a', 1, true), ('a', 2, true), ('a', 3, false), ('b', 1, false), ('b', 2, true), ('b', 3, true)) AS v(g, i, f)
GROUP BY g ORDER BY g;
SELECT i, f, current_streak(f) OVER (ORDER BY i) AS running, longest_streak(f) OVER (ORDER BY i) AS longest_so_far
FROM (VALUES (1, true), (2, true), (3, false), (4, true), (5, true), (6, true), (7, NULL), (8, true)) AS v(i, f)
ORDER BY i;
-- runs need an order
SELECT expect_error($$SELECT longest_streak(small_beat_large) FROM beats$$);
SELECT expect_error($$SELECT current_streak(small_beat_large) FROM beats$$);
-- and so does a window aggregate: a window without ORDER BY is refused
SELECT expect_error($$SELECT longest_streak(small_beat_large) OVER () FROM beats$$);
SELECT expect_error($$SELECT current_streak(small_beat_large) OVER (PARTITION BY i % 2) FROM beats$$);
-- counts beyond bigint: 22003 naming bigint and the aggregate the user wrote
SELECT expect_error($$SELECT _streak_accum('{9223372036854775807,0,0,0}', true)$$);
SELECT expect_error($$SELECT _streak_combine('{9223372036854775807,0,0,0}', '{1,1,1,1}')$$);
CREATE AGGREGATE pg_temp.streak_near_limit(bool) (
	SFUNC = _streak_accum, STYPE = int8[], FINALFUNC = _current_streak_final,
	INITCOND = '{9223372036854775806,9223372036854775806,9223372036854775806,9223372036854775806}');
SELECT pg_temp.streak_near_limit(f ORDER BY i) AS at_the_limit FROM (VALUES (1, true)) AS v(i, f);
SELECT expect_error($$SELECT pg_temp.streak_near_limit(f ORDER BY i) FROM (VALUES (1, true), (2, true)) AS v(i, f)$$);
-- the state functions called by hand: junk, forged and extreme states
SELECT s AS state, expect_error(format($$SELECT _longest_streak_final(%L)$$, s)) AS longest
FROM unnest(ARRAY['{}', '{1,1,1}', '{1,1,1,1,1}', '{{1,1},{1,1}}', '{1,NULL,1,1}', '{-1,0,0,0}',
                  '{3,0,0,4}', '{5,3,3,3}', '{5,5,4,5}', '{8,1,1,5}', '{4,0,-1,0}',
                  '{9223372036854775807,0,0,9223372036854775807}']) AS s;
SELECT expect_error($$SELECT _current_streak_final('{5,5,4,5}')$$) AS current,
       expect_error($$SELECT _streak_accum('{8,1,1,5}', false)$$) AS accum,
       expect_error($$SELECT _streak_combine('{2,2,2,2}', '{8,1,1,5}')$$) AS combine_right,
       expect_error($$SELECT _streak_combine('{8,1,1,5}', NULL)$$) AS combine_left;
-- states that are consistent give values within 0 .. rows
SELECT _longest_streak_final('{10,1,1,5}') AS longest, _current_streak_final('{10,1,1,5}') AS current,
       _longest_streak_final('{9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807}') AS all_true,
       _current_streak_final('{9223372036854775807,0,0,0}') AS all_false,
       _longest_streak_final('{0,0,0,0}') IS NULL AS no_rows;
-- combine joins two ordered stretches, and takes NULLs and empty states
SELECT _streak_combine('{3,3,3,3}', '{2,2,2,2}') AS all_true, _streak_combine('{4,1,2,2}', '{3,1,0,1}') AS joined,
       _streak_combine(NULL, '{3,1,0,1}') AS left_null, _streak_combine('{4,1,2,2}', NULL) AS right_null,
       _streak_combine('{0,0,0,0}', '{3,1,0,1}') AS left_empty, _streak_combine(NULL, NULL) IS NULL AS both_null,
       _streak_combine('{9223372036854775806,0,0,0}', '{1,1,1,1}') AS up_to_the_limit;
-- outside an aggregate the input state is not changed
WITH s AS (SELECT '{4,1,2,2}'::int8[] AS st)
SELECT _streak_accum(st, true) AS after_true, _streak_combine(st, st) AS doubled, st AS unchanged FROM s;
