-- exactsum: the transition state of every sum-based aggregate (src/exactsum.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE TYPE exactsum;

CREATE FUNCTION exactsum_in(cstring) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_in(cstring) IS
	'Text input of an exactsum state: validates every field and rejects malformed or truncated text';

CREATE FUNCTION exactsum_out(exactsum) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_out(exactsum) IS
	'Text output of an exactsum state: compact and canonical, round-trips exactly';

CREATE FUNCTION exactsum_recv(internal) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_recv(internal) IS
	'Binary input of an exactsum state (the text form as bytes), validated';

CREATE FUNCTION exactsum_send(exactsum) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_send(exactsum) IS
	'Binary output of an exactsum state (the text form as bytes)';

CREATE TYPE exactsum (
	INPUT = exactsum_in,
	OUTPUT = exactsum_out,
	RECEIVE = exactsum_recv,
	SEND = exactsum_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE exactsum IS
	'Transition state of tactalloc''s sum-based aggregates: a row count and exact sums that merge exactly under any plan';

CREATE FUNCTION exactsum_combine(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_combine(exactsum, exactsum) IS
	'Combine function of every exactsum aggregate: exact merge of two partial states';
