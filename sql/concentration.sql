-- hhi() and effective_n(): concentration of weights
SET extra_float_digits = 3;

-- reference vectors
SELECT hhi(w) FROM (VALUES (0.25::float8), (0.25), (0.25), (0.25)) AS v(w);
SELECT hhi(w) FROM (VALUES (30::float8), (30), (20), (20)) AS v(w);
SELECT hhi(cap), effective_n(cap) FROM (VALUES (400::float8), (300), (200), (100)) AS v(cap);
-- fractions, percents and market caps give the same answer
SELECT hhi(w) AS frac, (SELECT hhi(w * 100) FROM (VALUES (0.4::float8), (0.3), (0.2), (0.1)) AS v(w)) AS pct
FROM (VALUES (0.4::float8), (0.3), (0.2), (0.1)) AS v(w);
-- one name
SELECT hhi(w), effective_n(w) FROM (VALUES (7.5::float8)) AS v(w);
-- ties: n equal weights give exactly 1/n and n
SELECT n, hhi(1.0::float8) AS hhi, effective_n(1.0::float8) AS eff_n
FROM generate_series(1, 7) AS n, generate_series(1, n) AS i GROUP BY n ORDER BY n;
-- gross mode for long/short books
SELECT hhi(w, 'gross'), effective_n(w, 'gross') FROM (VALUES (1.5::float8), (-0.5)) AS v(w);
SELECT hhi(w, 'GROSS') FROM (VALUES (1.5::float8), (-0.5)) AS v(w);
SELECT hhi(w, 'net') FROM (VALUES (0.25::float8), (0.75)) AS v(w);
-- a million weights of 1e-6: effective_n is 10^6 to 12 significant digits
SELECT effective_n(1e-6::float8) AS eff_n,
       abs(effective_n(1e-6::float8) / 1e6 - 1) < 1e-12 AS within_1e_12
FROM generate_series(1, 1000000);

-- NULLs are skipped; no usable rows or a zero total give NULL
SELECT hhi(w), effective_n(w) FROM (VALUES (0.5::float8), (NULL), (0.5)) AS v(w);
SELECT hhi(w) IS NULL AS empty_is_null, effective_n(w) IS NULL AS eff_empty_is_null
FROM (SELECT 1.0::float8 WHERE false) AS v(w);
SELECT hhi(w) IS NULL AS all_null, effective_n(w, 'gross') IS NULL AS all_null_gross
FROM (VALUES (NULL::float8), (NULL)) AS v(w);
SELECT hhi(w) IS NULL AS zero_total, effective_n(w) IS NULL AS eff_zero_total
FROM (VALUES (0::float8), (0)) AS v(w);
SELECT hhi(w, 'gross') IS NULL AS gross_zero FROM (VALUES (0::float8), (-0.0)) AS v(w);
-- zero weights count for nothing
SELECT hhi(w) FROM (VALUES (0.5::float8), (0), (0.5), (0)) AS v(w);
-- grouped, with an empty group left out by the WHERE
SELECT g, hhi(w), effective_n(w)
FROM (VALUES ('a', 1::float8), ('a', 1), ('b', 3), ('b', 1), ('c', NULL)) AS v(g, w)
GROUP BY g ORDER BY g;

-- extreme magnitudes: the squares overflow or underflow a double, the ratio does not
SELECT hhi(w), effective_n(w) FROM (VALUES (1e300::float8), (1e300), (1e300), (1e300)) AS v(w);
SELECT hhi(w), effective_n(w) FROM (VALUES (1e-300::float8), (1e-300), (1e-300)) AS v(w);
SELECT hhi(w) FROM (VALUES (1.7976931348623157e308::float8), (1.7976931348623157e308)) AS v(w);
SELECT hhi(w) FROM (VALUES (5e-324::float8), (5e-324)) AS v(w);
-- one dominant name: 1e300 against 1e-300 is 1 to the last bit
SELECT hhi(w), effective_n(w) FROM (VALUES (1e300::float8), (1e-300)) AS v(w);
-- mixed 1e-12 .. 1e12
SELECT hhi(w) FROM (VALUES (1e12::float8), (1e-12), (1), (1e6)) AS v(w);

