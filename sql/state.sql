-- exactsum states: text and binary forms, combine by hand, malformed input
SET extra_float_digits = 3;

-- the text form is compact and canonical
SELECT hhi_accum(hhi_accum(NULL, 0.25), 0.75) AS hhi_state;
SELECT dts_accum(NULL, 0.5, 5, 100) AS dts_state;
SELECT hhi_accum_mode(hhi_accum_mode(NULL, 1.5, 'gross'), -0.5, 'gross') AS gross_state;
-- final functions read states built by hand
SELECT hhi_final(hhi_accum(hhi_accum(NULL, 0.25), 0.75)) AS hhi,
       effective_n_final(hhi_accum(hhi_accum(NULL, 0.25), 0.75)) AS eff_n;
-- calling a state function outside an aggregate does not change its input
WITH s AS (SELECT hhi_accum(NULL, 2) AS st)
SELECT hhi_final(hhi_accum(st, 2)) AS two_names, hhi_final(st) AS one_name FROM s;
-- round trip through text, for states over every magnitude
SELECT count(*) AS states,
       count(*) FILTER (WHERE st::text::exactsum::text = st::text) AS text_round_trips,
       count(*) FILTER (WHERE same_bits(hhi_final(st::text::exactsum), hhi_final(st))) AS same_result
FROM (SELECT k, hhi_accum_mode(hhi_accum_mode(hhi_accum_mode(NULL, (k - 100) * 10 ^ (k % 600 - 300), 'gross'),
                                      1.5 ^ k, 'gross'), -1e-300 * k, 'gross') AS st
      FROM generate_series(1, 400) AS k) AS v;
-- and through the binary form (COPY BINARY uses exactsum_send/recv)
CREATE TEMP TABLE states (k int, st exactsum);
INSERT INTO states SELECT k, hhi_accum(hhi_accum(NULL, k), 1.0 / k) FROM generate_series(1, 50) AS k;
COPY states TO '/tmp/tactalloc_regress_states.bin' (FORMAT binary);
CREATE TEMP TABLE states2 (k int, st exactsum);
COPY states2 FROM '/tmp/tactalloc_regress_states.bin' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.st::text = b.st::text) AS identical
FROM states a JOIN states2 b USING (k);
-- stored states roll up exactly (e.g. per sector in a materialized view)
SELECT hhi_final(exactsum_combine(exactsum_combine(hhi_accum(NULL, 1), hhi_accum(NULL, 3)), NULL)) AS rolled_up,
       hhi(w) AS direct FROM (VALUES (1::float8), (3)) AS v(w);

-- combine: empty partials first
SELECT exactsum_combine(NULL, NULL) IS NULL AS both_null;
SELECT hhi_final(exactsum_combine(NULL, hhi_accum(NULL, 2))) AS left_null,
       hhi_final(exactsum_combine(hhi_accum(NULL, 2), NULL)) AS right_null;
SELECT hhi_final(exactsum_combine('1;hhi;net;0;0;0'::exactsum, hhi_accum(NULL, 2))) AS left_empty,
       hhi_final(exactsum_combine(hhi_accum(NULL, 2), '1;hhi;net;0;0;0'::exactsum)) AS right_empty;
SELECT hhi_final('1;hhi;net;0;0;0'::exactsum) IS NULL AS empty_state_is_null;

-- states of another aggregate or mode are rejected
SELECT expect_error($$SELECT hhi_final(dts_accum(NULL, 1, 2, 3))$$);
SELECT expect_error($$SELECT dts_final(hhi_accum(NULL, 1))$$);
SELECT expect_error($$SELECT hhi_accum(dts_accum(NULL, 1, 2, 3), 1)$$);
SELECT expect_error($$SELECT exactsum_combine(hhi_accum(NULL, 1), dts_accum(NULL, 1, 2, 3))$$);
SELECT expect_error($$SELECT exactsum_combine(hhi_accum(NULL, 1), hhi_accum_mode(NULL, 1, 'gross'))$$);

