-- regime_playbook and regime_tilts(): the tilts a regime implies

-- the shipped rows, by regime
SELECT regime, count(*) AS tilts, bool_and(shipped) AS all_shipped
FROM regime_playbook GROUP BY regime ORDER BY regime;
SELECT * FROM regime_tilts('recovery');
SELECT * FROM regime_tilts('expansion');
SELECT * FROM regime_tilts('contraction');
-- the slowdown rows are tactalloc's own defaults and say so
SELECT asset, tilt, note LIKE 'tactalloc default, not a published tilt%' AS says_default
FROM regime_tilts('slowdown');
SELECT count(*) AS published_rows_claiming_default
FROM regime_playbook WHERE regime <> 'slowdown' AND note LIKE 'tactalloc default%';
-- strict; STABLE: it sees the table as the statement does
SELECT count(*) AS null_regime FROM regime_tilts(NULL);
-- the tilts of each region's current regime
SELECT l.region, l.regime, t.asset, t.tilt
FROM (VALUES ('Global', 'recovery'::macro_regime), ('Japan', 'expansion')) AS l(region, regime)
CROSS JOIN LATERAL regime_tilts(l.regime) AS t
WHERE t.asset IN ('equities vs bonds', 'duration')
ORDER BY l.region, t.asset;

-- regime_tilts() reads a copy of the playbook without triggers
-- (_regime_playbook_tilts, which distribute_playbooks() makes a reference
-- table on Citus); a trigger copies the playbook after every statement that
-- changes it.  copy_differs(): rows in one and not in the other.
CREATE FUNCTION pg_temp.copy_differs(schema text DEFAULT 'public', playbook text DEFAULT 'regime_playbook')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM ((SELECT regime, asset, tilt, note FROM %1$I.%2$I
	                EXCEPT ALL SELECT regime, asset, tilt, note FROM %1$I.%3$I)
	                UNION ALL (SELECT regime, asset, tilt, note FROM %1$I.%3$I
	                EXCEPT ALL SELECT regime, asset, tilt, note FROM %1$I.%2$I)) AS d',
	               schema, playbook, '_' || playbook || '_tilts') INTO n;
	RETURN n;
END
$$;
SELECT count(*) AS copied_rows, pg_temp.copy_differs() AS differs FROM _regime_playbook_tilts;

-- editing: rows you change or add are yours (shipped = false); shipped rows
-- you delete, change or replace are remembered in regime_playbook_removed
BEGIN;
UPDATE regime_playbook SET tilt = 'overweight (house view)' WHERE regime = 'recovery' AND asset = 'duration';
INSERT INTO regime_playbook (regime, asset, tilt, note) VALUES ('recovery', 'gold', 'underweight', 'house view');
INSERT INTO regime_playbook (regime, asset, tilt, note, shipped) VALUES ('expansion', 'USD', 'neutral', 'replaces the shipped row', true);
DELETE FROM regime_playbook WHERE regime = 'slowdown' AND asset = 'USD';
UPDATE regime_playbook SET asset = 'inflation-linked bonds' WHERE regime = 'contraction' AND asset = 'duration';
-- an update that changes nothing keeps the row shipped, and shipped cannot be set by hand
UPDATE regime_playbook SET tilt = tilt WHERE regime = 'expansion' AND asset = 'credit';
UPDATE regime_playbook SET shipped = true WHERE regime = 'recovery' AND asset = 'gold';
SELECT regime, asset, tilt, shipped FROM regime_playbook WHERE NOT shipped ORDER BY regime, asset;
SELECT * FROM regime_playbook_removed ORDER BY regime, asset;
SELECT asset, tilt FROM regime_tilts('recovery');
SELECT count(*) AS rows, count(*) FILTER (WHERE shipped) AS shipped FROM regime_playbook;
SELECT pg_temp.copy_differs() AS copy_differs_after_edits;
-- deleting a row of your own is not recorded; recording a key twice is harmless
DELETE FROM regime_playbook WHERE regime = 'recovery' AND asset = 'gold';
INSERT INTO regime_playbook_removed VALUES ('slowdown', 'USD');
-- recording a shipped key by hand removes the shipped row
INSERT INTO regime_playbook_removed VALUES ('slowdown', 'credit');
SELECT count(*) AS slowdown_rows FROM regime_playbook WHERE regime = 'slowdown';
SELECT * FROM regime_playbook_removed ORDER BY regime, asset;
SELECT pg_temp.copy_differs() AS copy_differs_after_removals;
-- TRUNCATE records every shipped row
TRUNCATE regime_playbook;
SELECT count(*) AS removed_keys FROM regime_playbook_removed;
SELECT count(*) AS copied_after_truncate FROM _regime_playbook_tilts;
ROLLBACK;
SELECT count(*) AS copied_rows, pg_temp.copy_differs() AS differs FROM _regime_playbook_tilts;
-- distribute_playbooks() makes the copies reference tables on Citus; without
-- Citus it is an error
SELECT expect_error($$SELECT * FROM distribute_playbooks()$$);
-- the primary key still applies between rows of your own
BEGIN;
INSERT INTO regime_playbook (regime, asset, tilt) VALUES ('recovery', 'gold', 'underweight');
SELECT expect_error($$INSERT INTO regime_playbook (regime, asset, tilt) VALUES ('recovery', 'gold', 'overweight')$$);
ROLLBACK;

