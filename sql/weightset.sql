-- weightset and streak states: text and binary forms, combine by hand, malformed input
SET extra_float_digits = 3;

-- the text form: compact, canonical (weights sorted, shortest exact decimals);
-- share_above keeps only the weights that can still end above the threshold
SELECT _share_above_accum(_share_above_accum(_share_above_accum(NULL, 0.25, 0.03), 0.5, 0.03), 0.1, 0.03) AS above_state;
SELECT _active_share_accum(_active_share_accum(_active_share_accum(NULL, 0.5, NULL), NULL, 0.25), 0.1, 0.2) AS active_state;
SELECT _share_above_accum(NULL, 1e-300, 0) AS tiny, _share_above_accum(NULL, 0.1 + 0.2, 0) AS inexact,
       _share_above_accum(NULL, -0.0, 0) AS minus_zero;
-- share_above's state stays small: 100 000 Zipf weights, threshold 1 %
CREATE AGGREGATE pg_temp.above_state(float8, float8) (SFUNC = _share_above_accum, STYPE = weightset);
SELECT o, pg_column_size(st) < 4000 AS bounded, _count_above_final(st) AS names, _share_above_final(st) AS share,
       regexp_replace(st::text, '^(1;above;0.01;100000);[^;]*;', '\1;<total>;') AS state
FROM (SELECT 'largest first' AS o, pg_temp.above_state(1.0 / i, 0.01 ORDER BY i) AS st FROM generate_series(1, 100000) AS i
      UNION ALL
      SELECT 'smallest first', pg_temp.above_state(1.0 / i, 0.01 ORDER BY i DESC) FROM generate_series(1, 100000) AS i) AS s;
-- equal states have equal text whatever the order of their rows
SELECT (SELECT _share_above_accum(_share_above_accum(NULL, 1, 0.1), 2, 0.1))::text =
       (SELECT _share_above_accum(_share_above_accum(NULL, 2, 0.1), 1, 0.1))::text AS canonical;
-- top_share keeps at most n weights and the exact total
SELECT t::text LIKE '1;top;2;5;%;5,4' AS top_state
FROM (SELECT _top_share_accum(_top_share_accum(_top_share_accum(_top_share_accum(_top_share_accum(NULL, 3, 2), 1, 2), 5, 2), 4, 2), 2, 2) AS t) AS s;
SELECT _top_share_final(st) AS top2 FROM (SELECT _top_share_accum(_top_share_accum(_top_share_accum(NULL, 3, 2), 1, 2), 4, 2) AS st) AS s;
-- final functions read states built by hand; calling a state function
-- outside an aggregate does not change its input
WITH s AS (SELECT _share_above_accum(NULL, 2, 0.3) AS st)
SELECT _share_above_final(_share_above_accum(st, 1, 0.3)) AS two_names, _share_above_final(st) AS one_name,
       _count_above_final(_share_above_accum(st, 1, 0.3)) AS names_above FROM s;
WITH s AS (SELECT _top_share_accum(NULL, 2, 1) AS st)
SELECT _top_share_final(_top_share_accum(st, 6, 1)) AS two_names, _top_share_final(st) AS one_name FROM s;
-- round trips through text, for states over every magnitude, and results
CREATE TEMP TABLE ws_states AS
SELECT k,
       _top_share_accum(_top_share_accum(_top_share_accum(NULL, k * 10 ^ (k % 600 - 300), 2), 1.5 ^ k, 2), 1e-300 * k, 2) AS top,
       _share_above_accum(_share_above_accum(_share_above_accum(NULL, k * 10 ^ (k % 600 - 300), 0.01), 1.5 ^ k, 0.01), 1e-300 * k, 0.01) AS above,
       _active_share_accum(_active_share_accum(NULL, k * 10 ^ (k % 600 - 300), 1.5 ^ k), 1e-300 * k, 1 / k) AS active
FROM generate_series(1, 400) AS k;
SELECT count(*) AS states,
       count(*) FILTER (WHERE top::text::weightset::text = top::text
                        AND above::text::weightset::text = above::text
                        AND active::text::weightset::text = active::text) AS text_round_trips,
       count(*) FILTER (WHERE same_bits(_top_share_final(top::text::weightset), _top_share_final(top))
                        AND same_bits(_share_above_final(above::text::weightset), _share_above_final(above))
                        AND same_bits(_active_share_final(active::text::weightset), _active_share_final(active))) AS same_result
