-- exactsum states: text and binary forms, combine by hand, malformed input
SET extra_float_digits = 3;

-- the text form is compact and canonical
SELECT _hhi_accum(_hhi_accum(NULL, 0.25), 0.75) AS hhi_state;
SELECT _dts_accum(NULL, 0.5, 5, 100) AS dts_state;
SELECT _hhi_accum_mode(_hhi_accum_mode(NULL, 1.5, 'gross'), -0.5, 'gross') AS gross_state;
-- final functions read states built by hand
SELECT _hhi_final(_hhi_accum(_hhi_accum(NULL, 0.25), 0.75)) AS hhi,
       _effective_n_final(_hhi_accum(_hhi_accum(NULL, 0.25), 0.75)) AS eff_n;
-- calling a state function outside an aggregate does not change its input
WITH s AS (SELECT _hhi_accum(NULL, 2) AS st)
SELECT _hhi_final(_hhi_accum(st, 2)) AS two_names, _hhi_final(st) AS one_name FROM s;
-- round trip through text, for states over every magnitude
SELECT count(*) AS states,
       count(*) FILTER (WHERE st::text::exactsum::text = st::text) AS text_round_trips,
       count(*) FILTER (WHERE same_bits(_hhi_final(st::text::exactsum), _hhi_final(st))) AS same_result
FROM (SELECT k, _hhi_accum_mode(_hhi_accum_mode(_hhi_accum_mode(NULL, (k - 100) * 10 ^ (k % 600 - 300), 'gross'),
                                      1.5 ^ k, 'gross'), -1e-300 * k, 'gross') AS st
      FROM generate_series(1, 400) AS k) AS v;
-- and through the binary form (COPY BINARY uses _exactsum_send/recv)
CREATE TEMP TABLE states (k int, st exactsum);
INSERT INTO states SELECT k, _hhi_accum(_hhi_accum(NULL, k), 1.0 / k) FROM generate_series(1, 50) AS k;
COPY states TO '/tmp/tactalloc_regress_states.bin' (FORMAT binary);
CREATE TEMP TABLE states2 (k int, st exactsum);
COPY states2 FROM '/tmp/tactalloc_regress_states.bin' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.st::text = b.st::text) AS identical
FROM states a JOIN states2 b USING (k);
-- stored states roll up exactly (e.g. per sector in a materialized view)
SELECT _hhi_final(_exactsum_combine(_exactsum_combine(_hhi_accum(NULL, 1), _hhi_accum(NULL, 3)), NULL)) AS rolled_up,
       hhi(w) AS direct FROM (VALUES (1::float8), (3)) AS v(w);

-- combine: empty partials first
SELECT _exactsum_combine(NULL, NULL) IS NULL AS both_null;
SELECT _hhi_final(_exactsum_combine(NULL, _hhi_accum(NULL, 2))) AS left_null,
       _hhi_final(_exactsum_combine(_hhi_accum(NULL, 2), NULL)) AS right_null;
SELECT _hhi_final(_exactsum_combine('1;hhi;net;0;0;0'::exactsum, _hhi_accum(NULL, 2))) AS left_empty,
       _hhi_final(_exactsum_combine(_hhi_accum(NULL, 2), '1;hhi;net;0;0;0'::exactsum)) AS right_empty;
SELECT _hhi_final('1;hhi;net;0;0;0'::exactsum) IS NULL AS empty_state_is_null;