-- both tables are dumped with the extension: the user rows and every removal
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(reloid, cond)
JOIN pg_class c ON c.oid = x.reloid
WHERE e.extname = 'tactalloc' ORDER BY c.relname;

-- relocatable: regime_tilts and the triggers find the tables in the
-- extension's schema, even off the search_path
CREATE SCHEMA ta_moved;
ALTER EXTENSION tactalloc SET SCHEMA ta_moved;
SET search_path = pg_catalog;
SELECT count(*) AS recovery_tilts FROM ta_moved.regime_tilts('recovery');
BEGIN;
UPDATE ta_moved.regime_playbook SET tilt = 'neutral' WHERE regime = 'expansion' AND asset = 'USD';
INSERT INTO ta_moved.regime_playbook (regime, asset, tilt) VALUES ('expansion', 'equity size', 'small caps');
SELECT regime, asset FROM ta_moved.regime_playbook_removed ORDER BY 1, 2;
SELECT asset, tilt FROM ta_moved.regime_tilts('expansion') WHERE asset IN ('USD', 'equity size');
SELECT pg_temp.copy_differs('ta_moved') AS copy_differs_moved;
ROLLBACK;
-- a table of the same name earlier on the search_path is not read
CREATE TEMP TABLE regime_playbook (regime text, asset text, tilt text, note text);
INSERT INTO regime_playbook VALUES ('recovery', 'decoy', 'decoy', 'decoy');
SET search_path = pg_temp, pg_catalog;
SELECT count(*) AS recovery_tilts, count(*) FILTER (WHERE asset = 'decoy') AS decoys FROM ta_moved.regime_tilts('recovery');
DROP TABLE pg_temp.regime_playbook;
RESET search_path;
ALTER EXTENSION tactalloc SET SCHEMA public;
DROP SCHEMA ta_moved;
SELECT count(*) AS recovery_tilts FROM regime_tilts('recovery');