-- malformed text is rejected (22P02)
SELECT expect_error($$SELECT ''::exactsum$$);
SELECT expect_error($$SELECT '2;hhi;net;0;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhx;net;0;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;long;0;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;dts;net;0;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;-1;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;x;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;99999999999999999999;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;1;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;1;0;0;0'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;1;0;0;'::exactsum$$);
SELECT expect_error($$SELECT '1;hhi;net;1'::exactsum$$);
-- every prefix of a real state's text is rejected (truncation)
SELECT count(*) AS prefixes,
       count(*) FILTER (WHERE expect_error(format('SELECT %L::exactsum', left(t, n))) LIKE '22P02:%') AS rejected
FROM (SELECT hhi_accum(hhi_accum(NULL, 1e-300), 1e300)::text AS t) AS s,
     generate_series(0, length(t) - 1) AS n;
-- every single-character corruption of a sum's text is rejected or reads a valid state
SELECT count(*) AS corruptions,
       count(*) FILTER (WHERE r LIKE '22P02:%' OR r = 'no error') AS handled
FROM (SELECT expect_error(format('SELECT %L::exactsum::text', overlay(t placing c from n for 1))) AS r
      FROM (SELECT hhi_accum(hhi_accum(NULL, 1e-300), 1e300)::text AS t) AS s,
           generate_series(13, length(t)) AS n,
           unnest(ARRAY['g', '0', 'f', ';', ':', '-', ' ']) AS c) AS v;

-- malformed binary input is rejected (22P03)
COPY (SELECT 1, '1;hhi;net;1;zz;0'::bytea) TO '/tmp/tactalloc_regress_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY states2 FROM '/tmp/tactalloc_regress_bad.bin' (FORMAT binary)$$);

-- bytes that are not a state at all never crash a state function
-- (raw_state and state_bytes copy the bytes of a value unchanged: test only)
CREATE FUNCTION raw_state(bytea) RETURNS exactsum AS 'byteasend' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION state_bytes(exactsum) RETURNS bytea AS 'byteasend' LANGUAGE internal IMMUTABLE STRICT;
SELECT expect_error($$SELECT hhi_accum(raw_state('\x00'), 1)$$);
SELECT expect_error($$SELECT hhi_final(raw_state('\x0000000000000000000000000000000000000000'))$$);
SELECT expect_error($$SELECT exactsum_combine(hhi_accum(NULL, 1), raw_state('\xdeadbeef'))$$);
SELECT expect_error($$SELECT exactsum_out(raw_state(decode(repeat('53585854', 6), 'hex')))$$);
-- a real state with one header field corrupted, truncated or extended
SELECT length(state_bytes(hhi_accum(NULL, 1))) AS state_bytes;
SELECT field, expect_error(format($$SELECT hhi_final(raw_state(%L))$$, b)) AS result
FROM (SELECT state_bytes(hhi_accum(NULL, 1)) AS st) AS s,
LATERAL (VALUES
  ('magic', set_byte(st, 0, 0)),
  ('version', set_byte(st, 4, 9)),
  ('kind', set_byte(st, 5, 200)),
  ('nsums', set_byte(st, 6, 3)),
  ('mode', set_byte(st, 7, 7)),
  ('reserved', set_byte(st, 8, 1)),
  ('count', set_byte(st, 19, 128)),
  ('lo', set_byte(st, 23, 127)),
  ('n', set_byte(st, 24, 0)),
  ('n too large', set_byte(st, 25, 1)),
  ('budget', set_byte(st, 31, 255)),
  ('used', set_byte(st, 32, 7)),
  ('truncated', substring(st from 1 for length(st) - 8)),
  ('extended', st || '\x0000000000000000'::bytea)) AS c(field, b)
ORDER BY field;
-- the second accumulator's window size, too large for the bytes that follow
-- (offsets after the length word: header 20, accumulator 0 = 16 + 6 x 8 bytes,
-- then accumulator 1's lo (4 bytes) and n)
SELECT expect_error(format($$SELECT dts_accum(raw_state(%L), 1, 2, 3)$$,
       set_byte(state_bytes(dts_accum(NULL, 1, 2, 3)), 20 + 16 + 6 * 8 + 4, 200)));
DROP FUNCTION raw_state(bytea);
DROP FUNCTION state_bytes(exactsum);
