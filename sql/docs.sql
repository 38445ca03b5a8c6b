-- Generated from doc/tactalloc.md by test/doc2regress: edit the doc, not this file.
\pset border 2
SET extra_float_digits = 0;
SET datestyle = ISO;
CREATE TEMP TABLE constituents (as_of date, security text, sector text, market_cap float8);
INSERT INTO constituents VALUES
  ('2025-12-31', 'AAA', 'Information Technology', 400),
  ('2025-12-31', 'BBB', 'Information Technology', 300),
  ('2025-12-31', 'CCC', 'Financials', 200),
  ('2025-12-31', 'DDD', 'Energy', 100),
  ('2024-12-31', 'AAA', 'Information Technology', 250),
  ('2024-12-31', 'BBB', 'Information Technology', 250),
  ('2024-12-31', 'CCC', 'Financials', 250),
  ('2024-12-31', 'DDD', 'Energy', 250);
SELECT as_of, hhi(market_cap) FROM constituents GROUP BY as_of ORDER BY as_of;
SELECT hhi(w) AS fractions, hhi(w * 100) AS percents
FROM (VALUES (0.4), (0.3), (0.2), (0.1)) AS v(w);
SELECT hhi(w, 'gross') FROM (VALUES (1.5), (-0.5)) AS v(w);
SELECT as_of, effective_n(market_cap), hhi(market_cap)
FROM constituents GROUP BY as_of ORDER BY as_of;
SELECT sector, effective_n(market_cap) AS names
FROM constituents WHERE as_of = '2025-12-31'
GROUP BY sector ORDER BY sector;
SELECT as_of, top_share(market_cap, 1) AS top1, top_share(market_cap, 2) AS top2,
       top_share(market_cap, 10) AS top10
FROM constituents GROUP BY as_of ORDER BY as_of;
SELECT share_above(market_cap, 0.3) AS above_30pct, share_above(market_cap, 0.2) AS above_20pct,
       share_above(market_cap, 0) AS all_held
FROM constituents WHERE as_of = '2025-12-31';
SELECT as_of, count_above(market_cap, 0.2) AS names, share_above(market_cap, 0.2) AS weight
FROM constituents GROUP BY as_of ORDER BY as_of;
SELECT count_above(w, 0.03) AS above, count_above(w, 0.03, true) AS at_or_above,
       share_above(w, 0.03, true) AS share
FROM (SELECT 3::float8 AS w UNION ALL SELECT 1 FROM generate_series(1, 97)) AS s;
SELECT top_contribution(w, r, 2) AS top2, top_contribution(w, r, 1) AS top1
FROM (VALUES (4, 0.1), (2, -0.2), (2, 0.3), (1, 0.5), (1, 0.0)) AS v(w, r);
SELECT names_to_match(w, 1) AS match_largest, names_to_match(w, 2) AS match_two
FROM (VALUES (4.0), (3), (2), (2), (1), (1), (0)) AS v(w);
WITH portfolio(security, w) AS (VALUES ('A', 0.5), ('B', 0.3), ('C', 0.2)),
     benchmark(security, w) AS (VALUES ('A', 0.25), ('B', 0.25), ('C', 0.25), ('D', 0.25))
SELECT active_share(p.w, b.w)
FROM portfolio p FULL JOIN benchmark b USING (security);
SELECT weighted_mean(pe, cap) AS cap_weighted_mean_pe
FROM (VALUES (40000, 40000 / 3000.0), (2000, 2000 / -1400.0)) AS v(cap, pe);
CREATE TEMP TABLE valuation (security text, cap float8, earnings float8, sales float8);
INSERT INTO valuation VALUES ('AAA', 40000, 3000, 5000), ('LLL', 2000, -1400, 625);
SELECT index_multiple(cap, earnings) AS index_pe,
       index_multiple(cap, earnings) FILTER (WHERE earnings > 0) AS ex_negative_pe,
       weighted_mean(cap / earnings, cap) AS mean_of_pe_wrong
