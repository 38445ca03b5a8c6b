-- tactalloc: the monthly report as a schema of materialized views, the way a BI
-- tool reads it.
--
--     psql -d mydb -f data/load.sql
--     psql -d mydb -f examples/monthly_report.sql
--
-- (Re)creates the schema monthly_report over the tables of data/ (found through
-- the search_path when this script runs).  Every view is a materialized view
-- with a UNIQUE index on its key, so a nightly job refreshes it without
-- locking out readers:
--
--     REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.index_concentration;
--
-- Values are unrounded (float8 or numeric): the BI tool formats them.  Shares
-- and returns are fractions (0.416 = 41.6 %).  The views over SYNTHETIC tables
-- say so in their comments.  monthly_report.headline is a plain view over the
-- materialized ones: the figures of the report's first page, for the latest
-- date.

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS monthly_report CASCADE;
RESET client_min_messages;
CREATE SCHEMA monthly_report;
COMMENT ON SCHEMA monthly_report IS
    'tactalloc monthly report: materialized views over the bundled data (examples/monthly_report.sql); refresh with REFRESH MATERIALIZED VIEW CONCURRENTLY';

--------------------------------------------------------------------------
-- concentration of the index, one row per snapshot
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.index_concentration AS
SELECT as_of,
       count(*) AS names,
       sum(market_cap) AS total_cap_usd_bn,
       hhi(market_cap) AS hhi,
       effective_n(market_cap) AS effective_n,
       top_share(market_cap, 10) AS top10_share,
       count_above(market_cap, 0.03) AS names_above_3pct,
       share_above(market_cap, 0.03) AS share_above_3pct,
       (sum(market_cap) FILTER (WHERE sector IN ('Information Technology', 'Communication Services'))
        / sum(market_cap))::float8 AS it_comm_share
FROM constituents
GROUP BY as_of
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.index_concentration (as_of);
COMMENT ON MATERIALIZED VIEW monthly_report.index_concentration IS
    'Concentration of the index per snapshot (SYNTHETIC constituents): HHI, effective number of names (1/HHI), top-10 share, names and weight above 3 %, IT + communication services share; shares as fractions';

--------------------------------------------------------------------------
-- sector weights, one row per snapshot and sector
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.sector_weights AS
SELECT as_of, sector,
       count(*) AS names,
       (sum(market_cap) / sum(sum(market_cap)) OVER (PARTITION BY as_of))::float8 AS weight,
       effective_n(market_cap) AS effective_n_within
FROM constituents
GROUP BY as_of, sector
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.sector_weights (as_of, sector);
COMMENT ON MATERIALIZED VIEW monthly_report.sector_weights IS
    'Sector weights of the index per snapshot (SYNTHETIC constituents) and the effective number of names within each sector';

--------------------------------------------------------------------------
-- valuation of the index, one row per snapshot
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.index_valuation AS
SELECT as_of,
       index_multiple(market_cap, earnings) AS pe_cap_weighted,
       index_multiple(market_cap, earnings, 1) AS pe_equal_weighted,
       index_multiple(market_cap, earnings) FILTER (WHERE earnings > 0) AS pe_cap_weighted_ex_losses,
       index_multiple(market_cap, sales) AS ps_cap_weighted,
       index_multiple(market_cap, sales, 1) AS ps_equal_weighted,
       parity_upside(index_multiple(market_cap, earnings, 1), index_multiple(market_cap, earnings))
         AS pe_parity_upside,
       parity_upside(index_multiple(market_cap, sales, 1), index_multiple(market_cap, sales))
         AS ps_parity_upside
FROM constituents
GROUP BY as_of
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.index_valuation (as_of);
COMMENT ON MATERIALIZED VIEW monthly_report.index_valuation IS
    'Index multiples per snapshot (SYNTHETIC constituents): cap-weighted (sum of caps / sum of earnings or sales), equal-weighted (n / sum of fundamental/cap), P/E ex loss makers, and the parity upside (the equal-weighted move to the cap-weighted multiple, a fraction)';

--------------------------------------------------------------------------
-- the active portfolio against the index
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.portfolio_vs_index AS
SELECT as_of,
       count(p.security) AS names_held,
       effective_n(p.portfolio_weight) AS effective_n_portfolio,
       effective_n(b.market_cap) AS effective_n_index,
       active_share(p.portfolio_weight, b.market_cap) AS active_share
FROM (SELECT as_of, security, market_cap FROM constituents
      WHERE as_of IN (SELECT as_of FROM portfolio_holdings)) AS b
FULL JOIN (SELECT as_of, security, portfolio_weight FROM portfolio_holdings) AS p
  USING (as_of, security)
