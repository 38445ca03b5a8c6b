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
-- One type convention, so every client reads the views alike (README.md,
-- "Pointing a BI tool at the views"):
--   * measures are float8, unrounded (the BI tool formats them); a difference
--     of two stored decimals is taken in numeric before the cast, so it shows
--     as -0.086, never as -0.08600000000001273;
--   * counts, ranks, years and codes are integer (int4, which JavaScript
--     clients receive as numbers; bigint arrives as a string);
--   * categories are lowercase text (the labels of tactalloc's enums, which
--     stay in the function API), so ILIKE, lower() and = 'slowdown' work,
--     each with an integer <column>_order beside it that keeps the cycle
--     order (1 recovery, 2 expansion, 3 slowdown, 4 contraction) in any
--     client's sort and chart legend; codes have a text <column>_label beside
--     them;
--   * every column has a comment: its unit, fraction or percent (shares and
--     returns are fractions: 0.416 = 41.6 %), and what NULL means.
-- The views over SYNTHETIC tables say so in their comments.
-- monthly_report.headline is a plain view over the materialized ones: the
-- figures of the report's first page, for the latest date.
--
-- The index's concentration, valuation and credit figures are rolled up from
-- stored summaries: monthly_summaries.sector_summaries keeps one row of
-- tactalloc summaries (hhi_summary, top_share_summary, ...) per date and
-- sector, and rollup() gives the same bits as the aggregates over the rows,
-- so any coarser cut reads the summaries instead of the constituents.  The
-- summaries are values of tactalloc's state types, outside the convention
-- above, so they live in a schema of their own, for SQL users (refresh it
-- before the views of monthly_report).

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS monthly_report CASCADE;
DROP SCHEMA IF EXISTS monthly_summaries CASCADE;
RESET client_min_messages;
CREATE SCHEMA monthly_report;
COMMENT ON SCHEMA monthly_report IS
    'tactalloc monthly report: materialized views over the bundled data (examples/monthly_report.sql); refresh with REFRESH MATERIALIZED VIEW CONCURRENTLY';
CREATE SCHEMA monthly_summaries;
COMMENT ON SCHEMA monthly_summaries IS
    'tactalloc summaries per date and sector that the monthly_report views roll up (examples/monthly_report.sql); refresh them first';

--------------------------------------------------------------------------
-- summaries per snapshot and sector: the index constituents (universe
-- 'index') and each bond portfolio; the report's figures roll them up
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_summaries.sector_summaries AS
SELECT as_of, 'index' AS universe, sector,
       count(*) AS names,
       sum(market_cap) AS market_cap,
       hhi_summary(market_cap) AS hhi,
       top_share_summary(market_cap, 10) AS top10,
       share_above_summary(market_cap, 0.03) AS above_3pct,
       index_multiple_summary(market_cap, earnings) AS pe,
       index_multiple_summary(market_cap, earnings, 1) AS pe_equal_weighted,
       index_multiple_summary(market_cap, earnings) FILTER (WHERE earnings > 0) AS pe_ex_losses,
       index_multiple_summary(market_cap, sales) AS ps,
       index_multiple_summary(market_cap, sales, 1) AS ps_equal_weighted,
       NULL::numeric AS market_value, NULL::numeric AS market_value_x_duration,
       NULL::numeric AS market_value_x_oas, NULL::exactsum AS dts
FROM constituents
GROUP BY as_of, sector
UNION ALL
SELECT as_of, portfolio, sector,
       count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       sum(market_value), sum(market_value * spread_duration), sum(market_value * oas_bp),
       dts_summary(market_value, spread_duration, oas_bp)
FROM bond_holdings
GROUP BY as_of, portfolio, sector
WITH DATA;
CREATE UNIQUE INDEX ON monthly_summaries.sector_summaries (as_of, universe, sector);
COMMENT ON MATERIALIZED VIEW monthly_summaries.sector_summaries IS
    'Summaries per snapshot and sector (SYNTHETIC constituents as universe index, bond_holdings per portfolio): counts, exact numeric sums and tactalloc summaries that rollup() merges into the figures of any coarser cut with the same bits as the aggregates over the rows, e.g. effective_n(rollup(hhi)), top_share(rollup(top10)), dts(rollup(dts))';
COMMENT ON COLUMN monthly_summaries.sector_summaries.as_of IS 'Snapshot date of the constituents or bond holdings';
COMMENT ON COLUMN monthly_summaries.sector_summaries.universe IS 'index for the index constituents, else the bond portfolio (core_credit, ig_index)';
COMMENT ON COLUMN monthly_summaries.sector_summaries.sector IS 'Sector of the constituents or bonds, as in the data';
COMMENT ON COLUMN monthly_summaries.sector_summaries.names IS 'Number of constituents or bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.market_cap IS 'Index: sum of market caps, USD bn (exact numeric); NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.hhi IS 'Index: hhi_summary(market_cap), read by hhi() and effective_n(); NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.top10 IS 'Index: top_share_summary(market_cap, 10), read by top_share() for up to 10 names; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.above_3pct IS 'Index: share_above_summary(market_cap, 0.03), read by share_above() and count_above() at 3 % or above; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.pe IS 'Index: index_multiple_summary(market_cap, earnings), the cap-weighted P/E; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.pe_equal_weighted IS 'Index: index_multiple_summary(market_cap, earnings, 1), the equal-weighted P/E; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.pe_ex_losses IS 'Index: the cap-weighted P/E summary of the names with positive earnings; NULL for bonds and for a sector without any';
COMMENT ON COLUMN monthly_summaries.sector_summaries.ps IS 'Index: index_multiple_summary(market_cap, sales), the cap-weighted P/S; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.ps_equal_weighted IS 'Index: index_multiple_summary(market_cap, sales, 1), the equal-weighted P/S; NULL for bonds';
COMMENT ON COLUMN monthly_summaries.sector_summaries.market_value IS 'Bonds: sum of market values, USD mn (exact numeric); NULL for the index';
COMMENT ON COLUMN monthly_summaries.sector_summaries.market_value_x_duration IS 'Bonds: sum of market value x spread duration (exact numeric); NULL for the index';
COMMENT ON COLUMN monthly_summaries.sector_summaries.market_value_x_oas IS 'Bonds: sum of market value x OAS in bp (exact numeric); NULL for the index';
COMMENT ON COLUMN monthly_summaries.sector_summaries.dts IS 'Bonds: dts_summary(market_value, spread_duration, oas_bp), read by dts(); NULL for the index';

