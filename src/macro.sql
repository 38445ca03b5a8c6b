-- Macro inputs: trend_ratio, growth_inflation and its playbook, curve_regime, diffusion (src/macro.c, src/playbook.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

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
