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
		EXECUTE pg_catalog.format('DELETE FROM %I.%I WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2 AND shipped',
								  TG_TABLE_SCHEMA, TG_TABLE_NAME)
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
		EXECUTE pg_catalog.format('INSERT INTO %1$I.%3$I (regime, asset)
								   SELECT regime, asset FROM %1$I.%2$I WHERE shipped
								   ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA, TG_TABLE_NAME,
								  pg_catalog.concat(TG_TABLE_NAME, '_removed'));
		RETURN NULL;
	END IF;
	IF OLD.shipped AND (TG_OP OPERATOR(pg_catalog.=) 'DELETE' OR NOT NEW.shipped) THEN
		EXECUTE pg_catalog.format('INSERT INTO %I.%I (regime, asset) VALUES ($1, $2)
								   ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA,
								  pg_catalog.concat(TG_TABLE_NAME, '_removed'))
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
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %I.%I WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2)',
								  TG_TABLE_SCHEMA, TG_TABLE_NAME)
			INTO recorded
			USING NEW.regime, NEW.asset;
		IF recorded THEN
			RETURN NULL;
		END IF;
		RETURN NEW;
	END IF;
	-- the playbook of a removals table: its name without "_removed"
	EXECUTE pg_catalog.format('DELETE FROM %I.%I WHERE regime OPERATOR(pg_catalog.=) $1 AND asset OPERATOR(pg_catalog.=) $2 AND shipped',
							  TG_TABLE_SCHEMA, pg_catalog.left(TG_TABLE_NAME, -8))
		USING NEW.regime, NEW.asset;
	RETURN NULL;
END
$$;

-- The trigger functions serve every playbook table (regime_playbook and
-- growth_inflation_playbook): the tables are named by the trigger.
COMMENT ON FUNCTION regime_playbook_guard() IS
	'Trigger of the playbook tables regime_playbook and growth_inflation_playbook (before insert or update): rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
COMMENT ON FUNCTION regime_playbook_forget() IS
	'Trigger of the playbook tables (after delete or update, before truncate): records shipped rows that are gone in the table''s removals table (<name>_removed)';
COMMENT ON FUNCTION regime_playbook_remove() IS
	'Trigger of the playbooks'' removals tables (before and after insert): skips a key recorded already, and deletes the shipped playbook row of a new one';

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

