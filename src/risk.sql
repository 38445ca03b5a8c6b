-- Risk statistics: volatility, tracking_error, beta, correlation, annualized_return (src/risk.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION _volatility_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'volatility_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _volatility_accum(exactsum, float8) IS
	'Internal: transition function of volatility(r): exact sums of r and r^2';

CREATE FUNCTION _volatility_accum_annual(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'volatility_accum_annual' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _volatility_accum_annual(exactsum, float8, float8) IS
	'Internal: transition function of volatility(r, periods_per_year): exact sums of r, r^2 and of the periods';

CREATE FUNCTION _volatility_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'volatility_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _volatility_inv(exactsum, float8) IS
	'Internal: inverse transition function of volatility(r): removes a row leaving a window frame, exactly';

CREATE FUNCTION _volatility_inv_annual(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'volatility_inv_annual' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _volatility_inv_annual(exactsum, float8, float8) IS
	'Internal: inverse transition function of volatility(r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION _volatility_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'volatility_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _volatility_final(exactsum) IS
	'Internal: final function of volatility(): sqrt(periods_per_year * (n*sum(r^2) - sum(r)^2) / (n*(n-1))) from exact sums';

CREATE AGGREGATE volatility(r float8) (
	SFUNC = _volatility_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _volatility_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum,
	MINVFUNC = _volatility_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _volatility_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility(float8) IS
	'Sample standard deviation of returns, exact to 2 ulps and the same under any plan or window frame; NULL for fewer than 2 rows';

CREATE AGGREGATE volatility(r float8, periods_per_year float8) (
	SFUNC = _volatility_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _volatility_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum_annual,
	MINVFUNC = _volatility_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _volatility_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility(float8, float8) IS
	'Annualised volatility: sample standard deviation of returns times sqrt(periods_per_year) (12 monthly, 252 daily), the same for every row; NULL for fewer than 2 rows';

CREATE FUNCTION _tracking_error_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'tracking_error_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _tracking_error_accum(exactsum, float8, float8) IS
	'Internal: transition function of tracking_error(r, benchmark_r): exact sums of d = r - benchmark_r (split exactly) and d^2';

CREATE FUNCTION _tracking_error_accum_annual(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'tracking_error_accum_annual' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _tracking_error_accum_annual(exactsum, float8, float8, float8) IS
	'Internal: transition function of tracking_error(r, benchmark_r, periods_per_year)';

CREATE FUNCTION _tracking_error_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'tracking_error_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _tracking_error_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of tracking_error(r, benchmark_r): removes a row leaving a window frame, exactly';

CREATE FUNCTION _tracking_error_inv_annual(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'tracking_error_inv_annual' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _tracking_error_inv_annual(exactsum, float8, float8, float8) IS
	'Internal: inverse transition function of tracking_error(r, benchmark_r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION _tracking_error_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'tracking_error_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _tracking_error_final(exactsum) IS
	'Internal: final function of tracking_error(): the volatility of r - benchmark_r';

CREATE AGGREGATE tracking_error(r float8, benchmark_r float8) (
	SFUNC = _tracking_error_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _tracking_error_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum,
	MINVFUNC = _tracking_error_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _tracking_error_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error(float8, float8) IS
	'Tracking error: sample standard deviation of r - benchmark_r over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows';

CREATE AGGREGATE tracking_error(r float8, benchmark_r float8, periods_per_year float8) (
	SFUNC = _tracking_error_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _tracking_error_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum_annual,
	MINVFUNC = _tracking_error_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _tracking_error_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error(float8, float8, float8) IS
	'Annualised tracking error: the standard deviation of r - benchmark_r times sqrt(periods_per_year); NULL for fewer than 2 rows';

CREATE FUNCTION _beta_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'beta_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _beta_accum(exactsum, float8, float8) IS
	'Internal: transition function of beta(r, market_r): exact sums of m, r, m^2 and r*m';

CREATE FUNCTION _beta_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'beta_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _beta_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of beta(r, market_r): removes a row leaving a window frame, exactly';

CREATE FUNCTION _beta_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'beta_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _beta_final(exactsum) IS
	'Internal: final function of beta(): (n*sum(r*m) - sum(r)*sum(m)) / (n*sum(m^2) - sum(m)^2)';

CREATE AGGREGATE beta(r float8, market_r float8) (
	SFUNC = _beta_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _beta_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _beta_accum,
	MINVFUNC = _beta_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _beta_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE beta(float8, float8) IS
	'Beta of returns against the market: cov(r, m) / var(m) over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows or a market that does not vary';

CREATE FUNCTION _correlation_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'correlation_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _correlation_accum(exactsum, float8, float8) IS
	'Internal: transition function of correlation(x, y): exact sums of x, y, x^2, y^2 and x*y';

CREATE FUNCTION _correlation_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'correlation_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _correlation_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of correlation(x, y): removes a row leaving a window frame, exactly';

CREATE FUNCTION _correlation_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'correlation_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _correlation_final(exactsum) IS
	'Internal: final function of correlation(): the co-moment over the square root of the product of the variances, from exact sums';

CREATE AGGREGATE correlation(x float8, y float8) (
	SFUNC = _correlation_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _correlation_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _correlation_accum,
	MINVFUNC = _correlation_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _correlation_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE correlation(float8, float8) IS
	'Pearson correlation over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows or a side that does not vary';

CREATE FUNCTION _annualized_return_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'annualized_return_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _annualized_return_accum(exactsum, float8, float8) IS
	'Internal: transition function of annualized_return(r, periods_per_year): exact sum of log1p(r) and of the periods';

CREATE FUNCTION _annualized_return_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'annualized_return_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _annualized_return_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of annualized_return(r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION _annualized_return_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'annualized_return_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _annualized_return_final(exactsum) IS
	'Internal: final function of annualized_return(): expm1(periods_per_year / n * sum(log1p(r))), -1 when a return is -1';

CREATE AGGREGATE annualized_return(r float8, periods_per_year float8) (
	SFUNC = _annualized_return_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _annualized_return_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _annualized_return_accum,
	MINVFUNC = _annualized_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _annualized_return_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annualized_return(float8, float8) IS
	'Annualised (geometric) return prod(1 + r)^(periods_per_year / n) - 1 of n periodic returns, independent of row order; r < -1 is an error';