FROM ws_states;
-- and through the binary form (COPY BINARY uses _weightset_send/recv)
COPY ws_states TO '/tmp/tactalloc_regress_ws.bin' (FORMAT binary);
CREATE TEMP TABLE ws_states2 (LIKE ws_states);
COPY ws_states2 FROM '/tmp/tactalloc_regress_ws.bin' (FORMAT binary);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a.top::text = b.top::text AND a.above::text = b.above::text
                        AND a.active::text = b.active::text) AS identical
FROM ws_states a JOIN ws_states2 b USING (k);

-- combine: empty partials first; merged states equal one pass over all rows
SELECT _weightset_combine(NULL, NULL) IS NULL AS both_null;
SELECT _share_above_final(_weightset_combine(NULL, _share_above_accum(NULL, 2, 0.1))) AS left_null,
       _share_above_final(_weightset_combine(_share_above_accum(NULL, 2, 0.1), NULL)) AS right_null;
SELECT _share_above_final(_weightset_combine('1;above;0.1;0;0;'::weightset, _share_above_accum(NULL, 2, 0.1))) AS left_empty,
       _share_above_final(_weightset_combine(_share_above_accum(NULL, 2, 0.1), '1;above;0.1;0;0;'::weightset)) AS right_empty;
SELECT _share_above_final('1;above;0.1;0;0;'::weightset) IS NULL AS empty_above,
       _active_share_final('1;active;'::weightset) IS NULL AS empty_active;
SELECT _weightset_combine(_share_above_accum(_share_above_accum(NULL, 1, 0.2), 3, 0.2),
                         _share_above_accum(_share_above_accum(NULL, 2, 0.2), 4, 0.2)) AS merged_above;
SELECT _weightset_combine(_active_share_accum(NULL, 1, 2), _active_share_accum(NULL, NULL, 4)) AS merged_active;
SELECT _top_share_final(_weightset_combine(_top_share_accum(_top_share_accum(NULL, 1, 2), 3, 2),
                                         _top_share_accum(_top_share_accum(NULL, 4, 2), 2, 2))) AS merged_top,
       top_share(w, 2) AS direct FROM (VALUES (1::float8), (3), (4), (2)) AS v(w);
-- states of another aggregate or with another parameter are rejected
SELECT expect_error($$SELECT _top_share_final(_share_above_accum(NULL, 1, 0.1))$$);
SELECT expect_error($$SELECT _active_share_final(_top_share_accum(NULL, 1, 3))$$);
SELECT expect_error($$SELECT _share_above_accum(_active_share_accum(NULL, 1, 1), 1, 0.1)$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum(NULL, 1, 0.1), _active_share_accum(NULL, 1, 1))$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum(NULL, 1, 0.1), _share_above_accum(NULL, 1, 0.2))$$);
SELECT expect_error($$SELECT _weightset_combine(_top_share_accum(NULL, 1, 10), _top_share_accum(NULL, 1, 5))$$);
SELECT expect_error($$SELECT _top_share_accum(_top_share_accum(NULL, 1, 10), 1, 5)$$);

-- malformed text is rejected (22P02)
SELECT t, expect_error(format('SELECT %L::weightset', t)) AS result
FROM (VALUES (''), ('1'), ('2;above;0.1;1'), ('1;below;0.1;1'), ('1;above;1;1'), ('1;above;-0.1;1'),
             ('1;above;NaN;1'), ('1;above;0.1;2;0;1,'), ('1;above;0.1;2;0;,1'), ('1;above;0.1;1;0;-1'),
             ('1;above;0.1;1;0;1e999'), ('1;above;0.1;1;0;nan'), ('1;above;0.1;1;0;inf'), ('1;above;0.1;1;0; 1'),
             ('1;above;0.1;1;0;1;2'), ('1;above;0.1;1;0;1,2'), ('1;above;0.1;-1;0;'), ('1;above;0.1;1;zz;1'),
             ('1;above;0.1;1'), ('1;above;0.1'),
             ('1;active;1'), ('1;active;1:'), ('1;active;1:2:3'), ('1;active;1:-2'), ('1;active;1:2;'),
             ('1;top;0;1;0;1'), ('1;top;2;x;0;1'), ('1;top;2;3;0;1'), ('1;top;2;1;0;1,2'), ('1;top;2;1;0;1;'),
             ('1;top;2;-1;0;'), ('1;top;99999999999;1;0;1'), ('1;top;2;1;zz;1')) AS v(t);
-- every prefix of a real state's text is rejected or reads as a valid state
SELECT count(*) AS prefixes,
       count(*) FILTER (WHERE r LIKE '22P02:%' OR r = 'no error') AS handled
