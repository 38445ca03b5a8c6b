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

-- share_above() and count_above() keep about 512 bytes per group at the end
-- (their states are pruned and shrunk as the total grows), not 4096: a hash
-- aggregate sizes its table by this estimate, and 4096 made it spill with a
-- thousand groups at the default work_mem.  CREATE AGGREGATE's SSPACE cannot
-- be altered, so the catalog row of each member is updated.
UPDATE pg_catalog.pg_aggregate AS a SET aggtransspace = 512
FROM pg_catalog.pg_proc AS p, pg_catalog.pg_depend AS d
WHERE a.aggfnoid OPERATOR(pg_catalog.=) p.oid
  AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['share_above', 'count_above']::pg_catalog.name[])
  AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND d.objid OPERATOR(pg_catalog.=) p.oid
  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND d.refobjid OPERATOR(pg_catalog.=) (SELECT e.oid FROM pg_catalog.pg_extension AS e
                                          WHERE e.extname OPERATOR(pg_catalog.=) 'tactalloc')
  AND d.deptype OPERATOR(pg_catalog.=) 'e';
