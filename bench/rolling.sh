# shellcheck shell=bash
# The rolling-window comparison of bench/run (sourced by it: uses PSQL,
# time_set, row, reps).  Per-security rolling windows over a cached table
# of 10^6 rows (400 securities x 2 500 days of returns r, weights w,
# spread durations d and spreads s): tactalloc's moving aggregates against
# the float window SQL an analyst writes today (which PostgreSQL recomputes
# for every frame) and against PostgreSQL's numeric window sum (which has an
# inverse); a 1 260-row window against the 252-row one; and each rolling
# aggregate against the same aggregate over a running (unbounded) frame.

secs=${BENCH_SECURITIES:-400}
days=${BENCH_DAYS:-2500}
slow_reps=${BENCH_SLOW_REPS:-2}
# the window sorts stay in memory
export PGOPTIONS="${PGOPTIONS:-} -c work_mem=256MB"

if [ "$("${PSQL[@]}" -At -c "SELECT count(*) FROM pg_class WHERE relname = 'bench_roll'")" = 0 ] ||
	[ "$("${PSQL[@]}" -At -c "SELECT count(*) FROM bench_roll")" != $((secs * days)) ]; then
	ta_log "creating bench_roll: $secs securities x $days days"
	"${PSQL[@]}" <<SQL
DROP TABLE IF EXISTS bench_roll;
CREATE TABLE bench_roll AS
SELECT s AS sec, d AS day,
       ((((s::bigint * 7919 + d) * 2654435761) % 4294967296) / 4294967296.0 - 0.5)::float8 * 0.04 AS r,
       (1 + ((s * 31 + d) % 97))::float8 AS w,
       (1 + (((s::bigint * 40503 + d) % 65536) / 65536.0) * 9)::float8 AS d,
       (50 + (((s::bigint * 69069 + d) % 1048576) / 1048576.0) * 450)::float8 AS s
FROM generate_series(1, $secs) AS s, generate_series(1, $days) AS d
ORDER BY s, d;
VACUUM ANALYZE bench_roll;
SQL
fi
"${PSQL[@]}" -c "SELECT pg_prewarm('bench_roll')" >/dev/null 2>&1 || true

# A rolling query over the whole table: one value per row, counted
win() {
	echo "SELECT count(x) FROM (SELECT $1 OVER w AS x FROM bench_roll WINDOW w AS (PARTITION BY sec ORDER BY day $2)) q"
}
w252="ROWS BETWEEN 251 PRECEDING AND CURRENT ROW"
w1260="ROWS BETWEEN 1259 PRECEDING AND CURRENT ROW"
run="ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"

echo "tactalloc rolling windows: $((secs * days)) rows ($secs securities x $days days), per-security windows"
"${PSQL[@]}" -At -c "SELECT 'server: ' || version()"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. against the float window SQL (slow: $slow_reps rounds)
echo
echo "252-row window against the float window SQL (median of $slow_reps rounds)"
labels=("sum(r*w) OVER w / sum(w) OVER w (float SQL)" "weighted_mean(r, w)" "stddev(r) OVER w (float SQL)" "volatility(r)")
queries=("$(win "sum(r * w)" "$w252" | sed "s| OVER w AS x| OVER w / sum(w) OVER w AS x|")"
	"$(win "weighted_mean(r, w)" "$w252")"
	"$(win "stddev(r)" "$w252")"
	"$(win "volatility(r)" "$w252")")
mapfile -t res < <(reps=$slow_reps time_set 0 "${queries[@]}")
for k in "${!labels[@]}"; do
	read -r ms ratio <<<"${res[$k]}"
	row "${labels[$k]}" "$ms" "$ratio"
done
read -r fw _ <<<"${res[0]}"
read -r tw _ <<<"${res[1]}"
read -r fs _ <<<"${res[2]}"
read -r tv _ <<<"${res[3]}"
awk -v a="$fw" -v b="$tw" -v c="$fs" -v d="$tv" 'BEGIN {
	printf "  %-46s %24.1fx\n", "weighted_mean faster than the float SQL", a / b
	printf "  %-46s %24.1fx\n", "volatility faster than stddev", c / d }'

# 2. the moving aggregates: 252 rows (baseline), 1 260 rows, running frame
echo
echo "moving aggregates (median of $reps rounds; ratio to the 252-row weighted_mean)"
labels=("weighted_mean(r, w), 252 rows" "weighted_mean(r, w), 1 260 rows" "weighted_mean(r, w), running"
	"volatility(r), 252 rows" "volatility(r), 1 260 rows" "volatility(r), running"
	"compound_return(r), 252 rows" "compound_return(r), 1 260 rows" "compound_return(r), running"
	"dts(w, d, s), 252 rows" "dts(w, d, s), 1 260 rows" "dts(w, d, s), running"
	"numeric: sum((r * w)::numeric(30, 15)) / sum(w), 252 rows")
queries=()
for a in "weighted_mean(r, w)" "volatility(r)" "compound_return(r)" "dts(w, d, s)"; do
	queries+=("$(win "$a" "$w252")" "$(win "$a" "$w1260")" "$(win "$a" "$run")")
done
# a fixed scale: numeric's inverse gives up (and the frame is recomputed)
# when a row of the largest scale leaves, which float-to-numeric casts of
# varying scale cause on almost every row
queries+=("$(win "sum((r * w)::numeric(30, 15))" "$w252" | sed "s| OVER w AS x| OVER w / sum(w::numeric(30, 15)) OVER w AS x|")")
mapfile -t res < <(time_set 0 "${queries[@]}")
for k in "${!labels[@]}"; do
	read -r ms ratio <<<"${res[$k]}"
	row "${labels[$k]}" "$ms" "$ratio"
done
for i in 0 3 6 9; do
	read -r a _ <<<"${res[$i]}"
	read -r b _ <<<"${res[$((i + 1))]}"
	read -r c _ <<<"${res[$((i + 2))]}"
	awk -v l="${labels[$i]%%, 252 rows}" -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
		printf "  %-46s 1 260 / 252 rows: %.2fx; rolling / running: %.2fx\n", l, b / a, a / c }'
done
read -r a _ <<<"${res[0]}"
read -r n _ <<<"${res[12]}"
awk -v a="$a" -v n="$n" 'BEGIN { printf "  %-46s %24.1fx\n", "weighted_mean faster than the numeric window", n / a }'
