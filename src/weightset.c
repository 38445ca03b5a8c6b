/*
 * weightset.c
 *	  The weightset type: validation, growth, the bounded heap of
 *	  top_share(), merging, and its text and binary forms.
 *
 * Text form (compact, canonical, round-trips exactly):
 *
 *		1;top;<n>;<count>;<total>;<w>,<w>,...			top_share
 *		1;above;<threshold>;<count>;<total>;<w>,<w>,...	share_above, count_above
 *		1;active;<p>:<b>,<p>:<b>,...					active_share
 *		1;contrib;<n>;<count>;<total>;<w>:<r>,...		top_contribution
 *		1;match;<n>;<w>,<w>,...							names_to_match
 *
 * and share_above, count_above with inclusive => true write "atleast" for
 * "above". *
 * where 1 is the format version, <count> the rows accumulated, <total> the
 * numeric core's text of the exact total, and every weight is written in
 * the shortest decimal that reads back to the same double.  Entries are
 * sorted in descending order, and share_above writes only the weights above
 * the cut of its total, so equal states have equal text whatever the order
 * their rows came in or when they were pruned.  The binary form is the
 * same text.
 */
#include "weightset.h"

#include "common/int.h"
#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include <float.h>

PG_FUNCTION_INFO_V1(weightset_in);
PG_FUNCTION_INFO_V1(weightset_out);
PG_FUNCTION_INFO_V1(weightset_recv);
PG_FUNCTION_INFO_V1(weightset_send);
PG_FUNCTION_INFO_V1(weightset_combine);

/* Names of the kinds in the text form and of their aggregates in messages. */
static const char *const ws_kind_names[WS_NKINDS] = {
	[WS_TOP] = "top",
	[WS_ABOVE] = "above",
	[WS_ACTIVE] = "active",
	[WS_CONTRIB] = "contrib",
	[WS_MATCH] = "match",
};

/* The kind name of inclusive WS_ABOVE states in the text form */
#define WS_ATLEAST_NAME "atleast"
static const char *const ws_kind_aggs[WS_NKINDS] = {
	[WS_TOP] = "top_share",
	[WS_ABOVE] = "share_above/count_above",
	[WS_ACTIVE] = "active_share",
	[WS_CONTRIB] = "top_contribution",
	[WS_MATCH] = "names_to_match",
};

/* Raises "malformed state" with the given detail. */
static void
ReportMalformed(const char *fname, const char *detail, int sqlstate)
{
	ta_report_malformed(fname, "weightset", sqlstate, detail, NULL);
}

/* Bytes of a state of the given kind, total window and capacity. */
static inline uint64
StateBytes(int kind, int sumchunks, int64 capacity)
{
	return sizeof(WeightSet) + (ws_has_total(kind) ? xsum_size(sumchunks) : 0) +
		(uint64) capacity * ws_width(kind) * sizeof(double);
}

/*
 * Checks the header and layout of a state in O(1); kind 0 accepts any.
 * Errors name the running aggregate (fcinfo may be NULL), else fname.
 */
static void
CheckHeader(FunctionCallInfo fcinfo, WeightSet *st, int kind,
			const char *fname)
{
	Size		size = VARSIZE(st);
	int			sumchunks = 0;
	bool		ok;

	if (size < sizeof(WeightSet) || st->magic != WS_MAGIC)
		ReportMalformed(ta_funcname(fcinfo, fname), "The value is not a weightset state.",
						ERRCODE_INVALID_PARAMETER_VALUE);
	if (st->version != WS_VERSION)
		ReportMalformed(ta_funcname(fcinfo, fname), psprintf("Unsupported state version %d.",
										st->version),
						ERRCODE_INVALID_PARAMETER_VALUE);
	ok = st->kind > 0 && st->kind < WS_NKINDS &&
		(st->flags == 0 ||
		 (st->kind == WS_ABOVE && st->flags == WS_FLAG_INCLUSIVE)) &&
		st->reserved2 == 0 &&
		st->nvals >= 0 && st->capacity >= st->nvals && st->count >= st->nvals;
	if (ok && ws_is_heap(st->kind))
	{
		double		n = st->param;

		ok = n >= 1 && n <= PG_INT32_MAX && n == floor(n) && st->cut == 0 &&
			st->nvals == Min(st->count, (int64) n);
	}
	else if (ok && st->kind == WS_ABOVE)
		ok = st->param >= 0 && st->param < 1 && !signbit(st->param) &&
			st->cut >= 0 && st->cut <= DBL_MAX && !signbit(st->cut);
	else if (ok && st->kind == WS_MATCH)
	{
		double		n = st->param;

		ok = n >= 1 && n <= PG_INT32_MAX && n == floor(n) && st->cut == 0 &&
			st->nvals == st->count;
	}
	else if (ok)
		ok = st->param == 0 && st->cut == 0 && st->nvals == st->count;
	if (ok && ws_has_total(st->kind))
	{
		ok = xsum_check(ws_total(st), size - sizeof(WeightSet)) == NULL;
		if (ok)
			sumchunks = ws_total(st)->n;
	}
	if (!ok)
		ReportMalformed(ta_funcname(fcinfo, fname), "Inconsistent state header.",
						ERRCODE_INVALID_PARAMETER_VALUE);
	if (size != StateBytes(st->kind, sumchunks, st->capacity))
		ReportMalformed(ta_funcname(fcinfo, fname), "The size does not match the header.",
						ERRCODE_INVALID_PARAMETER_VALUE);
	if (kind != 0 && st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: state of a %s aggregate cannot be used here",
						ta_funcname(fcinfo, fname), ws_kind_aggs[st->kind])));
}