FROM valuation;
SELECT index_multiple(cap, sales) AS cap_weighted_ps, index_multiple(cap, sales, 1) AS equal_weighted_ps
FROM (VALUES (800, 100), (320, 100), (160, 100), (80, 100)) AS v(cap, sales);
SELECT parity_upside(19.5, 28) AS pe_19_5_to_28, parity_upside(3.4, 1.7) AS ps_3_4_to_1_7;
SELECT compound_return(r) FROM (VALUES (0.1), (-0.5), (0.2)) AS v(r);
SELECT t, compound_return(r, min_periods => 3) OVER ahead AS next3,
       compound_return(r) OVER ahead AS next3_partial
FROM (VALUES (1, 0.1), (2, -0.2), (3, 0.05), (4, 0.1), (5, -0.1), (6, 0.2)) AS v(t, r)
WINDOW ahead AS (ORDER BY t ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) ORDER BY t;
CREATE TEMP TABLE daily_returns (day int, small_caps float8, large_caps float8);
INSERT INTO daily_returns VALUES
  (1, 0.004, 0.001), (2, 0.002, 0.003), (3, 0.006, 0.002), (4, 0.001, -0.002),
  (5, 0.003, 0.001), (6, NULL, 0.002), (7, 0.005, 0.004), (8, 0.002, 0.001);
SELECT longest_streak(small_caps > large_caps ORDER BY day) AS longest,
       current_streak(small_caps > large_caps ORDER BY day) AS current
FROM daily_returns;
SELECT day, current_streak(small_caps > large_caps) OVER (ORDER BY day) AS days_in_a_row
FROM daily_returns ORDER BY day;
SELECT max_drawdown(r ORDER BY t) AS deepest, current_drawdown(r ORDER BY t) AS now
FROM (VALUES (1, 0.1), (2, -0.5), (3, 0.2), (4, 0.5)) AS v(t, r);
SELECT volatility(r) AS monthly, volatility(r, 12) AS annualised
FROM (VALUES (0.02), (-0.01), (0.03), (0.00)) AS v(r);
SELECT tracking_error(r, b, 12) AS annualised_te
FROM (VALUES (0.02, 0.015), (-0.01, -0.012), (0.03, 0.028), (0.00, 0.004)) AS v(r, b);
SELECT beta(r, m) FROM (VALUES (0.03, 0.02), (-0.02, -0.01), (0.05, 0.03), (0.01, 0.0)) AS v(r, m);
SELECT correlation(x, y), corr(x, y) AS pg_corr
FROM (VALUES (1e8 + 1, 1e8 + 2), (1e8 + 2, 1e8 + 1), (1e8 + 3, 1e8 + 3)) AS v(x, y);
SELECT annualized_return(r, 12) FROM (VALUES (0.01), (0.02), (-0.01)) AS v(r);
SELECT month, round(volatility(r, 12) OVER w12::numeric, 4) AS vol_12m,
       round(beta(r, m) OVER w36::numeric, 4) AS beta_36m
FROM (SELECT k AS month, 0.01 * sin(k) + 0.004 AS r, 0.008 * sin(k + 0.3) AS m
      FROM generate_series(1, 40) AS k) AS s
WINDOW w12 AS (ORDER BY month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW),
       w36 AS (ORDER BY month ROWS BETWEEN 35 PRECEDING AND CURRENT ROW)
ORDER BY month DESC LIMIT 3;
SELECT t, x, history_percentile(x) OVER w AS pct, history_zscore(x) OVER w AS z,
       periods_since_higher(x) OVER (ORDER BY t) AS since_higher
FROM (VALUES (1, 3.0), (2, 1), (3, 4), (4, 1), (5, 5), (6, 2), (7, 5), (8, 4)) AS v(t, x)
WINDOW w AS (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) ORDER BY t;
SELECT enum_range(NULL::macro_regime);
SELECT region, level, change, regime_classify(level, change) AS regime
FROM (VALUES ('Global', 99.6, 0.12), ('Japan', 100.6, 0.11),
             ('UK', 100.2, -0.05), ('China', 99.2, -0.20), ('US', 100, 0))
     AS lei(region, level, change);
