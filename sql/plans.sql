-- The same bits under any plan: row orders, 1/2/4 parallel workers, the
-- leader not participating, partitionwise aggregation and partitions that
-- are foreign tables on a loopback postgres_fdw server.
SET extra_float_digits = 3;
SET max_parallel_workers_per_gather = 0;

-- 600 000 rows, 12 regions, heavy-tailed weights of mixed magnitude
-- (1e-12 .. 1e12) and signed long/short positions, from a fixed hash
CREATE TABLE plan_w AS
SELECT i,
       'R' || lpad((i % 12)::text, 2, '0') AS region,
       (((((i::bigint * 2654435761) % 4294967296) + 0.5) / 4294967296.0)::float8 ^ (-0.7))
         * 10 ^ ((i::bigint * 40503) % 25 - 12) AS w,
       1 + 12 * ((((i::bigint * 69069) % 65536) + 0.5) / 65536.0)::float8 AS dur,
       40 + 560 * ((((i::bigint * 1103515245) % 1048576) + 0.5) / 1048576.0)::float8 AS oas,
       ((((i::bigint * 2246822519) % 4294967296) / 4294967296.0) - 0.5)::float8 * 1e6 AS ls
FROM generate_series(1, 600000) AS i;

-- the reference: a serial plan over the generated order
CREATE TABLE plan_ref AS
SELECT hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS gross, dts(ls, dur, oas) AS dts
FROM plan_w;
SELECT * FROM plan_ref;

-- :cmp compares the four aggregates over table :t with the reference, to the bit
\set cmp 'SELECT same_bits(p.hhi, r.hhi) AS hhi, same_bits(p.eff_n, r.eff_n) AS eff_n, same_bits(p.gross, r.gross) AS gross, same_bits(p.dts, r.dts) AS dts FROM (SELECT hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, ''gross'') AS gross, dts(ls, dur, oas) AS dts FROM ' :t ') AS p, plan_ref AS r'

-- three physical orders of the same rows
CREATE TABLE plan_w_shuffled AS SELECT * FROM plan_w ORDER BY (i::bigint * 48271) % 2147483647;
CREATE TABLE plan_w_asc AS SELECT * FROM plan_w ORDER BY w, i;
CREATE TABLE plan_w_desc AS SELECT * FROM plan_w ORDER BY abs(ls) DESC, i;
\set t plan_w_shuffled
:cmp;
\set t plan_w_asc
:cmp;
\set t plan_w_desc
:cmp;

-- forced parallel plans with 1, 2 and 4 workers, and with the leader only gathering
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
ALTER TABLE plan_w_shuffled SET (parallel_workers = 4);
ANALYZE plan_w_shuffled;
\set t plan_w_shuffled
SET max_parallel_workers_per_gather = 1;
EXPLAIN (COSTS OFF) :cmp;
:cmp;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) :cmp;
:cmp;
SET max_parallel_workers_per_gather = 4;
EXPLAIN (COSTS OFF) :cmp;
:cmp;
SET parallel_leader_participation = off;
:cmp;
SET max_parallel_workers_per_gather = 1;
:cmp;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;

-- partitionwise aggregation over hash partitions
CREATE TABLE plan_part (LIKE plan_w) PARTITION BY HASH (i);
CREATE TABLE plan_part_0 PARTITION OF plan_part FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE plan_part_1 PARTITION OF plan_part FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE plan_part_2 PARTITION OF plan_part FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE plan_part_3 PARTITION OF plan_part FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO plan_part SELECT * FROM plan_w_desc;
ANALYZE plan_part;
SET enable_partitionwise_aggregate = on;
\set t plan_part
EXPLAIN (COSTS OFF) :cmp;
:cmp;
-- and in parallel, each partition partially aggregated by the workers
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) :cmp;
:cmp;
SET max_parallel_workers_per_gather = 0;

-- partitions that are foreign tables on a loopback postgres_fdw server that
-- knows tactalloc is installed remotely, so whole aggregates are shipped
CREATE EXTENSION postgres_fdw;
DO $$
BEGIN
    EXECUTE format('CREATE SERVER loopback FOREIGN DATA WRAPPER postgres_fdw
                    OPTIONS (host %L, port %L, dbname %L, extensions %L)',
                   split_part(current_setting('unix_socket_directories'), ',', 1),
                   current_setting('port'), current_database(), 'tactalloc');
END $$;
CREATE USER MAPPING FOR CURRENT_USER SERVER loopback;
CREATE TABLE plan_region (LIKE plan_w) PARTITION BY LIST (region);
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT DISTINCT region FROM plan_w ORDER BY 1 LOOP
        EXECUTE format('CREATE TABLE %I AS SELECT * FROM plan_w_shuffled WHERE region = %L', 'remote_' || lower(r), r);
        EXECUTE format('CREATE FOREIGN TABLE %I PARTITION OF plan_region FOR VALUES IN (%L)
                        SERVER loopback OPTIONS (table_name %L)', 'fdw_' || lower(r), r, 'remote_' || lower(r));
    END LOOP;
END $$;
-- grouped by the partition key: every partition's aggregate runs remotely
EXPLAIN (VERBOSE, COSTS OFF)
SELECT region, hhi(w), dts(ls, dur, oas) FROM plan_region WHERE region IN ('R00', 'R01') GROUP BY region;
SELECT count(*) AS regions,
       count(*) FILTER (WHERE same_bits(f.hhi, l.hhi) AND same_bits(f.eff_n, l.eff_n)
                          AND same_bits(f.gross, l.gross) AND same_bits(f.dts, l.dts)) AS identical
FROM (SELECT region, hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS gross, dts(ls, dur, oas) AS dts
      FROM plan_region GROUP BY region) AS f
JOIN (SELECT region, hhi(w) AS hhi, effective_n(w) AS eff_n, hhi(ls, 'gross') AS gross, dts(ls, dur, oas) AS dts
      FROM plan_w GROUP BY region) AS l USING (region);
-- ungrouped over the foreign partitions: the same bits as the local table
\set t plan_region
:cmp;
RESET enable_partitionwise_aggregate;

-- a plain float sum over the same rows does depend on the order (why this matters)
SELECT count(DISTINCT float8send(s)) > 1 AS plain_sum_depends_on_order
FROM (SELECT sum(w) AS s FROM plan_w UNION ALL SELECT sum(w) FROM plan_w_shuffled
      UNION ALL SELECT sum(w) FROM plan_w_asc UNION ALL SELECT sum(w) FROM plan_w_desc) AS v;

DROP TABLE plan_region;
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE tablename LIKE 'remote\_r%' LOOP
        EXECUTE format('DROP TABLE %I', t);
    END LOOP;
END $$;
DROP USER MAPPING FOR CURRENT_USER SERVER loopback;
DROP SERVER loopback;
DROP EXTENSION postgres_fdw;
DROP TABLE plan_part, plan_w, plan_w_shuffled, plan_w_asc, plan_w_desc, plan_ref;