--------------------------------------------------------------------------
-- concentration of the index, one row per snapshot
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.index_concentration AS
SELECT as_of,
       sum(names)::int AS names,
       sum(market_cap)::float8 AS total_cap_usd_bn,
       hhi(rollup(hhi)) AS hhi,
       effective_n(rollup(hhi)) AS effective_n,
       top_share(rollup(top10)) AS top10_share,
       count_above(rollup(above_3pct))::int AS names_above_3pct,
       share_above(rollup(above_3pct)) AS share_above_3pct,
       (sum(market_cap) FILTER (WHERE sector IN ('Information Technology', 'Communication Services'))
        / sum(market_cap))::float8 AS it_comm_share
FROM monthly_summaries.sector_summaries
WHERE universe = 'index'
GROUP BY as_of
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.index_concentration (as_of);
COMMENT ON MATERIALIZED VIEW monthly_report.index_concentration IS
    'Concentration of the index per snapshot (SYNTHETIC constituents, rolled up from monthly_summaries.sector_summaries): HHI, effective number of names (1/HHI), top-10 share, names and weight above 3 %, IT + communication services share; shares as fractions';
COMMENT ON COLUMN monthly_report.index_concentration.as_of IS
    'Snapshot date: the last weekday of each year 1990-2024 and of each month of 2025';
COMMENT ON COLUMN monthly_report.index_concentration.names IS
    'Number of constituents on the date (500 on every date)';
COMMENT ON COLUMN monthly_report.index_concentration.total_cap_usd_bn IS
    'Total market cap of the index, USD bn (billions)';
COMMENT ON COLUMN monthly_report.index_concentration.hhi IS
    'Herfindahl-Hirschman index of the cap weights (sum of squared weights), a fraction in [1/names, 1]: 0.0217 is 217 on the 0-10 000 scale';
COMMENT ON COLUMN monthly_report.index_concentration.effective_n IS
    'Effective number of names, 1 / hhi: how many equal weights would be as concentrated (a count, not an integer)';
COMMENT ON COLUMN monthly_report.index_concentration.top10_share IS
    'Weight of the 10 largest names, a fraction (0.416 = 41.6 %)';
COMMENT ON COLUMN monthly_report.index_concentration.names_above_3pct IS
    'Number of names whose weight is strictly above 3 % (0 when none)';
COMMENT ON COLUMN monthly_report.index_concentration.share_above_3pct IS
    'Total weight of the names above 3 %, a fraction (0 when none)';
COMMENT ON COLUMN monthly_report.index_concentration.it_comm_share IS
    'Weight of the Information Technology and Communication Services sectors together, a fraction';

--------------------------------------------------------------------------
-- sector weights, one row per snapshot and sector
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.sector_weights AS
SELECT as_of, sector,
       names::int AS names,
       (market_cap / sum(market_cap) OVER (PARTITION BY as_of))::float8 AS weight,
       effective_n(hhi) AS effective_n_within
FROM monthly_summaries.sector_summaries
WHERE universe = 'index'
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.sector_weights (as_of, sector);
COMMENT ON MATERIALIZED VIEW monthly_report.sector_weights IS
    'Sector weights of the index per snapshot (SYNTHETIC constituents, from monthly_summaries.sector_summaries) and the effective number of names within each sector';
COMMENT ON COLUMN monthly_report.sector_weights.as_of IS
    'Snapshot date, as in index_concentration';
COMMENT ON COLUMN monthly_report.sector_weights.sector IS
    'GICS-like sector name, as in the data (for example Information Technology)';
COMMENT ON COLUMN monthly_report.sector_weights.names IS
    'Number of constituents in the sector on the date';
COMMENT ON COLUMN monthly_report.sector_weights.weight IS
    'Weight of the sector in the index by market cap, a fraction; the sectors of a date sum to 1';
COMMENT ON COLUMN monthly_report.sector_weights.effective_n_within IS
    'Effective number of names within the sector: 1 / HHI of the caps of its names (a count, not an integer)';

--------------------------------------------------------------------------
-- valuation of the index, one row per snapshot
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.index_valuation AS
SELECT as_of,
       index_multiple(rollup(pe)) AS pe_cap_weighted,
       index_multiple(rollup(pe_equal_weighted)) AS pe_equal_weighted,
       index_multiple(rollup(pe_ex_losses)) AS pe_cap_weighted_ex_losses,
       index_multiple(rollup(ps)) AS ps_cap_weighted,
       index_multiple(rollup(ps_equal_weighted)) AS ps_equal_weighted,
       parity_upside(index_multiple(rollup(pe_equal_weighted)), index_multiple(rollup(pe)))
         AS pe_parity_upside,
       parity_upside(index_multiple(rollup(ps_equal_weighted)), index_multiple(rollup(ps)))
         AS ps_parity_upside
