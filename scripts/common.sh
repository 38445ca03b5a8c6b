# shellcheck shell=bash
# Shared by ./report, test/run, bench/run and .ci/run: the packages tactalloc
# needs, building and installing it, and a throwaway PostgreSQL cluster on a
# private socket.  Source it; it defines functions and changes nothing.
#
# Settings (environment):
#   PG_CONFIG        pg_config of the server to build for (default: pg_config)
#   TA_WERROR=1      build with -Wall -Wextra -Werror
#   TA_KEEP_CLUSTER  keep the cluster's directory after stopping (for debugging)

TA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

ta_log() { printf '[tactalloc] %s\n' "$*" >&2; }
ta_die() { printf '[tactalloc] error: %s\n' "$*" >&2; exit 1; }

# The PostgreSQL major version to build for.
ta_pg_major() {
	local v
	if command -v "${PG_CONFIG:-pg_config}" >/dev/null 2>&1; then
		v=$("${PG_CONFIG:-pg_config}" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
	else
		v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
	fi
	[ -n "$v" ] || ta_die "no PostgreSQL found: install a PostgreSQL server (Debian: apt-get install postgresql)"
	echo "$v"
}

# Installs the Debian packages named (only those missing), or prints the
# command to run when this user cannot.
ta_ensure_packages() {
	local missing=() p
	if ! command -v dpkg-query >/dev/null 2>&1; then
		ta_log "not a Debian system: make sure these are installed: $*"
		return 0
	fi
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null || ta_die "apt-get update failed"
		local -a pinned=()
		for p in "${missing[@]}"; do
			pinned+=("$(ta_matching_version "$p")")
		done
		ta_log "installing ${pinned[*]}"
		apt-get install -y -qq --no-install-recommends "${pinned[@]}" >/dev/null \
			|| ta_die "apt-get install ${pinned[*]} failed"
	else
		ta_die "missing packages; run: sudo apt-get install -y $(for p in "${missing[@]}"; do printf '%s ' "$(ta_matching_version "$p")"; done)"
	fi
}

# A server's -dev package must match the installed server: "pkg=version"
# when the server postgresql-N is installed and the archive has its -dev
# package at that version (so apt does not upgrade, and restart, the
# user's server); otherwise the name alone, saying why.
ta_matching_version() {
	local p=$1 major v
	case $p in
	postgresql-server-dev-*)
		major=${p#postgresql-server-dev-}
		v=$(dpkg-query -W -f='${Version}' "postgresql-$major" 2>/dev/null) || v=
		if [ -n "$v" ]; then
			if apt-cache madison "$p" 2>/dev/null | awk -F'|' '{gsub(/ /, "", $2); print $2}' | grep -qxF "$v"; then
				echo "$p=$v"
				return
			fi
			ta_log "the archive has no $p $v for the installed server postgresql-$major $v; installing its newest $p (apt may upgrade the server to match)"
		fi
		;;
	esac
	echo "$p"
}

# Packages to build tactalloc against the local server.
ta_build_packages() {
	local major
	major=$(ta_pg_major)
	echo "postgresql-$major postgresql-server-dev-$major make gcc"
}

# Packages of the BI client test (test/bi_clients.sh): Debian's psycopg2 and
# pandas, and Node.js with npm unless node and npm are already on the PATH
# (from Debian or elsewhere: NodeSource's nodejs ships npm itself and
# conflicts with Debian's npm package).
ta_bi_client_packages() {
	local p="python3-psycopg2 python3-pandas"
	command -v node >/dev/null 2>&1 || p="$p nodejs"
	command -v npm >/dev/null 2>&1 || p="$p npm"
	echo "$p"
}

# Builds and installs the extension into the server that PG_CONFIG names.
ta_build_install() {
	local pgc=${PG_CONFIG:-pg_config} flags=()
	[ "${TA_WERROR:-0}" = 1 ] && flags=(PG_CFLAGS="-Wall -Wextra -Werror -Wshadow=compatible-local")
	# extra preprocessor flags of a special build (test/valgrind: TA_USE_VALGRIND)
	[ -n "${TA_CPPFLAGS:-}" ] && flags+=(PG_CPPFLAGS="$TA_CPPFLAGS")
	ta_log "building"
	make -s -C "$TA_ROOT" PG_CONFIG="$pgc" "${flags[@]}" >/dev/null \
		|| ta_die "build failed"
	if [ -w "$("$pgc" --pkglibdir)" ] && [ -w "$("$pgc" --sharedir)/extension" ]; then
		make -s -C "$TA_ROOT" PG_CONFIG="$pgc" install >/dev/null || ta_die "make install failed"
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo make -s -C "$TA_ROOT" PG_CONFIG="$pgc" install >/dev/null || ta_die "make install failed"
	else
		ta_die "cannot write to the server's directories; run: sudo make -C '$TA_ROOT' PG_CONFIG='$pgc' install"
	fi
	ta_log "installed into $("$pgc" --pkglibdir)"
}

# Runs a command as the cluster's owner (postgres refuses to run as root).
ta_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u "$TA_PG_OWNER" -- "$@"
	else
		"$@"
	fi
}

