-- data/sanity_checks.sql: plain-SQL checks of the bundled demo data (no extension needed).
--     psql -d mydb -f data/load.sql && psql -d mydb -f data/sanity_checks.sql
-- The values to expect are listed in data/README.md.

\set ON_ERROR_STOP on

-- row counts
SELECT 'us_macro_quarterly' AS tbl, count(*) FROM us_macro_quarterly
UNION ALL SELECT 'nber_recessions', count(*) FROM nber_recessions
UNION ALL SELECT 'sp500_monthly', count(*) FROM sp500_monthly
UNION ALL SELECT 'sp500_daily', count(*) FROM sp500_daily
UNION ALL SELECT 'stock_prices', count(*) FROM stock_prices
UNION ALL SELECT 'constituents', count(*) FROM constituents
UNION ALL SELECT 'portfolio_holdings', count(*) FROM portfolio_holdings
UNION ALL SELECT 'bond_holdings', count(*) FROM bond_holdings
UNION ALL SELECT 'lei', count(*) FROM lei
UNION ALL SELECT 'fed_balance_sheet', count(*) FROM fed_balance_sheet
UNION ALL SELECT 'size_universe', count(*) FROM size_universe;

-- concentration per snapshot: top-10 share, effective N (1 / sum w^2), names above 3 %
WITH w AS (
    SELECT as_of, market_cap / sum(market_cap) OVER (PARTITION BY as_of) AS w,
           row_number() OVER (PARTITION BY as_of ORDER BY market_cap DESC) AS rnk
    FROM constituents
)
SELECT as_of, count(*) AS names,
       round(100 * sum(w) FILTER (WHERE rnk <= 10), 2) AS top10_pct,
       round(1 / sum(w * w), 1) AS effective_n,
       count(*) FILTER (WHERE w > 0.03) AS above_3pct
FROM w GROUP BY as_of ORDER BY as_of;

-- long-run averages of the year-end snapshots
WITH w AS (
    SELECT as_of, market_cap / sum(market_cap) OVER (PARTITION BY as_of) AS w,
           row_number() OVER (PARTITION BY as_of ORDER BY market_cap DESC) AS rnk
    FROM constituents WHERE extract(month FROM as_of) = 12
), y AS (
    SELECT as_of, sum(w) FILTER (WHERE rnk <= 10) AS top10, 1 / sum(w * w) AS effn FROM w GROUP BY as_of
)
SELECT round(100 * avg(top10) FILTER (WHERE as_of < '2000-01-01'), 2) AS top10_1990s,
       round(100 * avg(top10) FILTER (WHERE as_of BETWEEN '2010-01-01' AND '2019-12-31'), 2) AS top10_2010s,
       round(avg(effn), 1) AS effn_avg_1990_2025,
       round(avg(effn) FILTER (WHERE as_of < '2020-01-01'), 1) AS effn_avg_1990_2019
FROM y;

-- valuation at end 2025: index P/E, cap-weighted and equal-weighted P/S, IT + communication services weight
SELECT round(sum(market_cap) / sum(earnings), 2) AS index_pe,
       round(sum(market_cap) / sum(sales), 2) AS ps_cap_weighted,
       round(count(*) / sum(sales / market_cap), 2) AS ps_equal_weighted,
       round(100.0 * count(*) FILTER (WHERE earnings < 0) / count(*), 1) AS loss_makers_pct,
       round(100 * sum(market_cap) FILTER (WHERE sector IN ('Information Technology', 'Communication Services'))
             / sum(market_cap), 1) AS it_cs_pct
FROM constituents WHERE as_of = '2025-12-31';

-- active portfolio: weights sum to 1, every name in the index, active share
WITH b AS (SELECT security, market_cap / sum(market_cap) OVER () AS wb FROM constituents WHERE as_of = '2025-12-31'),
     p AS (SELECT security, portfolio_weight AS wp FROM portfolio_holdings WHERE as_of = '2025-12-31')
SELECT (SELECT sum(wp) FROM p) AS weight_sum,
       (SELECT count(*) FROM p LEFT JOIN b USING (security) WHERE b.security IS NULL) AS not_in_index,
       round(100 * 0.5 * sum(abs(coalesce(wp, 0) - coalesce(wb, 0))), 1) AS active_share_pct
FROM b FULL JOIN p USING (security);