CREATE TEMP TABLE lei (region text, as_of date, level float8, change float8,
  regime macro_regime GENERATED ALWAYS AS (regime_classify(level, change)) STORED);
INSERT INTO lei (region, as_of, level, change)
VALUES ('EM', '2025-12-01', 99.7, 0.15), ('Europe', '2025-12-01', 100.3, 0.09);
SELECT region, regime FROM lei ORDER BY region;
CREATE TEMP TABLE cli (region text, as_of date, level float8);
INSERT INTO cli
SELECT 'Global', date '2025-01-01' + (i - 1) * interval '1 month', level
FROM unnest(ARRAY[99.2, 99.5, 99.9, 100.3, 100.6, 100.6, 100.4, 100.0, 99.7, 99.8]::float8[])
     WITH ORDINALITY AS v(level, i);
SELECT to_char(as_of, 'YYYY-MM') AS month, level, round(change::numeric, 2) AS change,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 2) OVER w AS confirm_2,
       regime_track(level, change, 3) OVER w AS confirm_3
FROM (SELECT region, as_of, level,
             level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM cli) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of)
ORDER BY as_of;
INSERT INTO cli
SELECT 'Japan', date '2025-01-01' + (i - 1) * interval '1 month', level
FROM unnest(ARRAY[100.2, 100.4, 100.5, 100.5, 100.3, 100.1, 99.9, 99.8, 99.9, 100.1]::float8[])
     WITH ORDINALITY AS v(level, i);
SELECT region, regime_track(level, change ORDER BY as_of) AS latest,
       regime_track(level, change, 2 ORDER BY as_of) AS latest_confirmed
FROM (SELECT region, as_of, level,
             level - lag(level) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM cli) AS s
GROUP BY region ORDER BY region;
CREATE TEMP TABLE regime_history AS
SELECT m::date AS as_of,
       CASE WHEN m = '2019-04-01' THEN NULL
            WHEN m < '2019-02-01' THEN 'slowdown'
            WHEN m < '2019-07-01' THEN 'contraction'
            WHEN m < '2019-11-01' THEN 'recovery'
            WHEN m < '2020-05-01' THEN 'contraction'
            WHEN m < '2020-10-01' THEN 'recovery'
            WHEN m < '2025-05-01' THEN 'expansion'
            ELSE 'recovery' END::macro_regime AS regime
FROM generate_series(date '2018-12-01', date '2025-12-01', interval '1 month') AS m;
SELECT y AS year, regime_shifts(regime ORDER BY as_of) AS shifts
FROM regime_history, generate_series(2019, 2025) AS y
WHERE as_of BETWEEN make_date(y - 1, 12, 1) AND make_date(y, 12, 1)
GROUP BY y ORDER BY y;
SELECT level, change, oecd_phase(level, change), regime_classify(level, change)
FROM (VALUES (99.5, 0.3), (100.6, 0.3), (100.4, -0.2), (99.7, -0.3), (100.6, 0))
     AS v(level, change);
SELECT regime, asset, tilt FROM regime_playbook ORDER BY regime, asset;
SELECT * FROM regime_tilts('contraction');
SELECT * FROM distribute_playbooks();
BEGIN;
UPDATE regime_playbook SET tilt = 'overweight (house view)'
WHERE regime = 'recovery' AND asset = 'duration';
INSERT INTO regime_playbook (regime, asset, tilt, note)
VALUES ('recovery', 'gold', 'underweight', 'House view.');
SELECT asset, tilt, note FROM regime_tilts('recovery');
SELECT regime, asset, tilt, shipped FROM regime_playbook WHERE NOT shipped ORDER BY regime, asset;
ROLLBACK;
SELECT r.region, r.regime, t.asset, t.tilt
FROM (VALUES ('Global', 'recovery'::macro_regime), ('Japan', 'expansion')) AS r(region, regime),
     LATERAL regime_tilts(r.regime) AS t
