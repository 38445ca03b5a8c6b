-- weightset and streak states: text and binary forms, combine by hand, malformed input
SET extra_float_digits = 3;

-- the text form: compact, canonical (weights sorted, shortest exact decimals);
-- share_above keeps only the weights that can still end above the threshold
SELECT share_above_accum(share_above_accum(share_above_accum(NULL, 0.25, 0.03), 0.5, 0.03), 0.1, 0.03) AS above_state;
SELECT active_share_accum(active_share_accum(active_share_accum(NULL, 0.5, NULL), NULL, 0.25), 0.1, 0.2) AS active_state;
SELECT share_above_accum(NULL, 1e-300, 0) AS tiny, share_above_accum(NULL, 0.1 + 0.2, 0) AS inexact,
       share_above_accum(NULL, -0.0, 0) AS minus_zero;
-- share_above's state stays small: 100 000 Zipf weights, threshold 1 %
CREATE AGGREGATE pg_temp.above_state(float8, float8) (SFUNC = share_above_accum, STYPE = weightset);
SELECT o, pg_column_size(st) < 4000 AS bounded, count_above_final(st) AS names, share_above_final(st) AS share,
       regexp_replace(st::text, '^(1;above;0.01;100000);[^;]*;', '\1;<total>;') AS state
FROM (SELECT 'largest first' AS o, pg_temp.above_state(1.0 / i, 0.01 ORDER BY i) AS st FROM generate_series(1, 100000) AS i
      UNION ALL
      SELECT 'smallest first', pg_temp.above_state(1.0 / i, 0.01 ORDER BY i DESC) FROM generate_series(1, 100000) AS i) AS s;
-- equal states have equal text whatever the order of their rows
SELECT (SELECT share_above_accum(share_above_accum(NULL, 1, 0.1), 2, 0.1))::text =
       (SELECT share_above_accum(share_above_accum(NULL, 2, 0.1), 1, 0.1))::text AS canonical;
-- top_share keeps at most n weights and the exact total
SELECT t::text LIKE '1;top;2;5;%;5,4' AS top_state
FROM (SELECT top_share_accum(top_share_accum(top_share_accum(top_share_accum(top_share_accum(NULL, 3, 2), 1, 2), 5, 2), 4, 2), 2, 2) AS t) AS s;
SELECT top_share_final(st) AS top2 FROM (SELECT top_share_accum(top_share_accum(top_share_accum(NULL, 3, 2), 1, 2), 4, 2) AS st) AS s;
-- final functions read states built by hand; calling a state function
-- outside an aggregate does not change its input
WITH s AS (SELECT share_above_accum(NULL, 2, 0.3) AS st)
SELECT share_above_final(share_above_accum(st, 1, 0.3)) AS two_names, share_above_final(st) AS one_name,
       count_above_final(share_above_accum(st, 1, 0.3)) AS names_above FROM s;
WITH s AS (SELECT top_share_accum(NULL, 2, 1) AS st)
SELECT top_share_final(top_share_accum(st, 6, 1)) AS two_names, top_share_final(st) AS one_name FROM s;
-- round trips through text, for states over every magnitude, and results
CREATE TEMP TABLE ws_states AS
SELECT k,
       top_share_accum(top_share_accum(top_share_accum(NULL, k * 10 ^ (k % 600 - 300), 2), 1.5 ^ k, 2), 1e-300 * k, 2) AS top,
       share_above_accum(share_above_accum(share_above_accum(NULL, k * 10 ^ (k % 600 - 300), 0.01), 1.5 ^ k, 0.01), 1e-300 * k, 0.01) AS above,
       active_share_accum(active_share_accum(NULL, k * 10 ^ (k % 600 - 300), 1.5 ^ k), 1e-300 * k, 1 / k) AS active
FROM generate_series(1, 400) AS k;
SELECT count(*) AS states,
       count(*) FILTER (WHERE top::text::weightset::text = top::text
                        AND above::text::weightset::text = above::text
                        AND active::text::weightset::text = active::text) AS text_round_trips,
       count(*) FILTER (WHERE same_bits(top_share_final(top::text::weightset), top_share_final(top))
                        AND same_bits(share_above_final(above::text::weightset), share_above_final(above))
                        AND same_bits(active_share_final(active::text::weightset), active_share_final(active))) AS same_result
FROM ws_states;
-- and through the binary form (COPY BINARY uses weightset_send/recv)
COPY ws_states TO '/tmp/tactalloc_regress_ws.bin' (FORMAT binary);
CREATE TEMP TABLE ws_states2 (LIKE ws_states);
COPY ws_states2 FROM '/tmp/tactalloc_regress_ws.bin' (FORMAT binary);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a.top::text = b.top::text AND a.above::text = b.above::text
                        AND a.active::text = b.active::text) AS identical
