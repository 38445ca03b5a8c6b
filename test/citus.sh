#!/usr/bin/env bash
# tactalloc on a Citus cluster: a coordinator and two workers on loopback.
#
#   PG_CONFIG=/path/to/pg_config test/citus.sh
#
# Needs Citus installed for the server PG_CONFIG names (citus.control in its
# extension directory); without it the script says so and counts as skipped.
# It installs tactalloc into that server, starts three throwaway servers on
# free ports of 127.0.0.1 (data and sockets in a directory of their own,
# stopped and removed on exit), creates citus and tactalloc, distributes a
# table of index constituents by date, and checks against the same rows in
# a local table:
#   - CREATE EXTENSION tactalloc (version 1.0) and ALTER EXTENSION tactalloc
#     UPDATE reach the workers;
#   - every aggregate without ORDER BY runs partially on the workers
#     (worker_partial_agg / coord_combine_agg), or whole on them when
#     grouped by the distribution column; every aggregate of the extension
#     is checked here (ordered ones are gathered), the summary aggregates
#     and rollup(summary) of stored summaries too;
#   - the results have the same bits as on the local table, ungrouped,
#     grouped by a non-distribution column and by the distribution column;
#   - errors raised on the workers (or in the combine step on the
#     coordinator) name the user's aggregate, with SQLSTATE 22023;
#   - the playbooks: after distribute_playbooks(), edits on the coordinator
#     (also made under 1.0) reach regime_tilts() and growth_inflation_tilts()
#     called on the workers, with the results of a single node;
#   - doc/citus.md: its sql blocks run (distributing the bundled tables of
#     data/ as the guide recommends) and print the results it shows;
#   - examples/monthly_report.sql over those tables: every view (of the
#     schemas monthly_*) is created and refreshed (CONCURRENTLY) with the
#     figures of a single node (a database on the coordinator without Citus);
#   - DROP EXTENSION tactalloc reaches the workers.
# Prints one "ok N - ..." / "not ok N - ..." line per check and ends with
# "N passed, N failed" (or "0 passed, 0 failed, 1 skipped"); exits 1 on a
# failure.
set -uo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$TA_ROOT" || exit 1

pgc=${PG_CONFIG:-pg_config}
if ! command -v "$pgc" >/dev/null 2>&1 \
	|| [ ! -f "$("$pgc" --sharedir)/extension/citus.control" ]; then
	echo "skipped: citus is not installed for $pgc"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi

ta_build_install
bindir=$("$pgc" --bindir)
base=$(mktemp -d /tmp/tactalloc-citus.XXXXXX)
chmod 755 "$base"
ta_pg_owner
log=$base/citus.log
nodes=(coord worker1 worker2)
declare -A port

# Stops the three servers and removes their directory.
cleanup() {
	local node
	for node in "${nodes[@]}"; do
		ta_node_stop "$base/$node"
	done
	if [ -z "${TA_KEEP_CLUSTER:-}" ]; then
		rm -rf "$base"
	else
		ta_log "cluster directory kept: $base"
	fi
}
trap cleanup EXIT

n=0
failed=0

# Prints one check's line; $1 is 0 for ok.
report() {
	local rc=$1 what=$2
	n=$((n + 1))
	if [ "$rc" -eq 0 ]; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		failed=$((failed + 1))
	fi
}

# psql on a node; the rest of the arguments go to psql.
on() {
	local node=$1
	shift
	"$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$base/$node" -p "${port[$node]}" \
		-U postgres -d postgres "$@"
}

# Runs SQL on a node and prints its unaligned output.
val() {
	on "$1" -At -c "$2" 2>>"$log"
}

# Reports a check: ok when the command succeeds (output to the log).
check() {
	local what=$1 rc
	shift
	"$@" >>"$log" 2>&1
	rc=$?
	report "$rc" "$what"
}

# Reports a check: ok when the output of SQL on a node is exactly want.
is() {
	local what=$1 node=$2 sql=$3 want=$4 got
	got=$(val "$node" "$sql")
	[ "$got" = "$want" ] || printf '# %s\n#   got:  %s\n#   want: %s\n' "$what" "$got" "$want"
	[ "$got" = "$want" ]
	report $? "$what"
}

