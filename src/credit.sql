-- Credit: dts, the dts aggregate, spread_return (src/credit.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION dts(spread_duration float8, spread_bp float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_bond' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts(float8, float8) IS
	'Duration times spread of one bond: spread duration (years) x OAS (bp), in year-bp; a negative duration is an error';

CREATE FUNCTION _dts_accum(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'dts_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _dts_accum(exactsum, float8, float8, float8) IS
	'Internal: transition function of dts(weight, spread_duration, spread_bp)';

CREATE FUNCTION _dts_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION _dts_final(exactsum) IS
	'Internal: final function of dts(weight, spread_duration, spread_bp): sum(w*D*S) / sum(w)';

CREATE FUNCTION _dts_inv(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME', 'dts_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION _dts_inv(exactsum, float8, float8, float8) IS
	'Internal: inverse transition function of dts(weight, spread_duration, spread_bp): removes a row leaving a window frame, exactly';

CREATE AGGREGATE dts(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = _dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = _dts_final,
	COMBINEFUNC = _exactsum_combine,
	MSFUNC = _dts_accum,
	MINVFUNC = _dts_inv,
	MSTYPE = exactsum,
	MSSPACE = 160,
	MFINALFUNC = _dts_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE dts(float8, float8, float8) IS
	'Market-value-weighted duration times spread of a portfolio: sum(w*D*S) / sum(w), not avg(D) x avg(S)';

CREATE FUNCTION spread_return(dts float8, relative_spread_change float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION spread_return(float8, float8) IS
	'Spread return of a spread shock in bp: -DTS x relative spread change (a 10 % widening, 0.1, of an 805 DTS book gives -80.5)';
