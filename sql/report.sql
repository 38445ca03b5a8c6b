-- The main job's report: the bundled data (data/) in a schema of its
-- own, the monthly_report materialized views (examples/monthly_report.sql)
-- refreshed concurrently, key figures checked against values computed without
-- tactalloc (plain SQL, or a hand calculation given in the comment), the
-- report's headline values literally, and the whole report
-- (examples/report.sql), so that it cannot drift silently.
SET client_min_messages = warning;
CREATE SCHEMA demo;
SET search_path = demo, public;
\set ECHO none
\i data/load.sql
\i examples/monthly_report.sql
\set ECHO all
-- dates as in the data files (pg_regress runs with datestyle Postgres, MDY)
SET datestyle = 'ISO, MDY';

--------------------------------------------------------------------------
-- the schema: every view and every column commented, every materialized view
-- with a unique index on plain columns (what REFRESH ... CONCURRENTLY needs)
--------------------------------------------------------------------------
SELECT c.relname, c.relkind,
       obj_description(c.oid, 'pg_class') IS NOT NULL AS commented,
       EXISTS (SELECT FROM pg_index AS i
               WHERE i.indrelid = c.oid AND i.indisunique
                 AND i.indpred IS NULL AND i.indexprs IS NULL) AS unique_index,
       (SELECT count(*) FROM pg_attribute AS a WHERE a.attrelid = c.oid AND a.attnum > 0) AS columns,
       (SELECT count(*) FROM pg_attribute AS a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) <> '') AS commented_columns
FROM pg_class AS c
WHERE c.relnamespace = 'monthly_report'::regnamespace AND c.relkind IN ('m', 'v')
ORDER BY c.relkind, c.relname;

-- one type convention for BI clients: measures float8; counts, years, codes
-- and orders integer (never bigint, which JavaScript clients get as strings,
-- nor numeric); categories and labels text (never an enum, which rejects
-- ILIKE, lower() and unknown labels); dates; flags boolean
SELECT format_type(a.atttypid, a.atttypmod) AS type, count(*) AS columns
FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
WHERE c.relnamespace = 'monthly_report'::regnamespace AND c.relkind IN ('m', 'v') AND a.attnum > 0
GROUP BY 1 ORDER BY 1;
-- every category has an integer <column>_order beside it
SELECT c.relname, a.attname, o.attname IS NOT NULL AS has_order
FROM pg_attribute AS a
JOIN pg_class AS c ON c.oid = a.attrelid
LEFT JOIN pg_attribute AS o ON o.attrelid = a.attrelid AND o.attname = a.attname || '_order'
                            AND o.atttypid = 'int4'::regtype
WHERE c.relnamespace = 'monthly_report'::regnamespace AND c.relkind IN ('m', 'v')
  AND a.attname ~ '(regime|phase|quadrant|stance|year_end)$'
ORDER BY 1, 2;

-- refresh every materialized view concurrently (the summaries and
-- regime_by_region before the views that read them)
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_summaries.sector_summaries;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.index_concentration;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.sector_weights;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.index_valuation;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.portfolio_vs_index;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.regime_by_region;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.regime_shifts_by_year;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.us_growth_regime;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.us_growth_inflation;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.liquidity;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.credit_dts;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.size_segments;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.sp500_annual;

-- the index figures are rolled up from the summaries per snapshot and sector
-- (monthly_summaries.sector_summaries): the same bits as the aggregates over
-- the rows
SELECT count(*) AS snapshots,
       count(*) FILTER (WHERE same_bits(c.hhi, d.hhi) AND same_bits(c.effective_n, d.effective_n)
                          AND same_bits(c.top10_share, d.top10) AND c.names_above_3pct = d.n_above
                          AND same_bits(c.share_above_3pct, d.above) AND same_bits(v.pe_cap_weighted, d.pe)
                          AND same_bits(v.pe_equal_weighted, d.pe_ew) AND same_bits(v.pe_cap_weighted_ex_losses, d.pe_ex)
                          AND same_bits(v.ps_cap_weighted, d.ps) AND same_bits(v.ps_equal_weighted, d.ps_ew)) AS identical
FROM monthly_report.index_concentration AS c
JOIN monthly_report.index_valuation AS v USING (as_of)
JOIN (SELECT as_of, hhi(market_cap) AS hhi, effective_n(market_cap) AS effective_n, top_share(market_cap, 10) AS top10,
             count_above(market_cap, 0.03) AS n_above, share_above(market_cap, 0.03) AS above,
             index_multiple(market_cap, earnings) AS pe, index_multiple(market_cap, earnings, 1) AS pe_ew,
             index_multiple(market_cap, earnings) FILTER (WHERE earnings > 0) AS pe_ex,
             index_multiple(market_cap, sales) AS ps, index_multiple(market_cap, sales, 1) AS ps_ew
      FROM constituents GROUP BY as_of) AS d USING (as_of);
