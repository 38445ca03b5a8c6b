-- weightset: the transition state of the aggregates that keep weights (src/weightset.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE TYPE weightset;

CREATE FUNCTION weightset_in(cstring) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_in(cstring) IS
	'Text input of a weightset state: validates every field and weight and rejects malformed or truncated text';

CREATE FUNCTION weightset_out(weightset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_out(weightset) IS
	'Text output of a weightset state: compact and canonical (weights sorted, shortest exact decimals), round-trips exactly';

CREATE FUNCTION weightset_recv(internal) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_recv(internal) IS
	'Binary input of a weightset state (the text form as bytes), validated';

CREATE FUNCTION weightset_send(weightset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_send(weightset) IS
	'Binary output of a weightset state (the text form as bytes)';

CREATE TYPE weightset (
	INPUT = weightset_in,
	OUTPUT = weightset_out,
	RECEIVE = weightset_recv,
	SEND = weightset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE weightset IS
	'Transition state of top_share, share_above, count_above and active_share: the weights a group needs (8 bytes each, 16 per pair) and exact totals; merges under any plan';

CREATE FUNCTION weightset_combine(weightset, weightset) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION weightset_combine(weightset, weightset) IS
	'Combine function of every weightset aggregate: merges two partial states of the same kind and parameter';