-- errors
SELECT expect_error($$SELECT hhi(w) FROM (VALUES (1.5::float8), (-0.5)) AS v(w)$$);
SELECT expect_error($$SELECT effective_n(w) FROM (VALUES (1.5::float8), (-0.5)) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w, 'net') FROM (VALUES (-1e-300::float8)) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w) FROM (VALUES (1::float8), ('NaN')) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w, 'gross') FROM (VALUES ('Infinity'::float8)) AS v(w)$$);
SELECT expect_error($$SELECT effective_n(w) FROM (VALUES ('-Infinity'::float8)) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w, 'long') FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w, NULL) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT hhi(w, m) FROM (VALUES (1::float8, 'net'), (2, 'gross')) AS v(w, m)$$);
-- an error loses only the failing statement
BEGIN;
CREATE TEMP TABLE kept (x int);
SAVEPOINT s;
SELECT hhi(w) FROM (VALUES (-1::float8)) AS v(w);
ROLLBACK TO s;
INSERT INTO kept VALUES (1);
SELECT count(*) FROM kept;
COMMIT;

-- The concentration toolkit: top_share, share_above, count_above, active_share
RESET ALL;
-- Concentration toolkit: top_share, share_above, count_above, active_share
SET extra_float_digits = 3;

CREATE TEMP TABLE caps (as_of int, name text, cap float8);
INSERT INTO caps VALUES (1, 'A', 400), (1, 'B', 300), (1, 'C', 200), (1, 'D', 100),
                        (2, 'A', 250), (2, 'B', 250), (2, 'C', 250), (2, 'D', 250),
                        (3, 'A', NULL);