FROM monthly_summaries.sector_summaries
WHERE universe = 'index'
GROUP BY as_of
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.index_valuation (as_of);
COMMENT ON MATERIALIZED VIEW monthly_report.index_valuation IS
    'Index multiples per snapshot (SYNTHETIC constituents, rolled up from monthly_summaries.sector_summaries): cap-weighted (sum of caps / sum of earnings or sales), equal-weighted (n / sum of fundamental/cap), P/E ex loss makers, and the parity upside (the equal-weighted move to the cap-weighted multiple, a fraction)';
COMMENT ON COLUMN monthly_report.index_valuation.as_of IS
    'Snapshot date, as in index_concentration';
COMMENT ON COLUMN monthly_report.index_valuation.pe_cap_weighted IS
    'Index P/E the way providers compute it: sum of caps / sum of trailing earnings, loss makers included; a multiple (25.5 = 25.5x); NULL if the summed earnings are not positive (never in this data)';
COMMENT ON COLUMN monthly_report.index_valuation.pe_equal_weighted IS
    'Equal-weighted P/E: names / sum(earnings / cap), the harmonic mean of the names'' P/E, loss makers included; a multiple; NULL if the sum is not positive (never in this data)';
COMMENT ON COLUMN monthly_report.index_valuation.pe_cap_weighted_ex_losses IS
    'Cap-weighted P/E of the names with positive earnings only; a multiple';
COMMENT ON COLUMN monthly_report.index_valuation.ps_cap_weighted IS
    'Index P/S: sum of caps / sum of trailing sales; a multiple';
COMMENT ON COLUMN monthly_report.index_valuation.ps_equal_weighted IS
    'Equal-weighted P/S: names / sum(sales / cap), the harmonic mean of the names'' P/S; a multiple';
COMMENT ON COLUMN monthly_report.index_valuation.pe_parity_upside IS
    'Move the equal-weighted P/E needs to reach the cap-weighted one, pe_cap_weighted / pe_equal_weighted - 1: a fraction (0.436 = +43.6 %), negative when the equal-weighted multiple is the higher';
COMMENT ON COLUMN monthly_report.index_valuation.ps_parity_upside IS
    'Move the equal-weighted P/S needs to reach the cap-weighted one, ps_cap_weighted / ps_equal_weighted - 1: a fraction (1.0 = +100 %)';

--------------------------------------------------------------------------
-- the active portfolio against the index
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.portfolio_vs_index AS
SELECT as_of,
       count(p.security)::int AS names_held,
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
COMMENT ON COLUMN monthly_report.portfolio_vs_index.as_of IS
    'Date the portfolio is held (2025-12-31 in this data)';
COMMENT ON COLUMN monthly_report.portfolio_vs_index.names_held IS
    'Number of names in the portfolio';
COMMENT ON COLUMN monthly_report.portfolio_vs_index.effective_n_portfolio IS
    'Effective number of names of the portfolio, 1 / HHI of its weights (a count, not an integer)';
COMMENT ON COLUMN monthly_report.portfolio_vs_index.effective_n_index IS
    'Effective number of names of the index on the same date, 1 / HHI of the cap weights (a count, not an integer)';
COMMENT ON COLUMN monthly_report.portfolio_vs_index.active_share IS
    'Active share: half the sum of the absolute weight differences over the names held on either side (a name held on one side only counts against 0), a fraction in [0, 1] (0.726 = 72.6 %)';

