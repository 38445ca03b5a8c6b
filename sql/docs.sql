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
SELECT dts(5, 100) AS a, dts(7, 150) AS b, dts(3, 400) AS c;
SELECT dts(mv, dur, oas) AS portfolio_dts,
       sum(mv * dur) / sum(mv) * sum(mv * oas) / sum(mv) AS avg_d_times_avg_s
FROM (VALUES (50::float8, 5::float8, 100::float8), (30, 7, 150), (20, 3, 400)) AS book(mv, dur, oas);
SELECT hhi(w) AS hhi, effective_n(w) AS names
FROM (VALUES (1e300::float8), (1e300), (1e300), (1e300)) AS v(w);
SELECT hhi_final(exactsum_combine(
         (SELECT hhi_accum(hhi_accum(NULL, 400), 300)),
         (SELECT hhi_accum(hhi_accum(NULL, 200), 100)))) AS rolled_up;
SELECT hhi(w) FROM (VALUES (0.6), (-0.1)) AS v(w);