/* ws_check_count's error: a row count that cannot take one more row. */
void
ws_report_count(FunctionCallInfo fcinfo, const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s: row count out of range for type bigint",
					ta_funcname(fcinfo, fname))));
}

/*
 * Whether the chunks of an exact total are within what its carry budget
 * allows: a real accumulator's chunks grow by less than 2^32 per addition
 * since its last carry propagation, so one whose chunks are larger was made
 * by hand and could overflow on the next additions.
 */
static bool
TotalChunksValid(const XSum *t)
{
	int64		bound = (int64) (XSUM_MAX_BUDGET - t->budget + 1) << 32;

	for (int i = 0; i < t->n; i++)
		if (t->c[i] > bound || t->c[i] < -bound)
			return false;
	return true;
}

/*
 * A 64-bit count as two doubles, exactly: count = hi * 2^32 + lo.
 */
static inline void
SplitCount(int64 count, double *hi, double *lo)
{
	*hi = (double) (count >> 32);
	*lo = (double) (count & 0xFFFFFFFF);
}

/*
 * What is wrong with the total of a WS_TOP or WS_ABOVE state, or NULL.
 * A real state's total is the exact sum of count weights, so it is a
 * multiple of the smallest subnormal, at least the sum of the weights kept,
 * and the weights not kept are bounded: by the smallest kept weight for
 * WS_TOP (all of them are kept when count <= n), by the cut of the total for
 * WS_ABOVE (which is also at least the state's own cut).  With the row
 * count below 2^63 the total is then below 2^1087, so sums and merges of
 * real states never approach the limits of the numeric core or of its text
 * form.
 */
static const char *
TotalProblem(WeightSet *st)
{
	XSum	   *t = ws_total(st);
	double	   *v = ws_values(st);
	XSum	   *rest;
	int64		others = st->count - st->nvals;
	double		bound;
	double		hi,
				lo;
	const char *problem = NULL;

	if (!TotalChunksValid(t))
		return "The exact total is not in the accumulator's form.";
	/*
	 * Σw·r has any sign and products have bits below 2^-1074, so it bounds
	 * nothing; but a state that kept every row holds all of Σw·r.
	 */
	if (st->kind == WS_CONTRIB)
	{
		if (st->count != st->nvals)
			return NULL;
		rest = palloc(xsum_size(XSUM_MAX_CHUNKS));
		xsum_copy(rest, XSUM_MAX_CHUNKS, t);
		for (int i = 0; i < st->nvals && problem == NULL; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (xsum_add_prod(rest, -v[2 * i], v[2 * i + 1]) != 0)
				problem = "The exact total is out of range.";
		}
		if (problem == NULL && xsum_sign(rest) != 0)
			problem = "The exact total is not the sum of the kept pairs' products, though every row is kept.";
		pfree(rest);
		return problem;
	}
	/* rest = total - the kept weights, in a window that holds any of it */
	rest = palloc(xsum_size(XSUM_MAX_CHUNKS));
	xsum_copy(rest, XSUM_MAX_CHUNKS, t);
	if (rest->used)
	{
		/* canonical chunks: bits below 2^-1074 sit in the low chunks */
		int			k = -1074 / XSUM_CHUNK_BITS - 1;	/* chunk of 2^-1074 */

		for (int i = 0; i < rest->n - 1; i++)
			if (rest->c[i] != 0 &&
				(rest->lo + i < k ||
				 (rest->lo + i == k &&
				  (rest->c[i] & ((INT64CONST(1) << (-1074 - XSUM_CHUNK_BITS * k)) - 1)) != 0)))
				problem = "The exact total has bits below the smallest double.";
	}
	for (int i = 0; i < st->nvals && problem == NULL; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (xsum_add(rest, -v[i]) != 0)
			problem = "The exact total is out of range.";
	}
	if (problem == NULL && xsum_sign(rest) < 0)
		problem = "The kept weights add up to more than the total.";
	if (problem == NULL)
	{
		/* what the weights not kept can add at most */
		if (st->kind == WS_TOP)
			bound = others > 0 ? v[0] : 0;
		else
		{
			bound = ws_above_cut(st);
			if (st->cut > bound)
				problem = "The cut is above the threshold times the total.";
			for (int i = 0; i < st->nvals && problem == NULL; i++)
				if (v[i] == 0)
					problem = "A kept weight is zero.";
		}
		SplitCount(others, &hi, &lo);
		if (problem != NULL)
			 /* reported above */ ;
		else if (xsum_add_prod3(rest, -hi, 0x1p32, bound) != 0 ||
				 xsum_add_prod(rest, -lo, bound) != 0)
			problem = "The exact total is out of range.";
		else if (xsum_sign(rest) > 0)
			problem = st->kind == WS_TOP && others == 0 ?
				"The total is not the sum of the weights." :
				"The total is larger than the weights not kept can make it.";
	}
	pfree(rest);
	return problem;
}

/*
 * What is wrong with the entries and totals of a state whose header is
 * valid (CheckHeader), or NULL: every invariant a state built by the
 * aggregates satisfies, so a final function given any state that passes
 * returns a value in its documented range.
 */
