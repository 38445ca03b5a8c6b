/* tactalloc--1.0--1.1.sql: what version 1.1 changes and adds over 1.0 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION tactalloc UPDATE TO '1.1'" to load this file. \quit

-- Functions users do not call directly (aggregate support, type I/O and
-- trigger functions) carry a leading underscore, so that \df and \dx+ show
-- them as one block apart from the functions users call.

ALTER FUNCTION exactsum_in(cstring) RENAME TO _exactsum_in;
ALTER FUNCTION exactsum_out(exactsum) RENAME TO _exactsum_out;
ALTER FUNCTION exactsum_recv(internal) RENAME TO _exactsum_recv;
ALTER FUNCTION exactsum_send(exactsum) RENAME TO _exactsum_send;
ALTER FUNCTION exactsum_combine(exactsum, exactsum) RENAME TO _exactsum_combine;
ALTER FUNCTION hhi_accum(exactsum, float8) RENAME TO _hhi_accum;
ALTER FUNCTION hhi_accum_mode(exactsum, float8, text) RENAME TO _hhi_accum_mode;
ALTER FUNCTION hhi_final(exactsum) RENAME TO _hhi_final;
ALTER FUNCTION effective_n_final(exactsum) RENAME TO _effective_n_final;
ALTER FUNCTION dts_accum(exactsum, float8, float8, float8) RENAME TO _dts_accum;
ALTER FUNCTION dts_final(exactsum) RENAME TO _dts_final;
ALTER FUNCTION regime_track_accum(float8[], float8, float8) RENAME TO _regime_track_accum;
ALTER FUNCTION regime_track_accum(float8[], float8, float8, integer) RENAME TO _regime_track_accum;
ALTER FUNCTION regime_track_accum(float8[], float8, float8, integer, float8) RENAME TO _regime_track_accum;
ALTER FUNCTION regime_track_combine(float8[], float8[]) RENAME TO _regime_track_combine;
ALTER FUNCTION regime_track_final(float8[]) RENAME TO _regime_track_final;
ALTER FUNCTION regime_shifts_accum(bigint[], macro_regime) RENAME TO _regime_shifts_accum;
ALTER FUNCTION regime_shifts_combine(bigint[], bigint[]) RENAME TO _regime_shifts_combine;
ALTER FUNCTION regime_shifts_final(bigint[]) RENAME TO _regime_shifts_final;
ALTER FUNCTION regime_playbook_guard() RENAME TO _regime_playbook_guard;
ALTER FUNCTION regime_playbook_forget() RENAME TO _regime_playbook_forget;
ALTER FUNCTION regime_playbook_remove() RENAME TO _regime_playbook_remove;
ALTER FUNCTION weightset_in(cstring) RENAME TO _weightset_in;
ALTER FUNCTION weightset_out(weightset) RENAME TO _weightset_out;
ALTER FUNCTION weightset_recv(internal) RENAME TO _weightset_recv;
ALTER FUNCTION weightset_send(weightset) RENAME TO _weightset_send;
ALTER FUNCTION weightset_combine(weightset, weightset) RENAME TO _weightset_combine;
ALTER FUNCTION top_share_accum(weightset, float8, int4) RENAME TO _top_share_accum;
ALTER FUNCTION top_share_final(weightset) RENAME TO _top_share_final;
ALTER FUNCTION share_above_accum(weightset, float8, float8) RENAME TO _share_above_accum;
ALTER FUNCTION share_above_final(weightset) RENAME TO _share_above_final;
ALTER FUNCTION count_above_final(weightset) RENAME TO _count_above_final;
ALTER FUNCTION active_share_accum(weightset, float8, float8) RENAME TO _active_share_accum;
ALTER FUNCTION active_share_final(weightset) RENAME TO _active_share_final;
ALTER FUNCTION weighted_mean_accum(exactsum, float8, float8) RENAME TO _weighted_mean_accum;
ALTER FUNCTION weighted_mean_final(exactsum) RENAME TO _weighted_mean_final;
ALTER FUNCTION index_multiple_accum(exactsum, float8, float8) RENAME TO _index_multiple_accum;
ALTER FUNCTION index_multiple_accum_weighted(exactsum, float8, float8, float8) RENAME TO _index_multiple_accum_weighted;
ALTER FUNCTION index_multiple_final(exactsum) RENAME TO _index_multiple_final;
ALTER FUNCTION compound_return_accum(exactsum, float8) RENAME TO _compound_return_accum;
ALTER FUNCTION compound_return_final(exactsum) RENAME TO _compound_return_final;
ALTER FUNCTION streak_accum(int8[], bool) RENAME TO _streak_accum;
ALTER FUNCTION streak_combine(int8[], int8[]) RENAME TO _streak_combine;
ALTER FUNCTION longest_streak_final(int8[]) RENAME TO _longest_streak_final;
ALTER FUNCTION current_streak_final(int8[]) RENAME TO _current_streak_final;

COMMENT ON FUNCTION _exactsum_in(cstring) IS
	'Internal: text input of an exactsum state: validates every field and rejects malformed or truncated text';

COMMENT ON FUNCTION _exactsum_out(exactsum) IS
	'Internal: text output of an exactsum state: compact and canonical, round-trips exactly';

COMMENT ON FUNCTION _exactsum_recv(internal) IS
	'Internal: binary input of an exactsum state (the text form as bytes), validated';

COMMENT ON FUNCTION _exactsum_send(exactsum) IS
	'Internal: binary output of an exactsum state (the text form as bytes)';

COMMENT ON FUNCTION _exactsum_combine(exactsum, exactsum) IS
	'Internal: combine function of every exactsum aggregate: exact merge of two partial states';

COMMENT ON FUNCTION _hhi_accum(exactsum, float8) IS
	'Internal: transition function of hhi(weight) and effective_n(weight)';

COMMENT ON FUNCTION _hhi_accum_mode(exactsum, float8, text) IS
	'Internal: transition function of hhi(weight, mode) and effective_n(weight, mode)';

COMMENT ON FUNCTION _hhi_final(exactsum) IS
	'Internal: final function of hhi(): sum of squared weights over the squared total';

COMMENT ON FUNCTION _effective_n_final(exactsum) IS
	'Internal: final function of effective_n(): the squared total over the sum of squared weights';

COMMENT ON FUNCTION _dts_accum(exactsum, float8, float8, float8) IS
	'Internal: transition function of dts(weight, spread_duration, spread_bp)';

COMMENT ON FUNCTION _dts_final(exactsum) IS
	'Internal: final function of dts(weight, spread_duration, spread_bp): sum(w*D*S) / sum(w)';

COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8) IS
	'Internal: transition function of regime_track(level, change): confirm 1, trend 100';

COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8, integer) IS
	'Internal: transition function of regime_track(level, change, confirm): trend 100';

COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8, integer, float8) IS
	'Internal: transition function of regime_track(level, change, confirm, trend)';

COMMENT ON FUNCTION _regime_track_combine(float8[], float8[]) IS
	'Internal: combine function of regime_track: the first state''s readings followed by the second''s';

COMMENT ON FUNCTION _regime_track_final(float8[]) IS
	'Internal: final function of regime_track: the confirmed regime, NULL until the first is confirmed';

COMMENT ON FUNCTION _regime_shifts_accum(bigint[], macro_regime) IS
	'Internal: transition function of regime_shifts: state {first, last, shifts}, regimes as positions 0..3 (-1 before any)';

COMMENT ON FUNCTION _regime_shifts_combine(bigint[], bigint[]) IS
	'Internal: combine function of regime_shifts: a.shifts + b.shifts + (a.last <> b.first)';

COMMENT ON FUNCTION _regime_shifts_final(bigint[]) IS
	'Internal: final function of regime_shifts: the number of shifts, NULL when no regime was read';

COMMENT ON FUNCTION _regime_playbook_guard() IS
	'Internal: trigger of the playbook tables regime_playbook and growth_inflation_playbook (before insert or update): rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';

COMMENT ON FUNCTION _regime_playbook_forget() IS
	'Internal: trigger of the playbook tables (after delete or update, before truncate): records shipped rows that are gone in the table''s removals table (<name>_removed)';

COMMENT ON FUNCTION _regime_playbook_remove() IS
	'Internal: trigger of the playbooks'' removals tables (before and after insert): skips a key recorded already, and deletes the shipped playbook row of a new one';

COMMENT ON FUNCTION _weightset_in(cstring) IS
	'Internal: text input of a weightset state: validates every field and weight and rejects malformed or truncated text';

COMMENT ON FUNCTION _weightset_out(weightset) IS
	'Internal: text output of a weightset state: compact and canonical (weights sorted, shortest exact decimals), round-trips exactly';

COMMENT ON FUNCTION _weightset_recv(internal) IS
	'Internal: binary input of a weightset state (the text form as bytes), validated';

COMMENT ON FUNCTION _weightset_send(weightset) IS
	'Internal: binary output of a weightset state (the text form as bytes)';

COMMENT ON FUNCTION _weightset_combine(weightset, weightset) IS
	'Internal: combine function of every weightset aggregate: merges two partial states of the same kind and parameter';

COMMENT ON FUNCTION _top_share_accum(weightset, float8, int4) IS
	'Internal: transition function of top_share(weight, n): keeps the n largest weights and the exact total';

COMMENT ON FUNCTION _top_share_final(weightset) IS
	'Internal: final function of top_share(): exact sum of the n largest weights over the exact total';

COMMENT ON FUNCTION _share_above_accum(weightset, float8, float8) IS
	'Internal: transition function of share_above(weight, threshold) and count_above(weight, threshold): keeps every weight of the group';

COMMENT ON FUNCTION _share_above_final(weightset) IS
	'Internal: final function of share_above(): total share of the names whose own share is strictly above the threshold';

COMMENT ON FUNCTION _count_above_final(weightset) IS
	'Internal: final function of count_above(): number of names whose share is strictly above the threshold';

COMMENT ON FUNCTION _active_share_accum(weightset, float8, float8) IS
	'Internal: transition function of active_share(portfolio_weight, benchmark_weight): keeps every pair, a NULL side as 0';

COMMENT ON FUNCTION _active_share_final(weightset) IS
	'Internal: final function of active_share(): half the sum of abs(p/sum(p) - b/sum(b))';

COMMENT ON FUNCTION _weighted_mean_accum(exactsum, float8, float8) IS
	'Internal: transition function of weighted_mean(value, weight)';

COMMENT ON FUNCTION _weighted_mean_final(exactsum) IS
	'Internal: final function of weighted_mean(): sum(w*x) / sum(w)';

COMMENT ON FUNCTION _index_multiple_accum(exactsum, float8, float8) IS
	'Internal: transition function of index_multiple(cap, fundamental)';

COMMENT ON FUNCTION _index_multiple_accum_weighted(exactsum, float8, float8, float8) IS
	'Internal: transition function of index_multiple(cap, fundamental, weight)';

COMMENT ON FUNCTION _index_multiple_final(exactsum) IS
	'Internal: final function of index_multiple(): sum(w) / sum(w*fundamental/cap), NULL unless the denominator is positive';

COMMENT ON FUNCTION _compound_return_accum(exactsum, float8) IS
	'Internal: transition function of compound_return(r): exact sum of log1p(r)';

COMMENT ON FUNCTION _compound_return_final(exactsum) IS
	'Internal: final function of compound_return(): expm1 of the exact sum of log1p(r), -1 when a return is -1';

COMMENT ON FUNCTION _streak_accum(int8[], bool) IS
	'Internal: transition function of longest_streak() and current_streak(): state {rows, leading run, trailing run, longest run}';

COMMENT ON FUNCTION _streak_combine(int8[], int8[]) IS
	'Internal: combine function of the streak aggregates: the runs of the rows of the first state followed by those of the second';

COMMENT ON FUNCTION _longest_streak_final(int8[]) IS
	'Internal: final function of longest_streak(): the longest run of true';

COMMENT ON FUNCTION _current_streak_final(int8[]) IS
	'Internal: final function of current_streak(): the run of true at the end of the ordered rows';


-- The regime_playbook trigger functions resolve nothing through the caller's
-- search_path: a user's "=" for macro_regime, text or boolean, or a function
-- named like one they call, in a schema on the search_path, would otherwise
-- run inside them (with the rights of whoever changes the playbook).  Every
-- operator, function and type is qualified by pg_catalog, the tables by the
-- schema of the table that fired the trigger, and the functions run with
-- search_path pg_catalog, pg_temp.  Row comparisons (IS DISTINCT FROM) look
-- "=" up by name, so they are spelled out with qualified operators.

CREATE OR REPLACE FUNCTION _regime_playbook_guard() RETURNS trigger
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

CREATE OR REPLACE FUNCTION _regime_playbook_forget() RETURNS trigger
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

CREATE OR REPLACE FUNCTION _regime_playbook_remove() RETURNS trigger
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
COMMENT ON FUNCTION _regime_playbook_guard() IS
	'Internal: trigger of the playbook tables regime_playbook and growth_inflation_playbook (before insert or update): rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
COMMENT ON FUNCTION _regime_playbook_forget() IS
	'Internal: trigger of the playbook tables (after delete or update, before truncate): records shipped rows that are gone in the table''s removals table (<name>_removed)';
COMMENT ON FUNCTION _regime_playbook_remove() IS
	'Internal: trigger of the playbooks'' removals tables (before and after insert): skips a key recorded already, and deletes the shipped playbook row of a new one';

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
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_guard();
COMMENT ON TRIGGER growth_inflation_playbook_guard ON growth_inflation_playbook IS
	'Rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
CREATE TRIGGER growth_inflation_playbook_forget AFTER DELETE OR UPDATE ON growth_inflation_playbook
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_forget();
COMMENT ON TRIGGER growth_inflation_playbook_forget ON growth_inflation_playbook IS
	'Records shipped rows that were deleted or changed in growth_inflation_playbook_removed';
CREATE TRIGGER growth_inflation_playbook_forget_all BEFORE TRUNCATE ON growth_inflation_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION _regime_playbook_forget();
COMMENT ON TRIGGER growth_inflation_playbook_forget_all ON growth_inflation_playbook IS
	'Records every shipped row in growth_inflation_playbook_removed before a TRUNCATE';
CREATE TRIGGER growth_inflation_playbook_remove_once BEFORE INSERT ON growth_inflation_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_remove();
COMMENT ON TRIGGER growth_inflation_playbook_remove_once ON growth_inflation_playbook_removed IS
	'Skips a key recorded already (a restore may bring it twice)';
CREATE TRIGGER growth_inflation_playbook_remove AFTER INSERT ON growth_inflation_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_remove();
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

CREATE FUNCTION _diffusion_accum(bigint[], float8) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'diffusion_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _diffusion_accum(bigint[], float8) IS
	'Internal: transition function of diffusion: state {rising, falling, count} of the non-NULL changes';

CREATE FUNCTION _diffusion_retract(bigint[], float8) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'diffusion_retract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _diffusion_retract(bigint[], float8) IS
	'Internal: inverse transition function of diffusion (moving aggregate): takes a change that left the frame out of the counts';

CREATE FUNCTION _diffusion_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'diffusion_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _diffusion_combine(bigint[], bigint[]) IS
	'Internal: combine function of diffusion: the counts of both states added';

CREATE FUNCTION _diffusion_final(bigint[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'diffusion_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _diffusion_final(bigint[]) IS
	'Internal: final function of diffusion: (rising - falling) / count, NULL when no change was read';

CREATE AGGREGATE diffusion(change float8) (
	SFUNC = _diffusion_accum,
	STYPE = bigint[],
	INITCOND = '{0,0,0}',
	FINALFUNC = _diffusion_final,
	COMBINEFUNC = _diffusion_combine,
	MSFUNC = _diffusion_accum,
	MINVFUNC = _diffusion_retract,
	MSTYPE = bigint[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = _diffusion_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE diffusion(float8) IS
	'Breadth index: (number of rising - number of falling) / number of non-NULL changes, in [-1, 1]; a zero change counts as neither; NULL when there is none';

-- Moving-aggregate support: the exact sums of a window frame lose the rows
-- that leave it exactly, so a sliding window costs O(1) a row and equals a
-- recomputation of its frame bit for bit.  Transition functions no longer
-- return NULL (a moving aggregate's state must not be NULL).

CREATE FUNCTION _hhi_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_inv(exactsum, float8) IS
	'Internal: inverse transition function of hhi(weight) and effective_n(weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION _hhi_inv_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_inv_mode' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_inv_mode(exactsum, float8, text) IS
	'Internal: inverse transition function of hhi(weight, mode) and effective_n(weight, mode): removes a row leaving a window frame, exactly';

CREATE FUNCTION _weighted_mean_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'weighted_mean_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _weighted_mean_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of weighted_mean(value, weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION _index_multiple_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of index_multiple(cap, fundamental): removes a row leaving a window frame, exactly';

CREATE FUNCTION _index_multiple_inv_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_inv_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_inv_weighted(exactsum, float8, float8, float8) IS
	'Internal: inverse transition function of index_multiple(cap, fundamental, weight): removes a row leaving a window frame, exactly';

CREATE FUNCTION _compound_return_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_inv(exactsum, float8) IS
	'Internal: inverse transition function of compound_return(r): removes a row leaving a window frame, exactly (a -1 return too)';

CREATE FUNCTION _dts_inv(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'dts_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _dts_inv(exactsum, float8, float8, float8) IS
	'Internal: inverse transition function of dts(weight, spread_duration, spread_bp): removes a row leaving a window frame, exactly';

CREATE OR REPLACE AGGREGATE hhi(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _hhi_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _hhi_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _hhi_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _hhi_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE effective_n(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _effective_n_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _effective_n_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE effective_n(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _effective_n_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _effective_n_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE weighted_mean(value float8, weight float8) (
	SFUNC = _weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _weighted_mean_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _weighted_mean_accum,
	MINVFUNC = _weighted_mean_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _weighted_mean_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE index_multiple(cap float8, fundamental float8) (
	SFUNC = _index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _index_multiple_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum,
	MINVFUNC = _index_multiple_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _index_multiple_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE index_multiple(cap float8, fundamental float8, weight float8) (
	SFUNC = _index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _index_multiple_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum_weighted,
	MINVFUNC = _index_multiple_inv_weighted,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _index_multiple_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE compound_return(r float8) (
	SFUNC = _compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _compound_return_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_accum,
	MINVFUNC = _compound_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _compound_return_final,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE dts(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = _dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _dts_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _dts_accum,
	MINVFUNC = _dts_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _dts_final,
	PARALLEL = SAFE
);

-- Risk statistics (src/risk.sql)

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

-- share_above() and count_above() keep about 512 bytes per group at the end
-- (their states are pruned and shrunk as the total grows), not 4096: a hash
-- aggregate sizes its table by this estimate, and 4096 made it spill with a
-- thousand groups at the default work_mem.  CREATE OR REPLACE AGGREGATE
-- (PostgreSQL 12 and later) changes it and keeps every view that uses them.
CREATE OR REPLACE AGGREGATE share_above(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _share_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _count_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);

-- Summaries (src/summaries.sql): <name>_summary aggregates return the state of
-- an exactsum or weightset aggregate as a value, accessors <name>(summary) read
-- it, rollup(summary) merges stored summaries exactly
-- the shared mechanism: the summary as a value, and rollup

CREATE FUNCTION _exactsum_summary_final(exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_summary_final(exactsum) IS
	'Internal: final function of every exactsum summary aggregate and of rollup(exactsum): the state, validated and compact (only the chunks in use); NULL for no rows';

CREATE FUNCTION _weightset_summary_final(weightset) RETURNS weightset
	AS 'MODULE_PATHNAME', 'weightset_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_summary_final(weightset) IS
	'Internal: final function of every weightset summary aggregate and of rollup(weightset): the state without spare room, share_above''s pruned at the cut of its total; NULL for no rows';

CREATE FUNCTION _exactsum_rollup_accum(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_rollup_accum(exactsum, exactsum) IS
	'Internal: moving-aggregate transition function of rollup(exactsum): the exact merge of _exactsum_combine, strict (a window frame skips NULL summaries)';

CREATE FUNCTION _exactsum_rollup_inv(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_rollup_inv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_rollup_inv(exactsum, exactsum) IS
	'Internal: inverse transition function of rollup(exactsum): subtracts a summary leaving a window frame, exactly';

CREATE AGGREGATE rollup(summary exactsum) (
	SFUNC = _exactsum_combine,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _exactsum_rollup_accum,
	MINVFUNC = _exactsum_rollup_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(exactsum) IS
	'Merges stored summaries of one kind (hhi_summary, dts_summary, ...) into the summary of all their rows, exactly: read it with the accessor, e.g. hhi(rollup(s)); moving in window frames; NULL for no rows';

CREATE AGGREGATE rollup(summary weightset) (
	SFUNC = _weightset_combine,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(weightset) IS
	'Merges stored summaries of one kind and parameter (top_share_summary, share_above_summary, active_share_summary) into the summary of all their rows, exactly: read it with the accessor, e.g. top_share(rollup(s)); NULL for no rows';

-- summary aggregates of the exactsum aggregates: their transition, inverse and
-- combine functions; the state as the result

CREATE AGGREGATE hhi_summary(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_summary(float8) IS
	'Summary of hhi(weight) as a stored value (exactsum: the row count, exact sum(abs(w)) and sum(w^2)), read by hhi(summary) and effective_n(summary), merged by rollup';

CREATE AGGREGATE hhi_summary(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_summary(float8, text) IS
	'Summary of hhi(weight, mode) as a stored value, read by hhi(summary) and effective_n(summary), merged by rollup with summaries of the same mode';

CREATE AGGREGATE dts_summary(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = _dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _dts_accum,
	MINVFUNC = _dts_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE dts_summary(float8, float8, float8) IS
	'Summary of dts(weight, spread_duration, spread_bp) as a stored value (exact sum(w) and sum(w*D*S)), read by dts(summary), merged by rollup';

CREATE AGGREGATE weighted_mean_summary(value float8, weight float8) (
	SFUNC = _weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _weighted_mean_accum,
	MINVFUNC = _weighted_mean_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weighted_mean_summary(float8, float8) IS
	'Summary of weighted_mean(value, weight) as a stored value (exact sum(w) and sum(w*x)), read by weighted_mean(summary), merged by rollup';

CREATE AGGREGATE index_multiple_summary(cap float8, fundamental float8) (
	SFUNC = _index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum,
	MINVFUNC = _index_multiple_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple_summary(float8, float8) IS
	'Summary of index_multiple(cap, fundamental) as a stored value (exact sum(cap) and sum(fundamental)), read by index_multiple(summary), merged by rollup';

CREATE AGGREGATE index_multiple_summary(cap float8, fundamental float8, weight float8) (
	SFUNC = _index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum_weighted,
	MINVFUNC = _index_multiple_inv_weighted,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple_summary(float8, float8, float8) IS
	'Summary of index_multiple(cap, fundamental, weight) as a stored value (exact sum(w) and sum(w*fundamental/cap)), read by index_multiple(summary), merged by rollup';

CREATE AGGREGATE compound_return_summary(r float8) (
	SFUNC = _compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_accum,
	MINVFUNC = _compound_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return_summary(float8) IS
	'Summary of compound_return(r) as a stored value (exact sum(log1p(r)), the -1 returns), read by compound_return(summary), merged by rollup';

CREATE AGGREGATE volatility_summary(r float8) (
	SFUNC = _volatility_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum,
	MINVFUNC = _volatility_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility_summary(float8) IS
	'Summary of volatility(r) as a stored value (the row count, exact sum(r) and sum(r^2)), read by volatility(summary), merged by rollup';

CREATE AGGREGATE volatility_summary(r float8, periods_per_year float8) (
	SFUNC = _volatility_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum_annual,
	MINVFUNC = _volatility_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility_summary(float8, float8) IS
	'Summary of volatility(r, periods_per_year) as a stored value, read by volatility(summary) (annualised), merged by rollup with summaries of the same periods_per_year';

CREATE AGGREGATE tracking_error_summary(r float8, benchmark_r float8) (
	SFUNC = _tracking_error_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum,
	MINVFUNC = _tracking_error_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error_summary(float8, float8) IS
	'Summary of tracking_error(r, benchmark_r) as a stored value (exact sums of d = r - benchmark_r and d^2), read by tracking_error(summary), merged by rollup';

CREATE AGGREGATE tracking_error_summary(r float8, benchmark_r float8, periods_per_year float8) (
	SFUNC = _tracking_error_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum_annual,
	MINVFUNC = _tracking_error_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error_summary(float8, float8, float8) IS
	'Summary of tracking_error(r, benchmark_r, periods_per_year) as a stored value, read by tracking_error(summary) (annualised), merged by rollup';

CREATE AGGREGATE beta_summary(r float8, market_r float8) (
	SFUNC = _beta_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _beta_accum,
	MINVFUNC = _beta_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE beta_summary(float8, float8) IS
	'Summary of beta(r, market_r) as a stored value (exact sums of m, r, m^2, r*m), read by beta(summary), merged by rollup';

CREATE AGGREGATE correlation_summary(x float8, y float8) (
	SFUNC = _correlation_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _correlation_accum,
	MINVFUNC = _correlation_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE correlation_summary(float8, float8) IS
	'Summary of correlation(x, y) as a stored value (exact sums of x, y, x^2, y^2, x*y), read by correlation(summary), merged by rollup';

CREATE AGGREGATE annualized_return_summary(r float8, periods_per_year float8) (
	SFUNC = _annualized_return_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _annualized_return_accum,
	MINVFUNC = _annualized_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annualized_return_summary(float8, float8) IS
	'Summary of annualized_return(r, periods_per_year) as a stored value (exact sum(log1p(r)), the -1 returns, the periods), read by annualized_return(summary), merged by rollup';

-- summary aggregates of the weightset aggregates

CREATE AGGREGATE top_share_summary(weight float8, n int4) (
	SFUNC = _top_share_accum,
	STYPE = weightset,
	SSPACE = 200,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_share_summary(float8, int4) IS
	'Summary of top_share(weight, n) as a stored value (weightset: the n largest weights and the exact total), read by top_share(summary [, m]) for m up to n, merged by rollup';

CREATE AGGREGATE share_above_summary(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above_summary(float8, float8) IS
	'Summary of share_above(weight, threshold) as a stored value (weightset: the exact total and the weights above threshold x total, fewer than 1/threshold), read by share_above and count_above(summary [, t]) for t >= threshold, merged by rollup';

CREATE AGGREGATE active_share_summary(portfolio_weight float8, benchmark_weight float8) (
	SFUNC = _active_share_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE active_share_summary(float8, float8) IS
	'Summary of active_share(portfolio_weight, benchmark_weight) as a stored value (weightset: every pair), read by active_share(summary), merged by rollup';

-- accessors: the figure of a summary, with the final step of its aggregate

CREATE FUNCTION hhi(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'hhi_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi(exactsum) IS
	'Herfindahl-Hirschman index of the rows of a summary made by hhi_summary (or rollup of such summaries): the same bits as hhi over those rows';

CREATE FUNCTION effective_n(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'effective_n_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION effective_n(exactsum) IS
	'Effective number of constituents of the rows of a summary made by hhi_summary (or rollup of such summaries): 1 / hhi(summary)';

CREATE FUNCTION dts(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts(exactsum) IS
	'Market-value-weighted DTS of the bonds of a summary made by dts_summary (or rollup of such summaries)';

CREATE FUNCTION weighted_mean(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'weighted_mean_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean(exactsum) IS
	'Weighted mean of the rows of a summary made by weighted_mean_summary (or rollup of such summaries)';

CREATE FUNCTION index_multiple(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'index_multiple_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple(exactsum) IS
	'Index multiple of the rows of a summary made by index_multiple_summary (or rollup of such summaries)';

CREATE FUNCTION compound_return(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'compound_return_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION compound_return(exactsum) IS
	'Compound return of the returns of a summary made by compound_return_summary (or rollup of such summaries)';

CREATE FUNCTION volatility(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'volatility_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION volatility(exactsum) IS
	'Volatility of the returns of a summary made by volatility_summary (or rollup of such summaries), annualised when the summary holds periods_per_year';

CREATE FUNCTION tracking_error(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'tracking_error_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error(exactsum) IS
	'Tracking error of the rows of a summary made by tracking_error_summary (or rollup of such summaries)';

CREATE FUNCTION beta(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'beta_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION beta(exactsum) IS
	'Beta of the rows of a summary made by beta_summary (or rollup of such summaries)';

CREATE FUNCTION correlation(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'correlation_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION correlation(exactsum) IS
	'Correlation of the rows of a summary made by correlation_summary (or rollup of such summaries)';

CREATE FUNCTION annualized_return(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'annualized_return_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annualized_return(exactsum) IS
	'Annualised return of the returns of a summary made by annualized_return_summary (or rollup of such summaries)';

CREATE FUNCTION top_share(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share(weightset) IS
	'Share of the n largest weights (the n the summary keeps) of a summary made by top_share_summary (or rollup of such summaries)';

CREATE FUNCTION top_share(summary weightset, n int4) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share(weightset, int4) IS
	'Share of the n largest weights of a summary made by top_share_summary(weight, k) (or rollup of such summaries), for n up to k; a larger n is an error';

CREATE FUNCTION share_above(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset) IS
	'Total share of the names above the threshold of a summary made by share_above_summary (or rollup of such summaries)';

CREATE FUNCTION share_above(summary weightset, threshold float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset, float8) IS
	'Total share of the names above threshold of a summary made by share_above_summary(weight, t) (or rollup of such summaries), for threshold >= t; a lower one is an error';

CREATE FUNCTION count_above(summary weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset) IS
	'Number of names above the threshold of a summary made by share_above_summary (or rollup of such summaries)';

CREATE FUNCTION count_above(summary weightset, threshold float8) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset, float8) IS
	'Number of names above threshold of a summary made by share_above_summary(weight, t) (or rollup of such summaries), for threshold >= t; a lower one is an error';

CREATE FUNCTION active_share(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'active_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION active_share(weightset) IS
	'Active share of the pairs of a summary made by active_share_summary (or rollup of such summaries)';

-- The playbooks on Citus: the copies regime_tilts() and growth_inflation_tilts()
-- read (filled from the playbooks as they are, with the user's edits), the
-- trigger that keeps them, and distribute_playbooks(); the tilts functions
-- read the copies from now on (their C code, same signatures).

-- The copy regime_tilts() reads: _regime_playbook_tilts holds regime_playbook's
-- rows without the shipped column and has no trigger, so that on a Citus
-- cluster distribute_playbooks() can make it a reference table, which every
-- node reads in a distributed query (Citus refuses reference tables with
-- triggers, and the playbook keeps its triggers).  After each statement that
-- changes a playbook, _playbook_copy() copies the playbook (a few dozen rows)
-- into its copy, one transaction at a time; on a cluster the copy reaches
-- every node in that transaction.  The copy is not dumped: a restore rebuilds
-- it as it restores the playbook.  Edit the playbooks on the coordinator.  A
-- later upgrade script that writes a playbook with its triggers disabled
-- must copy it too (DELETE and INSERT ... SELECT as _playbook_copy does).

CREATE TABLE _regime_playbook_tilts (
	regime macro_regime NOT NULL,
	asset text NOT NULL,
	tilt text NOT NULL,
	note text,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE _regime_playbook_tilts IS
	'Internal: the rows of regime_playbook that regime_tilts() reads, copied by a trigger after every change (a Citus reference table after distribute_playbooks()); edit regime_playbook, not this';
COMMENT ON COLUMN _regime_playbook_tilts.regime IS 'The macro regime';
COMMENT ON COLUMN _regime_playbook_tilts.asset IS 'What is tilted';
COMMENT ON COLUMN _regime_playbook_tilts.tilt IS 'The tilt';
COMMENT ON COLUMN _regime_playbook_tilts.note IS 'Where the tilt comes from';
INSERT INTO _regime_playbook_tilts (regime, asset, tilt, note)
	SELECT regime, asset, tilt, note FROM regime_playbook;
GRANT SELECT ON _regime_playbook_tilts TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON _regime_playbook_tilts TO @extowner@;

CREATE FUNCTION _playbook_copy() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	tilts_table pg_catalog.text := pg_catalog.concat('_', TG_TABLE_NAME, '_tilts');
BEGIN
	-- one copy at a time: a concurrent edit waits for this transaction and
	-- then copies the playbook with this edit in it
	EXECUTE pg_catalog.format('LOCK TABLE %I.%I IN EXCLUSIVE MODE', TG_TABLE_SCHEMA, tilts_table);
	EXECUTE pg_catalog.format('DELETE FROM %I.%I', TG_TABLE_SCHEMA, tilts_table);
	EXECUTE pg_catalog.format('INSERT INTO %1$I.%3$I (regime, asset, tilt, note)
							   SELECT regime, asset, tilt, note FROM %1$I.%2$I',
							  TG_TABLE_SCHEMA, TG_TABLE_NAME, tilts_table);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION _playbook_copy() IS
	'Internal: trigger of the playbook tables (after each statement that changes one): copies the playbook into the table its tilts function reads (_<name>_tilts)';

CREATE TRIGGER regime_playbook_copy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regime_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION _playbook_copy();
COMMENT ON TRIGGER regime_playbook_copy ON regime_playbook IS
	'Copies regime_playbook into _regime_playbook_tilts, which regime_tilts() reads';

-- distribute_playbooks(): the Citus step.  The copies become reference
-- tables (copied to every node; Citus keeps them equal in each transaction
-- that writes them).  Run once on the coordinator, again after a restore.
CREATE FUNCTION distribute_playbooks() RETURNS SETOF regclass
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET client_min_messages = warning AS $$
DECLARE
	ext_schema pg_catalog.name;
	tilts_table pg_catalog.text;
	t pg_catalog.regclass;
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'citus') THEN
		RAISE EXCEPTION 'distribute_playbooks: the citus extension is not installed in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Without Citus there is nothing to distribute: regime_tilts() and growth_inflation_tilts() read the playbooks as they are.';
	END IF;
	SELECT n.nspname INTO ext_schema
	FROM pg_catalog.pg_extension AS e
	JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
	WHERE e.extname OPERATOR(pg_catalog.=) 'tactalloc';
	FOREACH tilts_table IN ARRAY ARRAY['_regime_playbook_tilts', '_growth_inflation_playbook_tilts']::pg_catalog.text[] LOOP
		t := pg_catalog.format('%I.%I', ext_schema, tilts_table)::pg_catalog.regclass;
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_dist_partition
					   WHERE logicalrelid OPERATOR(pg_catalog.=) t) THEN
			PERFORM pg_catalog.create_reference_table(t);
		END IF;
		RETURN NEXT t;
	END LOOP;
END
$$;
COMMENT ON FUNCTION distribute_playbooks() IS
	'On a Citus coordinator: makes the tables regime_tilts() and growth_inflation_tilts() read reference tables, so that distributed queries on every node see the playbooks as edited on the coordinator; returns them. Run once (again after a restore); an error without Citus';

-- The copy growth_inflation_tilts() reads, kept by the same trigger as
-- regime_playbook's (see _regime_playbook_tilts in src/regime.sql).
CREATE TABLE _growth_inflation_playbook_tilts (
	regime growth_inflation NOT NULL,
	asset text NOT NULL,
	tilt text NOT NULL,
	note text,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE _growth_inflation_playbook_tilts IS
	'Internal: the rows of growth_inflation_playbook that growth_inflation_tilts() reads, copied by a trigger after every change (a Citus reference table after distribute_playbooks()); edit growth_inflation_playbook, not this';
COMMENT ON COLUMN _growth_inflation_playbook_tilts.regime IS 'The growth x inflation quadrant';
COMMENT ON COLUMN _growth_inflation_playbook_tilts.asset IS 'What is tilted';
COMMENT ON COLUMN _growth_inflation_playbook_tilts.tilt IS 'The tilt';
COMMENT ON COLUMN _growth_inflation_playbook_tilts.note IS 'Where the tilt comes from';
INSERT INTO _growth_inflation_playbook_tilts (regime, asset, tilt, note)
	SELECT regime, asset, tilt, note FROM growth_inflation_playbook;
GRANT SELECT ON _growth_inflation_playbook_tilts TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON _growth_inflation_playbook_tilts TO @extowner@;
CREATE TRIGGER growth_inflation_playbook_copy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON growth_inflation_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION _playbook_copy();
COMMENT ON TRIGGER growth_inflation_playbook_copy ON growth_inflation_playbook IS
	'Copies growth_inflation_playbook into _growth_inflation_playbook_tilts, which growth_inflation_tilts() reads';

-- Who drove the return and how many small names match the largest; share_above
-- and count_above at the threshold too (src/concentration.sql)

COMMENT ON TYPE weightset IS
	'Transition state of top_share, share_above, count_above, active_share, top_contribution and names_to_match: the weights a group needs (8 bytes each, 16 per pair) and exact totals; merges under any plan';

CREATE FUNCTION _share_above_accum_inclusive(weightset, float8, float8, bool) RETURNS weightset
	AS 'MODULE_PATHNAME', 'share_above_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _share_above_accum_inclusive(weightset, float8, float8, bool) IS
	'Internal: transition function of share_above(weight, threshold, inclusive) and count_above(weight, threshold, inclusive)';

CREATE AGGREGATE share_above(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _share_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8, bool) IS
	'Total share of the names whose own share is above threshold, or at or above it with inclusive true ("3 % or more": share_above(w, 0.03, true))';

CREATE AGGREGATE count_above(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _count_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE count_above(float8, float8, bool) IS
	'Number of names whose share is above threshold, or at or above it with inclusive true ("3 % or more": count_above(w, 0.03, true))';

CREATE FUNCTION _top_contribution_accum(weightset, float8, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME', 'top_contribution_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _top_contribution_accum(weightset, float8, float8, int4) IS
	'Internal: transition function of top_contribution(weight, ret, n): keeps the n largest (weight, return) pairs and the exact sum of weight * return';

CREATE FUNCTION _top_contribution_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _top_contribution_final(weightset) IS
	'Internal: final function of top_contribution(): exact sum of weight * return of the n largest weights over that of all';

CREATE AGGREGATE top_contribution(weight float8, ret float8, n int4) (
	SFUNC = _top_contribution_accum,
	STYPE = weightset,
	SSPACE = 400,
	FINALFUNC = _top_contribution_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_contribution(float8, float8, int4) IS
	'Share of the weighted return sum(w*r) that comes from the n largest weights (1.0 with n names or fewer; NULL for a zero total); n >= 1, the same for every row of a group';

CREATE FUNCTION _names_to_match_accum(weightset, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME', 'names_to_match_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _names_to_match_accum(weightset, float8, int4) IS
	'Internal: transition function of names_to_match(weight, n_largest): keeps every weight of the group';

CREATE FUNCTION _names_to_match_final(weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _names_to_match_final(weightset) IS
	'Internal: final function of names_to_match(): the fewest smallest weights whose exact sum reaches that of the n largest';

CREATE AGGREGATE names_to_match(weight float8, n_largest int4) (
	SFUNC = _names_to_match_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _names_to_match_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE names_to_match(float8, int4) IS
	'How many of the smallest names together weigh at least as much as the n_largest largest (NULL when all the others weigh less, or with no more than n_largest names); n_largest >= 1';

-- Drawdowns of compounded wealth, and compound_return with min_periods for
-- window frames that run past the end of a series (src/valuation.sql)

CREATE FUNCTION _compound_return_min_accum(exactsum, float8, int4) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_min_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_accum(exactsum, float8, int4) IS
	'Internal: transition function of compound_return(r, min_periods): exact sums of log1p(r) and of min_periods';

CREATE FUNCTION _compound_return_min_inv(exactsum, float8, int4) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_min_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_inv(exactsum, float8, int4) IS
	'Internal: inverse transition function of compound_return(r, min_periods): removes a row leaving a window frame, exactly';

CREATE FUNCTION _compound_return_min_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'compound_return_min_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_final(exactsum) IS
	'Internal: final function of compound_return(r, min_periods): as compound_return(r), NULL for fewer than min_periods returns';

CREATE AGGREGATE compound_return(r float8, min_periods int4) (
	SFUNC = _compound_return_min_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _compound_return_min_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_min_accum,
	MINVFUNC = _compound_return_min_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _compound_return_min_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return(float8, int4) IS
	'Compound return prod(1 + r) - 1, NULL when fewer than min_periods non-NULL returns are in (a window frame that runs past the end of the series), e.g. compound_return(r, min_periods => 6) OVER (ORDER BY as_of ROWS BETWEEN 1 FOLLOWING AND 6 FOLLOWING)';

CREATE FUNCTION _drawdown_accum(float8[], float8) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_accum(float8[], float8) IS
	'Internal: transition function of max_drawdown(r) and current_drawdown(r): state {rows, min_periods, wiped, drawdown, deepest drawdown, log wealth, rise from the low}, log sums in double-double pairs';

CREATE FUNCTION _drawdown_accum_min(float8[], float8, int4) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_accum_min' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_accum_min(float8[], float8, int4) IS
	'Internal: transition function of max_drawdown(r, min_periods) and current_drawdown(r, min_periods)';

CREATE FUNCTION _drawdown_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_combine(float8[], float8[]) IS
	'Internal: combine function of the drawdown aggregates: the state of the rows of the first state followed by those of the second';

CREATE FUNCTION _max_drawdown_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'max_drawdown_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _max_drawdown_final(float8[]) IS
	'Internal: final function of max_drawdown(): the deepest fall of wealth from its running peak, in [-1, 0]';

CREATE FUNCTION _current_drawdown_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'current_drawdown_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _current_drawdown_final(float8[]) IS
	'Internal: final function of current_drawdown(): the fall of wealth from its running peak at the last row, in [-1, 0]';

CREATE AGGREGATE max_drawdown(r float8) (
	SFUNC = _drawdown_accum,
	STYPE = float8[],
	FINALFUNC = _max_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE max_drawdown(float8) IS
	'Largest fall of compounded wealth prod(1 + r) from its running peak (the start counts as one), in [-1, 0], e.g. max_drawdown(r ORDER BY as_of); r = -1 wipes out (-1 from then on); r < -1 is an error';

CREATE AGGREGATE max_drawdown(r float8, min_periods int4) (
	SFUNC = _drawdown_accum_min,
	STYPE = float8[],
	FINALFUNC = _max_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE max_drawdown(float8, int4) IS
	'max_drawdown(r), NULL when fewer than min_periods non-NULL returns are in';

CREATE AGGREGATE current_drawdown(r float8) (
	SFUNC = _drawdown_accum,
	STYPE = float8[],
	FINALFUNC = _current_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_drawdown(float8) IS
	'Fall of compounded wealth from its running peak at the end of the ordered rows (0 at a new peak), e.g. current_drawdown(r ORDER BY as_of), or each day''s drawdown OVER (ORDER BY as_of)';

CREATE AGGREGATE current_drawdown(r float8, min_periods int4) (
	SFUNC = _drawdown_accum_min,
	STYPE = float8[],
	FINALFUNC = _current_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_drawdown(float8, int4) IS
	'current_drawdown(r), NULL when fewer than min_periods non-NULL returns are in';

-- The latest reading against its history (src/history.sql): window functions
-- that keep the partition in partition-local memory, O(log n) a row at most

CREATE FUNCTION history_percentile(x float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION history_percentile(float8) IS
	'Window function: share of the other values of the frame strictly below the current value, ties counted one half (0 = lowest, 1 = highest); NULL when the frame holds no other value; e.g. OVER (ORDER BY as_of ROWS BETWEEN 119 PRECEDING AND CURRENT ROW)';

CREATE FUNCTION history_zscore(x float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION history_zscore(float8) IS
	'Window function: (current value - mean of the frame) / sample standard deviation of the frame, from exact sums; NULL for fewer than 2 values or a zero deviation';

CREATE FUNCTION periods_since_higher(x float8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION periods_since_higher(float8) IS
	'Window function over ordered rows: how many rows back the last value at or above the current one lies, looking back to the start of the frame; NULL at a new high ("the highest since ...")';

-- Summaries of the market-history aggregates (src/summaries.sql): every
-- aggregate whose state is exactsum or weightset has a <name>_summary, its
-- accessors and rollup: compound_return(r, min_periods), share_above and
-- count_above with inclusive, top_contribution, names_to_match.  The
-- two-argument share_above(summary, t) and count_above(summary, t) read
-- strictly above t, as share_above(weight, t) does.

CREATE AGGREGATE compound_return_summary(r float8, min_periods int4) (
	SFUNC = _compound_return_min_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_min_accum,
	MINVFUNC = _compound_return_min_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return_summary(float8, int4) IS
	'Summary of compound_return(r, min_periods) as a stored value (exact sum(log1p(r)), the -1 returns, sums of min_periods per row), read by compound_return(summary): NULL for fewer than min_periods non-NULL returns over all the rows rolled up; merged by rollup with summaries of the same min_periods';

CREATE AGGREGATE share_above_summary(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above_summary(float8, float8, bool) IS
	'Summary of share_above(weight, threshold, inclusive) as a stored value (weightset: the exact total and the weights that can be at or above threshold x total), read by share_above and count_above(summary [, t [, inclusive]]): above t >= threshold, at or above t >= threshold (inclusive summary) or t > threshold; merged by rollup';

CREATE AGGREGATE top_contribution_summary(weight float8, ret float8, n int4) (
	SFUNC = _top_contribution_accum,
	STYPE = weightset,
	SSPACE = 400,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_contribution_summary(float8, float8, int4) IS
	'Summary of top_contribution(weight, ret, n) as a stored value (weightset: the n largest (weight, return) pairs and the exact sum(w*r)), read by top_contribution(summary [, m]) for m up to n, merged by rollup';

CREATE AGGREGATE names_to_match_summary(weight float8, n_largest int4) (
	SFUNC = _names_to_match_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE names_to_match_summary(float8, int4) IS
	'Summary of names_to_match(weight, n_largest) as a stored value (weightset: every weight), read by names_to_match(summary [, n]) for any n >= 1, merged by rollup';

CREATE FUNCTION share_above(summary weightset, threshold float8, inclusive bool) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset, float8, bool) IS
	'Total share of the names above threshold, or at or above it with inclusive, of a summary made by share_above_summary(weight, t [, incl]): above for threshold >= t; at or above for threshold > t, or >= t when the summary is inclusive, or threshold 0 (every name); other questions are errors';

CREATE FUNCTION count_above(summary weightset, threshold float8, inclusive bool) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset, float8, bool) IS
	'Number of names above threshold, or at or above it with inclusive, of a summary made by share_above_summary(weight, t [, incl]): above for threshold >= t; at or above for threshold > t, or >= t when the summary is inclusive, or threshold 0 (every name); other questions are errors';

CREATE FUNCTION top_contribution(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_contribution(weightset) IS
	'Share of the weighted return from the n largest weights (the n the summary keeps) of a summary made by top_contribution_summary (or rollup of such summaries)';

CREATE FUNCTION top_contribution(summary weightset, n int4) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_contribution(weightset, int4) IS
	'Share of the weighted return from the n largest weights of a summary made by top_contribution_summary(weight, ret, k) (or rollup of such summaries), for n up to k; a larger n is an error';

CREATE FUNCTION names_to_match(summary weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION names_to_match(weightset) IS
	'How many of the smallest names weigh at least as much as the n_largest largest (the summary''s n_largest) of a summary made by names_to_match_summary (or rollup of such summaries)';

CREATE FUNCTION names_to_match(summary weightset, n_largest int4) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION names_to_match(weightset, int4) IS
	'How many of the smallest names weigh at least as much as the n_largest largest of a summary made by names_to_match_summary (or rollup of such summaries): it keeps every weight, so any n_largest >= 1';

COMMENT ON AGGREGATE rollup(weightset) IS
	'Merges stored summaries of one kind and parameter (top_share_summary, share_above_summary, active_share_summary, top_contribution_summary, names_to_match_summary) into the summary of all their rows, exactly: read it with the accessor, e.g. top_share(rollup(s)); NULL for no rows';
COMMENT ON FUNCTION compound_return(exactsum) IS
	'Compound return of the returns of a summary made by compound_return_summary (or rollup of such summaries); with min_periods, NULL for fewer non-NULL returns than min_periods over all its rows';
COMMENT ON FUNCTION share_above(weightset) IS
	'Total share of the names above the threshold (at or above it for an inclusive summary) of a summary made by share_above_summary (or rollup of such summaries)';
COMMENT ON FUNCTION share_above(weightset, float8) IS
	'Total share of the names strictly above threshold of a summary made by share_above_summary(weight, t [, inclusive]) (or rollup of such summaries), for threshold >= t; a lower one is an error';
COMMENT ON FUNCTION count_above(weightset) IS
	'Number of names above the threshold (at or above it for an inclusive summary) of a summary made by share_above_summary (or rollup of such summaries)';
COMMENT ON FUNCTION count_above(weightset, float8) IS
	'Number of names strictly above threshold of a summary made by share_above_summary(weight, t [, inclusive]) (or rollup of such summaries), for threshold >= t; a lower one is an error';
