-- Concentration: hhi, effective_n, top_share, share_above, count_above, active_share, top_contribution, names_to_match (src/concentration.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION _hhi_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_accum(exactsum, float8) IS
	'Internal: transition function of hhi(weight) and effective_n(weight)';

CREATE FUNCTION _hhi_accum_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_accum_mode' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_accum_mode(exactsum, float8, text) IS
	'Internal: transition function of hhi(weight, mode) and effective_n(weight, mode)';

CREATE FUNCTION _hhi_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'hhi_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_final(exactsum) IS
	'Internal: final function of hhi(): sum of squared weights over the squared total';

CREATE FUNCTION _effective_n_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'effective_n_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _effective_n_final(exactsum) IS
	'Internal: final function of effective_n(): the squared total over the sum of squared weights';

CREATE FUNCTION _hhi_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_inv(exactsum, float8) IS
	'Internal: inverse transition function of hhi(weight) and effective_n(weight): removes a row leaving a window frame, exactly';

CREATE AGGREGATE hhi(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _hhi_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _hhi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8) IS
	'Herfindahl-Hirschman index of weights: sum(w^2) / sum(w)^2, in [1/n, 1]; a negative weight is an error';

CREATE FUNCTION _hhi_inv_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'hhi_inv_mode' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _hhi_inv_mode(exactsum, float8, text) IS
	'Internal: inverse transition function of hhi(weight, mode) and effective_n(weight, mode): removes a row leaving a window frame, exactly';

CREATE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _hhi_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _hhi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8, text) IS
	'Herfindahl-Hirschman index with mode ''net'' (as hhi(weight)) or ''gross'' (normalised by sum(abs(w)) for long/short books)';

CREATE AGGREGATE effective_n(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _effective_n_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _effective_n_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8) IS
	'Effective number of constituents: 1 / hhi(weight)';

CREATE AGGREGATE effective_n(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _effective_n_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _effective_n_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8, text) IS
	'Effective number of constituents with mode ''net'' or ''gross'': 1 / hhi(weight, mode)';

CREATE FUNCTION _top_share_accum(weightset, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME', 'top_share_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _top_share_accum(weightset, float8, int4) IS
	'Internal: transition function of top_share(weight, n): keeps the n largest weights and the exact total';

CREATE FUNCTION _top_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_share_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _top_share_final(weightset) IS
	'Internal: final function of top_share(): exact sum of the n largest weights over the exact total';

CREATE AGGREGATE top_share(weight float8, n int4) (
	SFUNC = _top_share_accum,
	STYPE = weightset,
	SSPACE = 200,
	FINALFUNC = _top_share_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_share(float8, int4) IS
	'Share of the n largest weights in the total (1.0 with fewer than n names); n >= 1, the same for every row of a group';

CREATE FUNCTION _share_above_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME', 'share_above_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _share_above_accum(weightset, float8, float8) IS
	'Internal: transition function of share_above(weight, threshold) and count_above(weight, threshold): keeps every weight of the group';

CREATE FUNCTION _share_above_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _share_above_final(weightset) IS
	'Internal: final function of share_above(): total share of the names whose own share is strictly above the threshold';

CREATE FUNCTION _count_above_final(weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _count_above_final(weightset) IS
	'Internal: final function of count_above(): number of names whose share is strictly above the threshold';

CREATE AGGREGATE share_above(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _share_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8) IS
	'Total share of the names whose own share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _count_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE count_above(float8, float8) IS
	'Number of names whose share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE FUNCTION _active_share_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME', 'active_share_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _active_share_accum(weightset, float8, float8) IS
	'Internal: transition function of active_share(portfolio_weight, benchmark_weight): keeps every pair, a NULL side as 0';

CREATE FUNCTION _active_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'active_share_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _active_share_final(weightset) IS
	'Internal: final function of active_share(): half the sum of abs(p/sum(p) - b/sum(b))';

CREATE AGGREGATE active_share(portfolio_weight float8, benchmark_weight float8) (
	SFUNC = _active_share_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _active_share_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE active_share(float8, float8) IS
	'Active share of a portfolio against its benchmark: half the sum of abs(p/sum(p) - b/sum(b)) over the union of holdings; a NULL side counts as 0 (not held)';

CREATE FUNCTION _share_above_accum_inclusive(weightset, float8, float8, bool) RETURNS weightset
	AS 'MODULE_PATHNAME', 'share_above_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _share_above_accum_inclusive(weightset, float8, float8, bool) IS
	'Internal: transition function of share_above(weight, threshold, inclusive) and count_above(weight, threshold, inclusive)';

CREATE AGGREGATE share_above(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _share_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8, bool) IS
	'Total share of the names whose own share is above threshold, or at or above it with inclusive true ("3 % or more": share_above(w, 0.03, true))';

CREATE AGGREGATE count_above(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _count_above_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE count_above(float8, float8, bool) IS
	'Number of names whose share is above threshold, or at or above it with inclusive true ("3 % or more": count_above(w, 0.03, true))';

CREATE FUNCTION _top_contribution_accum(weightset, float8, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME', 'top_contribution_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _top_contribution_accum(weightset, float8, float8, int4) IS
	'Internal: transition function of top_contribution(weight, ret, n): keeps the n largest (weight, return) pairs and the exact sum of weight * return';

CREATE FUNCTION _top_contribution_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _top_contribution_final(weightset) IS
	'Internal: final function of top_contribution(): exact sum of weight * return of the n largest weights over that of all';

CREATE AGGREGATE top_contribution(weight float8, ret float8, n int4) (
	SFUNC = _top_contribution_accum,
	STYPE = weightset,
	SSPACE = 400,
	FINALFUNC = _top_contribution_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_contribution(float8, float8, int4) IS
	'Share of the weighted return sum(w*r) that comes from the n largest weights (1.0 with n names or fewer; NULL for a zero total); n >= 1, the same for every row of a group';

CREATE FUNCTION _names_to_match_accum(weightset, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME', 'names_to_match_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _names_to_match_accum(weightset, float8, int4) IS
	'Internal: transition function of names_to_match(weight, n_largest): keeps every weight of the group';

CREATE FUNCTION _names_to_match_final(weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _names_to_match_final(weightset) IS
	'Internal: final function of names_to_match(): the fewest smallest weights whose exact sum reaches that of the n largest';

CREATE AGGREGATE names_to_match(weight float8, n_largest int4) (
	SFUNC = _names_to_match_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _names_to_match_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE names_to_match(float8, int4) IS
	'How many of the smallest names together weigh at least as much as the n_largest largest (NULL when all the others weigh less, or with no more than n_largest names); n_largest >= 1';