# 1. three servers with citus preloaded
unset PGHOST PGPORT PGUSER PGDATABASE PGSERVICE PGPASSWORD PGOPTIONS
opts="-c shared_preload_libraries=citus -c max_prepared_transactions=20"
opts+=" -c citus.node_conninfo=sslmode=disable -c citus.enable_statistics_collection=off"
for node in "${nodes[@]}"; do
	mkdir -p "$base/$node"
	chmod 755 "$base/$node"
	[ "$(id -u)" -eq 0 ] && chown "$TA_PG_OWNER" "$base/$node"
	started=1
	for attempt in 1 2 3 4 5; do
		port[$node]=$(ta_free_port) || break
		if ta_node_start "$base/$node" "${port[$node]}" "$opts"; then
			started=0
			break
		fi
	done
	[ "$started" -eq 0 ] || { [ -f "$base/$node/server.log" ] && tail -n 20 "$base/$node/server.log"; }
	report "$started" "$node started on 127.0.0.1:${port[$node]:-?} (attempts: ${attempt:-0})"
done
if [ "$failed" -gt 0 ]; then
	echo "$((n - failed)) passed, $failed failed"
	exit 1
fi

for node in "${nodes[@]}"; do
	check "CREATE EXTENSION citus on $node" on "$node" -c "CREATE EXTENSION citus"
done
check "coordinator and workers in the metadata" on coord \
	-c "SELECT citus_set_coordinator_host('127.0.0.1', ${port[coord]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${port[worker1]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${port[worker2]})"
is "two active workers" coord \
	"SELECT count(*) FROM citus_get_active_worker_nodes()" 2
ta_log "citus $(val coord "SELECT extversion FROM pg_extension WHERE extname = 'citus'") on $("$pgc" --version)"

# 2. CREATE EXTENSION tactalloc and ALTER EXTENSION tactalloc UPDATE reach
# the workers: version 1.0 first, with an edit of the playbook on the
# coordinator, then the update; the rest runs on the updated extension
check "CREATE EXTENSION tactalloc VERSION '1.0' on the coordinator" on coord -c "CREATE EXTENSION tactalloc VERSION '1.0'"
for node in worker1 worker2; do
	is "tactalloc 1.0 on $node" "$node" \
		"SELECT extversion FROM pg_extension WHERE extname = 'tactalloc'" "1.0"
done
# the playbook edits of the single-node comparison (section 7), the first
# made under 1.0
edit_10="UPDATE regime_playbook SET tilt = 'overweight (house view)' WHERE regime = 'recovery' AND asset = 'duration'"
edits_11="INSERT INTO regime_playbook (regime, asset, tilt, note) VALUES ('expansion', 'gold', 'underweight', 'house view');
	DELETE FROM regime_playbook WHERE regime = 'contraction' AND asset = 'credit';
	UPDATE growth_inflation_playbook SET tilt = 'overweight equities (house view)' WHERE regime = 'goldilocks' AND asset = 'asset class';"
check "an edit of regime_playbook under 1.0" on coord -c "$edit_10"
version=$(val coord "SELECT default_version FROM pg_available_extensions WHERE name = 'tactalloc'")
check "ALTER EXTENSION tactalloc UPDATE on the coordinator" on coord -c "ALTER EXTENSION tactalloc UPDATE"
for node in coord worker1 worker2; do
	is "tactalloc $version on $node after the update" "$node" \
		"SELECT extversion FROM pg_extension WHERE extname = 'tactalloc'" "$version"
	is "the aggregates of $version work on $node" "$node" \
		"SELECT round(volatility(x)::numeric, 12) = round(sqrt(2)::numeric, 12) AND hhi(x) = 0.625 FROM (VALUES (1), (3)) AS v(x)" t
done
is "the 1.0 edit is in the copy regime_tilts() reads" coord \
	"SELECT tilt FROM regime_tilts('recovery') WHERE asset = 'duration'" "overweight (house view)"

# 3. index constituents: a local table and the same rows distributed by date
# (deterministic: every value is a function of the row's date, index and
# security; weights are heavy-tailed, earnings include losses)
check "local and distributed constituents" on coord -c "
	CREATE TABLE constituents_local (
		as_of date NOT NULL, idx text NOT NULL, security text NOT NULL,
		sector text NOT NULL, weight float8, cap float8, earnings float8,
		duration float8, spread float8, ret float8, bret float8);
	INSERT INTO constituents_local
	SELECT date '2025-01-01' + d, 'IDX' || ix, 'S' || lpad(s::text, 4, '0'),
		(ARRAY['tech', 'health', 'energy', 'financials', 'industrials', 'utilities'])[1 + (s * 7 + ix) % 6],
		100.0::float8 / (3 + h % 997),
		(1 + (h / 7) % 100003)::float8 / 3 * 1e6,
		((h / 11) % 20001 - 2000)::float8 / 17 * 1e4,
		(1 + (h / 13) % 300)::float8 / 29,
		((h / 17) % 5000 - 200)::float8 / 3,
		((h / 19) % 2001 - 1000)::float8 / 9973,
		((h / 23) % 2001 - 1000)::float8 / 10007
	FROM generate_series(0, 29) d, generate_series(1, 3) ix, generate_series(1, 100) s,
		LATERAL (SELECT ((d * 1000003 + ix * 7919 + s * 104729) * 2654435761::int8) % 1000000007 AS h) x;
	CREATE TABLE constituents (LIKE constituents_local);
	SET citus.shard_count = 8;
	SELECT create_distributed_table('constituents', 'as_of');
	INSERT INTO constituents SELECT * FROM constituents_local;
	ANALYZE constituents_local;"
