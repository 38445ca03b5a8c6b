/*
 * history.c
 *	  The latest reading against its history: the window functions
 *	  history_percentile(), history_zscore() and periods_since_higher().
 *
 *	history_percentile(x)	share of the other values of the frame strictly
 *							below x, ties counted one half
 *	history_zscore(x)		(x − mean) / sample deviation of the frame,
 *							from exact sums
 *	periods_since_higher(x)	rows back to the last value at or above x,
 *							looking no further than the frame's start;
 *							NULL at a new high
 *
 * Cost.  A window function is called once per row, and rescanning the frame
 * on every call costs O(rows × frame).  Instead, the partition's values are
 * read once, at its first row, into partition-local memory, and each call
 * moves the frame kept there to the current one: the rows that entered the
 * frame are added and those that left it are removed.  Frames move forward
 * (their start and end never go back within a partition), so each row
 * enters and leaves once:
 *
 *	history_percentile		the values' ranks in a Fenwick tree of counts:
 *							O(log n) a row, whatever the frame
 *	history_zscore			exact sums Σx, Σx² (numeric core, xsum.h):
 *							adding and removing are exact, so the sums are
 *							those of the frame, bit for bit; O(1) a row
 *	periods_since_higher	a stack of the rows not yet topped (monotonic:
 *							values never increase from bottom to top):
 *							amortised O(1) a row
 *
 * and the work for a partition is O(rows log rows) for any frame, a running
 * one included.  Memory is about 25 bytes a row of the partition.
 *
 * The frame's bounds come from the WindowAggState (the window API gives
 * the values of a frame's rows but not their positions); frames with
 * EXCLUDE GROUP or EXCLUDE TIES are not supported.
 */
#include "common.h"
#include "exactsum.h"

#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "windowapi.h"

/*
 * execnodes.h pulls in server headers with inline functions whose
 * parameters are unused in builds without assertions (bufpage.h, ilist.h):
 * keep -Wextra quiet about code that is not ours.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "nodes/execnodes.h"
#pragma GCC diagnostic pop

PG_FUNCTION_INFO_V1(history_percentile);
PG_FUNCTION_INFO_V1(history_zscore);
PG_FUNCTION_INFO_V1(periods_since_higher);

/*
 * The head of the executor's WindowObjectData (nodeWindowAgg.c), the same
 * from PostgreSQL 9.0 to 18: a node tag and the WindowAggState.
 */
typedef struct HistWindowObjectHead
{
	NodeTag		type;
	WindowAggState *winstate;
} HistWindowObjectHead;

/* What one function keeps for a partition, in partition-local memory. */
typedef struct HistPartition
{
	bool		loaded;			/* the values below are read */
	int64		nrows;			/* rows of the partition */
	double	   *vals;			/* value of each row (0 for NULL) */
	bool	   *nulls;			/* whether it is NULL */
	/* the frame the structures below hold: rows [head, tail) */
	int64		head;
	int64		tail;
	/* history_percentile: ranks and a Fenwick tree of their counts */
	int32	   *ranks;			/* 1-based rank of each row's value */
	int64	   *tree;			/* Fenwick tree over ranks 1..nranks */
	int32		nranks;
	/* history_zscore: exact sums of the frame's non-NULL values */
	XSum	   *s1;				/* Σx */
	XSum	   *s2;				/* Σx² */
	int64		count;			/* non-NULL values of the frame */
	/* periods_since_higher: rows not yet topped, a stack */
	int64	   *stack;
	int64		depth;
	int64		next;			/* next row to push */
} HistPartition;

typedef enum HistKind
{
	HIST_PERCENTILE,
	HIST_ZSCORE,
	HIST_SINCE_HIGHER
} HistKind;

static const char *const hist_names[] = {
	[HIST_PERCENTILE] = "history_percentile",
	[HIST_ZSCORE] = "history_zscore",
	[HIST_SINCE_HIGHER] = "periods_since_higher",
};

/* The WindowAggState running a window function. */
static WindowAggState *
HistWinState(WindowObject winobj, const char *fname)
{
	HistWindowObjectHead *head = (HistWindowObjectHead *) winobj;

	if (winobj == NULL || !IsA(winobj, WindowObjectData) ||
		head->winstate == NULL || !IsA(head->winstate, WindowAggState))
		elog(ERROR, "%s: not called as a window function", fname);
	return head->winstate;
}