SELECT count(*) AS portfolios, count(*) FILTER (WHERE same_bits(c.dts, d.dts)) AS identical
FROM monthly_report.credit_dts AS c
JOIN (SELECT as_of, portfolio, dts(market_value, spread_duration, oas_bp) AS dts
      FROM bond_holdings GROUP BY as_of, portfolio) AS d USING (as_of, portfolio);

-- a refresh picks up a change of the tables: without its high-yield sleeve the
-- portfolio's DTS falls; rolled back, so the views keep the bundled data
BEGIN;
DELETE FROM bond_holdings WHERE portfolio = 'core_credit' AND rating IN ('BB+', 'BB', 'BB-', 'B+', 'B');
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_summaries.sector_summaries;
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_report.credit_dts;
SELECT portfolio, bonds, round(dts::numeric, 1) AS dts FROM monthly_report.credit_dts ORDER BY portfolio;
ROLLBACK;
SELECT portfolio, bonds, round(dts::numeric, 1) AS dts FROM monthly_report.credit_dts ORDER BY portfolio;

--------------------------------------------------------------------------
-- what a BI tool's generated SQL does with the categories: ILIKE, lower(),
-- a label in another case (no match, no error), labels of no category
--------------------------------------------------------------------------
SELECT count(*) FILTER (WHERE macro_regime ILIKE '%slow%') AS ilike_slow,
       count(*) FILTER (WHERE lower(macro_regime) = 'slowdown') AS lower_slowdown,
       count(*) FILTER (WHERE macro_regime = 'slowdown') AS equals_slowdown,
       count(*) FILTER (WHERE macro_regime = 'Slowdown') AS equals_capitalised,
       count(*) FILTER (WHERE macro_regime IN ('boom', 'bust')) AS unknown_labels,
       count(*) FILTER (WHERE oecd_phase ILIKE 'down%') AS oecd_downturn,
       count(*) FILTER (WHERE confirmed_macro_regime LIKE '%tion') AS confirmed_ending_tion
FROM monthly_report.regime_by_region;
SELECT (SELECT count(*) FROM monthly_report.us_growth_regime WHERE upper(regime) = 'CONTRACTION') AS us_contraction,
       (SELECT count(*) FROM monthly_report.us_growth_inflation WHERE quadrant ILIKE '%flation') AS stag_or_reflation,
       (SELECT count(*) FROM monthly_report.liquidity WHERE stance = 'Easing') AS easing_capitalised,
       (SELECT count(*) FROM monthly_report.liquidity WHERE stance ILIKE 'easing') AS easing_ilike,
       (SELECT count(*) FROM monthly_report.regime_shifts_by_year WHERE regime_at_year_end ~* '^rec') AS recovery_year_ends,
       (SELECT count(*) FROM monthly_report.size_segments WHERE segment_label ILIKE 'small%') AS small_caps;

-- each label has one position in every view, the order of its enum (the
-- cycle); the two regime schemes share three words with other meanings, and
-- the positions follow the quadrant: macro_regime slowdown is OECD downturn
-- (3), macro_regime contraction is OECD slowdown (4)
SELECT scheme, label, array_agg(DISTINCT pos) AS positions, count(*) AS rows
FROM (SELECT 'macro_regime' AS scheme, macro_regime AS label, macro_regime_order AS pos FROM monthly_report.regime_by_region
      UNION ALL SELECT 'macro_regime', confirmed_macro_regime, confirmed_macro_regime_order FROM monthly_report.regime_by_region
      UNION ALL SELECT 'macro_regime', regime_at_year_end, regime_at_year_end_order FROM monthly_report.regime_shifts_by_year
      UNION ALL SELECT 'macro_regime', regime, regime_order FROM monthly_report.us_growth_regime
      UNION ALL SELECT 'macro_regime', global_regime, global_regime_order FROM monthly_report.headline
      UNION ALL SELECT 'macro_regime', us_regime, us_regime_order FROM monthly_report.headline
      UNION ALL SELECT 'oecd_phase', oecd_phase, oecd_phase_order FROM monthly_report.regime_by_region
      UNION ALL SELECT 'growth_inflation', quadrant, quadrant_order FROM monthly_report.us_growth_inflation
      UNION ALL SELECT 'liquidity_stance', stance, stance_order FROM monthly_report.liquidity
      UNION ALL SELECT 'liquidity_stance', fed_stance, fed_stance_order FROM monthly_report.headline) AS u
WHERE label IS NOT NULL OR pos IS NOT NULL
GROUP BY scheme, label ORDER BY scheme, min(pos);
SELECT macro_regime, oecd_phase, count(*) AS months,
       count(*) FILTER (WHERE macro_regime_order <> oecd_phase_order) AS positions_differ
FROM monthly_report.regime_by_region
WHERE change <> 0
GROUP BY macro_regime, oecd_phase ORDER BY min(macro_regime_order), min(oecd_phase_order);

