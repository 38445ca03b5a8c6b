/*
 * segments.c
 *	  Russell-style size segments: the size_segment() window function.
 *
 * Over a partition ordered by market cap descending (one reconstitution of
 * one universe), names are ranked by cap and placed by rank against the
 * breakpoints: segment k holds ranks (b[k-1], b[k]], and a rank beyond the
 * last breakpoint has no segment (NULL).  Membership banding keeps a name
 * in its prior segment when its cumulative market-cap share is close to
 * that of a breakpoint bordering that segment (b[p-1] or b[p] for prior
 * segment p):
 *
 *		2 × |cum(name) − cum(breakpoint)|  ≤  band × total
 *
 * where cum(name) is the sum of the caps ranked at or above it (its own
 * included), cum(breakpoint) the sum of the b largest caps (of all caps when
 * the universe has fewer than b names) and total the sum of all caps.  Both
 * sides are computed exactly with the numeric core (band × cap enters as an
 * exact product), so the comparison is exact and inclusive at the band edge,
 * with band taken as the double it is.
 *
 * Ties: names with the same cap share a rank and a cumulative share, those
 * of the first of them (the SQL rank() rule): rank = 1 + the number of
 * larger caps, cum = the sum of the larger caps + its own.  NULL caps get
 * NULL and are left out of ranks and totals.
 *
 * The whole partition is read once, at its first row, and the segment of
 * every row kept in partition-local memory.  Reading it also checks the
 * window: caps must not increase in window order, and two rows with
 * different caps must not be peers (which they all are without ORDER BY).
 */
#include "common.h"
#include "exactsum.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(size_segment);

#define SEG_ARG_CAP		0
#define SEG_ARG_PRIOR	1
#define SEG_ARG_BREAKS	2
#define SEG_ARG_BAND	3

#define SEG_HINT_OVER	"Use size_segment(...) OVER (PARTITION BY rank_date ORDER BY market_cap DESC)."

/* What is computed once per partition, in partition-local memory. */
typedef struct SegPartition
{
	bool		computed;
	int64		nrows;
	int32	   *seg;			/* segment of each row, 0 for NULL */
	double		band;			/* the arguments it was computed with */
	int			nbreaks;
	int32	   *breaks;			/* kept unless SegBreaks.stable */
} SegPartition;

/* The breakpoints argument, when it is the same for the whole query. */
typedef struct SegBreaks
{
	bool		stable;			/* a constant or a query parameter */
	int			nbreaks;
	int32	   *breaks;			/* checked copy once read, in fn_mcxt */
} SegBreaks;

/* A copy of a. */
static XSum *
SumCopy(const XSum *a)
{
	XSum	   *b = palloc(xsum_size(a->n));

	xsum_copy(b, a->n, a);
	return b;
}

/* a + 2x exactly (x added twice, so 2x never overflows). */
static XSum *
SumAddTwice(XSum *a, double x)
{
	a = es_acc_add(a, x, "size_segment");
	return es_acc_add(a, x, "size_segment");
}

/* The band argument of the current row, checked. */
static double
GetBand(WindowObject winobj)
{
	bool		isnull;
	double		band = DatumGetFloat8(WinGetFuncArgCurrent(winobj, SEG_ARG_BAND,
														   &isnull));

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("size_segment: band must not be NULL"),
				 errhint("Use 0 for no banding; Russell uses 0.05 (a band of 5 %% of cumulative market cap, 2.5 %% either side of a breakpoint).")));
	ta_check_finite("size_segment", "band", band);
	if (!(band >= 0 && band < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("size_segment: band must be in [0, 1), got %s",
						float8out_internal(band)),
				 errhint("band is the width of the membership band as a share of total market cap: 0.05 keeps names within 2.5 %% either side of a breakpoint.")));
	return band;
}

/* Raises the error for breakpoints that are not valid. */
static void
ReportBadBreaks(int pos, int32 value, int32 previous)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("size_segment: breakpoints must be positive and strictly increasing, got %d at position %d",
					value, pos + 1),
			 pos > 0 ? errdetail("The breakpoint before it is %d.", previous) : 0,
			 errhint("Breakpoints are ranks, e.g. '{1000,3000}' for a Russell 1000 / Russell 2000 split.")));
}

/*
 * The breakpoints argument of the current row, detoasted but not checked;
 * *n set.
 */
