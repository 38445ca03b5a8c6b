-- Macro regime: regime_classify, regime_track, regime_shifts, oecd_phase, the playbook, liquidity_stance (src/regime.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE TYPE macro_regime AS ENUM ('recovery', 'expansion', 'slowdown', 'contraction');
COMMENT ON TYPE macro_regime IS
	'Macro regime of a leading indicator, in cycle order: recovery (below trend, improving), expansion (above, improving), slowdown (above, deteriorating), contraction (below, deteriorating)';

CREATE FUNCTION regime_classify(level float8, change float8, trend float8 DEFAULT 100)
	RETURNS macro_regime
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_classify(float8, float8, float8) IS
	'Macro regime of one leading-indicator reading: level >= trend is at/above trend, change > 0 improving, < 0 deteriorating; change = 0 gives NULL';

-- regime_track: the confirmed regime of an ordered series. Aggregates take
-- no DEFAULT arguments, so the SPEC's defaults (confirm 1, trend 100) are
-- three overloads sharing one state (a float8[]) and one combine function.

CREATE FUNCTION _regime_track_accum(float8[], float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'regime_track_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8) IS
	'Internal: transition function of regime_track(level, change): confirm 1, trend 100';

CREATE FUNCTION _regime_track_accum(float8[], float8, float8, integer) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'regime_track_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8, integer) IS
	'Internal: transition function of regime_track(level, change, confirm): trend 100';

CREATE FUNCTION _regime_track_accum(float8[], float8, float8, integer, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'regime_track_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _regime_track_accum(float8[], float8, float8, integer, float8) IS
	'Internal: transition function of regime_track(level, change, confirm, trend)';

CREATE FUNCTION _regime_track_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'regime_track_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _regime_track_combine(float8[], float8[]) IS
	'Internal: combine function of regime_track: the first state''s readings followed by the second''s';

CREATE FUNCTION _regime_track_final(float8[]) RETURNS macro_regime
	AS 'MODULE_PATHNAME', 'regime_track_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _regime_track_final(float8[]) IS
	'Internal: final function of regime_track: the confirmed regime, NULL until the first is confirmed';

CREATE AGGREGATE regime_track(level float8, change float8) (
	SFUNC = _regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = _regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = _regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8) IS
	'Macro regime of a leading-indicator series read in order (use OVER (PARTITION BY region ORDER BY as_of)): a flat change keeps the previous direction; trend 100';

CREATE AGGREGATE regime_track(level float8, change float8, confirm integer) (
	SFUNC = _regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = _regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = _regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8, integer) IS
	'Macro regime of a series read in order, reported only after confirm consecutive readings of a new regime (NULL until the first is confirmed); trend 100';

CREATE AGGREGATE regime_track(level float8, change float8, confirm integer, trend float8) (
	SFUNC = _regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = _regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = _regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8, integer, float8) IS
	'Macro regime of a series read in order against a given trend, reported only after confirm consecutive readings of a new regime';

-- regime_shifts: changes between consecutive non-NULL regimes; the state is
-- {first, last, shifts} so that partial states combine in order.

CREATE FUNCTION _regime_shifts_accum(bigint[], macro_regime) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'regime_shifts_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _regime_shifts_accum(bigint[], macro_regime) IS
	'Internal: transition function of regime_shifts: state {first, last, shifts}, regimes as positions 0..3 (-1 before any)';

CREATE FUNCTION _regime_shifts_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'regime_shifts_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _regime_shifts_combine(bigint[], bigint[]) IS
	'Internal: combine function of regime_shifts: a.shifts + b.shifts + (a.last <> b.first)';

CREATE FUNCTION _regime_shifts_final(bigint[]) RETURNS bigint
	AS 'MODULE_PATHNAME', 'regime_shifts_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _regime_shifts_final(bigint[]) IS
	'Internal: final function of regime_shifts: the number of shifts, NULL when no regime was read';

CREATE AGGREGATE regime_shifts(regime macro_regime) (
	SFUNC = _regime_shifts_accum,
	STYPE = bigint[],
	INITCOND = '{-1,-1,0}',
	FINALFUNC = _regime_shifts_final,
	COMBINEFUNC = _regime_shifts_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_shifts(macro_regime) IS
	'Number of changes between consecutive non-NULL regimes (use ORDER BY as_of in the call); NULL when there is none';

-- oecd_phase: the quadrants under the OECD CLI names

CREATE TYPE oecd_phase AS ENUM ('recovery', 'expansion', 'downturn', 'slowdown');
COMMENT ON TYPE oecd_phase IS
	'Phase of an OECD composite leading indicator, in cycle order: recovery (below trend, rising), expansion (above, rising), downturn (above, falling), slowdown (below, falling); OECD slowdown is macro_regime contraction';

CREATE FUNCTION oecd_phase(level float8, change float8, trend float8 DEFAULT 100)
	RETURNS oecd_phase
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION oecd_phase(float8, float8, float8) IS
	'OECD phase of one leading-indicator reading: expansion, downturn, slowdown or recovery; change = 0 gives NULL. OECD slowdown (below trend, falling) is macro_regime contraction';

-- regime_playbook: the tilts each regime implies. The extension ships
-- default rows (shipped = true); rows a user inserts or changes have
-- shipped = false and are kept by pg_dump (pg_extension_config_dump with
-- WHERE NOT shipped). Shipped keys a user deleted, changed or replaced are
-- remembered in regime_playbook_removed (dumped whole), so a restore, which
-- re-creates the shipped rows with CREATE EXTENSION, removes them again.
-- The triggers are created after the shipped rows are inserted; a later
-- upgrade script that ships rows must insert them with shipped = true and
-- the triggers disabled.

CREATE TABLE regime_playbook (
	regime macro_regime NOT NULL,
	asset text NOT NULL,
	tilt text NOT NULL,
	note text,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE regime_playbook IS
	'Tilts each macro regime implies (regime_tilts() reads it): published defaults shipped with tactalloc, editable; your rows and edits are kept by pg_dump';
COMMENT ON COLUMN regime_playbook.regime IS 'The macro regime';
COMMENT ON COLUMN regime_playbook.asset IS 'What is tilted: equities vs bonds, equity style, equity size, equity sectors, credit, duration, USD, ...';
COMMENT ON COLUMN regime_playbook.tilt IS 'The tilt, e.g. overweight, underweight, neutral, value';
COMMENT ON COLUMN regime_playbook.note IS 'Where the tilt comes from and how to implement it';
COMMENT ON COLUMN regime_playbook.shipped IS 'True while the row is as tactalloc shipped it; maintained by triggers (rows you insert or change are false)';

INSERT INTO regime_playbook (regime, asset, tilt, note, shipped) VALUES
  ('recovery', 'equities vs bonds', 'overweight equities', 'Published recovery tilts: equities over bonds.', true),
  ('recovery', 'equity style', 'value', 'Published recovery tilts: value over growth.', true),
  ('recovery', 'equity sectors', 'cyclicals', 'Published recovery tilts: cyclical over defensive sectors.', true),
  ('recovery', 'equity size', 'small and mid caps', 'Published recovery tilts: small and mid caps over large caps.', true),
  ('recovery', 'credit', 'overweight risky credit', 'Published recovery tilts: risky credit, measured by DTS (dts()).', true),
  ('recovery', 'duration', 'neutral', 'Published recovery tilts: neutral duration.', true),
  ('recovery', 'USD', 'underweight', 'Published recovery tilts: underweight the US dollar.', true),
  ('expansion', 'equities vs bonds', 'overweight equities (larger)', 'Published expansion tilts: a larger equity overweight than in recovery.', true),
  ('expansion', 'equity style', 'value', 'Published expansion tilts: value over growth.', true),
  ('expansion', 'equity size', 'mid caps', 'Published expansion tilts: mid caps.', true),
  ('expansion', 'credit', 'overweight risky credit', 'Published expansion tilts: risky credit, measured by DTS (dts()).', true),
  ('expansion', 'duration', 'underweight', 'Published expansion tilts: duration underweight.', true),
  ('expansion', 'USD', 'underweight', 'Published expansion tilts: underweight the US dollar.', true),
  ('slowdown', 'equities vs bonds', 'neutral', 'tactalloc default, not a published tilt: take the equity overweight back to neutral as growth decelerates above trend.', true),
  ('slowdown', 'equity style', 'quality', 'tactalloc default, not a published tilt: quality over value late in the cycle.', true),
  ('slowdown', 'equity size', 'large caps', 'tactalloc default, not a published tilt: large caps over small caps.', true),
  ('slowdown', 'credit', 'underweight risky credit', 'tactalloc default, not a published tilt: reduce DTS as spreads tend to widen.', true),
  ('slowdown', 'duration', 'neutral', 'tactalloc default, not a published tilt: neutral duration ahead of a contraction.', true),
  ('slowdown', 'USD', 'neutral', 'tactalloc default, not a published tilt: neutral US dollar.', true),
  ('contraction', 'equities vs bonds', 'overweight bonds', 'Published contraction tilts: bonds over equities.', true),
  ('contraction', 'equity style', 'quality and low volatility', 'Published contraction tilts: quality and low-volatility equities.', true),
  ('contraction', 'duration', 'overweight', 'Published contraction tilts: duration overweight, through inflation-linked bonds.', true),
  ('contraction', 'credit', 'underweight', 'Published contraction tilts: credit underweight.', true);

CREATE TABLE regime_playbook_removed (
	regime macro_regime NOT NULL,
	asset text NOT NULL,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE regime_playbook_removed IS
	'Shipped regime_playbook rows you deleted, changed or replaced: kept by pg_dump so a restore does not bring the shipped rows back; delete a row here and reinstall to get a shipped row back';
COMMENT ON COLUMN regime_playbook_removed.regime IS 'The macro regime of the removed shipped row';
COMMENT ON COLUMN regime_playbook_removed.asset IS 'The asset of the removed shipped row';

SELECT pg_catalog.pg_extension_config_dump('regime_playbook', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('regime_playbook_removed', '');

-- Trusted install: a database owner who is not a superuser can create the
-- extension.  Whoever may call regime_tilts may read the playbook it reads;
-- the extension's owner (who ran CREATE EXTENSION) edits the playbook, and
-- the playbook triggers record removals with the editor's rights.
GRANT SELECT ON regime_playbook, regime_playbook_removed TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON regime_playbook, regime_playbook_removed TO @extowner@;

-- The trigger functions find both tables in the schema of the table that
-- fired them (TG_TABLE_SCHEMA), so they follow ALTER EXTENSION SET SCHEMA.
-- They resolve nothing through the caller's search_path: every operator,
-- function and type is qualified by pg_catalog, and they run with
-- search_path pg_catalog, pg_temp (row comparisons such as IS DISTINCT FROM
-- look "=" up by name, so they are spelled out with qualified operators).

CREATE FUNCTION _regime_playbook_guard() RETURNS trigger
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
COMMENT ON FUNCTION _regime_playbook_guard() IS
	'Internal: trigger of the playbook tables regime_playbook and growth_inflation_playbook (before insert or update): rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';

CREATE FUNCTION _regime_playbook_forget() RETURNS trigger
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
COMMENT ON FUNCTION _regime_playbook_forget() IS
	'Internal: trigger of the playbook tables (after delete or update, before truncate): records shipped rows that are gone in the table''s removals table (<name>_removed)';

CREATE FUNCTION _regime_playbook_remove() RETURNS trigger
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
COMMENT ON FUNCTION _regime_playbook_remove() IS
	'Internal: trigger of the playbooks'' removals tables (before and after insert): skips a key recorded already, and deletes the shipped playbook row of a new one';

CREATE TRIGGER regime_playbook_guard BEFORE INSERT OR UPDATE ON regime_playbook
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_guard();
COMMENT ON TRIGGER regime_playbook_guard ON regime_playbook IS
	'Rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
CREATE TRIGGER regime_playbook_forget AFTER DELETE OR UPDATE ON regime_playbook
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_forget();
COMMENT ON TRIGGER regime_playbook_forget ON regime_playbook IS
	'Records shipped rows that were deleted or changed in regime_playbook_removed';
CREATE TRIGGER regime_playbook_forget_all BEFORE TRUNCATE ON regime_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION _regime_playbook_forget();
COMMENT ON TRIGGER regime_playbook_forget_all ON regime_playbook IS
	'Records every shipped row in regime_playbook_removed before a TRUNCATE';
CREATE TRIGGER regime_playbook_remove_once BEFORE INSERT ON regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_remove();
COMMENT ON TRIGGER regime_playbook_remove_once ON regime_playbook_removed IS
	'Skips a key that is recorded already';
CREATE TRIGGER regime_playbook_remove AFTER INSERT ON regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION _regime_playbook_remove();
COMMENT ON TRIGGER regime_playbook_remove ON regime_playbook_removed IS
	'Deletes the shipped regime_playbook row of a newly recorded key';

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

CREATE FUNCTION regime_tilts(regime macro_regime)
	RETURNS TABLE (asset text, tilt text, note text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION regime_tilts(macro_regime) IS
	'The tilts regime_playbook gives for a regime (asset, tilt, note), by asset; STABLE: it reads the table';

-- liquidity_stance: central-bank liquidity from the balance sheet and rates

CREATE TYPE liquidity_stance AS ENUM ('easing', 'tightening', 'mixed', 'neutral');
COMMENT ON TYPE liquidity_stance IS
	'Central-bank liquidity: easing, tightening, mixed (balance sheet and rates point opposite ways) or neutral (both flat)';

CREATE FUNCTION liquidity_stance(balance_sheet_change float8, policy_rate_change float8)
	RETURNS liquidity_stance
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION liquidity_stance(float8, float8) IS
	'Liquidity stance: easing (balance sheet not shrinking, rates not rising), tightening (not growing, not falling), mixed (opposite ways, e.g. run-off while cutting), neutral (both flat)';

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
