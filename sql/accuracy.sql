-- Accuracy against an exact oracle: every double is converted to numeric
-- exactly (exact_numeric, from its bits: sql/setup.sql), the sums and
-- products are done in exact numeric arithmetic, and each result r is
-- checked by cross-multiplication:
--   within one ulp:     |r * den - num| <= ulp(r) * den
--   correctly rounded:  |r * den - num| <= ulp(r) / 2 * den
SET extra_float_digits = 3;

-- sanity of the oracle itself
SELECT exact_numeric(0.1) AS tenth, exact_numeric(-1.5) AS minus_one_and_half,
       exact_numeric(5e-324) = 5::numeric ^ 1074 * '1e-1074'::numeric AS smallest_subnormal,
       exact_ulp(1.0) = exact_numeric(2.220446049250313e-16) AS ulp_of_one_is_2_pow_minus_52,
       exact_ulp(5e-324) = exact_numeric(5e-324) AS ulp_of_subnormal;

-- 200 groups of 1 to 400 weights each, magnitudes 1e-12 .. 1e12; signed
-- long/short weights for the gross mode; signed market values that nearly
-- cancel for dts (a book hedged down to a small net position)
CREATE TABLE acc_w AS
SELECT g, k,
       (((((g * 7919 + k)::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8
         * 10 ^ ((((g * 7919 + k)::bigint * 40503) % 25) - 12) AS w,
       ((((((g * 7919 + k)::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8)
         * 10 ^ ((((g * 7919 + k)::bigint * 69069) % 13) - 6) AS ls,
       1 + 12 * (((((g * 7919 + k)::bigint * 1103515245) % 65536) + 0.5) / 65536.0)::float8 AS dur,
       40 + 560 * (((((g * 7919 + k)::bigint * 22695477) % 1048576) + 0.5) / 1048576.0)::float8 AS oas
FROM generate_series(1, 200) AS g, generate_series(1, 1 + (g * 37) % 400) AS k;
-- the hedge: each group's market values get an offsetting position, so that
-- sum(mv) is a tiny fraction of sum(abs(mv))
CREATE TABLE acc_book AS
SELECT g, k, ls AS mv, dur, oas FROM acc_w
UNION ALL
SELECT g, -1, -sum(ls) * (1 - 1e-9), 5, 100 FROM acc_w GROUP BY g;

CREATE TABLE acc_exact AS
SELECT g, exact_numeric(w) AS w, exact_numeric(ls) AS ls, exact_numeric(dur) AS dur, exact_numeric(oas) AS oas
FROM acc_w;

-- hhi and effective_n: Σw² / (Σw)² and its inverse
WITH r AS (SELECT g, hhi(w) AS hhi, effective_n(w) AS eff_n FROM acc_w GROUP BY g),
     o AS (SELECT g, sum(w * w) AS s2, sum(w) AS s1 FROM acc_exact GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(hhi) * s1 ^ 2 - s2) <= exact_ulp(hhi) * s1 ^ 2) AS hhi_within_1_ulp,
       count(*) FILTER (WHERE abs(exact_numeric(hhi) * s1 ^ 2 - s2) <= exact_ulp(hhi) / 2 * s1 ^ 2) AS hhi_correctly_rounded,
       count(*) FILTER (WHERE abs(exact_numeric(eff_n) * s2 - s1 ^ 2) <= exact_ulp(eff_n) * s2) AS eff_n_within_1_ulp,
       count(*) FILTER (WHERE abs(exact_numeric(eff_n) * s2 - s1 ^ 2) <= exact_ulp(eff_n) / 2 * s2) AS eff_n_correctly_rounded
FROM r JOIN o USING (g);

-- gross mode on signed weights: Σw² / (Σ|w|)²
WITH r AS (SELECT g, hhi(ls, 'gross') AS hhi FROM acc_w GROUP BY g),
     o AS (SELECT g, sum(ls * ls) AS s2, sum(abs(ls)) AS s1 FROM acc_exact GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(hhi) * s1 ^ 2 - s2) <= exact_ulp(hhi) * s1 ^ 2) AS within_1_ulp,
       count(*) FILTER (WHERE abs(exact_numeric(hhi) * s1 ^ 2 - s2) <= exact_ulp(hhi) / 2 * s1 ^ 2) AS correctly_rounded
FROM r JOIN o USING (g);

-- dts on a hedged book: Σmv·D·S / Σmv where Σmv nearly cancels
WITH r AS (SELECT g, dts(mv, dur, oas) AS dts,
                  sum(mv * dur * oas) / sum(mv) AS naive
           FROM acc_book GROUP BY g),
     o AS (SELECT g, sum(exact_numeric(mv) * exact_numeric(dur) * exact_numeric(oas)) AS num,
                  sum(exact_numeric(mv)) AS den
           FROM acc_book GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(dts) * den - num) <= exact_ulp(dts) * abs(den)) AS within_1_ulp,
       count(*) FILTER (WHERE abs(exact_numeric(dts) * den - num) <= exact_ulp(dts) / 2 * abs(den)) AS correctly_rounded,
       count(*) FILTER (WHERE abs(exact_numeric(naive) * den - num) > 1e-6 * abs(num)) AS naive_sql_off_by_more_than_1e_6
FROM r JOIN o USING (g);

-- cancellation that a float sum cannot see at all: 1e300 + 1 - 1e300
SELECT dts(mv, dur, oas) AS dts
FROM (VALUES (1e300::float8, 1::float8, 1::float8), (1, 2, 50), (-1e300, 1, 1)) AS v(mv, dur, oas);
SELECT expect_error($$SELECT sum(mv * dur * oas) / sum(mv) AS naive_sql
FROM (VALUES (1e300::float8, 1::float8, 1::float8), (1, 2, 50), (-1e300, 1, 1)) AS v(mv, dur, oas)$$);

DROP TABLE acc_w, acc_book, acc_exact;
