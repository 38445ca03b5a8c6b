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