GROUP BY as_of
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.portfolio_vs_index (as_of);
COMMENT ON MATERIALIZED VIEW monthly_report.portfolio_vs_index IS
    'The active equity portfolio against the index on each date it is held (SYNTHETIC portfolio_holdings, constituents): names held, effective N of both, active share (a fraction)';

--------------------------------------------------------------------------
-- macro regime of each region, month by month
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.regime_by_region AS
SELECT region, as_of AS month, level, change,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 3) OVER w AS confirmed_regime,
       oecd_phase(level, change) AS oecd_phase
FROM (SELECT region, as_of, level::float8,
             level::float8 - lag(level::float8) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of)
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.regime_by_region (region, month);
COMMENT ON MATERIALIZED VIEW monthly_report.regime_by_region IS
    'Macro regime of each region per month (SYNTHETIC lei): level against trend 100, month-on-month change, regime_track (a flat month keeps the direction), the regime confirmed after 3 readings, and the OECD phase name';

CREATE MATERIALIZED VIEW monthly_report.regime_shifts_by_year AS
SELECT region, y AS year,
       regime_shifts(regime ORDER BY month) AS shifts,
       regime_shifts(confirmed_regime ORDER BY month) AS confirmed_shifts,
       (array_agg(regime ORDER BY month DESC))[1] AS regime_at_year_end
FROM monthly_report.regime_by_region,
     generate_series(extract(year FROM (SELECT min(month) FROM monthly_report.regime_by_region))::int + 1,
                     extract(year FROM (SELECT max(month) FROM monthly_report.regime_by_region))::int) AS y
-- each year with the December before, so a January shift counts
WHERE month BETWEEN make_date(y - 1, 12, 1) AND make_date(y, 12, 1)
GROUP BY region, y
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.regime_shifts_by_year (region, year);
COMMENT ON MATERIALIZED VIEW monthly_report.regime_shifts_by_year IS
    'Regime shifts per region and year (SYNTHETIC lei, via monthly_report.regime_by_region: refresh that first): regime_shifts of the monthly regime and of the confirmed regime, counting a January shift against the December before';

--------------------------------------------------------------------------
-- US growth regime per quarter next to the NBER recessions
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.us_growth_regime AS
WITH lvl AS (
    SELECT quarter_start AS q,
           trend_ratio(realgdp::float8) OVER w AS level,
           count(*) OVER w AS n
    FROM us_macro_quarterly
    WINDOW w AS (ORDER BY quarter_start ROWS BETWEEN 40 PRECEDING AND CURRENT ROW)
)
SELECT q AS quarter, level, level - lag(level) OVER (ORDER BY q) AS change,
       regime_classify(level, level - lag(level) OVER (ORDER BY q)) AS regime,
       EXISTS (SELECT FROM nber_recessions AS r
               WHERE q > r.peak_quarter AND q <= r.trough_quarter) AS nber_recession
FROM lvl
WHERE n >= 13
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.us_growth_regime (quarter);
COMMENT ON MATERIALIZED VIEW monthly_report.us_growth_regime IS
    'US growth regime per quarter 1962-2009 (REAL us_macro_quarterly, nber_recessions): level = 100 x real GDP / its 10-year log-linear trend (trend_ratio over the quarter and the 40 before, from 12 quarters of history), quarter-on-quarter change, regime_classify, and whether NBER dates the quarter in a recession (after the peak quarter, up to the trough quarter)';

--------------------------------------------------------------------------
-- US growth x inflation quadrant per quarter next to the NBER recessions
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.us_growth_inflation AS
WITH q AS (
    SELECT quarter_start AS quarter,
           trend_ratio(realgdp::float8) OVER t AS gdp_vs_trend,
           count(*) OVER t AS trend_quarters,
           100 * (cpi::float8 / lag(cpi::float8, 4) OVER w - 1) AS cpi_yoy,
           tbilrate::float8 AS tbill,
           (realcons - lag(realcons) OVER w)::float8 AS d_cons,
           (realinv - lag(realinv) OVER w)::float8 AS d_inv,
           (realgovt - lag(realgovt) OVER w)::float8 AS d_govt,
           (realdpi - lag(realdpi) OVER w)::float8 AS d_dpi,
           (lag(unemp) OVER w - unemp)::float8 AS d_employment
    FROM us_macro_quarterly
    WINDOW w AS (ORDER BY quarter_start),
           t AS (ORDER BY quarter_start ROWS BETWEEN 40 PRECEDING AND CURRENT ROW)
), c AS (
    SELECT *, gdp_vs_trend - lag(gdp_vs_trend) OVER w AS growth_change,
           cpi_yoy - lag(cpi_yoy) OVER w AS inflation_momentum,
           tbill - lag(tbill) OVER w AS tbill_change
    FROM q
    WINDOW w AS (ORDER BY quarter)
)
SELECT quarter, gdp_vs_trend, growth_change, cpi_yoy, inflation_momentum,
       growth_inflation(growth_change, inflation_momentum) AS quadrant,
       (SELECT diffusion(x) FROM (VALUES (d_cons), (d_inv), (d_govt), (d_dpi), (d_employment)) AS v(x)) AS breadth,
       tbill, tbill_change,
       EXISTS (SELECT FROM nber_recessions AS r
               WHERE quarter > r.peak_quarter AND quarter <= r.trough_quarter) AS nber_recession
