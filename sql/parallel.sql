-- Aggregates under forced parallel plans equal the serial result.
SET extra_float_digits = 3;

-- 1.2 million rows of heavy-tailed weights, durations and spreads, from a
-- fixed multiplicative hash (deterministic, no random())
CREATE TABLE par_w AS
SELECT i,
       i % 500 AS grp,
       ((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w,
       1 + 12 * ((((i::bigint * 40503) % 65536) + 0.5) / 65536.0)::float8 AS dur,
       40 + 560 * ((((i::bigint * 69069) % 1048576) + 0.5) / 1048576.0)::float8 AS oas,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8 * 1e6 AS ls
FROM generate_series(1, 1200000) AS i;
ANALYZE par_w;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS hhi_gross,
       dts(w, dur, oas) AS dts
FROM par_w;
SELECT * FROM serial;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = on;

EXPLAIN (COSTS OFF)
SELECT hhi(w), effective_n(w), hhi(ls, 'gross'), dts(w, dur, oas) FROM par_w;

-- identical to the serial result (the exact core: same bits, not just 1e-12)
SELECT same_bits(p.hhi, s.hhi) AS hhi, same_bits(p.eff_n, s.eff_n) AS eff_n,
       same_bits(p.hhi_gross, s.hhi_gross) AS hhi_gross, same_bits(p.dts, s.dts) AS dts,
       abs(p.hhi / s.hhi - 1) <= 1e-12 AS hhi_within_1e_12
FROM (SELECT hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS hhi_gross,
             dts(w, dur, oas) AS dts FROM par_w) AS p, serial AS s;

-- the combine function alone: the leader only gathers
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT hhi(w) FROM par_w;
SELECT same_bits(p.hhi, s.hhi) AS hhi, same_bits(p.eff_n, s.eff_n) AS eff_n,
       same_bits(p.hhi_gross, s.hhi_gross) AS hhi_gross, same_bits(p.dts, s.dts) AS dts
FROM (SELECT hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS hhi_gross,
             dts(w, dur, oas) AS dts FROM par_w) AS p, serial AS s;

-- grouped: 500 groups, partial aggregation in every worker
SET parallel_leader_participation = on;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, hhi(w) FROM par_w GROUP BY grp;
RESET enable_hashagg;
CREATE TEMP TABLE par_grouped AS SELECT grp, hhi(w) AS hhi, dts(w, dur, oas) AS dts FROM par_w GROUP BY grp;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE same_bits(g.hhi, s.hhi) AND same_bits(g.dts, s.dts)) AS identical
FROM par_grouped g
JOIN (SELECT grp, hhi(w) AS hhi, dts(w, dur, oas) AS dts FROM par_w GROUP BY grp) s USING (grp);

DROP TABLE par_w;

-- The toolkit, valuation and streak aggregates under parallel plans
RESET ALL;
-- The toolkit's aggregates under forced parallel plans equal the serial result.
SET extra_float_digits = 3;

-- 1.2 million rows: heavy-tailed weights, benchmark weights, values, caps,
-- earnings (some losses) and daily returns from a fixed multiplicative hash
CREATE TABLE tk_par AS
SELECT i,
       i % 500 AS grp,
       ((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w,
       ((((i::bigint * 40503) % 65536) + 0.5) / 65536.0)::float8 AS b,
       5 + 40 * ((((i::bigint * 69069) % 1048576) + 0.5) / 1048576.0)::float8 AS x,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.2)::float8 * 1e3 AS earn,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8 * 2e-3 AS r
FROM generate_series(1, 1200000) AS i;
ANALYZE tk_par;

CREATE TEMP VIEW tk_all AS
SELECT top_share(w, 10) AS top10, top_share(w, 2000) AS top2000,
       share_above(w, 1e-5) AS share_above, count_above(w, 1e-5) AS count_above,
       active_share(w, b) AS active_share, weighted_mean(x, w) AS wmean,
       index_multiple(w * 100, earn) AS pe, index_multiple(w * 100, earn, 1) AS pe_ew,
       compound_return(r) AS compound
FROM tk_par;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE tk_serial AS SELECT * FROM tk_all;
SELECT * FROM tk_serial;
-- the top-n share and the names above against plain SQL
SELECT abs(top10 / ((SELECT sum(w) FROM (SELECT w FROM tk_par ORDER BY w DESC LIMIT 10) t) / (SELECT sum(w) FROM tk_par)) - 1) < 1e-13 AS top10_sql,
       count_above = (SELECT count(*) FROM tk_par WHERE w / (SELECT sum(w) FROM tk_par) > 1e-5) AS count_above_sql,
       abs(active_share - (SELECT 0.5 * sum(abs(w / sw - b / sb)) FROM tk_par, (SELECT sum(w) sw, sum(b) sb FROM tk_par) t)) < 1e-12 AS active_share_sql
FROM tk_serial;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = on;

EXPLAIN (COSTS OFF) SELECT * FROM tk_all;

-- identical to the serial result, bit for bit
CREATE TEMP VIEW tk_same AS
SELECT same_bits(p.top10, s.top10) AS top10, same_bits(p.top2000, s.top2000) AS top2000,
       same_bits(p.share_above, s.share_above) AS share_above, p.count_above = s.count_above AS count_above,
       same_bits(p.active_share, s.active_share) AS active_share, same_bits(p.wmean, s.wmean) AS wmean,
       same_bits(p.pe, s.pe) AS pe, same_bits(p.pe_ew, s.pe_ew) AS pe_ew,
       same_bits(p.compound, s.compound) AS compound
FROM tk_all p, tk_serial s;
SELECT * FROM tk_same;

-- the combine function alone: the leader only gathers
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT top_share(w, 10), share_above(w, 1e-5), active_share(w, b) FROM tk_par;
SELECT * FROM tk_same;

-- grouped: 500 groups, partial aggregation in every worker
SET parallel_leader_participation = on;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, top_share(w, 10), share_above(w, 0.01), active_share(w, b) FROM tk_par GROUP BY grp;
CREATE TEMP TABLE tk_grouped AS
SELECT grp, top_share(w, 10) AS top10, share_above(w, 0.001) AS above, count_above(w, 0.001) AS n_above,
       active_share(w, b) AS active, weighted_mean(x, w) AS wmean, index_multiple(w, earn) AS pe,
       compound_return(r) AS compound
FROM tk_par GROUP BY grp;
RESET enable_hashagg;
-- streaks need ordered input: never split between workers, same answer
SELECT longest_streak(i % 1000 <> 0 AND (i / 7) % 5 <> 0 ORDER BY i) AS longest, current_streak(i % 1000 <> 0 AND (i / 7) % 5 <> 0 ORDER BY i) AS current FROM tk_par;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE same_bits(g.top10, s.top10) AND same_bits(g.above, s.above) AND g.n_above = s.n_above
                        AND same_bits(g.active, s.active) AND same_bits(g.wmean, s.wmean)
                        AND same_bits(g.pe, s.pe) AND same_bits(g.compound, s.compound)) AS identical
FROM tk_grouped g
JOIN (SELECT grp, top_share(w, 10) AS top10, share_above(w, 0.001) AS above, count_above(w, 0.001) AS n_above,
             active_share(w, b) AS active, weighted_mean(x, w) AS wmean, index_multiple(w, earn) AS pe,
             compound_return(r) AS compound
      FROM tk_par GROUP BY grp) s USING (grp);
SELECT longest_streak(i % 1000 <> 0 AND (i / 7) % 5 <> 0 ORDER BY i) AS longest, current_streak(i % 1000 <> 0 AND (i / 7) % 5 <> 0 ORDER BY i) AS current FROM tk_par;

-- partitionwise aggregation: each hash partition aggregated on its own,
-- grouped by a column that is not the partition key, then combined
CREATE TABLE tk_part (LIKE tk_par) PARTITION BY HASH (i);
CREATE TABLE tk_part_0 PARTITION OF tk_part FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE tk_part_1 PARTITION OF tk_part FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE tk_part_2 PARTITION OF tk_part FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO tk_part SELECT * FROM tk_par WHERE grp < 50 ORDER BY w;
ANALYZE tk_part;
CREATE TEMP VIEW tk_part_q AS
SELECT grp, top_share(w, 10) AS top10, share_above(w, 0.001) AS above, count_above(w, 0.001) AS n_above,
       active_share(w, b) AS active, weighted_mean(x, w) AS wmean, index_multiple(w, earn) AS pe,
       compound_return(r) AS compound
FROM tk_part GROUP BY grp;
CREATE TEMP TABLE tk_part_serial AS SELECT * FROM tk_part_q;
SET enable_partitionwise_aggregate = on;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT * FROM tk_part_q;
RESET enable_hashagg;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE same_bits(g.top10, s.top10) AND same_bits(g.above, s.above) AND g.n_above = s.n_above
                        AND same_bits(g.active, s.active) AND same_bits(g.wmean, s.wmean)
                        AND same_bits(g.pe, s.pe) AND same_bits(g.compound, s.compound)) AS identical