--------------------------------------------------------------------------
-- macro regime of each region, month by month
--------------------------------------------------------------------------
-- two schemes share the words recovery, expansion and slowdown, so the
-- columns name theirs: macro_regime (tactalloc's) and oecd_phase (OECD's);
-- the categories are text, each with its position in the cycle beside it
-- (the order of the enum's labels)
CREATE MATERIALIZED VIEW monthly_report.regime_by_region AS
SELECT region, month, level, change,
       macro_regime::text AS macro_regime,
       array_position(enum_range(NULL::macro_regime), macro_regime) AS macro_regime_order,
       confirmed_macro_regime::text AS confirmed_macro_regime,
       array_position(enum_range(NULL::macro_regime), confirmed_macro_regime) AS confirmed_macro_regime_order,
       oecd_phase::text AS oecd_phase,
       array_position(enum_range(NULL::oecd_phase), oecd_phase) AS oecd_phase_order
FROM (SELECT region, as_of AS month, level, change,
             regime_track(level, change) OVER w AS macro_regime,
             regime_track(level, change, 3) OVER w AS confirmed_macro_regime,
             oecd_phase(level, change) AS oecd_phase
      -- the change of the stored 3-decimal levels, taken in numeric: -0.086,
      -- not the -0.08600000000001273 of a float8 difference
      FROM (SELECT region, as_of, level::float8,
                   (level - lag(level) OVER (PARTITION BY region ORDER BY as_of))::float8 AS change
            FROM lei) AS s
      WINDOW w AS (PARTITION BY region ORDER BY as_of)) AS r
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.regime_by_region (region, month);
COMMENT ON MATERIALIZED VIEW monthly_report.regime_by_region IS
    'Macro regime of each region per month (SYNTHETIC lei): level against trend 100, month-on-month change, regime_track (a flat month keeps the direction), the regime confirmed after 3 readings, and the OECD phase name';
COMMENT ON COLUMN monthly_report.regime_by_region.region IS
    'Region of the leading indicator: Global, US, Euro area, UK, Japan, Developed ex-US, EM or China';
COMMENT ON COLUMN monthly_report.regime_by_region.month IS
    'Month of the reading (its first day), 2015-01 to 2025-12';
COMMENT ON COLUMN monthly_report.regime_by_region.level IS
    'Leading-indicator level in index points against its trend of 100 (above 100 = above trend), 3 decimals as in the data';
COMMENT ON COLUMN monthly_report.regime_by_region.change IS
    'Month-on-month change of level, index points (difference of the 3-decimal levels, exact); NULL in the first month of each region';
COMMENT ON COLUMN monthly_report.regime_by_region.macro_regime IS
    'tactalloc macro_regime scheme (regime_track, a flat month keeps the last direction), lowercase text: recovery (below trend, improving), expansion (above, improving), slowdown (above, deteriorating), contraction (below, deteriorating). Not the OECD names: slowdown here is OECD downturn. NULL in the first month of each region (no change yet)';
COMMENT ON COLUMN monthly_report.regime_by_region.macro_regime_order IS
    'Position of macro_regime in the cycle, for sorting: 1 recovery, 2 expansion, 3 slowdown, 4 contraction; NULL when macro_regime is NULL';
COMMENT ON COLUMN monthly_report.regime_by_region.confirmed_macro_regime IS
    'macro_regime scheme, reported only once 3 consecutive readings agree (regime_track(level, change, 3)); until then the previous confirmed regime; lowercase text; NULL until the first regime of the region is confirmed';
COMMENT ON COLUMN monthly_report.regime_by_region.confirmed_macro_regime_order IS
    'Position of confirmed_macro_regime in the cycle: 1 recovery, 2 expansion, 3 slowdown, 4 contraction; NULL when confirmed_macro_regime is NULL';
COMMENT ON COLUMN monthly_report.regime_by_region.oecd_phase IS
    'OECD CLI phase of the single reading (oecd_phase(level, change)), lowercase text: recovery (below trend, rising), expansion (above, rising), downturn (above, falling), slowdown (below, falling). Same words, other meanings: OECD slowdown is macro_regime contraction and OECD downturn is macro_regime slowdown. NULL in the first month and in a flat month (change 0: no direction in one reading)';
COMMENT ON COLUMN monthly_report.regime_by_region.oecd_phase_order IS
    'Position of oecd_phase in the cycle: 1 recovery, 2 expansion, 3 downturn, 4 slowdown; the same quadrant has the same position as in macro_regime_order; NULL when oecd_phase is NULL';

CREATE MATERIALIZED VIEW monthly_report.regime_shifts_by_year AS
SELECT region, y AS year,
       regime_shifts(macro_regime::macro_regime ORDER BY month)::int AS shifts,
       regime_shifts(confirmed_macro_regime::macro_regime ORDER BY month)::int AS confirmed_shifts,
       (array_agg(macro_regime ORDER BY month DESC))[1] AS regime_at_year_end,
       (array_agg(macro_regime_order ORDER BY month DESC))[1] AS regime_at_year_end_order
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
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.region IS
    'Region, as in regime_by_region';
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.year IS
    'Calendar year, 2016-2025 (2015, the first year of the data, has no December before it)';
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.shifts IS
    'Number of changes of regime_by_region.macro_regime from one month to the next within the year, a change in January against the December before included (regime_shifts)';
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.confirmed_shifts IS
    'The same count for confirmed_macro_regime (a regime confirmed after 3 readings)';
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.regime_at_year_end IS
    'macro_regime (tactalloc scheme, lowercase text) in December of the year';
COMMENT ON COLUMN monthly_report.regime_shifts_by_year.regime_at_year_end_order IS
    'Position of regime_at_year_end in the cycle: 1 recovery, 2 expansion, 3 slowdown, 4 contraction';

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
       regime_classify(level, level - lag(level) OVER (ORDER BY q))::text AS regime,
       array_position(enum_range(NULL::macro_regime),
                      regime_classify(level, level - lag(level) OVER (ORDER BY q))) AS regime_order,
       EXISTS (SELECT FROM nber_recessions AS r
               WHERE q > r.peak_quarter AND q <= r.trough_quarter) AS nber_recession
FROM lvl
WHERE n >= 13
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.us_growth_regime (quarter);
COMMENT ON MATERIALIZED VIEW monthly_report.us_growth_regime IS
    'US growth regime per quarter 1962-2009 (REAL us_macro_quarterly, nber_recessions): level = 100 x real GDP / its 10-year log-linear trend (trend_ratio over the quarter and the 40 before, from 12 quarters of history), quarter-on-quarter change, regime_classify, and whether NBER dates the quarter in a recession (after the peak quarter, up to the trough quarter)';
COMMENT ON COLUMN monthly_report.us_growth_regime.quarter IS
    'Quarter (its first day), 1962Q1-2009Q3';
COMMENT ON COLUMN monthly_report.us_growth_regime.level IS
    '100 x real GDP / its log-linear trend fitted over the quarter and the 40 before (trend_ratio; fewer in the first quarters, at least 13), index points: above 100 = above trend';
COMMENT ON COLUMN monthly_report.us_growth_regime.change IS
    'Quarter-on-quarter change of level, index points; NULL in 1962Q1, the first quarter of the view';
COMMENT ON COLUMN monthly_report.us_growth_regime.regime IS
    'regime_classify(level, change), tactalloc macro_regime scheme, lowercase text: recovery (below trend, improving), expansion (above, improving), slowdown (above, deteriorating), contraction (below, deteriorating); NULL in 1962Q1 (no change) or when change is 0';
COMMENT ON COLUMN monthly_report.us_growth_regime.regime_order IS
    'Position of regime in the cycle, for sorting: 1 recovery, 2 expansion, 3 slowdown, 4 contraction; NULL when regime is NULL';
COMMENT ON COLUMN monthly_report.us_growth_regime.nber_recession IS
    'true when NBER dates the quarter in a recession: after the peak quarter, up to and including the trough quarter';

--------------------------------------------------------------------------
-- US growth x inflation quadrant per quarter next to the NBER recessions
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.us_growth_inflation AS
WITH q AS (
    SELECT quarter_start AS quarter,
           trend_ratio(realgdp::float8) OVER t AS gdp_vs_trend,
           count(*) OVER t AS trend_quarters,
           100 * (cpi::float8 / lag(cpi::float8, 4) OVER w - 1) AS cpi_yoy,
           tbilrate AS tbill,
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
           -- the change of the 2-decimal rates, in numeric (exact)
           (tbill - lag(tbill) OVER w)::float8 AS tbill_change
    FROM q
    WINDOW w AS (ORDER BY quarter)
)
SELECT quarter, gdp_vs_trend, growth_change, cpi_yoy, inflation_momentum,
       growth_inflation(growth_change, inflation_momentum)::text AS quadrant,
       array_position(enum_range(NULL::growth_inflation),
                      growth_inflation(growth_change, inflation_momentum)) AS quadrant_order,
       (SELECT diffusion(x) FROM (VALUES (d_cons), (d_inv), (d_govt), (d_dpi), (d_employment)) AS v(x)) AS breadth,
       tbill::float8 AS tbill, tbill_change,
       EXISTS (SELECT FROM nber_recessions AS r
               WHERE quarter > r.peak_quarter AND quarter <= r.trough_quarter) AS nber_recession
FROM c
WHERE trend_quarters >= 13
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.us_growth_inflation (quarter);
COMMENT ON MATERIALIZED VIEW monthly_report.us_growth_inflation IS
    'US growth x inflation quadrant per quarter 1962-2009 (REAL us_macro_quarterly, nber_recessions): growth_change = quarter-on-quarter change of gdp_vs_trend (real GDP x 100 / its 10-year log-linear trend, trend_ratio); inflation_momentum = change over one quarter (three months) of year-on-year CPI inflation (%, end-of-quarter CPI); growth_inflation of the two; breadth = diffusion of the quarter-on-quarter changes of real consumption, investment, federal spending, disposable income and employment (minus the change of the unemployment rate); the 3-month T-bill and its change (the data has no long rate, so no curve_regime); NBER recession as in us_growth_regime';
COMMENT ON COLUMN monthly_report.us_growth_inflation.quarter IS
    'Quarter (its first day), 1962Q1-2009Q3';
COMMENT ON COLUMN monthly_report.us_growth_inflation.gdp_vs_trend IS
    '100 x real GDP / its log-linear trend (trend_ratio), index points: the level of us_growth_regime, same bits';
COMMENT ON COLUMN monthly_report.us_growth_inflation.growth_change IS
    'Quarter-on-quarter change of gdp_vs_trend, index points (in 1962Q1 against 1961Q4, whose trend is fitted over 12 quarters; us_growth_regime.change is NULL there)';
COMMENT ON COLUMN monthly_report.us_growth_inflation.cpi_yoy IS
    'Year-on-year CPI inflation, end-of-quarter CPI against four quarters before, in percent (3.1 = 3.1 %, not a fraction)';
COMMENT ON COLUMN monthly_report.us_growth_inflation.inflation_momentum IS
    'Change of cpi_yoy over one quarter (three months), percentage points';
COMMENT ON COLUMN monthly_report.us_growth_inflation.quadrant IS
    'growth_inflation(growth_change, inflation_momentum), Investment Clock names, lowercase text: goldilocks (growth up, inflation momentum down), overheat (both up), stagflation (growth down, inflation up), reflation (both down); NULL when either change is 0 (a flat axis)';
COMMENT ON COLUMN monthly_report.us_growth_inflation.quadrant_order IS
    'Position of quadrant on the clock, for sorting: 1 goldilocks, 2 overheat, 3 stagflation, 4 reflation; NULL when quadrant is NULL';
COMMENT ON COLUMN monthly_report.us_growth_inflation.breadth IS
    'Breadth, diffusion of five quarter-on-quarter changes (real consumption, investment, federal spending, disposable income, and employment as minus the change of the unemployment rate): (rising - falling) / 5, a fraction in [-1, 1] in steps of 0.2';
COMMENT ON COLUMN monthly_report.us_growth_inflation.tbill IS
    '3-month Treasury bill rate, quarterly average, in percent (2 decimals as in the data)';
COMMENT ON COLUMN monthly_report.us_growth_inflation.tbill_change IS
    'Quarter-on-quarter change of tbill, percentage points (difference of the 2-decimal rates, exact)';
COMMENT ON COLUMN monthly_report.us_growth_inflation.nber_recession IS
    'true when NBER dates the quarter in a recession, as in us_growth_regime';

--------------------------------------------------------------------------
-- central-bank liquidity, month ends
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.liquidity AS
SELECT month, total_assets_usd_tn, policy_rate_upper, assets_change_usd_tn, rate_change,
       liquidity_stance(assets_change_usd_tn, rate_change, balance_sheet_tolerance => 0.005)::text AS stance,
       array_position(enum_range(NULL::liquidity_stance),
                      liquidity_stance(assets_change_usd_tn, rate_change, balance_sheet_tolerance => 0.005))
         AS stance_order
-- the changes of the stored decimals are taken in numeric before the cast
-- (exact: -0.013, not -0.013000000000000789)
FROM (SELECT month, total_assets_usd_tn::float8 AS total_assets_usd_tn,
             policy_rate_upper::float8 AS policy_rate_upper,
             (total_assets_usd_tn - lag(total_assets_usd_tn) OVER w)::float8 AS assets_change_usd_tn,
             (policy_rate_upper - lag(policy_rate_upper) OVER w)::float8 AS rate_change
      FROM (SELECT date_trunc('month', as_of)::date AS month,
                   (array_agg(total_assets_usd_tn ORDER BY as_of DESC))[1] AS total_assets_usd_tn,
                   (array_agg(policy_rate_upper ORDER BY as_of DESC))[1] AS policy_rate_upper
            FROM fed_balance_sheet GROUP BY 1) AS m
      WINDOW w AS (ORDER BY month)) AS l
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.liquidity (month);
COMMENT ON MATERIALIZED VIEW monthly_report.liquidity IS
    'Federal Reserve liquidity per month (SYNTHETIC fed_balance_sheet): last weekly reading of the month, changes against the month before, liquidity_stance of the balance-sheet change (a change within 0.005 tn, weekly noise, counts as flat) and the policy-rate change';
COMMENT ON COLUMN monthly_report.liquidity.month IS
    'Month (its first day), 2022-01 to 2026-01';
COMMENT ON COLUMN monthly_report.liquidity.total_assets_usd_tn IS
    'Federal Reserve total assets at the last weekly (Wednesday) reading of the month, USD tn (trillions), 3 decimals as in the data';
COMMENT ON COLUMN monthly_report.liquidity.policy_rate_upper IS
    'Upper bound of the fed funds target range at that reading, in percent (4.5 = 4.5 %)';
COMMENT ON COLUMN monthly_report.liquidity.assets_change_usd_tn IS
    'Change of total_assets_usd_tn against the month before, USD tn (exact difference of the 3-decimal data); NULL in the first month';
COMMENT ON COLUMN monthly_report.liquidity.rate_change IS
    'Change of policy_rate_upper against the month before, percentage points (-0.25 = a 25 bp cut); NULL in the first month';
COMMENT ON COLUMN monthly_report.liquidity.stance IS
    'liquidity_stance of the two changes (a balance-sheet change within 0.005 tn counts as flat), lowercase text: easing, tightening, mixed (opposite directions) or neutral (both flat); NULL in the first month';
COMMENT ON COLUMN monthly_report.liquidity.stance_order IS
    'Position of stance for sorting, the order of the liquidity_stance type: 1 easing, 2 tightening, 3 mixed, 4 neutral; NULL when stance is NULL';

--------------------------------------------------------------------------
-- credit: DTS per portfolio against the benchmark
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.credit_dts AS
SELECT as_of, universe AS portfolio,
       sum(names)::int AS bonds,
       sum(market_value)::float8 AS market_value_usd_mn,
       (sum(market_value_x_duration) / sum(market_value))::float8 AS spread_duration,
       (sum(market_value_x_oas) / sum(market_value))::float8 AS oas_bp,
       dts(rollup(dts)) AS dts,
       dts(rollup(dts))
         / (SELECT dts(rollup(b.dts)) FROM monthly_summaries.sector_summaries AS b
            WHERE b.universe = 'ig_index' AND b.as_of = h.as_of) AS dts_vs_benchmark,
       spread_return(dts(rollup(dts)), 0.10) AS spread_return_10pct_widening_bp
FROM monthly_summaries.sector_summaries AS h
WHERE universe <> 'index'
GROUP BY as_of, universe
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.credit_dts (as_of, portfolio);
COMMENT ON MATERIALIZED VIEW monthly_report.credit_dts IS
    'Credit risk per portfolio and date (SYNTHETIC bond_holdings, rolled up from monthly_summaries.sector_summaries): market-value-weighted spread duration, OAS and DTS (year x bp), DTS relative to the benchmark ig_index, and the spread return in bp of a 10 % relative widening';
COMMENT ON COLUMN monthly_report.credit_dts.as_of IS
    'Holdings date (2025-12-31 in this data)';
COMMENT ON COLUMN monthly_report.credit_dts.portfolio IS
    'core_credit (the portfolio) or ig_index (the benchmark)';
COMMENT ON COLUMN monthly_report.credit_dts.bonds IS
    'Number of bonds held';
COMMENT ON COLUMN monthly_report.credit_dts.market_value_usd_mn IS
    'Total market value, USD mn (millions)';
COMMENT ON COLUMN monthly_report.credit_dts.spread_duration IS
    'Market-value-weighted spread duration, years';
COMMENT ON COLUMN monthly_report.credit_dts.oas_bp IS
    'Market-value-weighted option-adjusted spread, basis points (100 bp = 1 %)';
COMMENT ON COLUMN monthly_report.credit_dts.dts IS
    'Duration times spread, market-value weighted (dts(): sum of mv x duration x spread / sum of mv, not spread_duration x oas_bp), year x bp';
COMMENT ON COLUMN monthly_report.credit_dts.dts_vs_benchmark IS
    'dts / the dts of ig_index on the same date, a ratio (1.29 = 29 % more spread risk; 1 for ig_index); NULL if the benchmark is not held on that date';
COMMENT ON COLUMN monthly_report.credit_dts.spread_return_10pct_widening_bp IS
    'Spread return of a 10 % relative widening of every spread, -dts x 0.10, in bp of market value (-90 = -0.90 %)';

--------------------------------------------------------------------------
-- size segments at the latest reconstitution
--------------------------------------------------------------------------
-- each segment code with a label beside it: a BI tool shows the label and
-- sorts by the code (NULL, outside the segments, last)
CREATE MATERIALIZED VIEW monthly_report.size_segments AS
SELECT rank_date, security, market_cap, cap_rank,
       prior_segment,
       CASE prior_segment WHEN 1 THEN 'large cap' WHEN 2 THEN 'small cap' ELSE 'new or outside' END
         AS prior_segment_label,
       segment_by_rank,
       CASE segment_by_rank WHEN 1 THEN 'large cap' WHEN 2 THEN 'small cap' ELSE 'outside' END
         AS segment_by_rank_label,
       segment,
       CASE segment WHEN 1 THEN 'large cap' WHEN 2 THEN 'small cap' ELSE 'outside' END AS segment_label
FROM (SELECT rank_date, security, market_cap::float8 AS market_cap,
             (rank() OVER w)::int AS cap_rank,
             prior_segment::int AS prior_segment,
             size_segment(market_cap::float8) OVER w AS segment_by_rank,
             size_segment(market_cap::float8, prior_segment) OVER w AS segment
      FROM size_universe
      WHERE rank_date = (SELECT max(rank_date) FROM size_universe)
      WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)) AS s
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.size_segments (rank_date, security);
COMMENT ON MATERIALIZED VIEW monthly_report.size_segments IS
    'Size segments at the latest rank date (SYNTHETIC size_universe): segment by rank alone and with Russell-style banding (size_segment, breakpoints 1000 and 3000, 5 % band); segment NULL = beyond rank 3000';
