-- tactalloc: the analyst's monthly report, in plain SQL over the bundled data.
--
--     psql -d mydb -f data/load.sql                (the tables: data/README.md)
--     psql -d mydb -f examples/monthly_report.sql  (the headline reads its views)
--     psql -d mydb -f examples/report.sql
--
-- Every figure comes from tactalloc's functions or plain SQL; copy any query
-- into psql.  Tables whose comment starts with SYNTHETIC hold generated data
-- calibrated to published facts (data/README.md); every section says which
-- kind it reads.  Rounding: percents and effective N to 1 decimal, HHI to 4,
-- multiples and durations to 2, DTS and basis points to 1.
--
\pset footer off
\pset null '-'
SET extra_float_digits = 0;

\pset tuples_only on
SELECT 'tactalloc MONTHLY ASSET-ALLOCATION REPORT   as of '
       || to_char(max(as_of), 'FMDD FMMonth YYYY') FROM constituents;
\pset tuples_only off
\echo 'data provenance (from the table comments; SYNTHETIC = generated, calibrated, no real holdings):'
SELECT split_part(obj_description(c.oid, 'pg_class'), '.', 1) AS data,
       string_agg(c.relname, ', ' ORDER BY c.relname) AS tables
FROM pg_class AS c
WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
  AND obj_description(c.oid, 'pg_class') ~ '^(REAL|SYNTHETIC)\.'
GROUP BY 1 ORDER BY 1;
\echo 'headline (the view monthly_report.headline of examples/monthly_report.sql; SYNTHETIC tables):'
SELECT t.item, t.reading
FROM monthly_report.headline AS h,
     LATERAL (VALUES
       (1, 'concentration', format('%s effective names; the top 10 hold %s %%; %s names above 3 %% hold %s %%',
                                   round(h.effective_n::numeric, 1), round(100 * h.top10_share::numeric, 1),
                                   h.names_above_3pct, round(100 * h.share_above_3pct::numeric, 1))),
       (2, 'valuation', format('index P/E %s, P/S %s; the equal-weighted P/S needs %s %% to parity',
                               round(h.pe_cap_weighted::numeric, 2), round(h.ps_cap_weighted::numeric, 2),
                               to_char(100 * h.ps_parity_upside, 'FMS990.0'))),
       (3, 'macro regime', format('Global %s, US %s (sections 2, 3)', h.global_regime, h.us_regime)),
       (4, 'liquidity', format('Fed balance sheet and policy rate: %s (section 7)', h.fed_stance)),
       (5, 'credit', format('portfolio DTS %s against %s for the benchmark',
                            round(h.portfolio_dts::numeric, 1), round(h.benchmark_dts::numeric, 1)))
     ) AS t(n, item, reading)
ORDER BY t.n;

--------------------------------------------------------------------------
\echo
\echo '1. CONCENTRATION  500-name US large-cap index, year ends  [SYNTHETIC constituents]'
\echo '   effective N = 1 / HHI of cap weights: how many equal weights would be as concentrated'
WITH y AS (
    SELECT as_of,
           100 * top_share(market_cap, 10) AS top10_pct,
           effective_n(market_cap) AS effective_n,
           hhi(market_cap) AS hhi,
           count_above(market_cap, 0.03) AS names_above_3pct,
           100 * share_above(market_cap, 0.03) AS weight_above_3pct,
           100 * sum(market_cap) FILTER (WHERE sector IN ('Information Technology', 'Communication Services'))
               / sum(market_cap) AS it_comm_pct
    FROM constituents
    GROUP BY as_of
)
SELECT to_char(as_of, 'YYYY') AS year, round(top10_pct::numeric, 1) AS top10_pct,
       round(effective_n::numeric, 1) AS effective_n, round(hhi::numeric, 4) AS hhi,
       names_above_3pct, round(weight_above_3pct::numeric, 1) AS weight_above_3pct,
       round(it_comm_pct, 1) AS it_comm_pct
FROM y
WHERE extract(month FROM as_of) = 12
  AND extract(year FROM as_of) IN (1990, 1995, 1999, 2005, 2010, 2015, 2020, 2024, 2025)
UNION ALL
SELECT 'avg 1990-2024', round(avg(top10_pct)::numeric, 1), round(avg(effective_n)::numeric, 1),
       round(avg(hhi)::numeric, 4), NULL, round(avg(weight_above_3pct)::numeric, 1), round(avg(it_comm_pct), 1)