FROM (SELECT expect_error(format('SELECT %L::weightset::text', left(t, n))) AS r
      FROM (SELECT _top_share_accum(_top_share_accum(NULL, 1e-300, 1), 1e300, 1)::text AS t
            UNION ALL SELECT _share_above_accum(_share_above_accum(NULL, 1e-300, 0.5), 0.25, 0.5)::text
            UNION ALL SELECT _active_share_accum(_active_share_accum(NULL, 1e-300, 2), 0.25, NULL)::text) AS s,
           generate_series(0, length(t) - 1) AS n) AS v;
-- malformed binary input is rejected (22P03)
CREATE TEMP TABLE ws_one (st weightset);
COPY (SELECT '1;above;0.1;zz'::bytea) TO '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY ws_one FROM '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary)$$);

-- bytes that are not a state at all never crash a state function.  A
-- binary-coercible cast needs the same alignment as weightset's (double),
-- which bytea does not have: rawstate is bytea with double alignment.
-- (the shell-type notices differ between majors: not shown)
SET client_min_messages = warning;
CREATE TYPE rawstate;
CREATE FUNCTION rawstate_in(cstring) RETURNS rawstate AS 'byteain' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION rawstate_out(rawstate) RETURNS cstring AS 'byteaout' LANGUAGE internal IMMUTABLE STRICT;
RESET client_min_messages;
CREATE TYPE rawstate (INPUT = rawstate_in, OUTPUT = rawstate_out, INTERNALLENGTH = VARIABLE,
                      ALIGNMENT = double, STORAGE = extended);
CREATE CAST (bytea AS rawstate) WITH INOUT;
CREATE CAST (rawstate AS bytea) WITH INOUT;
CREATE CAST (rawstate AS weightset) WITHOUT FUNCTION;
CREATE CAST (weightset AS rawstate) WITHOUT FUNCTION;
SELECT expect_error($$SELECT _share_above_accum('\x00'::bytea::rawstate::weightset, 1, 0.1)$$);
SELECT expect_error($$SELECT _top_share_final('\x00000000000000000000000000000000000000000000000000000000'::bytea::rawstate::weightset)$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum(NULL, 1, 0.1), '\xdeadbeef'::bytea::rawstate::weightset)$$);
SELECT expect_error($$SELECT _weightset_out(decode(repeat('53574154', 12), 'hex')::rawstate::weightset)$$);
-- a real state with one header field or one weight corrupted, truncated or extended
SELECT length(_share_above_accum(NULL, 1, 0.1)::rawstate::bytea) AS above_state_bytes;
SELECT field, expect_error(format($$SELECT _share_above_final(%L::bytea::rawstate::weightset)$$, b)) AS result
FROM (SELECT _share_above_accum(_share_above_accum(NULL, 1, 0.1), 2, 0.1)::rawstate::bytea AS st) AS s,
LATERAL (VALUES
  ('magic', set_byte(st, 0, 0)),
  ('version', set_byte(st, 4, 9)),
  ('kind', set_byte(st, 5, 200)),
  ('flags', set_byte(st, 6, 2)),
  ('nvals', set_byte(st, 8, 17)),
  ('capacity', set_byte(st, 12, 15)),
  ('reserved2', set_byte(st, 16, 1)),
  ('count', set_byte(st, 20, 1)),
  ('threshold', set_byte(st, 35, 127)),
  ('cut', set_byte(st, 43, 255)),
  ('total chunks', set_byte(st, 48, 0)),
  ('weight NaN', overlay(st placing '\x000000000000f87f'::bytea from 109 for 8)),
  ('weight negative', set_byte(st, 115, 191)),
  ('truncated', substring(st from 1 for length(st) - 8)),
  ('extended', st || '\x0000000000000000'::bytea)) AS c(field, b)
ORDER BY field;
SELECT field, expect_error(format($$SELECT _top_share_final(%L::bytea::rawstate::weightset)$$, b)) AS result
FROM (SELECT _top_share_accum(_top_share_accum(_top_share_accum(NULL, 1, 2), 2, 2), 3, 2)::rawstate::bytea AS st) AS s,
LATERAL (VALUES
  ('n', set_byte(st, 35, 63)),
  ('heap order', overlay(st placing substring(st from length(st) - 7 for 8) || substring(st from length(st) - 15 for 8)
                         from length(st) - 15 for 16)),
  ('cut', set_byte(st, 43, 63)),
  ('total chunks', set_byte(st, 48, 250)),
  ('total budget', set_byte(st, 55, 255))) AS c(field, b)
