-- data/schema.sql: tables of tactalloc's bundled demo data.
--
-- (Re)creates the tables in the first schema of the search_path; run it through
-- data/load.sql, which includes it and then loads every CSV of data/.
-- Provenance, licences and calibration targets: data/README.md.
--
-- Units: market caps, earnings and sales in USD bn; bond market values in USD mn;
-- spreads in basis points; durations in years; weights as fractions (sum to 1).

SET client_min_messages = warning;
DROP TABLE IF EXISTS us_macro_quarterly, nber_recessions, sp500_monthly, sp500_daily,
    stock_prices, constituents, portfolio_holdings, bond_holdings, lei, fed_balance_sheet,
    size_universe;
RESET client_min_messages;

--------------------------------------------------------------------------
-- real data
--------------------------------------------------------------------------

CREATE TABLE us_macro_quarterly (
    year          integer NOT NULL,
    quarter       integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    realgdp       numeric NOT NULL,
    realcons      numeric NOT NULL,
    realinv       numeric NOT NULL,
    realgovt      numeric NOT NULL,
    realdpi       numeric NOT NULL,
    cpi           numeric NOT NULL,
    m1            numeric NOT NULL,
    tbilrate      numeric NOT NULL,
    unemp         numeric NOT NULL,
    pop           numeric NOT NULL,
    infl          numeric NOT NULL,
    realint       numeric NOT NULL,
    quarter_start date GENERATED ALWAYS AS (make_date(year, 3 * quarter - 2, 1)) STORED,
    PRIMARY KEY (year, quarter)
);
COMMENT ON TABLE us_macro_quarterly IS
    'REAL. US macro series, quarterly 1959Q1-2009Q3 (203 rows): the macrodata data set of statsmodels 0.13.5 (public domain; compiled from FRED and BLS data, accessed 2009-12-15). Real aggregates in bn of chained 2005 USD, SAAR.';
COMMENT ON COLUMN us_macro_quarterly.realgdp IS 'Real GDP, bn chained 2005 USD, SAAR';
COMMENT ON COLUMN us_macro_quarterly.realcons IS 'Real personal consumption expenditures, bn chained 2005 USD, SAAR';
COMMENT ON COLUMN us_macro_quarterly.realinv IS 'Real gross private domestic investment, bn chained 2005 USD, SAAR';
COMMENT ON COLUMN us_macro_quarterly.realgovt IS 'Real federal consumption expenditures and gross investment, bn chained 2005 USD, SAAR';
COMMENT ON COLUMN us_macro_quarterly.realdpi IS 'Real private disposable income, bn chained 2005 USD, SAAR';
COMMENT ON COLUMN us_macro_quarterly.cpi IS 'CPI all urban consumers, end of quarter, 1982-84 = 100, SA';
COMMENT ON COLUMN us_macro_quarterly.m1 IS 'M1 nominal money stock, end of quarter, SA';
COMMENT ON COLUMN us_macro_quarterly.tbilrate IS '3-month Treasury bill, secondary market, quarterly average of monthly rates, %';
COMMENT ON COLUMN us_macro_quarterly.unemp IS 'Unemployment rate, %, SA';
COMMENT ON COLUMN us_macro_quarterly.pop IS 'Total population incl. armed forces overseas, end of quarter, mn';
COMMENT ON COLUMN us_macro_quarterly.infl IS 'Inflation, 400 ln(cpi_t / cpi_t-1), %; 0 in 1959Q1 (no prior quarter)';
COMMENT ON COLUMN us_macro_quarterly.realint IS 'Real interest rate, tbilrate - infl, %; 0 in 1959Q1';
COMMENT ON COLUMN us_macro_quarterly.quarter_start IS 'First day of the quarter (derived)';

CREATE TABLE nber_recessions (
    peak_month     date PRIMARY KEY,
    trough_month   date NOT NULL,
    peak_quarter   date NOT NULL,
    trough_quarter date NOT NULL,
    CHECK (trough_month > peak_month AND trough_quarter > peak_quarter)
);
COMMENT ON TABLE nber_recessions IS
    'REAL. NBER US business-cycle peaks and troughs 1960-2009 (8 recessions), monthly and quarterly, each as the first day of its month or quarter; the recession runs from the period after the peak to the trough. Source: NBER Business Cycle Dating Committee chronology (public facts).';

CREATE TABLE sp500_monthly (
    as_of date PRIMARY KEY,
    price numeric NOT NULL
);
COMMENT ON TABLE sp500_monthly IS
    'REAL. S&P 500 index, monthly closing values, Jan 2000 - Mar 2010 (123 rows; as_of = first of the month as given by the source): data/sp500.csv of the npm package vega-datasets 3.2.1 (BSD-3-Clause package; no upstream source stated).';

CREATE TABLE sp500_daily (
    as_of    date PRIMARY KEY,
    open     numeric NOT NULL,
    high     numeric NOT NULL,
    low      numeric NOT NULL,
    close    numeric NOT NULL,
    adjclose numeric NOT NULL,
    volume   bigint NOT NULL
);
COMMENT ON TABLE sp500_daily IS
    'REAL. S&P 500 index, daily OHLC, adjusted close and volume, 2000-01-03 - 2020-04-17 (5 105 trading days): data/sp500-2000.csv of the npm package vega-datasets 3.2.1 (BSD-3-Clause package; source stated there: Yahoo Finance).';