-- growth_inflation_playbook: what each growth x inflation quadrant favours.
-- The shipped rows follow the Investment Clock (Merrill Lynch, "The
-- Investment Clock", Greetham and Hartnett, November 2004): the asset class
-- and the equity sectors that did best in each of its phases (its recovery
-- is goldilocks here).  Editable and kept by pg_dump exactly as
-- regime_playbook is (shipped rows, a removals table, the same triggers);
-- growth_inflation_tilts() reads it.

CREATE TABLE growth_inflation_playbook (
	regime growth_inflation NOT NULL,
	asset text NOT NULL,
	tilt text NOT NULL,
	note text,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE growth_inflation_playbook IS
	'Tilts each growth x inflation quadrant implies (growth_inflation_tilts() reads it): the Investment Clock''s defaults shipped with tactalloc, editable; your rows and edits are kept by pg_dump';
COMMENT ON COLUMN growth_inflation_playbook.regime IS 'The growth x inflation quadrant';
COMMENT ON COLUMN growth_inflation_playbook.asset IS 'What is tilted: asset class, equity sectors, ...';
COMMENT ON COLUMN growth_inflation_playbook.tilt IS 'The tilt, e.g. overweight equities, cyclical growth';
COMMENT ON COLUMN growth_inflation_playbook.note IS 'Where the tilt comes from and how to implement it';
COMMENT ON COLUMN growth_inflation_playbook.shipped IS 'True while the row is as tactalloc shipped it; maintained by triggers (rows you insert or change are false)';

INSERT INTO growth_inflation_playbook (regime, asset, tilt, note, shipped) VALUES
  ('goldilocks', 'asset class', 'overweight equities', 'The Investment Clock (Merrill Lynch, 2004): stocks are the best asset class in its recovery phase (growth rising, inflation falling).', true),
  ('goldilocks', 'equity sectors', 'cyclical growth', 'The Investment Clock (Merrill Lynch, 2004), recovery phase: cyclical growth sectors such as technology.', true),
  ('overheat', 'asset class', 'overweight commodities', 'The Investment Clock (Merrill Lynch, 2004): commodities are the best asset class in its overheat phase (growth and inflation rising).', true),
  ('overheat', 'equity sectors', 'cyclical value', 'The Investment Clock (Merrill Lynch, 2004), overheat phase: cyclical value sectors such as industrials and basic materials.', true),
  ('stagflation', 'asset class', 'overweight cash', 'The Investment Clock (Merrill Lynch, 2004): cash is the best asset class in its stagflation phase (growth falling, inflation rising).', true),
  ('stagflation', 'equity sectors', 'defensive value', 'The Investment Clock (Merrill Lynch, 2004), stagflation phase: defensive value sectors such as utilities and oil and gas.', true),
  ('reflation', 'asset class', 'overweight bonds', 'The Investment Clock (Merrill Lynch, 2004): bonds are the best asset class in its reflation phase (growth and inflation falling).', true),
  ('reflation', 'equity sectors', 'defensive growth', 'The Investment Clock (Merrill Lynch, 2004), reflation phase: defensive growth sectors such as pharmaceuticals and consumer staples.', true);

CREATE TABLE growth_inflation_playbook_removed (
	regime growth_inflation NOT NULL,
	asset text NOT NULL,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE growth_inflation_playbook_removed IS
	'Shipped growth_inflation_playbook rows you deleted, changed or replaced: kept by pg_dump so a restore does not bring the shipped rows back; delete a row here and reinstall to get a shipped row back';
COMMENT ON COLUMN growth_inflation_playbook_removed.regime IS 'The quadrant of the removed shipped row';
COMMENT ON COLUMN growth_inflation_playbook_removed.asset IS 'The asset of the removed shipped row';

SELECT pg_catalog.pg_extension_config_dump('growth_inflation_playbook', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('growth_inflation_playbook_removed', '');

GRANT SELECT ON growth_inflation_playbook, growth_inflation_playbook_removed TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON growth_inflation_playbook, growth_inflation_playbook_removed TO @extowner@;

CREATE TRIGGER growth_inflation_playbook_guard BEFORE INSERT OR UPDATE ON growth_inflation_playbook
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_guard();
COMMENT ON TRIGGER growth_inflation_playbook_guard ON growth_inflation_playbook IS
	'Rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
CREATE TRIGGER growth_inflation_playbook_forget AFTER DELETE OR UPDATE ON growth_inflation_playbook
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_forget();
COMMENT ON TRIGGER growth_inflation_playbook_forget ON growth_inflation_playbook IS
	'Records shipped rows that were deleted or changed in growth_inflation_playbook_removed';
CREATE TRIGGER growth_inflation_playbook_forget_all BEFORE TRUNCATE ON growth_inflation_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION regime_playbook_forget();
COMMENT ON TRIGGER growth_inflation_playbook_forget_all ON growth_inflation_playbook IS
	'Records every shipped row in growth_inflation_playbook_removed before a TRUNCATE';
CREATE TRIGGER growth_inflation_playbook_remove_once BEFORE INSERT ON growth_inflation_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_remove();
COMMENT ON TRIGGER growth_inflation_playbook_remove_once ON growth_inflation_playbook_removed IS
	'Skips a key recorded already (a restore may bring it twice)';
CREATE TRIGGER growth_inflation_playbook_remove AFTER INSERT ON growth_inflation_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_remove();
COMMENT ON TRIGGER growth_inflation_playbook_remove ON growth_inflation_playbook_removed IS
	'Deletes the shipped growth_inflation_playbook row of a newly recorded key';

CREATE FUNCTION growth_inflation_tilts(quadrant growth_inflation)
	RETURNS TABLE (asset text, tilt text, note text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION growth_inflation_tilts(growth_inflation) IS
	'The tilts growth_inflation_playbook gives for a growth x inflation quadrant (asset, tilt, note), by asset; STABLE: it reads the table';

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