-- size segments: a label beside each code, never NULL, one label per code
SELECT prior_segment, prior_segment_label, segment_by_rank, segment_by_rank_label, segment, segment_label,
       count(*) AS names
FROM monthly_report.size_segments
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1 NULLS LAST, 3 NULLS LAST, 5 NULLS LAST;

-- the partial years of the S&P 500 are marked in the data
SELECT year, trading_days, first_day, last_day, round(100 * price_return::numeric, 1) AS return_pct
FROM monthly_report.sp500_annual WHERE partial_year ORDER BY year;
SELECT count(*) AS full_years, min(trading_days), max(trading_days)
FROM monthly_report.sp500_annual WHERE NOT partial_year;

-- differences of stored decimals carry no float noise: each prints as short
-- as the decimal difference of the data
SELECT (SELECT count(*) FILTER (WHERE length(change::text) > length(round(change::numeric, 3)::text))
        FROM monthly_report.regime_by_region) AS lei_change_noisy,
       (SELECT count(*) FILTER (WHERE length(assets_change_usd_tn::text) > length(round(assets_change_usd_tn::numeric, 3)::text)
                                  OR length(rate_change::text) > length(round(rate_change::numeric, 2)::text))
        FROM monthly_report.liquidity) AS liquidity_change_noisy,
       (SELECT count(*) FILTER (WHERE length(tbill_change::text) > length(round(tbill_change::numeric, 2)::text))
        FROM monthly_report.us_growth_inflation) AS tbill_change_noisy,
       (SELECT count(*) FILTER (WHERE change::text = '-0.086') FROM monthly_report.regime_by_region) AS shows_minus_0_086;

--------------------------------------------------------------------------
-- concentration against plain SQL (numeric arithmetic, no tactalloc):
-- effective N = 1 / sum((cap / total)^2) and HHI within 1e-12 relative,
-- top-10 share from the 10 largest caps (ORDER BY ... LIMIT 10, not the
-- window of the view), names and weight above 3 %, for all 47 snapshots
--------------------------------------------------------------------------
WITH oracle AS (
    SELECT as_of,
           1 / sum((market_cap / t.total) ^ 2) AS effective_n,
           sum((market_cap / t.total) ^ 2) AS hhi,
           count(*) FILTER (WHERE market_cap / t.total > 0.03) AS names_above_3pct,
           coalesce(sum(market_cap / t.total) FILTER (WHERE market_cap / t.total > 0.03), 0) AS share_above_3pct
    FROM constituents
    JOIN (SELECT as_of, sum(market_cap) AS total FROM constituents GROUP BY as_of) AS t USING (as_of)
    GROUP BY as_of
), top10 AS (
    SELECT d.as_of, (SELECT sum(x.market_cap) FROM (SELECT market_cap FROM constituents AS k
                                                     WHERE k.as_of = d.as_of
                                                     ORDER BY market_cap DESC LIMIT 10) AS x)
                    / (SELECT sum(market_cap) FROM constituents AS k WHERE k.as_of = d.as_of) AS top10_share
    FROM (SELECT DISTINCT as_of FROM constituents) AS d
)
SELECT count(*) AS snapshots,
       count(*) FILTER (WHERE abs(c.effective_n - o.effective_n::float8) > 1e-12 * o.effective_n::float8) AS effective_n_off,
       count(*) FILTER (WHERE abs(c.hhi - o.hhi::float8) > 1e-12 * o.hhi::float8) AS hhi_off,
       count(*) FILTER (WHERE abs(c.top10_share - t.top10_share::float8) > 1e-12) AS top10_off,
       count(*) FILTER (WHERE c.names_above_3pct <> o.names_above_3pct) AS count_above_off,
       count(*) FILTER (WHERE abs(c.share_above_3pct - o.share_above_3pct::float8) > 1e-12) AS share_above_off
FROM monthly_report.index_concentration AS c
JOIN oracle AS o USING (as_of)
JOIN top10 AS t USING (as_of);

-- the published facts the data is calibrated to (data/README.md): 46 effective
-- names and a top-10 share of 41.6 % at the end of 2025, 79 and 27.1 % at the
-- end of 1999, 7 names above 3 % at the end of 2025 (6.78 + 6.00 + 5.31 +
-- 4.70 + 4.16 + 3.68 + 3.26 = 33.89 %), IT + communication services 36.5 %
SELECT as_of, round(effective_n::numeric, 1) AS effective_n, round(100 * top10_share::numeric, 1) AS top10_pct,
       names_above_3pct, round(100 * share_above_3pct::numeric, 1) AS above_3pct,
       round(100 * it_comm_share::numeric, 1) AS it_comm_pct
FROM monthly_report.index_concentration
WHERE as_of IN ('1999-12-31', '2024-12-31', '2025-12-31')
ORDER BY as_of;

