#!/usr/bin/env bash
# The regime_playbook survives pg_dump and restore with a user's edits.
#
#   test/dump_restore.sh BINDIR WORKDIR
#
# Runs against the server that PGHOST/PGPORT/PGUSER name (test/run's
# throwaway cluster), with pg_dump and psql from BINDIR (the server's own).
# Creates the extension in a schema of its own, edits the playbook (an
# updated tilt, a user row, a deleted shipped row, a shipped row replaced by
# an insert, a changed key), dumps, restores into a fresh database, checks
# the tables are identical, and does it once more from the restored copy.
# Then makes the same edits under version 1.0, updates the extension and
# checks that the edits survive the update and a dump and restore.
# Prints one "ok N - ..." or "not ok N - ..." line per check; exits 1 on a
# failure.
set -uo pipefail
bindir=$1
work=$2
psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1)
n=0
failed=0

# Reports one check: ok when the command succeeds.
check() {
	local what=$1
	shift
	n=$((n + 1))
	if "$@" >>"$work/dump_restore.log" 2>&1; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		failed=$((failed + 1))
	fi
}

# Runs SQL in a database; the result must be the single value 't'.
is_true() {
	local db=$1 sql=$2 got
	got=$("${psql[@]}" -At -d "$db" -c "$sql") || return 1
	[ "$got" = t ] || { echo "expected t, got '$got' for: $sql"; return 1; }
}

# The content of both tables, as one text.
content() {
	"${psql[@]}" -At -d "$1" -c "
		SELECT string_agg(format('%s|%s|%s|%s|%s', regime, asset, tilt, note, shipped), E'\n' ORDER BY regime, asset)
		FROM analytics.regime_playbook" -c "
		SELECT string_agg(format('%s|%s', regime, asset), E'\n' ORDER BY regime, asset)
		FROM analytics.regime_playbook_removed"
}

# Runs in a database: the copies the tilts functions read (which a Citus
# cluster makes reference tables) hold exactly the rows of their playbooks.
copies_match() {
	local db=$1 pb
	for pb in regime_playbook growth_inflation_playbook; do
		is_true "$db" "
			SELECT NOT EXISTS ((SELECT regime::text, asset, tilt, note FROM analytics.$pb
			                    EXCEPT ALL SELECT regime::text, asset, tilt, note FROM analytics._${pb}_tilts)
			                   UNION ALL (SELECT regime::text, asset, tilt, note FROM analytics._${pb}_tilts
			                    EXCEPT ALL SELECT regime::text, asset, tilt, note FROM analytics.$pb))" || return 1
	done
}

for db in ta_dump_src ta_dump_dst ta_dump_dst2 ta_upg_src ta_upg_dst; do
	"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >>"$work/dump_restore.log" 2>&1
done

check "source database with edited playbook" "${psql[@]}" -d postgres -c "CREATE DATABASE ta_dump_src" -c "CREATE DATABASE ta_dump_dst" -c "CREATE DATABASE ta_dump_dst2"
check "edits applied" "${psql[@]}" -d ta_dump_src -c "
	CREATE SCHEMA analytics;
	CREATE EXTENSION tactalloc SCHEMA analytics;
	UPDATE analytics.regime_playbook SET tilt = 'overweight (house view)' WHERE regime = 'recovery' AND asset = 'duration';
	INSERT INTO analytics.regime_playbook (regime, asset, tilt, note) VALUES ('recovery', 'gold', 'underweight', 'house view');
	DELETE FROM analytics.regime_playbook WHERE regime = 'slowdown' AND asset = 'USD';
	INSERT INTO analytics.regime_playbook (regime, asset, tilt, note) VALUES ('expansion', 'USD', 'neutral', 'replaced');
	UPDATE analytics.regime_playbook SET asset = 'inflation-linked bonds' WHERE regime = 'contraction' AND asset = 'duration';
	UPDATE analytics.growth_inflation_playbook SET tilt = 'overweight equities (house view)' WHERE regime = 'goldilocks' AND asset = 'asset class';
	DELETE FROM analytics.growth_inflation_playbook WHERE regime = 'stagflation' AND asset = 'equity sectors';"
check "pg_dump" "$bindir/pg_dump" -d ta_dump_src -f "$work/dump1.sql"
check "restore into a fresh database" "${psql[@]}" -d ta_dump_dst -f "$work/dump1.sql"
check "the updated tilt survived" is_true ta_dump_dst \
	"SELECT tilt = 'overweight (house view)' AND NOT shipped FROM analytics.regime_playbook WHERE regime = 'recovery' AND asset = 'duration'"
check "the user row survived" is_true ta_dump_dst \
	"SELECT count(*) = 1 FROM analytics.regime_tilts('recovery') WHERE asset = 'gold' AND tilt = 'underweight'"
check "the deleted shipped row stays deleted" is_true ta_dump_dst \
	"SELECT NOT EXISTS (SELECT FROM analytics.regime_playbook WHERE regime = 'slowdown' AND asset = 'USD')"