static const char *
StateProblem(WeightSet *st)
{
	double	   *v = ws_values(st);
	int64		n = (int64) st->nvals * ws_width(st->kind);

	for (int64 i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		/* the returns of top_contribution (odd entries) may be negative */
		if (unlikely(!isfinite(v[i]) ||
					 (signbit(v[i]) && (st->kind != WS_CONTRIB || i % 2 == 0))))
			return "An entry is negative or not finite.";
	}
	if (st->kind == WS_TOP)
		for (int i = 1; i < st->nvals; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (unlikely(v[(i - 1) / 2] > v[i]))
				return "The kept weights are not in heap order.";
		}
	if (st->kind == WS_CONTRIB)
		for (int i = 1; i < st->nvals; i++)
		{
			const double *parent = v + 2 * ((i - 1) / 2);

			CHECK_FOR_INTERRUPTS();
			if (unlikely(parent[0] > v[2 * i] ||
						 (parent[0] == v[2 * i] && parent[1] > v[2 * i + 1])))
				return "The kept pairs are not in heap order.";
		}
	if (ws_has_total(st->kind))
		return TotalProblem(st);
	return NULL;
}

/* Checks every entry and the totals of a state (see StateProblem). */
void
ws_check_values(FunctionCallInfo fcinfo, WeightSet *st, const char *fname)
{
	const char *problem = StateProblem(st);

	if (problem != NULL)
		ReportMalformed(ta_funcname(fcinfo, fname), problem,
						ERRCODE_INVALID_PARAMETER_VALUE);
}

/* The validated state in argument argno (see weightset.h). */
WeightSet *
ws_getarg_slow(FunctionCallInfo fcinfo, int argno, int kind, const char *fname)
{
	WeightSet  *st;

	if (PG_ARGISNULL(argno))
		return NULL;
	if (AggCheckCallContext(fcinfo, NULL))
	{
		struct varlena *v = (struct varlena *) PG_GETARG_POINTER(argno);

		/* the running state is never toasted: skip the call on the hot path */
		st = (WeightSet *) (VARATT_IS_EXTENDED(v) ? pg_detoast_datum(v) : v);
		CheckHeader(fcinfo, st, kind, fname);
	}
	else
	{
		st = (WeightSet *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
		CheckHeader(fcinfo, st, kind, fname);
		ws_check_values(fcinfo, st, fname);
	}
	return st;
}

/*
 * A copy of st with room for capacity (>= nvals) entries and, for WS_TOP and
 * WS_ABOVE, a total window of sumchunks chunks; every byte of it is written
 * (the spare entries are zero).  The copy is made in CurrentMemoryContext: an
 * aggregate's executor moves a returned state that is not the one it passed
 * into the aggregate's context and frees the old one.
 */
static WeightSet *
Resize(WeightSet *st, int64 capacity, int sumchunks)
{
	uint64		size = StateBytes(st->kind, sumchunks, capacity);
	WeightSet  *ns;

	if (capacity > PG_INT32_MAX || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: too many weights in one group (more than %d)",
						ws_kind_aggs[st->kind], st->nvals),
				 errhint("A group's state holds its weights in memory, at most 1 GB.")));
	ns = palloc(size);
	memcpy(ns, st, sizeof(WeightSet));
	SET_VARSIZE(ns, size);
	ns->capacity = (int32) capacity;
	if (ws_has_total(st->kind))
	{
		if (sumchunks == ws_total(st)->n)
			memcpy(ws_total(ns), ws_total(st), xsum_size(sumchunks));
		else
			xsum_copy(ws_total(ns), sumchunks, ws_total(st));
	}
	memcpy(ws_values(ns), ws_values(st),
		   (Size) st->nvals * ws_width(st->kind) * sizeof(double));
	/* spare room holds zeros, never what the memory held before */
	memset(ws_values(ns) + (Size) st->nvals * ws_width(st->kind), 0,
		   (Size) (capacity - st->nvals) * ws_width(st->kind) * sizeof(double));
	return ns;
}

/*
 * A capacity of at least want entries that fills an allocation of a power
 * of two bytes: palloc rounds small chunks up to one, so the rest would be
 * wasted (a state of 256 weights plus its header would take 4 kB for 2 kB
 * of weights).  WS_TOP never needs more than n.
 */
static int64
FillCapacity(int kind, double param, int sumchunks, int64 want)
{
	uint64		fixed = StateBytes(kind, sumchunks, 0);
	uint64		bytes = 256;
	int64		cap;

	while (bytes < StateBytes(kind, sumchunks, want))
		bytes <<= 1;
	cap = (bytes - fixed) / (ws_width(kind) * sizeof(double));
	if (ws_is_heap(kind))
		cap = Min(cap, (int64) param);
	return Max(cap, want);
}

/* A state whose capacity is at least needed entries (doubling). */
static WeightSet *
Reserve(WeightSet *st, int64 needed)
{
	int			sumchunks = ws_has_total(st->kind) ? ws_total(st)->n : 0;
	int64		cap;

	if (needed <= st->capacity)
		return st;
	cap = Max(needed, (int64) st->capacity * 2);
	if (ws_is_heap(st->kind))
		cap = Min(cap, (int64) st->param);
	cap = FillCapacity(st->kind, st->param, sumchunks, cap);
	if (cap > PG_INT32_MAX)
		cap = Max(needed, PG_INT32_MAX);
	return Resize(st, cap, sumchunks);
}

/* A new, empty state. */
WeightSet *
ws_create(int kind, double param)
{
	int			cap = (int) FillCapacity(kind, param, XSUM_DEFAULT_CHUNKS, 1);
	Size		size = StateBytes(kind, XSUM_DEFAULT_CHUNKS, cap);
	WeightSet  *st = palloc0(size);

	SET_VARSIZE(st, size);
	st->magic = WS_MAGIC;
	st->version = WS_VERSION;
	st->kind = kind;
	st->capacity = cap;
	st->param = param;
	if (ws_has_total(kind))
		xsum_init(ws_total(st), XSUM_DEFAULT_CHUNKS);
	return st;
}