FROM tk_part_q g JOIN tk_part_serial s USING (grp);
RESET enable_partitionwise_aggregate;

DROP VIEW tk_part_q;
DROP TABLE tk_part;
DROP VIEW tk_same;
DROP VIEW tk_all;
DROP TABLE tk_par;

-- diffusion (breadth) under forced parallel plans: the counts add up, so
-- the result is the serial one, whole and per group; 300 000 changes with
-- NULLs and zeros
CREATE TABLE dif_par AS
SELECT i, i % 300 AS grp,
       CASE WHEN i % 11 = 0 THEN NULL WHEN i % 7 = 0 THEN 0
            ELSE ((((i::bigint * 2654435761) % 4294967296) / 4294967296.0) - 0.55)::float8 END AS c
FROM generate_series(1, 300000) AS i;
ANALYZE dif_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE dif_serial AS SELECT grp, diffusion(c) AS d FROM dif_par GROUP BY grp;
CREATE TEMP TABLE dif_serial_all AS SELECT diffusion(c) AS d FROM dif_par;
-- The risk statistics under forced parallel plans equal the serial result
RESET ALL;
SET extra_float_digits = 3;
-- 600 000 rows of returns r, benchmark returns b and market returns m
CREATE TABLE rk_par AS
SELECT i, i % 300 AS grp,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8 * 4e-2 AS r,
       ((((i::bigint * 2654435761) % 4294967296) / 4294967296.0) - 0.5)::float8 * 3e-2 AS b,
       ((((i::bigint * 40503) % 65536) / 65536.0) - 0.5)::float8 * 2e-2 AS m