FROM c
WHERE trend_quarters >= 13
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.us_growth_inflation (quarter);
COMMENT ON MATERIALIZED VIEW monthly_report.us_growth_inflation IS
    'US growth x inflation quadrant per quarter 1962-2009 (REAL us_macro_quarterly, nber_recessions): growth_change = quarter-on-quarter change of gdp_vs_trend (real GDP x 100 / its 10-year log-linear trend, trend_ratio); inflation_momentum = change over one quarter (three months) of year-on-year CPI inflation (%, end-of-quarter CPI); growth_inflation of the two; breadth = diffusion of the quarter-on-quarter changes of real consumption, investment, federal spending, disposable income and employment (minus the change of the unemployment rate); the 3-month T-bill and its change (the data has no long rate, so no curve_regime); NBER recession as in us_growth_regime';

--------------------------------------------------------------------------
-- central-bank liquidity, month ends
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.liquidity AS
SELECT month, total_assets_usd_tn, policy_rate_upper,
       total_assets_usd_tn - lag(total_assets_usd_tn) OVER w AS assets_change_usd_tn,
       policy_rate_upper - lag(policy_rate_upper) OVER w AS rate_change,
       liquidity_stance((total_assets_usd_tn - lag(total_assets_usd_tn) OVER w)::float8,
                        (policy_rate_upper - lag(policy_rate_upper) OVER w)::float8,
                        balance_sheet_tolerance => 0.005) AS stance
FROM (SELECT date_trunc('month', as_of)::date AS month,
             (array_agg(total_assets_usd_tn ORDER BY as_of DESC))[1] AS total_assets_usd_tn,
             (array_agg(policy_rate_upper ORDER BY as_of DESC))[1] AS policy_rate_upper
      FROM fed_balance_sheet GROUP BY 1) AS m
WINDOW w AS (ORDER BY month)
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.liquidity (month);
COMMENT ON MATERIALIZED VIEW monthly_report.liquidity IS
    'Federal Reserve liquidity per month (SYNTHETIC fed_balance_sheet): last weekly reading of the month, changes against the month before, liquidity_stance of the balance-sheet change (a change within 0.005 tn, weekly noise, counts as flat) and the policy-rate change';

--------------------------------------------------------------------------
-- credit: DTS per portfolio against the benchmark
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.credit_dts AS
SELECT as_of, portfolio,
       count(*) AS bonds,
       sum(market_value) AS market_value_usd_mn,
       (sum(market_value * spread_duration) / sum(market_value))::float8 AS spread_duration,
       (sum(market_value * oas_bp) / sum(market_value))::float8 AS oas_bp,
       dts(market_value, spread_duration, oas_bp) AS dts,
       dts(market_value, spread_duration, oas_bp)
         / (SELECT dts(b.market_value, b.spread_duration, b.oas_bp) FROM bond_holdings AS b
            WHERE b.portfolio = 'ig_index' AND b.as_of = h.as_of) AS dts_vs_benchmark,
       spread_return(dts(market_value, spread_duration, oas_bp), 0.10) AS spread_return_10pct_widening_bp
FROM bond_holdings AS h
GROUP BY as_of, portfolio
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.credit_dts (as_of, portfolio);
COMMENT ON MATERIALIZED VIEW monthly_report.credit_dts IS
    'Credit risk per portfolio and date (SYNTHETIC bond_holdings): market-value-weighted spread duration, OAS and DTS (year x bp), DTS relative to the benchmark ig_index, and the spread return in bp of a 10 % relative widening';

--------------------------------------------------------------------------
-- size segments at the latest reconstitution
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.size_segments AS
SELECT rank_date, security, market_cap,
       rank() OVER w AS cap_rank,
       prior_segment,
       size_segment(market_cap::float8) OVER w AS segment_by_rank,
       size_segment(market_cap::float8, prior_segment) OVER w AS segment
FROM size_universe
WHERE rank_date = (SELECT max(rank_date) FROM size_universe)
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.size_segments (rank_date, security);
COMMENT ON MATERIALIZED VIEW monthly_report.size_segments IS
    'Size segments at the latest rank date (SYNTHETIC size_universe): segment by rank alone and with Russell-style banding (size_segment, breakpoints 1000 and 3000, 5 % band); segment NULL = beyond rank 3000';

