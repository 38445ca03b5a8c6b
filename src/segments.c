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
#include "xsum.h"

#include "catalog/pg_type.h"
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
	int32	   *breaks;
} SegPartition;

/* A new, empty exact accumulator. */
static XSum *
SumNew(void)
{
	XSum	   *a = palloc(xsum_size(XSUM_DEFAULT_CHUNKS));

	xsum_init(a, XSUM_DEFAULT_CHUNKS);
	return a;
}

/* A copy of a with a window of at least need chunks (doubling). */
static XSum *
SumGrow(XSum *a, int need)
{
	int			n = Max(need, Min(a->n * 2, XSUM_MAX_CHUNKS));
	XSum	   *b = palloc(xsum_size(n));

	xsum_copy(b, n, a);
	pfree(a);
	return b;
}

/* A copy of a. */
static XSum *
SumCopy(const XSum *a)
{
	XSum	   *b = palloc(xsum_size(a->n));

	xsum_copy(b, a->n, a);
	return b;
}

/* a + x·y exactly; returns the accumulator to continue with. */
static XSum *
SumAddProd(XSum *a, double x, double y)
{
	int			need = xsum_add_prod(a, x, y);

	if (unlikely(need != 0))
	{
		a = SumGrow(a, need);
		if (xsum_add_prod(a, x, y) != 0)
			elog(ERROR, "size_segment: exact accumulator did not grow");
	}
	return a;
}

/* a + 2x exactly (x added twice, so 2x never overflows). */
static XSum *
SumAddTwice(XSum *a, double x)
{
	for (int i = 0; i < 2; i++)
	{
		int			need = xsum_add(a, x);

		if (unlikely(need != 0))
		{
			a = SumGrow(a, need);
			if (xsum_add(a, x) != 0)
				elog(ERROR, "size_segment: exact accumulator did not grow");
		}
	}
	return a;
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

/* The breakpoints argument of the current row, checked; *n set. */
static int32 *
GetBreaks(WindowObject winobj, int *n)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, SEG_ARG_BREAKS, &isnull);
	ArrayType  *arr;
	int32	   *b;

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
	b = (int32 *) ((char *) arr + ARR_OVERHEAD_NONULLS(1));
	for (int i = 0; i < *n; i++)
		if (b[i] < 1 || (i > 0 && b[i] <= b[i - 1]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("size_segment: breakpoints must be positive and strictly increasing, got %s",
							OidOutputFunctionCall(F_ARRAY_OUT, d)),
					 errhint("Breakpoints are ranks, e.g. '{1000,3000}' for a Russell 1000 / Russell 2000 split.")));
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

/*
 * The segments of a whole partition, into p->seg.  Temporary arrays live in
 * the caller's (per-row) context; p->seg in the partition's context.
 */
