-- Upgrades: version 1.0 updated with ALTER EXTENSION UPDATE has exactly the
-- members of a fresh install (identity, arguments, result, volatility,
-- strictness, parallel safety, bodies, aggregate support functions and state
-- size estimates, columns, enum labels, triggers and comments).
SET client_min_messages = warning;

-- one line of facts per member of the extension
CREATE FUNCTION ta_members() RETURNS TABLE (member text, facts text)
LANGUAGE sql AS $$
  SELECT pg_describe_object(d.classid, d.objid, 0),
         concat_ws(' | ',
           (SELECT format('%s(%s) returns %s; kind %s, volatility %s, strict %s, parallel %s, security definer %s, config %s, body %s',
                          p.proname, pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid),
                          p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef, p.proconfig, md5(p.prosrc))
            FROM pg_proc p WHERE d.classid = 'pg_proc'::regclass AND p.oid = d.objid),
           (SELECT format('transition %s, final %s, combine %s, moving %s/%s/%s, state %s, initial %s, kind %s, final extra %s, state space %s',
                          a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
                          format_type(a.aggtranstype, NULL), a.agginitval, a.aggkind, a.aggfinalextra, a.aggtransspace)
            FROM pg_aggregate a WHERE d.classid = 'pg_proc'::regclass AND a.aggfnoid = d.objid),
           (SELECT string_agg(format('%s %s%s', at.attname, format_type(at.atttypid, at.atttypmod),
                                     CASE WHEN at.attnotnull THEN ' not null' END), ', ' ORDER BY at.attnum)
            FROM pg_attribute at WHERE d.classid = 'pg_class'::regclass AND at.attrelid = d.objid
              AND at.attnum > 0 AND NOT at.attisdropped),
           (SELECT string_agg(pg_get_triggerdef(t.oid), '; ' ORDER BY t.tgname)
            FROM pg_trigger t WHERE d.classid = 'pg_class'::regclass AND t.tgrelid = d.objid),
           (SELECT string_agg(pg_get_constraintdef(co.oid), '; ' ORDER BY co.conname)
            FROM pg_constraint co WHERE d.classid = 'pg_class'::regclass AND co.conrelid = d.objid),
           (SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
            FROM pg_enum e WHERE d.classid = 'pg_type'::regclass AND e.enumtypid = d.objid),
           'comment: ' || obj_description(d.objid, c.relname))
  FROM pg_depend d
  JOIN pg_class c ON c.oid = d.classid
  WHERE d.refclassid = 'pg_extension'::regclass
    AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tactalloc')
    AND d.deptype = 'e'
    -- array and row types (recorded as members on PostgreSQL 17 and later)
    AND NOT EXISTS (SELECT FROM pg_type t
                    WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                      AND (t.typrelid <> 0 OR (t.typelem <> 0 AND t.typlen = -1)))
$$;

DROP EXTENSION tactalloc;
CREATE EXTENSION tactalloc VERSION '1.0';
SELECT extversion AS installed FROM pg_extension WHERE extname = 'tactalloc';
ALTER EXTENSION tactalloc UPDATE;
SELECT extversion AS updated_to,
       extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'tactalloc') AS current
FROM pg_extension WHERE extname = 'tactalloc';
CREATE TEMP TABLE upgraded AS SELECT * FROM ta_members();
DROP EXTENSION tactalloc;
CREATE EXTENSION tactalloc;
CREATE TEMP TABLE fresh AS SELECT * FROM ta_members();

SELECT count(*) AS members, count(*) FILTER (WHERE facts LIKE '%comment: %') AS commented FROM fresh;
-- nothing differs (no rows)
SELECT 'only after the update' AS side, * FROM (SELECT * FROM upgraded EXCEPT SELECT * FROM fresh) AS a
UNION ALL
SELECT 'only in a fresh install', * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM upgraded) AS b
ORDER BY 2, 1;

-- the rest of the suite runs on the install test/run asks for: a fresh one,
-- or (tactalloc.upgrade_from set) one updated from that version
DROP EXTENSION tactalloc;
DO $$
BEGIN
    IF coalesce(current_setting('tactalloc.upgrade_from', true), '') = '' THEN
        CREATE EXTENSION tactalloc;
    ELSE
        EXECUTE format('CREATE EXTENSION tactalloc VERSION %L', current_setting('tactalloc.upgrade_from'));
    END IF;
END
$$;
ALTER EXTENSION tactalloc UPDATE;
DROP FUNCTION ta_members();