FROM generate_series(1, 600000) AS i;
ANALYZE rk_par;
CREATE TEMP VIEW rk_all AS
SELECT volatility(r) AS vol, volatility(r, 252) AS vol_ann, tracking_error(r, b) AS te,
       tracking_error(r, b, 252) AS te_ann, beta(r, m) AS beta, correlation(r, b) AS corr,
       annualized_return(r, 252) AS ann
FROM rk_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE rk_serial AS SELECT * FROM rk_all;
SELECT * FROM rk_serial;
CREATE TEMP TABLE rk_grouped_serial AS
SELECT grp, volatility(r, 252) AS vol, tracking_error(r, b) AS te, beta(r, m) AS beta,
       correlation(r, m) AS corr, annualized_return(r, 12) AS ann
FROM rk_par GROUP BY grp;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT diffusion(c) FROM dif_par;
EXPLAIN (COSTS OFF) SELECT grp, diffusion(c) FROM dif_par GROUP BY grp;
SELECT same_bits(p.d, s.d) AS identical, p.d = ((SELECT count(*) FROM dif_par WHERE c > 0) - (SELECT count(*) FROM dif_par WHERE c < 0))::float8
                                               / (SELECT count(c) FROM dif_par) AS by_count
FROM (SELECT diffusion(c) AS d FROM dif_par) AS p, dif_serial_all AS s;
SELECT count(*) AS groups, count(*) FILTER (WHERE same_bits(p.d, s.d)) AS identical
FROM (SELECT grp, diffusion(c) AS d FROM dif_par GROUP BY grp) AS p JOIN dif_serial AS s USING (grp);
RESET enable_hashagg;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE dif_par;
EXPLAIN (COSTS OFF) SELECT * FROM rk_all;
SELECT same_bits(p.vol, s.vol) AS vol, same_bits(p.vol_ann, s.vol_ann) AS vol_ann,
       same_bits(p.te, s.te) AS te, same_bits(p.te_ann, s.te_ann) AS te_ann,
       same_bits(p.beta, s.beta) AS beta, same_bits(p.corr, s.corr) AS corr,
       same_bits(p.ann, s.ann) AS ann
FROM rk_all p, rk_serial s;
-- grouped: partial states of 300 groups in every worker
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, volatility(r, 252) FROM rk_par GROUP BY grp;
CREATE TEMP TABLE rk_grouped AS
SELECT grp, volatility(r, 252) AS vol, tracking_error(r, b) AS te, beta(r, m) AS beta,
       correlation(r, m) AS corr, annualized_return(r, 12) AS ann
