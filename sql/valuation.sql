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

-- Drawdowns: max_drawdown(r ORDER BY ts), current_drawdown(r ORDER BY ts)
-- hand-checked: wealth 1.1, 0.55, 0.66, (NULL skipped), 0.99; the peak 1.1
-- -> deepest 0.55 / 1.1 - 1 = -0.5, at the end 0.99 / 1.1 - 1 = -0.1 (the
-- log returns are rounded: a few ulps)
CREATE TEMP TABLE dd (t int, r float8);
INSERT INTO dd VALUES (1, 0.1), (2, -0.5), (3, 0.2), (4, NULL), (5, 0.5);
SELECT max_drawdown(r ORDER BY t) AS mdd, current_drawdown(r ORDER BY t) AS cdd,
       abs(current_drawdown(r ORDER BY t) + 0.1) < 1e-15 AS cdd_is_minus_0_1
FROM dd;
-- over a running window: each day's drawdown and the deepest so far
SELECT t, r, current_drawdown(r) OVER w AS cdd, max_drawdown(r) OVER w AS mdd
FROM dd WINDOW w AS (ORDER BY t) ORDER BY t;
-- the start counts as a peak: a loss in the first period is a drawdown
SELECT max_drawdown(r ORDER BY t) AS first_loss, current_drawdown(r ORDER BY t) AS still_down
FROM (VALUES (1, -0.25::float8), (2, 0.125)) AS v(t, r);
-- a gain only: no drawdown; one row; NULLs only and no rows: NULL
SELECT max_drawdown(r ORDER BY t) AS gains, current_drawdown(r ORDER BY t) AS at_peak
FROM (VALUES (1, 0.5::float8), (2, 0.25)) AS v(t, r);
SELECT max_drawdown(r ORDER BY t) AS one_row FROM (VALUES (1, -0.0625::float8)) AS v(t, r);
SELECT max_drawdown(r ORDER BY t) AS nulls, current_drawdown(r ORDER BY t) AS nulls_c
FROM (VALUES (1, NULL::float8), (2, NULL)) AS v(t, r);
SELECT max_drawdown(r ORDER BY t) AS no_rows FROM dd WHERE false;
-- a return of -1 wipes out: -1 from then on, whatever follows
SELECT max_drawdown(r ORDER BY t) AS mdd, current_drawdown(r ORDER BY t) AS cdd
FROM (VALUES (1, 0.5::float8), (2, -1), (3, 3.0)) AS v(t, r);
SELECT t, current_drawdown(r) OVER (ORDER BY t) AS cdd
FROM (VALUES (1, -1::float8), (2, 0.5)) AS v(t, r) ORDER BY t;
-- ties: a return back to the old peak is a new peak (0)
SELECT t, current_drawdown(r) OVER (ORDER BY t) AS cdd
FROM (VALUES (1, 1.0::float8), (2, -0.5), (3, 1.0), (4, -0.5)) AS v(t, r) ORDER BY t;
-- extreme magnitudes
SELECT max_drawdown(r ORDER BY t) AS mdd, current_drawdown(r ORDER BY t) AS cdd
FROM (VALUES (1, 1e300::float8), (2, -0.5), (3, 1e-300)) AS v(t, r);
SELECT max_drawdown(r ORDER BY t) AS tiny FROM (VALUES (1, -1e-300::float8)) AS v(t, r);
SELECT max_drawdown(r ORDER BY t) AS near_wipe FROM (VALUES (1, -0.9999999999999999::float8), (2, 1e300)) AS v(t, r);
-- against an exact oracle: 400 returns in multiples of 1/64 (exact in
-- binary and decimal), wealth and running peaks in numeric
SELECT det_setseed(5);
CREATE TEMP TABLE ddr AS
SELECT t, (round(det_random() * 16) - 7.5) / 64 AS r FROM generate_series(1, 400) AS t;
CREATE TEMP TABLE ddr_oracle AS
WITH RECURSIVE w(t, wealth, peak, dd, mdd) AS (
    SELECT 0, 1::numeric, 1::numeric, 0::numeric, 0::numeric
    UNION ALL
    SELECT w.t + 1, round(w.wealth * (1 + d.r::numeric), 200), greatest(w.peak, round(w.wealth * (1 + d.r::numeric), 200)),
           round(w.wealth * (1 + d.r::numeric), 200) / greatest(w.peak, round(w.wealth * (1 + d.r::numeric), 200)) - 1,
           least(w.mdd, round(w.wealth * (1 + d.r::numeric), 200) / greatest(w.peak, round(w.wealth * (1 + d.r::numeric), 200)) - 1)
    FROM w JOIN ddr d ON d.t = w.t + 1
)
SELECT t, dd, mdd FROM w WHERE t > 0;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE abs(f.cdd::numeric - o.dd) <= 1e-13 * abs(o.dd) + 1e-300) AS cdd_within_1e_13,
       count(*) FILTER (WHERE abs(f.mdd::numeric - o.mdd) <= 1e-13 * abs(o.mdd) + 1e-300) AS mdd_within_1e_13,
       min(o.mdd) < -0.3 AS deep
