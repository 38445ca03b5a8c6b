-- tactalloc: the analyst's monthly report, in plain SQL over the bundled data
-- (data/README.md).  Every figure comes from tactalloc's functions; copy any
-- query into psql.  Tables marked SYNTHETIC are generated, calibrated data.
\pset footer off
\pset null '-'
SET extra_float_digits = 0;

\echo
\echo '1. CONCENTRATION  US large-cap index, year ends (SYNTHETIC constituents, calibrated)'
\echo '   effective N = 1 / HHI of market-cap weights: the number of equal weights as concentrated'
SELECT extract(year FROM as_of)::int AS year,
       count(*) AS names,
       round(effective_n(market_cap)::numeric, 1) AS effective_n,
       round(hhi(market_cap)::numeric, 4) AS hhi
FROM constituents
WHERE as_of IN (SELECT max(as_of) FROM constituents GROUP BY extract(year FROM as_of))
  AND extract(year FROM as_of) IN (1990, 1995, 1999, 2005, 2010, 2015, 2020, 2024, 2025)
GROUP BY as_of ORDER BY as_of;

\echo
\echo '   sector groups at the end of 2025: concentration within each group'
SELECT CASE WHEN sector IN ('Information Technology', 'Communication Services')
            THEN 'IT + communication services' ELSE 'rest of the index' END AS sector_group,
       count(*) AS names,
       round(100 * sum(market_cap) / (SELECT sum(market_cap) FROM constituents WHERE as_of = '2025-12-31'), 1) AS weight_pct,
       round(effective_n(market_cap)::numeric, 1) AS effective_n
FROM constituents WHERE as_of = '2025-12-31'
GROUP BY 1 ORDER BY 1;

\echo
\echo '2. MACRO REGIME  leading indicators by region, December 2025 (SYNTHETIC, calibrated)'
\echo '   level against trend 100, change = month on month'
SELECT region, level, round(change::numeric, 3) AS change, regime_classify(level, change) AS regime
FROM (SELECT region, as_of, level, level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei) AS l
WHERE as_of = '2025-12-01'
ORDER BY regime, region;

\echo
\echo '   US growth regimes 1962-2009 (REAL: statsmodels macrodata real GDP against its trailing'
\echo '   10-year log-linear trend, x100) next to NBER recessions'
CREATE TEMP VIEW us_growth AS
WITH g AS (
    SELECT quarter_start AS q, ln(realgdp::float8) AS y,
           row_number() OVER (ORDER BY quarter_start) AS t
    FROM us_macro_quarterly
), trend AS (
    SELECT q, t, y,
           regr_intercept(y, t) OVER w + regr_slope(y, t) OVER w * t AS y_trend,
           count(*) OVER w AS n
    FROM g
    WINDOW w AS (ORDER BY t ROWS BETWEEN 40 PRECEDING AND 1 PRECEDING)
)
SELECT q, 100 * exp(y - y_trend) AS level,
       100 * exp(y - y_trend) - lag(100 * exp(y - y_trend)) OVER (ORDER BY q) AS change
FROM trend WHERE n >= 12;
SELECT (extract(decade FROM q) * 10)::int AS decade,
       count(*) FILTER (WHERE regime_classify(level, change) = 'recovery') AS recovery,
       count(*) FILTER (WHERE regime_classify(level, change) = 'expansion') AS expansion,
       count(*) FILTER (WHERE regime_classify(level, change) = 'slowdown') AS slowdown,
       count(*) FILTER (WHERE regime_classify(level, change) = 'contraction') AS contraction,
       count(*) FILTER (WHERE r.peak_quarter IS NOT NULL) AS nber_recession_qtrs,
       count(*) FILTER (WHERE r.peak_quarter IS NOT NULL AND regime_classify(level, change) = 'contraction') AS recession_in_contraction
FROM us_growth u
LEFT JOIN nber_recessions r ON u.q > r.peak_quarter AND u.q <= r.trough_quarter
WHERE change IS NOT NULL
GROUP BY 1 ORDER BY 1;

\echo
\echo '3. CREDIT  duration times spread, 31 December 2025 (SYNTHETIC bonds, calibrated)'
SELECT portfolio, count(*) AS bonds,
       round(dts(market_value, spread_duration, oas_bp)::numeric, 1) AS dts,
       round((sum(market_value * spread_duration) / sum(market_value))::numeric, 2) AS avg_duration,
       round((sum(market_value * oas_bp) / sum(market_value))::numeric, 1) AS avg_oas_bp
FROM bond_holdings GROUP BY portfolio ORDER BY portfolio;