CREATE TABLE stock_prices (
    symbol text NOT NULL,
    as_of  date NOT NULL,
    price  numeric NOT NULL,
    PRIMARY KEY (symbol, as_of)
);
COMMENT ON TABLE stock_prices IS
    'REAL. Monthly prices of MSFT, AMZN, IBM, GOOG, AAPL, Jan 2000 - Mar 2010 (GOOG from Aug 2004; 560 rows): data/stocks.csv of the npm package vega-datasets 3.2.1 (BSD-3-Clause package; no upstream source stated).';

--------------------------------------------------------------------------
-- synthetic data (data/generate.py, fixed seeds)
--------------------------------------------------------------------------

CREATE TABLE constituents (
    as_of      date NOT NULL,
    security   text NOT NULL,
    sector     text NOT NULL,
    market_cap numeric NOT NULL CHECK (market_cap > 0),
    earnings   numeric NOT NULL,
    sales      numeric NOT NULL CHECK (sales > 0),
    PRIMARY KEY (as_of, security)
);
COMMENT ON TABLE constituents IS
    'SYNTHETIC. A 500-name US large-cap index: year-end snapshots 1990-2024 and month-end snapshots 2025 (last weekday), GICS-like sectors, market_cap / trailing earnings / sales in USD bn. Made by data/generate.py, calibrated to published concentration and valuation facts (data/README.md); identifiers are fictitious.';

CREATE TABLE portfolio_holdings (
    as_of            date NOT NULL,
    security         text NOT NULL,
    portfolio_weight numeric NOT NULL CHECK (portfolio_weight > 0),
    PRIMARY KEY (as_of, security)
);
COMMENT ON TABLE portfolio_holdings IS
    'SYNTHETIC. A 60-name active equity portfolio at 2025-12-31, a subset of constituents on that date, weights summing to 1. Made by data/generate.py.';

CREATE TABLE bond_holdings (
    as_of           date NOT NULL,
    portfolio       text NOT NULL,
    bond_id         text NOT NULL,
    issuer          text NOT NULL,
    sector          text NOT NULL,
    rating          text NOT NULL,
    market_value    numeric NOT NULL CHECK (market_value > 0),
    spread_duration numeric NOT NULL CHECK (spread_duration BETWEEN 0.5 AND 15),
    oas_bp          numeric NOT NULL CHECK (oas_bp > 0),
    PRIMARY KEY (portfolio, bond_id)
);
COMMENT ON TABLE bond_holdings IS
    'SYNTHETIC. Corporate bonds at 2025-12-31: portfolio core_credit (80 bonds, IG plus a high-yield sleeve) and benchmark ig_index (300 IG bonds); market_value USD mn, spread_duration years, oas_bp basis points. Made by data/generate.py (DTS calibrated, data/README.md).';

CREATE TABLE lei (
    region text NOT NULL,
    as_of  date NOT NULL,
    level  numeric NOT NULL,
    PRIMARY KEY (region, as_of)
);
COMMENT ON TABLE lei IS
    'SYNTHETIC. Monthly OECD-CLI-like leading indicators (amplitude adjusted, trend = 100), 2015-01 - 2025-12, regions Global, US, Euro area, UK, Japan, Developed ex-US, EM, China; as_of = first of the month. Made by data/generate.py, calibrated to the regional regimes of the January 2026 Invesco regime note (data/README.md).';

CREATE TABLE fed_balance_sheet (
    as_of               date PRIMARY KEY,
    total_assets_usd_tn numeric NOT NULL,
    policy_rate_upper   numeric NOT NULL
);
COMMENT ON TABLE fed_balance_sheet IS
    'SYNTHETIC. Weekly (Wednesday) Federal Reserve total assets (USD tn) and the upper bound of the fed funds target range (%), 2022-01-05 - 2026-01-28: a smooth path through public anchor values with synthetic weekly noise; the policy rate follows the FOMC decisions. Made by data/generate.py.';

CREATE TABLE size_universe (
    rank_date     date NOT NULL,
    security      text NOT NULL,
    market_cap    numeric NOT NULL CHECK (market_cap > 0),
    prior_segment smallint CHECK (prior_segment IN (1, 2)),
    PRIMARY KEY (rank_date, security)
);
COMMENT ON TABLE size_universe IS
    'SYNTHETIC. Russell-style US equity universe (about 3 250 names) at the reconstitution rank dates 2024-06-28 and 2025-06-27, market_cap USD bn. prior_segment (2025-06-27 rows only) is the segment by 2024 rank: 1 = ranks 1-1000, 2 = 1001-3000, NULL = beyond 3000 or not in the 2024 universe (IPO); NULL on every 2024-06-28 row. Made by data/generate.py.';
COMMENT ON COLUMN size_universe.prior_segment IS
    '2025-06-27 rows: 1 if 2024 rank <= 1000, 2 if 1001..3000, NULL if beyond 3000 or new; always NULL on 2024-06-28 rows';