ORDER BY field;
-- partial states kept per sector roll up to the index exactly; a malformed
-- stored state is rejected by the rolling-up aggregate, named in the error
CREATE AGGREGATE pg_temp.count_above_rollup(weightset) (SFUNC = _weightset_combine, STYPE = weightset,
                                                        FINALFUNC = _count_above_final);
CREATE AGGREGATE pg_temp.top_share_rollup(weightset) (SFUNC = _weightset_combine, STYPE = weightset,
                                                      FINALFUNC = _top_share_final);
CREATE AGGREGATE pg_temp.top_state(float8, int4) (SFUNC = _top_share_accum, STYPE = weightset);
CREATE TEMP TABLE sector_states AS
SELECT i % 7 AS sector, pg_temp.above_state(1.0 / i, 0.001) AS above, pg_temp.top_state(1.0 / i, 10) AS top
FROM generate_series(1, 10000) AS i GROUP BY i % 7;
SELECT pg_temp.count_above_rollup(above) AS rolled_up_count,
       (SELECT count_above(1.0 / i, 0.001) FROM generate_series(1, 10000) AS i) AS direct_count,
       same_bits(pg_temp.top_share_rollup(top), (SELECT top_share(1.0 / i, 10) FROM generate_series(1, 10000) AS i)) AS top_same_bits
FROM sector_states;
SELECT expect_error($$SELECT pg_temp.count_above_rollup(st)
                      FROM (VALUES (_share_above_accum(NULL, 1, 0.1)), ('\xdeadbeef'::bytea::rawstate::weightset)) AS v(st)$$);
-- the running state inside an aggregate is updated in place, a direct call copies
SELECT _share_above_final(_share_above_accum(st, 1, 0.1)) AS added, _share_above_final(st) AS unchanged
FROM (SELECT _share_above_accum(NULL, 3, 0.1) AS st) AS s;
-- every state a function returns reads back, as text and through binary
-- COPY (_weightset_send/recv): random states (seeded) of weights from
-- subnormals to near the largest double, with ties and zeros, of every kind
-- and parameter, built by the aggregates, by direct calls and by combine
SELECT det_setseed(25);
CREATE AGGREGATE pg_temp.active_state(float8, float8) (SFUNC = _active_share_accum, STYPE = weightset);
CREATE AGGREGATE pg_temp.ws_rollup(weightset) (SFUNC = _weightset_combine, STYPE = weightset);
CREATE FUNCTION pg_temp.random_weight() RETURNS float8 LANGUAGE sql VOLATILE AS $$
  SELECT CASE floor(det_random() * 8)::int
           WHEN 0 THEN floor(det_random() * 2000) * 5e-324
           WHEN 1 THEN det_random() * 2.2250738585072014e-308
           WHEN 2 THEN det_random() * 1e-300
           WHEN 3 THEN det_random() * 1e300
           WHEN 4 THEN (0.5 + det_random() / 2) * 1.7976931348623157e308
           WHEN 5 THEN floor(det_random() * 4)
           ELSE det_random() END $$;
CREATE TEMP TABLE ws_rows AS
SELECT i, i % 60 AS g, pg_temp.random_weight() AS w, pg_temp.random_weight() AS b
FROM generate_series(1, 3000) AS i;
CREATE TEMP TABLE ws_params AS
SELECT g, (ARRAY[1, 2, 5, 50, 1000])[g % 5 + 1] AS n,
       (ARRAY[0, 5e-324, 1e-310, 0.001, 0.3, 0.9999999999999999])[g % 6 + 1]::float8 AS t
FROM generate_series(0, 59) AS g;
-- one pass per group, and the same rows in three parts merged by combine
CREATE TEMP TABLE ws_random AS
SELECT 'aggregate' AS how, g, pg_temp.top_state(w, n ORDER BY i) AS top, pg_temp.above_state(w, t ORDER BY i) AS above,
       pg_temp.active_state(w, b ORDER BY i) AS active
FROM ws_rows JOIN ws_params USING (g) GROUP BY g
UNION ALL
SELECT 'combined', g, pg_temp.ws_rollup(top ORDER BY part), pg_temp.ws_rollup(above ORDER BY part DESC), pg_temp.ws_rollup(active ORDER BY part)
FROM (SELECT g, i % 3 AS part, pg_temp.top_state(w, n ORDER BY i) AS top, pg_temp.above_state(w, t ORDER BY i) AS above,
             pg_temp.active_state(w, b ORDER BY i) AS active
      FROM ws_rows JOIN ws_params USING (g) GROUP BY g, i % 3) AS parts GROUP BY g;