FROM y
WHERE extract(month FROM as_of) = 12 AND as_of < '2025-01-01'
ORDER BY year;
\echo '   reading: the top 10 hold twice their long-run share and the index behaves like 46 equal'
\echo '   names, fewer than at the 1999 peak; it_comm_pct = IT + communication services.'

\echo
\echo '   sector groups at the end of 2025: weight, and concentration within each group'
SELECT CASE WHEN sector IN ('Information Technology', 'Communication Services')
            THEN 'IT + communication services' ELSE 'rest of the index' END AS sector_group,
       count(*) AS names,
       round(100 * sum(market_cap) / sum(sum(market_cap)) OVER (), 1) AS weight_pct,
       round(effective_n(market_cap)::numeric, 1) AS effective_n
FROM constituents
WHERE as_of = '2025-12-31'
GROUP BY 1 ORDER BY 1;

\echo
\echo '   the active 60-name portfolio against the index, 31 December 2025  [SYNTHETIC portfolio_holdings]'
-- the full join puts a name held on one side only against 0 on the other;
-- active_share normalises each side by its own total
SELECT count(p.security) AS names_held,
       round(effective_n(p.portfolio_weight)::numeric, 1) AS effective_n_portfolio,
       round(effective_n(b.market_cap)::numeric, 1) AS effective_n_index,
       round((100 * active_share(p.portfolio_weight, b.market_cap))::numeric, 1) AS active_share_pct
FROM (SELECT security, market_cap FROM constituents WHERE as_of = '2025-12-31') AS b
FULL JOIN (SELECT security, portfolio_weight FROM portfolio_holdings WHERE as_of = '2025-12-31') AS p
  USING (security);

--------------------------------------------------------------------------
\echo
\echo '2. MACRO REGIMES BY REGION  leading indicators, December 2025  [SYNTHETIC lei]'
\echo '   level against trend 100; change = month on month; confirmed = after 3 readings of a regime'
CREATE TEMP VIEW tracked AS
SELECT region, as_of, level, change,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 3) OVER w AS confirmed
FROM (SELECT region, as_of, level::float8,
             level::float8 - lag(level::float8) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of);
SELECT region, round(level::numeric, 2) AS level, round(change::numeric, 2) AS change,
       regime_classify(level, change) AS regime, confirmed, oecd_phase(level, change) AS oecd_name
FROM tracked
WHERE as_of = '2025-12-01'
ORDER BY regime, region;
\echo '   reading: the US and emerging markets recover below trend, developed ex-US expands above it;'
\echo '   in EM and the UK the new regime has not yet lasted the 3 readings that confirm it.'

--------------------------------------------------------------------------
\echo
\echo '3. REGIME HISTORY  Global leading indicator, shifts per year  [SYNTHETIC lei]'
\echo '   regime_track: a flat month keeps the direction; a January shift counts against December'
SELECT y AS year, regime_shifts(regime ORDER BY as_of) AS shifts,
       regime_shifts(confirmed ORDER BY as_of) AS confirmed_shifts,
       string_agg(to_char(as_of, 'Mon') || ' ' || regime, ', ' ORDER BY as_of)
         FILTER (WHERE as_of >= make_date(y, 1, 1) AND regime IS DISTINCT FROM prev) AS shifted_to
FROM (SELECT *, lag(regime) OVER (PARTITION BY region ORDER BY as_of) AS prev FROM tracked) AS t,
     generate_series(2016, 2025) AS y
WHERE region = 'Global' AND as_of BETWEEN make_date(y - 1, 12, 1) AND make_date(y, 12, 1)
GROUP BY y ORDER BY y;

--------------------------------------------------------------------------
\echo
\echo '4. US GROWTH REGIMES 1962-2009 next to NBER recessions  [REAL us_macro_quarterly, nber_recessions]'
\echo '   level = 100 x real GDP / its 10-year log-linear trend (trend_ratio over the quarter and the'
\echo '   40 before); change = quarter on quarter'
CREATE TEMP VIEW us_growth AS
WITH lvl AS (
    SELECT quarter_start AS q,
           trend_ratio(realgdp::float8) OVER w AS level,
           count(*) OVER w AS n
    FROM us_macro_quarterly
    WINDOW w AS (ORDER BY quarter_start ROWS BETWEEN 40 PRECEDING AND CURRENT ROW)
)
SELECT q, level, level - lag(level) OVER (ORDER BY q) AS change,
       regime_classify(level, level - lag(level) OVER (ORDER BY q)) AS regime,
       EXISTS (SELECT FROM nber_recessions AS r
               WHERE q > r.peak_quarter AND q <= r.trough_quarter) AS nber_recession