is "9000 rows distributed" coord "SELECT count(*) FROM constituents" 9000
is "shards on both workers" coord \
	"SELECT count(DISTINCT nodeport) FROM citus_shards WHERE table_name = 'constituents'::regclass" 2

# The aggregates without ORDER BY, as "label|expression".
aggs=(
	"hhi|hhi(weight)"
	"hhi net|hhi(weight, 'net')"
	"hhi gross|hhi(weight - 0.2, 'gross')"
	"effective_n|effective_n(weight)"
	"effective_n gross|effective_n(weight - 0.2, 'gross')"
	"dts|dts(weight, duration, spread)"
	"weighted_mean|weighted_mean(spread, weight)"
	"index_multiple|index_multiple(cap, earnings)"
	"index_multiple weighted|index_multiple(cap, earnings, weight)"
	"compound_return|compound_return(ret)"
	"top_share|top_share(weight, 10)"
	"share_above|share_above(weight, 0.003)"
	"count_above|count_above(weight, 0.003)"
	"active_share|active_share(weight, cap)"
	"volatility|volatility(ret)"
	"volatility annualised|volatility(ret, 12)"
	"tracking_error|tracking_error(ret, bret)"
	"tracking_error annualised|tracking_error(ret, bret, 12)"
	"beta|beta(ret, bret)"
	"correlation|correlation(ret, bret)"
	"annualized_return|annualized_return(ret, 12)"
	"diffusion|diffusion(bret)"
)

# The aggregates whose result depends on the order of the rows, called with
# ORDER BY (as they must be): Citus gathers their rows on the coordinator,
# unless grouped by the distribution column.
ordered=(
	"longest_streak|longest_streak(ret > 0 ORDER BY as_of, idx, security)"
	"current_streak|current_streak(ret > 0 ORDER BY as_of, idx, security)"
	"regime_shifts|regime_shifts(regime_classify(100 + ret * 10, bret) ORDER BY as_of, idx, security)"
)

# Aggregates of later versions of the extension, checked where they exist:
# "signature|label|expression", to the unordered or the ordered list.
optional=(
	"share_above(float8,float8,bool)|share_above inclusive|share_above(weight, 0.003, true)"
	"count_above(float8,float8,bool)|count_above inclusive|count_above(weight, 0.003, true)"
	"compound_return(float8,int4)|compound_return min_periods|compound_return(ret, 5)"
	"top_contribution(float8,float8,int4)|top_contribution|top_contribution(weight, ret, 5)"
	"names_to_match(float8,int4)|names_to_match|names_to_match(weight, 1)"
)
optional_ordered=(
	"max_drawdown(float8)|max_drawdown|max_drawdown(ret ORDER BY as_of, idx, security)"
	"max_drawdown(float8,int4)|max_drawdown min_periods|max_drawdown(ret, 5 ORDER BY as_of, idx, security)"
	"current_drawdown(float8)|current_drawdown|current_drawdown(ret ORDER BY as_of, idx, security)"
	"current_drawdown(float8,int4)|current_drawdown min_periods|current_drawdown(ret, 5 ORDER BY as_of, idx, security)"
)
for o in "${optional[@]}"; do
	[ "$(val coord "SELECT to_regprocedure('${o%%|*}') IS NOT NULL")" = t ] && aggs+=("${o#*|}")
done
for o in "${optional_ordered[@]}"; do
	[ "$(val coord "SELECT to_regprocedure('${o%%|*}') IS NOT NULL")" = t ] && ordered+=("${o#*|}")
done