-- direct calls: one more row, and combine by hand with an empty state
INSERT INTO ws_random
SELECT 'direct', g, _top_share_accum(top, 5e-324, n), _share_above_accum(above, 1.7976931348623157e308, t),
       _active_share_accum(active, NULL, 5e-324)
FROM ws_random JOIN ws_params USING (g) WHERE how = 'aggregate'
UNION ALL
SELECT 'with empty', g, _weightset_combine(format('1;top;%s;0;0;', n)::weightset, top),
       _weightset_combine(above, format('1;above;%s;0;0;', t)::weightset), _weightset_combine('1;active;', active)
FROM ws_random JOIN ws_params USING (g) WHERE how = 'aggregate';
SELECT how, count(*) AS states,
       count(*) FILTER (WHERE top::text::weightset::text = top::text AND above::text::weightset::text = above::text
                        AND active::text::weightset::text = active::text) AS text_round_trips,
       count(*) FILTER (WHERE same_bits(_top_share_final(top::text::weightset), _top_share_final(top))
                        AND same_bits(_share_above_final(above::text::weightset), _share_above_final(above))
                        AND _count_above_final(above::text::weightset) = _count_above_final(above)
                        AND same_bits(_active_share_final(active::text::weightset), _active_share_final(active))) AS same_results,
       count(*) FILTER (WHERE _top_share_final(top) BETWEEN 0 AND 1 AND _share_above_final(above) BETWEEN 0 AND 1
                        AND _active_share_final(active) BETWEEN 0 AND 1) AS in_range,
       count(*) FILTER (WHERE top::text ~ '(^|[;,])[0-9.]*e-3[0-9][0-9]'
                        OR above::text ~ '(^|[;,])[0-9.]*e-3[0-9][0-9]') AS with_subnormal_or_tiny
FROM ws_random GROUP BY how ORDER BY how;
-- merged states have the same (canonical) text as one pass over all rows
SELECT count(*) AS groups,
       count(*) FILTER (WHERE a.top::text = c.top::text AND a.above::text = c.above::text
                        AND a.active::text = c.active::text) AS same_text
FROM ws_random a JOIN ws_random c USING (g) WHERE a.how = 'aggregate' AND c.how = 'combined';
COPY ws_random TO '/tmp/tactalloc_regress_ws_random.bin' (FORMAT binary);
CREATE TEMP TABLE ws_random2 (LIKE ws_random);
COPY ws_random2 FROM '/tmp/tactalloc_regress_ws_random.bin' (FORMAT binary);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a.top::text = b.top::text AND a.above::text = b.above::text
                        AND a.active::text = b.active::text) AS binary_round_trips
FROM ws_random a JOIN ws_random2 b USING (how, g);
-- subnormal weights and thresholds read back (they were rejected)
SELECT _top_share_accum(NULL, 5e-324, 1)::text::weightset AS subnormal_weight,
       _share_above_accum(NULL, 1, 5e-324)::text::weightset AS subnormal_threshold,
       _active_share_accum(NULL, 2.2250738585072009e-308, 5e-324)::text::weightset AS subnormal_pair;
-- a state merged with itself until its row count is 2^62 reads back at each
-- step; once more and the count overflows bigint: 22003 at once
WITH RECURSIVE r(i, s) AS (SELECT 0, '1;top;1;1;1.0.1.00000001;1'::weightset
                           UNION ALL SELECT i + 1, _weightset_combine(s, s) FROM r WHERE i < 62)
SELECT count(*) AS states, count(*) FILTER (WHERE s::text::weightset::text = s::text) AS round_trips,
       max(s::text) FILTER (WHERE i = 62) AS last
FROM r;
SELECT expect_error($$SELECT _weightset_combine(s, s) FROM (SELECT '1;top;1;4611686018427387904;1.1.1.40000000;1'::weightset AS s) AS v$$);
SELECT expect_error($$SELECT _weightset_combine('1;above;0.5;9223372036854775807;0;'::weightset, _share_above_accum(NULL, 1, 0.5))$$);
SELECT expect_error($$SELECT _top_share_accum('1;top;1;9223372036854775807;0;0'::weightset, 1, 1)$$);
SELECT expect_error($$SELECT _share_above_accum('1;above;0.5;9223372036854775807;0;'::weightset, 1, 0.5)$$);

