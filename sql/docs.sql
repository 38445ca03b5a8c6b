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
SELECT hhi(w) AS hhi, effective_n(w) AS names
FROM (VALUES (1e300::float8), (1e300), (1e300), (1e300)) AS v(w);
SELECT hhi_final(exactsum_combine(
         (SELECT hhi_accum(hhi_accum(NULL, 400), 300)),
         (SELECT hhi_accum(hhi_accum(NULL, 200), 100)))) AS rolled_up;
SELECT hhi(w) FROM (VALUES (0.6), (-0.1)) AS v(w);
