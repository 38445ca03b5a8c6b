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
