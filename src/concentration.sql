-- Concentration: hhi, effective_n, top_share, share_above, count_above, active_share (src/concentration.c)
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
