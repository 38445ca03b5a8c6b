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
-- deleting a row of your own is not recorded; recording a key twice is harmless
DELETE FROM regime_playbook WHERE regime = 'recovery' AND asset = 'gold';
INSERT INTO regime_playbook_removed VALUES ('slowdown', 'USD');
-- recording a shipped key by hand removes the shipped row
INSERT INTO regime_playbook_removed VALUES ('slowdown', 'credit');
SELECT count(*) AS slowdown_rows FROM regime_playbook WHERE regime = 'slowdown';
SELECT * FROM regime_playbook_removed ORDER BY regime, asset;
-- TRUNCATE records every shipped row
TRUNCATE regime_playbook;
SELECT count(*) AS removed_keys FROM regime_playbook_removed;
ROLLBACK;
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