-- sector weights add up to 1 on every date; effective N within the IT sector
-- at the end of 2025 against plain SQL
SELECT count(*) FILTER (WHERE abs(total - 1) > 1e-12) AS dates_not_summing_to_1
FROM (SELECT as_of, sum(weight) AS total FROM monthly_report.sector_weights GROUP BY as_of) AS s;
SELECT round(s.effective_n_within::numeric, 6) = round(o.n, 6) AS it_effective_n_matches
FROM monthly_report.sector_weights AS s,
     (SELECT 1 / sum((market_cap / t) ^ 2) AS n
      FROM constituents, (SELECT sum(market_cap) AS t FROM constituents
                          WHERE as_of = '2025-12-31' AND sector = 'Information Technology') AS tt
      WHERE as_of = '2025-12-31' AND sector = 'Information Technology') AS o
WHERE s.as_of = '2025-12-31' AND s.sector = 'Information Technology';

-- active share at the end of 2025: 72.6 % (data/README.md), against the plain
-- SQL of data/sanity_checks.sql
SELECT round(100 * v.active_share::numeric, 1) AS active_share_pct,
       round(100 * v.active_share::numeric, 9) = round(100 * o.active_share, 9) AS matches_plain_sql,
       v.names_held
FROM monthly_report.portfolio_vs_index AS v,
     (SELECT 0.5 * sum(abs(coalesce(wp, 0) - coalesce(wb, 0))) AS active_share
      FROM (SELECT security, market_cap / sum(market_cap) OVER () AS wb
            FROM constituents WHERE as_of = '2025-12-31') AS b
      FULL JOIN (SELECT security, portfolio_weight AS wp
                 FROM portfolio_holdings WHERE as_of = '2025-12-31') AS p USING (security)) AS o
WHERE v.as_of = '2025-12-31';

--------------------------------------------------------------------------
-- valuation: P/E 25.50, P/S 3.40 cap weighted and 1.70 equal weighted at the
-- end of 2025 (data/README.md); the equal-weighted P/S is the harmonic mean
-- of the names' P/S, so parity = 3.40 / 1.70 - 1 = +100 %
--------------------------------------------------------------------------
SELECT as_of, round(pe_cap_weighted::numeric, 2) AS pe, round(pe_equal_weighted::numeric, 2) AS pe_equal,
       round(ps_cap_weighted::numeric, 2) AS ps, round(ps_equal_weighted::numeric, 2) AS ps_equal,
       round(100 * ps_parity_upside::numeric, 1) AS ps_parity_pct,
       round(ps_equal_weighted::numeric, 9) = (SELECT round(1 / avg(sales / market_cap), 9) FROM constituents AS k
                                                WHERE k.as_of = v.as_of) AS ps_equal_is_harmonic_mean
FROM monthly_report.index_valuation AS v
WHERE as_of IN ('1999-12-31', '2025-12-31')
ORDER BY as_of;

--------------------------------------------------------------------------
-- credit: DTS = sum(mv * D * S) / sum(mv) in numeric, within 1e-9 relative;
-- 900 and 700 (data/README.md); a 10 % widening loses 90 and 70 bp
--------------------------------------------------------------------------
SELECT d.portfolio, round(d.dts::numeric, 1) AS dts,
       abs(d.dts - o.dts::float8) <= 1e-9 * o.dts::float8 AS matches_plain_sql,
       round(d.dts_vs_benchmark::numeric, 2) AS vs_benchmark,
       round(d.spread_return_10pct_widening_bp::numeric, 1) AS widening_10pct_bp
FROM monthly_report.credit_dts AS d
JOIN (SELECT portfolio, sum(market_value * spread_duration * oas_bp) / sum(market_value) AS dts
      FROM bond_holdings GROUP BY portfolio) AS o USING (portfolio)
ORDER BY d.portfolio;

--------------------------------------------------------------------------
-- regimes against a CASE expression: below/above 100 and the direction of the
-- last non-zero change (a flat month keeps it), for every region and month
--------------------------------------------------------------------------
WITH d AS (
    SELECT region, as_of, level, sign(level - lag(level) OVER (PARTITION BY region ORDER BY as_of)) AS s
    FROM lei
), g AS (
    SELECT *, count(nullif(s, 0)) OVER (PARTITION BY region ORDER BY as_of) AS grp FROM d
), r AS (
    SELECT *, first_value(nullif(s, 0)) OVER (PARTITION BY region, grp ORDER BY as_of) AS dir FROM g
), oracle AS (
    SELECT region, as_of,
           CASE WHEN dir IS NULL THEN NULL
                WHEN level < 100 AND dir > 0 THEN 'recovery'
                WHEN level >= 100 AND dir > 0 THEN 'expansion'
                WHEN level >= 100 AND dir < 0 THEN 'slowdown'
                ELSE 'contraction' END AS regime
    FROM r
)
SELECT count(*) AS months,
       count(*) FILTER (WHERE v.macro_regime IS DISTINCT FROM o.regime) AS regime_off,
       count(*) FILTER (WHERE v.macro_regime = 'recovery') AS recovery,
       count(*) FILTER (WHERE v.macro_regime = 'expansion') AS expansion,
       count(*) FILTER (WHERE v.macro_regime = 'slowdown') AS slowdown,
       count(*) FILTER (WHERE v.macro_regime = 'contraction') AS contraction