# Starts a throwaway cluster on a private Unix socket (no TCP) and exports
# PGHOST, PGPORT and PGUSER for it; it is stopped and removed on exit.
ta_cluster_start() {
	local bindir
	bindir=$("${PG_CONFIG:-pg_config}" --bindir)
	TA_CLUSTER=$(mktemp -d /tmp/tactalloc-pg.XXXXXX)
	chmod 755 "$TA_CLUSTER"
	TA_PG_OWNER=$(id -un)
	if [ "$(id -u)" -eq 0 ]; then
		TA_PG_OWNER=postgres
		id -u postgres >/dev/null 2>&1 \
			|| useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
		chown "$TA_PG_OWNER" "$TA_CLUSTER"
	fi
	ta_log "starting a throwaway cluster in $TA_CLUSTER"
	ta_as_owner "$bindir/initdb" -D "$TA_CLUSTER/data" -U postgres -A trust \
		-E UTF8 --locale=C --no-sync >"$TA_CLUSTER/initdb.log" 2>&1 \
		|| { cat "$TA_CLUSTER/initdb.log" >&2; ta_die "initdb failed"; }
	ta_as_owner "$bindir/pg_ctl" -D "$TA_CLUSTER/data" -l "$TA_CLUSTER/server.log" -w \
		-o "-k $TA_CLUSTER -p 5432 -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${TA_PG_OPTIONS:-}" \
		start >/dev/null \
		|| { cat "$TA_CLUSTER/server.log" >&2; ta_die "the server did not start"; }
	export PGHOST=$TA_CLUSTER PGPORT=5432 PGUSER=postgres
	unset PGDATABASE PGSERVICE PGPASSWORD
	trap ta_cluster_stop EXIT
}

# Stops the throwaway cluster and removes its directory.
ta_cluster_stop() {
	[ -n "${TA_CLUSTER:-}" ] || return 0
	ta_as_owner "$("${PG_CONFIG:-pg_config}" --bindir)/pg_ctl" -D "$TA_CLUSTER/data" \
		-m fast -w stop >/dev/null 2>&1 || true
	if [ -z "${TA_KEEP_CLUSTER:-}" ]; then
		rm -rf "$TA_CLUSTER"
	else
		ta_log "cluster directory kept: $TA_CLUSTER"
	fi
	TA_CLUSTER=
}

# Sets TA_PG_OWNER, the user servers run as: postgres when run as root
# (created if missing), otherwise the current user.
ta_pg_owner() {
	TA_PG_OWNER=$(id -un)
	if [ "$(id -u)" -eq 0 ]; then
		TA_PG_OWNER=postgres
		id -u postgres >/dev/null 2>&1 \
			|| useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
	fi
}

# Prints a TCP port on 127.0.0.1 that nothing listens on.
ta_free_port() {
	local p
	for _ in $(seq 1 100); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# Starts a server on 127.0.0.1:PORT with its data and Unix socket in DIR
# (created by initdb on the first call; DIR must exist and be writable by
# the owner): ta_node_start DIR PORT [SERVER OPTIONS].  Returns non-zero
# when it did not start (for example when the port was taken meanwhile);
# stop it with ta_node_stop DIR.  Unlike ta_cluster_start it listens on
# TCP, so that servers can connect to each other.
ta_node_start() {
	local dir=$1 port=$2 opts=${3:-} bindir
	bindir=$("${PG_CONFIG:-pg_config}" --bindir)
	[ -n "${TA_PG_OWNER:-}" ] || ta_pg_owner
	if [ ! -d "$dir/data" ]; then
		ta_as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust \
			-E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
			|| { cat "$dir/initdb.log" >&2; return 1; }
	fi
	ta_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $opts" \
		start >/dev/null 2>&1
}

# Stops a server started by ta_node_start DIR (its directory stays).
ta_node_stop() {
	[ -d "$1/data" ] || return 0
	ta_as_owner "$("${PG_CONFIG:-pg_config}" --bindir)/pg_ctl" -D "$1/data" \
		-m fast -w stop >/dev/null 2>&1 || true
}
