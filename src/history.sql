-- History: history_percentile, history_zscore, periods_since_higher (src/history.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION history_percentile(x float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION history_percentile(float8) IS
	'Window function: share of the other values of the frame strictly below the current value, ties counted one half (0 = lowest, 1 = highest); NULL when the frame holds no other value; e.g. OVER (ORDER BY as_of ROWS BETWEEN 119 PRECEDING AND CURRENT ROW)';

CREATE FUNCTION history_zscore(x float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION history_zscore(float8) IS
	'Window function: (current value - mean of the frame) / sample standard deviation of the frame, from exact sums; NULL for fewer than 2 values or a zero deviation';

CREATE FUNCTION periods_since_higher(x float8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION periods_since_higher(float8) IS
	'Window function over ordered rows: how many rows back the last value at or above the current one lies, looking back to the start of the frame; NULL at a new high ("the highest since ...")';