-- no stale memory in stored values: a group's state grows into memory that
-- held the previous group's weights (777); the spare room is zero, and the
-- state has the same bytes as the same rows aggregated alone
SET enable_hashagg = off;
CREATE TEMP TABLE ws_stale AS
SELECT g, pg_temp.above_state(w, 0 ORDER BY o) AS above, pg_temp.top_state(w, 50 ORDER BY o) AS top,
       pg_temp.active_state(w, w ORDER BY o) AS active
FROM (SELECT 1 AS g, 0 AS o, 777::float8 AS w FROM generate_series(1, 40)
      UNION ALL SELECT 2, 0, 99 UNION ALL SELECT 2, 1, 1 FROM generate_series(1, 18)) AS v
GROUP BY g;
RESET enable_hashagg;
CREATE TEMP TABLE ws_alone AS
SELECT pg_temp.above_state(w, 0 ORDER BY o) AS above, pg_temp.top_state(w, 50 ORDER BY o) AS top,
       pg_temp.active_state(w, w ORDER BY o) AS active
FROM (SELECT 0 AS o, 99::float8 AS w UNION ALL SELECT 1, 1 FROM generate_series(1, 18)) AS v;
SELECT position('\x0000000000488840'::bytea IN s.above::rawstate::bytea) AS above_777_at,
       position('\x0000000000488840'::bytea IN s.top::rawstate::bytea) AS top_777_at,
       position('\x0000000000488840'::bytea IN s.active::rawstate::bytea) AS active_777_at,
       s.above::rawstate::bytea = a.above::rawstate::bytea AND s.top::rawstate::bytea = a.top::rawstate::bytea
         AND s.active::rawstate::bytea = a.active::rawstate::bytea AS same_bytes_as_alone,
       length(s.active::rawstate::bytea) AS active_bytes
FROM ws_stale s, ws_alone a WHERE s.g = 2;
-- a state returned outside an aggregate has no spare room (capacity = entries)
SELECT f, substring(b FROM 9 FOR 4) = substring(b FROM 13 FOR 4) AS no_spare_room, length(b) AS bytes
FROM (VALUES ('_top_share_accum', _top_share_accum(_top_share_accum(NULL, 99, 50), 1, 50)::rawstate::bytea),
             ('_share_above_accum', _share_above_accum(_share_above_accum(NULL, 99, 0), 1, 0)::rawstate::bytea),
             ('_active_share_accum', _active_share_accum(_active_share_accum(NULL, 99, 1), 1, 99)::rawstate::bytea),
             ('_weightset_combine', _weightset_combine(_top_share_accum(NULL, 99, 50), _top_share_accum(NULL, 1, 50))::rawstate::bytea),
             ('_weightset_combine, one side empty', _weightset_combine(NULL, (SELECT top FROM ws_alone))::rawstate::bytea),
             ('_weightset_in', '1;top;50;2;1.0.1.00000064;99,1'::weightset::rawstate::bytea)) AS v(f, b);

-- forged but well-formed states: a state must be one the aggregates can
-- build, so no final function can leave its range
SELECT t, expect_error(format('SELECT %L::weightset', t)) AS result
FROM (VALUES ('1;top;1;2;0;1'), ('1;top;2;3;1.0.1.00000001;5,4'), ('1;top;2;2;1.0.1.0000000a;5,4'),
             ('1;top;2;3;1.0.1.0000000e;5,4'), ('1;top;1;1;1.90.1.00000001;1'),
             ('1;top;1;2;1.-35.2.0000400000000001;5e-324'),
             ('1;above;0.1;3;1.0.1.00000001;5,4'), ('1;above;0.1;2;1.0.1.00000064;60'),
             ('1;above;0.1;2;1.0.1.00000064;60,0'), ('1;above;0.1;0;1.0.1.00000001;'),
             ('1;above;0.5;1;1.97.1.00000001;')) AS v(t);
-- the limits themselves are real states
SELECT _top_share_final('1;top;2;3;1.0.1.0000000d;5,4') AS top2_of_5_4_4,
       _share_above_final('1;above;0.5;3;1.0.1.00000064;60') AS above_half,
       _count_above_final('1;above;0.5;3;1.0.1.00000064;60') AS names_above_half;