/* Appends a (portfolio, benchmark) pair. */
WeightSet *
ws_append(WeightSet *st, double a, double b)
{
	double	   *v;

	Assert(st->kind == WS_ACTIVE);
	if (unlikely(st->nvals == st->capacity))
		st = Reserve(st, (int64) st->nvals + 1);
	v = ws_values(st) + (Size) st->nvals * 2;
	v[0] = a;
	v[1] = b;
	st->nvals++;
	st->count++;
	return st;
}

/* WS_MATCH: appends a weight. */
WeightSet *
ws_append_weight(WeightSet *st, double w)
{
	Assert(st->kind == WS_MATCH);
	if (unlikely(st->nvals == st->capacity))
		st = Reserve(st, (int64) st->nvals + 1);
	ws_values(st)[st->nvals] = w;
	st->nvals++;
	st->count++;
	return st;
}

/* Restores the min-heap order below position i. */
static void
SiftDown(double *v, int n, int i)
{
	double		x = v[i];

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && v[c + 1] < v[c])
			c++;
		if (v[c] >= x)
			break;
		v[i] = v[c];
		i = c;
	}
	v[i] = x;
}

/* Offers w to the heap of the n largest (the total is not touched). */
static WeightSet *
HeapOffer(WeightSet *st, double w)
{
	int			n = (int) st->param;
	double	   *v;

	if (st->nvals < n)
	{
		int			i;

		if (unlikely(st->nvals == st->capacity))
			st = Reserve(st, (int64) st->nvals + 1);
		v = ws_values(st);
		i = st->nvals++;
		while (i > 0 && v[(i - 1) / 2] > w)
		{
			v[i] = v[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		v[i] = w;
	}
	else
	{
		v = ws_values(st);
		/* a weight equal to the smallest kept one changes no sum */
		if (w > v[0])
		{
			v[0] = w;
			SiftDown(v, st->nvals, 0);
		}
	}
	return st;
}

/* Whether the pair a comes before b: smaller weight, then smaller return. */
static inline bool
PairLess(const double *a, const double *b)
{
	return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
}

/* Restores the min-heap order of pairs below position i. */
static void
PairSiftDown(double *v, int n, int i)
{
	double		x[2] = {v[2 * i], v[2 * i + 1]};

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && PairLess(v + 2 * (c + 1), v + 2 * c))
			c++;
		if (!PairLess(v + 2 * c, x))
			break;
		v[2 * i] = v[2 * c];
		v[2 * i + 1] = v[2 * c + 1];
		i = c;
	}
	v[2 * i] = x[0];
	v[2 * i + 1] = x[1];
}

/*
 * Offers the pair (w, r) to the heap of the n largest pairs (the total is
 * not touched).  Pairs are ordered by weight, then by return, so that which
 * of several names of equal weight at the cut are kept does not depend on
 * the order of the rows.
 */
static WeightSet *
PairHeapOffer(WeightSet *st, double w, double r)
{
	int			n = (int) st->param;
	double		x[2] = {w, r};
	double	   *v;

	if (st->nvals < n)
	{
		int			i;

		if (unlikely(st->nvals == st->capacity))
			st = Reserve(st, (int64) st->nvals + 1);
		v = ws_values(st);
		i = st->nvals++;
		while (i > 0 && PairLess(x, v + 2 * ((i - 1) / 2)))
		{
			v[2 * i] = v[2 * ((i - 1) / 2)];
			v[2 * i + 1] = v[2 * ((i - 1) / 2) + 1];
			i = (i - 1) / 2;
		}
		v[2 * i] = w;
		v[2 * i + 1] = r;
	}
	else
	{
		v = ws_values(st);
		if (PairLess(v, x))
		{
			v[0] = w;
			v[1] = r;
			PairSiftDown(v, st->nvals, 0);
		}
	}
	return st;
}

/* EsGrowFn of a state's total: the state (WeightSet **ctx) is resized. */
static XSum *
TotalGrow(void *ctx, XSum *a, int n)
{
	WeightSet **st = (WeightSet **) ctx;

	(void) a;
	*st = Resize(*st, (*st)->capacity, n);
	return ws_total(*st);
}

/* Adds w to the exact total of a WS_TOP or WS_ABOVE state. */
static inline WeightSet *
TotalAdd(FunctionCallInfo fcinfo, WeightSet *st, double w, const char *fname)
{
	int			need = xsum_add(ws_total(st), w);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD, w, 0, 0, NULL};

		es_grow_apply(ws_total(st), need, &t, TotalGrow, &st, fcinfo, fname);
	}
	return st;
}

/* WS_CONTRIB: adds w·r to the exact total and offers (w, r) to the heap. */
WeightSet *
ws_contrib_add(FunctionCallInfo fcinfo, WeightSet *st, double w, double r)
{
	int			need;

	ws_check_count(fcinfo, st->count, "top_contribution");
	need = xsum_add_prod(ws_total(st), w, r);
	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD, w, r, 0, NULL};

		es_grow_apply(ws_total(st), need, &t, TotalGrow, &st, fcinfo,
					  "top_contribution");
	}
	st = PairHeapOffer(st, w, r);
	st->count++;
	return st;
}

/* WS_TOP: adds w to the exact total and offers it to the heap. */
WeightSet *
ws_top_add(FunctionCallInfo fcinfo, WeightSet *st, double w)
{
	ws_check_count(fcinfo, st->count, "top_share");
	st = TotalAdd(fcinfo, st, w, "top_share");
	st = HeapOffer(st, w);
	st->count++;
	return st;
}