FROM monthly_report.regime_by_region AS v
JOIN oracle AS o ON o.region = v.region AND o.as_of = v.month;

-- the January 2026 note: the Global indicator shifted 3 times in 2019, 2 in
-- 2020 and once in 2025; December 2025 regimes by region
SELECT year, shifts, confirmed_shifts, regime_at_year_end
FROM monthly_report.regime_shifts_by_year
WHERE region = 'Global' AND year IN (2019, 2020, 2025)
ORDER BY year;
SELECT macro_regime AS regime, string_agg(region, ', ' ORDER BY region) AS regions
FROM monthly_report.regime_by_region WHERE month = '2025-12-01'
GROUP BY macro_regime, macro_regime_order ORDER BY macro_regime_order;

--------------------------------------------------------------------------
-- US growth regimes 1962-2009 and the NBER recessions
--------------------------------------------------------------------------
-- the regime against a CASE expression, and the quarters in each regime
SELECT count(*) AS quarters, min(quarter), max(quarter),
       count(*) FILTER (WHERE regime IS DISTINCT FROM
                        CASE WHEN change > 0 AND level >= 100 THEN 'expansion'
                             WHEN change > 0 THEN 'recovery'
                             WHEN change < 0 AND level >= 100 THEN 'slowdown'
                             WHEN change < 0 THEN 'contraction' END) AS regime_off,
       count(*) FILTER (WHERE regime = 'recovery') AS recovery,
       count(*) FILTER (WHERE regime = 'expansion') AS expansion,
       count(*) FILTER (WHERE regime = 'slowdown') AS slowdown,
       count(*) FILTER (WHERE regime = 'contraction') AS contraction
FROM monthly_report.us_growth_regime;

-- NBER recession quarters in 1962Q1-2009Q3, counted by hand from the dates of
-- data/README.md (the quarters after the peak up to the trough): 1970 4,
-- 1974-75 5, 1980 2, 1981-82 5, 1990-91 2, 2001 3, 2008-09 6 = 27 (1960-61's 3
-- are before 1962); the report says 25 of them read as contraction
SELECT count(*) FILTER (WHERE nber_recession) AS nber_quarters,
       count(*) FILTER (WHERE nber_recession AND regime = 'contraction') AS in_contraction,
       count(*) FILTER (WHERE nber_recession AND regime = 'recovery') AS in_recovery,
       count(*) FILTER (WHERE nber_recession AND regime = 'slowdown') AS in_slowdown,
       count(*) FILTER (WHERE nber_recession AND regime = 'expansion') AS in_expansion
FROM monthly_report.us_growth_regime;
-- the same count without the view: the quarters from the one after each
-- peak quarter to the trough quarter, within the data's 1962Q1-2009Q3
SELECT count(*) AS nber_quarters_from_dates
FROM nber_recessions AS r,
     generate_series(r.peak_quarter + interval '3 months', r.trough_quarter, interval '3 months') AS q
WHERE q BETWEEN '1962-01-01' AND '2009-07-01';

-- regime shifts per decade, against counting the quarters whose regime differs
-- from the quarter before (lag), the decade's first quarter against the last
-- quarter of the decade before
SELECT d AS decade, regime_shifts(regime::macro_regime ORDER BY quarter) AS shifts,
       (SELECT count(*) FROM (SELECT quarter, regime, lag(regime) OVER (ORDER BY quarter) AS prev
                              FROM monthly_report.us_growth_regime WHERE regime IS NOT NULL) AS x
        WHERE prev IS NOT NULL AND regime <> prev
          AND quarter BETWEEN make_date(d, 1, 1) AND make_date(d + 9, 10, 1)) AS by_lag
FROM monthly_report.us_growth_regime, generate_series(1960, 2000, 10) AS d
WHERE quarter BETWEEN make_date(d - 1, 10, 1) AND make_date(d + 9, 10, 1)
GROUP BY d ORDER BY d;

-- the level (trend_ratio) against the least-squares fit written with regr_*
-- window SQL over the same 41 quarters, within 1e-12 relative; both US views
-- read the same level
WITH g AS (
    SELECT quarter_start AS q, ln(realgdp::float8) AS y, row_number() OVER (ORDER BY quarter_start)::float8 AS t
    FROM us_macro_quarterly
), fit AS (
    SELECT q, 100 * exp(y - (regr_intercept(y, t) OVER w + regr_slope(y, t) OVER w * t)) AS level
    FROM g WINDOW w AS (ORDER BY t ROWS BETWEEN 40 PRECEDING AND CURRENT ROW)
)
SELECT count(*) AS quarters,
       count(*) FILTER (WHERE abs(u.level / f.level - 1) > 1e-12) AS level_off,
       count(*) FILTER (WHERE NOT same_bits(u.level, i.gdp_vs_trend)) AS views_differ