COMMENT ON COLUMN monthly_report.size_segments.rank_date IS
    'Reconstitution rank date: the latest in size_universe (2025-06-27)';
COMMENT ON COLUMN monthly_report.size_segments.security IS
    'Security identifier (fictitious)';
COMMENT ON COLUMN monthly_report.size_segments.market_cap IS
    'Market cap on the rank date, USD bn (billions), 4 decimals as in the data';
COMMENT ON COLUMN monthly_report.size_segments.cap_rank IS
    'Rank by market cap, 1 = largest (rank(): tied caps share a rank)';
COMMENT ON COLUMN monthly_report.size_segments.prior_segment IS
    'Segment code at the previous reconstitution (by 2024 rank): 1 large cap (ranks 1-1000), 2 small cap (ranks 1001-3000); NULL = beyond rank 3000 or new to the universe';
COMMENT ON COLUMN monthly_report.size_segments.prior_segment_label IS
    'Label of prior_segment: large cap, small cap, or new or outside (prior_segment NULL); never NULL';
COMMENT ON COLUMN monthly_report.size_segments.segment_by_rank IS
    'Segment code by this rank alone (size_segment without a prior segment): 1 = ranks 1-1000, 2 = ranks 1001-3000; NULL = beyond rank 3000';
COMMENT ON COLUMN monthly_report.size_segments.segment_by_rank_label IS
    'Label of segment_by_rank: large cap, small cap, or outside (segment_by_rank NULL); never NULL';
