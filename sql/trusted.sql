-- A trusted extension: a database owner who is not a superuser installs,
-- updates, uses and removes tactalloc, and cannot change its objects.
SET client_min_messages = warning;
SELECT current_database() AS regress_db, current_user AS regress_user \gset
CREATE ROLE ta_analyst LOGIN;
CREATE ROLE ta_reader LOGIN;
CREATE DATABASE ta_trusted OWNER ta_analyst;
\c ta_trusted ta_analyst
SET client_min_messages = warning;
-- the suite's expect_error, in this database
CREATE FUNCTION public.expect_error(sql text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT rolsuper AS analyst_is_superuser FROM pg_roles WHERE rolname = current_user;
CREATE SCHEMA analytics;
CREATE EXTENSION tactalloc VERSION '1.0' SCHEMA analytics;
ALTER EXTENSION tactalloc UPDATE;
SELECT extversion, extowner::regrole AS owner FROM pg_extension WHERE extname = 'tactalloc';
SET search_path = analytics, public;
-- use: aggregates, classifiers, the playbook
SELECT hhi(w), effective_n(w), top_share(w, 1) FROM (VALUES (0.5::float8), (0.3), (0.2)) AS v(w);
SELECT regime_classify(99.5, 0.2) AS regime;
SELECT asset, tilt FROM regime_tilts('recovery') WHERE asset IN ('equities', 'duration') ORDER BY asset;
-- the owner edits the playbook (the triggers record what is removed)
UPDATE regime_playbook SET tilt = 'overweight (house view)' WHERE regime = 'recovery' AND asset = 'duration';
DELETE FROM regime_playbook WHERE regime = 'slowdown' AND asset = 'USD';
SELECT tilt, shipped FROM regime_playbook WHERE regime = 'recovery' AND asset = 'duration';
SELECT count(*) AS removed FROM regime_playbook_removed;
-- the trigger that copies the playbook for regime_tilts() runs with the owner's rights
SELECT tilt AS owner_edit_read FROM regime_tilts('recovery') WHERE asset = 'duration';
-- what the owner cannot do: change the extension's objects, which the
-- bootstrap superuser owns
SELECT expect_error($$ALTER FUNCTION analytics._hhi_final(analytics.exactsum) VOLATILE$$) IS NOT NULL AS cannot_alter;
SELECT expect_error($$ALTER FUNCTION analytics._hhi_final(analytics.exactsum) VOLATILE$$) LIKE '42501:%' AS insufficient_privilege;
SELECT expect_error($$DROP FUNCTION analytics.regime_tilts(analytics.macro_regime)$$) LIKE '42501:%' OR
       expect_error($$DROP FUNCTION analytics.regime_tilts(analytics.macro_regime)$$) LIKE '2BP01:%' AS cannot_drop_a_member;
-- another user reads through the functions and the playbook, and cannot edit it
GRANT USAGE ON SCHEMA analytics TO ta_reader;
\c ta_trusted ta_reader
SET client_min_messages = warning;
SET search_path = analytics, public;
SELECT count(*) > 0 AS reader_sees_tilts FROM regime_tilts('recovery');
SELECT hhi(w) AS reader_hhi FROM (VALUES (1::float8), (1)) AS v(w);
SELECT expect_error($$UPDATE analytics.regime_playbook SET tilt = 'x'$$) LIKE '42501:%' AS reader_cannot_edit;
SELECT expect_error($$DELETE FROM analytics._regime_playbook_tilts$$) LIKE '42501:%' AS reader_cannot_edit_the_copy;
-- the owner removes the extension
\c ta_trusted ta_analyst
SET client_min_messages = warning;
DROP EXTENSION tactalloc;
SELECT count(*) AS left_behind FROM pg_extension WHERE extname = 'tactalloc';
\c :regress_db :regress_user
SET client_min_messages = warning;
DROP DATABASE ta_trusted;
DROP ROLE ta_analyst;
DROP ROLE ta_reader;
