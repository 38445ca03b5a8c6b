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

-- weighted index_multiple on earnings that nearly cancel: Σw / Σ(w·f/c).
-- Each row's w·f/c is carried to about 150 bits, so the result stays within
-- an ulp until Σ|w·f/c| / |Σw·f/c| passes about 2^97.  The oracle divides
-- exactly to 10^-120 (far below an ulp of these results).
SELECT index_multiple(c, f, w) AS cancelling_pair,
       abs(exact_numeric(index_multiple(c, f, w)) - 81212452296845.016) < exact_ulp(index_multiple(c, f, w)) / 2 AS correctly_rounded
FROM (VALUES (22::float8, 49::float8, 1::float8), (2, -4.454545454545405, 1)) AS v(c, f, w);
CREATE TABLE acc_val AS
SELECT g, k, 10 ^ (1 + (g * 31 + k * 17) % 5) * (1 + ((g * 7919 + k)::bigint * 40503 % 1000) / 997.0)::float8 AS c,
       ((((g * 7919 + k)::bigint * 2246822519) % 4294967296) / 4294967296.0 - 0.3)::float8
         * 10 ^ ((g * 13 + k) % 4) AS f,
       CASE WHEN g % 3 = 0 THEN 1 ELSE (1 + ((g + k) * 69069 % 97) / 10.0)::float8 END AS w
FROM generate_series(1, 120) AS g, generate_series(1, 2 + g % 9) AS k;
-- each group gets one more name whose earnings nearly cancel the others'
INSERT INTO acc_val
SELECT g, 0, 3.0, -(sum(w * f / c) * 3.0) * (1 - 10 ^ -(3 + g % 11)) , 1 FROM acc_val GROUP BY g;
WITH r AS (SELECT g, index_multiple(c, f, w) AS m FROM acc_val GROUP BY g),
     o AS (SELECT g, sum(exact_numeric(w)) AS num,
                  sum(div(exact_numeric(w) * exact_numeric(f) * 1e120, exact_numeric(c))) / 1e120 AS den
           FROM acc_val GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (m IS NULL) = (den <= 0)) AS null_iff_yield_not_positive,
       count(*) FILTER (WHERE den > 0 AND abs(exact_numeric(m) * den - num) <= exact_ulp(m) * den) AS within_1_ulp,
       count(*) FILTER (WHERE den > 0 AND abs(exact_numeric(m) * den - num) <= exact_ulp(m) / 2 * den) AS correctly_rounded
FROM r JOIN o USING (g);
DROP TABLE acc_val;

-- cancellation that a float sum cannot see at all: 1e300 + 1 - 1e300
SELECT dts(mv, dur, oas) AS dts
FROM (VALUES (1e300::float8, 1::float8, 1::float8), (1, 2, 50), (-1e300, 1, 1)) AS v(mv, dur, oas);
SELECT expect_error($$SELECT sum(mv * dur * oas) / sum(mv) AS naive_sql
FROM (VALUES (1e300::float8, 1::float8, 1::float8), (1, 2, 50), (-1e300, 1, 1)) AS v(mv, dur, oas)$$);

DROP TABLE acc_w, acc_book, acc_exact;