/*
 * The cut of a WS_ABOVE state: threshold × total, lowered by 2^-40 so that
 * rounding (of the total to double, of the product, and of xsum_ratio()
 * within an ulp) cannot drop a weight whose share could end above the
 * threshold.  The total only grows, so the cut stays valid for every row to
 * come.  Below 2^-900 shares may be subnormal: nothing is dropped but zeros.
 */
double
ws_above_cut(WeightSet *st)
{
	double		td;

	if (st->param < 0x1p-900)
		return 0;
	if (xsum_round(ws_total(st), &td) != XSUM_OK)
		td = DBL_MAX;			/* the total is even larger */
	if (td <= 0)
		return 0;
	return st->param * td * (1 - 0x1p-40);
}

/* Drops the weights at or below the cut of the current total. */
static void
Prune(WeightSet *st)
{
	double	   *v = ws_values(st);
	int			k = 0;

	st->cut = Max(st->cut, ws_above_cut(st));
	for (int i = 0; i < st->nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (v[i] > st->cut)
			v[k++] = v[i];
	}
	/* the dropped weights leave no trace in the state */
	memset(v + k, 0, (Size) (st->nvals - k) * sizeof(double));
	st->nvals = k;
}

/*
 * WS_ABOVE: a pruned state moves to the smallest allocation (a power of two
 * bytes, FillCapacity) that holds its weights with a quarter to spare, when
 * that is smaller than the one it has.
 */
static WeightSet *
AboveShrink(WeightSet *st)
{
	int			sumchunks = ws_total(st)->n;
	int64		cap = FillCapacity(WS_ABOVE, st->param, sumchunks,
								   Max((int64) st->nvals + st->nvals / 4 + 1, 1));

	return cap < st->capacity ? Resize(st, cap, sumchunks) : st;
}

/*
 * WS_ABOVE: adds w to the exact total and keeps it unless it is at or below
 * the cut.  A full state is pruned first and grows (doubling) only if that
 * frees less than half of it.  The candidates peak early, while the total
 * is small, and then dwindle; so that a state does not keep that room to
 * the end (a hash aggregate keeps every group's state, and a partial state
 * travels to the leader of a parallel plan), it is also pruned every step
 * rows (a power of two from 32 up to half its weights, so the work stays
 * amortised O(1) per row) and moved to a smaller allocation when that
 * holds what is left.
 */
WeightSet *
ws_above_add(FunctionCallInfo fcinfo, WeightSet *st, double w)
{
	ws_check_count(fcinfo, st->count, "share_above");
	st = TotalAdd(fcinfo, st, w, "share_above");
	st->count++;
	if (unlikely((st->count & 31) == 0))
	{
		int64		step = 32;

		while (step * 4 <= st->nvals)
			step *= 2;
		if ((st->count & (step - 1)) == 0)
		{
			Prune(st);
			st = AboveShrink(st);
		}
	}
	if (w > st->cut)
	{
		if (unlikely(st->nvals == st->capacity))
		{
			Prune(st);
			if (st->nvals >= st->capacity / 2)
				st = Reserve(st, (int64) st->capacity + 1);
		}
		if (w > st->cut)
			ws_values(st)[st->nvals++] = w;
	}
	return st;
}

/*
 * a + b (same kind and parameter, valid, counts that add up within int64);
 * a is changed in place when it has room.
 */
static WeightSet *
MergeStates(FunctionCallInfo fcinfo, WeightSet *a, WeightSet *b)
{
	double	   *bv = ws_values(b);

	if (ws_has_total(a->kind))
	{
		/* the merge normalises its second argument: use a copy of b's */
		XSum	   *bt = palloc(xsum_size(ws_total(b)->n));
		int			need;

		EsTerm		t = {ES_OP_MERGE, 0, 0, 0, bt};

		memcpy(bt, ws_total(b), xsum_size(ws_total(b)->n));
		need = es_apply(ws_total(a), &t);
		if (need != 0)
			es_grow_apply(ws_total(a), need, &t, TotalGrow, &a,
						  fcinfo, "_weightset_combine");
	}
	if (a->kind == WS_TOP)
	{
		for (int i = 0; i < b->nvals; i++)
		{
			CHECK_FOR_INTERRUPTS();
			a = HeapOffer(a, bv[i]);
		}
	}
	else if (a->kind == WS_CONTRIB)
	{
		for (int i = 0; i < b->nvals; i++)
		{
			CHECK_FOR_INTERRUPTS();
			a = PairHeapOffer(a, bv[2 * i], bv[2 * i + 1]);
		}
	}
	else
	{
		int			width = ws_width(a->kind);

		a = Reserve(a, (int64) a->nvals + b->nvals);
		memcpy(ws_values(a) + (Size) a->nvals * width, bv,
			   (Size) b->nvals * width * sizeof(double));
		a->nvals += b->nvals;
		/* a cut of either part is valid for the larger total */
		if (a->kind == WS_ABOVE)
			a->cut = Max(a->cut, b->cut);
	}
	a->count += b->count;
	return a;
}

/*
 * A compact copy of a state (a summary's stored value): no spare room, the
 * exact total in the window its value needs, and for WS_ABOVE only the
 * weights above the cut of its total (those its text form writes): the
 * state its text form reads back as.  st is not changed.
 */