check "the replaced shipped row keeps the user's version" is_true ta_dump_dst \
	"SELECT string_agg(tilt, ',') = 'neutral' FROM analytics.regime_playbook WHERE regime = 'expansion' AND asset = 'USD'"
check "the changed key stays changed" is_true ta_dump_dst \
	"SELECT count(*) FILTER (WHERE asset = 'duration') = 0 AND count(*) FILTER (WHERE asset = 'inflation-linked bonds') = 1
	 FROM analytics.regime_playbook WHERE regime = 'contraction'"
check "the growth x inflation playbook's edits survived" is_true ta_dump_dst \
	"SELECT count(*) = 7 AND count(*) FILTER (WHERE NOT shipped) = 1
	    AND bool_or(tilt = 'overweight equities (house view)' AND NOT shipped)
	    AND NOT bool_or(regime = 'stagflation' AND asset = 'equity sectors')
	 FROM analytics.growth_inflation_playbook"
check "its removals survived" is_true ta_dump_dst \
	"SELECT string_agg(regime || '/' || asset, ',' ORDER BY regime, asset) = 'goldilocks/asset class,stagflation/equity sectors'
	 FROM analytics.growth_inflation_playbook_removed"
content ta_dump_src >"$work/src.txt" 2>>"$work/dump_restore.log"
content ta_dump_dst >"$work/dst.txt" 2>>"$work/dump_restore.log"
check "playbook and removals identical after restore" cmp "$work/src.txt" "$work/dst.txt"
check "the tilts functions read the restored playbooks (their copies match)" copies_match ta_dump_dst
check "pg_dump of the restored copy" "$bindir/pg_dump" -d ta_dump_dst -f "$work/dump2.sql"
check "second restore" "${psql[@]}" -d ta_dump_dst2 -f "$work/dump2.sql"
content ta_dump_dst2 >"$work/dst2.txt" 2>>"$work/dump_restore.log"
check "identical after a second round" cmp "$work/src.txt" "$work/dst2.txt"
check "the copies match after a second round" copies_match ta_dump_dst2

# Edits made under 1.0 survive ALTER EXTENSION UPDATE, then a dump and restore
check "a 1.0 database with the same edits" "${psql[@]}" -d postgres -c "CREATE DATABASE ta_upg_src" -c "CREATE DATABASE ta_upg_dst"
check "1.0 edits applied" "${psql[@]}" -d ta_upg_src -c "
	CREATE SCHEMA analytics;
	CREATE EXTENSION tactalloc VERSION '1.0' SCHEMA analytics;
	UPDATE analytics.regime_playbook SET tilt = 'overweight (house view)' WHERE regime = 'recovery' AND asset = 'duration';
	INSERT INTO analytics.regime_playbook (regime, asset, tilt, note) VALUES ('recovery', 'gold', 'underweight', 'house view');
	DELETE FROM analytics.regime_playbook WHERE regime = 'slowdown' AND asset = 'USD';
	INSERT INTO analytics.regime_playbook (regime, asset, tilt, note) VALUES ('expansion', 'USD', 'neutral', 'replaced');
	UPDATE analytics.regime_playbook SET asset = 'inflation-linked bonds' WHERE regime = 'contraction' AND asset = 'duration';"
content ta_upg_src >"$work/upg_before.txt" 2>>"$work/dump_restore.log"
check "ALTER EXTENSION tactalloc UPDATE" "${psql[@]}" -d ta_upg_src -c "ALTER EXTENSION tactalloc UPDATE"
check "the update reached the current version" is_true ta_upg_src \
	"SELECT extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'tactalloc') FROM pg_extension WHERE extname = 'tactalloc'"
content ta_upg_src >"$work/upg_after.txt" 2>>"$work/dump_restore.log"
check "playbook and removals unchanged by the update" cmp "$work/upg_before.txt" "$work/upg_after.txt"
check "the 1.0 edits are those of a fresh install" cmp "$work/src.txt" "$work/upg_after.txt"
check "the update copied the 1.0 edits for the tilts functions" copies_match ta_upg_src
check "pg_dump of the updated database" "$bindir/pg_dump" -d ta_upg_src -f "$work/dump_upg.sql"
check "restore of the updated database" "${psql[@]}" -d ta_upg_dst -f "$work/dump_upg.sql"
content ta_upg_dst >"$work/upg_dst.txt" 2>>"$work/dump_restore.log"
check "identical after the update and a restore" cmp "$work/upg_before.txt" "$work/upg_dst.txt"
check "the copies match after the update and a restore" copies_match ta_upg_dst

for db in ta_dump_src ta_dump_dst ta_dump_dst2 ta_upg_src ta_upg_dst; do
	"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >>"$work/dump_restore.log" 2>&1
done
[ "$failed" -eq 0 ] || { echo "# log: $work/dump_restore.log"; tail -n 30 "$work/dump_restore.log" | sed 's/^/# /'; }
[ "$failed" -eq 0 ]