/* Allocates bytes (any size) in the context of the partition memory p. */
static void *
HistAlloc(HistPartition *p, Size bytes)
{
	return MemoryContextAllocExtended(GetMemoryChunkContext(p), Max(bytes, 1),
									  MCXT_ALLOC_HUGE);
}

/* Comparator of doubles, ascending (a sort of many rows stays cancellable). */
static int
HistCompare(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	CHECK_FOR_INTERRUPTS();

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * Reads the values of the whole partition (checking each), and builds what
 * the function needs.  Runs at the first row of each partition.
 */
static void
HistLoad(WindowObject winobj, HistPartition *p, HistKind kind)
{
	const char *fname = hist_names[kind];
	int64		n = WinGetPartitionRowCount(winobj);
	MemoryContext old;

	p->nrows = n;
	p->vals = HistAlloc(p, n * sizeof(double));
	p->nulls = HistAlloc(p, n * sizeof(bool));
	for (int64 i = 0; i < n; i++)
	{
		bool		isnull,
					isout;
		Datum		d;

		CHECK_FOR_INTERRUPTS();
		d = WinGetFuncArgInPartition(winobj, 0, (int) Min(i, PG_INT32_MAX),
									 WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (i > PG_INT32_MAX || isout)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s: a partition of more than %d rows is not supported",
							fname, PG_INT32_MAX)));
		p->nulls[i] = isnull;
		p->vals[i] = isnull ? 0 : DatumGetFloat8(d) + 0.0;	/* -0 as 0 */
		if (!isnull)
			ta_check_finite(fname, "x", p->vals[i]);
	}
	if (kind == HIST_PERCENTILE)
	{
		double	   *sorted = palloc(Max(n, 1) * sizeof(double));
		int64		m = 0;
		int64		u = 0;

		for (int64 i = 0; i < n; i++)
			if (!p->nulls[i])
				sorted[m++] = p->vals[i];
		qsort(sorted, m, sizeof(double), HistCompare);
		for (int64 i = 0; i < m; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (u == 0 || sorted[i] != sorted[u - 1])
				sorted[u++] = sorted[i];
		}
		p->nranks = (int32) u;
		p->ranks = HistAlloc(p, n * sizeof(int32));
		p->tree = HistAlloc(p, (u + 1) * sizeof(int64));
		memset(p->tree, 0, (u + 1) * sizeof(int64));
		for (int64 i = 0; i < n; i++)
		{
			double	   *hit;

			CHECK_FOR_INTERRUPTS();
			if (p->nulls[i])
			{
				p->ranks[i] = 0;
				continue;
			}
			hit = bsearch(&p->vals[i], sorted, u, sizeof(double), HistCompare);
			Assert(hit != NULL);
			p->ranks[i] = (int32) (hit - sorted) + 1;
		}
		pfree(sorted);
	}
	else if (kind == HIST_ZSCORE)
	{
		old = MemoryContextSwitchTo(GetMemoryChunkContext(p));
		p->s1 = es_acc_new();
		p->s2 = es_acc_new();
		MemoryContextSwitchTo(old);
	}
	else
		p->stack = HistAlloc(p, n * sizeof(int64));
	p->loaded = true;
}

/* Adds delta to the count of rank r. */
static void
TreeAdd(HistPartition *p, int32 r, int64 delta)
{
	for (int64 i = r; i <= p->nranks; i += i & -i)
		p->tree[i] += delta;
}

/* The number of values of rank 1..r. */
static int64
TreeCount(HistPartition *p, int32 r)
{
	int64		s = 0;

	for (int64 i = r; i > 0; i -= i & -i)
		s += p->tree[i];
	return s;
}

/* Adds (sign 1) or removes (sign -1) row i to or from the frame kept. */
static void
HistMove(HistPartition *p, HistKind kind, int64 i, int sign)
{
	double		x = p->vals[i];

	if (p->nulls[i])
		return;
	p->count += sign;
	if (kind == HIST_PERCENTILE)
		TreeAdd(p, p->ranks[i], sign);
	else
	{
		MemoryContext old = MemoryContextSwitchTo(GetMemoryChunkContext(p));

		p->s1 = es_acc_add(p->s1, sign * x, "history_zscore");
		p->s2 = es_acc_add_prod(p->s2, sign * x, x, "history_zscore");
		MemoryContextSwitchTo(old);
	}
}

