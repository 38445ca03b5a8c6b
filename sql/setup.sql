-- Installing, relocating and listing the extension; test helpers.
SET client_min_messages = warning;

-- any schema: install into one, use it, move it, reinstall
CREATE SCHEMA ta_elsewhere;
CREATE EXTENSION tactalloc SCHEMA ta_elsewhere;
SELECT ta_elsewhere.hhi(w) FROM (VALUES (0.5::float8), (0.5)) AS v(w);
SELECT ta_elsewhere.regime_classify(99.5, 0.2);
ALTER EXTENSION tactalloc SET SCHEMA public;
SELECT hhi(w) FROM (VALUES (0.5::float8), (0.5)) AS v(w);
DROP EXTENSION tactalloc;
DROP SCHEMA ta_elsewhere;
CREATE EXTENSION tactalloc;

-- every member of the extension, and whether it has a comment
SELECT pg_describe_object(d.classid, d.objid, 0) AS member,
       obj_description(d.objid, c.relname) IS NOT NULL AS commented
FROM pg_depend d
JOIN pg_class c ON c.oid = d.classid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tactalloc')
  AND d.deptype = 'e'
  -- PostgreSQL 17 and later also record the array types and the tables' row
  -- types, which come with their type or table: leave them out everywhere
  AND NOT EXISTS (SELECT FROM pg_type t
                  WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                    AND (t.typrelid <> 0 OR (t.typelem <> 0 AND t.typlen = -1)))
ORDER BY 1;

-- expect_error(sql): 'SQLSTATE: message' (with the detail and hint) of the
-- error sql raises, so tests assert the SQLSTATE as well as the text.
CREATE FUNCTION expect_error(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    msg text;
    detail text;
    hint text;
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL,
                            hint = PG_EXCEPTION_HINT;
    RETURN SQLSTATE || ': ' || msg
        || CASE WHEN detail <> '' THEN ' | DETAIL: ' || detail ELSE '' END
        || CASE WHEN hint <> '' THEN ' | HINT: ' || hint ELSE '' END;
END
$$;

-- same_bits(a, b): true when two doubles are identical to the last bit
CREATE FUNCTION same_bits(a float8, b float8) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT float8send(a) = float8send(b) $$;

-- exact_numeric(x), exact_ulp(x): the exact value of a double and of its unit
-- in the last place, as numeric (the exact oracle of the accuracy tests).
-- PL/pgSQL with simple expressions: evaluated where they are called, never
-- planned as a query of their own (so never sent to a parallel worker on
-- every call, which makes numeric powers very slow on some majors).
CREATE FUNCTION exact_numeric(x float8) RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    b bigint := ('x' || encode(float8send(x), 'hex'))::bit(64)::bigint;
    ex int := (b >> 52) & 2047;
    m numeric := CASE WHEN ex = 0 THEN b & 4503599627370495 ELSE (b & 4503599627370495) + 4503599627370496 END;
    e int := CASE WHEN ex = 0 THEN -1074 ELSE ex - 1075 END;
BEGIN
    IF b < 0 THEN
        m := -m;
    END IF;
    -- trim_scale: the same display on every major (numeric ^ keeps more
    -- trailing zeros on some)
    IF e >= 0 THEN
        RETURN trim_scale(m * 2::numeric ^ e);
    END IF;
    RETURN trim_scale(m * 5::numeric ^ (-e) * ('1e' || e)::numeric);
END
$$;
CREATE FUNCTION exact_ulp(x float8) RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    e int := greatest(((('x' || encode(float8send(x), 'hex'))::bit(64)::bigint >> 52) & 2047) - 1075, -1074);
BEGIN
    IF e >= 0 THEN
        RETURN trim_scale(2::numeric ^ e);
    END IF;
    RETURN trim_scale(5::numeric ^ (-e) * ('1e' || e)::numeric);
END
$$;

-- det_random(): a pseudo-random double in [0, 1) that is the same on every
-- major (random() changed its generator in PostgreSQL 15), from a stable
-- hash of a counter; det_setseed(n) restarts the sequence at n.
CREATE SEQUENCE det_random_counter;
CREATE FUNCTION det_setseed(seed bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM setval('det_random_counter', seed, false);
END
$$;
CREATE FUNCTION det_random() RETURNS float8 LANGUAGE sql VOLATILE AS $$
  SELECT (hashint8extended(nextval('det_random_counter'), 20261126) & 9007199254740991)::float8 / 9007199254740992.0
$$;
SELECT det_setseed(1);
SELECT min(r) >= 0 AND max(r) < 1 AS in_unit_interval, abs(avg(r) - 0.5) < 0.01 AS centred,
       count(DISTINCT r) AS distinct_values
FROM (SELECT det_random() AS r FROM generate_series(1, 10000)) AS s;

-- plan_shape(sql): the lines of EXPLAIN (COSTS OFF) of sql, without the
-- "Window:" lines PostgreSQL 18 adds, so plans read the same on every major
CREATE FUNCTION plan_shape(sql text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || sql LOOP
        IF line !~ '^\s*Window: ' THEN
            RETURN NEXT line;
        END IF;
    END LOOP;
END
$$;
