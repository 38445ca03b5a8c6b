/* tactalloc--1.0.sql: the tactalloc extension, version 1.0 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION tactalloc" to load this file. \quit

--------------------------------------------------------------------------
-- exactsum: the transition state of every sum-based aggregate
--------------------------------------------------------------------------

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

--------------------------------------------------------------------------
-- Concentration
--------------------------------------------------------------------------

CREATE FUNCTION hhi_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_accum(exactsum, float8) IS
	'Transition function of hhi(weight) and effective_n(weight)';

CREATE FUNCTION hhi_accum_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_accum_mode(exactsum, float8, text) IS
	'Transition function of hhi(weight, mode) and effective_n(weight, mode)';

CREATE FUNCTION hhi_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_final(exactsum) IS
	'Final function of hhi(): sum of squared weights over the squared total';

CREATE FUNCTION effective_n_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION effective_n_final(exactsum) IS
	'Final function of effective_n(): the squared total over the sum of squared weights';

CREATE AGGREGATE hhi(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8) IS
	'Herfindahl-Hirschman index of weights: sum(w^2) / sum(w)^2, in [1/n, 1]; a negative weight is an error';

CREATE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8, text) IS
	'Herfindahl-Hirschman index with mode ''net'' (as hhi(weight)) or ''gross'' (normalised by sum(abs(w)) for long/short books)';

CREATE AGGREGATE effective_n(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8) IS
	'Effective number of constituents: 1 / hhi(weight)';

CREATE AGGREGATE effective_n(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8, text) IS
	'Effective number of constituents with mode ''net'' or ''gross'': 1 / hhi(weight, mode)';

--------------------------------------------------------------------------
-- Macro regime
--------------------------------------------------------------------------

CREATE TYPE macro_regime AS ENUM ('recovery', 'expansion', 'slowdown', 'contraction');
COMMENT ON TYPE macro_regime IS
	'Macro regime of a leading indicator, in cycle order: recovery (below trend, improving), expansion (above, improving), slowdown (above, deteriorating), contraction (below, deteriorating)';

CREATE FUNCTION regime_classify(level float8, change float8, trend float8 DEFAULT 100)
	RETURNS macro_regime
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_classify(float8, float8, float8) IS
	'Macro regime of one leading-indicator reading: level >= trend is at/above trend, change > 0 improving, < 0 deteriorating; change = 0 gives NULL';

--------------------------------------------------------------------------
-- Credit
--------------------------------------------------------------------------

CREATE FUNCTION dts(spread_duration float8, spread_bp float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_bond' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts(float8, float8) IS
	'Duration times spread of one bond: spread duration (years) x OAS (bp), in year-bp; a negative duration is an error';

CREATE FUNCTION dts_accum(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dts_accum(exactsum, float8, float8, float8) IS
	'Transition function of dts(weight, spread_duration, spread_bp)';

CREATE FUNCTION dts_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts_final(exactsum) IS
	'Final function of dts(weight, spread_duration, spread_bp): sum(w*D*S) / sum(w)';

CREATE AGGREGATE dts(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = dts_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE dts(float8, float8, float8) IS
	'Market-value-weighted duration times spread of a portfolio: sum(w*D*S) / sum(w), not avg(D) x avg(S)';
