/*
 * xsum_bench.c
 *	  Micro-benchmark of the numeric core's hot path: ns per call of
 *	  xsum_add, xsum_add_prod and xsum_add_prod3, against a plain double sum.
 *
 * Build and run (the flags PGXS uses; no -march=native, no -ffast-math):
 *	  gcc -std=c99 -O2 -Isrc -o test/xsum_bench test/xsum_bench.c src/xsum.c -lm
 *	  ./test/xsum_bench [rows]
 */
#define _POSIX_C_SOURCE 200809L

#include "xsum.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NVAL	4096			/* values cycled through (stay in L1) */

static double vals[NVAL];
static volatile double sink;

/* Seconds on a monotonic clock. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Fills vals with weights of one kind: 0 similar size, 1 wide range. */
static void
fill(int kind)
{
	uint64_t	s = 88172645463325252ULL;
	int			i;

	for (i = 0; i < NVAL; i++)
	{
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		vals[i] = kind == 0 ? 1.0 + (double) (s >> 11) * 0x1p-53 :
			ldexp(1.0 + (double) (s >> 11) * 0x1p-53, (int) (s % 80) - 40);
	}
}

/* The benchmarked loops, one function each so that none has a switch. */
static int
loop_plain(XSum *a, XSum *b, long rows)
{
	double		s = 0;
	long		i;

	(void) a;
	(void) b;
	for (i = 0; i < rows; i++)
		s += vals[i & (NVAL - 1)];
	sink = s;
	return 0;
}

/* xsum_add per row. */
static int
loop_add(XSum *a, XSum *b, long rows)
{
	long		i;
	int			fail = 0;

	(void) b;
	for (i = 0; i < rows; i++)
		fail |= xsum_add(a, vals[i & (NVAL - 1)]);
	return fail;
}

/* xsum_add_prod (a square) per row. */
static int
loop_prod(XSum *a, XSum *b, long rows)
{
	long		i;
	int			fail = 0;

	(void) b;
	for (i = 0; i < rows; i++)
	{
		double		x = vals[i & (NVAL - 1)];

		fail |= xsum_add_prod(a, x, x);
	}
	return fail;
}

/* xsum_add and xsum_add_prod per row (an hhi-style aggregate). */
static int
loop_both(XSum *a, XSum *b, long rows)
{
	long		i;
	int			fail = 0;

	for (i = 0; i < rows; i++)
	{
		double		x = vals[i & (NVAL - 1)];

		fail |= xsum_add(a, x);
		fail |= xsum_add_prod(b, x, x);
	}
	return fail;
}

/* xsum_add_prod3 per row. */
static int
loop_prod3(XSum *a, XSum *b, long rows)
{
	long		i;
	int			fail = 0;

	(void) b;
	for (i = 0; i < rows; i++)
	{
		double		x = vals[i & (NVAL - 1)];

		fail |= xsum_add_prod3(a, x, x, x);
	}
	return fail;
}

/* Stand-in for the executor's per-row work (about 20 ns), kept live. */
static inline uint64_t
other_work(uint64_t h)
{
	int			j;

	for (j = 0; j < 10; j++)
	{
		h ^= h >> 29;
		h *= 0xbf58476d1ce4e5b9ULL;
		h += (uint64_t) j;
	}
	return h;
}

/* Plain sum with other per-row work. */
static int
loop_plain_work(XSum *a, XSum *b, long rows)
{
	double		s = 0;
	uint64_t	h = 1;
	long		i;

	(void) a;
	(void) b;
	for (i = 0; i < rows; i++)
	{
		h = other_work(h + (uint64_t) i);
		s += vals[i & (NVAL - 1)];
	}
	sink = s + (double) (h & 1);
	return 0;
}

/* xsum_add and xsum_add_prod with other per-row work. */
static int
loop_both_work(XSum *a, XSum *b, long rows)
{
	uint64_t	h = 1;
	long		i;
	int			fail = 0;

	for (i = 0; i < rows; i++)
	{
		double		x = vals[i & (NVAL - 1)];

		h = other_work(h + (uint64_t) i);
		fail |= xsum_add(a, x);
		fail |= xsum_add_prod(b, x, x);
	}
	sink = (double) (h & 1);
	return fail;
}

/* xsum_add and xsum_add_prod3 with other per-row work. */
static int
loop_prod3_work(XSum *a, XSum *b, long rows)
{
	uint64_t	h = 1;
	long		i;
	int			fail = 0;

	for (i = 0; i < rows; i++)
	{
		double		x = vals[i & (NVAL - 1)];

		h = other_work(h + (uint64_t) i);
		fail |= xsum_add(a, x);
		fail |= xsum_add_prod3(b, x, x, x);
	}
	sink = (double) (h & 1);
	return fail;
}

/* Runs one loop over rows values; returns ns per row. */
static double
run(int (*loop) (XSum *, XSum *, long), long rows)
{
	XSum	   *a = malloc(xsum_size(XSUM_MAX_CHUNKS));
	XSum	   *b = malloc(xsum_size(XSUM_MAX_CHUNKS));
	double		t0,
				t1,
				r = 0;
	int			fail;

	xsum_init(a, XSUM_MAX_CHUNKS);
	xsum_init(b, XSUM_MAX_CHUNKS);
	t0 = now();
	fail = loop(a, b, rows);
	t1 = now();
	xsum_round(a, &r);
	sink += r + fail;
	free(a);
	free(b);
	return (t1 - t0) * 1e9 / (double) rows;
}

int
main(int argc, char **argv)
{
	long		rows = argc > 1 ? atol(argv[1]) : 100000000L;
	static const char *const names[] = {"plain double +=", "xsum_add",
	"xsum_add_prod", "xsum_add + xsum_add_prod", "xsum_add_prod3"};
	int			(*loops[]) (XSum *, XSum *, long) = {loop_plain, loop_add,
	loop_prod, loop_both, loop_prod3};
	int			kind,
				what;

	for (kind = 0; kind < 2; kind++)
	{
		fill(kind);
		printf("%s weights, %ld rows:\n", kind == 0 ? "similar-size" : "wide-range (2^-40..2^40)",
			   rows);
		for (what = 0; what < 5; what++)
			printf("  %-26s %6.2f ns/call\n", names[what],
				   run(loops[what], what == 4 ? rows / 4 : rows));
	}
	printf("with about 20 ns of other work per row (as in an executor), ns/row:\n");
	{
		double		base = run(loop_plain_work, rows / 4);
		double		both = run(loop_both_work, rows / 4);
		double		p3 = run(loop_prod3_work, rows / 4);

		printf("  %-26s %6.2f\n  %-26s %6.2f (+%.2f)\n  %-26s %6.2f (+%.2f)\n",
			   "plain double +=", base, "xsum_add + xsum_add_prod", both, both - base,
			   "xsum_add + xsum_add_prod3", p3, p3 - base);
	}
	return 0;
}
