-- Summaries: <name>_summary aggregates, accessors <name>(summary), rollup(summary) (src/summaries.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

-- the shared mechanism: the summary as a value, and rollup

CREATE FUNCTION _exactsum_summary_final(exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_summary_final(exactsum) IS
	'Internal: final function of every exactsum summary aggregate and of rollup(exactsum): the state, validated and compact (only the chunks in use); NULL for no rows';

CREATE FUNCTION _weightset_summary_final(weightset) RETURNS weightset
	AS 'MODULE_PATHNAME', 'weightset_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _weightset_summary_final(weightset) IS
	'Internal: final function of every weightset summary aggregate and of rollup(weightset): the state without spare room, share_above''s pruned at the cut of its total; NULL for no rows';

CREATE FUNCTION _exactsum_rollup_accum(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_rollup_accum(exactsum, exactsum) IS
	'Internal: moving-aggregate transition function of rollup(exactsum): the exact merge of _exactsum_combine, strict (a window frame skips NULL summaries)';

CREATE FUNCTION _exactsum_rollup_inv(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'exactsum_rollup_inv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _exactsum_rollup_inv(exactsum, exactsum) IS
	'Internal: inverse transition function of rollup(exactsum): subtracts a summary leaving a window frame, exactly';

CREATE AGGREGATE rollup(summary exactsum) (
	SFUNC = _exactsum_combine,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _exactsum_rollup_accum,
	MINVFUNC = _exactsum_rollup_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(exactsum) IS
	'Merges stored summaries of one kind (hhi_summary, dts_summary, ...) into the summary of all their rows, exactly: read it with the accessor, e.g. hhi(rollup(s)); moving in window frames; NULL for no rows';

CREATE AGGREGATE rollup(summary weightset) (
	SFUNC = _weightset_combine,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(weightset) IS
	'Merges stored summaries of one kind and parameter (top_share_summary, share_above_summary, active_share_summary, top_contribution_summary, names_to_match_summary) into the summary of all their rows, exactly: read it with the accessor, e.g. top_share(rollup(s)); NULL for no rows';

-- summary aggregates of the exactsum aggregates: their transition, inverse and
-- combine functions; the state as the result

CREATE AGGREGATE hhi_summary(weight float8) (
	SFUNC = _hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum,
	MINVFUNC = _hhi_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_summary(float8) IS
	'Summary of hhi(weight) as a stored value (exactsum: the row count, exact sum(abs(w)) and sum(w^2)), read by hhi(summary) and effective_n(summary), merged by rollup';

CREATE AGGREGATE hhi_summary(weight float8, mode text) (
	SFUNC = _hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _hhi_accum_mode,
	MINVFUNC = _hhi_inv_mode,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_summary(float8, text) IS
	'Summary of hhi(weight, mode) as a stored value, read by hhi(summary) and effective_n(summary), merged by rollup with summaries of the same mode';

CREATE AGGREGATE dts_summary(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = _dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _dts_accum,
	MINVFUNC = _dts_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE dts_summary(float8, float8, float8) IS
	'Summary of dts(weight, spread_duration, spread_bp) as a stored value (exact sum(w) and sum(w*D*S)), read by dts(summary), merged by rollup';

CREATE AGGREGATE weighted_mean_summary(value float8, weight float8) (
	SFUNC = _weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _weighted_mean_accum,
	MINVFUNC = _weighted_mean_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weighted_mean_summary(float8, float8) IS
	'Summary of weighted_mean(value, weight) as a stored value (exact sum(w) and sum(w*x)), read by weighted_mean(summary), merged by rollup';

CREATE AGGREGATE index_multiple_summary(cap float8, fundamental float8) (
	SFUNC = _index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum,
	MINVFUNC = _index_multiple_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple_summary(float8, float8) IS
	'Summary of index_multiple(cap, fundamental) as a stored value (exact sum(cap) and sum(fundamental)), read by index_multiple(summary), merged by rollup';

CREATE AGGREGATE index_multiple_summary(cap float8, fundamental float8, weight float8) (
	SFUNC = _index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _index_multiple_accum_weighted,
	MINVFUNC = _index_multiple_inv_weighted,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple_summary(float8, float8, float8) IS
	'Summary of index_multiple(cap, fundamental, weight) as a stored value (exact sum(w) and sum(w*fundamental/cap)), read by index_multiple(summary), merged by rollup';

CREATE AGGREGATE compound_return_summary(r float8) (
	SFUNC = _compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_accum,
	MINVFUNC = _compound_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return_summary(float8) IS
	'Summary of compound_return(r) as a stored value (exact sum(log1p(r)), the -1 returns), read by compound_return(summary), merged by rollup';

CREATE AGGREGATE compound_return_summary(r float8, min_periods int4) (
	SFUNC = _compound_return_min_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _compound_return_min_accum,
	MINVFUNC = _compound_return_min_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return_summary(float8, int4) IS
	'Summary of compound_return(r, min_periods) as a stored value (exact sum(log1p(r)), the -1 returns, sums of min_periods per row), read by compound_return(summary): NULL for fewer than min_periods non-NULL returns over all the rows rolled up; merged by rollup with summaries of the same min_periods';

CREATE AGGREGATE volatility_summary(r float8) (
	SFUNC = _volatility_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum,
	MINVFUNC = _volatility_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility_summary(float8) IS
	'Summary of volatility(r) as a stored value (the row count, exact sum(r) and sum(r^2)), read by volatility(summary), merged by rollup';

CREATE AGGREGATE volatility_summary(r float8, periods_per_year float8) (
	SFUNC = _volatility_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _volatility_accum_annual,
	MINVFUNC = _volatility_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE volatility_summary(float8, float8) IS
	'Summary of volatility(r, periods_per_year) as a stored value, read by volatility(summary) (annualised), merged by rollup with summaries of the same periods_per_year';

CREATE AGGREGATE tracking_error_summary(r float8, benchmark_r float8) (
	SFUNC = _tracking_error_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum,
	MINVFUNC = _tracking_error_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error_summary(float8, float8) IS
	'Summary of tracking_error(r, benchmark_r) as a stored value (exact sums of d = r - benchmark_r and d^2), read by tracking_error(summary), merged by rollup';

CREATE AGGREGATE tracking_error_summary(r float8, benchmark_r float8, periods_per_year float8) (
	SFUNC = _tracking_error_accum_annual,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _tracking_error_accum_annual,
	MINVFUNC = _tracking_error_inv_annual,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE tracking_error_summary(float8, float8, float8) IS
	'Summary of tracking_error(r, benchmark_r, periods_per_year) as a stored value, read by tracking_error(summary) (annualised), merged by rollup';

CREATE AGGREGATE beta_summary(r float8, market_r float8) (
	SFUNC = _beta_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _beta_accum,
	MINVFUNC = _beta_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE beta_summary(float8, float8) IS
	'Summary of beta(r, market_r) as a stored value (exact sums of m, r, m^2, r*m), read by beta(summary), merged by rollup';

CREATE AGGREGATE correlation_summary(x float8, y float8) (
	SFUNC = _correlation_accum,
	STYPE = exactsum,
	SSPACE = 224,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _correlation_accum,
	MINVFUNC = _correlation_inv,
	MSTYPE = exactsum,
	MSSPACE = 224,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE correlation_summary(float8, float8) IS
	'Summary of correlation(x, y) as a stored value (exact sums of x, y, x^2, y^2, x*y), read by correlation(summary), merged by rollup';

CREATE AGGREGATE annualized_return_summary(r float8, periods_per_year float8) (
	SFUNC = _annualized_return_accum,
	STYPE = exactsum,
	SSPACE = 192,
	FINALFUNC = _exactsum_summary_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _annualized_return_accum,
	MINVFUNC = _annualized_return_inv,
	MSTYPE = exactsum,
	MSSPACE = 192,
	MFINALFUNC = _exactsum_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annualized_return_summary(float8, float8) IS
	'Summary of annualized_return(r, periods_per_year) as a stored value (exact sum(log1p(r)), the -1 returns, the periods), read by annualized_return(summary), merged by rollup';

-- summary aggregates of the weightset aggregates

CREATE AGGREGATE top_share_summary(weight float8, n int4) (
	SFUNC = _top_share_accum,
	STYPE = weightset,
	SSPACE = 200,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_share_summary(float8, int4) IS
	'Summary of top_share(weight, n) as a stored value (weightset: the n largest weights and the exact total), read by top_share(summary [, m]) for m up to n, merged by rollup';

CREATE AGGREGATE share_above_summary(weight float8, threshold float8) (
	SFUNC = _share_above_accum,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above_summary(float8, float8) IS
	'Summary of share_above(weight, threshold) as a stored value (weightset: the exact total and the weights above threshold x total, fewer than 1/threshold), read by share_above and count_above(summary [, t]) for t >= threshold, merged by rollup';

CREATE AGGREGATE share_above_summary(weight float8, threshold float8, inclusive bool) (
	SFUNC = _share_above_accum_inclusive,
	STYPE = weightset,
	SSPACE = 512,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above_summary(float8, float8, bool) IS
	'Summary of share_above(weight, threshold, inclusive) as a stored value (weightset: the exact total and the weights that can be at or above threshold x total), read by share_above and count_above(summary [, t [, inclusive]]): above t >= threshold, at or above t >= threshold (inclusive summary) or t > threshold; merged by rollup';

CREATE AGGREGATE top_contribution_summary(weight float8, ret float8, n int4) (
	SFUNC = _top_contribution_accum,
	STYPE = weightset,
	SSPACE = 400,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_contribution_summary(float8, float8, int4) IS
	'Summary of top_contribution(weight, ret, n) as a stored value (weightset: the n largest (weight, return) pairs and the exact sum(w*r)), read by top_contribution(summary [, m]) for m up to n, merged by rollup';

CREATE AGGREGATE names_to_match_summary(weight float8, n_largest int4) (
	SFUNC = _names_to_match_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE names_to_match_summary(float8, int4) IS
	'Summary of names_to_match(weight, n_largest) as a stored value (weightset: every weight), read by names_to_match(summary [, n]) for any n >= 1, merged by rollup';

CREATE AGGREGATE active_share_summary(portfolio_weight float8, benchmark_weight float8) (
	SFUNC = _active_share_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = _weightset_summary_final,
	COMBINEFUNC = _weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE active_share_summary(float8, float8) IS
	'Summary of active_share(portfolio_weight, benchmark_weight) as a stored value (weightset: every pair), read by active_share(summary), merged by rollup';

-- accessors: the figure of a summary, with the final step of its aggregate

CREATE FUNCTION hhi(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'hhi_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi(exactsum) IS
	'Herfindahl-Hirschman index of the rows of a summary made by hhi_summary (or rollup of such summaries): the same bits as hhi over those rows';

CREATE FUNCTION effective_n(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'effective_n_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION effective_n(exactsum) IS
	'Effective number of constituents of the rows of a summary made by hhi_summary (or rollup of such summaries): 1 / hhi(summary)';

CREATE FUNCTION dts(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts(exactsum) IS
	'Market-value-weighted DTS of the bonds of a summary made by dts_summary (or rollup of such summaries)';

CREATE FUNCTION weighted_mean(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'weighted_mean_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean(exactsum) IS
	'Weighted mean of the rows of a summary made by weighted_mean_summary (or rollup of such summaries)';

CREATE FUNCTION index_multiple(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'index_multiple_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple(exactsum) IS
	'Index multiple of the rows of a summary made by index_multiple_summary (or rollup of such summaries)';

CREATE FUNCTION compound_return(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'compound_return_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION compound_return(exactsum) IS
	'Compound return of the returns of a summary made by compound_return_summary (or rollup of such summaries); with min_periods, NULL for fewer non-NULL returns than min_periods over all its rows';

CREATE FUNCTION volatility(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'volatility_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION volatility(exactsum) IS
	'Volatility of the returns of a summary made by volatility_summary (or rollup of such summaries), annualised when the summary holds periods_per_year';

CREATE FUNCTION tracking_error(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'tracking_error_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracking_error(exactsum) IS
	'Tracking error of the rows of a summary made by tracking_error_summary (or rollup of such summaries)';

CREATE FUNCTION beta(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'beta_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION beta(exactsum) IS
	'Beta of the rows of a summary made by beta_summary (or rollup of such summaries)';

CREATE FUNCTION correlation(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'correlation_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION correlation(exactsum) IS
	'Correlation of the rows of a summary made by correlation_summary (or rollup of such summaries)';

CREATE FUNCTION annualized_return(summary exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'annualized_return_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annualized_return(exactsum) IS
	'Annualised return of the returns of a summary made by annualized_return_summary (or rollup of such summaries)';

CREATE FUNCTION top_share(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share(weightset) IS
	'Share of the n largest weights (the n the summary keeps) of a summary made by top_share_summary (or rollup of such summaries)';

CREATE FUNCTION top_share(summary weightset, n int4) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share(weightset, int4) IS
	'Share of the n largest weights of a summary made by top_share_summary(weight, k) (or rollup of such summaries), for n up to k; a larger n is an error';

CREATE FUNCTION share_above(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset) IS
	'Total share of the names above the threshold (at or above it for an inclusive summary) of a summary made by share_above_summary (or rollup of such summaries)';

CREATE FUNCTION share_above(summary weightset, threshold float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset, float8) IS
	'Total share of the names strictly above threshold of a summary made by share_above_summary(weight, t [, inclusive]) (or rollup of such summaries), for threshold >= t; a lower one is an error';

CREATE FUNCTION share_above(summary weightset, threshold float8, inclusive bool) RETURNS float8
	AS 'MODULE_PATHNAME', 'share_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above(weightset, float8, bool) IS
	'Total share of the names above threshold, or at or above it with inclusive, of a summary made by share_above_summary(weight, t [, incl]): above for threshold >= t; at or above for threshold > t, or >= t when the summary is inclusive, or threshold 0 (every name); other questions are errors';

CREATE FUNCTION count_above(summary weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset) IS
	'Number of names above the threshold (at or above it for an inclusive summary) of a summary made by share_above_summary (or rollup of such summaries)';

CREATE FUNCTION count_above(summary weightset, threshold float8) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset, float8) IS
	'Number of names strictly above threshold of a summary made by share_above_summary(weight, t [, inclusive]) (or rollup of such summaries), for threshold >= t; a lower one is an error';

CREATE FUNCTION count_above(summary weightset, threshold float8, inclusive bool) RETURNS int8
	AS 'MODULE_PATHNAME', 'count_above_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above(weightset, float8, bool) IS
	'Number of names above threshold, or at or above it with inclusive, of a summary made by share_above_summary(weight, t [, incl]): above for threshold >= t; at or above for threshold > t, or >= t when the summary is inclusive, or threshold 0 (every name); other questions are errors';

CREATE FUNCTION active_share(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'active_share_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION active_share(weightset) IS
	'Active share of the pairs of a summary made by active_share_summary (or rollup of such summaries)';

CREATE FUNCTION top_contribution(summary weightset) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_contribution(weightset) IS
	'Share of the weighted return from the n largest weights (the n the summary keeps) of a summary made by top_contribution_summary (or rollup of such summaries)';

CREATE FUNCTION top_contribution(summary weightset, n int4) RETURNS float8
	AS 'MODULE_PATHNAME', 'top_contribution_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_contribution(weightset, int4) IS
	'Share of the weighted return from the n largest weights of a summary made by top_contribution_summary(weight, ret, k) (or rollup of such summaries), for n up to k; a larger n is an error';

CREATE FUNCTION names_to_match(summary weightset) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION names_to_match(weightset) IS
	'How many of the smallest names weigh at least as much as the n_largest largest (the summary''s n_largest) of a summary made by names_to_match_summary (or rollup of such summaries)';

CREATE FUNCTION names_to_match(summary weightset, n_largest int4) RETURNS int8
	AS 'MODULE_PATHNAME', 'names_to_match_read' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION names_to_match(weightset, int4) IS
	'How many of the smallest names weigh at least as much as the n_largest largest of a summary made by names_to_match_summary (or rollup of such summaries): it keeps every weight, so any n_largest >= 1';