COMMENT ON COLUMN monthly_report.size_segments.segment IS
    'Segment code with Russell-style banding (size_segment(market_cap, prior_segment), breakpoints 1000 and 3000, 5 % band): a name near a breakpoint keeps its prior segment; 1 large cap, 2 small cap; NULL = outside both (beyond rank 3000 and not kept by the band)';
COMMENT ON COLUMN monthly_report.size_segments.segment_label IS
    'Label of segment: large cap, small cap, or outside (segment NULL); never NULL';

--------------------------------------------------------------------------
-- S&P 500 by calendar year
--------------------------------------------------------------------------
CREATE MATERIALIZED VIEW monthly_report.sp500_annual AS
WITH d AS (
    SELECT as_of, extract(year FROM as_of)::int AS year, close,
           close::float8 / lag(close::float8) OVER (ORDER BY as_of) - 1 AS r
    FROM sp500_daily
)
SELECT year, count(*)::int AS trading_days,
       min(as_of) AS first_day, max(as_of) AS last_day,
       -- the first year of the data has no close of the year before, and the
       -- last may not be over (2020 ends on 17 April)
       year IN (min(year) OVER (), max(year) OVER ()) AS partial_year,
       (array_agg(close ORDER BY as_of DESC))[1]::float8 AS last_close,
       compound_return(r) AS price_return,
       count(*) FILTER (WHERE r > 0)::int AS up_days,
       longest_streak(r > 0 ORDER BY as_of)::int AS longest_up_run