WeightSet *
ws_compact(WeightSet *st)
{
	int			sumchunks = ws_has_total(st->kind) ? ws_total(st)->n : 0;
	WeightSet  *ns = Resize(st, st->nvals, sumchunks);
	WeightSet  *cs;
	int			fit;
	Size		size;

	if (!ws_has_total(ns->kind))
		return ns;
	if (ns->kind == WS_ABOVE)
		Prune(ns);
	fit = xsum_fit(ws_total(ns));
	if (fit == sumchunks && ns->nvals == ns->capacity)
		return ns;
	size = StateBytes(ns->kind, fit, ns->nvals);
	cs = palloc(size);
	memcpy(cs, ns, sizeof(WeightSet));
	SET_VARSIZE(cs, size);
	cs->capacity = ns->nvals;
	xsum_compact(ws_total(cs), fit, ws_total(ns));
	memcpy(ws_values(cs), ws_values(ns),
		   (Size) ns->nvals * ws_width(ns->kind) * sizeof(double));
	pfree(ns);
	return cs;
}

/* Summary aggregates of each kind, for messages (ws_check_summary). */
static const char *const ws_summary_names[WS_NKINDS] = {
	[WS_TOP] = "top_share_summary",
	[WS_ABOVE] = "share_above_summary",
	[WS_ACTIVE] = "active_share_summary",
	[WS_CONTRIB] = "top_contribution_summary",
	[WS_MATCH] = "names_to_match_summary",
};

/*
 * Before an accessor reads the summary in argument argno: a summary of
 * another kind is refused naming the accessor (fname) and the aggregate
 * that made it.  The argument is detoasted once, here, for the reader.
 */
void
ws_check_summary(FunctionCallInfo fcinfo, int argno, int kind,
				 const char *fname)
{
	const WeightSet *st;

	if (PG_ARGISNULL(argno))
		return;
	st = (const WeightSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	fcinfo->args[argno].value = PointerGetDatum(st);
	if (VARSIZE(st) >= sizeof(WeightSet) && st->magic == WS_MAGIC &&
		st->version == WS_VERSION && st->kind > 0 && st->kind < WS_NKINDS &&
		st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot read a summary made by %s",
						fname, ws_summary_names[st->kind]),
				 errhint("%s reads the summaries that %s makes, and rollup of them.",
						 fname, ws_summary_names[kind])));
}

/*
 * The datum a state function returns: the state itself inside an
 * aggregate, where the spare room (zeros) makes growth amortised O(1);
 * outside one, a copy without spare room, since that value may be stored.
 */
Datum
ws_return_slow(FunctionCallInfo fcinfo, WeightSet *st)
{
	if (es_in_aggregate(fcinfo))
	{
		/* may have spare room, never stored as is */
		es_remember(fcinfo, st);
		PG_RETURN_POINTER(st);
	}
	if (st->capacity > st->nvals)
		st = Resize(st, st->nvals,
					ws_has_total(st->kind) ? ws_total(st)->n : 0);
	TA_RETURN_STATE(st);
}

/*
 * Combine function of every weightset aggregate: both states are of the
 * same kind and parameter, even an empty one; then empty partials first,
 * and a merge that keeps exactly what one pass over all the rows would keep.
 */
Datum
weightset_combine(PG_FUNCTION_ARGS)
{
	const char *fname = "_weightset_combine";
	WeightSet  *a = ws_getarg(fcinfo, 0, 0, fname);
	WeightSet  *b;
	int64		count;

	if (PG_ARGISNULL(1))
	{
		if (a == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, a);
	}
	/* the partial state to merge is always checked entry by entry */
	b = (WeightSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	CheckHeader(fcinfo, b, 0, fname);
	ws_check_values(fcinfo, b, fname);
	if (a == NULL)
		return ws_return(fcinfo, b);
	if (a->kind != b->kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot combine a %s state with a %s state",
						ta_funcname(fcinfo, fname),
						ws_kind_aggs[a->kind], ws_kind_aggs[b->kind])));
	if (a->param != b->param)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot combine %s states with %s %s and %s",
						ta_funcname(fcinfo, fname), ws_kind_aggs[a->kind],
						a->kind == WS_ABOVE ? "threshold" : "n",
						float8out_internal(a->param),
						float8out_internal(b->param))));
	if (a->flags != b->flags)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot combine an inclusive %s state with one that is not",
						ta_funcname(fcinfo, fname), ws_kind_aggs[a->kind])));
	if (pg_add_s64_overflow(a->count, b->count, &count))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: row count out of range for type bigint",
						ta_funcname(fcinfo, fname)),
				 errdetail("The states hold " INT64_FORMAT " and " INT64_FORMAT " rows.",
						   a->count, b->count)));
	if (a->count == 0)
		return ws_return(fcinfo, b);
	if (b->count == 0)
		return ws_return(fcinfo, a);
	return ws_return(fcinfo, MergeStates(fcinfo, a, b));
}

/* qsort comparator: descending doubles, then descending second doubles. */
static int
CompareDesc(const void *x, const void *y, void *arg)
{
	const double *a = x;
	const double *b = y;
	int			width = *(int *) arg;

	/* a sort of many weights stays cancellable */
	CHECK_FOR_INTERRUPTS();
	for (int i = 0; i < width; i++)
	{
		if (a[i] > b[i])
			return -1;
		if (a[i] < b[i])
			return 1;
	}
	return 0;
}

/* Appends the shortest decimal that reads back as v. */
static void
AppendDouble(StringInfo out, double v)
{
	enlargeStringInfo(out, DOUBLE_SHORTEST_DECIMAL_LEN);
	out->len += double_to_shortest_decimal_bufn(v, out->data + out->len);
	out->data[out->len] = '\0';
}

