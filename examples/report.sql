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

-- issue 6: regimes over time, tilts, liquidity, spread shocks, size segments (begin)
\echo
\echo '4. REGIME HISTORY  Global leading indicator (SYNTHETIC, calibrated): regime shifts per year'
\echo '   regime_track: a flat month keeps the direction; confirmed = after 3 readings of a new regime'
CREATE TEMP VIEW tracked AS
SELECT region, as_of, level, change,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 3) OVER w AS confirmed
FROM (SELECT region, as_of, level::float8,
             level::float8 - lag(level::float8) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of);
SELECT y AS year, regime_shifts(regime ORDER BY as_of) AS shifts,
       regime_shifts(confirmed ORDER BY as_of) AS confirmed_shifts,
       string_agg(to_char(as_of, 'Mon') || ' ' || regime, ', ' ORDER BY as_of)
         FILTER (WHERE as_of >= make_date(y, 1, 1) AND regime IS DISTINCT FROM prev) AS shifted_to
FROM (SELECT *, lag(regime) OVER (PARTITION BY region ORDER BY as_of) AS prev FROM tracked) AS t,
     generate_series(2016, 2025) AS y
WHERE region = 'Global' AND as_of BETWEEN make_date(y - 1, 12, 1) AND make_date(y, 12, 1)
GROUP BY y ORDER BY y;

\echo
\echo '   tilts of the December 2025 regimes (regime_playbook; slowdown rows are tactalloc defaults)'
SELECT t.regime, string_agg(DISTINCT t.region, ', ') AS regions, p.asset, p.tilt
FROM (SELECT region, regime FROM tracked WHERE as_of = '2025-12-01') AS t,
     LATERAL regime_tilts(t.regime) AS p
GROUP BY t.regime, p.asset, p.tilt ORDER BY t.regime, p.asset;

\echo
\echo '5. LIQUIDITY  Federal Reserve, month ends (SYNTHETIC path through public anchors)'
SELECT month, total_assets_tn, policy_rate,
       liquidity_stance(round((total_assets_tn - lag(total_assets_tn) OVER w)::numeric, 2)::float8,
                        policy_rate - lag(policy_rate) OVER w) AS stance
FROM (SELECT date_trunc('month', as_of)::date AS month,
             (array_agg(total_assets_usd_tn ORDER BY as_of DESC))[1]::float8 AS total_assets_tn,
             (array_agg(policy_rate_upper ORDER BY as_of DESC))[1]::float8 AS policy_rate
      FROM fed_balance_sheet GROUP BY 1) AS m
WINDOW w AS (ORDER BY month)
ORDER BY month DESC LIMIT 6;

\echo
\echo '6. SPREAD SHOCK  a 10 % relative widening of spreads, 31 December 2025 (SYNTHETIC bonds)'
SELECT portfolio, round(dts(market_value, spread_duration, oas_bp)::numeric, 1) AS dts,
       round(spread_return(dts(market_value, spread_duration, oas_bp), 0.10)::numeric, 1) AS spread_return_bp
FROM bond_holdings GROUP BY portfolio ORDER BY portfolio;

\echo
\echo '7. SIZE SEGMENTS  2025 reconstitution (SYNTHETIC universe): breakpoints 1000 / 3000, 5 % band'
SELECT coalesce(prior_segment::text, 'new or beyond 3000') AS prior_segment,
       count(*) FILTER (WHERE by_rank = 1) AS rank_1_1000,
       count(*) FILTER (WHERE by_rank = 2) AS rank_1001_3000,
       count(*) FILTER (WHERE segment = 1) AS segment_1,
       count(*) FILTER (WHERE segment = 2) AS segment_2,
       count(*) FILTER (WHERE segment IS NULL) AS outside
FROM (SELECT prior_segment,
             size_segment(market_cap::float8) OVER w AS by_rank,
             size_segment(market_cap::float8, prior_segment) OVER w AS segment
      FROM size_universe WHERE rank_date = '2025-06-27'
      WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)) AS s
GROUP BY prior_segment ORDER BY prior_segment NULLS LAST;
-- issue 6 (end)