-- random forged texts: each is rejected or gives results in range
CREATE FUNCTION pg_temp.forged_outcome(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  s weightset;
  r float8;
  c bigint;
BEGIN
  BEGIN
    s := t::weightset;
  EXCEPTION WHEN OTHERS THEN
    RETURN 'rejected ' || SQLSTATE;
  END;
  IF t LIKE '1;top;%' THEN
    r := _top_share_final(s);
  ELSIF t LIKE '1;above;%' THEN
    r := _share_above_final(s);
    c := _count_above_final(s);
    IF c < 0 OR c > split_part(t, ';', 4)::bigint OR (c IS NULL) <> (r IS NULL) THEN
      RETURN 'count out of range';
    END IF;
  ELSE
    r := _active_share_final(s);
  END IF;
  RETURN CASE WHEN r IS NULL THEN 'accepted, NULL' WHEN r BETWEEN 0 AND 1 THEN 'accepted, in range'
              ELSE 'OUT OF RANGE ' || r END;
END $$;
SELECT det_setseed(50);
CREATE TEMP TABLE ws_forged AS
SELECT CASE k WHEN 0 THEN format('1;top;%s;%s;%s;%s', 1 + floor(det_random() * 3), cnt, tot, ws)
              WHEN 1 THEN format('1;above;%s;%s;%s;%s', (ARRAY[0, 0.1, 0.5, 0.9])[1 + floor(det_random() * 4)], cnt, tot, ws)
              ELSE format('1;active;%s', pairs) END AS t
FROM (SELECT floor(det_random() * 3)::int AS k,
             (ARRAY['0', '1', '2', '3', '5', '100', '4611686018427387904', '9223372036854775807'])[1 + floor(det_random() * 8)] AS cnt,
             (ARRAY['0', '1.0.1.00000001', '1.0.1.00000005', '1.0.1.00000009', '1.0.1.0000000d', '1.0.1.00000064',
                    '1.-34.1.00004000', '1.32.1.00000001', '1.60.1.00000001', '1.-101.1.00000001', '1.0.1.-00000001'])[1 + floor(det_random() * 11)] AS tot,
             (ARRAY['', '1', '5', '5,4', '4,4', '5,4,4', '60', '0', '5e-324', '1e308,1e308', '1,0'])[1 + floor(det_random() * 11)] AS ws,
             (ARRAY['', '1:1', '1:0', '0:1', '1e308:1,1e308:1', '0:0', '5e-324:1,1:5e-324'])[1 + floor(det_random() * 7)] AS pairs
      FROM generate_series(1, 3000)) AS r;
SELECT pg_temp.forged_outcome(t) AS outcome, count(*) AS texts FROM ws_forged GROUP BY 1 ORDER BY 1;
-- a real state with its row count, total or cut forged in its bytes
SELECT field, expect_error(format($$SELECT %s%L::bytea::rawstate::weightset)$$, f, b)) AS result
FROM (SELECT _top_share_accum(_top_share_accum(_top_share_accum(NULL, 1, 2), 2, 2), 3, 2)::rawstate::bytea AS top,
             _share_above_accum(_share_above_accum(NULL, 1, 0), 2, 0)::rawstate::bytea AS above) AS s,
LATERAL (VALUES
  ('top count', '_top_share_final(', set_byte(top, 20, 2)),
  ('top total chunk not normalised', '_top_share_final(', set_byte(top, 67, 64)),
  ('top total chunk not normalised, combined', '_weightset_combine(NULL::weightset, ', set_byte(top, 67, 64)),
  ('top total too large', '_top_share_final(', set_byte(top, 83, 1)),
  ('top total too large, combined', '_weightset_combine(_top_share_accum(NULL, 1, 2), ', set_byte(top, 83, 1)),
  ('above count', '_count_above_final(', set_byte(above, 20, 1)),
  ('above cut', '_share_above_final(', set_byte(above, 43, 63)),
  ('above threshold -0', '_share_above_final(', set_byte(above, 35, 128))) AS c(field, f, b)
ORDER BY field;
-- both sides of combine are of the same kind and parameter, even an empty one
SELECT expect_error($$SELECT _weightset_combine('1;top;1;0;0;'::weightset, _share_above_accum(NULL, 1, 0.1))$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum(NULL, 1, 0.1), '1;active;'::weightset)$$);
SELECT expect_error($$SELECT _weightset_combine(_share_above_accum(NULL, 1, 0.1), '1;above;0.2;0;0;'::weightset)$$);
SELECT expect_error($$SELECT _weightset_combine('1;top;3;0;0;'::weightset, '1;top;2;0;0;'::weightset)$$);