FROM rk_par GROUP BY grp;
RESET enable_hashagg;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE same_bits(g.vol, s.vol) AND same_bits(g.te, s.te) AND same_bits(g.beta, s.beta)
                        AND same_bits(g.corr, s.corr) AND same_bits(g.ann, s.ann)) AS identical
FROM rk_grouped g JOIN rk_grouped_serial s USING (grp);
DROP VIEW rk_all;
DROP TABLE rk_par;

-- Summaries rolled up under forced parallel plans (partial rollup in every
-- worker, then the combine function) equal the direct aggregates over the
-- rows, bit for bit: 400 000 rows, stored as 4 000 summaries of 100 rows
RESET ALL;
SET extra_float_digits = 3;
CREATE TABLE sm_par_rows AS
SELECT i, i % 4000 AS part, (i % 4000) % 40 AS grp,
       ((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w,
       1 + 12 * ((((i::bigint * 40503) % 65536) + 0.5) / 65536.0)::float8 AS dur,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8 * 4e-2 AS r,
       ((((i::bigint * 69069) % 1048576) + 0.5) / 1048576.0)::float8 AS b
FROM generate_series(1, 400000) AS i;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE sm_par AS
SELECT part, part % 40 AS grp, hhi_summary(w) AS hhi_s, dts_summary(w, dur, 100 * b) AS dts_s,
       volatility_summary(r, 12) AS vol_s, correlation_summary(r, b) AS corr_s,
       top_share_summary(w, 20) AS top_s, share_above_summary(w, 1e-4) AS above_s,
       active_share_summary(w, b) AS act_s, top_contribution_summary(w, r, 20) AS tc_s,
       names_to_match_summary(w, 3) AS ntm_s, share_above_summary(w, 1e-4, true) AS abovei_s,
       compound_return_summary(r, 150) AS crm_s
FROM sm_par_rows GROUP BY part;
ANALYZE sm_par;
CREATE TEMP VIEW sm_par_direct AS
SELECT grp, ROW(hhi(w), effective_n(w), dts(w, dur, 100 * b), volatility(r, 12), correlation(r, b),
                top_share(w, 20), top_share(w, 5), share_above(w, 1e-4), count_above(w, 1e-4),
                active_share(w, b), top_contribution(w, r, 20), top_contribution(w, r, 5), names_to_match(w, 3),
                share_above(w, 1e-4, true), count_above(w, 1e-4, true), compound_return(r, 150))::text AS figures
FROM sm_par_rows GROUP BY ROLLUP (grp);
CREATE TEMP VIEW sm_par_rolled AS
SELECT grp, ROW(hhi(rollup(hhi_s)), effective_n(rollup(hhi_s)), dts(rollup(dts_s)), volatility(rollup(vol_s)),
                correlation(rollup(corr_s)), top_share(rollup(top_s)), top_share(rollup(top_s), 5),
                share_above(rollup(above_s)), count_above(rollup(above_s)), active_share(rollup(act_s)),
                top_contribution(rollup(tc_s)), top_contribution(rollup(tc_s), 5), names_to_match(rollup(ntm_s)),
                share_above(rollup(abovei_s)), count_above(rollup(abovei_s)), compound_return(rollup(crm_s)))::text AS figures
FROM sm_par GROUP BY grp
UNION ALL
SELECT NULL, ROW(hhi(rollup(hhi_s)), effective_n(rollup(hhi_s)), dts(rollup(dts_s)), volatility(rollup(vol_s)),
                 correlation(rollup(corr_s)), top_share(rollup(top_s)), top_share(rollup(top_s), 5),
                 share_above(rollup(above_s)), count_above(rollup(above_s)), active_share(rollup(act_s)),
                 top_contribution(rollup(tc_s)), top_contribution(rollup(tc_s), 5), names_to_match(rollup(ntm_s)),
                 share_above(rollup(abovei_s)), count_above(rollup(abovei_s)), compound_return(rollup(crm_s)))::text
FROM sm_par;
CREATE TEMP TABLE sm_par_serial AS SELECT * FROM sm_par_direct;
SELECT count(*) AS groups, count(*) FILTER (WHERE d.figures = r.figures) AS identical
FROM sm_par_serial AS d JOIN sm_par_rolled AS r ON r.grp IS NOT DISTINCT FROM d.grp;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT hhi(rollup(hhi_s)), top_share(rollup(top_s)) FROM sm_par;
EXPLAIN (COSTS OFF) SELECT grp, hhi(rollup(hhi_s)), active_share(rollup(act_s)) FROM sm_par GROUP BY grp;
SELECT count(*) AS groups, count(*) FILTER (WHERE d.figures = r.figures) AS identical
FROM sm_par_serial AS d JOIN sm_par_rolled AS r ON r.grp IS NOT DISTINCT FROM d.grp;
-- the combine function alone: the leader only gathers
SET parallel_leader_participation = off;
SELECT count(*) AS groups, count(*) FILTER (WHERE d.figures = r.figures) AS identical
FROM sm_par_serial AS d JOIN sm_par_rolled AS r ON r.grp IS NOT DISTINCT FROM d.grp;
RESET ALL;
DROP VIEW sm_par_rolled;
DROP VIEW sm_par_direct;
DROP TABLE sm_par, sm_par_rows;

-- Market history: top_contribution, names_to_match, share_above/count_above
-- at the threshold (inclusive) and compound_return with min_periods, 600 000
-- rows in 200 groups; the drawdowns need ordered rows and are never split
CREATE TABLE mh_par AS
SELECT i,
       i % 200 AS grp,
       ((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7) AS w,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.45)::float8 * 2e-2 AS r
FROM generate_series(1, 600000) AS i;
ANALYZE mh_par;
CREATE TEMP VIEW mh_all AS
SELECT top_contribution(w, r, 10) AS top10, top_contribution(w, r, 3000) AS top3000,
       names_to_match(w, 1) AS match1, names_to_match(w, 50) AS match50,
       share_above(w, 1e-5, true) AS share_incl, count_above(w, 1e-5, true) AS count_incl,
       compound_return(r, 10) AS compound_min
FROM mh_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE mh_serial AS SELECT * FROM mh_all;
CREATE TEMP TABLE mh_grouped_serial AS
SELECT grp, top_contribution(w, r, 10) AS top10, names_to_match(w, 5) AS match5,
       count_above(w, 0.01, true) AS n_incl, compound_return(r, 10) AS compound_min
FROM mh_par GROUP BY grp;
SELECT match1, match50, count_incl, count_incl >= (SELECT count(*) FROM mh_par WHERE w / (SELECT sum(w) FROM mh_par) > 1e-5) AS incl_at_least_strict,
       compound_min = (SELECT compound_return(r) FROM mh_par) AS min_periods_met
FROM mh_serial;
-- the top ten's contribution against plain SQL (float sums)
SELECT abs(top10 - (SELECT sum(w * r) FROM (SELECT w, r FROM mh_par ORDER BY w DESC, r DESC LIMIT 10) t)
                   / (SELECT sum(w * r) FROM mh_par)) < 1e-9 AS top10_sql
FROM mh_serial;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT * FROM mh_all;
CREATE TEMP VIEW mh_same AS
SELECT same_bits(p.top10, s.top10) AS top10, same_bits(p.top3000, s.top3000) AS top3000,
       p.match1 = s.match1 AS match1, p.match50 = s.match50 AS match50,
       same_bits(p.share_incl, s.share_incl) AS share_incl, p.count_incl = s.count_incl AS count_incl,
       same_bits(p.compound_min, s.compound_min) AS compound_min
FROM mh_all p, mh_serial s;
SELECT * FROM mh_same;
SET parallel_leader_participation = off;
SELECT * FROM mh_same;
RESET parallel_leader_participation;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, top_contribution(w, r, 10), names_to_match(w, 5) FROM mh_par GROUP BY grp;
CREATE TEMP TABLE mh_grouped AS
SELECT grp, top_contribution(w, r, 10) AS top10, names_to_match(w, 5) AS match5,
       count_above(w, 0.01, true) AS n_incl, compound_return(r, 10) AS compound_min
FROM mh_par GROUP BY grp;
RESET enable_hashagg;
-- ordered aggregates are never split between workers: the same answer
SELECT max_drawdown(r ORDER BY i) AS mdd, current_drawdown(r ORDER BY i) AS cdd FROM mh_par;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = 0;
SELECT max_drawdown(r ORDER BY i) AS mdd, current_drawdown(r ORDER BY i) AS cdd FROM mh_par;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE same_bits(g.top10, s.top10) AND g.match5 IS NOT DISTINCT FROM s.match5 AND g.n_incl = s.n_incl
                        AND same_bits(g.compound_min, s.compound_min)) AS identical
FROM mh_grouped g JOIN mh_grouped_serial s USING (grp);
RESET max_parallel_workers_per_gather;
DROP VIEW mh_same;
DROP VIEW mh_all;
DROP TABLE mh_par;
