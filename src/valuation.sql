-- Valuation and returns: weighted_mean, index_multiple, parity_upside, compound_return, streaks, drawdowns (src/valuation.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION _weighted_mean_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'weighted_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _weighted_mean_accum(exactsum, float8, float8) IS
	'Internal: transition function of weighted_mean(value, weight)';

CREATE FUNCTION _weighted_mean_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'weighted_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weighted_mean_final(exactsum) IS
	'Internal: final function of weighted_mean(): sum(w*x) / sum(w)';

CREATE FUNCTION _weighted_mean_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'weighted_mean_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _weighted_mean_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of weighted_mean(value, weight): removes a row leaving a window frame, exactly';

CREATE AGGREGATE weighted_mean(value float8, weight float8) (
	SFUNC = _weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _weighted_mean_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _weighted_mean_accum,
	MINVFUNC = _weighted_mean_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _weighted_mean_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weighted_mean(float8, float8) IS
	'Weighted mean sum(w*x) / sum(w); a row with either side NULL is skipped; a zero total weight gives NULL';

CREATE FUNCTION _index_multiple_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_accum(exactsum, float8, float8) IS
	'Internal: transition function of index_multiple(cap, fundamental)';

CREATE FUNCTION _index_multiple_accum_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_accum_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_accum_weighted(exactsum, float8, float8, float8) IS
	'Internal: transition function of index_multiple(cap, fundamental, weight)';

CREATE FUNCTION _index_multiple_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'index_multiple_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_final(exactsum) IS
	'Internal: final function of index_multiple(): sum(w) / sum(w*fundamental/cap), NULL unless the denominator is positive';

CREATE FUNCTION _index_multiple_inv(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_inv(exactsum, float8, float8) IS
	'Internal: inverse transition function of index_multiple(cap, fundamental): removes a row leaving a window frame, exactly';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8) (
	SFUNC = _index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _index_multiple_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum,
	MINVFUNC = _index_multiple_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _index_multiple_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8) IS
	'Index multiple the way providers compute it: sum(cap) / sum(fundamental) (index P/E, P/S, P/B); losses stay in; NULL when the aggregate fundamental is not positive';

CREATE FUNCTION _index_multiple_inv_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'index_multiple_inv_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _index_multiple_inv_weighted(exactsum, float8, float8, float8) IS
	'Internal: inverse transition function of index_multiple(cap, fundamental, weight): removes a row leaving a window frame, exactly';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8, weight float8) (
	SFUNC = _index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _index_multiple_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum_weighted,
	MINVFUNC = _index_multiple_inv_weighted,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _index_multiple_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8, float8) IS
	'Weighted index multiple sum(w) / sum(w*fundamental/cap); weight 1 gives the equal-weighted multiple; NULL when the denominator is not positive';

CREATE FUNCTION parity_upside(multiple float8, reference float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parity_upside(float8, float8) IS
	'Move that takes a multiple to a reference: reference / multiple - 1 (19.5 against 28 gives 0.4359); both must be positive';

CREATE FUNCTION _compound_return_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_accum(exactsum, float8) IS
	'Internal: transition function of compound_return(r): exact sum of log1p(r)';

CREATE FUNCTION _compound_return_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'compound_return_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_final(exactsum) IS
	'Internal: final function of compound_return(): expm1 of the exact sum of log1p(r), -1 when a return is -1';

CREATE FUNCTION _compound_return_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_inv(exactsum, float8) IS
	'Internal: inverse transition function of compound_return(r): removes a row leaving a window frame, exactly (a -1 return too)';

CREATE AGGREGATE compound_return(r float8) (
	SFUNC = _compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _compound_return_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_accum,
	MINVFUNC = _compound_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _compound_return_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return(float8) IS
	'Compound return prod(1 + r) - 1 of a series of returns, independent of row order; r < -1 is an error';

CREATE FUNCTION _streak_accum(int8[], bool) RETURNS int8[]
	AS 'MODULE_PATHNAME', 'streak_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _streak_accum(int8[], bool) IS
	'Internal: transition function of longest_streak() and current_streak(): state {rows, leading run, trailing run, longest run}';

CREATE FUNCTION _streak_combine(int8[], int8[]) RETURNS int8[]
	AS 'MODULE_PATHNAME', 'streak_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _streak_combine(int8[], int8[]) IS
	'Internal: combine function of the streak aggregates: the runs of the rows of the first state followed by those of the second';

CREATE FUNCTION _longest_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME', 'longest_streak_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _longest_streak_final(int8[]) IS
	'Internal: final function of longest_streak(): the longest run of true';

CREATE FUNCTION _current_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME', 'current_streak_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _current_streak_final(int8[]) IS
	'Internal: final function of current_streak(): the run of true at the end of the ordered rows';

CREATE AGGREGATE longest_streak(flag bool) (
	SFUNC = _streak_accum,
	STYPE = int8[],
	FINALFUNC = _longest_streak_final,
	COMBINEFUNC = _streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE longest_streak(bool) IS
	'Longest run of true in the ordered rows, e.g. longest_streak(small_beat_large ORDER BY as_of); NULL breaks a run';

CREATE AGGREGATE current_streak(flag bool) (
	SFUNC = _streak_accum,
	STYPE = int8[],
	FINALFUNC = _current_streak_final,
	COMBINEFUNC = _streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_streak(bool) IS
	'Run of true at the end of the ordered rows, e.g. current_streak(small_beat_large ORDER BY as_of); NULL breaks a run';

CREATE FUNCTION _compound_return_min_accum(exactsum, float8, int4) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_min_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_accum(exactsum, float8, int4) IS
	'Internal: transition function of compound_return(r, min_periods): exact sums of log1p(r) and of min_periods';

CREATE FUNCTION _compound_return_min_inv(exactsum, float8, int4) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'compound_return_min_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_inv(exactsum, float8, int4) IS
	'Internal: inverse transition function of compound_return(r, min_periods): removes a row leaving a window frame, exactly';

CREATE FUNCTION _compound_return_min_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'compound_return_min_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _compound_return_min_final(exactsum) IS
	'Internal: final function of compound_return(r, min_periods): as compound_return(r), NULL for fewer than min_periods returns';

CREATE AGGREGATE compound_return(r float8, min_periods int4) (
	SFUNC = _compound_return_min_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _compound_return_min_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_min_accum,
	MINVFUNC = _compound_return_min_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _compound_return_min_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return(float8, int4) IS
	'Compound return prod(1 + r) - 1, NULL when fewer than min_periods non-NULL returns are in (a window frame that runs past the end of the series), e.g. compound_return(r, min_periods => 6) OVER (ORDER BY as_of ROWS BETWEEN 1 FOLLOWING AND 6 FOLLOWING)';

CREATE FUNCTION _drawdown_accum(float8[], float8) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_accum(float8[], float8) IS
	'Internal: transition function of max_drawdown(r) and current_drawdown(r): state {rows, min_periods, wiped, drawdown, deepest drawdown, log wealth, rise from the low}, log sums in double-double pairs';

CREATE FUNCTION _drawdown_accum_min(float8[], float8, int4) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_accum_min' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_accum_min(float8[], float8, int4) IS
	'Internal: transition function of max_drawdown(r, min_periods) and current_drawdown(r, min_periods)';

CREATE FUNCTION _drawdown_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'drawdown_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _drawdown_combine(float8[], float8[]) IS
	'Internal: combine function of the drawdown aggregates: the state of the rows of the first state followed by those of the second';

CREATE FUNCTION _max_drawdown_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'max_drawdown_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _max_drawdown_final(float8[]) IS
	'Internal: final function of max_drawdown(): the deepest fall of wealth from its running peak, in [-1, 0]';

CREATE FUNCTION _current_drawdown_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'current_drawdown_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _current_drawdown_final(float8[]) IS
	'Internal: final function of current_drawdown(): the fall of wealth from its running peak at the last row, in [-1, 0]';

CREATE AGGREGATE max_drawdown(r float8) (
	SFUNC = _drawdown_accum,
	STYPE = float8[],
	FINALFUNC = _max_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE max_drawdown(float8) IS
	'Largest fall of compounded wealth prod(1 + r) from its running peak (the start counts as one), in [-1, 0], e.g. max_drawdown(r ORDER BY as_of); r = -1 wipes out (-1 from then on); r < -1 is an error';

CREATE AGGREGATE max_drawdown(r float8, min_periods int4) (
	SFUNC = _drawdown_accum_min,
	STYPE = float8[],
	FINALFUNC = _max_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE max_drawdown(float8, int4) IS
	'max_drawdown(r), NULL when fewer than min_periods non-NULL returns are in';

CREATE AGGREGATE current_drawdown(r float8) (
	SFUNC = _drawdown_accum,
	STYPE = float8[],
	FINALFUNC = _current_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_drawdown(float8) IS
	'Fall of compounded wealth from its running peak at the end of the ordered rows (0 at a new peak), e.g. current_drawdown(r ORDER BY as_of), or each day''s drawdown OVER (ORDER BY as_of)';

CREATE AGGREGATE current_drawdown(r float8, min_periods int4) (
	SFUNC = _drawdown_accum_min,
	STYPE = float8[],
	FINALFUNC = _current_drawdown_final,
	COMBINEFUNC = _drawdown_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_drawdown(float8, int4) IS
	'current_drawdown(r), NULL when fewer than min_periods non-NULL returns are in';