FROM monthly_report.us_growth_regime AS u
JOIN fit AS f ON f.q = u.quarter
JOIN monthly_report.us_growth_inflation AS i ON i.quarter = u.quarter;

--------------------------------------------------------------------------
-- US growth x inflation 1962-2009: year-on-year CPI inflation in numeric,
-- its change over one quarter, the quadrant against a CASE on the signs, and
-- the breadth against counting the five components' signs by hand
--------------------------------------------------------------------------
WITH m AS (
    SELECT quarter_start AS q, 100 * (cpi / lag(cpi, 4) OVER w - 1) AS yoy,
           sign(realcons - lag(realcons) OVER w) + sign(realinv - lag(realinv) OVER w)
           + sign(realgovt - lag(realgovt) OVER w) + sign(realdpi - lag(realdpi) OVER w)
           + sign(lag(unemp) OVER w - unemp) AS net_rising
    FROM us_macro_quarterly WINDOW w AS (ORDER BY quarter_start)
), o AS (
    SELECT q, yoy, yoy - lag(yoy) OVER (ORDER BY q) AS momentum, net_rising FROM m
)
SELECT count(*) AS quarters, min(u.quarter), max(u.quarter),
       count(*) FILTER (WHERE abs(u.cpi_yoy - o.yoy::float8) > 1e-12) AS cpi_yoy_off,
       count(*) FILTER (WHERE abs(u.inflation_momentum - o.momentum::float8) > 1e-12) AS momentum_off,
       count(*) FILTER (WHERE u.quadrant IS DISTINCT FROM
                        CASE WHEN u.growth_change > 0 AND u.inflation_momentum < 0 THEN 'goldilocks'
                             WHEN u.growth_change > 0 AND u.inflation_momentum > 0 THEN 'overheat'
                             WHEN u.growth_change < 0 AND u.inflation_momentum > 0 THEN 'stagflation'
                             WHEN u.growth_change < 0 AND u.inflation_momentum < 0 THEN 'reflation' END) AS quadrant_off,
       count(*) FILTER (WHERE u.breadth IS DISTINCT FROM o.net_rising / 5.0) AS breadth_off
FROM monthly_report.us_growth_inflation AS u JOIN o ON o.q = u.quarter;
-- the report's reading: the quadrants of the 27 NBER recession quarters of
-- 1962-2009 (21 reflation, 4 stagflation in 1974, none overheat) and the
-- average breadth per quadrant
SELECT quadrant, count(*) AS quarters, count(*) FILTER (WHERE nber_recession) AS nber_quarters,
       string_agg(DISTINCT extract(year FROM quarter)::text, ', ') FILTER (WHERE nber_recession AND quadrant = 'stagflation') AS stagflation_recession_years,
       round(avg(breadth)::numeric, 2) AS avg_breadth
FROM monthly_report.us_growth_inflation GROUP BY quadrant, quadrant_order ORDER BY quadrant_order;

--------------------------------------------------------------------------
-- liquidity stance against a CASE expression on the signs of the changes
--------------------------------------------------------------------------
SELECT count(*) AS months,
       count(*) FILTER (WHERE stance::text IS DISTINCT FROM
                        CASE WHEN round(assets_change_usd_tn::numeric, 2) = 0 AND rate_change = 0 THEN 'neutral'
                             WHEN round(assets_change_usd_tn::numeric, 2) >= 0 AND rate_change <= 0 THEN 'easing'
                             WHEN round(assets_change_usd_tn::numeric, 2) <= 0 AND rate_change >= 0 THEN 'tightening'
                             ELSE 'mixed' END) AS stance_off
FROM monthly_report.liquidity WHERE assets_change_usd_tn IS NOT NULL;
SELECT month, total_assets_usd_tn, policy_rate_upper, stance
FROM monthly_report.liquidity WHERE month BETWEEN '2025-09-01' AND '2025-12-01' ORDER BY month;

--------------------------------------------------------------------------
-- size segments: the crossers of rank 1000 by plain rank (data/README.md:
-- 66 down, 69 up), how many of them the band keeps, and the segment by rank
-- alone against a CASE on rank() (tied caps share a rank, so the two names
-- tied at rank 3000 are both inside, as doc/tactalloc.md says)
--------------------------------------------------------------------------
SELECT count(*) AS names,
       count(*) FILTER (WHERE prior_segment = 1 AND plain_rank > 1000) AS down,
       count(*) FILTER (WHERE prior_segment = 2 AND plain_rank <= 1000) AS up,
       count(*) FILTER (WHERE (prior_segment = 1 AND plain_rank > 1000 OR prior_segment = 2 AND plain_rank <= 1000)
                        AND segment = prior_segment) AS kept_by_band,
       count(*) FILTER (WHERE segment_by_rank IS DISTINCT FROM
                        CASE WHEN plain_rank <= 1000 THEN 1 WHEN plain_rank <= 3000 THEN 2 END) AS by_rank_off
