-- exactsum: the transition state of every sum-based aggregate (src/exactsum.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE TYPE exactsum;

CREATE FUNCTION _exactsum_in(cstring) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_in(cstring) IS
	'Internal: text input of an exactsum state: validates every field and rejects malformed or truncated text';

CREATE FUNCTION _exactsum_out(exactsum) RETURNS cstring
	AS 'MODULE_PATHNAME', 'exactsum_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_out(exactsum) IS
	'Internal: text output of an exactsum state: compact and canonical, round-trips exactly';

CREATE FUNCTION _exactsum_recv(internal) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_recv(internal) IS
	'Internal: binary input of an exactsum state (the text form as bytes), validated';

CREATE FUNCTION _exactsum_send(exactsum) RETURNS bytea
	AS 'MODULE_PATHNAME', 'exactsum_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_send(exactsum) IS
	'Internal: binary output of an exactsum state (the text form as bytes)';

CREATE TYPE exactsum (
	INPUT = _exactsum_in,
	OUTPUT = _exactsum_out,
	RECEIVE = _exactsum_recv,
	SEND = _exactsum_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE exactsum IS
	'Transition state of tactalloc''s sum-based aggregates: a row count and exact sums that merge exactly under any plan';

CREATE FUNCTION _exactsum_combine(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_combine(exactsum, exactsum) IS
	'Internal: combine function of every exactsum aggregate: exact merge of two partial states';