FROM lvl
WHERE n >= 13;
\echo '   one character a quarter: R recovery, E expansion, S slowdown, C contraction; # NBER recession'
SELECT to_char(d, 'YYYY') || 's' AS decade, s.series,
       string_agg(CASE WHEN extract(month FROM g.q) = 1 AND g.q > d THEN ' ' ELSE '' END
                  || CASE WHEN u.q IS NULL THEN ' '
                          WHEN s.series = 'NBER' THEN CASE WHEN u.nber_recession THEN '#' ELSE '.' END
                          ELSE coalesce(upper(left(u.regime::text, 1)), '.') END,
                  '' ORDER BY g.q) AS "year 0    1    2    3    4    5    6    7    8    9"
FROM generate_series(date '1960-01-01', date '2009-10-01', interval '3 months') AS g(q)
CROSS JOIN (VALUES (1, 'regime'), (2, 'NBER')) AS s(n, series)
CROSS JOIN LATERAL (SELECT make_date(extract(decade FROM g.q)::int * 10, 1, 1) AS d) AS dd
LEFT JOIN us_growth AS u ON u.q = g.q
GROUP BY d, s.n, s.series ORDER BY d, s.n;

\echo
\echo '   per decade: quarters in each regime, shifts (regime_shifts; confirmed = after 2 readings)'
\echo '   and how the NBER recession quarters were classified'
SELECT to_char(make_date(d, 1, 1), 'YYYY') || 's' AS decade,
       count(*) FILTER (WHERE regime = 'recovery' AND q >= make_date(d, 1, 1)) AS recovery,
       count(*) FILTER (WHERE regime = 'expansion' AND q >= make_date(d, 1, 1)) AS expansion,
       count(*) FILTER (WHERE regime = 'slowdown' AND q >= make_date(d, 1, 1)) AS slowdown,
       count(*) FILTER (WHERE regime = 'contraction' AND q >= make_date(d, 1, 1)) AS contraction,
       regime_shifts(regime ORDER BY q) AS shifts,
       regime_shifts(confirmed ORDER BY q) AS confirmed_shifts,
       count(*) FILTER (WHERE nber_recession AND q >= make_date(d, 1, 1)) AS nber_qtrs,
       count(*) FILTER (WHERE nber_recession AND regime = 'contraction' AND q >= make_date(d, 1, 1)) AS nber_in_contraction
FROM (SELECT *, regime_track(level, change, 2) OVER (ORDER BY q) AS confirmed FROM us_growth) AS u,
     generate_series(1960, 2000, 10) AS d
-- each decade with the last quarter of the decade before, so a shift in Q1 counts
WHERE q BETWEEN make_date(d - 1, 10, 1) AND make_date(d + 9, 10, 1)
GROUP BY d ORDER BY d;
\echo '   reading: 25 of the 27 recession quarters read as contraction (below trend, falling);'
\echo '   the indicator turns from a trailing trend, so it also flags slow growth outside recessions.'

--------------------------------------------------------------------------
\echo
\echo '5. US GROWTH x INFLATION 1962-2009 next to NBER recessions  [REAL us_macro_quarterly, nber_recessions]'
\echo '   growth = change of the section 4 level; inflation momentum = change of year-on-year CPI'
\echo '   inflation over three months (one quarter: the data is quarterly); growth_inflation of the two'
\echo '   one character a quarter: G goldilocks, O overheat, S stagflation, R reflation; # NBER recession'
SELECT to_char(d, 'YYYY') || 's' AS decade, s.series,
       string_agg(CASE WHEN extract(month FROM g.q) = 1 AND g.q > d THEN ' ' ELSE '' END
                  || CASE WHEN u.quarter IS NULL THEN ' '
                          WHEN s.series = 'NBER' THEN CASE WHEN u.nber_recession THEN '#' ELSE '.' END
                          ELSE coalesce(upper(left(u.quadrant::text, 1)), '.') END,
                  '' ORDER BY g.q) AS "year 0    1    2    3    4    5    6    7    8    9"
