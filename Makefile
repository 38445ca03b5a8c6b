# tactalloc: tactical asset allocation functions for PostgreSQL (PGXS build)

EXTENSION = tactalloc
EXTVERSION = 1.1

MODULE_big = tactalloc
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Frozen scripts of released versions and the upgrade scripts between them;
# the current version's install script is built from them (DATA_built).
DATA = $(EXTENSION)--1.0.sql $(EXTENSION)--1.0--1.1.sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DOCS = doc/tactalloc.md

# pg_regress suite in sql/ + expected/, in this order: installing and
# upgrading, the state types, the domains (as in src/ and the install
# script), plan independence and accuracy across them, the report, the
# reference's examples
REGRESS = setup upgrade trusted \
	exactsum weightset \
	concentration valuation risk history regime regime_track macro playbook credit segments summaries \
	parallel plans accuracy \
	macro_data report docs

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The install script of the current version, built from one SQL source per
# domain (beside its C source), in this order: the state types, then the
# domains.  tactalloc--1.0.sql is the frozen script of 1.0; upgrade scripts
# are written by hand and tested against this one (pg_regress test upgrade).
SQL_SOURCES = src/exactsum.sql src/weightset.sql src/concentration.sql \
	src/valuation.sql src/risk.sql src/history.sql src/regime.sql src/macro.sql src/credit.sql src/segments.sql \
	src/summaries.sql

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SOURCES)
	{ echo '/* $@: the tactalloc extension, version $(EXTVERSION) (built by make from the SQL sources in src; do not edit) */'; \
	  echo; \
	  echo '-- complain if script is sourced in psql, rather than via CREATE EXTENSION'; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION tactalloc" to load this file. \quit'; \
	  for f in $(SQL_SOURCES); do \
	    echo; \
	    echo '--------------------------------------------------------------------------'; \
	    sed -n 1p $$f; \
	    echo '--------------------------------------------------------------------------'; \
	    echo; \
	    sed -e '1,/^$$/d' $$f; \
	  done; } > $@

# Every object depends on every header (PGXS tracks no header dependencies)
$(OBJS): $(wildcard src/*.h)

# The numeric core's own unit tests (no PostgreSQL needed)
XSUM_CFLAGS = -std=c99 -O2 -Wall -Wextra -Werror -Isrc
test/xsum_test: test/xsum_test.c src/xsum.c src/xsum.h
	$(CC) $(XSUM_CFLAGS) -o $@ test/xsum_test.c src/xsum.c -lm

test/xsum_bench: test/xsum_bench.c src/xsum.c src/xsum.h
	$(CC) $(XSUM_CFLAGS) -o $@ test/xsum_bench.c src/xsum.c -lm

xsum-check: test/xsum_test
	./test/xsum_test

# The same unit tests under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang; any report stops the run with a non-zero exit)
SAN_CC = clang
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
test/xsum_test_asan: test/xsum_test.c src/xsum.c src/xsum.h
	$(SAN_CC) -std=c99 -g -O1 -Wall -Wextra $(SAN_FLAGS) -Isrc -o $@ \
		test/xsum_test.c src/xsum.c -lm

# libFuzzer targets (fuzz/run builds and runs them).  The state targets
# compile the extension's own C files against the server headers and
# fuzz/pgstub.c, which stands in for the few backend functions they call.
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer $(SAN_FLAGS) -Wall -Wextra \
	-Wno-unused-parameter -Wno-ignored-attributes -Wno-missing-field-initializers
FUZZ_STATE_SRCS = src/common.c src/exactsum.c src/weightset.c src/xsum.c \
	src/order.c src/concentration.c src/valuation.c src/credit.c fuzz/pgstub.c
FUZZ_STATE_DEPS = $(FUZZ_STATE_SRCS) $(wildcard src/*.h) fuzz/pgstub.h \
	fuzz/statefuzz.h fuzz/fuzzvalues.h
FUZZ_TARGETS = fuzz/xsum_fuzz fuzz/exactsum_fuzz fuzz/weightset_fuzz

fuzz/xsum_fuzz: fuzz/xsum_fuzz.c fuzz/fuzzvalues.h src/xsum.c src/xsum.h
	$(SAN_CC) -std=c99 -D_DEFAULT_SOURCE $(FUZZ_FLAGS) -Isrc -o $@ \
		fuzz/xsum_fuzz.c src/xsum.c -lm

fuzz/%_fuzz: fuzz/%_fuzz.c $(FUZZ_STATE_DEPS)
	$(SAN_CC) $(FUZZ_FLAGS) -Isrc -Ifuzz -I$(includedir_server) -o $@ \
		$< $(FUZZ_STATE_SRCS) -L$(pkglibdir) -lpgcommon -lpgport -lm

fuzz-build: $(FUZZ_TARGETS)

print-regress:
	@echo $(REGRESS)

EXTRA_CLEAN = test/xsum_test test/xsum_test_asan test/xsum_bench $(FUZZ_TARGETS) \
	results regression.diffs regression.out

.PHONY: xsum-check print-regress fuzz-build