-- top_share: reference vector, fewer names than n gives 1
SELECT n, top_share(cap, n) FROM caps, generate_series(1, 6) AS n
WHERE as_of = 1 GROUP BY n ORDER BY n;
-- grouped; a group of NULL weights gives NULL
SELECT as_of, top_share(cap, 2) FROM caps GROUP BY as_of ORDER BY as_of;
-- ties at the cut-off do not change the sum
SELECT top_share(w, 2) AS n2, top_share(w, 3) AS n3, top_share(w, 4) AS n4
FROM (VALUES (3::float8), (2), (2), (2), (1)) AS v(w);
-- one row, zeros, empty input, zero total
SELECT top_share(w, 1) AS one_row FROM (VALUES (7.5::float8)) AS v(w);
SELECT top_share(w, 1) AS with_zeros FROM (VALUES (0::float8), (3), (0), (1)) AS v(w);
SELECT top_share(w, 3) IS NULL AS empty FROM (SELECT 1::float8 WHERE false) AS v(w);
SELECT top_share(w, 3) IS NULL AS zero_total FROM (VALUES (0::float8), (-0.0)) AS v(w);
-- extreme magnitudes
SELECT top_share(w, 1) AS quarter FROM (VALUES (1e300::float8), (1e300), (1e300), (1e300)) AS v(w);
SELECT top_share(w, 1) AS all_of_it FROM (VALUES (1e300::float8), (1e-300), (5e-324)) AS v(w);
SELECT top_share(w, 2) AS tiny FROM (VALUES (1e-300::float8), (2e-300), (3e-300), (4e-300)) AS v(w);
-- against the plain SQL (ORDER BY ... LIMIT), on 10 000 heavy-tailed weights
CREATE TEMP TABLE hw AS
SELECT i, ((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w
FROM generate_series(1, 10000) AS i;
SELECT abs(top_share(w, 10) / ((SELECT sum(w) FROM (SELECT w FROM hw ORDER BY w DESC LIMIT 10) t) / sum(w)) - 1) < 1e-14 AS top10_matches_sql,
       abs(top_share(w, 500) / ((SELECT sum(w) FROM (SELECT w FROM hw ORDER BY w DESC LIMIT 500) t) / sum(w)) - 1) < 1e-14 AS top500_matches_sql
FROM hw;
-- the same bits whatever the row order
SELECT same_bits((SELECT top_share(w, 10 ORDER BY i) FROM hw), (SELECT top_share(w, 10 ORDER BY w) FROM hw)) AS asc_order,
       same_bits((SELECT top_share(w, 10 ORDER BY i) FROM hw), (SELECT top_share(w, 10 ORDER BY -w) FROM hw)) AS desc_order,
       same_bits((SELECT top_share(w, 10 ORDER BY i) FROM hw), (SELECT top_share(w, 10 ORDER BY (i * 7919) % 10007) FROM hw)) AS shuffled;
-- errors
SELECT expect_error($$SELECT top_share(w, 0) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT top_share(w, -3) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT top_share(w, NULL) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT top_share(w, n) FROM (VALUES (1::float8, 1), (2, 2)) AS v(w, n)$$);
SELECT expect_error($$SELECT top_share(w, 2) FROM (VALUES (1::float8), (-0.5)) AS v(w)$$);
SELECT expect_error($$SELECT top_share(w, 2) FROM (VALUES (1::float8), ('NaN')) AS v(w)$$);
SELECT expect_error($$SELECT top_share(w, 2) FROM (VALUES ('Infinity'::float8)) AS v(w)$$);

-- share_above and count_above: strictly above; a share equal to the threshold is not
SELECT t, share_above(cap, t), count_above(cap, t) FROM caps, (VALUES (0), (0.1), (0.15), (0.2), (0.3), (0.4), (0.5)) AS th(t)
WHERE as_of = 1 GROUP BY t ORDER BY t;
SELECT share_above(w, 0.03) AS share, count_above(w, 0.03) AS names FROM (VALUES (3::float8), (97)) AS v(w);
SELECT share_above(w, 0.03) AS share, count_above(w, 0.03) AS names FROM (VALUES (3.0000001::float8), (96.9999999)) AS v(w);
-- percents, fractions and caps give the same answer
SELECT share_above(w, 0.25) AS fractions, (SELECT share_above(w * 100, 0.25) FROM (VALUES (0.4::float8), (0.3), (0.2), (0.1)) AS v(w)) AS percents
FROM (VALUES (0.4::float8), (0.3), (0.2), (0.1)) AS v(w);
-- equal weights: none above their own share
SELECT as_of, share_above(cap, 0.25), count_above(cap, 0.25), share_above(cap, 0.2499), count_above(cap, 0.2499)
FROM caps GROUP BY as_of ORDER BY as_of;
-- NULLs skipped, empty, zero total, one row
SELECT share_above(w, 0.1) AS share, count_above(w, 0.1) AS names FROM (VALUES (1::float8), (NULL), (1)) AS v(w);
SELECT share_above(w, 0.1) IS NULL AS empty, count_above(w, 0.1) IS NULL AS empty_count FROM (SELECT 1::float8 WHERE false) AS v(w);
SELECT share_above(w, 0.1) IS NULL AS zero_total, count_above(w, 0.1) IS NULL AS zero_count FROM (VALUES (0::float8), (0)) AS v(w);
SELECT share_above(w, 0.99) AS one_row, count_above(w, 0.99) AS one_name FROM (VALUES (5::float8)) AS v(w);
-- extreme magnitudes
SELECT share_above(w, 0.3) AS share, count_above(w, 0) AS positive FROM (VALUES (1e300::float8), (1e300), (1e-300), (0)) AS v(w);
SELECT share_above(w, 0) AS share, count_above(w, 0) AS positive FROM (VALUES (1e300::float8), (5e-324)) AS v(w);
-- against the plain SQL (window function), and order independence
SELECT abs(share_above(w, 0.001) / (SELECT sum(s) FROM (SELECT w / sum(w) OVER () AS s FROM hw) t WHERE s > 0.001) - 1) < 1e-14 AS share_matches_sql,
       count_above(w, 0.001) = (SELECT count(*) FROM (SELECT w / sum(w) OVER () AS s FROM hw) t WHERE s > 0.001) AS count_matches_sql
FROM hw;
SELECT same_bits((SELECT share_above(w, 0.001 ORDER BY i) FROM hw), (SELECT share_above(w, 0.001 ORDER BY w) FROM hw)) AS asc_order,
       same_bits((SELECT share_above(w, 0.001 ORDER BY i) FROM hw), (SELECT share_above(w, 0.001 ORDER BY (i * 7919) % 10007) FROM hw)) AS shuffled;
-- errors
SELECT expect_error($$SELECT share_above(w, 3) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT count_above(w, 1) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT share_above(w, -0.01) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT count_above(w, 'NaN') FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT share_above(w, NULL) FROM (VALUES (1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT count_above(w, t) FROM (VALUES (1::float8, 0.03::float8), (2, 0.05)) AS v(w, t)$$);
SELECT expect_error($$SELECT share_above(w, 0.03) FROM (VALUES (1::float8), (-2)) AS v(w)$$);
SELECT expect_error($$SELECT count_above(w, 0.03) FROM (VALUES ('-Infinity'::float8)) AS v(w)$$);

-- active_share: the reference vector (full outer join, a missing side is NULL)
CREATE TEMP TABLE port (name text, w float8);
CREATE TEMP TABLE bench (name text, w float8);
INSERT INTO port VALUES ('A', 0.5), ('B', 0.3), ('C', 0.2);
INSERT INTO bench VALUES ('A', 0.25), ('B', 0.25), ('C', 0.25), ('D', 0.25);
SELECT active_share(p.w, b.w) FROM port p FULL JOIN bench b USING (name);
-- identical and proportional holdings: 0; disjoint: 1
SELECT active_share(w, w) AS identical, active_share(w, w * 4) AS proportional,
       active_share(w, w * 3) < 1e-15 AS nearly_proportional
FROM hw;
SELECT active_share(p, b) AS disjoint FROM (VALUES (1::float8, NULL::float8), (2, NULL), (NULL, 5)) AS v(p, b);
-- both sides NULL: the row is skipped; one side all zero: NULL
SELECT active_share(p, b) FROM (VALUES (1::float8, 1::float8), (NULL, NULL), (3, 1)) AS v(p, b);
SELECT active_share(p, b) IS NULL AS no_portfolio FROM (VALUES (0::float8, 1::float8), (NULL, 2)) AS v(p, b);
SELECT active_share(p, b) IS NULL AS empty FROM (SELECT 1::float8, 1::float8 WHERE false) AS v(p, b);
SELECT active_share(p, b) IS NULL AS all_null FROM (VALUES (NULL::float8, NULL::float8)) AS v(p, b);
-- one row: the same single name
SELECT active_share(p, b) AS one_row FROM (VALUES (3::float8, 7::float8)) AS v(p, b);
-- extreme magnitudes: the same proportions in 1e300 and 1e-300 units
SELECT active_share(w * 1e300, w * 1e-300) AS scaled_copy FROM hw;
SELECT active_share(p, b) FROM (VALUES (1e300::float8, 1e-300::float8), (1e300, 3e-300)) AS v(p, b);
-- against the plain SQL and order independence
CREATE TEMP TABLE hw2 AS SELECT i, w, ((((i::bigint * 40503) % 65536) + 0.5) / 65536.0)::float8 AS b FROM hw;
SELECT abs(active_share(w, b) - (SELECT 0.5 * sum(abs(w / sw - b / sb)) FROM hw2, (SELECT sum(w) sw, sum(b) sb FROM hw2) t)) < 1e-15 AS matches_sql
FROM hw2;
SELECT same_bits((SELECT active_share(w, b ORDER BY i) FROM hw2), (SELECT active_share(w, b ORDER BY w) FROM hw2)) AS asc_order,
       same_bits((SELECT active_share(w, b ORDER BY i) FROM hw2), (SELECT active_share(w, b ORDER BY (i * 7919) % 10007) FROM hw2)) AS shuffled;
-- errors
SELECT expect_error($$SELECT active_share(p, b) FROM (VALUES (-1::float8, 1::float8)) AS v(p, b)$$);
SELECT expect_error($$SELECT active_share(p, b) FROM (VALUES (1::float8, -1::float8)) AS v(p, b)$$);
SELECT expect_error($$SELECT active_share(p, b) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(p, b)$$);
SELECT expect_error($$SELECT active_share(p, b) FROM (VALUES (1::float8, 'Infinity'::float8)) AS v(p, b)$$);

-- active_share with a side whose total is beyond the largest double: the
-- shares are still well defined (was 22003)
SELECT active_share(p, b) AS same_proportions FROM (VALUES (1e308::float8, 1::float8), (1e308, 1)) AS v(p, b);
SELECT active_share(p, b) AS sixth FROM (VALUES (1e308::float8, 1::float8), (1e308, 2), (1e308, 3)) AS v(p, b);
SELECT active_share(p, b) AS both_sides_huge
FROM (VALUES (1.7976931348623157e308::float8, 1.7976931348623157e308::float8), (1.7976931348623157e308, 0), (0, 1.7976931348623157e308)) AS v(p, b);
-- scaling a side by a power of two changes nothing, to the last bit, also
-- when its total leaves the double range
SELECT same_bits(active_share(b * 2 ^ 1020, w), active_share(b, w)) AS portfolio_scaled,
       same_bits(active_share(w, b * 2 ^ 1020), active_share(w, b)) AS benchmark_scaled,
       same_bits(active_share(b * 2 ^ 1020, b * 2 ^ -1000), active_share(b, b)) AS both_scaled
FROM hw2;
-- within one ulp of the exact value (checked by exact cross-multiplication
-- in numeric) for random books of mixed magnitudes, totals beyond the double
-- range included
SELECT det_setseed(75);
CREATE FUNCTION pg_temp.random_weight(huge boolean) RETURNS float8 LANGUAGE sql VOLATILE AS $$
  SELECT CASE floor(det_random() * CASE WHEN huge THEN 7 ELSE 5 END)::int
           WHEN 0 THEN 0
           WHEN 1 THEN floor(det_random() * 2000) * 5e-324
           WHEN 2 THEN det_random() * 1e-300
           WHEN 3 THEN det_random()
           WHEN 4 THEN det_random() * 1e300
           ELSE (0.5 + det_random() / 2) * 1.7976931348623157e308 END $$;
CREATE TEMP TABLE as_books AS
SELECT i % 100 AS g, pg_temp.random_weight(i % 2 = 0) AS p, pg_temp.random_weight(i % 3 = 0) AS b
FROM generate_series(1, 2000) AS i;
-- and books whose totals need more than two doubles (106 bits), the
-- portfolio nearly the benchmark: the totals are used exactly (read as
-- double-doubles they made the first book's result twice too small)
INSERT INTO as_books VALUES
  (100, 1, 1), (100, 2::float8 ^ -60, 2::float8 ^ -60), (100, 2::float8 ^ -120, 2::float8 ^ -120),
  (100, 2::float8 ^ -180, 2::float8 ^ -180 * (1 + 2::float8 ^ -50)),
  (101, 2::float8 ^ 100, 2::float8 ^ 100), (101, 1, 1), (101, 2::float8 ^ -100, 2::float8 ^ -100 + 2::float8 ^ -152),
  (102, 1.7976931348623157e308, 1.7976931348623157e308), (102, 1.7976931348623157e308, 1.7976931348623157e308),
  (102, 2::float8 ^ 100, 2::float8 ^ 100 + 2::float8 ^ 48), (102, 1, 1);
CREATE TEMP TABLE as_check AS
SELECT g, active_share(p, b) AS r,
       sum(exact_numeric(p)) AS pt, sum(exact_numeric(b)) AS bt
FROM as_books GROUP BY g;
SELECT g, r FROM as_check WHERE g >= 100 ORDER BY g;
SELECT count(*) AS books, count(*) FILTER (WHERE c.pt > 1.7976931348623157e308 OR c.bt > 1.7976931348623157e308) AS beyond_double,
       count(*) FILTER (WHERE abs(exact_numeric(c.r) * 2 * c.pt * c.bt - n.num) <= exact_ulp(c.r) * 2 * c.pt * c.bt) AS within_1_ulp
FROM as_check c
JOIN (SELECT k.g, sum(abs(exact_numeric(k.p) * c2.bt - exact_numeric(k.b) * c2.pt)) AS num
      FROM as_books k JOIN as_check c2 USING (g) GROUP BY k.g) AS n USING (g)
WHERE c.pt > 0 AND c.bt > 0;

-- every toolkit aggregate with NaN, ±Infinity, -0, subnormals and the edges
-- of the double range: a clean error with its SQLSTATE, or the right value
CREATE FUNCTION pg_temp.value_or_error(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r text;
BEGIN
  EXECUTE sql INTO r;
  RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT x, pg_temp.value_or_error(format('SELECT top_share(w, 1) FROM (VALUES (%s::float8), (%s)) AS v(w)', quote_literal(x), quote_literal(x))) AS top_share_1,
       pg_temp.value_or_error(format('SELECT share_above(w, 0.25) FROM (VALUES (%s::float8), (1e-320)) AS v(w)', quote_literal(x))) AS share_above,
       pg_temp.value_or_error(format('SELECT count_above(w, 0) FROM (VALUES (%s::float8), (1e-320)) AS v(w)', quote_literal(x))) AS count_above,
       pg_temp.value_or_error(format('SELECT active_share(p, b) FROM (VALUES (%s::float8, 1::float8), (1, %s)) AS v(p, b)', quote_literal(x), quote_literal(x))) AS active_share
FROM (VALUES ('NaN'), ('Infinity'), ('-Infinity'), ('-0.0'), ('0'), ('5e-324'), ('2.2250738585072014e-308'),
             ('1.7976931348623157e308'), ('-1.7976931348623157e308'), ('-5e-324')) AS v(x);
SELECT t, pg_temp.value_or_error(format('SELECT share_above(w, %s) FROM (VALUES (1::float8), (5e-324), (1.7976931348623157e308)) AS v(w)', quote_literal(t))) AS share_above,
       pg_temp.value_or_error(format('SELECT count_above(w, %s) FROM (VALUES (1::float8), (5e-324), (1.7976931348623157e308)) AS v(w)', quote_literal(t))) AS count_above
FROM (VALUES ('NaN'), ('Infinity'), ('-Infinity'), ('-0.0'), ('5e-324'), ('1e-310'), ('0.9999999999999999'), ('1'),
             ('1.7976931348623157e308'), ('-5e-324')) AS v(t);
SELECT n, pg_temp.value_or_error(format('SELECT top_share(w, %s) FROM (VALUES (1::float8), (5e-324), (1.7976931348623157e308)) AS v(w)', n)) AS top_share
FROM (VALUES (1), (2), (3), (2147483647), (0), (-2147483648)) AS v(n);
-- many weights at the largest double: totals beyond double precision
SELECT top_share(w, 2) AS top2, share_above(w, 0.2) AS above, count_above(w, 0.2) AS names,
       active_share(w, 1) AS vs_equal
FROM (SELECT 1.7976931348623157e308::float8 AS w FROM generate_series(1, 4)) AS v;
-- over a window (no Aggref), errors name the aggregate the window runs; when
-- two aggregates of one window share the failing function, the shared name (hhi)
SELECT expect_error($$SELECT effective_n(w) OVER (ORDER BY i) FROM (VALUES (1, 1.0::float8), (2, -1)) AS v(i, w)$$);
SELECT expect_error($$SELECT effective_n(w) OVER (ORDER BY i ROWS 1 PRECEDING) FROM (VALUES (1, 1.0::float8), (2, -1)) AS v(i, w)$$);
SELECT expect_error($$SELECT count_above(w, 0.1) OVER (ORDER BY i) FROM (VALUES (1, 1.0::float8), (2, 'NaN')) AS v(i, w)$$);
SELECT expect_error($$SELECT effective_n(w) OVER w, hhi(w) OVER w FROM (VALUES (1, 1.0::float8), (2, -1)) AS v(i, w) WINDOW w AS (ORDER BY i)$$);

-- top_contribution(weight, ret, n): the share of sum(w*r) from the n largest
-- hand-checked: sum(w*r) = 0.4 - 0.4 + 0.6 + 0.5 = 1.1; the two largest are
-- (4, 0.1) and, of the two names of weight 2, the one with the larger return
-- (2, 0.3): (0.4 + 0.6) / 1.1 = 0.90909...
CREATE TEMP TABLE tc (w float8, r float8);
INSERT INTO tc VALUES (4, 0.1), (2, -0.2), (2, 0.3), (1, 0.5), (1, 0), (0, 1), (NULL, 0.2), (3, NULL);
SELECT top_contribution(w, r, 1) AS top1, top_contribution(w, r, 2) AS top2,
       top_contribution(w, r, 6) AS all6, top_contribution(w, r, 100) AS fewer_than_n
FROM tc;
-- the order of the rows does not matter, ties at the cut included
SELECT count(DISTINCT float8send(c)) AS distinct_results
FROM (SELECT (SELECT top_contribution(w, r, 2) FROM (SELECT * FROM tc ORDER BY md5(w::text || r::text || s::text)) AS o) AS c
      FROM generate_series(1, 20) AS s) AS q;
-- a zero total, one row, no rows, NULLs only
SELECT top_contribution(w, r, 1) AS zero_total FROM (VALUES (1.0::float8, 0.5::float8), (1, -0.5)) AS v(w, r);
SELECT top_contribution(w, r, 1) AS one_row FROM (VALUES (2.0::float8, -0.25::float8)) AS v(w, r);
SELECT top_contribution(w, r, 1) AS no_rows FROM tc WHERE false;
SELECT top_contribution(w, r, 1) AS nulls FROM (VALUES (NULL::float8, 1::float8)) AS v(w, r);
-- the largest names gained while the rest lost: more than 1
SELECT top_contribution(w, r, 1) AS above_one FROM (VALUES (5.0::float8, 0.1::float8), (1, -0.2)) AS v(w, r);
-- extreme magnitudes: exact products and sums
SELECT top_contribution(w, r, 1) AS extreme
FROM (VALUES (1e300::float8, 1e-300::float8), (1e-300, 1e300), (1, 1)) AS v(w, r);
-- against an exact oracle (numeric sums of the exact products)
SELECT det_setseed(7);
CREATE TEMP TABLE tcr AS
SELECT i, round(det_random() * 4096) / 64 AS w, (round(det_random() * 2048) - 1000) / 8192 AS r
FROM generate_series(1, 2000) AS i;
SELECT abs(exact_numeric(c) - o) <= exact_ulp(c) AS top10_within_1ulp
FROM (SELECT top_contribution(w, r, 10) AS c FROM tcr) AS f,
     (SELECT (SELECT sum(w::numeric * r::numeric) FROM (SELECT w, r FROM tcr ORDER BY w DESC, r DESC LIMIT 10) t)
             / sum(w::numeric * r::numeric) AS o FROM tcr) AS q;
-- errors
SELECT expect_error($$SELECT top_contribution(w, r, 0) FROM tc$$);
SELECT expect_error($$SELECT top_contribution(w, r, NULL) FROM tc$$);
SELECT expect_error($$SELECT top_contribution(w, r, w::int) FROM tc WHERE w IS NOT NULL$$);
SELECT expect_error($$SELECT top_contribution(w, r, 1) FROM (VALUES (-1::float8, 0.1::float8)) AS v(w, r)$$);
SELECT expect_error($$SELECT top_contribution(w, r, 1) FROM (VALUES ('NaN'::float8, 0.1::float8)) AS v(w, r)$$);
SELECT expect_error($$SELECT top_contribution(w, r, 1) FROM (VALUES (1::float8, 'Infinity'::float8)) AS v(w, r)$$);
SELECT expect_error($$SELECT top_contribution(w, r, 1) FROM (VALUES (1::float8, '-Infinity'::float8)) AS v(w, r)$$);

-- names_to_match(weight, n_largest): how many of the smallest names weigh
-- at least as much as the n largest
-- hand-checked: largest 4; smallest first 0, 1, 1, 2 add up to 4 -> 4 names
-- (exactly equal counts); the two largest 4 + 3 = 7 against 0+1+1+2+2 = 6 -> NULL
SELECT names_to_match(w, 1) AS match1, names_to_match(w, 2) AS match2,
       names_to_match(w, 7) AS more_than_names
FROM tc;
SELECT names_to_match(w, 1) AS one_row FROM (VALUES (2.0::float8)) AS v(w);
SELECT names_to_match(w, 1) AS no_rows FROM tc WHERE false;
SELECT names_to_match(w, 1) AS all_zero FROM (VALUES (0::float8), (0), (0)) AS v(w);
SELECT names_to_match(w, 1) AS ties FROM (VALUES (1::float8), (1), (1)) AS v(w);
SELECT names_to_match(w, 1) AS extreme FROM (VALUES (1e300::float8), (5e299), (5e299), (1e-300)) AS v(w);
-- the largest name against 1 000 small ones of a 1/1000-th of it: 1000
SELECT names_to_match(w, 1) AS thousand
FROM (SELECT 1.0::float8 AS w UNION ALL SELECT 0.001 FROM generate_series(1, 1500)) AS s;
-- against plain SQL (exact: multiples of 1/64)
SELECT names_to_match(w, 5) = (
         SELECT min(k) FROM (SELECT row_number() OVER (ORDER BY w) AS k, sum(w::numeric) OVER (ORDER BY w ROWS UNBOUNDED PRECEDING) AS cum
                             FROM (SELECT w FROM tcr ORDER BY w OFFSET 0 LIMIT (SELECT count(*) - 5 FROM tcr)) AS small) AS c
         WHERE cum >= (SELECT sum(w::numeric) FROM (SELECT w FROM tcr ORDER BY w DESC LIMIT 5) AS t)) AS match_sql
FROM tcr;
SELECT expect_error($$SELECT names_to_match(w, 0) FROM tc$$);
SELECT expect_error($$SELECT names_to_match(w, NULL) FROM tc$$);
SELECT expect_error($$SELECT names_to_match(w, 1) FROM (VALUES (-1::float8)) AS v(w)$$);
SELECT expect_error($$SELECT names_to_match(w, 1) FROM (VALUES ('NaN'::float8)) AS v(w)$$);
SELECT expect_error($$SELECT names_to_match(w, 1) FROM (VALUES ('Infinity'::float8)) AS v(w)$$);

-- share_above and count_above at the threshold (inclusive): 3 of 100 is a
-- share of exactly 0.03; the pruning keeps it while the total grows
SELECT share_above(w, 0.03) AS above, count_above(w, 0.03) AS n_above,
       share_above(w, 0.03, true) AS at_or_above, count_above(w, 0.03, true) AS n_at_or_above
FROM (SELECT 3::float8 AS w UNION ALL SELECT 1 FROM generate_series(1, 97)) AS s;
SELECT count_above(w, 0.03, false) AS exclusive_false
FROM (SELECT 3::float8 AS w UNION ALL SELECT 1 FROM generate_series(1, 97)) AS s;
-- threshold 0: every name is at or above it, zero weights included
SELECT count_above(w, 0) AS n_above_0, count_above(w, 0, true) AS n_at_or_above_0,
       share_above(w, 0, true) AS share_at_or_above_0
FROM (VALUES (0::float8), (1), (2)) AS v(w);
SELECT count_above(w, 0.5, true) AS one_row FROM (VALUES (2.0::float8)) AS v(w);
SELECT count_above(w, 0.5, true) AS no_rows FROM tc WHERE false;
SELECT share_above(w, 0.5, true) AS extreme FROM (VALUES (1e300::float8), (1e300), (1e-300)) AS v(w);
SELECT expect_error($$SELECT share_above(w, 0.03, NULL) FROM tc$$);
SELECT expect_error($$SELECT count_above(w, 0.03, w > 1) FROM tc WHERE w IS NOT NULL$$);
SELECT expect_error($$SELECT share_above(w, 'NaN', true) FROM tc$$);
SELECT expect_error($$SELECT share_above(w, 0.03, true) FROM (VALUES ('Infinity'::float8)) AS v(w)$$);

-- states of the new kinds read back as text, and are checked
SELECT s, s::text::weightset::text = s::text AS round_trip
FROM (SELECT _top_contribution_accum(_top_contribution_accum(_top_contribution_accum(NULL, 2, -0.5, 2), 3, 0.25, 2), 1, 1, 2) AS s
      UNION ALL SELECT _names_to_match_accum(_names_to_match_accum(NULL, 2, 1), 0.5, 1)
      UNION ALL SELECT _share_above_accum_inclusive(NULL, 2, 0.1, true)) AS q;
SELECT expect_error($$SELECT '1;contrib;2;1;0;2:1,1:-2'::weightset$$);
SELECT expect_error($$SELECT '1;contrib;2;2;0;2:NaN,1:-2'::weightset$$);
SELECT expect_error($$SELECT '1;match;1;-1'::weightset$$);
SELECT expect_error($$SELECT '1;match;0;1'::weightset$$);
SELECT expect_error($$SELECT _names_to_match_final('1;top;1;1;1.0.1.00000001;1'::weightset)$$);
SELECT expect_error($$SELECT _weightset_combine(_top_contribution_accum(NULL, 1, 1, 1), _top_contribution_accum(NULL, 1, 1, 2))$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum_inclusive(NULL, 1, 0.1, true), _share_above_accum_inclusive(NULL, 1, 0.1, false))$$);