FROM generate_series(date '1960-01-01', date '2009-10-01', interval '3 months') AS g(q)
CROSS JOIN (VALUES (1, 'quadrant'), (2, 'NBER')) AS s(n, series)
CROSS JOIN LATERAL (SELECT make_date(extract(decade FROM g.q)::int * 10, 1, 1) AS d) AS dd
LEFT JOIN monthly_report.us_growth_inflation AS u ON u.quarter = g.q
GROUP BY d, s.n, s.series ORDER BY d, s.n;

\echo
\echo '   each recession: the quadrants of its quarters (after the peak to the trough), CPI inflation'
\echo '   at the peak and its change to the trough, and the lowest breadth (diffusion of the quarterly'
\echo '   changes of real consumption, investment, federal spending, disposable income and employment)'
SELECT to_char(r.peak_quarter, 'YYYY"Q"Q') AS peak, to_char(r.trough_quarter, 'YYYY"Q"Q') AS trough,
       string_agg(coalesce(u.quadrant::text, '-'), ' ' ORDER BY u.quarter) AS quadrants,
       round((SELECT p.cpi_yoy FROM monthly_report.us_growth_inflation AS p WHERE p.quarter = r.peak_quarter)::numeric, 1)
         AS cpi_yoy_at_peak,
       round(sum(u.inflation_momentum)::numeric, 1) AS cpi_yoy_change,
       min(u.breadth) AS lowest_breadth
FROM nber_recessions AS r
JOIN monthly_report.us_growth_inflation AS u ON u.quarter > r.peak_quarter AND u.quarter <= r.trough_quarter
GROUP BY r.peak_quarter, r.trough_quarter ORDER BY r.peak_quarter;

\echo
\echo '   quarters in each quadrant, 1962Q1-2009Q3: all quarters and the NBER recession quarters'
SELECT coalesce(quadrant::text, 'none (a flat axis)') AS quadrant, count(*) AS quarters,
       count(*) FILTER (WHERE nber_recession) AS nber_quarters,
       round(avg(breadth)::numeric, 2) AS avg_breadth
FROM monthly_report.us_growth_inflation
WHERE growth_change IS NOT NULL
GROUP BY quadrant ORDER BY quadrant NULLS LAST;
\echo '   reading: 21 of the 27 recession quarters are reflation (growth and inflation momentum both'
\echo '   falling); stagflation in three quarters of 1974 and one of 2008; none is overheat. Breadth'
\echo '   averages 0.74 in overheat and 0.13 in reflation.'
\echo '   the yield curve: the bundled data has only the 3-month T-bill, no long rate, so curve_regime'
\echo '   (bull/bear steepener/flattener) is not shown on real data.'

--------------------------------------------------------------------------
\echo
\echo '6. TILTS OF THE CURRENT REGIMES  regime_playbook (slowdown rows are tactalloc defaults)'
\echo '   December 2025: recovery in China, EM, Global and the US; expansion in developed ex-US (section 2)'
SELECT p.asset, p.tilt, string_agg(t.regime::text, ' and ' ORDER BY t.regime) AS in_regime
FROM (SELECT DISTINCT regime FROM tracked WHERE as_of = '2025-12-01') AS t,
     LATERAL regime_tilts(t.regime) AS p
GROUP BY p.asset, p.tilt ORDER BY p.asset, min(t.regime);

--------------------------------------------------------------------------
\echo
\echo '7. LIQUIDITY  Federal Reserve, month ends, second half of 2025  [SYNTHETIC fed_balance_sheet: a path'
\echo '   through public anchor values]  changes against the month before; a balance-sheet change within 0.005 tn counts as flat'
SELECT to_char(month, 'YYYY-MM') AS month, round(total_assets_tn::numeric, 2) AS total_assets_tn,
       round(assets_change::numeric, 2) AS change_tn,
       policy_rate::numeric(4, 2) AS policy_rate, rate_change::numeric(4, 2) AS rate_change,
       liquidity_stance(assets_change, rate_change, balance_sheet_tolerance => 0.005) AS stance
FROM (SELECT month, total_assets_tn, policy_rate,
             total_assets_tn - lag(total_assets_tn) OVER (ORDER BY month) AS assets_change,
             policy_rate - lag(policy_rate) OVER (ORDER BY month) AS rate_change
      FROM (SELECT date_trunc('month', as_of)::date AS month,
                   (array_agg(total_assets_usd_tn ORDER BY as_of DESC))[1]::float8 AS total_assets_tn,
                   (array_agg(policy_rate_upper ORDER BY as_of DESC))[1]::float8 AS policy_rate
            FROM fed_balance_sheet GROUP BY 1) AS month_ends) AS m