FROM ws_states a JOIN ws_states2 b USING (k);

-- combine: empty partials first; merged states equal one pass over all rows
SELECT weightset_combine(NULL, NULL) IS NULL AS both_null;
SELECT share_above_final(weightset_combine(NULL, share_above_accum(NULL, 2, 0.1))) AS left_null,
       share_above_final(weightset_combine(share_above_accum(NULL, 2, 0.1), NULL)) AS right_null;
SELECT share_above_final(weightset_combine('1;above;0.1;0;0;'::weightset, share_above_accum(NULL, 2, 0.1))) AS left_empty,
       share_above_final(weightset_combine(share_above_accum(NULL, 2, 0.1), '1;above;0.1;0;0;'::weightset)) AS right_empty;
SELECT share_above_final('1;above;0.1;0;0;'::weightset) IS NULL AS empty_above,
       active_share_final('1;active;'::weightset) IS NULL AS empty_active;
SELECT weightset_combine(share_above_accum(share_above_accum(NULL, 1, 0.2), 3, 0.2),
                         share_above_accum(share_above_accum(NULL, 2, 0.2), 4, 0.2)) AS merged_above;
SELECT weightset_combine(active_share_accum(NULL, 1, 2), active_share_accum(NULL, NULL, 4)) AS merged_active;
SELECT top_share_final(weightset_combine(top_share_accum(top_share_accum(NULL, 1, 2), 3, 2),
                                         top_share_accum(top_share_accum(NULL, 4, 2), 2, 2))) AS merged_top,
       top_share(w, 2) AS direct FROM (VALUES (1::float8), (3), (4), (2)) AS v(w);
-- states of another aggregate or with another parameter are rejected
SELECT expect_error($$SELECT top_share_final(share_above_accum(NULL, 1, 0.1))$$);
SELECT expect_error($$SELECT active_share_final(top_share_accum(NULL, 1, 3))$$);
SELECT expect_error($$SELECT share_above_accum(active_share_accum(NULL, 1, 1), 1, 0.1)$$);
SELECT expect_error($$SELECT weightset_combine(share_above_accum(NULL, 1, 0.1), active_share_accum(NULL, 1, 1))$$);
SELECT expect_error($$SELECT weightset_combine(share_above_accum(NULL, 1, 0.1), share_above_accum(NULL, 1, 0.2))$$);
SELECT expect_error($$SELECT weightset_combine(top_share_accum(NULL, 1, 10), top_share_accum(NULL, 1, 5))$$);
SELECT expect_error($$SELECT top_share_accum(top_share_accum(NULL, 1, 10), 1, 5)$$);

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
      FROM (SELECT top_share_accum(top_share_accum(NULL, 1e-300, 1), 1e300, 1)::text AS t
            UNION ALL SELECT share_above_accum(share_above_accum(NULL, 1e-300, 0.5), 0.25, 0.5)::text
            UNION ALL SELECT active_share_accum(active_share_accum(NULL, 1e-300, 2), 0.25, NULL)::text) AS s,
           generate_series(0, length(t) - 1) AS n) AS v;
-- malformed binary input is rejected (22P03)
CREATE TEMP TABLE ws_one (st weightset);
COPY (SELECT '1;above;0.1;zz'::bytea) TO '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY ws_one FROM '/tmp/tactalloc_regress_ws_bad.bin' (FORMAT binary)$$);

-- bytes that are not a state at all never crash a state function.  A
-- binary-coercible cast needs the same alignment as weightset's (double),
-- which bytea does not have: rawstate is bytea with double alignment.
CREATE TYPE rawstate;
CREATE FUNCTION rawstate_in(cstring) RETURNS rawstate AS 'byteain' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION rawstate_out(rawstate) RETURNS cstring AS 'byteaout' LANGUAGE internal IMMUTABLE STRICT;
CREATE TYPE rawstate (INPUT = rawstate_in, OUTPUT = rawstate_out, INTERNALLENGTH = VARIABLE,
                      ALIGNMENT = double, STORAGE = extended);
