-- The macro-regime, credit and size-segment functions on the bundled demo data (data/, loaded into a schema of its own):
-- regime history and shifts of the leading indicators, the Fed's liquidity
-- stance and the 2025 size-segment reconstitution
SET client_min_messages = warning;
CREATE SCHEMA demo;
SET search_path = demo, public;
\set ECHO none
\i data/load.sql
\set ECHO all
-- dates as in the data files (pg_regress runs with datestyle Postgres, MDY)
SET datestyle = 'ISO, MDY';
SET extra_float_digits = 3;

CREATE VIEW demo.tracked AS
SELECT region, as_of, level, change,
       regime_track(level, change) OVER w AS regime,
       regime_track(level, change, 3) OVER w AS confirmed_3
FROM (SELECT region, as_of, level::float8,
             level::float8 - lag(level::float8) OVER (PARTITION BY region ORDER BY as_of) AS change
      FROM lei) AS s
WINDOW w AS (PARTITION BY region ORDER BY as_of);

-- the January 2026 note: Global shifted 3 times in 2019, 2 in 2020, 1 in 2025
-- (a shift in January counts against December: include the previous month)
SELECT y AS year, regime_shifts(regime ORDER BY as_of) AS shifts,
       regime_shifts(confirmed_3 ORDER BY as_of) AS confirmed_shifts
FROM demo.tracked, generate_series(2016, 2025) AS y
WHERE region = 'Global' AND as_of BETWEEN make_date(y - 1, 12, 1) AND make_date(y, 12, 1)
GROUP BY y ORDER BY y;
SELECT as_of, regime FROM demo.tracked
WHERE region = 'Global' AND regime IS DISTINCT FROM
      (SELECT t2.regime FROM demo.tracked t2 WHERE t2.region = 'Global' AND t2.as_of = tracked.as_of - interval '1 month')
  AND extract(year FROM as_of) IN (2019, 2020, 2025)
ORDER BY as_of;
-- December 2025: the US, EM, China and Global in recovery, developed ex-US in expansion
SELECT region, level, regime, confirmed_3, oecd_phase(level, change) AS oecd
FROM demo.tracked WHERE as_of = '2025-12-01' ORDER BY regime, region;
-- and what the playbook says for them
SELECT t.regime, p.asset, p.tilt
FROM (SELECT DISTINCT regime FROM demo.tracked WHERE as_of = '2025-12-01') AS t,
     LATERAL regime_tilts(t.regime) AS p
WHERE p.asset IN ('equities vs bonds', 'USD') ORDER BY t.regime, p.asset;

-- the Fed, month by month: run-off and hikes (2022), run-off and cuts
-- (Sep-Nov 2025), run-off ended on 1 December 2025 with a cut (easing)
SELECT * FROM (
SELECT month, total_assets, rate,
       liquidity_stance(round((total_assets - lag(total_assets) OVER w)::numeric, 2)::float8,
                        rate - lag(rate) OVER w) AS stance
FROM (SELECT date_trunc('month', as_of)::date AS month,
             (array_agg(total_assets_usd_tn ORDER BY as_of DESC))[1]::float8 AS total_assets,
             (array_agg(policy_rate_upper ORDER BY as_of DESC))[1]::float8 AS rate
      FROM fed_balance_sheet GROUP BY 1) AS m
WINDOW w AS (ORDER BY month)
ORDER BY month OFFSET 1) AS f
WHERE month BETWEEN '2022-05-01' AND '2022-07-01' OR month >= '2024-08-01'
ORDER BY month;

-- the 2025 reconstitution with the default breakpoints {1000,3000} and band
CREATE TEMP TABLE seg AS
SELECT rank_date, security, prior_segment, rank() OVER w AS rnk,
       size_segment(market_cap::float8) OVER w AS by_rank,
       size_segment(market_cap::float8, prior_segment) OVER w AS banded
FROM size_universe
WINDOW w AS (PARTITION BY rank_date ORDER BY market_cap DESC);
-- 2024: no prior segments, so every name is placed by rank
SELECT banded, count(*), min(rnk), max(rnk) FROM seg WHERE rank_date = '2024-06-28' GROUP BY 1 ORDER BY 1;
-- 2025 by rank against prior segment (the crossers of data/README.md)
SELECT prior_segment, by_rank, count(*) FROM seg WHERE rank_date = '2025-06-27' GROUP BY 1, 2 ORDER BY 1, 2;
-- with banding: of the 135 names crossing rank 1000, 132 stay in their old
-- segment; names beyond rank 3000 that were in segment 2 stay too (the band
-- around the last breakpoint covers the tail); new names go by rank
SELECT prior_segment, banded, count(*) FROM seg WHERE rank_date = '2025-06-27' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) FILTER (WHERE prior_segment IS NOT NULL AND by_rank IS DISTINCT FROM prior_segment AND by_rank IS NOT NULL) AS crossers_1000,
       count(*) FILTER (WHERE prior_segment IS NOT NULL AND by_rank IS DISTINCT FROM prior_segment AND by_rank IS NOT NULL
                        AND banded = prior_segment) AS kept
FROM seg WHERE rank_date = '2025-06-27' AND (prior_segment = 1 OR by_rank = 1);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA demo CASCADE;
RESET client_min_messages;