WHERE month BETWEEN '2025-07-01' AND '2025-12-01'
ORDER BY month;
\echo '   reading: run-off took total assets from 6.85 to 6.55 tn in 2025 and ended on 1 December;'
\echo '   with the December cut the stance turned from mixed to easing.'

--------------------------------------------------------------------------
\echo
\echo '8. CREDIT  DTS against the benchmark and a 10 % spread widening, 31 December 2025  [SYNTHETIC bond_holdings]'
\echo '   DTS = spread duration x OAS, market-value weighted (year x bp); spread return = -DTS x 10 %'
SELECT portfolio, count(*) AS bonds, round(sum(market_value)) AS mv_usd_mn,
       round((sum(market_value * spread_duration) / sum(market_value))::numeric, 2) AS spread_dur,
       round((sum(market_value * oas_bp) / sum(market_value))::numeric, 1) AS oas_bp,
       round(dts(market_value, spread_duration, oas_bp)::numeric, 1) AS dts,
       round((dts(market_value, spread_duration, oas_bp)
              / (SELECT dts(market_value, spread_duration, oas_bp) FROM bond_holdings WHERE portfolio = 'ig_index'))::numeric, 2)
         AS dts_vs_benchmark,
       round(spread_return(dts(market_value, spread_duration, oas_bp), 0.10)::numeric, 1) AS widening_10pct_bp
FROM bond_holdings
WHERE as_of = '2025-12-31'
GROUP BY portfolio ORDER BY portfolio;

\echo
\echo '   where the DTS comes from: weight and DTS contribution by rating group'
SELECT portfolio,
       CASE WHEN rating LIKE 'BBB%' THEN '2 BBB' WHEN rating LIKE 'B%' THEN '3 high yield (BB, B)'
            ELSE '1 A and above' END AS rating_group,
       round(100 * sum(market_value) / sum(sum(market_value)) OVER (PARTITION BY portfolio), 1) AS weight_pct,
       round(dts(market_value, spread_duration, oas_bp)::numeric, 1) AS dts,
       round((dts(market_value, spread_duration, oas_bp) * sum(market_value)
              / sum(sum(market_value)) OVER (PARTITION BY portfolio))::numeric, 1) AS dts_contribution
FROM bond_holdings
WHERE as_of = '2025-12-31'
GROUP BY 1, 2 ORDER BY 1, 2;
\echo '   reading: the portfolio runs 1.29x benchmark DTS; the high-yield sleeve adds most of the gap.'

--------------------------------------------------------------------------
\echo
\echo '9. VALUATION  cap- against equal-weighted multiples, year ends  [SYNTHETIC constituents]'
\echo '   index multiple = sum of caps / sum of fundamentals; equal weighted = n / sum(fundamental / cap);'
\echo '   parity = the equal-weighted move to the cap-weighted multiple'
-- providers keep losses in (pe_cap); FILTER (WHERE earnings > 0) gives the ex-loss figure
SELECT to_char(as_of, 'YYYY') AS year,
       round(index_multiple(market_cap, earnings)::numeric, 2) AS pe_cap,
       round(index_multiple(market_cap, earnings, 1)::numeric, 2) AS pe_equal,
       round((index_multiple(market_cap, earnings) FILTER (WHERE earnings > 0))::numeric, 2) AS pe_cap_ex_losses,
       round(index_multiple(market_cap, sales)::numeric, 2) AS ps_cap,
       round(index_multiple(market_cap, sales, 1)::numeric, 2) AS ps_equal,
       round((100 * parity_upside(index_multiple(market_cap, earnings, 1),
                                  index_multiple(market_cap, earnings)))::numeric, 1) AS pe_parity_pct,
       round((100 * parity_upside(index_multiple(market_cap, sales, 1),
                                  index_multiple(market_cap, sales)))::numeric, 1) AS ps_parity_pct
FROM constituents
WHERE as_of IN ('1999-12-31', '2008-12-31', '2019-12-31', '2024-12-31', '2025-12-31')
GROUP BY as_of ORDER BY as_of;
\echo '   reading: on sales the average stock is half as dear as the index (+100 % to parity);'
\echo '   on earnings the gap is smaller, as the largest names also earn the most.'

