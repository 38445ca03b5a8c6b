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
