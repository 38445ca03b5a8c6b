-- Risk statistics: volatility, tracking_error, beta, correlation, annualized_return (src/risk.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION volatility_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION volatility_accum(exactsum, float8) IS
	'Transition function of volatility(r): exact sums of r and r^2';

CREATE FUNCTION volatility_accum_annual(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION volatility_accum_annual(exactsum, float8, float8) IS
	'Transition function of volatility(r, periods_per_year): exact sums of r, r^2 and of the periods';

CREATE FUNCTION volatility_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION volatility_inv(exactsum, float8) IS
	'Inverse transition function of volatility(r): removes a row leaving a window frame, exactly';

CREATE FUNCTION volatility_inv_annual(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION volatility_inv_annual(exactsum, float8, float8) IS
	'Inverse transition function of volatility(r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION volatility_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION volatility_final(exactsum) IS
	'Final function of volatility(): sqrt(periods_per_year * (n*sum(r^2) - sum(r)^2) / (n*(n-1))) from exact sums';

CREATE AGGREGATE volatility(r float8) (
	SFUNC = volatility_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = volatility_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = volatility_accum,
	MINVFUNC = volatility_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = volatility_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility(float8) IS
	'Sample standard deviation of returns, exact to 2 ulps and the same under any plan or window frame; NULL for fewer than 2 rows';

CREATE AGGREGATE volatility(r float8, periods_per_year float8) (
	SFUNC = volatility_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = volatility_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = volatility_accum_annual,
	MINVFUNC = volatility_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = volatility_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility(float8, float8) IS
	'Annualised volatility: sample standard deviation of returns times sqrt(periods_per_year) (12 monthly, 252 daily), the same for every row; NULL for fewer than 2 rows';

CREATE FUNCTION tracking_error_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error_accum(exactsum, float8, float8) IS
	'Transition function of tracking_error(r, benchmark_r): exact sums of d = r - benchmark_r (split exactly) and d^2';

CREATE FUNCTION tracking_error_accum_annual(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error_accum_annual(exactsum, float8, float8, float8) IS
	'Transition function of tracking_error(r, benchmark_r, periods_per_year)';

CREATE FUNCTION tracking_error_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error_inv(exactsum, float8, float8) IS
	'Inverse transition function of tracking_error(r, benchmark_r): removes a row leaving a window frame, exactly';

CREATE FUNCTION tracking_error_inv_annual(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error_inv_annual(exactsum, float8, float8, float8) IS
	'Inverse transition function of tracking_error(r, benchmark_r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION tracking_error_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error_final(exactsum) IS
	'Final function of tracking_error(): the volatility of r - benchmark_r';

CREATE AGGREGATE tracking_error(r float8, benchmark_r float8) (
	SFUNC = tracking_error_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = tracking_error_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = tracking_error_accum,
	MINVFUNC = tracking_error_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = tracking_error_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error(float8, float8) IS
	'Tracking error: sample standard deviation of r - benchmark_r over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows';

CREATE AGGREGATE tracking_error(r float8, benchmark_r float8, periods_per_year float8) (
	SFUNC = tracking_error_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = tracking_error_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = tracking_error_accum_annual,
	MINVFUNC = tracking_error_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = tracking_error_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error(float8, float8, float8) IS
	'Annualised tracking error: the standard deviation of r - benchmark_r times sqrt(periods_per_year); NULL for fewer than 2 rows';

CREATE FUNCTION beta_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION beta_accum(exactsum, float8, float8) IS
	'Transition function of beta(r, market_r): exact sums of m, r, m^2 and r*m';

CREATE FUNCTION beta_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION beta_inv(exactsum, float8, float8) IS
	'Inverse transition function of beta(r, market_r): removes a row leaving a window frame, exactly';

CREATE FUNCTION beta_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION beta_final(exactsum) IS
	'Final function of beta(): (n*sum(r*m) - sum(r)*sum(m)) / (n*sum(m^2) - sum(m)^2)';

CREATE AGGREGATE beta(r float8, market_r float8) (
	SFUNC = beta_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = beta_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = beta_accum,
	MINVFUNC = beta_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = beta_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE beta(float8, float8) IS
	'Beta of returns against the market: cov(r, m) / var(m) over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows or a market that does not vary';

CREATE FUNCTION correlation_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION correlation_accum(exactsum, float8, float8) IS
	'Transition function of correlation(x, y): exact sums of x, y, x^2, y^2 and x*y';

CREATE FUNCTION correlation_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION correlation_inv(exactsum, float8, float8) IS
	'Inverse transition function of correlation(x, y): removes a row leaving a window frame, exactly';

CREATE FUNCTION correlation_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION correlation_final(exactsum) IS
	'Final function of correlation(): the co-moment over the square root of the product of the variances, from exact sums';

CREATE AGGREGATE correlation(x float8, y float8) (
	SFUNC = correlation_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = correlation_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = correlation_accum,
	MINVFUNC = correlation_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = correlation_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE correlation(float8, float8) IS
	'Pearson correlation over the rows where both are not NULL, exact to 2 ulps; NULL for fewer than 2 rows or a side that does not vary';

CREATE FUNCTION annualized_return_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annualized_return_accum(exactsum, float8, float8) IS
	'Transition function of annualized_return(r, periods_per_year): exact sum of log1p(r) and of the periods';

CREATE FUNCTION annualized_return_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annualized_return_inv(exactsum, float8, float8) IS
	'Inverse transition function of annualized_return(r, periods_per_year): removes a row leaving a window frame, exactly';

CREATE FUNCTION annualized_return_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annualized_return_final(exactsum) IS
	'Final function of annualized_return(): expm1(periods_per_year / n * sum(log1p(r))), -1 when a return is -1';

CREATE AGGREGATE annualized_return(r float8, periods_per_year float8) (
	SFUNC = annualized_return_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = annualized_return_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = annualized_return_accum,
	MINVFUNC = annualized_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = annualized_return_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annualized_return(float8, float8) IS
	'Annualised (geometric) return prod(1 + r)^(periods_per_year / n) - 1 of n periodic returns, independent of row order; r < -1 is an error';
