-- weightset: the transition state of the aggregates that keep weights (src/weightset.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE TYPE weightset;

CREATE FUNCTION _weightset_in(cstring) RETURNS weightset
	AS 'MODULE_PATHNAME', 'weightset_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_in(cstring) IS
	'Internal: text input of a weightset state: validates every field and weight and rejects malformed or truncated text';

CREATE FUNCTION _weightset_out(weightset) RETURNS cstring
	AS 'MODULE_PATHNAME', 'weightset_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_out(weightset) IS
	'Internal: text output of a weightset state: compact and canonical (weights sorted, shortest exact decimals), round-trips exactly';

CREATE FUNCTION _weightset_recv(internal) RETURNS weightset
	AS 'MODULE_PATHNAME', 'weightset_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_recv(internal) IS
	'Internal: binary input of a weightset state (the text form as bytes), validated';

CREATE FUNCTION _weightset_send(weightset) RETURNS bytea
	AS 'MODULE_PATHNAME', 'weightset_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_send(weightset) IS
	'Internal: binary output of a weightset state (the text form as bytes)';

CREATE TYPE weightset (
	INPUT = _weightset_in,
	OUTPUT = _weightset_out,
	RECEIVE = _weightset_recv,
	SEND = _weightset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE weightset IS
	'Transition state of top_share, share_above, count_above, active_share, top_contribution and names_to_match: the weights a group needs (8 bytes each, 16 per pair) and exact totals; merges under any plan';

CREATE FUNCTION _weightset_combine(weightset, weightset) RETURNS weightset
	AS 'MODULE_PATHNAME', 'weightset_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_combine(weightset, weightset) IS
	'Internal: combine function of every weightset aggregate: merges two partial states of the same kind and parameter';
