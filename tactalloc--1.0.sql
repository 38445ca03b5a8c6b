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

--------------------------------------------------------------------------
-- Issue 4: concentration toolkit (weightset aggregates)
--------------------------------------------------------------------------

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

CREATE FUNCTION top_share_accum(weightset, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION top_share_accum(weightset, float8, int4) IS
	'Transition function of top_share(weight, n): keeps the n largest weights and the exact total';

CREATE FUNCTION top_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share_final(weightset) IS
	'Final function of top_share(): exact sum of the n largest weights over the exact total';

CREATE AGGREGATE top_share(weight float8, n int4) (
	SFUNC = top_share_accum,
	STYPE = weightset,
	SSPACE = 200,
	FINALFUNC = top_share_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_share(float8, int4) IS
	'Share of the n largest weights in the total (1.0 with fewer than n names); n >= 1, the same for every row of a group';

CREATE FUNCTION share_above_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION share_above_accum(weightset, float8, float8) IS
	'Transition function of share_above(weight, threshold) and count_above(weight, threshold): keeps every weight of the group';

CREATE FUNCTION share_above_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above_final(weightset) IS
	'Final function of share_above(): total share of the names whose own share is strictly above the threshold';

CREATE FUNCTION count_above_final(weightset) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above_final(weightset) IS
	'Final function of count_above(): number of names whose share is strictly above the threshold';

CREATE AGGREGATE share_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 4096,
	FINALFUNC = share_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8) IS
	'Total share of the names whose own share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 4096,
	FINALFUNC = count_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE count_above(float8, float8) IS
	'Number of names whose share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE FUNCTION active_share_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION active_share_accum(weightset, float8, float8) IS
	'Transition function of active_share(portfolio_weight, benchmark_weight): keeps every pair, a NULL side as 0';

CREATE FUNCTION active_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION active_share_final(weightset) IS
	'Final function of active_share(): half the sum of abs(p/sum(p) - b/sum(b))';

CREATE AGGREGATE active_share(portfolio_weight float8, benchmark_weight float8) (
	SFUNC = active_share_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = active_share_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE active_share(float8, float8) IS
	'Active share of a portfolio against its benchmark: half the sum of abs(p/sum(p) - b/sum(b)) over the union of holdings; a NULL side counts as 0 (not held)';

--------------------------------------------------------------------------
-- Issue 4: valuation and returns
--------------------------------------------------------------------------

CREATE FUNCTION weighted_mean_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean_accum(exactsum, float8, float8) IS
	'Transition function of weighted_mean(value, weight)';

CREATE FUNCTION weighted_mean_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean_final(exactsum) IS
	'Final function of weighted_mean(): sum(w*x) / sum(w)';

CREATE AGGREGATE weighted_mean(value float8, weight float8) (
	SFUNC = weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = weighted_mean_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weighted_mean(float8, float8) IS
	'Weighted mean sum(w*x) / sum(w); a row with either side NULL is skipped; a zero total weight gives NULL';

CREATE FUNCTION index_multiple_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_accum(exactsum, float8, float8) IS
	'Transition function of index_multiple(cap, fundamental)';

CREATE FUNCTION index_multiple_accum_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_accum_weighted(exactsum, float8, float8, float8) IS
	'Transition function of index_multiple(cap, fundamental, weight)';

CREATE FUNCTION index_multiple_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_final(exactsum) IS
	'Final function of index_multiple(): sum(w) / sum(w*fundamental/cap), NULL unless the denominator is positive';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8) (
	SFUNC = index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8) IS
	'Index multiple the way providers compute it: sum(cap) / sum(fundamental) (index P/E, P/S, P/B); losses stay in; NULL when the aggregate fundamental is not positive';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8, weight float8) (
	SFUNC = index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8, float8) IS
	'Weighted index multiple sum(w) / sum(w*fundamental/cap); weight 1 gives the equal-weighted multiple; NULL when the denominator is not positive';

CREATE FUNCTION parity_upside(multiple float8, reference float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parity_upside(float8, float8) IS
	'Move that takes a multiple to a reference: reference / multiple - 1 (19.5 against 28 gives 0.4359); both must be positive';

CREATE FUNCTION compound_return_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION compound_return_accum(exactsum, float8) IS
	'Transition function of compound_return(r): exact sum of log1p(r)';

CREATE FUNCTION compound_return_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION compound_return_final(exactsum) IS
	'Final function of compound_return(): expm1 of the exact sum of log1p(r), -1 when a return is -1';

CREATE AGGREGATE compound_return(r float8) (
	SFUNC = compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = compound_return_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return(float8) IS
	'Compound return prod(1 + r) - 1 of a series of returns, independent of row order; r < -1 is an error';

CREATE FUNCTION streak_accum(int8[], bool) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION streak_accum(int8[], bool) IS
	'Transition function of longest_streak() and current_streak(): state {rows, leading run, trailing run, longest run}';

CREATE FUNCTION streak_combine(int8[], int8[]) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION streak_combine(int8[], int8[]) IS
	'Combine function of the streak aggregates: the runs of the rows of the first state followed by those of the second';

CREATE FUNCTION longest_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION longest_streak_final(int8[]) IS
	'Final function of longest_streak(): the longest run of true';

CREATE FUNCTION current_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION current_streak_final(int8[]) IS
	'Final function of current_streak(): the run of true at the end of the ordered rows';

CREATE AGGREGATE longest_streak(flag bool) (
	SFUNC = streak_accum,
	STYPE = int8[],
	FINALFUNC = longest_streak_final,
	COMBINEFUNC = streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE longest_streak(bool) IS
	'Longest run of true in the ordered rows, e.g. longest_streak(small_beat_large ORDER BY as_of); NULL breaks a run';

CREATE AGGREGATE current_streak(flag bool) (
	SFUNC = streak_accum,
	STYPE = int8[],
	FINALFUNC = current_streak_final,
	COMBINEFUNC = streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_streak(bool) IS
	'Run of true at the end of the ordered rows, e.g. current_streak(small_beat_large ORDER BY as_of); NULL breaks a run';
