-- Size segments: size_segment (src/segments.c)
--
-- Part of the tactalloc install script: make concatenates src/*.sql in the
-- order of SQL_SOURCES (Makefile) into tactalloc--<version>.sql.  Changes to
-- objects of a released version also go into the upgrade script.

CREATE FUNCTION size_segment(market_cap float8, prior_segment integer DEFAULT NULL,
							 breakpoints integer[] DEFAULT '{1000,3000}', band float8 DEFAULT 0.05)
	RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION size_segment(float8, integer, integer[], float8) IS
	'Russell-style size segment by market-cap rank with membership banding; window function, use OVER (PARTITION BY rank_date ORDER BY market_cap DESC)';