-- states of another aggregate or mode are rejected
SELECT expect_error($$SELECT _hhi_final(_dts_accum(NULL, 1, 2, 3))$$);
SELECT expect_error($$SELECT _dts_final(_hhi_accum(NULL, 1))$$);
SELECT expect_error($$SELECT _hhi_accum(_dts_accum(NULL, 1, 2, 3), 1)$$);
SELECT expect_error($$SELECT _exactsum_combine(_hhi_accum(NULL, 1), _dts_accum(NULL, 1, 2, 3))$$);
SELECT expect_error($$SELECT _exactsum_combine(_hhi_accum(NULL, 1), _hhi_accum_mode(NULL, 1, 'gross'))$$);

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
-- input_error(t): the error reading t as an exactsum, or 'no error' (a
-- PL/pgSQL expression, not a query per call: cheap under forced parallel plans)
CREATE FUNCTION input_error(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    r := t::exactsum::text;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
-- every prefix of a real state's text is rejected (truncation)
SELECT count(*) AS prefixes,
       count(*) FILTER (WHERE input_error(left(t, n)) LIKE '22P02:%') AS rejected
FROM (SELECT _hhi_accum(_hhi_accum(NULL, 1e-300), 1e300)::text AS t) AS s,
     generate_series(0, length(t) - 1) AS n;
-- every single-character corruption of a sum's text is rejected or reads a valid state
SELECT count(*) AS corruptions,
       count(*) FILTER (WHERE r LIKE '22P02:%' OR r = 'no error') AS handled
FROM (SELECT input_error(overlay(t placing c from n for 1)) AS r
      FROM (SELECT _hhi_accum(_hhi_accum(NULL, 1e-300), 1e300)::text AS t) AS s,
           generate_series(13, length(t)) AS n,
           unnest(ARRAY['g', '0', 'f', ';', ':', '-', ' ']) AS c) AS v;

-- the quoted input is cut at a character boundary (never inside one)
SELECT octet_length(m) AS message_bytes, m LIKE '%é..."%' AS cut_after_a_whole_character
FROM (SELECT expect_error(format('SELECT %L::exactsum', '1;hhi;n' || repeat('é', 60))) AS m) AS e;

-- malformed binary input is rejected (22P03)
COPY (SELECT 1, '1;hhi;net;1;zz;0'::bytea) TO '/tmp/tactalloc_regress_bad.bin' (FORMAT binary);
SELECT expect_error($$COPY states2 FROM '/tmp/tactalloc_regress_bad.bin' (FORMAT binary)$$);

-- bytes that are not a state at all never crash a state function
-- (raw_state and state_bytes copy the bytes of a value unchanged: test only)
CREATE FUNCTION raw_state(bytea) RETURNS exactsum AS 'byteasend' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION state_bytes(exactsum) RETURNS bytea AS 'byteasend' LANGUAGE internal IMMUTABLE STRICT;
SELECT expect_error($$SELECT _hhi_accum(raw_state('\x00'), 1)$$);
SELECT expect_error($$SELECT _hhi_final(raw_state('\x0000000000000000000000000000000000000000'))$$);
SELECT expect_error($$SELECT _exactsum_combine(_hhi_accum(NULL, 1), raw_state('\xdeadbeef'))$$);
SELECT expect_error($$SELECT _exactsum_out(raw_state(decode(repeat('53585854', 6), 'hex')))$$);
-- a real state with one header field corrupted, truncated or extended
SELECT length(state_bytes(_hhi_accum(NULL, 1))) AS state_bytes;
SELECT field, expect_error(format($$SELECT _hhi_final(raw_state(%L))$$, b)) AS result
FROM (SELECT state_bytes(_hhi_accum(NULL, 1)) AS st) AS s,
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
  ('chunk beyond its carry budget', set_byte(st, 43, 127)),
  ('truncated', substring(st from 1 for length(st) - 8)),
  ('extended', st || '\x0000000000000000'::bytea)) AS c(field, b)
ORDER BY field;
-- the second accumulator's window size, too large for the bytes that follow
-- (offsets after the length word: header 20, accumulator 0 = 16 + 6 x 8 bytes,
-- then accumulator 1's lo (4 bytes) and n)
SELECT expect_error(format($$SELECT _dts_accum(raw_state(%L), 1, 2, 3)$$,
       set_byte(state_bytes(_dts_accum(NULL, 1, 2, 3)), 20 + 16 + 6 * 8 + 4, 200)));
DROP FUNCTION raw_state(bytea);
DROP FUNCTION state_bytes(exactsum);

-- a sum that carries into the top chunk of the accumulator's range is an
-- error, never a write past the window or a state that does not read back
-- (2^3136: no sum of fewer than 2^63 finite terms comes near it)
SELECT expect_error($q$WITH RECURSIVE r(i, s) AS (SELECT 1, '1;dts;plain;1;1.0.1.00000001;1.97.1.ffffffff'::exactsum
    UNION ALL SELECT i + 1, _exactsum_combine(s, s) FROM r WHERE i < 35) SELECT s FROM r WHERE i IN (34, 35)$q$) AS low_then_top;
SELECT expect_error($q$WITH RECURSIVE r(i, s) AS (SELECT 1, '1;dts;plain;1;1.97.1.ffffffff;1.0.1.00000001'::exactsum
    UNION ALL SELECT i + 1, _exactsum_combine(s, s) FROM r WHERE i < 35) SELECT s FROM r WHERE i = 35$q$) AS top_then_low;
-- the same shape as an hhi state is refused for what it claims (Σw² > (Σw)²)
SELECT expect_error($q$WITH RECURSIVE r(i, s) AS (SELECT 1, '1;hhi;net;1;1.0.1.00000001;1.97.1.ffffffff'::exactsum
    UNION ALL SELECT i + 1, _exactsum_combine(s, s) FROM r WHERE i < 35) SELECT s FROM r WHERE i IN (34, 35)$q$) AS hhi_forged;
-- every state combine returns reads back as text and binary, at every
-- magnitude up to the top of the range; past it, combine raises 22003
CREATE TEMP TABLE range_pairs AS
SELECT i, j,
       format('1;dts;plain;1;1.0.1.00000001;1.%s.1.%s', i, lpad(to_hex((i * 2654435761::bigint) % 4294967296 + 1), 8, '0')) AS a,
       format('1;dts;plain;2;1.0.1.00000002;1.%s.2.%s%s', j, lpad(to_hex((j * 40503 + 1)::bigint % 4294967296), 8, '0'), 'ffffffff') AS b
FROM generate_series(-101, 97, 7) AS i, generate_series(-99, 96, 3) AS j;
-- and at the very top: one pair carries out of chunk 97, one just fits
INSERT INTO range_pairs VALUES
  (98, 0, '1;dts;plain;1;1.0.1.00000001;1.97.1.f0000000', '1;dts;plain;2;1.0.1.00000002;1.96.2.1000000000000001'),
  (99, 0, '1;dts;plain;1;1.0.1.00000001;1.97.1.efffffff', '1;dts;plain;2;1.0.1.00000002;1.96.2.10000000ffffffff');
-- try_combine: the combined state, or NULL when combine refuses (22003)
CREATE FUNCTION try_combine(a exactsum, b exactsum) RETURNS exactsum LANGUAGE plpgsql AS $$
BEGIN
    RETURN _exactsum_combine(a, b);
EXCEPTION WHEN numeric_value_out_of_range THEN
    RETURN NULL;
END
$$;
CREATE TEMP TABLE range_states AS
SELECT i, j, try_combine(a::exactsum, b::exactsum) AS s FROM range_pairs;
COPY (SELECT i, j, s FROM range_states WHERE s IS NOT NULL) TO '/tmp/tactalloc_regress_range_states.bin' (FORMAT binary);
CREATE TEMP TABLE range_states2 (i int, j int, s exactsum);
COPY range_states2 FROM '/tmp/tactalloc_regress_range_states.bin' (FORMAT binary);
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE r.s IS NULL) AS out_of_range,
       count(*) FILTER (WHERE r.s::text::exactsum::text = r.s::text) AS text_round_trips,
       count(*) FILTER (WHERE b.s::text = r.s::text) AS binary_round_trips
