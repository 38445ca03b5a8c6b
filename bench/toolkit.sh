#!/usr/bin/env bash
# The toolkit benchmark (bench/toolkit.sql) on a throwaway cluster started
# from the PostgreSQL that PG_CONFIG names: builds and installs tactalloc
# there, creates a 10^7-row table (about 2 minutes) and prints the median
# time of each aggregate and of the plain SQL it replaces, with ratios.
#
#   PG_CONFIG=/path/to/pg_config bench/toolkit.sh
#   TA_BENCH_WORK_MEM="64MB" bench/toolkit.sh     # work_mem values to run with
#   TA_BENCH_SETTINGS="-c jit=off" bench/toolkit.sh # other server settings
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$TA_ROOT"

ta_build_install
# the same settings for both sides and as bench/run (a cached table, no
# JIT); each query runs once with the default work_mem and once with enough
# for the window SQL's sorts and the hash aggregates' states to stay in memory
export TA_PG_OPTIONS="-c shared_buffers=2GB -c max_parallel_workers_per_gather=2 -c jit=off ${TA_BENCH_SETTINGS:-}"
ta_cluster_start
psql -X -q -d postgres -c "CREATE DATABASE tactalloc_bench" >/dev/null
psql -X -q -d tactalloc_bench -c "CREATE EXTENSION tactalloc" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $("${PG_CONFIG:-pg_config}" --version)"
echo "settings: $TA_PG_OPTIONS"
for wm in ${TA_BENCH_WORK_MEM:-4MB 1GB}; do
	echo
	echo "=== work_mem = $wm"
	PGOPTIONS="-c work_mem=$wm" psql -X -d tactalloc_bench -f bench/toolkit.sql
done