/*
 * Moves the frame kept to rows [head, tail): a frame that moved forward
 * takes its new rows and drops the old ones; any other move starts over.
 */
static void
HistSetFrame(HistPartition *p, HistKind kind, int64 head, int64 tail)
{
	if (head < p->head || tail < p->tail || head > p->tail)
	{
		for (int64 i = p->head; i < p->tail; i++)
		{
			CHECK_FOR_INTERRUPTS();
			HistMove(p, kind, i, -1);
		}
		p->head = p->tail = head;
	}
	for (int64 i = p->tail; i < tail; i++)
	{
		CHECK_FOR_INTERRUPTS();
		HistMove(p, kind, i, 1);
	}
	p->tail = tail;
	for (int64 i = p->head; i < head; i++)
	{
		CHECK_FOR_INTERRUPTS();
		HistMove(p, kind, i, -1);
	}
	p->head = head;
}

/*
 * The partition's state for the calling function, loaded, and the current
 * row and its frame [*head, *tail) (clamped to the partition); with
 * excluded, whether the frame leaves out the current row (EXCLUDE CURRENT
 * ROW).  EXCLUDE GROUP and EXCLUDE TIES are refused.
 */
static HistPartition *
HistBegin(WindowObject winobj, HistKind kind, int64 *cur, int64 *head,
		  int64 *tail, bool *excluded)
{
	const char *fname = hist_names[kind];
	WindowAggState *ws = HistWinState(winobj, fname);
	HistPartition *p;
	bool		isnull,
				isout;
	int			excl = ws->frameOptions & FRAMEOPTION_EXCLUSION;

	if (excl != 0 && excl != FRAMEOPTION_EXCLUDE_CURRENT_ROW)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: frames with EXCLUDE GROUP or EXCLUDE TIES are not supported",
						fname),
				 errhint("Use a frame without exclusion, or EXCLUDE CURRENT ROW.")));
	*excluded = excl == FRAMEOPTION_EXCLUDE_CURRENT_ROW;
	p = (HistPartition *) WinGetPartitionLocalMemory(winobj,
													  sizeof(HistPartition));
	if (!p->loaded)
		HistLoad(winobj, p, kind);
	*cur = WinGetCurrentPosition(winobj);
	/*
	 * These bring the WindowAggState's frame bounds up to date without
	 * reading a row: the positions asked for lie beyond the partition (it
	 * has fewer than 2^31 rows, HistLoad), where the executor answers "out
	 * of frame" before it fetches.  Fetching the frame's first and last rows
	 * instead would move the read pointer across the frame on every row,
	 * which is O(frame) a row once the partition spills to disk.
	 */
	(void) WinGetFuncArgInFrame(winobj, 0, PG_INT32_MAX, WINDOW_SEEK_HEAD,
								false, &isnull, &isout);
	(void) WinGetFuncArgInFrame(winobj, 0, PG_INT32_MIN, WINDOW_SEEK_TAIL,
								false, &isnull, &isout);
	*head = Min(Max(ws->frameheadpos, 0), p->nrows);
	*tail = Min(Max(ws->frametailpos, *head), p->nrows);
	if (*cur < 0 || *cur >= p->nrows)
		elog(ERROR, "%s: current row " INT64_FORMAT " is outside its partition",
			 fname, *cur);
	return p;
}

/*
 * history_percentile(x) OVER (ORDER BY ts ROWS ...): the share of the other
 * non-NULL values of the frame that lie strictly below the current one, ties
 * counted one half; NULL for a NULL value or a frame of no other value.
 */
Datum
history_percentile(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	HistPartition *p;
	int64		cur,
				head,
				tail,
				others,
				below,
				equal;
	bool		excluded;
	int32		r;

	p = HistBegin(winobj, HIST_PERCENTILE, &cur, &head, &tail, &excluded);
	if (p->nulls[cur])
		PG_RETURN_NULL();
	HistSetFrame(p, HIST_PERCENTILE, head, tail);
	r = p->ranks[cur];
	below = TreeCount(p, r - 1);
	equal = TreeCount(p, r) - below;
	others = p->count;
	/* the current row is not one of the others */
	if (cur >= head && cur < tail)
	{
		others--;
		equal--;
	}
	if (others <= 0)
		PG_RETURN_NULL();
	/* integers below 2^53: one rounding */
	PG_RETURN_FLOAT8((2.0 * (double) below + (double) equal) /
					 (2.0 * (double) others));
}