WHERE t.asset IN ('equities vs bonds', 'duration', 'USD')
ORDER BY r.region, t.asset;
SELECT period, liquidity_stance(balance_sheet_tn, rate_pp)
FROM (VALUES ('2022: run-off and hikes', -0.40, 4.25),
             ('2025 to November: run-off and cuts', -0.30, -0.50),
             ('December 2025: run-off ended, cut', 0.0, -0.25),
             ('no change', 0.0, 0.0))
     AS v(period, balance_sheet_tn, rate_pp);
SELECT week, balance_sheet_tn, liquidity_stance(balance_sheet_tn, 0) AS exact,
       liquidity_stance(balance_sheet_tn, 0, 0.01) AS within_10bn
FROM (VALUES (1, 0.004), (2, -0.003), (3, -0.025), (4, 0.002)) AS v(week, balance_sheet_tn);
SELECT q, gdp, round(trend_ratio(gdp) OVER w::numeric, 3) AS loglinear,
       round(trend_ratio(gdp, 'linear') OVER w::numeric, 3) AS linear
FROM (VALUES (1, 100.0), (2, 101.0), (3, 102.5), (4, 103.1), (5, 103.0), (6, 102.2)) AS v(q, gdp)
WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW);
SELECT period, growth_inflation(growth, inflation)
FROM (VALUES ('growth improving, inflation easing', 0.3, -0.2),
             ('both rising', 0.3, 0.4),
             ('growth falling, inflation rising', -0.5, 0.6),
             ('both falling', -0.5, -1.1),
             ('inflation unchanged', 0.3, 0.0)) AS v(period, growth, inflation);
SELECT asset, tilt FROM growth_inflation_tilts('stagflation');
SELECT short_change, long_change, curve_regime(short_change, long_change)
FROM (VALUES (-0.50, -0.10), (0.25, 0.60), (-0.10, -0.40), (0.50, 0.10), (0.20, 0.20), (-0.20, 0.20))
     AS v(short_change, long_change);
SELECT month, diffusion(change) AS breadth
FROM (VALUES ('Nov', 'US', 0.08), ('Nov', 'Euro area', -0.02), ('Nov', 'Japan', 0.0), ('Nov', 'UK', -0.05),
             ('Dec', 'US', 0.10), ('Dec', 'Euro area', 0.09), ('Dec', 'Japan', 0.11), ('Dec', 'UK', 0.05))
     AS v(month, region, change)
GROUP BY month ORDER BY month DESC;
SELECT dts(5, 100) AS a, dts(7, 150) AS b, dts(3, 400) AS c;
SELECT dts(mv, dur, oas) AS portfolio_dts,
       sum(mv * dur) / sum(mv) * sum(mv * oas) / sum(mv) AS avg_d_times_avg_s
FROM (VALUES (50::float8, 5::float8, 100::float8), (30, 7, 150), (20, 3, 400)) AS book(mv, dur, oas);
SELECT spread_return(805, 0.10) AS widening, spread_return(805, -0.10) AS tightening;
SELECT spread_return(dts(mv, dur, oas), 0.10) AS spread_return_bp
FROM (VALUES (50::float8, 5::float8, 100::float8), (30, 7, 150), (20, 3, 400)) AS book(mv, dur, oas);
CREATE TEMP TABLE universe (rank_date date, name text, market_cap float8, prior_segment int);
INSERT INTO universe VALUES
  ('2025-06-27', 'A', 400, 1), ('2025-06-27', 'B', 300, 1), ('2025-06-27', 'C', 150, 2),
  ('2025-06-27', 'D', 24, 1), ('2025-06-27', 'E', 23, 1), ('2025-06-27', 'F', 22, 1),
  ('2025-06-27', 'G', 21, 2), ('2025-06-27', 'H', 20, 2), ('2025-06-27', 'I', 20, 2),
  ('2025-06-27', 'J', 20, NULL);
SELECT name, market_cap, prior_segment,
       rank() OVER w AS rank, sum(market_cap) OVER w AS cum_cap,
       size_segment(market_cap, NULL, '{4,10}', 0.05) OVER w AS by_rank,
       size_segment(market_cap, prior_segment, '{4,10}', 0.05) OVER w AS segment