FROM range_states r LEFT JOIN range_states2 b USING (i, j);
-- the top chunk itself: a carry out of chunk 97 is refused
SELECT expect_error($$SELECT _exactsum_combine('1;dts;plain;1;1.0.1.00000001;1.97.1.80000000'::exactsum,
                                              '1;dts;plain;1;1.0.1.00000001;1.97.1.80000000'::exactsum)$$) AS carry_out_of_top;
SELECT _exactsum_combine('1;dts;plain;1;1.0.1.00000001;1.97.1.7fffffff'::exactsum,
                        '1;dts;plain;1;1.0.1.00000001;1.97.1.80000000'::exactsum) AS just_below;
-- adding to a state at the top of the range
SELECT _dts_accum('1;dts;plain;1;1.0.1.00000001;1.97.1.ffffffff'::exactsum, 1e300, 1e300, 1e300)::text::exactsum IS NOT NULL AS add_at_top_reads_back;
SELECT length(_dts_accum('1;dts;plain;1;1.0.1.00000001;1.97.1.-ffffffff'::exactsum, 1e300, 1e300, 1e300)::text) AS cancelling_add_at_top;

-- forged but well-formed states: a final function returns a value in its
-- documented range or raises an error
SELECT expect_error($$SELECT _hhi_final('1;hhi;net;1;1.0.1.00000001;1.0.1.00000005'::exactsum)$$) AS hhi_five;
SELECT expect_error($$SELECT _hhi_final('1;hhi;net;1;1.0.1.00000001;1.0.1.-00000005'::exactsum)$$) AS hhi_minus_five;
SELECT expect_error($$SELECT _effective_n_final('1;hhi;gross;3;1.0.1.00000002;1.-4.1.-00000001'::exactsum)$$) AS eff_n_negative;
SELECT expect_error($$SELECT _hhi_final('1;hhi;net;2;1.0.1.00000002;1.0.1.00000001'::exactsum)$$) AS hhi_below_one_over_n;
SELECT expect_error($$SELECT _hhi_final('1;hhi;net;1;1.0.1.00000001;0'::exactsum)$$) AS hhi_zero_squares;
SELECT expect_error($$SELECT _hhi_final('1;hhi;net;0;1.0.1.00000001;1.0.1.00000001'::exactsum)$$) AS no_rows_nonzero;
SELECT expect_error($$SELECT _index_multiple_final('1;imult;cap;1;1.0.1.-00000001;1.0.1.00000001'::exactsum)$$) AS negative_caps;
SELECT expect_error($$SELECT _index_multiple_final('1;imult;weight;1;1.0.1.-00000001;1.0.1.00000001'::exactsum)$$) AS negative_weights;
SELECT expect_error($$SELECT _compound_return_final('1;compound;log;1;0;1.-1.1.80000000'::exactsum)$$) AS half_a_wipeout;
SELECT expect_error($$SELECT _compound_return_final('1;compound;log;1;0;1.0.1.00000002'::exactsum)$$) AS more_wipeouts_than_rows;
SELECT expect_error($$SELECT _compound_return_final('1;compound;log;2;0;1.-2.3.000000010000000000000001'::exactsum)$$) AS almost_one_wipeout;
-- valid extremes pass: one name holds everything; equal weights
SELECT _hhi_final('1;hhi;net;1;1.0.1.00000003;1.0.1.00000009'::exactsum) AS one_name,
       _hhi_final('1;hhi;net;4;1.0.1.00000004;1.0.1.00000004'::exactsum) AS four_equal,
       _compound_return_final('1;compound;log;3;0;1.0.1.00000002'::exactsum) AS two_wipeouts;
