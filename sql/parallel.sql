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
