#!/usr/bin/env bash
# The monthly_report views read through real client libraries, the way BI
# tools read them: psycopg2 with pandas (test/bi/bi_pandas.py, Debian's
# python3-psycopg2 and python3-pandas) and node-postgres (test/bi/bi_node.js,
# npm package pg, pinned by test/bi/package.json and package-lock.json).
#
#   test/bi_clients.sh            (test/run runs it on its cluster)
#
# Loads the bundled data into a database of its own (the extension in a
# schema of its own, the tables in another), builds the views
# (examples/monthly_report.sql) and logs in as a role with nothing but
# USAGE on the schema monthly_report and SELECT on its views, the grant
# README.md gives for a BI tool.  Both clients check the column types as they
# see them, the order columns of the categories, a comment on every column,
# and the filters a BI tool generates (ILIKE, lower(), = with a label).
#
# Runs against the server that PGHOST/PGPORT/PGUSER name; without PGHOST it
# builds, installs and starts a throwaway cluster itself.  Installs the
# client packages when run as root (and npm's packages into
# test/bi/node_modules), else prints the command to run.  Prints one
# "ok N - ..." or "not ok N - ..." line per check; exits 1 on a failure.
set -uo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$TA_ROOT"

# shellcheck disable=SC2046
ta_ensure_packages $(ta_bi_client_packages)
if [ -z "${PGHOST:-}" ]; then
	ta_build_install
	ta_cluster_start
fi
bindir=$("${PG_CONFIG:-pg_config}" --bindir)
psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1)
db=ta_bi
reader=ta_bi_reader
log=$(mktemp /tmp/tactalloc-bi.XXXXXX)
failed=0

# the node-postgres version the lock file pins, unless it is installed
(
	cd test/bi || exit 1
	want=$(node -p "require('./package-lock.json').packages['node_modules/pg'].version") || exit 1
	have=$(node -p "require('./node_modules/pg/package.json').version" 2>/dev/null) || have=
	[ "$have" = "$want" ] || npm ci --no-audit --no-fund --loglevel=error
) >>"$log" 2>&1 || { cat "$log"; echo "not ok 1 - npm ci in test/bi (node-postgres)"; exit 1; }

# the database: extension, data and views in three schemas, and a reader
# with only the BI grant
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $reader" \
	-c "CREATE DATABASE $db" -c "CREATE ROLE $reader LOGIN" >>"$log" 2>&1 \
	|| { cat "$log"; echo "not ok 1 - database $db and role $reader"; exit 1; }
if ! "${psql[@]}" -d "$db" -v datadir="$TA_ROOT/data" >>"$log" 2>&1 <<-EOF; then
	-- nothing in the public schema for anyone: the reader gets only what is granted
	REVOKE ALL ON SCHEMA public FROM PUBLIC;
	CREATE SCHEMA tactalloc;
	CREATE EXTENSION tactalloc SCHEMA tactalloc;
	CREATE SCHEMA demo;
	SET search_path = demo, tactalloc;
	\i data/load.sql
	\i examples/monthly_report.sql
	-- the grant of README.md, "Pointing a BI tool at the views"
	GRANT USAGE ON SCHEMA monthly_report TO $reader;
	GRANT SELECT ON ALL TABLES IN SCHEMA monthly_report TO $reader;
EOF
	cat "$log"
	echo "not ok 1 - data loaded and examples/monthly_report.sql built"
	exit 1
fi

# Runs one client as the reader, renumbering its TAP lines after the last.
n=0
client() {
	local out rc
	out=$(PGDATABASE=$db PGUSER=$reader "$@" 2>&1)
	rc=$?
	while IFS= read -r line; do
		case $line in
		"ok "[0-9]* | "not ok "[0-9]*)
			n=$((n + 1))
			echo "$line" | sed -E "s/^(not )?ok [0-9]+/\1ok $n/"
			;;
		*) echo "$line" ;;
		esac
	done <<<"$out"
	# a client that stopped before its closing line failed, whatever it printed
	if ! grep -q '^# finished:' <<<"$out"; then
		n=$((n + 1))
		echo "not ok $n - $* stopped before its last check (exit status $rc)"
		rc=1
	fi
	[ "$rc" -eq 0 ] || failed=1
}

# Debian's interpreter, where python3-psycopg2 and python3-pandas live (a
# python3 earlier in PATH, from pyenv or a venv, may have neither)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
client "$python" test/bi/bi_pandas.py
client node test/bi/bi_node.js

"${psql[@]}" -d postgres -c "DROP DATABASE $db" -c "DROP ROLE $reader" >>"$log" 2>&1
rm -f "$log"
exit "$failed"