--------------------------------------------------------------------------
\echo
\echo '10. S&P 500  calendar-year price returns and runs of up days, 2000-2020  [REAL sp500_daily]'
\echo '   return from the last close of the year before (2000: from the close of 3 Jan; 2020: to 17 Apr)'
CREATE TEMP VIEW sp500_years AS
WITH d AS (
    SELECT as_of, extract(year FROM as_of)::int AS year, close::float8 AS close,
           close::float8 / lag(close::float8) OVER (ORDER BY as_of) - 1 AS r
    FROM sp500_daily
)
SELECT year, count(*) AS trading_days,
       100 * compound_return(r) AS return_pct,
       count(*) FILTER (WHERE r > 0) AS up_days,
       longest_streak(r > 0 ORDER BY as_of) AS longest_up_run
FROM d GROUP BY year;
SELECT to_char(make_date(y.decade, 1, 1), 'YYYY') || 's' AS decade, m.measure,
       string_agg(lpad(CASE m.n WHEN 1 THEN to_char(s.return_pct, 'FM990.0') ELSE s.longest_up_run::text END, 5),
                  ' ' ORDER BY s.year) AS "   +0    +1    +2    +3    +4    +5    +6    +7    +8    +9"
FROM sp500_years AS s
CROSS JOIN LATERAL (SELECT s.year / 10 * 10 AS decade) AS y
CROSS JOIN (VALUES (1, 'return %'), (2, 'longest up run')) AS m(n, measure)
GROUP BY y.decade, m.n, m.measure ORDER BY y.decade, m.n;

\echo
\echo '   the longest run of up days in the whole series (gaps and islands over daily closes)'
-- longest_streak(up ORDER BY as_of) gives the length (checked by the test
-- suite against this query); the dates of the run need the islands
SELECT count(*) FILTER (WHERE up) AS up_days, min(as_of) FILTER (WHERE up) AS first_day, max(as_of) AS last_day,
       round(100 * (max(close) / min(close) FILTER (WHERE up IS NOT TRUE) - 1), 1) AS gain_pct
FROM (SELECT *, count(*) FILTER (WHERE up IS NOT TRUE) OVER (ORDER BY as_of) AS island
      FROM (SELECT as_of, close, close > lag(close) OVER (ORDER BY as_of) AS up FROM sp500_daily) AS d) AS s
GROUP BY island
ORDER BY up_days DESC, first_day LIMIT 1;

--------------------------------------------------------------------------
\echo
\echo '11. FIVE-STOCK BASKET  cap weighted, December closes  [REAL stock_prices, sp500_monthly; ASSUMED share counts]'
\echo '    caps = monthly price x a fixed share count assumed for this report (bn shares, rounded,'
\echo '    of the order of early-2010 counts; not data): MSFT 8.8, IBM 1.3, AAPL 0.9, AMZN 0.45, GOOG 0.32'
WITH shares (symbol, shares_bn) AS (
    VALUES ('MSFT', 8.8), ('IBM', 1.3), ('AAPL', 0.9), ('AMZN', 0.45), ('GOOG', 0.32)
), basket AS (
    SELECT p.as_of, p.symbol, p.price * s.shares_bn AS cap_bn
    FROM stock_prices AS p JOIN shares AS s USING (symbol)
)
SELECT to_char(b.as_of, 'YYYY-MM') AS month, count(*) AS names, round(sum(cap_bn)) AS cap_usd_bn,
       round(hhi(cap_bn)::numeric, 4) AS hhi, round(effective_n(cap_bn)::numeric, 1) AS effective_n,
       string_agg(symbol || ' ' || round(100 * cap_bn / t.total), ', ' ORDER BY cap_bn DESC) AS weights_pct,
       round(min(m.price)) AS sp500
FROM basket AS b
JOIN (SELECT as_of, sum(cap_bn) AS total FROM basket GROUP BY as_of) AS t USING (as_of)
LEFT JOIN sp500_monthly AS m USING (as_of)
WHERE extract(month FROM b.as_of) = 12 OR b.as_of = (SELECT max(as_of) FROM stock_prices)
GROUP BY b.as_of ORDER BY b.as_of;
\echo '    reading: GOOG (from Aug 2004) and AAPL halve the weight of MSFT; effective N rises from 2 to 4.4.'

