# tactalloc: tactical asset allocation functions for PostgreSQL (PGXS build)

EXTENSION = tactalloc
EXTVERSION = 1.0

MODULE_big = tactalloc
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

DATA = $(EXTENSION)--$(EXTVERSION).sql
DOCS = doc/tactalloc.md

# pg_regress suite in sql/ + expected/, in this order
REGRESS = setup concentration regime credit state parallel plans accuracy \
	regime_track liquidity spread segments playbook macro_data report \
	toolkit toolkit_state valuation toolkit_parallel \
	docs

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

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

print-regress:
	@echo $(REGRESS)

EXTRA_CLEAN = test/xsum_test test/xsum_bench results regression.diffs regression.out

.PHONY: xsum-check print-regress