/*
 * history_zscore(x) OVER (ORDER BY ts ROWS ...): (x − mean) / sample
 * standard deviation of the frame's non-NULL values, from their exact sums:
 * (n·x − Σx) / sqrt(n·(n·Σx² − (Σx)²) / (n − 1)), rounded once from
 * double-double.  NULL for a NULL value, fewer than 2 values or a zero
 * deviation.
 */
Datum
history_zscore(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	HistPartition *p;
	int64		cur,
				head,
				tail,
				n;
	bool		excluded;
	XSum	   *s1,
			   *s2,
			   *xv,
			   *one;
	XSumReal	c,
				num,
				z;
	double		x,
				r;

	p = HistBegin(winobj, HIST_ZSCORE, &cur, &head, &tail, &excluded);
	if (p->nulls[cur])
		PG_RETURN_NULL();
	HistSetFrame(p, HIST_ZSCORE, head, tail);
	x = p->vals[cur];
	s1 = p->s1;
	s2 = p->s2;
	n = p->count;
	if (excluded && cur >= head && cur < tail)
	{
		/* EXCLUDE CURRENT ROW: the sums without it, exactly */
		s1 = palloc(xsum_size(p->s1->n));
		s2 = palloc(xsum_size(p->s2->n));
		xsum_copy(s1, p->s1->n, p->s1);
		xsum_copy(s2, p->s2->n, p->s2);
		s1 = es_acc_add(s1, -x, "history_zscore");
		s2 = es_acc_add_prod(s2, -x, x, "history_zscore");
		n--;
	}
	if (n < 2)
		PG_RETURN_NULL();
	c = xsum_cross(s2, n, s1, s1);
	if (c.sign <= 0)
		PG_RETURN_NULL();		/* every value the same */
	/* n·x − Σx = n·(x·1) − Σx·1, exactly */
	xv = es_acc_new();
	one = es_acc_new();
	xv = es_acc_add(xv, x, "history_zscore");
	one = es_acc_add(one, 1.0, "history_zscore");
	num = xsum_cross(xv, n, s1, one);
	if (num.sign == 0)
		PG_RETURN_FLOAT8(0.0);
	z = xsum_real_div(num,
					  xsum_real_sqrt(xsum_real_div(xsum_real_mul(xsum_real_double((double) n), c),
												   xsum_real_double((double) (n - 1)))));
	if (xsum_real_round(z, &r) != XSUM_OK)
		ta_report_out_of_range("history_zscore");
	PG_RETURN_FLOAT8(r);
}

/*
 * periods_since_higher(x) OVER (ORDER BY ts): how many rows back the last
 * value at or above the current one lies, looking back no further than the
 * frame's start (the partition's first row for the default frame); NULL for
 * a NULL value and at a new high.  The rows must be ordered.
 */
Datum
periods_since_higher(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	WindowAggState *ws = HistWinState(winobj, "periods_since_higher");
	WindowAgg  *plan = (WindowAgg *) ws->ss.ps.plan;
	HistPartition *p;
	int64		cur,
				head,
				tail,
				found = -1;
	bool		excluded;

	if (plan == NULL || plan->ordNumCols == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("periods_since_higher: the rows must be ordered"),
				 errhint("Use a window with ORDER BY, e.g. periods_since_higher(close) OVER (ORDER BY as_of).")));
	p = HistBegin(winobj, HIST_SINCE_HIGHER, &cur, &head, &tail, &excluded);
	if (cur < p->next)
	{
		/* called again for an earlier row: start over */
		p->depth = 0;
		p->next = 0;
	}
	/* push the rows up to the current one, keeping the stack monotonic */
	for (int64 i = p->next; i <= cur; i++)
	{
		double		x = p->vals[i];

		if (p->nulls[i])
			continue;
		/* a row below x is never the answer again: x is nearer and higher */
		while (p->depth > 0 && p->vals[p->stack[p->depth - 1]] < x)
		{
			CHECK_FOR_INTERRUPTS();
			p->depth--;
		}
		if (i == cur && p->depth > 0)
			found = p->stack[p->depth - 1];
		p->stack[p->depth++] = i;
	}
	p->next = cur + 1;
	if (p->nulls[cur] || found < 0 || found < head)
		PG_RETURN_NULL();
	PG_RETURN_INT64(cur - found);
}