-- input errors name the input function and quote text at a character
-- boundary (80 bytes at most); binary input is not quoted
SELECT expect_error(format('SELECT %L::weightset', '1;top;x' || repeat('é', 60))) AS cut_text;
-- 79 bytes (the next character would end at byte 81) and "..."
SELECT octet_length(substring(m FROM '"(.*)"')) AS quoted_bytes
FROM (SELECT expect_error(format('SELECT %L::weightset', '1;top;x' || repeat('é', 60))) AS m) AS e;
COPY (SELECT convert_to('1;top;x' || repeat('é', 60), 'UTF8')) TO '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY ws_one FROM '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary)$$) AS binary_input;
COPY (SELECT '\x313b746f703b0a00ff'::bytea) TO '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY ws_one FROM '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary)$$) AS binary_junk;

-- every state function called directly with junk, extreme and foreign states
CREATE FUNCTION pg_temp.value_or_error(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r text;
BEGIN
  EXECUTE sql INTO r;
  RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT f, pg_temp.value_or_error(format('SELECT %s', f)) AS result
FROM (VALUES ('_weightset_out(''\x''::bytea::rawstate::weightset)'),
             ('_weightset_send(''\x00''::bytea::rawstate::weightset)'),
             ('_weightset_send(''1;top;1;1;1.0.1.00000001;1''::weightset)'),
             ('_top_share_accum(''1;active;''::weightset, 1, 1)'),
             ('_top_share_accum(NULL, 1.7976931348623157e308, 2147483647)'),
             ('_top_share_accum(''1;top;2147483647;0;0;''::weightset, 5e-324, 2147483647)::text'),
             ('_top_share_final(NULL)'),
             ('_top_share_final(''1;top;1;0;0;''::weightset)'),
             ('_share_above_accum(NULL, ''NaN'', 0.5)'),
             ('_share_above_accum(''1;above;0;0;0;''::weightset, 1, -0.0)::text'),
             ('_share_above_accum(''1;above;0;0;0;''::weightset, 1, 5e-324)'),
             ('_share_above_final(''1;above;0.9999999999999999;0;0;''::weightset)'),
             ('_count_above_final(''1;top;1;0;0;''::weightset)'),
             ('_count_above_final(NULL)'),
             ('_active_share_accum(''1;above;0;0;0;''::weightset, 1, 1)'),
             ('_active_share_accum(NULL, -0.0, -0.0)::text'),
             ('_active_share_accum(NULL, ''-Infinity'', 1)'),
             ('_active_share_final(''1;active;0:0,0:0''::weightset)'),
             ('_active_share_final(''1;active;1.7976931348623157e308:5e-324,1.7976931348623157e308:5e-324''::weightset)'),
             ('_weightset_combine(''1;active;1:2''::weightset, ''\x00''::bytea::rawstate::weightset)'),
             ('_weightset_combine(''1;active;1:2''::weightset, ''1;active;3:4''::weightset)::text')) AS v(f);
DROP TYPE rawstate CASCADE;

-- streak states: int8[] {rows, leading run, trailing run, longest run}
SELECT _streak_accum(_streak_accum(_streak_accum(_streak_accum(NULL, true), true), false), true) AS streak_state;
SELECT _streak_combine('{4,2,1,2}', '{4,1,2,2}') AS merged, _streak_combine('{2,2,2,2}', '{3,3,3,3}') AS all_true,
       _streak_combine(NULL, '{1,0,0,0}') AS left_null, _streak_combine('{1,1,1,1}', NULL) AS right_null,
       _streak_combine('{0,0,0,0}', '{1,1,1,1}') AS left_empty, _streak_combine(NULL, NULL) AS both_null;
SELECT _longest_streak_final('{8,2,1,3}') AS longest, _current_streak_final('{8,2,1,3}') AS current,
       _longest_streak_final('{0,0,0,0}') IS NULL AS empty_is_null;
SELECT s, expect_error(format('SELECT _longest_streak_final(%L)', s)) AS result
FROM (VALUES ('{1,2,3}'), ('{1,2,3,4,5}'), ('{{1,1},{1,1}}'), ('{1,NULL,0,0}'), ('{-1,0,0,0}'),
             ('{3,4,0,4}'), ('{3,0,1,0}'), ('{3,3,2,3}'), ('{3,1,1,3}'), ('{3,2,1,2}'), ('{5,2,2,5}'), ('{5,2,1,3}')) AS v(s);
SELECT expect_error($$SELECT _streak_combine('{1,1,1,1}', '{2,0,0,3}')$$);
SELECT expect_error($$SELECT _streak_accum('{2,1,1,2}', true)$$);
