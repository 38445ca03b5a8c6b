/* tactalloc--1.0--1.1.sql: what version 1.1 changes and adds over 1.0 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION tactalloc UPDATE TO '1.1'" to load this file. \quit

-- The regime_playbook trigger functions resolve nothing through the caller's
-- search_path: a user's "=" for macro_regime, text or boolean, or a function
-- named like one they call, in a schema on the search_path, would otherwise
-- run inside them (with the rights of whoever changes the playbook).  Every
-- operator, function and type is qualified by pg_catalog, the tables by the
-- schema of the table that fired the trigger, and the functions run with
-- search_path pg_catalog, pg_temp.  Row comparisons (IS DISTINCT FROM) look
-- "=" up by name, so they are spelled out with qualified operators.

CREATE OR REPLACE FUNCTION regime_playbook_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
		-- a row you add (or pg_dump restores) replaces the shipped row of its key
		NEW.shipped := false;
		EXECUTE pg_catalog.format('DELETE FROM %I.regime_playbook WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2 AND shipped',
								  TG_TABLE_SCHEMA)
			USING NEW.regime, NEW.asset;
	ELSIF (NEW.regime OPERATOR(pg_catalog.=) OLD.regime
		   AND NEW.asset OPERATOR(pg_catalog.=) OLD.asset
		   AND NEW.tilt OPERATOR(pg_catalog.=) OLD.tilt
		   AND COALESCE(NEW.note OPERATOR(pg_catalog.=) OLD.note,
						NEW.note IS NULL AND OLD.note IS NULL)) IS NOT TRUE THEN
		NEW.shipped := false;
	ELSE
		NEW.shipped := OLD.shipped;
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION regime_playbook_forget() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF TG_OP OPERATOR(pg_catalog.=) 'TRUNCATE' THEN
		EXECUTE pg_catalog.format('INSERT INTO %1$I.regime_playbook_removed (regime, asset)
								   SELECT regime, asset FROM %1$I.regime_playbook WHERE shipped
								   ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA);
		RETURN NULL;
	END IF;
	IF OLD.shipped AND (TG_OP OPERATOR(pg_catalog.=) 'DELETE' OR NOT NEW.shipped) THEN
		EXECUTE pg_catalog.format('INSERT INTO %I.regime_playbook_removed (regime, asset) VALUES ($1, $2)
								   ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA)
			USING OLD.regime, OLD.asset;
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION regime_playbook_remove() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	recorded pg_catalog.bool;
BEGIN
	IF TG_WHEN OPERATOR(pg_catalog.=) 'BEFORE' THEN
		-- recorded already: nothing to do (a restore may bring it twice)
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %I.regime_playbook_removed WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2)',
								  TG_TABLE_SCHEMA)
			INTO recorded
			USING NEW.regime, NEW.asset;
		IF recorded THEN
			RETURN NULL;
		END IF;
		RETURN NEW;
	END IF;
	EXECUTE pg_catalog.format('DELETE FROM %I.regime_playbook WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2 AND shipped',
							  TG_TABLE_SCHEMA)
		USING NEW.regime, NEW.asset;
	RETURN NULL;
END
$$;

-- Trusted install: a database owner who is not a superuser can create the
-- extension.  Whoever may call regime_tilts may read the playbook it reads;
-- the extension's owner (who ran CREATE EXTENSION) edits the playbook, and
-- the playbook triggers record removals with the editor's rights.
GRANT SELECT ON regime_playbook, regime_playbook_removed TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON regime_playbook, regime_playbook_removed TO @extowner@;

-- liquidity_stance with tolerances

-- With tolerances: a fourth argument of its own rather than defaults on the
-- two-argument function, so that 1.0's liquidity_stance(float8, float8), and
-- whatever depends on it, stays as it is (defaults on both tolerances would
-- make a call with two arguments ambiguous).
CREATE FUNCTION liquidity_stance(balance_sheet_change float8, policy_rate_change float8,
								 balance_sheet_tolerance float8, rate_tolerance float8 DEFAULT 0)
	RETURNS liquidity_stance
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION liquidity_stance(float8, float8, float8, float8) IS
	'Liquidity stance with tolerances: a change whose absolute value is within its tolerance (>= 0) counts as flat, so that noise does not flip the stance; otherwise as liquidity_stance(balance_sheet_change, policy_rate_change)';

-- Macro inputs: trend_ratio, growth_inflation, curve_regime, diffusion

CREATE FUNCTION trend_ratio(value float8, method text DEFAULT 'loglinear') RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION trend_ratio(float8, text) IS
	'Window function: 100 x the value of the frame''s last row / its trend, fitted by least squares over the frame against the row number (''loglinear'' fits log(value), ''linear'' the value); use OVER (ORDER BY ts ROWS BETWEEN k PRECEDING AND CURRENT ROW); NULL with fewer than 3 values';

CREATE TYPE growth_inflation AS ENUM ('goldilocks', 'overheat', 'stagflation', 'reflation');
COMMENT ON TYPE growth_inflation IS
	'Growth x inflation quadrant, in the order of the Investment Clock: goldilocks (growth rising, inflation falling; the clock''s recovery), overheat (both rising), stagflation (growth falling, inflation rising), reflation (both falling)';

CREATE FUNCTION growth_inflation(growth_change float8, inflation_change float8)
	RETURNS growth_inflation
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION growth_inflation(float8, float8) IS
	'Growth x inflation quadrant of two changes: goldilocks, overheat, stagflation or reflation; a zero change on either axis gives NULL';

CREATE TYPE curve_regime AS ENUM ('bull steepener', 'bear steepener', 'bull flattener', 'bear flattener');
COMMENT ON TYPE curve_regime IS
	'How the yield curve moved: bull (rates fall on average) or bear (rise), steepener (long - short widens) or flattener (narrows)';

CREATE FUNCTION curve_regime(short_rate_change float8, long_rate_change float8)
	RETURNS curve_regime
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION curve_regime(float8, float8) IS
	'Yield-curve regime of a short- and a long-rate change: bull/bear by the sign of their average, steepener/flattener by the sign of long - short; NULL when the level or the spread is unchanged';

-- diffusion: state int8[] {rising, falling, count}; the same functions
-- serve the plain and the moving aggregate

CREATE FUNCTION diffusion_accum(bigint[], float8) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diffusion_accum(bigint[], float8) IS
	'Transition function of diffusion: state {rising, falling, count} of the non-NULL changes';

CREATE FUNCTION diffusion_retract(bigint[], float8) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diffusion_retract(bigint[], float8) IS
	'Inverse transition function of diffusion (moving aggregate): takes a change that left the frame out of the counts';

CREATE FUNCTION diffusion_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diffusion_combine(bigint[], bigint[]) IS
	'Combine function of diffusion: the counts of both states added';

CREATE FUNCTION diffusion_final(bigint[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diffusion_final(bigint[]) IS
	'Final function of diffusion: (rising - falling) / count, NULL when no change was read';

CREATE AGGREGATE diffusion(change float8) (
	SFUNC = diffusion_accum,
	STYPE = bigint[],
	INITCOND = '{0,0,0}',
	FINALFUNC = diffusion_final,
	COMBINEFUNC = diffusion_combine,
	MSFUNC = diffusion_accum,
	MINVFUNC = diffusion_retract,
	MSTYPE = bigint[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = diffusion_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE diffusion(float8) IS
	'Breadth index: (number of rising - number of falling) / number of non-NULL changes, in [-1, 1]; a zero change counts as neither; NULL when there is none';

-- Moving-aggregate support: the exact sums of a window frame lose the rows
-- that leave it exactly, so a sliding window costs O(1) a row and equals a
-- recomputation of its frame bit for bit.  Transition functions no longer
-- return NULL (a moving aggregate's state must not be NULL).

CREATE FUNCTION hhi_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_inv(exactsum, float8) IS
	'Inverse transition function of hhi(weight) and effective_n(weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION hhi_inv_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_inv_mode(exactsum, float8, text) IS
	'Inverse transition function of hhi(weight, mode) and effective_n(weight, mode): removes a row leaving a window frame, exactly';

CREATE FUNCTION weighted_mean_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean_inv(exactsum, float8, float8) IS
	'Inverse transition function of weighted_mean(value, weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION index_multiple_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_inv(exactsum, float8, float8) IS
	'Inverse transition function of index_multiple(cap, fundamental): removes a row leaving a window frame, exactly';

CREATE FUNCTION index_multiple_inv_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_inv_weighted(exactsum, float8, float8, float8) IS
	'Inverse transition function of index_multiple(cap, fundamental, weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION compound_return_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION compound_return_inv(exactsum, float8) IS
	'Inverse transition function of compound_return(r): removes a row leaving a window frame, exactly (a -1 return too)';

CREATE FUNCTION dts_inv(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dts_inv(exactsum, float8, float8, float8) IS
	'Inverse transition function of dts(weight, spread_duration, spread_bp): removes a row leaving a window frame, exactly';

CREATE OR REPLACE AGGREGATE hhi(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum,
	MINVFUNC = hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = hhi_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum_mode,
	MINVFUNC = hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = hhi_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE effective_n(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum,
	MINVFUNC = hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = effective_n_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE effective_n(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum_mode,
	MINVFUNC = hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = effective_n_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE weighted_mean(value float8, weight float8) (
	SFUNC = weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = weighted_mean_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = weighted_mean_accum,
	MINVFUNC = weighted_mean_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = weighted_mean_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE index_multiple(cap float8, fundamental float8) (
	SFUNC = index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = index_multiple_accum,
	MINVFUNC = index_multiple_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = index_multiple_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE index_multiple(cap float8, fundamental float8, weight float8) (
	SFUNC = index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = index_multiple_accum_weighted,
	MINVFUNC = index_multiple_inv_weighted,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = index_multiple_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE compound_return(r float8) (
	SFUNC = compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = compound_return_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = compound_return_accum,
	MINVFUNC = compound_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = compound_return_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE dts(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = dts_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = dts_accum,
	MINVFUNC = dts_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = dts_final,
	PARALLEL = SAFE
);

-- Risk statistics (src/risk.sql)

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

-- share_above() and count_above() keep about 512 bytes per group at the end
-- (their states are pruned and shrunk as the total grows), not 4096: a hash
-- aggregate sizes its table by this estimate, and 4096 made it spill with a
-- thousand groups at the default work_mem.  CREATE OR REPLACE AGGREGATE
-- (PostgreSQL 12 and later) changes it and keeps every view that uses them.
CREATE OR REPLACE AGGREGATE share_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = share_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = count_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
