-- dts(): duration times spread, per bond and per portfolio
SET extra_float_digits = 3;

SELECT dts(5, 100) AS bond_dts, dts(7, 150), dts(3, 400);
-- a negative spread is valid, a zero duration too
SELECT dts(4, -12.5) AS negative_spread, dts(0, 250) AS zero_duration;
SELECT dts(NULL, 100) IS NULL AS null_duration, dts(5, NULL) IS NULL AS null_spread;

-- the portfolio: weights 0.5/0.3/0.2, durations 5/7/3, spreads 100/150/400 bp
CREATE TEMP TABLE book (bond text, w float8, mv float8, dur float8, oas float8);
INSERT INTO book VALUES ('A', 0.5, 50, 5, 100), ('B', 0.3, 30, 7, 150), ('C', 0.2, 20, 3, 400);
-- 805, not avg(D) x avg(S) = 910
SELECT dts(w, dur, oas) AS by_weight, dts(mv, dur, oas) AS by_market_value,
       sum(w * dur) * sum(w * oas) AS naive_910
FROM book;
-- the same as the per-bond DTS weighted by market value
SELECT dts(mv, dur, oas) = sum(mv * dts(dur, oas)) / sum(mv) AS matches_per_bond FROM book;
-- one bond
SELECT dts(w, dur, oas) FROM book WHERE bond = 'B';
-- NULLs skip the row; empty input and zero total weight give NULL
SELECT dts(w, dur, oas) FROM (VALUES (0.5::float8, 5::float8, 100::float8), (NULL, 7, 150), (0.5, NULL, 400), (0.5, 3, NULL)) AS v(w, dur, oas);
SELECT dts(w, dur, oas) IS NULL AS empty_is_null FROM book WHERE false;
SELECT dts(w, dur, oas) IS NULL AS zero_weight FROM (VALUES (0::float8, 5::float8, 100::float8)) AS v(w, dur, oas);
-- offsetting weights (a short hedge) net to zero: NULL, not a division by zero
SELECT dts(w, dur, oas) IS NULL AS net_zero FROM (VALUES (1::float8, 5::float8, 100::float8), (-1, 5, 100)) AS v(w, dur, oas);
-- extreme magnitudes: w*D*S leaves the double range, the ratio does not
SELECT dts(w, dur, oas) FROM (VALUES (1e300::float8, 5::float8, 100::float8), (1e300, 5, 100)) AS v(w, dur, oas);
SELECT dts(w, dur, oas) FROM (VALUES (1e-300::float8, 1e-10::float8, 1e-10::float8)) AS v(w, dur, oas);
-- grouped by portfolio
SELECT p, dts(mv, dur, oas)
FROM (VALUES ('core', 60::float8, 5::float8, 100::float8), ('core', 40, 7, 150), ('hy', 100, 4, 450)) AS v(p, mv, dur, oas)
GROUP BY p ORDER BY p;

-- errors
SELECT expect_error($$SELECT dts(-1, 100)$$);
SELECT expect_error($$SELECT dts('NaN', 100)$$);
SELECT expect_error($$SELECT dts(5, 'Infinity')$$);
SELECT expect_error($$SELECT dts(1e200, 1e200)$$);
SELECT expect_error($$SELECT dts(w, d, s) FROM (VALUES (1::float8, -2::float8, 100::float8)) AS v(w, d, s)$$);
SELECT expect_error($$SELECT dts(w, d, s) FROM (VALUES ('NaN'::float8, 2::float8, 100::float8)) AS v(w, d, s)$$);
SELECT expect_error($$SELECT dts(w, d, s) FROM (VALUES (1::float8, 1e300::float8, 1e300::float8)) AS v(w, d, s)$$);

-- spread_return
RESET ALL;
-- spread_return(): the spread return of a spread shock, -DTS x relative change
SET extra_float_digits = 3;

-- an 805 DTS book and a 10 % relative widening: -80.5 bp
SELECT spread_return(805, 0.10) AS widening_10pct, spread_return(805, -0.10) AS tightening_10pct;
SELECT same_bits(spread_return(805, 0.10), -80.5) AS exactly_minus_80_5;
-- from the dts aggregate of a book (805 year-bp)
SELECT spread_return(dts(w, dur, oas), 0.10) AS book
FROM (VALUES (0.5::float8, 5::float8, 100::float8), (0.3, 7, 150), (0.2, 3, 400)) AS v(w, dur, oas);
-- a negative DTS (negative spreads) gains from widening; zeros give +0, not -0
SELECT spread_return(-50, 0.2) AS negative_dts, spread_return(0, 0.1) AS zero_dts,
       spread_return(805, 0) AS no_shock, spread_return(0, -0.1) AS zero_times_negative;
-- extreme magnitudes
SELECT spread_return(1e300, 1e-300) AS tiny_product, spread_return(1e-300, 1e-300) AS underflow,
       spread_return(1.7e308, -1) AS largest;
-- strict: NULL in, NULL out
SELECT spread_return(NULL, 0.1) IS NULL AS null_dts, spread_return(805, NULL) IS NULL AS null_change;
-- errors
SELECT expect_error($$SELECT spread_return('NaN', 0.1)$$);
SELECT expect_error($$SELECT spread_return(805, 'Infinity')$$);
SELECT expect_error($$SELECT spread_return(1e200, 1e200)$$);
SELECT expect_error($$SELECT spread_return(-1e200, 1e200)$$);
