-- Concentration: hhi, effective_n, top_share, share_above, count_above, active_share (src/concentration.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

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

CREATE FUNCTION hhi_inv(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_inv(exactsum, float8) IS
	'Inverse transition function of hhi(weight) and effective_n(weight): removes a row leaving a window frame, exactly';

CREATE AGGREGATE hhi(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum,
	MINVFUNC = hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = hhi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8) IS
	'Herfindahl-Hirschman index of weights: sum(w^2) / sum(w)^2, in [1/n, 1]; a negative weight is an error';

CREATE FUNCTION hhi_inv_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_inv_mode(exactsum, float8, text) IS
	'Inverse transition function of hhi(weight, mode) and effective_n(weight, mode): removes a row leaving a window frame, exactly';

CREATE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	MSFUNC = hhi_accum_mode,
	MINVFUNC = hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = hhi_final,
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
	MSFUNC = hhi_accum,
	MINVFUNC = hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = effective_n_final,
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
	MSFUNC = hhi_accum_mode,
	MINVFUNC = hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = effective_n_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8, text) IS
	'Effective number of constituents with mode ''net'' or ''gross'': 1 / hhi(weight, mode)';

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
	SSPACE = 512,
	FINALFUNC = share_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8) IS
	'Total share of the names whose own share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
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