FROM d
GROUP BY year
WITH DATA;
CREATE UNIQUE INDEX ON monthly_report.sp500_annual (year);
COMMENT ON MATERIALIZED VIEW monthly_report.sp500_annual IS
    'S&P 500 per calendar year (REAL sp500_daily, 2000-01-03 to 2020-04-17): price return from the last close of the year before (the first year from its first close) compounded from daily returns, up days and the longest run of up days within the year; partial_year marks 2000 (from the close of 3 January) and 2020 (74 trading days, to 17 April)';
COMMENT ON COLUMN monthly_report.sp500_annual.year IS
    'Calendar year, 2000-2020';
COMMENT ON COLUMN monthly_report.sp500_annual.trading_days IS
    'Trading days with a close in the year (about 252 in a full year; 74 in 2020, whose data ends on 17 April)';
COMMENT ON COLUMN monthly_report.sp500_annual.first_day IS
    'First trading day of the year in the data';
COMMENT ON COLUMN monthly_report.sp500_annual.last_day IS
    'Last trading day of the year in the data (2020-04-17 for 2020)';
COMMENT ON COLUMN monthly_report.sp500_annual.partial_year IS
    'true when the figures do not cover the whole calendar year: the first year of the data (2000: its return starts from the close of 3 January, not from the 1999 close) and the last (2020: 74 trading days to 17 April, so its price_return is year to date, not a calendar-year return)';
COMMENT ON COLUMN monthly_report.sp500_annual.last_close IS
    'Close of last_day, index points, as in the data';
COMMENT ON COLUMN monthly_report.sp500_annual.price_return IS
    'Price return without dividends, compounded from the daily returns, from the last close of the year before (the first year: from its first close) to last_close, a fraction (-0.385 = -38.5 %); see partial_year';
COMMENT ON COLUMN monthly_report.sp500_annual.up_days IS
    'Number of days whose close is above the close before (the first day of the data counts as not up)';
COMMENT ON COLUMN monthly_report.sp500_annual.longest_up_run IS
    'Longest run of consecutive up days within the year (days)';

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
COMMENT ON COLUMN monthly_report.rolling_risk.series IS
    'S&P 500 (the index) or the ticker of a stock of the basket: AAPL, AMZN, GOOG, IBM, MSFT';