-- combine checks the kinds of both sides, also when one side is empty
SELECT expect_error($$SELECT _exactsum_combine('1;hhi;net;0;0;0'::exactsum, _dts_accum(NULL, 1, 2, 3))$$) AS empty_hhi_with_dts;
SELECT expect_error($$SELECT _exactsum_combine(_dts_accum(NULL, 1, 2, 3), '1;hhi;net;0;0;0'::exactsum)$$) AS dts_with_empty_hhi;
SELECT expect_error($$SELECT _exactsum_combine('1;hhi;gross;0;0;0'::exactsum, _hhi_accum(NULL, 1))$$) AS empty_gross_with_net;
-- a combined row count past 2^63 - 1 is an error at once
SELECT expect_error($$SELECT _exactsum_combine('1;hhi;net;9223372036854775807;1.0.1.00000001;1.0.1.00000001'::exactsum,
                                              _hhi_accum(NULL, 1))$$) AS count_overflow;
SELECT _exactsum_combine('1;hhi;net;9223372036854775806;1.0.1.00000001;1.0.1.00000001'::exactsum,
                        '1;hhi;net;1;0;0'::exactsum) AS count_at_max;

-- every transition function with NaN, infinities, subnormals, -0.0 and the
-- edges of the double range: an error with its SQLSTATE or a right value
SELECT v AS input,
       expect_error(format('SELECT _hhi_accum(NULL, %L)::text', v)) AS hhi,
       expect_error(format('SELECT _hhi_accum_mode(NULL, %L, ''gross'')::text', v)) AS hhi_gross,
       expect_error(format('SELECT _dts_accum(NULL, %L, 1, 1)::text', v)) AS dts_weight,
       expect_error(format('SELECT _dts_accum(NULL, 1, %L, 1)::text', v)) AS dts_duration,
       expect_error(format('SELECT _weighted_mean_accum(NULL, %L, 1)::text', v)) AS wmean_value,
       expect_error(format('SELECT _index_multiple_accum(NULL, %L, 1)::text', v)) AS imult_cap,
       expect_error(format('SELECT _index_multiple_accum_weighted(NULL, 1, 1, %L)::text', v)) AS imult_weight,
       expect_error(format('SELECT _compound_return_accum(NULL, %L)::text', v)) AS compound
FROM unnest(ARRAY['NaN', 'Infinity', '-Infinity']) AS v;
SELECT v AS input,
       _hhi_final(_hhi_accum_mode(_hhi_accum_mode(NULL, v, 'gross'), 1, 'gross')) AS hhi_gross,
       _dts_final(_dts_accum(_dts_accum(NULL, v, 1, 1), 1, 2, 3)) AS dts,
       _weighted_mean_final(_weighted_mean_accum(_weighted_mean_accum(NULL, v, 1), 1, 1)) AS wmean,
       _index_multiple_final(_index_multiple_accum_weighted(_index_multiple_accum_weighted(NULL, 1, 1, 1), 2, v, 1)) AS imult
FROM unnest(ARRAY[5e-324, -5e-324, 2.2250738585072014e-308, '-0'::float8, 1.7976931348623157e308,
                  -1.7976931348623157e308, 1e-300, 1e300]::float8[]) AS v;
SELECT expect_error($$SELECT _dts_final(_dts_accum(NULL, 1.7976931348623157e308, 1.7976931348623157e308, 1.7976931348623157e308))$$) AS dts_overflow,
       expect_error($$SELECT _compound_return_final(_compound_return_accum(_compound_return_accum(NULL, 1.7976931348623157e308), 1.7976931348623157e308))$$) AS compound_overflow,
       _compound_return_final(_compound_return_accum(_compound_return_accum(NULL, -1), 5e-324)) AS compound_wiped,
       _compound_return_final(_compound_return_accum(NULL, '-0')) AS compound_minus_zero;
