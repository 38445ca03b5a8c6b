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