COMMENT ON COLUMN monthly_report.rolling_risk.month IS
    'Month of the price (its first day, as the source dates it), 2000-01 to 2010-03 (GOOG from 2004-08)';
COMMENT ON COLUMN monthly_report.rolling_risk.r IS
    'Price return of the month against the month before, a fraction (0.05 = +5 %); NULL in the first month of each series';
COMMENT ON COLUMN monthly_report.rolling_risk.vol_12m IS
    'Annualised volatility of the last 12 monthly returns (volatility(r, 12): sample standard deviation x sqrt(12)), a fraction (0.304 = 30.4 %); NULL until 12 returns are in the window';
COMMENT ON COLUMN monthly_report.rolling_risk.beta_36m IS
    'Beta of the stock against the S&P 500 over the last 36 monthly returns, a ratio; NULL on the S&P 500 rows and until 36 returns are in the window';
COMMENT ON COLUMN monthly_report.rolling_risk.corr_36m IS
    'Correlation of the stock with the S&P 500 over the last 36 monthly returns, in [-1, 1]; NULL as beta_36m';

--------------------------------------------------------------------------
-- the first page: latest figures from the views above
--------------------------------------------------------------------------
CREATE VIEW monthly_report.headline AS
SELECT c.as_of,
       c.effective_n, c.top10_share, c.names_above_3pct, c.share_above_3pct,
       v.pe_cap_weighted, v.ps_cap_weighted, v.ps_parity_upside,
       g.macro_regime AS global_regime, g.macro_regime_order AS global_regime_order,
       u.macro_regime AS us_regime, u.macro_regime_order AS us_regime_order,
       l.stance AS fed_stance, l.stance_order AS fed_stance_order,
       (SELECT d.dts FROM monthly_report.credit_dts AS d
        WHERE d.portfolio = 'core_credit' ORDER BY d.as_of DESC LIMIT 1) AS portfolio_dts,
       (SELECT d.dts FROM monthly_report.credit_dts AS d
        WHERE d.portfolio = 'ig_index' ORDER BY d.as_of DESC LIMIT 1) AS benchmark_dts
FROM monthly_report.index_concentration AS c
JOIN monthly_report.index_valuation AS v USING (as_of)
LEFT JOIN LATERAL (SELECT r.macro_regime, r.macro_regime_order FROM monthly_report.regime_by_region AS r
                   WHERE r.region = 'Global' ORDER BY r.month DESC LIMIT 1) AS g ON true
LEFT JOIN LATERAL (SELECT r.macro_regime, r.macro_regime_order FROM monthly_report.regime_by_region AS r
                   WHERE r.region = 'US' ORDER BY r.month DESC LIMIT 1) AS u ON true
LEFT JOIN LATERAL (SELECT s.stance, s.stance_order FROM monthly_report.liquidity AS s
                   WHERE s.month <= c.as_of ORDER BY s.month DESC LIMIT 1) AS l ON true
ORDER BY c.as_of DESC
LIMIT 1;
COMMENT ON VIEW monthly_report.headline IS
    'One row: the latest concentration and valuation of the index, the latest Global and US regimes, the Fed stance of that month and the latest portfolio and benchmark DTS (reads the materialized views: refresh them first)';
COMMENT ON COLUMN monthly_report.headline.as_of IS
    'Latest snapshot date of index_concentration (2025-12-31)';
COMMENT ON COLUMN monthly_report.headline.effective_n IS
    'index_concentration.effective_n at as_of: 1 / HHI of the cap weights (a count, not an integer)';
COMMENT ON COLUMN monthly_report.headline.top10_share IS
    'index_concentration.top10_share at as_of, a fraction';
COMMENT ON COLUMN monthly_report.headline.names_above_3pct IS
    'index_concentration.names_above_3pct at as_of';
COMMENT ON COLUMN monthly_report.headline.share_above_3pct IS
    'index_concentration.share_above_3pct at as_of, a fraction';
COMMENT ON COLUMN monthly_report.headline.pe_cap_weighted IS
    'index_valuation.pe_cap_weighted at as_of, a multiple';
COMMENT ON COLUMN monthly_report.headline.ps_cap_weighted IS
    'index_valuation.ps_cap_weighted at as_of, a multiple';
COMMENT ON COLUMN monthly_report.headline.ps_parity_upside IS
    'index_valuation.ps_parity_upside at as_of, a fraction (1.0 = +100 %)';
COMMENT ON COLUMN monthly_report.headline.global_regime IS
    'regime_by_region.macro_regime of the Global indicator in its latest month (tactalloc scheme, lowercase text)';
COMMENT ON COLUMN monthly_report.headline.global_regime_order IS
    'Position of global_regime in the cycle: 1 recovery, 2 expansion, 3 slowdown, 4 contraction';
COMMENT ON COLUMN monthly_report.headline.us_regime IS
    'regime_by_region.macro_regime of the US indicator in its latest month (tactalloc scheme, lowercase text)';
COMMENT ON COLUMN monthly_report.headline.us_regime_order IS
    'Position of us_regime in the cycle: 1 recovery, 2 expansion, 3 slowdown, 4 contraction';
COMMENT ON COLUMN monthly_report.headline.fed_stance IS
    'liquidity.stance of the latest month not after as_of, lowercase text';
COMMENT ON COLUMN monthly_report.headline.fed_stance_order IS
    'Position of fed_stance: 1 easing, 2 tightening, 3 mixed, 4 neutral';
COMMENT ON COLUMN monthly_report.headline.portfolio_dts IS
    'credit_dts.dts of core_credit at its latest date, year x bp';
COMMENT ON COLUMN monthly_report.headline.benchmark_dts IS
    'credit_dts.dts of ig_index at its latest date, year x bp';
