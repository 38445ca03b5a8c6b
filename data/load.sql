-- data/load.sql: create and load tactalloc's bundled demo tables (psql script).
--
-- From the repository root:
--     psql -d mydb -f data/load.sql
-- From anywhere else, name the folder of the CSV files:
--     psql -d mydb -v datadir=/path/to/tactalloc/data -f /path/to/tactalloc/data/load.sql
--
-- Reads only files in data/ (client side, \copy: no superuser needed, nothing is
-- downloaded). Drops and recreates the tables (data/schema.sql) in the first schema
-- of the search_path; set search_path first to load them elsewhere.

\set ON_ERROR_STOP on
\if :{?datadir}
\else
\set datadir data
\endif

\ir schema.sql

-- sp500_monthly and stock_prices give dates as 'Jan 1 2000'
SET datestyle = 'ISO, MDY';

\set tactalloc_load_cwd `pwd`
\cd :datadir

\copy us_macro_quarterly (year, quarter, realgdp, realcons, realinv, realgovt, realdpi, cpi, m1, tbilrate, unemp, pop, infl, realint) FROM 'us_macro_quarterly.csv' WITH (FORMAT csv, HEADER true)
\copy nber_recessions (peak_month, trough_month, peak_quarter, trough_quarter) FROM 'nber_recessions.csv' WITH (FORMAT csv, HEADER true)
\copy sp500_monthly (as_of, price) FROM 'sp500_monthly.csv' WITH (FORMAT csv, HEADER true)
\copy sp500_daily (as_of, open, high, low, close, adjclose, volume) FROM 'sp500_daily.csv' WITH (FORMAT csv, HEADER true)
\copy stock_prices (symbol, as_of, price) FROM 'stock_prices.csv' WITH (FORMAT csv, HEADER true)
\copy constituents (as_of, security, sector, market_cap, earnings, sales) FROM 'synthetic_constituents.csv' WITH (FORMAT csv, HEADER true)
\copy portfolio_holdings (as_of, security, portfolio_weight) FROM 'synthetic_portfolio_holdings.csv' WITH (FORMAT csv, HEADER true)
\copy bond_holdings (as_of, portfolio, bond_id, issuer, sector, rating, market_value, spread_duration, oas_bp) FROM 'synthetic_bond_holdings.csv' WITH (FORMAT csv, HEADER true)
\copy lei (region, as_of, level) FROM 'synthetic_lei.csv' WITH (FORMAT csv, HEADER true)
\copy fed_balance_sheet (as_of, total_assets_usd_tn, policy_rate_upper) FROM 'synthetic_fed_balance_sheet.csv' WITH (FORMAT csv, HEADER true)
\copy size_universe (rank_date, security, market_cap, prior_segment) FROM 'synthetic_size_universe.csv' WITH (FORMAT csv, HEADER true)

\cd :tactalloc_load_cwd
\unset tactalloc_load_cwd
RESET datestyle;

ANALYZE us_macro_quarterly, nber_recessions, sp500_monthly, sp500_daily, stock_prices,
    constituents, portfolio_holdings, bond_holdings, lei, fed_balance_sheet, size_universe;