FROM universe
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC)
ORDER BY market_cap DESC, name;
CREATE TEMP TABLE sector_summaries AS
SELECT as_of, sector, hhi_summary(market_cap) AS hhi_s,
       top_share_summary(market_cap, 2) AS top2_s,
       share_above_summary(market_cap, 0.15) AS above_s
FROM constituents GROUP BY as_of, sector;
SELECT s.as_of, effective_n(rollup(hhi_s)) AS effective_n,
       top_share(rollup(top2_s)) AS top2, top_share(rollup(top2_s), 1) AS top1,
       count_above(rollup(above_s)) AS above_15pct, share_above(rollup(above_s), 0.25) AS share_above_25pct,
       effective_n(rollup(hhi_s)) = (SELECT effective_n(market_cap) FROM constituents AS c
                                     WHERE c.as_of = s.as_of) AS same_as_rows
FROM sector_summaries AS s GROUP BY s.as_of ORDER BY s.as_of;
SELECT month, round(effective_n(rollup(s) OVER (ORDER BY month ROWS 11 PRECEDING))::numeric, 2) AS effective_n_12m
FROM (SELECT month, hhi_summary(w) AS s
      FROM (SELECT k % 24 + 1 AS month, 1 + (k * 37 % 101) AS w FROM generate_series(1, 2400) AS k) AS r
      GROUP BY month) AS m
ORDER BY month DESC LIMIT 3;
SELECT top_share(rollup(top2_s), 3) FROM sector_summaries;
SELECT count_above(rollup(above_s), 0.1) FROM sector_summaries;
CREATE TEMP TABLE month_summaries AS
SELECT month, sector, top_contribution_summary(w, r, 3) AS tc_s, compound_return_summary(r, 30) AS cr_s
FROM (SELECT k % 12 + 1 AS month, k % 3 AS sector, 1 + (k * 37 % 101) AS w, (k * 17 % 23) / 1000.0 AS r
      FROM generate_series(1, 240) AS k) AS r
GROUP BY month, sector;
SELECT month, round(top_contribution(rollup(tc_s), 1)::numeric, 4) AS top1,
       compound_return(rollup(cr_s)) IS NULL AS month_too_short,
       round(compound_return(rollup(rollup(cr_s)) OVER (ORDER BY month ROWS 1 PRECEDING))::numeric, 4) AS two_months
FROM month_summaries GROUP BY month ORDER BY month LIMIT 3;
CREATE TABLE holdings AS SELECT * FROM constituents;
CREATE MATERIALIZED VIEW sector_month AS
SELECT as_of, sector, count(*) AS names, hhi_summary(market_cap) AS hhi_s,
       top_share_summary(market_cap, 10) AS top10_s
FROM holdings GROUP BY as_of, sector;
CREATE VIEW index_month AS
SELECT as_of, sum(names) AS names, effective_n(rollup(hhi_s)) AS effective_n,
       top_share(rollup(top10_s), 3) AS top3_share
FROM sector_month GROUP BY as_of;
SELECT * FROM index_month ORDER BY as_of;
DROP VIEW index_month;
DROP MATERIALIZED VIEW sector_month;
DROP TABLE holdings, sector_summaries;
SELECT hhi(w) AS hhi, effective_n(w) AS names
FROM (VALUES (1e300::float8), (1e300), (1e300), (1e300)) AS v(w);
SELECT _hhi_final(_exactsum_combine(
         (SELECT _hhi_accum(_hhi_accum(NULL, 400), 300)),
         (SELECT _hhi_accum(_hhi_accum(NULL, 200), 100)))) AS rolled_up;
SELECT _share_above_accum(_share_above_accum(NULL, 100, 0.3), 400, 0.3) AS state;
SELECT _share_above_final(_weightset_combine(
         _share_above_accum(_share_above_accum(NULL, 400, 0.3), 300, 0.3),
         _share_above_accum(_share_above_accum(NULL, 200, 0.3), 100, 0.3))) AS rolled_up;
SELECT hhi(w) FROM (VALUES (0.6), (-0.1)) AS v(w);
SELECT share_above(market_cap, 3) FROM constituents;