static int32 *
GetBreaksRaw(WindowObject winobj, int *n)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, SEG_ARG_BREAKS, &isnull);
	ArrayType  *arr;

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("size_segment: breakpoints must not be NULL"),
				 errhint("Breakpoints are ranks, e.g. '{1000,3000}' for a Russell 1000 / Russell 2000 split.")));
	arr = DatumGetArrayTypeP(d);
	if (ARR_NDIM(arr) != 1 || ARR_HASNULL(arr) || ARR_DIMS(arr)[0] < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("size_segment: breakpoints must be a non-empty one-dimensional array without NULLs"),
				 errhint("Breakpoints are ranks, e.g. '{1000,3000}' for a Russell 1000 / Russell 2000 split.")));
	Assert(ARR_ELEMTYPE(arr) == INT4OID);
	*n = ARR_DIMS(arr)[0];
	return (int32 *) ta_array_data(arr);
}

/* The breakpoints argument of the current row, checked; *n set. */
static int32 *
GetBreaks(WindowObject winobj, int *n)
{
	int32	   *b = GetBreaksRaw(winobj, n);

	for (int i = 0; i < *n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (b[i] < 1 || (i > 0 && b[i] <= b[i - 1]))
			ReportBadBreaks(i, b[i], i > 0 ? b[i - 1] : 0);
	}
	return b;
}

/* Rejects a partition whose rows are not ordered by market cap descending. */
static void
ReportBadOrder(const char *problem, double before, double after)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("size_segment: the window must be ordered by market_cap descending"),
			 errdetail(problem, float8out_internal(before), float8out_internal(after)),
			 errhint(SEG_HINT_OVER)));
}

/* The non-NULL caps of a partition, read once. */
typedef struct SegRows
{
	int			n;				/* number of non-NULL caps */
	double	   *caps;			/* in window order (descending) */
	int		   *rowof;			/* partition position of each */
	int		   *first;			/* index of the first cap of its tie */
	int32	   *prior;			/* prior segment of each partition row, 0
								 * for NULL */
} SegRows;

/*
 * Reads every row of the partition into *r: caps in window order and prior
 * segments, checking the caps and the window order.
 */
static void
SegReadRows(WindowObject winobj, int nrows, int nbreaks, SegRows *r)
{
	int			n = 0;

	r->caps = palloc(Max(nrows, 1) * sizeof(double));
	r->rowof = palloc(Max(nrows, 1) * sizeof(int));
	r->first = palloc(Max(nrows, 1) * sizeof(int));
	r->prior = palloc(Max(nrows, 1) * sizeof(int32));
	for (int pos = 0; pos < nrows; pos++)
	{
		bool		isnull;
		bool		isout;
		Datum		d;
		double		cap;

		CHECK_FOR_INTERRUPTS();
		d = WinGetFuncArgInPartition(winobj, SEG_ARG_PRIOR, pos,
									 WINDOW_SEEK_HEAD, false, &isnull, &isout);
		r->prior[pos] = isnull ? 0 : DatumGetInt32(d);
		if (!isnull && (r->prior[pos] < 1 || r->prior[pos] > nbreaks))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("size_segment: prior_segment must be between 1 and %d or NULL, got %d",
							nbreaks, DatumGetInt32(d)),
					 errhint("prior_segment is the segment the name had at the last reconstitution; NULL for a name new to the universe or outside the last breakpoint.")));

		d = WinGetFuncArgInPartition(winobj, SEG_ARG_CAP, pos,
									 WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;
		cap = DatumGetFloat8(d);
		ta_check_finite("size_segment", "market_cap", cap);
		if (cap < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("size_segment: market_cap must not be negative, got %s",
							float8out_internal(cap))));
		if (n > 0)
		{
			if (cap > r->caps[n - 1])
				ReportBadOrder("Market cap %s comes before %s in window order.",
							   r->caps[n - 1], cap);
			if (cap < r->caps[n - 1] &&
				WinRowsArePeers(winobj, r->rowof[n - 1], pos))
				ReportBadOrder("Rows with market caps %s and %s are peers: the window has no ORDER BY, or is ordered by something else.",
							   r->caps[n - 1], cap);
		}
		r->caps[n] = cap;
		r->first[n] = (n > 0 && cap == r->caps[n - 1]) ? r->first[n - 1] : n;
		r->rowof[n] = pos;
		n++;
	}
	r->n = n;
}