--------------------------------------------------------------------------
\echo
\echo '12. SIZE SEGMENTS  2025 reconstitution, breakpoints 1000 / 3000, 5 % band  [SYNTHETIC size_universe]'
\echo '    by rank = where the 2025 rank alone would put a name; segment = with banding (size_segment)'
CREATE TEMP VIEW segments_2025 AS
SELECT security, market_cap, prior_segment,
       rank() OVER w AS rnk,
       size_segment(market_cap::float8) OVER w AS by_rank,
       size_segment(market_cap::float8, prior_segment) OVER w AS segment
FROM size_universe
WHERE rank_date = '2025-06-27'
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC);
SELECT coalesce(prior_segment::text, 'new / beyond 3000') AS prior_segment,
       count(*) AS names,
       count(*) FILTER (WHERE by_rank = 1) AS rank_1_1000,
       count(*) FILTER (WHERE by_rank = 2) AS rank_1001_3000,
       count(*) FILTER (WHERE segment = 1) AS segment_1,
       count(*) FILTER (WHERE segment = 2) AS segment_2,
       count(*) FILTER (WHERE segment IS NULL) AS outside
FROM segments_2025
GROUP BY prior_segment ORDER BY prior_segment NULLS LAST;

\echo
\echo '    names that change segment despite the band'
SELECT security, rnk AS rank_2025, round(market_cap, 2) AS market_cap_bn, prior_segment, by_rank, segment
FROM segments_2025
WHERE prior_segment IS NOT NULL AND segment IS DISTINCT FROM prior_segment
ORDER BY rnk;
\echo '    reading: banding keeps 132 of the 135 names that cross rank 1000 in their old segment.'

\echo
\echo '13. ROLLING RISK  S&P 500 and the five-stock basket, monthly returns 2000-2010  [REAL sp500_monthly, stock_prices]'
\echo '    12-month volatility (annualised) and 36-month beta and correlation against the index:'
\echo '    moving window aggregates (view monthly_report.rolling_risk), exact and O(1) a month'
SELECT extract(year FROM month)::int AS december,
       round(100 * vol_12m::numeric, 1) AS sp500_vol_12m_pct
FROM monthly_report.rolling_risk
WHERE series = 'S&P 500' AND extract(month FROM month) = 12
ORDER BY month;
SELECT series, to_char(month, 'Mon YYYY') AS latest, round(100 * vol_12m::numeric, 1) AS vol_12m_pct,
       round(beta_36m::numeric, 2) AS beta_36m, round(corr_36m::numeric, 2) AS corr_36m,
       round(min(beta_36m) OVER s::numeric, 2) AS min_beta_36m, round(max(beta_36m) OVER s::numeric, 2) AS max_beta_36m
FROM monthly_report.rolling_risk
WHERE series <> 'S&P 500'
WINDOW s AS (PARTITION BY series)
ORDER BY month DESC, series
LIMIT 5;
\echo '    reading: the index''s 12-month volatility peaked at 30.4 % in August 2009 (the window of the'
\echo '    2008-09 crash) against 5.7 % in 2006; by March 2010 every stock had a 36-month correlation'
\echo '    of 0.46-0.67 with the index, Apple the highest beta (1.48), IBM the lowest (0.72).'

\echo
\echo '14. MARKET HISTORY  S&P 500 daily closes 2000-2020 [REAL sp500_daily]; index constituents [SYNTHETIC constituents]'
\echo '    drawdowns: the fall of the index from its running peak (current_drawdown over a running window);'
\echo '    an episode runs from a peak to the next one: its depth is max_drawdown over its days; the return'
\echo '    in the 126 trading days after the trough is compound_return(r, 126) over the following rows,'
\echo '    - where fewer than 126 days have followed (NULL, not a partial period)'
CREATE TEMP VIEW sp500_returns AS
SELECT as_of, close::float8 AS close, close::float8 / lag(close::float8) OVER (ORDER BY as_of) - 1 AS r
FROM sp500_daily;
WITH under AS (
    SELECT as_of, r, current_drawdown(r) OVER (ORDER BY as_of) AS drawdown,
           compound_return(r, 126) OVER (ORDER BY as_of ROWS BETWEEN 1 FOLLOWING AND 126 FOLLOWING) AS next_126d
    FROM sp500_returns WHERE r IS NOT NULL
), episodes AS (
    SELECT *, count(*) FILTER (WHERE drawdown = 0) OVER (ORDER BY as_of) AS episode FROM under
), summary AS (
    SELECT episode, min(as_of) AS peak, max_drawdown(r ORDER BY as_of) AS depth,
           (array_agg(as_of ORDER BY drawdown, as_of))[1] AS trough,
           (array_agg(next_126d ORDER BY drawdown, as_of))[1] AS after_trough,
           count(*) - 1 AS days_under_water,
           lead(min(as_of)) OVER (ORDER BY episode) AS recovered
    FROM episodes GROUP BY episode
)
SELECT peak, trough, round(100 * depth::numeric, 1) AS drawdown_pct,
       round(100 * after_trough::numeric, 1) AS next_126d_pct,
       days_under_water AS trading_days_under_water,
       coalesce(recovered::text, 'not yet (' || (SELECT max(as_of) FROM sp500_daily) || ')') AS back_at_peak