FROM (SELECT t, current_drawdown(r) OVER w AS cdd, max_drawdown(r) OVER w AS mdd FROM ddr WINDOW w AS (ORDER BY t)) AS f
JOIN ddr_oracle o USING (t);
-- the combine function: the states of rows a and of rows b combine into
-- the state of a followed by b (PostgreSQL itself never splits ordered input)
CREATE AGGREGATE dd_state(float8) (SFUNC = _drawdown_accum, STYPE = float8[]);
SELECT abs(_max_drawdown_final(_drawdown_combine(a, b)) - (SELECT max_drawdown(r ORDER BY t) FROM ddr)) < 1e-15 AS mdd,
       abs(_current_drawdown_final(_drawdown_combine(a, b)) - (SELECT current_drawdown(r ORDER BY t) FROM ddr)) < 1e-15 AS cdd,
       _drawdown_combine(a, NULL) = a AS with_null, _drawdown_combine(NULL, b) = b AS null_with
FROM (SELECT dd_state(r ORDER BY t) FILTER (WHERE t <= 250) AS a,
             dd_state(r ORDER BY t) FILTER (WHERE t > 250) AS b FROM ddr) AS q;
-- states read back as text
SELECT s::text::float8[] = s AS round_trip, s
FROM (SELECT _drawdown_accum(_drawdown_accum(NULL, 0.5), -0.25) AS s) AS q;
-- errors
SELECT expect_error($$SELECT max_drawdown(r) FROM dd$$);
SELECT expect_error($$SELECT current_drawdown(r) OVER () FROM dd$$);
SELECT expect_error($$SELECT max_drawdown(r ORDER BY t) FROM (VALUES (1, 'NaN'::float8)) AS v(t, r)$$);
SELECT expect_error($$SELECT current_drawdown(r) OVER (ORDER BY t) FROM (VALUES (1, 0.1::float8), (2, '-Infinity')) AS v(t, r)$$);
SELECT expect_error($$SELECT max_drawdown(r) OVER (ORDER BY t) FROM (VALUES (1, 0.1::float8), (2, -1.5)) AS v(t, r)$$);
SELECT expect_error($$SELECT max_drawdown(r ORDER BY t) FROM (VALUES (1, 'Infinity'::float8)) AS v(t, r)$$);
SELECT expect_error($$SELECT current_drawdown(r ORDER BY t) FROM (VALUES (1, '-Infinity'::float8)) AS v(t, r)$$);
SELECT expect_error($$SELECT max_drawdown(r ORDER BY t) FROM (VALUES (1, -1.5::float8)) AS v(t, r)$$);
SELECT expect_error($$SELECT max_drawdown(r, 0 ORDER BY t) FROM dd$$);
SELECT expect_error($$SELECT max_drawdown(r, NULL ORDER BY t) FROM dd$$);
SELECT expect_error($$SELECT max_drawdown(r, t ORDER BY t) FROM dd$$);
SELECT expect_error($$SELECT _max_drawdown_final('{1,2}')$$);
SELECT expect_error($$SELECT _max_drawdown_final('{1,0,0,0.5,0,0,0,0,0,0,0}')$$);
SELECT expect_error($$SELECT _current_drawdown_final('{1,0,0,-0.5,0,-0.25,0,0,0,0,0}')$$);
SELECT expect_error($$SELECT _max_drawdown_final('{1,0,0,-1e308,0,-1e308,0,0,0,0,0}')$$);
SELECT expect_error($$SELECT _drawdown_combine(_drawdown_accum_min(NULL, 0.1, 2), _drawdown_accum_min(NULL, 0.1, 3))$$);

-- min_periods: NULL while the frame holds fewer non-NULL rows than asked
SELECT compound_return(r, 4) AS four_of_4, compound_return(r, 5) AS five_of_4,
       same_bits(compound_return(r, 4), compound_return(r)) AS same_as_plain,
       max_drawdown(r, 4 ORDER BY t) AS mdd4, max_drawdown(r, 5 ORDER BY t) AS mdd5,
       current_drawdown(r, 4 ORDER BY t) AS cdd4, current_drawdown(r, 5 ORDER BY t) AS cdd5
FROM dd;
-- the forward-looking window: the return of the next three periods, NULL
-- where fewer than three are left (a named argument works in a window call)
SELECT t, r, compound_return(r, min_periods => 3) OVER ahead AS next3,
       compound_return(r) OVER ahead AS next3_partial,
       max_drawdown(r, min_periods => 3) OVER ahead AS next3_mdd
FROM (VALUES (1, 0.1::float8), (2, -0.2), (3, 0.05), (4, 0.1), (5, -0.1), (6, 0.2)) AS v(t, r)
WINDOW ahead AS (ORDER BY t ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) ORDER BY t;
-- a moving frame equals its frame recomputed, bit for bit
SELECT count(*) AS rows, count(*) FILTER (WHERE same_bits(m.c, r.c) OR (m.c IS NULL AND r.c IS NULL)) AS same
FROM (SELECT t, compound_return(r, 5) OVER (ORDER BY t ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS c FROM ddr) AS m
JOIN LATERAL (SELECT CASE WHEN count(r) >= 5 THEN compound_return(r) END AS c FROM ddr d WHERE d.t BETWEEN m.t - 9 AND m.t) AS r ON true;
SELECT expect_error($$SELECT compound_return(r, 0) FROM dd$$);
SELECT expect_error($$SELECT compound_return(r, NULL) FROM dd$$);
SELECT expect_error($$SELECT compound_return(r, t) FROM dd$$);
SELECT expect_error($$SELECT compound_return(r, 2) FROM (VALUES ('NaN'::float8)) AS v(r)$$);
SELECT expect_error($$SELECT compound_return(r, 2) FROM (VALUES (-2::float8)) AS v(r)$$);
SELECT _compound_return_min_accum(NULL, 0.5, 3)::text AS state;
SELECT expect_error($$SELECT _compound_return_min_final('1;compoundmin;log;1;0;0;0;0')$$);