/* −band × total, exactly. */
static XSum *
SegBandBase(const SegRows *r, double band)
{
	XSum	   *base = es_acc_new();

	for (int i = 0; i < r->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		base = es_acc_add_prod(base, -band, r->caps[i], "size_segment");
	}
	return base;
}

/*
 * The positions c (1-based; cum(c) is the sum of the c largest caps) above
 * each breakpoint position bpos[k] (non-decreasing, 1..n) within the band,
 * 2 (cum(c) − cum(b)) ≤ band × total: hi[k] is the largest such c.  As b
 * grows, cum(c) − cum(b) shrinks, so hi[k] never decreases: one sweep moves
 * b and c forward, keeping acc = −band × total + 2 (cum(c) − cum(b))
 * exactly, n steps each at most.  hi[k] = b when the next cap is already
 * outside the band.
 */
static void
SegBandAbove(const SegRows *r, const XSum *base, const int *bpos, int m,
			 int *hi)
{
	XSum	   *acc = SumCopy(base);
	int			b = bpos[0];
	int			c = b;

	for (int k = 0; k < m; k++)
	{
		CHECK_FOR_INTERRUPTS();
		for (; b < bpos[k]; b++)
			acc = SumAddTwice(acc, -r->caps[b]);	/* cum(b + 1) − cum(b) */
		for (; c < b; c++)
			acc = SumAddTwice(acc, r->caps[c]);
		/* c > b here only if c − 1 was within the band of a smaller b */
		if (xsum_sign(acc) <= 0)
		{
			while (c < r->n)
			{
				CHECK_FOR_INTERRUPTS();
				acc = SumAddTwice(acc, r->caps[c]);
				c++;
				if (xsum_sign(acc) > 0)
					break;
			}
		}
		hi[k] = xsum_sign(acc) > 0 ? c - 1 : c;
	}
	pfree(acc);
}

/*
 * The same below: lo[k] is the smallest c ≤ bpos[k] (c ≥ 1) with
 * 2 (cum(b) − cum(c)) ≤ band × total.  It never decreases either: one sweep
 * keeps acc = −band × total + 2 (cum(b) − cum(c)) exactly.
 */
static void
SegBandBelow(const SegRows *r, const XSum *base, const int *bpos, int m,
			 int *lo)
{
	XSum	   *acc = SumCopy(base);
	int			b = 1;
	int			c = 1;

	for (int k = 0; k < m; k++)
	{
		CHECK_FOR_INTERRUPTS();
		for (; b < bpos[k]; b++)
			acc = SumAddTwice(acc, r->caps[b]);
		/* c = b has acc = −band × total ≤ 0, so c stops at b at the latest */
		while (xsum_sign(acc) > 0)
		{
			CHECK_FOR_INTERRUPTS();
			acc = SumAddTwice(acc, -r->caps[c]);	/* cum(c + 1) − cum(c) */
			c++;
		}
		lo[k] = c;
	}
	pfree(acc);
}

/*
 * The segment of every name, into seg (by partition position): by rank,
 * unless banding keeps its prior segment.  Breakpoints at or beyond the
 * number of names all sit at position n: lo and hi hold the m positions
 * of breakpoints 0 .. m − 1, the last one standing for every later one.
 */
static void
SegPlace(const SegRows *r, const int32 *breaks, int nbreaks,
		 const int *lo, const int *hi, int m, int32 *seg)
{
	int			j = 0;

	for (int i = 0; i < r->n; i++)
	{
		int			rank = r->first[i] + 1; /* also its cum position */
		int			pr = r->prior[r->rowof[i]];
		int32		s;

		CHECK_FOR_INTERRUPTS();
		/* ranks do not decrease, and breaks[j] >= j + 1, so j <= rank */
		while (j < nbreaks && rank > breaks[j])
			j++;
		s = j < nbreaks ? j + 1 : 0;
		if (pr > 0)
		{
			/* breakpoints bordering segment pr: b[pr-1] and b[pr] */
			for (int k = Max(pr - 2, 0); k <= pr - 1; k++)
			{
				int			kk = Min(k, m - 1);

				if (rank >= lo[kk] && rank <= hi[kk])
					s = pr;
			}
		}
		seg[r->rowof[i]] = s;
	}
}

/*
 * The segments of a whole partition, into p->seg, in O(rows + breakpoints)
 * steps.  Temporary arrays live in the caller's (per-row) context; p->seg
 * in the partition's context.
 */