FROM summary WHERE depth < -0.19 ORDER BY peak;

\echo
\echo '    the latest close against its history: share of the earlier closes below it (history_percentile,'
\echo '    running frame), trading days back to a close at least as high (periods_since_higher), and its'
\echo '    z-score against the last 252 closes (history_zscore)'
SELECT as_of, round(close::numeric, 2) AS close, round(100 * pct::numeric, 1) AS above_pct_of_history,
       since AS days_since_higher,
       (SELECT as_of FROM sp500_returns AS e WHERE e.close >= h.close AND e.as_of < h.as_of ORDER BY as_of DESC LIMIT 1) AS last_higher,
       round(z::numeric, 2) AS zscore_252d, round(100 * current_dd::numeric, 1) AS drawdown_pct
FROM (SELECT as_of, close, history_percentile(close) OVER (ORDER BY as_of) AS pct,
             periods_since_higher(close) OVER (ORDER BY as_of) AS since,
             history_zscore(close) OVER (ORDER BY as_of ROWS BETWEEN 251 PRECEDING AND CURRENT ROW) AS z,
             current_drawdown(r) OVER (ORDER BY as_of) AS current_dd
      FROM sp500_returns) AS h
ORDER BY as_of DESC LIMIT 1;

\echo
\echo '    who drove each year''s return: the ten largest names at the start of the year, their share of'
\echo '    the index''s return (top_contribution of start weights and the change of market cap) and of'
\echo '    its weight; years with an index move of at least 15 %'
WITH year_end AS (
    SELECT extract(year FROM as_of)::int AS year, security, market_cap::float8 AS cap
    FROM constituents WHERE extract(month FROM as_of) = 12
), yearly AS (
    SELECT c.year, p.cap AS w, c.cap / p.cap - 1 AS r
    FROM year_end AS c JOIN year_end AS p ON p.security = c.security AND p.year = c.year - 1
)
SELECT year, count(*) AS names, round(100 * weighted_mean(r, w)::numeric, 1) AS index_return_pct,
       round(100 * top_contribution(w, r, 10)::numeric, 1) AS top10_share_of_return_pct,
       round(100 * top_share(w, 10)::numeric, 1) AS top10_weight_pct
FROM yearly GROUP BY year HAVING abs(weighted_mean(r, w)) >= 0.15 ORDER BY year;

\echo
\echo '    the smallest names that weigh as much as the largest one and as the ten largest (names_to_match)'
SELECT as_of, round(100 * top_share(market_cap::float8, 1)::numeric, 1) AS largest_pct,
       names_to_match(market_cap::float8, 1) AS smallest_matching_largest,
       names_to_match(market_cap::float8, 10) AS smallest_matching_top10,
       count_above(market_cap::float8, 0.03, true) AS names_3pct_or_more
FROM constituents
WHERE as_of IN ('1995-12-29', '1999-12-31', '2007-12-31', '2015-12-31', '2021-12-31', '2025-12-31')
GROUP BY as_of ORDER BY as_of;
DROP VIEW sp500_returns;
\echo '    reading: the index fell 49.1 % from March 2000 to October 2002 and was under water for 1 802'
\echo '    trading days, until May 2007; it fell 56.8 % from October 2007 to March 2009 and regained its'
\echo '    peak in March 2013; 126 trading days after the 2009 trough it was 50.2 % higher. On 17 April'
\echo '    2020 it closed above 95 % of its history, the highest since 10 March, 15 % below its February'
\echo '    peak. In 2025 the ten largest names made 67 % of the return with 38 % of the weight, and the'
\echo '    largest name weighed as much as the 218 smallest.'