CREATE CAST (bytea AS rawstate) WITH INOUT;
CREATE CAST (rawstate AS bytea) WITH INOUT;
CREATE CAST (rawstate AS weightset) WITHOUT FUNCTION;
CREATE CAST (weightset AS rawstate) WITHOUT FUNCTION;
SELECT expect_error($$SELECT share_above_accum('\x00'::bytea::rawstate::weightset, 1, 0.1)$$);
SELECT expect_error($$SELECT top_share_final('\x00000000000000000000000000000000000000000000000000000000'::bytea::rawstate::weightset)$$);
SELECT expect_error($$SELECT weightset_combine(share_above_accum(NULL, 1, 0.1), '\xdeadbeef'::bytea::rawstate::weightset)$$);
SELECT expect_error($$SELECT weightset_out(decode(repeat('53574154', 12), 'hex')::rawstate::weightset)$$);
-- a real state with one header field or one weight corrupted, truncated or extended
SELECT length(share_above_accum(NULL, 1, 0.1)::rawstate::bytea) AS above_state_bytes;
SELECT field, expect_error(format($$SELECT share_above_final(%L::bytea::rawstate::weightset)$$, b)) AS result
FROM (SELECT share_above_accum(share_above_accum(NULL, 1, 0.1), 2, 0.1)::rawstate::bytea AS st) AS s,
LATERAL (VALUES
  ('magic', set_byte(st, 0, 0)),
  ('version', set_byte(st, 4, 9)),
  ('kind', set_byte(st, 5, 200)),
  ('reserved', set_byte(st, 6, 1)),
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
SELECT field, expect_error(format($$SELECT top_share_final(%L::bytea::rawstate::weightset)$$, b)) AS result
FROM (SELECT top_share_accum(top_share_accum(top_share_accum(NULL, 1, 2), 2, 2), 3, 2)::rawstate::bytea AS st) AS s,
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
CREATE AGGREGATE pg_temp.count_above_rollup(weightset) (SFUNC = weightset_combine, STYPE = weightset,
                                                        FINALFUNC = count_above_final);
CREATE AGGREGATE pg_temp.top_share_rollup(weightset) (SFUNC = weightset_combine, STYPE = weightset,
                                                      FINALFUNC = top_share_final);
CREATE AGGREGATE pg_temp.top_state(float8, int4) (SFUNC = top_share_accum, STYPE = weightset);
CREATE TEMP TABLE sector_states AS
SELECT i % 7 AS sector, pg_temp.above_state(1.0 / i, 0.001) AS above, pg_temp.top_state(1.0 / i, 10) AS top
FROM generate_series(1, 10000) AS i GROUP BY i % 7;
SELECT pg_temp.count_above_rollup(above) AS rolled_up_count,
       (SELECT count_above(1.0 / i, 0.001) FROM generate_series(1, 10000) AS i) AS direct_count,
       same_bits(pg_temp.top_share_rollup(top), (SELECT top_share(1.0 / i, 10) FROM generate_series(1, 10000) AS i)) AS top_same_bits
FROM sector_states;
SELECT expect_error($$SELECT pg_temp.count_above_rollup(st)
                      FROM (VALUES (share_above_accum(NULL, 1, 0.1)), ('\xdeadbeef'::bytea::rawstate::weightset)) AS v(st)$$);
-- the running state inside an aggregate is updated in place, a direct call copies
SELECT share_above_final(share_above_accum(st, 1, 0.1)) AS added, share_above_final(st) AS unchanged
FROM (SELECT share_above_accum(NULL, 3, 0.1) AS st) AS s;
DROP TYPE rawstate CASCADE;

-- streak states: int8[] {rows, leading run, trailing run, longest run}
SELECT streak_accum(streak_accum(streak_accum(streak_accum(NULL, true), true), false), true) AS streak_state;
SELECT streak_combine('{4,2,1,2}', '{4,1,2,2}') AS merged, streak_combine('{2,2,2,2}', '{3,3,3,3}') AS all_true,
       streak_combine(NULL, '{1,0,0,0}') AS left_null, streak_combine('{1,1,1,1}', NULL) AS right_null,
       streak_combine('{0,0,0,0}', '{1,1,1,1}') AS left_empty, streak_combine(NULL, NULL) AS both_null;
SELECT longest_streak_final('{8,2,1,3}') AS longest, current_streak_final('{8,2,1,3}') AS current,
       longest_streak_final('{0,0,0,0}') IS NULL AS empty_is_null;
SELECT s, expect_error(format('SELECT longest_streak_final(%L)', s)) AS result
FROM (VALUES ('{1,2,3}'), ('{1,2,3,4,5}'), ('{{1,1},{1,1}}'), ('{1,NULL,0,0}'), ('{-1,0,0,0}'),
             ('{3,4,0,4}'), ('{3,0,1,0}'), ('{3,3,2,3}'), ('{3,1,1,3}'), ('{3,2,1,2}'), ('{5,2,2,5}'), ('{5,2,1,3}')) AS v(s);
SELECT expect_error($$SELECT streak_combine('{1,1,1,1}', '{2,0,0,3}')$$);
SELECT expect_error($$SELECT streak_accum('{2,1,1,2}', true)$$);
