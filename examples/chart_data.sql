-- tactalloc: the data files behind the report's charts (examples/charts.gp),
-- written from the monthly_report views (examples/monthly_report.sql) as CSV
-- into the folder named by the psql variable outdir:
--
--     psql -d mydb -v outdir=/abs/path/out -f examples/chart_data.sql
--     gnuplot -e "outdir='/abs/path/out'" examples/charts.gp

\set ON_ERROR_STOP on
\if :{?outdir}
\else
\set outdir out
\endif
\set tactalloc_chart_cwd `pwd`
\cd :outdir

-- concentration of the (SYNTHETIC) index: year ends 1990-2024 and month ends 2025
\copy (SELECT as_of, round(effective_n::numeric, 2) AS effective_n, round(100 * top10_share::numeric, 2) AS top10_pct FROM monthly_report.index_concentration ORDER BY as_of) TO 'concentration.csv' WITH (FORMAT csv, HEADER true)

-- US growth regime per quarter (REAL), regime as 1 recovery .. 4 contraction, NBER recession as 0/1
\copy (SELECT quarter, round(level::numeric, 3) AS level, regime_order AS regime, nber_recession::int AS nber FROM monthly_report.us_growth_regime ORDER BY quarter) TO 'us_growth_regime.csv' WITH (FORMAT csv, HEADER true)

-- US growth x inflation quadrant per quarter (REAL): year-on-year CPI inflation, quadrant as 1 goldilocks .. 4 reflation, NBER recession as 0/1
\copy (SELECT quarter, round(cpi_yoy::numeric, 3) AS cpi_yoy, quadrant_order AS quadrant, nber_recession::int AS nber FROM monthly_report.us_growth_inflation ORDER BY quarter) TO 'us_growth_inflation.csv' WITH (FORMAT csv, HEADER true)

-- Global leading indicator per month (SYNTHETIC), regime as above
\copy (SELECT month, round(level::numeric, 3) AS level, macro_regime_order AS regime FROM monthly_report.regime_by_region WHERE region = 'Global' ORDER BY month) TO 'global_regime.csv' WITH (FORMAT csv, HEADER true)

-- rolling risk (REAL): S&P 500 12-month volatility and each stock's 36-month beta, one column per series
\copy (SELECT month, round(max(vol_12m) FILTER (WHERE series = 'S&P 500')::numeric, 4) AS sp500_vol_12m, round(max(beta_36m) FILTER (WHERE series = 'AAPL')::numeric, 3) AS aapl, round(max(beta_36m) FILTER (WHERE series = 'AMZN')::numeric, 3) AS amzn, round(max(beta_36m) FILTER (WHERE series = 'GOOG')::numeric, 3) AS goog, round(max(beta_36m) FILTER (WHERE series = 'IBM')::numeric, 3) AS ibm, round(max(beta_36m) FILTER (WHERE series = 'MSFT')::numeric, 3) AS msft FROM monthly_report.rolling_risk GROUP BY month ORDER BY month) TO 'rolling_risk.csv' WITH (FORMAT csv, HEADER true)

\cd :tactalloc_chart_cwd
\unset tactalloc_chart_cwd