# Summaries, where the extension has them: for each aggregate above with a
# summary aggregate (<name>_summary; effective_n reads hhi's summary,
# count_above share_above's), "label|accessor|summary call"; the accessor
# <name>(summary) reads it, rollup(summary) merges stored summaries.
summaries=()
for a in "${aggs[@]}"; do
	expr=${a#*|}
	fn=${expr%%(*}
	case $fn in
	effective_n) sfn=hhi_summary ;;
	count_above) sfn=share_above_summary ;;
	*) sfn=${fn}_summary ;;
	esac
	# a summary aggregate with these arguments exists when the call plans
	if on coord -c "EXPLAIN SELECT $sfn(${expr#*(} FROM constituents_local" >/dev/null 2>&1; then
		summaries+=("${a%%|*}|$fn|$sfn(${expr#*(}")
	fi
done

# every aggregate of the extension is in one of the lists
listed=$(for a in "${aggs[@]}" "${ordered[@]}"; do e=${a#*|}; echo "${e%%(*}"; done
	for a in "${summaries[@]}"; do e=${a##*|}; echo "${e%%(*}"; done
	[ ${#summaries[@]} -eq 0 ] || echo rollup)
listed=$(sort -u <<<"$listed")
missing=$(comm -23 <(val coord "
	SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND p.prokind = 'a'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tactalloc')
	  AND p.proname <> 'regime_track' -- a window aggregate (checked in the report's regime_by_region)
	ORDER BY 1" | sort) <(echo "$listed"))
[ -z "$missing" ] || printf '# not checked here: %s\n' $missing
[ -z "$missing" ]
report $? "every aggregate of the extension is checked on Citus"


# The EXPLAIN VERBOSE of a query on the coordinator, as one text.
plan() {
	val coord "EXPLAIN (VERBOSE, COSTS OFF) $1"
}

# 4. plan shape: partial on the workers, or whole when grouped by as_of
for a in "${aggs[@]}"; do
	label=${a%%|*}
	expr=${a#*|}
	fn=${expr%%(*}
	for g in "" sector; do
		p=$(plan "SELECT $expr FROM constituents${g:+ GROUP BY $g}")
		grep -q "worker_partial_agg('[a-z_.]*$fn(" <<<"$p" && grep -q 'coord_combine_agg(' <<<"$p"
		rc=$?
		[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 40
		report "$rc" "$label runs partially on the workers${g:+ (GROUP BY $g)}"
	done
	p=$(plan "SELECT as_of, $expr FROM constituents GROUP BY as_of")
	grep -q "Query: SELECT .*$fn(" <<<"$p" && ! grep -q 'worker_partial_agg\|coord_combine_agg' <<<"$p"
	rc=$?
	[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 40
	report "$rc" "$label runs whole on the workers (GROUP BY as_of, the distribution column)"
done

# The result of an aggregate over a table, one "group|bits" line per group.
bits() {
	local expr=$1 table=$2 g=$3 out
	case $expr in
	count_above* | names_to_match*) out="($expr)::text" ;;
	*) out="float8send($expr)::text" ;;
	esac
	if [ -z "$g" ]; then
		val coord "SELECT 'all', $out FROM $table"
	else
		val coord "SELECT $g, $out FROM $table GROUP BY $g ORDER BY $g"
	fi
}

# 5. same bits as on the local table
for a in "${aggs[@]}"; do
	label=${a%%|*}
	expr=${a#*|}
	for g in "" sector as_of; do
		want=$(bits "$expr" constituents_local "$g")
		got=$(bits "$expr" constituents "$g")
		rows=$(grep -c . <<<"$want")
		# the local result must be there and not NULL, or the test proves nothing
		if [ -n "$want" ] && ! grep -q '|$' <<<"$want" && [ "$got" = "$want" ]; then
			rc=0
		else
			rc=1
			diff <(echo "$want") <(echo "$got") | head -n 10 | sed 's/^/# /'
		fi
		report "$rc" "$label: same bits as the local table (${g:+GROUP BY $g, }$rows row$([ "$rows" -eq 1 ] || echo s))"
	done
done

# 5a. summaries: the summary aggregates run partially on the workers, and
# their accessors give the direct aggregate's bits; summaries stored per
# date and sector in a distributed table roll up (partially on the workers)
# to the direct aggregate's bits over the rows
if [ ${#summaries[@]} -gt 0 ]; then
	cols=""
	i=0
	for a in "${summaries[@]}"; do
		i=$((i + 1))
		cols+=", ${a##*|} AS s$i"
	done
	check "summaries per date and sector, local and distributed by date" on coord -c "
		CREATE TABLE summaries_local AS SELECT as_of, sector$cols FROM constituents_local GROUP BY as_of, sector;
		CREATE TABLE summaries (LIKE summaries_local);
		SET citus.shard_count = 8;
		SELECT create_distributed_table('summaries', 'as_of');
		INSERT INTO summaries SELECT * FROM summaries_local;"
	i=0
	for a in "${summaries[@]}"; do
		i=$((i + 1))
		label=${a%%|*}
		rest=${a#*|}
		fn=${rest%%|*}
		scall=${rest#*|}
		sfn=${scall%%(*}
		direct=$(for b in "${aggs[@]}"; do [ "${b%%|*}" = "$label" ] && echo "${b#*|}"; done)
		p=$(plan "SELECT $scall FROM constituents GROUP BY sector")
		grep -q "worker_partial_agg('[a-z_.]*$sfn(" <<<"$p" && grep -q 'coord_combine_agg(' <<<"$p"
		rc=$?
		[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 30
		report "$rc" "$label: $sfn runs partially on the workers"
		p=$(plan "SELECT $fn(rollup(s$i)) FROM summaries GROUP BY sector")
		grep -q "worker_partial_agg('[a-z_.]*rollup(" <<<"$p" && grep -q 'coord_combine_agg(' <<<"$p"
		rc=$?
		[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 30
		report "$rc" "$label: rollup of stored summaries runs partially on the workers"
		for g in "" sector as_of; do
			want=$(bits "$direct" constituents_local "$g")
			got=$(bits "$fn($scall)" constituents "$g")
			rolled=$(bits "$fn(rollup(s$i))" summaries "$g")
			[ -n "$want" ] && ! grep -q '|$' <<<"$want" && [ "$got" = "$want" ] && [ "$rolled" = "$want" ]
			rc=$?
			[ "$rc" -eq 0 ] || { diff <(echo "$want") <(echo "$got"); diff <(echo "$want") <(echo "$rolled"); } | head -n 10 | sed 's/^/# /'
			report "$rc" "$label: $fn($sfn(...)) and $fn(rollup(...)) of stored summaries have the direct aggregate's bits${g:+ (GROUP BY $g)}"
		done
	done
fi

# 5b. ordered aggregates: the rows are gathered (no partial aggregation),
# or the aggregate runs whole on the workers per date; same bits
for a in "${ordered[@]}"; do
	label=${a%%|*}
	expr=${a#*|}
	fn=${expr%%(*}
	p=$(plan "SELECT $expr FROM constituents")
	grep -q "^ *Output: $fn(remote_scan" <<<"$p" && ! grep -q 'worker_partial_agg' <<<"$p"
	rc=$?
	[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 40
	report "$rc" "$label ORDER BY gathers the rows on the coordinator"
	for g in "" sector as_of; do
		if [ -z "$g" ]; then
			want=$(val coord "SELECT 'all', $expr FROM constituents_local")
			got=$(val coord "SELECT 'all', $expr FROM constituents")
		else
			want=$(val coord "SELECT $g, $expr FROM constituents_local GROUP BY $g ORDER BY $g")
			got=$(val coord "SELECT $g, $expr FROM constituents GROUP BY $g ORDER BY $g")
		fi
		[ -n "$want" ] && ! grep -q '|$' <<<"$want" && [ "$got" = "$want" ]
		rc=$?
		[ "$rc" -eq 0 ] || diff <(echo "$want") <(echo "$got") | head -n 10 | sed 's/^/# /'
		report "$rc" "$label: same result as the local table${g:+ (GROUP BY $g)}"
	done
done

# 6. errors raised on the workers name the user's aggregate
check "distributed table of bad rows" on coord -c "
	CREATE TABLE bad (as_of date NOT NULL, tag text NOT NULL, w float8, n int4);
	SET citus.shard_count = 8;
	SELECT create_distributed_table('bad', 'as_of');
	INSERT INTO bad
	SELECT date '2025-01-01' + d, 'ok', 1 + d, 5 FROM generate_series(0, 29) d;
	INSERT INTO bad VALUES
		('2025-01-07', 'nan', 'NaN', 5),
		('2025-01-11', 'negative', -1, 5);"
# a row with another n on a date whose shard is on the other worker than
# 2025-01-01's, so that the two partial states meet on the coordinator
other=$(val coord "
	SELECT min(d)::date FROM generate_series(date '2025-01-02', date '2025-01-30', interval '1 day') d
	WHERE (SELECT nodeport FROM citus_shards WHERE shardid = get_shard_id_for_distribution_column('bad', d::date))
		<> (SELECT nodeport FROM citus_shards WHERE shardid = get_shard_id_for_distribution_column('bad', date '2025-01-01'))")
check "a row with another n on the other worker ($other)" on coord \
	-c "INSERT INTO bad VALUES ('$other', 'other n', 2, 7)"

# Reports a check: the query fails with the message (and hint) given, its
# SQLSTATE is 22023, and no Citus wrapper is named.  With "coordinator" as
# the fifth argument the error must be raised on the coordinator (when
# partial states meet), not relayed from a worker.
fails_with() {
	local what=$1 sql=$2 msg=$3 hint=${4:-} where=${5:-} out rc=0
	out=$(on coord -v VERBOSITY=verbose -c "$sql" 2>&1)
	grep -qF "ERROR:  22023: $msg" <<<"$out" || rc=1
	[ -z "$hint" ] || grep -qF "HINT:  $hint" <<<"$out" || rc=1
	[ "$where" != coordinator ] || ! grep -q 'while executing command on' <<<"$out" || rc=1
	! grep -q 'worker_partial_agg\|coord_combine_agg' <<<"$out" || rc=1
	[ "$rc" -eq 0 ] || printf '# %s\n' "${out//$'\n'/$'\n'# }"
	report "$rc" "$what"
}

for q in "SELECT hhi(w) FROM bad" "SELECT effective_n(w) FROM bad" "SELECT top_share(w, n) FROM bad"; do
	p=$(plan "$q")
	grep -q 'worker_partial_agg(' <<<"$p"
	report $? "partial plan: $q"
done
fails_with "hhi: a NaN weight on a worker names hhi" \
	"SELECT hhi(w) FROM bad WHERE tag IN ('ok', 'nan')" \
	"hhi: weight must be finite, got NaN"
fails_with "hhi: a negative weight on a worker names hhi, and the hint hhi(weight, 'gross')" \
	"SELECT hhi(w) FROM bad WHERE tag IN ('ok', 'negative')" \
	"hhi: negative weight -1 in net mode" \
	"For long/short books use the gross mode, e.g. hhi(weight, 'gross'), which normalises by the sum of absolute weights."
fails_with "effective_n: a NaN weight on a worker names effective_n" \
	"SELECT effective_n(w) FROM bad WHERE tag IN ('ok', 'nan')" \
	"effective_n: weight must be finite, got NaN"
fails_with "effective_n: a negative weight names effective_n in the message and the hint" \
	"SELECT effective_n(w) FROM bad WHERE tag IN ('ok', 'negative')" \
	"effective_n: negative weight -1 in net mode" \
	"For long/short books use the gross mode, e.g. effective_n(weight, 'gross'), which normalises by the sum of absolute weights."
fails_with "top_share: a negative weight on a worker names top_share" \
	"SELECT top_share(w, n) FROM bad WHERE tag IN ('ok', 'negative')" \
	"top_share: negative weight -1"
fails_with "top_share: a NaN weight on a worker names top_share" \
	"SELECT top_share(w, n) FROM bad WHERE tag IN ('ok', 'nan')" \
	"top_share: weight must be finite, got NaN"
fails_with "top_share: n differing within a shard names top_share" \
	"SELECT top_share(w, n) FROM bad WHERE tag IN ('ok', 'other n')" \
	"top_share: n must be the same for every row of a group, got 7 after 5"
fails_with "top_share: n differing between workers names top_share (combine on the coordinator)" \
	"SELECT top_share(w, n) FROM bad WHERE (as_of = '2025-01-01' AND tag = 'ok') OR tag = 'other n'" \
	"top_share: cannot combine top_share states with n " "" coordinator
fails_with "hhi: the mode differing between workers names hhi (combine on the coordinator)" \
	"SELECT hhi(w, CASE tag WHEN 'ok' THEN 'net' ELSE 'gross' END) FROM bad WHERE (as_of = '2025-01-01' AND tag = 'ok') OR tag = 'other n'" \
	"hhi: cannot combine a hhi/" "" coordinator
fails_with "dts: a NaN weight on a worker names dts" \
	"SELECT dts(w, 1, 100) FROM bad WHERE tag IN ('ok', 'nan')" \
	"dts: weight must be finite, got NaN"


# 7. the playbooks: a single node (a database on the coordinator without
# Citus) and the cluster with the same edits give the same tilts, the
# cluster's read on the workers
check "a single-node database with the same playbook edits" on coord -c "CREATE DATABASE single"
on_single() {
	"$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$base/coord" -p "${port[coord]}" \
		-U postgres -d single "$@"
}
check "tactalloc 1.0 updated, with the edits, on the single node" on_single \
	-c "CREATE EXTENSION tactalloc VERSION '1.0'" -c "$edit_10" \
	-c "ALTER EXTENSION tactalloc UPDATE" -c "$edits_11"
check "the cluster's edits since 1.1" on coord -c "$edits_11"
is "distribute_playbooks() makes the copies reference tables" coord \
	"SELECT string_agg(t::text, ',' ORDER BY t::text) FROM distribute_playbooks() AS t" \
	"_growth_inflation_playbook_tilts,_regime_playbook_tilts"
is "distribute_playbooks() a second time changes nothing" coord \
	"SELECT count(*) FROM distribute_playbooks()" 2
# (citus_tables does not list tables of an extension: read Citus's catalog;
# method n with replication t is a reference table)
is "both copies are reference tables, placed on all three nodes" coord \
	"SELECT string_agg(format('%s %s%s %s', p.logicalrelid, p.partmethod, p.repmodel,
	        (SELECT count(DISTINCT pl.groupid) FROM pg_dist_shard s JOIN pg_dist_placement pl USING (shardid)
	         WHERE s.logicalrelid = p.logicalrelid)), ',' ORDER BY p.logicalrelid::text)
	 FROM pg_dist_partition p WHERE p.logicalrelid::text LIKE '%playbook%'" \
	"_growth_inflation_playbook_tilts nt 3,_regime_playbook_tilts nt 3"
regimes="CREATE TABLE regimes (region text NOT NULL, regime macro_regime, quadrant growth_inflation);
	INSERT INTO regimes
	SELECT 'R' || r, (enum_range(NULL::macro_regime))[1 + r % 4], (enum_range(NULL::growth_inflation))[1 + (r / 4) % 4]
	FROM generate_series(0, 15) r;"
check "a table of regimes, local on the single node" on_single -c "$regimes"
check "the same table distributed by region" on coord -c "$regimes" \
	-c "SET citus.shard_count = 8" -c "SELECT create_distributed_table('regimes', 'region')"
tilts_q="SELECT r.region, r.regime, t.asset, t.tilt, t.note FROM regimes r CROSS JOIN LATERAL regime_tilts(r.regime) t ORDER BY 1, 3"
gi_q="SELECT r.region, r.quadrant, t.asset, t.tilt, t.note FROM regimes r CROSS JOIN LATERAL growth_inflation_tilts(r.quadrant) t ORDER BY 1, 3"
p=$(plan "$tilts_q")
grep -q 'Query: .*regime_tilts(' <<<"$p" && grep -q 'Task Count: 8' <<<"$p"
rc=$?
[ "$rc" -eq 0 ] || printf '# %s\n' "${p//$'\n'/$'\n'# }" | head -n 30
report "$rc" "LATERAL regime_tilts() runs on the workers"
want=$(on_single -At -c "$tilts_q" 2>>"$log")
got=$(val coord "$tilts_q")
[ -n "$want" ] && [ "$got" = "$want" ] && grep -q 'overweight (house view)' <<<"$got" \
	&& grep -q '|gold|underweight|house view' <<<"$got" && ! grep -q 'contraction|credit' <<<"$got"
rc=$?
[ "$rc" -eq 0 ] || diff <(echo "$want") <(echo "$got") | head -n 10 | sed 's/^/# /'
report "$rc" "regime_tilts on the workers: the coordinator's edits, as on a single node ($(grep -c . <<<"$got") rows)"
want=$(on_single -At -c "$gi_q" 2>>"$log")
got=$(val coord "$gi_q")
[ -n "$want" ] && [ "$got" = "$want" ] && grep -q 'overweight equities (house view)' <<<"$got"
rc=$?
[ "$rc" -eq 0 ] || diff <(echo "$want") <(echo "$got") | head -n 10 | sed 's/^/# /'
report "$rc" "growth_inflation_tilts on the workers: the coordinator's edits, as on a single node"
is "an edit is seen on the workers within its transaction, and gone after ROLLBACK" coord "
	BEGIN;
	UPDATE regime_playbook SET tilt = 'in this transaction' WHERE regime = 'slowdown' AND asset = 'USD';
	SELECT count(*) FROM regimes r CROSS JOIN LATERAL regime_tilts(r.regime) t WHERE t.tilt = 'in this transaction';
	TRUNCATE regime_playbook;
	SELECT count(*) FROM regimes r CROSS JOIN LATERAL regime_tilts(r.regime) t;
	ROLLBACK;
	SELECT count(*) FROM regimes r CROSS JOIN LATERAL regime_tilts(r.regime) t WHERE t.tilt = 'in this transaction';" \
	"4
0
0"

# 8. the bundled data of data/ in a schema of its own, on the single node
# (local tables) and on the cluster, distributed by doc/citus.md's blocks
on_bundled() {
	PGOPTIONS="-c search_path=bundled,public" on coord "$@"
}
check "the bundled tables on the single node" on_single -f data/load.sql
check "the bundled tables on the cluster (schema bundled)" on coord -c "CREATE SCHEMA bundled"
check "loaded" on_bundled -f data/load.sql

# The sql blocks of doc/citus.md in order, each with the text block that
# follows it (if any) as its output.
guide=$base/guide
mkdir -p "$guide"
awk -v dir="$guide" '
/^```sql[[:space:]]*$/ { n++; f = sprintf("%s/%02d.sql", dir, n); mode = "sql"; next }
/^```text[[:space:]]*$/ { if (last == "sql") { f = sprintf("%s/%02d.want", dir, n); mode = "text" } else mode = "skip"; next }
/^```/ { if (mode != "") last = mode; mode = ""; next }
mode == "sql" || mode == "text" { print > f }
NF && mode == "" { last = "" }
' doc/citus.md
for f in "$guide"/*.sql; do
	b=${f%.sql}
	got=$(on_bundled -P border=2 -f "$f" 2>"$b.err")
	rc=$?
	if [ "$rc" -eq 0 ] && [ -f "$b.want" ]; then
		[ "$got" = "$(cat "$b.want")" ] || { rc=1; echo "$got" >"$b.got"; diff "$b.want" "$b.got" | sed 's/^/# /'; }
	fi
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$b.err" | head -n 10
	report "$rc" "doc/citus.md, example $(basename "$b"): $(head -n 1 "$f" | cut -c 1-60)$([ -f "$b.want" ] && echo ' (result as shown)')"
done

# 9. examples/monthly_report.sql over the distributed tables: every view
# has the figures of the single node, after creation and after a refresh
check "monthly_report.sql on the single node" on_single -f examples/monthly_report.sql
check "monthly_report.sql on the cluster" on_bundled -f examples/monthly_report.sql
# (the views of the schemas the script creates: monthly_report and the like)
views=$(on_single -At -c "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname LIKE 'monthly\_%' AND c.relkind IN ('m', 'v') ORDER BY 1" 2>>"$log")
is "the cluster has the single node's views" coord \
	"SELECT string_agg(format('%I.%I', n.nspname, c.relname), ' ' ORDER BY format('%I.%I', n.nspname, c.relname)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	 WHERE n.nspname LIKE 'monthly\_%' AND c.relkind IN ('m', 'v')" "$(echo $views)"
# Reports whether every view has the single node's rows (as text: floats
# print their shortest exact form, so equal text is equal bits).
same_views() {
	local when=$1 v want got rows
	for v in $views; do
		want=$(on_single -At -c "SELECT t::text FROM $v t ORDER BY 1" 2>>"$log")
		got=$(on_bundled -At -c "SELECT t::text FROM $v t ORDER BY 1" 2>>"$log")
		rows=$(grep -c . <<<"$want")
		[ "$rows" -gt 0 ] && [ "$got" = "$want" ]
		rc=$?
		[ "$rc" -eq 0 ] || diff <(echo "$want") <(echo "$got") | head -n 6 | sed 's/^/# /'
		report "$rc" "$v $when: the single node's rows ($rows)"
	done
}
same_views "created over distributed tables"
# the materialized views in the order they read each other
mviews=$(on_single -At -c "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname LIKE 'monthly\_%' AND c.relkind = 'm' ORDER BY c.oid" 2>>"$log")
refresh=()
for v in $mviews; do
	refresh+=(-c "REFRESH MATERIALIZED VIEW CONCURRENTLY $v")
done
check "REFRESH MATERIALIZED VIEW CONCURRENTLY of the $(echo $mviews | wc -w) materialized views on the cluster" \
	on_bundled "${refresh[@]}"
same_views "refreshed"

# 10. DROP EXTENSION reaches the workers, and Citus forgets the playbooks'
# reference tables
check "DROP EXTENSION tactalloc CASCADE on the coordinator" on coord \
	-c "SET client_min_messages = warning" -c "DROP EXTENSION tactalloc CASCADE"
for node in coord worker1 worker2; do
	is "no tactalloc and no playbook copy in Citus's metadata on $node" "$node" \
		"SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'tactalloc')
		      + (SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE '%playbook%')" 0
done

echo "$((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