-- search_path: nothing regime_tilts or the playbook triggers run resolves
-- through the caller's search_path.  A schema ahead of pg_catalog holds
-- hostile look-alikes of everything they use: "=" for macro_regime, text and
-- boolean, "<" for text, functions named format and regime_tilts, types
-- named text and bool, tables named like the playbook's; pg_temp holds
-- tables of the same names.  Each hostile function raises, so
-- any of them running fails the statement.  The test's own statements
-- qualify their operators.
CREATE SCHEMA evil;
CREATE FUNCTION evil.hijack_regime(a macro_regime, b macro_regime) RETURNS boolean
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: = (macro_regime) as %', current_user; END$$;
CREATE FUNCTION evil.hijack_text(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: text operator as %', current_user; END$$;
CREATE FUNCTION evil.hijack_bool(a boolean, b boolean) RETURNS boolean
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: = (boolean) as %', current_user; END$$;
CREATE OPERATOR evil.= (LEFTARG = macro_regime, RIGHTARG = macro_regime, FUNCTION = evil.hijack_regime);
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.hijack_text);
CREATE OPERATOR evil.< (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.hijack_text);
CREATE OPERATOR evil.= (LEFTARG = boolean, RIGHTARG = boolean, FUNCTION = evil.hijack_bool);
CREATE FUNCTION evil.format(text, name) RETURNS text
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: format as %', current_user; END$$;
CREATE FUNCTION evil.format(text) RETURNS text
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: format as %', current_user; END$$;
CREATE FUNCTION evil.regime_tilts(macro_regime) RETURNS TABLE (asset text, tilt text, note text)
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: regime_tilts as %', current_user; END$$;
CREATE DOMAIN evil.text AS varchar CHECK (evil.hijack_text(VALUE::pg_catalog.text, ''));
CREATE DOMAIN evil.bool AS pg_catalog.bool CHECK (evil.hijack_bool(VALUE, true));
CREATE TABLE evil.regime_playbook (regime macro_regime, asset text, tilt text, note text, shipped boolean);
CREATE TABLE evil.regime_playbook_removed (regime macro_regime, asset text);
CREATE TABLE evil._regime_playbook_tilts (regime macro_regime, asset text, tilt text, note text);
CREATE FUNCTION evil.no_writes() RETURNS trigger
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked: % on %.%', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME; END$$;
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON evil.regime_playbook
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON evil.regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON evil._regime_playbook_tilts
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
CREATE TEMP TABLE regime_playbook (regime macro_regime, asset text, tilt text, note text, shipped boolean);
CREATE TEMP TABLE regime_playbook_removed (regime macro_regime, asset text);
CREATE TEMP TABLE _regime_playbook_tilts (regime macro_regime, asset text, tilt text, note text);
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON pg_temp._regime_playbook_tilts
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON pg_temp.regime_playbook
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
CREATE TRIGGER no_writes BEFORE INSERT OR UPDATE OR DELETE ON pg_temp.regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION evil.no_writes();
-- the hostile objects are live: an unqualified comparison in this session runs them
SET search_path = pg_temp, evil, pg_catalog, public;
SELECT expect_error($$SELECT 'recovery'::public.macro_regime = 'recovery'::public.macro_regime$$);
SELECT expect_error($$SELECT 'a'::pg_catalog.text = 'a'::pg_catalog.text$$);
SELECT expect_error($$SELECT format('%I', 'x'::name)$$);
SELECT expect_error($$SELECT * FROM regime_tilts('recovery')$$);
-- regime_tilts, with the hostile schema and pg_temp first and last
SELECT asset, tilt FROM public.regime_tilts('recovery');
SET search_path = public, evil;
SELECT asset, tilt FROM public.regime_tilts('contraction');
-- every trigger path: insert, update (changed and unchanged), delete and
-- truncate of the playbook, and inserts into regime_playbook_removed
SET search_path = pg_temp, evil, pg_catalog, public;
BEGIN;
INSERT INTO public.regime_playbook (regime, asset, tilt, note)
VALUES ('recovery', 'gold', 'underweight', 'house view'), ('expansion', 'USD', 'neutral', 'replaces the shipped row');
UPDATE public.regime_playbook SET tilt = 'overweight (house view)'
WHERE regime OPERATOR(pg_catalog.=) 'recovery' AND asset OPERATOR(pg_catalog.=) 'duration';
UPDATE public.regime_playbook SET note = NULL
WHERE regime OPERATOR(pg_catalog.=) 'recovery' AND asset OPERATOR(pg_catalog.=) 'credit';
UPDATE public.regime_playbook SET tilt = tilt
WHERE regime OPERATOR(pg_catalog.=) 'expansion' AND asset OPERATOR(pg_catalog.=) 'credit';
DELETE FROM public.regime_playbook
WHERE regime OPERATOR(pg_catalog.=) 'slowdown' AND asset OPERATOR(pg_catalog.=) 'USD';
INSERT INTO public.regime_playbook_removed VALUES ('slowdown', 'USD'), ('contraction', 'credit');
SELECT regime, asset, tilt, shipped FROM public.regime_playbook
WHERE NOT shipped ORDER BY regime, asset USING OPERATOR(pg_catalog.<);
SELECT regime, asset FROM public.regime_playbook_removed ORDER BY regime, asset USING OPERATOR(pg_catalog.<);
TRUNCATE public.regime_playbook;
SELECT pg_catalog.count(*) AS removed_after_truncate FROM public.regime_playbook_removed;
SELECT pg_catalog.count(*) AS hostile_rows FROM evil.regime_playbook;
SELECT pg_catalog.count(*) AS temp_rows FROM pg_temp.regime_playbook;
SELECT pg_catalog.count(*) AS hostile_copy_rows FROM evil._regime_playbook_tilts;
SELECT pg_catalog.count(*) AS temp_copy_rows FROM pg_temp._regime_playbook_tilts;
ROLLBACK;
-- the same with the hostile schema after the extension's, and pg_catalog
-- implicit (the temporary tables come first for unqualified table names)
SET search_path = public, evil;
BEGIN;
INSERT INTO public.regime_playbook (regime, asset, tilt, note) VALUES ('slowdown', 'gold', 'overweight', NULL);
UPDATE public.regime_playbook SET note = 'changed' WHERE asset OPERATOR(pg_catalog.=) 'gold';
DELETE FROM public.regime_playbook WHERE asset OPERATOR(pg_catalog.=) 'equity style';
SELECT regime, asset FROM public.regime_playbook_removed ORDER BY regime, asset USING OPERATOR(pg_catalog.<);
TRUNCATE public.regime_playbook;
SELECT pg_catalog.count(*) AS removed_after_truncate FROM public.regime_playbook_removed;
ROLLBACK;
RESET search_path;
DROP TABLE pg_temp.regime_playbook, pg_temp.regime_playbook_removed, pg_temp._regime_playbook_tilts;
-- and nothing above changed the playbook
SELECT count(*) AS rows, count(*) FILTER (WHERE shipped) AS shipped FROM regime_playbook;
SELECT count(*) AS removed FROM regime_playbook_removed;
SET client_min_messages = warning;
DROP SCHEMA evil CASCADE;
RESET client_min_messages;