-- credit: DTS = sum(mv * D * S) / sum(mv) per portfolio
SELECT portfolio, count(*) AS bonds, round(sum(market_value), 1) AS mv_usd_mn,
       round(sum(market_value * spread_duration * oas_bp) / sum(market_value), 1) AS dts,
       round(sum(market_value * spread_duration) / sum(market_value), 2) AS spread_duration,
       round(sum(market_value * oas_bp) / sum(market_value), 1) AS oas_bp
FROM bond_holdings GROUP BY portfolio ORDER BY portfolio;

-- leading indicators: quadrant per month (a flat month keeps the previous direction)
CREATE TEMP VIEW lei_regime AS
WITH d AS (
    SELECT region, as_of, level,
           sign(level - lag(level) OVER (PARTITION BY region ORDER BY as_of)) AS s
    FROM lei
), g AS (
    SELECT *, count(nullif(s, 0)) OVER (PARTITION BY region ORDER BY as_of) AS grp FROM d
), r AS (
    SELECT *, first_value(nullif(s, 0)) OVER (PARTITION BY region, grp ORDER BY as_of) AS dir FROM g
)
SELECT region, as_of, level,
       CASE WHEN dir IS NULL THEN NULL
            WHEN level < 100 AND dir > 0 THEN 'recovery'
            WHEN level >= 100 AND dir > 0 THEN 'expansion'
            WHEN level >= 100 AND dir < 0 THEN 'slowdown'
            ELSE 'contraction' END AS regime
FROM r;

SELECT region, level, regime FROM lei_regime WHERE as_of = '2025-12-01' ORDER BY regime, region;

SELECT extract(year FROM as_of)::int AS year, count(*) AS global_regime_shifts
FROM (SELECT as_of, regime, lag(regime) OVER (ORDER BY as_of) AS prev
      FROM lei_regime WHERE region = 'Global') x
WHERE prev IS NOT NULL AND regime IS DISTINCT FROM prev
GROUP BY 1 ORDER BY 1;

-- Fed balance sheet and policy rate
SELECT (SELECT max(total_assets_usd_tn) FROM fed_balance_sheet WHERE as_of < '2023-01-01') AS peak_2022,
       (SELECT total_assets_usd_tn FROM fed_balance_sheet WHERE as_of = '2025-01-01') AS start_2025,
       (SELECT total_assets_usd_tn FROM fed_balance_sheet WHERE as_of = '2025-12-03') AS dec_2025,
       (SELECT max(policy_rate_upper) FROM fed_balance_sheet) AS max_rate,
       (SELECT policy_rate_upper FROM fed_balance_sheet ORDER BY as_of DESC LIMIT 1) AS last_rate;

-- size segments: 2025 rank segment against the prior (2024) segment
WITH r AS (
    SELECT security, prior_segment,
           CASE WHEN rank() OVER (ORDER BY market_cap DESC, security) <= 1000 THEN 1
                WHEN rank() OVER (ORDER BY market_cap DESC, security) <= 3000 THEN 2 END AS segment_by_rank
    FROM size_universe WHERE rank_date = '2025-06-27'
)
SELECT prior_segment, segment_by_rank, count(*) FROM r GROUP BY 1, 2 ORDER BY 1, 2;

-- macro: average unemployment and real GDP growth in and out of NBER recessions
SELECT (q.quarter_start > r.peak_quarter AND q.quarter_start <= r.trough_quarter) IS TRUE AS in_recession,
       count(*) AS quarters, round(avg(q.unemp), 2) AS avg_unemp,
       round(avg(400 * ln(q.realgdp / q.prev_gdp)), 2) AS avg_gdp_growth_saar
FROM (SELECT *, lag(realgdp) OVER (ORDER BY year, quarter) AS prev_gdp FROM us_macro_quarterly) q
LEFT JOIN nber_recessions r ON q.quarter_start > r.peak_quarter AND q.quarter_start <= r.trough_quarter
WHERE q.prev_gdp IS NOT NULL
GROUP BY 1 ORDER BY 1;

-- market: S&P 500 monthly vs the month-start daily close, and stock coverage
SELECT min(as_of), max(as_of), count(*) FROM sp500_monthly;
SELECT min(as_of), max(as_of), count(*), round(min(close), 2) AS min_close, round(max(close), 2) AS max_close FROM sp500_daily;
SELECT symbol, min(as_of), max(as_of), count(*) FROM stock_prices GROUP BY symbol ORDER BY symbol;