static void
SegCompute(WindowObject winobj, SegPartition *p, const int32 *breaks,
		   int nbreaks, double band)
{
	MemoryContext partcxt = GetMemoryChunkContext(p);
	int64		nrows = WinGetPartitionRowCount(winobj);
	SegRows		r;
	XSum	   *base;
	int		   *bpos;
	int		   *lo;
	int		   *hi;
	int			m;

	if (nrows > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("size_segment: a partition of " INT64_FORMAT " rows is too large",
						nrows)));
	p->nrows = nrows;
	p->seg = MemoryContextAllocZero(partcxt, Max(nrows, 1) * sizeof(int32));
	p->band = band;

	SegReadRows(winobj, (int) nrows, nbreaks, &r);
	if (r.n == 0)
		return;					/* every cap NULL: every segment NULL */

	/* breakpoint positions: the first m − 1 below n, then n for the rest */
	m = 0;
	while (m < nbreaks - 1 && breaks[m] < r.n)
		m++;
	m++;
	bpos = palloc(m * sizeof(int));
	for (int k = 0; k < m; k++)
		bpos[k] = Min(breaks[k], r.n);

	base = SegBandBase(&r, band);
	lo = palloc(m * sizeof(int));
	hi = palloc(m * sizeof(int));
	SegBandAbove(&r, base, bpos, m, hi);
	SegBandBelow(&r, base, bpos, m, lo);
	SegPlace(&r, breaks, nbreaks, lo, hi, m, p->seg);
}

/*
 * Whether the breakpoints of a later row of the partition differ from
 * those the partition was computed with (a copy in p).
 */
static bool
SegBreaksChanged(WindowObject winobj, const SegPartition *p)
{
	int			n;
	int32	   *b = GetBreaksRaw(winobj, &n);

	if (n != p->nbreaks)
		return true;
	for (int i = 0; i < n; i += 65536)
	{
		CHECK_FOR_INTERRUPTS();
		if (memcmp(b + i, p->breaks + i, Min(n - i, 65536) * sizeof(int32)) != 0)
			return true;
	}
	return false;
}

/*
 * size_segment(market_cap, prior_segment, breakpoints, band): window
 * function; the segment of the current row, or NULL.
 *
 * Breakpoints given as a constant (or a query parameter) are the same for
 * every row of the query: they are checked once and kept in fn_extra.
 * Otherwise every row's are compared with those of the partition's first
 * row.
 */
Datum
size_segment(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SegBreaks  *q = (SegBreaks *) fcinfo->flinfo->fn_extra;
	SegPartition *p;
	int64		pos;
	double		band;

	if (q == NULL)
	{
		q = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SegBreaks));
		q->stable = get_fn_expr_arg_stable(fcinfo->flinfo, SEG_ARG_BREAKS);
		fcinfo->flinfo->fn_extra = q;
	}
	p = (SegPartition *) WinGetPartitionLocalMemory(winobj, sizeof(SegPartition));
	band = GetBand(winobj);
	if (!p->computed)
	{
		int			nbreaks;
		int32	   *breaks;

		if (q->breaks != NULL)
		{
			breaks = q->breaks;
			nbreaks = q->nbreaks;
		}
		else
		{
			breaks = GetBreaks(winobj, &nbreaks);
			if (q->stable)
			{
				q->breaks = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
											   nbreaks * sizeof(int32));
				memcpy(q->breaks, breaks, nbreaks * sizeof(int32));
				q->nbreaks = nbreaks;
			}
		}
		SegCompute(winobj, p, breaks, nbreaks, band);
		p->nbreaks = nbreaks;
		if (!q->stable)
		{
			MemoryContext partcxt = GetMemoryChunkContext(p);

			p->breaks = MemoryContextAlloc(partcxt, nbreaks * sizeof(int32));
			memcpy(p->breaks, breaks, nbreaks * sizeof(int32));
		}
		p->computed = true;
	}
	else if (band != p->band || (!q->stable && SegBreaksChanged(winobj, p)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("size_segment: breakpoints and band must be the same for every row of a partition")));

	pos = WinGetCurrentPosition(winobj);
	WinSetMarkPosition(winobj, pos);
	if (pos < 0 || pos >= p->nrows)
		elog(ERROR, "size_segment: row " INT64_FORMAT " outside its partition", pos);
	if (p->seg[pos] == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(p->seg[pos]);
}