-- growth_inflation_playbook: the Investment Clock's tilts of each quadrant,
-- read by growth_inflation_tilts(), kept and edited the same way (in a
-- transaction rolled back at the end: later tests read the shipped rows)
RESET ALL;
RESET search_path;
BEGIN;
SELECT regime, asset, tilt FROM growth_inflation_playbook ORDER BY regime, asset;
SELECT * FROM growth_inflation_tilts('goldilocks');
SELECT count(*) AS rows FROM growth_inflation_tilts('stagflation');
SELECT count(*) AS rows_for_null FROM growth_inflation_tilts(NULL);
-- edits: a changed tilt, a deleted row, a user row; the triggers record
-- what is gone in growth_inflation_playbook_removed, not in regime's
UPDATE growth_inflation_playbook SET tilt = 'overweight equities (house view)'
WHERE regime = 'goldilocks' AND asset = 'asset class';
DELETE FROM growth_inflation_playbook WHERE regime = 'overheat' AND asset = 'equity sectors';
INSERT INTO growth_inflation_playbook (regime, asset, tilt, note) VALUES ('reflation', 'duration', 'overweight', 'house view');
SELECT regime, asset, tilt, shipped FROM growth_inflation_playbook
WHERE NOT shipped OR regime = 'overheat' ORDER BY regime, asset;
SELECT regime, asset FROM growth_inflation_playbook_removed ORDER BY 1, 2;
SELECT count(*) AS regime_removals_unchanged FROM regime_playbook_removed
WHERE regime::text IN ('goldilocks', 'overheat', 'stagflation', 'reflation');
-- its own copy follows it, regime_playbook's does not move
SELECT pg_temp.copy_differs('public', 'growth_inflation_playbook') AS gi_copy_differs,
       pg_temp.copy_differs() AS regime_copy_differs,
       (SELECT count(*) FROM _regime_playbook_tilts) AS regime_copy_rows;
-- an inserted row replaces the shipped row of its key
INSERT INTO growth_inflation_playbook (regime, asset, tilt) VALUES ('reflation', 'asset class', 'overweight long bonds');
SELECT tilt, shipped FROM growth_inflation_playbook WHERE regime = 'reflation' AND asset = 'asset class';
-- a hostile "=" for growth_inflation on the search_path never runs inside
CREATE SCHEMA gi_evil;
CREATE FUNCTION gi_evil.eq(a growth_inflation, b growth_inflation) RETURNS boolean LANGUAGE plpgsql
AS $$BEGIN RAISE EXCEPTION 'hijacked'; END$$;
CREATE OPERATOR gi_evil.= (LEFTARG = growth_inflation, RIGHTARG = growth_inflation, FUNCTION = gi_evil.eq);
SET search_path = gi_evil, public;
SELECT count(*) AS tilts_read_safely FROM growth_inflation_tilts('overheat');
UPDATE growth_inflation_playbook SET note = 'checked' WHERE asset = 'asset class' AND tilt = 'overweight commodities';
DELETE FROM growth_inflation_playbook WHERE asset = 'duration';
TRUNCATE growth_inflation_playbook;
SELECT count(*) AS removed_after_truncate FROM growth_inflation_playbook_removed;
SELECT count(*) AS copied_after_truncate FROM _growth_inflation_playbook_tilts;
RESET search_path;
ROLLBACK;
SELECT count(*) AS shipped_rows_back FROM growth_inflation_playbook WHERE shipped;