-- Accuracy against an exact oracle (valuation and the concentration toolkit): each double
-- converted to numeric exactly (exact_numeric, sql/setup.sql), sums and
-- products in exact numeric arithmetic, each result checked by
-- cross-multiplication.
-- 100 groups of 1 to 300 rows: weights and caps of magnitude 1e-6 .. 1e6,
-- benchmark weights, signed values, earnings with losses, small returns
CREATE TEMP TABLE tk_acc AS
SELECT g, k,
       (((((g * 7919 + k)::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8
         * 10 ^ ((((g * 7919 + k)::bigint * 40503) % 13) - 6) AS w,
       (((((g * 7919 + k)::bigint * 1103515245) % 65536) + 0.5) / 65536.0)::float8 AS b,
       ((((((g * 7919 + k)::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.3)::float8) * 1e3 AS x,
       ((((((g * 7919 + k)::bigint * 22695477) % 1048576) / 1048576.0) - 0.45)::float8) * 0.05 AS r
FROM generate_series(1, 100) AS g, generate_series(1, 1 + (g * 37) % 300) AS k;
CREATE TEMP TABLE tk_acc_exact AS
SELECT g, k, exact_numeric(w) AS w, exact_numeric(b) AS b, exact_numeric(x) AS x,
       exact_numeric(r) AS r, exact_numeric(w * 1000) AS cap,
       row_number() OVER (PARTITION BY g ORDER BY w DESC) AS rank
FROM tk_acc;
-- weighted_mean Σw·x / Σw and index_multiple Σcap / Σx (x as earnings, cap = w·1000)
WITH r AS (SELECT g, weighted_mean(x, w) AS wm, index_multiple(w * 1000, x) AS pe FROM tk_acc GROUP BY g),
     o AS (SELECT g, sum(w * x) AS swx, sum(w) AS sw, sum(cap) AS sc, sum(x) AS sx FROM tk_acc_exact GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(wm) * sw - swx) <= exact_ulp(wm) * sw) AS wmean_within_1_ulp,
       count(*) FILTER (WHERE sx > 0) AS positive_earnings,
       count(*) FILTER (WHERE sx > 0 AND abs(exact_numeric(pe) * sx - sc) <= exact_ulp(pe) * sx) AS pe_within_1_ulp,
       count(*) FILTER (WHERE sx <= 0 AND pe IS NULL) AS pe_null_when_not_positive
FROM r JOIN o USING (g);
-- top_share, share_above and count_above, active_share
WITH r AS (SELECT g, top_share(w, 10) AS top10, share_above(w, 0.01) AS above, count_above(w, 0.01) AS n_above,
                  active_share(w, b) AS act FROM tk_acc GROUP BY g),
     o AS (SELECT g, sum(w) AS sw, sum(b) AS sb, sum(w) FILTER (WHERE rank <= 10) AS s10 FROM tk_acc_exact GROUP BY g),
     a AS (SELECT e.g, sum(e.w) FILTER (WHERE e.w > 0.01 * o.sw) AS sa, count(*) FILTER (WHERE e.w > 0.01 * o.sw) AS na,
                  sum(abs(e.w * o.sb - e.b * o.sw)) AS d
           FROM tk_acc_exact e JOIN o USING (g) GROUP BY e.g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(top10) * sw - s10) <= exact_ulp(top10) * sw) AS top_within_1_ulp,
       count(*) FILTER (WHERE n_above = na) AS count_above_exact,
       count(*) FILTER (WHERE abs(exact_numeric(above) * sw - coalesce(sa, 0)) <= exact_ulp(above) * sw) AS above_within_1_ulp,
       count(*) FILTER (WHERE abs(exact_numeric(act) * 2 * sw * sb - d) <= 2 * exact_ulp(act) * 2 * sw * sb) AS active_within_2_ulps
FROM r JOIN o USING (g) JOIN a USING (g);
-- compound_return: 1 + result against the exact product, relative 1e-15
WITH r AS (SELECT g, compound_return(r) AS cr FROM tk_acc WHERE g <= 40 GROUP BY g),
     o AS (SELECT g, array_agg(1 + r) AS f FROM tk_acc_exact WHERE g <= 40 GROUP BY g),
     p AS (SELECT g, (WITH RECURSIVE m(i, v) AS (SELECT 1, f[1] UNION ALL SELECT i + 1, v * f[i + 1] FROM m WHERE i < cardinality(f))
                   SELECT v FROM m WHERE i = cardinality(f)) AS prod
           FROM o)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs((1 + exact_numeric(cr)) / prod - 1) < 1e-15) AS within_1e_15
FROM r JOIN p USING (g);
-- diffusion: (rising - falling) / count from exact counts, correctly
-- rounded (one division of two exact doubles); against the exact ratio
-- (200 groups of 1 to 400 changes with zeros and NULLs)
WITH d AS (SELECT g, k, CASE WHEN k % 5 = 0 THEN 0 WHEN k % 9 = 0 THEN NULL
                             ELSE ((((g * 7919 + k)::bigint * 2246822519) % 4294967296) / 4294967296.0 - 0.5)::float8 END AS c
           FROM generate_series(1, 200) AS g, generate_series(1, 1 + (g * 37) % 400) AS k),
     r AS (SELECT g, diffusion(c) AS dif, count(*) FILTER (WHERE c > 0) - count(*) FILTER (WHERE c < 0) AS net,
                  count(c) AS n FROM d GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(exact_numeric(dif) * n - net) <= exact_ulp(dif) / 2 * n) AS correctly_rounded,
       count(*) FILTER (WHERE dif BETWEEN -1 AND 1) AS in_range
FROM r;

-- Risk statistics: each within 2 ulps of its exact formula, checked by
-- squaring and cross-multiplying in exact numeric (u = ulp of the result):
--   volatility v:  (v - 2u)² n(n-1) <= p (nΣx² - (Σx)²) <= (v + 2u)² n(n-1)
--   beta:          |beta·C(m,m) - C(r,m)| <= 2u C(m,m), C(a,b) = nΣab - ΣaΣb
--   correlation ρ: (|ρ| - 2u)² C(x,x)C(y,y) <= C(x,y)² <= (|ρ| + 2u)² C(x,x)C(y,y)
-- 80 groups of 2 to 60 rows; some groups sit on a large offset (prices
-- rather than returns), so the variance is a tiny fraction of the squares.
SELECT det_setseed(7);
CREATE TEMP TABLE rk_acc AS
SELECT g, k,
       (CASE WHEN g % 4 = 0 THEN 1e5 ELSE 0 END + (det_random() - 0.5) * 10 ^ (g % 5 - 2))::float8 AS x,
       (CASE WHEN g % 4 = 0 THEN 1e5 ELSE 0 END + (det_random() - 0.5) * 10 ^ (g % 3 - 2))::float8 AS y,
       ((det_random() - 0.45) / 10)::float8 AS r
FROM generate_series(1, 80) AS g, generate_series(1, 2 + (g * 13) % 59) AS k;
CREATE TEMP TABLE rk_acc_exact AS
SELECT g, exact_numeric(x) AS x, exact_numeric(y) AS y, exact_numeric(r) AS r FROM rk_acc;
WITH r AS (SELECT g, volatility(x) AS vol, volatility(x, 252) AS vol_ann, tracking_error(x, y, 12) AS te,
                  beta(x, y) AS beta, correlation(x, y) AS corr
           FROM rk_acc GROUP BY g),
     o AS (SELECT g, count(*)::numeric AS n,
                  count(*) * sum(x * x) - sum(x) ^ 2 AS cxx, count(*) * sum(y * y) - sum(y) ^ 2 AS cyy,
                  count(*) * sum(x * y) - sum(x) * sum(y) AS cxy,
                  count(*) * sum((x - y) ^ 2) - sum(x - y) ^ 2 AS cdd
           FROM rk_acc_exact GROUP BY g),
     e AS (SELECT r.*, o.n, o.cxx, o.cyy, o.cxy, o.cdd, exact_numeric(vol) AS v, exact_ulp(vol) AS uv, exact_numeric(vol_ann) AS va, exact_ulp(vol_ann) AS uva,
                  exact_numeric(te) AS t, exact_ulp(te) AS ut, exact_numeric(beta) AS b, exact_ulp(beta) AS ub,
                  abs(exact_numeric(corr)) AS c, exact_ulp(corr) AS uc
           FROM r JOIN o USING (g))
SELECT count(*) AS groups,
       count(*) FILTER (WHERE greatest(v - 2 * uv, 0) ^ 2 * n * (n - 1) <= cxx AND cxx <= (v + 2 * uv) ^ 2 * n * (n - 1)) AS vol_within_2_ulps,
       count(*) FILTER (WHERE greatest(va - 2 * uva, 0) ^ 2 * n * (n - 1) <= 252 * cxx AND 252 * cxx <= (va + 2 * uva) ^ 2 * n * (n - 1)) AS vol_ann_within_2_ulps,
       count(*) FILTER (WHERE greatest(t - 2 * ut, 0) ^ 2 * n * (n - 1) <= 12 * cdd AND 12 * cdd <= (t + 2 * ut) ^ 2 * n * (n - 1)) AS te_within_2_ulps,
       count(*) FILTER (WHERE abs(b * cyy - cxy) <= 2 * ub * cyy) AS beta_within_2_ulps,
       count(*) FILTER (WHERE sign(corr) = sign(cxy)
                          AND greatest(c - 2 * uc, 0) ^ 2 * cxx * cyy <= cxy ^ 2 AND cxy ^ 2 <= (c + 2 * uc) ^ 2 * cxx * cyy) AS corr_within_2_ulps,
       count(*) FILTER (WHERE g % 4 = 0) AS offset_groups
FROM e;
-- PostgreSQL's float aggregates on the offset groups do not get there
SELECT count(*) AS offset_groups, count(*) FILTER (WHERE s) AS stddev_same_bits,
       count(*) FILTER (WHERE c) AS corr_same_bits
FROM (SELECT same_bits(volatility(x), stddev_samp(x)) AS s, same_bits(correlation(x, y), corr(x, y)) AS c
      FROM rk_acc WHERE g % 4 = 0 GROUP BY g) AS t;
-- annualized_return: 1 + result against the exact (prod(1 + r))^(12 / n), relative 1e-15
WITH r AS (SELECT g, annualized_return(r, 12) AS ar, count(*) AS n FROM rk_acc WHERE g <= 40 GROUP BY g),
     o AS (SELECT g, sum(ln(1 + r)) AS lsum FROM rk_acc_exact WHERE g <= 40 GROUP BY g)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs((1 + exact_numeric(ar)) / exp(lsum * 12 / n) - 1) < 1e-15) AS within_1e_15
FROM r JOIN o USING (g);