static void
SegCompute(WindowObject winobj, SegPartition *p, int32 *breaks, int nbreaks,
		   double band)
{
	MemoryContext partcxt = GetMemoryChunkContext(p);
	int64		nrows = WinGetPartitionRowCount(winobj);
	double	   *caps;			/* non-NULL caps, in window order */
	int		   *rowof;			/* their partition positions */
	int		   *first;			/* first position (0-based) of each tie */
	int32	   *prior;			/* prior segment of each row, 0 for NULL */
	int		   *lo;				/* per breakpoint: cum positions (1-based) */
	int		   *hi;				/* within the band */
	int			n = 0;
	XSum	   *base;

	if (nrows > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("size_segment: a partition of " INT64_FORMAT " rows is too large",
						nrows)));
	p->nrows = nrows;
	p->seg = MemoryContextAllocZero(partcxt, Max(nrows, 1) * sizeof(int32));
	p->band = band;
	p->nbreaks = nbreaks;
	p->breaks = MemoryContextAlloc(partcxt, nbreaks * sizeof(int32));
	memcpy(p->breaks, breaks, nbreaks * sizeof(int32));

	caps = palloc(Max(nrows, 1) * sizeof(double));
	rowof = palloc(Max(nrows, 1) * sizeof(int));
	first = palloc(Max(nrows, 1) * sizeof(int));
	prior = palloc(Max(nrows, 1) * sizeof(int32));

	/* read every row: caps in window order, prior segments; check order */
	for (int pos = 0; pos < (int) nrows; pos++)
	{
		bool		isnull;
		bool		isout;
		Datum		d;

		d = WinGetFuncArgInPartition(winobj, SEG_ARG_PRIOR, pos,
									 WINDOW_SEEK_HEAD, false, &isnull, &isout);
		prior[pos] = isnull ? 0 : DatumGetInt32(d);
		if (!isnull && (prior[pos] < 1 || prior[pos] > nbreaks))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("size_segment: prior_segment must be between 1 and %d or NULL, got %d",
							nbreaks, DatumGetInt32(d)),
					 errhint("prior_segment is the segment the name had at the last reconstitution; NULL for a name new to the universe or outside the last breakpoint.")));

		d = WinGetFuncArgInPartition(winobj, SEG_ARG_CAP, pos,
									 WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;
		caps[n] = DatumGetFloat8(d);
		ta_check_finite("size_segment", "market_cap", caps[n]);
		if (caps[n] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("size_segment: market_cap must not be negative, got %s",
							float8out_internal(caps[n]))));
		if (n > 0)
		{
			if (caps[n] > caps[n - 1])
				ReportBadOrder("Market cap %s comes before %s in window order.",
							   caps[n - 1], caps[n]);
			if (caps[n] < caps[n - 1] &&
				WinRowsArePeers(winobj, rowof[n - 1], pos))
				ReportBadOrder("Rows with market caps %s and %s are peers: the window has no ORDER BY, or is ordered by something else.",
							   caps[n - 1], caps[n]);
		}
		first[n] = (n > 0 && caps[n] == caps[n - 1]) ? first[n - 1] : n;
		rowof[n] = pos;
		n++;
	}
	if (n == 0)
		return;					/* every cap NULL: every segment NULL */

	/* base = −band × total, exactly */
	base = SumNew();
	for (int i = 0; i < n; i++)
		base = SumAddProd(base, -band, caps[i]);

	/*
	 * For each breakpoint, the positions c (1-based, cum(c) = the sum of the
	 * c largest caps) with 2 |cum(c) − cum(b)| ≤ band × total: an interval
	 * [lo, hi] around b, found by walking out from b while the exact sum
	 * −band × total + 2 |cum(c) − cum(b)| is not positive.
	 */
	lo = palloc(nbreaks * sizeof(int));
	hi = palloc(nbreaks * sizeof(int));
	for (int j = 0; j < nbreaks; j++)
	{
		int			b = Min(breaks[j], n);
		XSum	   *acc;

		acc = SumCopy(base);
		hi[j] = b;
		for (int c = b + 1; c <= n; c++)
		{
			acc = SumAddTwice(acc, caps[c - 1]);
			if (xsum_sign(acc) > 0)
				break;
			hi[j] = c;
		}
		pfree(acc);

		acc = SumCopy(base);
		lo[j] = b;
		for (int c = b - 1; c >= 1; c--)
		{
			acc = SumAddTwice(acc, caps[c]);
			if (xsum_sign(acc) > 0)
				break;
			lo[j] = c;
		}
		pfree(acc);
	}

	/* place every name: by rank, unless banding keeps its prior segment */
	for (int i = 0; i < n; i++)
	{
		int			rank = first[i] + 1;	/* also its cum position */
		int			pr = prior[rowof[i]];
		int32		seg = 0;

		for (int j = 0; j < nbreaks; j++)
			if (rank <= breaks[j])
			{
				seg = j + 1;
				break;
			}
		if (pr > 0)
		{
			/* breakpoints bordering segment pr: b[pr-1] and b[pr] */
			for (int j = Max(pr - 2, 0); j <= pr - 1; j++)
				if (rank >= lo[j] && rank <= hi[j])
					seg = pr;
		}
		p->seg[rowof[i]] = seg;
	}
}

/*
 * size_segment(market_cap, prior_segment, breakpoints, band): window
 * function; the segment of the current row, or NULL.
 */
Datum
size_segment(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SegPartition *p;
	int64		pos;
	int			nbreaks;
	int32	   *breaks;
	double		band;

	p = (SegPartition *) WinGetPartitionLocalMemory(winobj, sizeof(SegPartition));
	band = GetBand(winobj);
	breaks = GetBreaks(winobj, &nbreaks);
	if (!p->computed)
	{
		SegCompute(winobj, p, breaks, nbreaks, band);
		p->computed = true;
	}
	else if (band != p->band || nbreaks != p->nbreaks ||
			 memcmp(breaks, p->breaks, nbreaks * sizeof(int32)) != 0)
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