--------------------------------------------------------------------------
-- S&P 500 by calendar year
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.sp500_annual AS
WITH d AS (
    SELECT as_of, extract(year FROM as_of)::int AS year, close,
           close::float8 / lag(close::float8) OVER (ORDER BY as_of) - 1 AS r
    FROM sp500_daily
)
SELECT year, count(*) AS trading_days,
       min(as_of) AS first_day, max(as_of) AS last_day,
       (array_agg(close ORDER BY as_of DESC))[1] AS last_close,
       compound_return(r) AS price_return,
       count(*) FILTER (WHERE r > 0) AS up_days,
       longest_streak(r > 0 ORDER BY as_of) AS longest_up_run
FROM d
GROUP BY year
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.sp500_annual (year);
COMMENT ON MATERIALIZED VIEW monthly_report.sp500_annual IS
    'S&P 500 per calendar year (REAL sp500_daily): price return from the last close of the year before (the first year from its first close) compounded from daily returns, up days and the longest run of up days within the year';

--------------------------------------------------------------------------
-- rolling risk of the S&P 500 and the five-stock basket (REAL prices):
-- moving window aggregates, O(1) a month, exact
--------------------------------------------------------------------------
CREATE VIEW monthly_report.rolling_risk AS
WITH idx AS (
    SELECT as_of, (price / lag(price) OVER (ORDER BY as_of) - 1)::float8 AS r
    FROM sp500_monthly
), stk AS (
    SELECT symbol, as_of, (price / lag(price) OVER (PARTITION BY symbol ORDER BY as_of) - 1)::float8 AS r
    FROM stock_prices
)
SELECT 'S&P 500' AS series, as_of AS month, r,
       CASE WHEN count(r) OVER w12 = 12 THEN volatility(r, 12) OVER w12 END AS vol_12m,
       NULL::float8 AS beta_36m, NULL::float8 AS corr_36m
FROM idx
WINDOW w12 AS (ORDER BY as_of ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
UNION ALL
SELECT s.symbol, s.as_of, s.r,
       CASE WHEN count(s.r) OVER w12 = 12 THEN volatility(s.r, 12) OVER w12 END,
       CASE WHEN count(s.r) OVER w36 = 36 THEN beta(s.r, i.r) OVER w36 END,
       CASE WHEN count(s.r) OVER w36 = 36 THEN correlation(s.r, i.r) OVER w36 END
FROM stk AS s
JOIN idx AS i USING (as_of)
WINDOW w12 AS (PARTITION BY s.symbol ORDER BY s.as_of ROWS BETWEEN 11 PRECEDING AND CURRENT ROW),
       w36 AS (PARTITION BY s.symbol ORDER BY s.as_of ROWS BETWEEN 35 PRECEDING AND CURRENT ROW);
COMMENT ON VIEW monthly_report.rolling_risk IS
    'Per month (REAL sp500_monthly, stock_prices): the monthly return of the S&P 500 and of each stock of the basket, its annualised 12-month rolling volatility (volatility(r, 12) over the last 12 returns), and for the stocks the 36-month rolling beta and correlation against the index (NULL until the window is full)';

--------------------------------------------------------------------------
-- the first page: latest figures from the views above
--------------------------------------------------------------------------
CREATE VIEW monthly_report.headline AS
SELECT c.as_of,
       c.effective_n, c.top10_share, c.names_above_3pct, c.share_above_3pct,
       v.pe_cap_weighted, v.ps_cap_weighted, v.ps_parity_upside,
       (SELECT r.regime FROM monthly_report.regime_by_region AS r
        WHERE r.region = 'Global' ORDER BY r.month DESC LIMIT 1) AS global_regime,
       (SELECT r.regime FROM monthly_report.regime_by_region AS r
        WHERE r.region = 'US' ORDER BY r.month DESC LIMIT 1) AS us_regime,
       (SELECT l.stance FROM monthly_report.liquidity AS l
        WHERE l.month <= c.as_of ORDER BY l.month DESC LIMIT 1) AS fed_stance,
       (SELECT d.dts FROM monthly_report.credit_dts AS d
        WHERE d.portfolio = 'core_credit' ORDER BY d.as_of DESC LIMIT 1) AS portfolio_dts,
       (SELECT d.dts FROM monthly_report.credit_dts AS d
        WHERE d.portfolio = 'ig_index' ORDER BY d.as_of DESC LIMIT 1) AS benchmark_dts
FROM monthly_report.index_concentration AS c
JOIN monthly_report.index_valuation AS v USING (as_of)
ORDER BY c.as_of DESC
LIMIT 1;
COMMENT ON VIEW monthly_report.headline IS
    'One row: the latest concentration and valuation of the index, the latest Global and US regimes, the Fed stance of that month and the latest portfolio and benchmark DTS (reads the materialized views: refresh them first)';