FROM (SELECT *, rank() OVER (ORDER BY market_cap DESC) AS plain_rank
      FROM monthly_report.size_segments) AS s;

--------------------------------------------------------------------------
-- S&P 500: the compounded daily returns against the ratio of year-end
-- closes (2000 from its first close), within 1e-9; the longest run of up days
-- in each year against a second method (each up day's run = its position
-- minus the position of the last day that was not up)
--------------------------------------------------------------------------
WITH ends AS (
    SELECT extract(year FROM as_of)::int AS year,
           (array_agg(close ORDER BY as_of DESC))[1] AS last_close,
           (array_agg(close ORDER BY as_of))[1] AS first_close
    FROM sp500_daily GROUP BY 1
), ratio AS (
    SELECT year, last_close / coalesce(lag(last_close) OVER (ORDER BY year), first_close) - 1 AS price_return
    FROM ends
), runs AS (
    SELECT year, max(pos - last_break) AS longest
    FROM (SELECT year, pos, max(pos) FILTER (WHERE NOT up) OVER (PARTITION BY year ORDER BY pos) AS last_break
          FROM (SELECT extract(year FROM as_of)::int AS year,
                       row_number() OVER (ORDER BY as_of) AS pos,
                       coalesce(close > lag(close) OVER (ORDER BY as_of), false) AS up
                FROM sp500_daily) AS d) AS p
    GROUP BY year
)
SELECT count(*) AS years,
       count(*) FILTER (WHERE abs(a.price_return - r.price_return::float8) > 1e-9) AS return_off,
       count(*) FILTER (WHERE a.longest_up_run <> u.longest) AS longest_run_off
FROM monthly_report.sp500_annual AS a
JOIN ratio AS r USING (year)
JOIN runs AS u USING (year);
-- the published calendar-year price returns: 2008 -38.5 %, 2013 +29.6 %, 2019 +28.9 %
SELECT year, round(100 * price_return::numeric, 1) AS return_pct, up_days, longest_up_run, last_close
FROM monthly_report.sp500_annual WHERE year IN (2008, 2013, 2019) ORDER BY year;

--------------------------------------------------------------------------
-- the headline of the report, literally
--------------------------------------------------------------------------
SELECT as_of, round(effective_n::numeric, 1) AS effective_n, round(100 * top10_share::numeric, 1) AS top10_pct,
       names_above_3pct, round(100 * share_above_3pct::numeric, 1) AS above_3pct_pct,
       round(pe_cap_weighted::numeric, 2) AS pe, round(ps_cap_weighted::numeric, 2) AS ps,
       round(100 * ps_parity_upside::numeric, 1) AS ps_parity_pct,
       global_regime, us_regime, fed_stance,
       round(portfolio_dts::numeric, 1) AS portfolio_dts, round(benchmark_dts::numeric, 1) AS benchmark_dts
FROM monthly_report.headline;