/* Writes the text form into a StringInfo. */
static void
FormatWeightSet(WeightSet *st, StringInfo out)
{
	int			width = ws_width(st->kind);
	Size		bytes = (Size) st->nvals * width * sizeof(double);
	double	   *v = palloc(Max(bytes, 1));

	int			nvals = 0;
	double		cut = 0;

	appendStringInfo(out, "1;%s;",
					 st->flags & WS_FLAG_INCLUSIVE ? WS_ATLEAST_NAME :
					 ws_kind_names[st->kind]);
	if (st->kind == WS_TOP || st->kind == WS_CONTRIB || st->kind == WS_MATCH)
		appendStringInfo(out, "%d;", (int) st->param);
	else if (st->kind == WS_ABOVE)
	{
		AppendDouble(out, st->param);
		appendStringInfoChar(out, ';');
		cut = ws_above_cut(st);
	}
	if (ws_has_total(st->kind))
	{
		XSum	   *t = ws_total(st);

		appendStringInfo(out, INT64_FORMAT ";", st->count);
		enlargeStringInfo(out, xsum_text_max(t) + 1);
		out->len += xsum_to_text(t, out->data + out->len);
		appendStringInfoChar(out, ';');
	}
	/* the entries, sorted; for share_above only those above the cut */
	for (int i = 0; i < st->nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (st->kind != WS_ABOVE || ws_values(st)[i] > cut)
			memcpy(v + (Size) nvals++ * width, ws_values(st) + (Size) i * width,
				   width * sizeof(double));
	}
	qsort_arg(v, nvals, width * sizeof(double), CompareDesc, &width);
	for (int i = 0; i < nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(out, ',');
		AppendDouble(out, v[i * width]);
		if (width == 2)
		{
			appendStringInfoChar(out, ':');
			AppendDouble(out, v[i * width + 1]);
		}
	}
	pfree(v);
}

/* Text output. */
Datum
weightset_out(PG_FUNCTION_ARGS)
{
	WeightSet  *st = (WeightSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData out;

	CheckHeader(NULL, st, 0, "_weightset_out");
	initStringInfo(&out);
	FormatWeightSet(st, &out);
	PG_RETURN_CSTRING(out.data);
}

/* Binary output: the text form as bytes. */
Datum
weightset_send(PG_FUNCTION_ARGS)
{
	WeightSet  *st = (WeightSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData out;

	CheckHeader(NULL, st, 0, "_weightset_send");
	initStringInfo(&out);
	FormatWeightSet(st, &out);
	PG_RETURN_BYTEA_P(cstring_to_text_with_len(out.data, out.len));
}

/* The next sep-separated field of [*p, end); advances *p past it. */
static const char *
NextWeightSetField(const char **p, const char *end, char sep, size_t *len, bool *last)
{
	const char *s = *p;
	const char *e = memchr(s, sep, end - s);

	*last = (e == NULL);
	*len = (e ? e : end) - s;
	*p = e ? e + 1 : end;
	return s;
}

/*
 * Parses a finite, non-negative double written as s[0..len); false if bad.
 * As in float8in, a subnormal reads back exactly; only a value that
 * underflows to zero or overflows is out of range.
 */
static bool
ParseWeight(const char *s, size_t len, double *v)
{
	char		buf[64];
	char	   *endptr;

	if (len == 0 || len >= sizeof(buf))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char) s[i]) && s[i] != '.' && s[i] != 'e' &&
			s[i] != 'E' && s[i] != '+' && s[i] != '-')
			return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*v = strtod(buf, &endptr);
	if (*endptr != '\0' || !isfinite(*v) || *v < 0 ||
		(errno == ERANGE && *v == 0))
		return false;
	*v += 0.0;					/* -0 reads as 0 */
	return true;
}

/* Parses a finite double of either sign written as s[0..len). */
static bool
ParseSigned(const char *s, size_t len, double *v)
{
	bool		neg = len > 0 && s[0] == '-';

	if (!ParseWeight(s + neg, len - neg, v) || (neg && len > 1 && s[1] == '-'))
		return false;
	if (neg)
		*v = -*v;
	*v += 0.0;					/* -0 reads as 0 */
	return true;
}

/* Parses a decimal integer in [lo, hi] written as s[0..len). */
static bool
ParseWeightSetInt(const char *s, size_t len, int64 lo, int64 hi, int64 *v)
{
	char		buf[32];
	char	   *endptr;

	if (len == 0 || len >= sizeof(buf) || !isdigit((unsigned char) s[0]))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*v = strtoll(buf, &endptr, 10);
	return errno == 0 && *endptr == '\0' && *v >= lo && *v <= hi;
}

/* Text or binary input being parsed, for its error messages. */
typedef struct WsInput
{
	const char *str;
	size_t		len;
	bool		binary;			/* weightset_recv, else weightset_in */
} WsInput;

/*
 * Rejects malformed input: 22P02 naming weightset_in and quoting (the start
 * of) the text, or 22P03 naming weightset_recv, which does not quote bytes
 * that may not even be text.
 */
ta_noreturn static void
ReportBadInput(const WsInput *in, const char *detail)
{
	if (in->binary)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("_weightset_recv: malformed weightset state"),
				 errdetail("%s", detail)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("_weightset_in: malformed weightset state \"%s\"",
					ta_input_excerpt(in->str, in->len, 80)),
			 errdetail("%s", detail)));
}

/*
 * Parses the text form and checks that it is a state the aggregates can
 * build (StateProblem): whatever it accepts, every function can use.
 */