--------------------------------------------------------------------------
-- the whole report, as ./report prints it
--------------------------------------------------------------------------
-- rolling risk (REAL prices): the window aggregates against plain SQL over
-- each frame (PostgreSQL's stddev_samp and regr_slope, inexact: 1e-12)
--------------------------------------------------------------------------
CREATE TEMP TABLE rolling_risk AS SELECT * FROM monthly_report.rolling_risk;
SELECT count(*) AS months,
       count(*) FILTER (WHERE abs(rr.vol_12m / (sqrt(12) * p.sd) - 1) < 1e-12) AS vol_as_stddev,
       count(rr.beta_36m) AS betas,
       count(*) FILTER (WHERE abs(rr.beta_36m / q.slope - 1) < 1e-12 AND abs(rr.corr_36m - q.c) < 1e-12) AS beta_corr_as_regr
FROM rolling_risk AS rr,
     LATERAL (SELECT stddev_samp(x.r) AS sd FROM rolling_risk AS x
              WHERE x.series = rr.series AND x.month BETWEEN rr.month - interval '11 months' AND rr.month) AS p,
     LATERAL (SELECT regr_slope(x.r, i.r) AS slope, corr(x.r, i.r) AS c
              FROM rolling_risk AS x JOIN rolling_risk AS i
                ON i.series = 'S&P 500' AND i.month = x.month
              WHERE x.series = rr.series AND x.month BETWEEN rr.month - interval '35 months' AND rr.month) AS q
WHERE rr.vol_12m IS NOT NULL;
DROP TABLE rolling_risk;

--------------------------------------------------------------------------
-- market history (REAL S&P 500 closes, SYNTHETIC constituents): the
-- drawdowns against the running maximum of the closes, the latest close's
-- standing and the rows since a higher close against self-joins, the top
-- ten's contribution and the names matching the largest against plain SQL
--------------------------------------------------------------------------
CREATE TEMP TABLE spx AS
SELECT as_of, close::float8 AS close, close::float8 / lag(close::float8) OVER (ORDER BY as_of) - 1 AS r
FROM sp500_daily;
SELECT abs(max_drawdown(r ORDER BY as_of) / (SELECT min(close / peak) - 1
                                              FROM (SELECT close, max(close) OVER (ORDER BY as_of) AS peak
                                                    FROM spx WHERE as_of BETWEEN '2000-03-24' AND '2007-05-29') AS p) - 1) < 1e-12 AS dd_2000_2002,
       round(100 * max_drawdown(r ORDER BY as_of)::numeric, 1) AS dd_2000_2002_pct
FROM spx WHERE as_of BETWEEN '2000-03-25' AND '2007-05-29';
SELECT abs(max_drawdown(r ORDER BY as_of) / (SELECT min(close / peak) - 1
                                              FROM (SELECT close, max(close) OVER (ORDER BY as_of) AS peak
                                                    FROM spx WHERE as_of BETWEEN '2007-10-09' AND '2013-03-27') AS p) - 1) < 1e-12 AS dd_2007_2009,
       round(100 * max_drawdown(r ORDER BY as_of)::numeric, 1) AS dd_2007_2009_pct
FROM spx WHERE as_of BETWEEN '2007-10-10' AND '2013-03-27';
-- the 126 trading days after a trough: compound_return(r, 126) over the
-- following rows against the ratio of the closes; NULL, not a partial
-- period, where fewer than 126 days follow (the data ends 17 April 2020)
SELECT as_of, following_days,
       abs((1 + fwd) / ((SELECT e.close FROM spx AS e WHERE e.as_of > f.as_of ORDER BY e.as_of OFFSET 125 LIMIT 1)
                        / f.close) - 1) < 1e-12 AS next_126d_as_closes,
       round(100 * fwd::numeric, 1) AS next_126d_pct
FROM (SELECT as_of, close, compound_return(r, 126) OVER w AS fwd, count(r) OVER w AS following_days
      FROM spx WHERE r IS NOT NULL
      WINDOW w AS (ORDER BY as_of ROWS BETWEEN 1 FOLLOWING AND 126 FOLLOWING)) AS f
WHERE as_of IN ('2002-10-09', '2009-03-09', '2020-03-23') ORDER BY as_of;
SELECT h.pct = (SELECT (count(*) FILTER (WHERE e.close < h.close) + 0.5 * count(*) FILTER (WHERE e.close = h.close))::float8 / count(*)
                FROM spx AS e WHERE e.as_of < h.as_of) AS percentile_as_sql,
       h.since = (SELECT count(*) FROM spx AS e WHERE e.as_of > (SELECT max(as_of) FROM spx AS f WHERE f.as_of < h.as_of AND f.close >= h.close)
                                                 AND e.as_of <= h.as_of) AS since_as_sql,
       h.since
FROM (SELECT as_of, close, history_percentile(close) OVER (ORDER BY as_of) AS pct,
             periods_since_higher(close) OVER (ORDER BY as_of) AS since FROM spx) AS h
ORDER BY as_of DESC LIMIT 1;
DROP TABLE spx;
CREATE TEMP TABLE cap_2025 AS
SELECT p.market_cap::float8 AS w, c.market_cap::float8 / p.market_cap::float8 - 1 AS r, c.market_cap::float8 AS cap
FROM constituents AS c JOIN constituents AS p ON p.security = c.security AND p.as_of = '2024-12-31'
WHERE c.as_of = '2025-12-31';
SELECT abs(top_contribution(w, r, 10) - (SELECT sum(w * r) FROM (SELECT w, r FROM cap_2025 ORDER BY w DESC LIMIT 10) AS t)
                                        / (SELECT sum(w * r) FROM cap_2025)) < 1e-12 AS top10_as_sql,
       round(100 * top_contribution(w, r, 10)::numeric, 1) AS top10_pct
FROM cap_2025;
SELECT names_to_match(market_cap::float8, 1) = (
         SELECT min(k) FROM (SELECT row_number() OVER (ORDER BY market_cap) AS k,
                                    sum(market_cap) OVER (ORDER BY market_cap ROWS UNBOUNDED PRECEDING) AS cum
                             FROM constituents WHERE as_of = '2025-12-31') AS s
         WHERE cum >= (SELECT max(market_cap) FROM constituents WHERE as_of = '2025-12-31')) AS match_as_sql,
       names_to_match(market_cap::float8, 1) AS smallest_matching_largest
FROM constituents WHERE as_of = '2025-12-31';
DROP TABLE cap_2025;

--------------------------------------------------------------------------
\set ECHO none
\i examples/report.sql
\set ECHO all
\pset footer on
\pset null ''

RESET search_path;
RESET datestyle;
RESET extra_float_digits;
SET client_min_messages = warning;
DROP SCHEMA monthly_report CASCADE;
DROP SCHEMA monthly_summaries CASCADE;
DROP SCHEMA demo CASCADE;
RESET client_min_messages;