static WeightSet *
ParseWeightSet(const WsInput *in)
{
	const char *str = in->str;
	size_t		slen = in->len;
	const char *p = str;
	const char *end = str + slen;
	const char *f;
	size_t		len;
	bool		last;
	int			kind = 0;
	uint16		flags = 0;
	double		param = 0;
	int64		count = 0;
	int			needed = XSUM_DEFAULT_CHUNKS;
	const char *sumtext = NULL;
	size_t		sumlen = 0;
	const char *errmsg_core = NULL;
	int64		nvals;
	int			width;
	WeightSet  *st;
	double	   *v;
	const char *problem;

	f = NextWeightSetField(&p, end, ';', &len, &last);
	if (len != 1 || f[0] != '1' || last)
		ReportBadInput(in, "Unsupported format version.");
	f = NextWeightSetField(&p, end, ';', &len, &last);
	for (int k = 1; k < WS_NKINDS; k++)
		if (strlen(ws_kind_names[k]) == len && memcmp(ws_kind_names[k], f, len) == 0)
			kind = k;
	if (strlen(WS_ATLEAST_NAME) == len && memcmp(WS_ATLEAST_NAME, f, len) == 0)
	{
		kind = WS_ABOVE;
		flags = WS_FLAG_INCLUSIVE;
	}
	if (kind == 0 || last)
		ReportBadInput(in, "Unknown state kind.");
	width = ws_width(kind);

	if (kind == WS_TOP || kind == WS_CONTRIB || kind == WS_MATCH)
	{
		int64		n;

		f = NextWeightSetField(&p, end, ';', &len, &last);
		if (last || !ParseWeightSetInt(f, len, 1, PG_INT32_MAX, &n))
			ReportBadInput(in, "Bad n.");
		param = (double) n;
	}
	else if (kind == WS_ABOVE)
	{
		f = NextWeightSetField(&p, end, ';', &len, &last);
		if (last || !ParseWeight(f, len, &param) || param >= 1)
			ReportBadInput(in, "Bad threshold.");
	}
	if (ws_has_total(kind))
	{
		f = NextWeightSetField(&p, end, ';', &len, &last);
		if (last || !ParseWeightSetInt(f, len, 0, PG_INT64_MAX, &count))
			ReportBadInput(in, "Bad row count.");
		sumtext = NextWeightSetField(&p, end, ';', &sumlen, &last);
		if (last || xsum_from_text(sumtext, sumlen, NULL, &needed,
								   &errmsg_core) != (int) sumlen)
			ReportBadInput(in, errmsg_core ? errmsg_core : "Bad total.");
	}

	/* the entries: the rest, comma-separated; no ';' may follow */
	if (memchr(p, ';', end - p) != NULL)
		ReportBadInput(in, "Too many fields.");
	nvals = 0;
	if (p < end)
	{
		nvals = 1;
		for (const char *q = p; q < end; q++)
		{
			CHECK_FOR_INTERRUPTS();
			nvals += (*q == ',');
		}
	}
	if (ws_is_heap(kind) ? nvals != Min(count, (int64) param) :
		kind == WS_ABOVE ? nvals > count : false)
		ReportBadInput(in, "The number of weights does not match the row count (and n).");
	if (StateBytes(kind, needed, nvals) > MaxAllocSize)
		ReportBadInput(in, "Too many weights.");

	st = palloc0(StateBytes(kind, needed, nvals));
	SET_VARSIZE(st, StateBytes(kind, needed, nvals));
	st->magic = WS_MAGIC;
	st->version = WS_VERSION;
	st->kind = kind;
	st->flags = flags;
	st->capacity = (int32) nvals;
	st->param = param;
	if (ws_has_total(kind))
		xsum_init(ws_total(st), needed);
	if (ws_has_total(kind) &&
		xsum_from_text(sumtext, sumlen, ws_total(st), &needed,
					   &errmsg_core) != (int) sumlen)
		ReportBadInput(in, "Bad total.");
	v = ws_values(st);
	for (int64 i = 0; i < nvals; i++)
	{
		const char *e = NextWeightSetField(&p, end, ',', &len, &last);

		CHECK_FOR_INTERRUPTS();
		if (width == 2)
		{
			const char *colon = memchr(e, ':', len);

			if (colon == NULL ||
				!ParseWeight(e, colon - e, &v[2 * i]) ||
				!(kind == WS_CONTRIB ?
				  ParseSigned(colon + 1, len - (colon - e) - 1, &v[2 * i + 1]) :
				  ParseWeight(colon + 1, len - (colon - e) - 1, &v[2 * i + 1])))
				ReportBadInput(in, "Bad weight pair.");
		}
		else if (!ParseWeight(e, len, &v[i]))
			ReportBadInput(in, "Bad weight.");
	}
	st->nvals = (int32) nvals;
	st->count = ws_has_total(kind) ? count : nvals;
	/* the kept weights of top_share form a min-heap, and so do the pairs */
	if (kind == WS_TOP)
		for (int i = st->nvals / 2 - 1; i >= 0; i--)
		{
			CHECK_FOR_INTERRUPTS();
			SiftDown(v, st->nvals, i);
		}
	if (kind == WS_CONTRIB)
		for (int i = st->nvals / 2 - 1; i >= 0; i--)
		{
			CHECK_FOR_INTERRUPTS();
			PairSiftDown(v, st->nvals, i);
		}
	problem = StateProblem(st);
	if (problem != NULL)
		ReportBadInput(in, problem);
	return st;
}

/* Text input. */
Datum
weightset_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	WsInput		in = {str, strlen(str), false};

	TA_RETURN_STATE(ParseWeightSet(&in));
}

/* Binary input: the text form as bytes. */
Datum
weightset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	WsInput		in = {buf->data + buf->cursor, buf->len - buf->cursor, true};

	buf->cursor = buf->len;
	TA_RETURN_STATE(ParseWeightSet(&in));
}
