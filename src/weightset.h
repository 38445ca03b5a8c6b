/*
 * weightset.h
 *	  The weightset type: the variable-size transition state of the
 *	  concentration aggregates that need the weights themselves, not only
 *	  their sums.
 *
 * A weightset is a validated varlena of one of three kinds:
 *
 *	WS_TOP		top_share(weight, n): the n largest weights (a min-heap,
 *				at most n entries) and the exact total of every weight;
 *	WS_ABOVE	share_above(), count_above(): the exact total and the
 *				weights that can still be above the threshold.  The total
 *				only grows (weights are not negative), so a weight at or
 *				below threshold × the running total can never end above it
 *				and is dropped: after each pruning fewer than 1/threshold
 *				weights remain (every positive weight when threshold = 0);
 *	WS_ACTIVE	active_share(): every (portfolio, benchmark) weight pair;
 *	WS_CONTRIB	top_contribution(weight, ret, n): the n largest (weight,
 *				return) pairs (a min-heap ordered by weight, then return) and
 *				the exact total Σw·r;
 *	WS_MATCH	names_to_match(weight, n): every weight.
 *
 * share_above() and count_above() with inclusive => true keep WS_ABOVE
 * states flagged WS_FLAG_INCLUSIVE: the pruning drops only weights whose
 * share ends strictly below the threshold (the cut is lowered by 2^-40), so
 * it is as right for "at or above" as for "above".
 *
 * Memory grows with the group, never with the table: 48 bytes of header,
 * plus the exact total (16 bytes + 8 per chunk: 64 bytes for weights of
 * similar size) for WS_TOP and WS_ABOVE, plus 8 bytes per kept weight (16
 * per pair).  Growth doubles the capacity, so it is amortised O(1) per row;
 * the spare room is zero, and a state returned outside an aggregate has
 * none, so a stored state holds only its own data.
 *
 * Every function that takes a state from outside its own aggregate checks
 * the invariants of the states the aggregates build (ws_check_values), so
 * forged states cannot make a final function leave its range.
 *
 * The text form (weightset_out) is compact and canonical, and round-trips
 * exactly; two states of the same kind and parameter merge
 * (weightset_combine), so the aggregates run in parallel and on Citus
 * workers, and the results never depend on the plan.
 */
#ifndef TACTALLOC_WEIGHTSET_H
#define TACTALLOC_WEIGHTSET_H

#include "common.h"
#include "exactsum.h"

typedef enum WeightSetKind
{
	WS_TOP = 1,					/* heap of the n largest + exact total */
	WS_ABOVE = 2,				/* candidates above the threshold + total */
	WS_ACTIVE = 3,				/* every (portfolio, benchmark) pair */
	WS_CONTRIB = 4,				/* heap of the n largest (w, r) + exact Σw·r */
	WS_MATCH = 5,				/* every weight */
	WS_NKINDS
} WeightSetKind;

typedef struct WeightSet
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint32		magic;			/* WS_MAGIC */
	uint8		version;		/* WS_VERSION */
	uint8		kind;			/* WeightSetKind */
	uint16		flags;			/* WS_ABOVE: WS_FLAG_INCLUSIVE or 0; else 0 */
	int32		nvals;			/* entries in use */
	int32		capacity;		/* entries allocated */
	int32		reserved2;		/* zero; keeps what follows 8-byte aligned */
	int64		count;			/* rows accumulated */
	double		param;			/* WS_TOP, WS_CONTRIB, WS_MATCH: n;
								 * WS_ABOVE: threshold; else 0 */
	double		cut;			/* WS_ABOVE: weights <= cut are never above */
	/* WS_TOP, WS_ABOVE: the exact total, one XSum of xsum_size(n) bytes */
	/* then capacity entries of ws_width(kind) doubles */
} WeightSet;

/* share_above(), count_above(): count shares at the threshold too */
#define WS_FLAG_INCLUSIVE	1

#define WS_MAGIC	0x54415753	/* "TAWS" */
#define WS_VERSION	1

/* Doubles per entry: 2 for pairs, else 1. */
static inline int
ws_width(int kind)
{
	return kind == WS_ACTIVE || kind == WS_CONTRIB ? 2 : 1;
}

/* Whether states of a kind carry an exact total (Σw, or Σw·r). */
static inline bool
ws_has_total(int kind)
{
	return kind == WS_TOP || kind == WS_ABOVE || kind == WS_CONTRIB;
}

/* Whether states of a kind keep at most n entries in a min-heap. */
static inline bool
ws_is_heap(int kind)
{
	return kind == WS_TOP || kind == WS_CONTRIB;
}

/* The exact total of a WS_TOP, WS_ABOVE or WS_CONTRIB state. */
static inline XSum *
ws_total(WeightSet *st)
{
	Assert(ws_has_total(st->kind));
	return (XSum *) ((char *) st + sizeof(WeightSet));
}

/* The entries of a state. */
static inline double *
ws_values(WeightSet *st)
{
	char	   *p = (char *) st + sizeof(WeightSet);

	if (ws_has_total(st->kind))
		p += xsum_size(((XSum *) p)->n);
	return (double *) p;
}

/* The slow path of ws_getarg: every state it did not hand back itself. */
extern WeightSet *ws_getarg_slow(FunctionCallInfo fcinfo, int argno, int kind,
								 const char *fname);

/*
 * The state in argument argno, or NULL when the argument is NULL.  Inside
 * an aggregate the running state is checked in O(1) (header and sizes) and
 * updated in place; elsewhere it is copied and checked entry by entry.
 *
 * A transition function's own states come back on every row: like
 * es_getarg, a state this transition function returned inside an aggregate
 * (ws_return remembers them in fn_extra) is recognised by its address, with
 * a pointer compare on the usual path.  Transition functions that use
 * ws_getarg with a kind own their fn_extra.
 */
static inline WeightSet *
ws_getarg(FunctionCallInfo fcinfo, int argno, int kind, const char *fname)
{
	EsSeen	   *seen = (EsSeen *) fcinfo->flinfo->fn_extra;
	WeightSet  *st;

	if (PG_ARGISNULL(argno))
		return NULL;
	st = (WeightSet *) PG_GETARG_POINTER(argno);
	if (likely(kind != 0 && seen != NULL && es_seen(seen, st)))
		return st;
	return ws_getarg_slow(fcinfo, argno, kind, fname);
}

/*
 * Checks every entry and the totals of a state against the invariants of
 * the states the aggregates build (finite, non-negative weights, heap
 * order, totals consistent with the weights and the row count); errors
 * (22023) name the running aggregate, or fname outside one.
 */
extern void ws_check_values(FunctionCallInfo fcinfo, WeightSet *st,
							const char *fname);

/* Raises 22003 when a state of count rows cannot take one more. */
ta_noreturn extern void ws_report_count(FunctionCallInfo fcinfo,
										const char *fname);

static inline void
ws_check_count(FunctionCallInfo fcinfo, int64 count, const char *fname)
{
	if (unlikely(count == PG_INT64_MAX))
		ws_report_count(fcinfo, fname);
}

/* The slow path of ws_return. */
extern Datum ws_return_slow(FunctionCallInfo fcinfo, WeightSet *st);

/*
 * Returns a state from a state function: as is inside an aggregate (and
 * remembered, see ws_getarg), without its spare room outside one (the value
 * may be stored).
 */
static inline Datum
ws_return(FunctionCallInfo fcinfo, WeightSet *st)
{
	EsSeen	   *seen = (EsSeen *) fcinfo->flinfo->fn_extra;

	if (likely(seen != NULL && seen->last == (const void *) st))
		PG_RETURN_POINTER(st);
	return ws_return_slow(fcinfo, st);
}

/* A new empty state in CurrentMemoryContext. */
extern WeightSet *ws_create(int kind, double param);

/* WS_ACTIVE: appends a (portfolio, benchmark) pair; may return a copy. */
extern WeightSet *ws_append(WeightSet *st, double a, double b);

/* WS_MATCH: appends a weight; may return a copy. */
extern WeightSet *ws_append_weight(WeightSet *st, double w);

/* WS_CONTRIB: adds w·r to the total and keeps (w, r) if among the n largest. */
extern WeightSet *ws_contrib_add(FunctionCallInfo fcinfo, WeightSet *st,
								 double w, double r);

/* WS_ABOVE: adds w to the total and keeps it if it can end above. */
extern WeightSet *ws_above_add(FunctionCallInfo fcinfo, WeightSet *st,
							   double w);

/*
 * WS_ABOVE: a weight at or below this can never end above the threshold,
 * whatever rows are still to come (computed from the current total).
 */
extern double ws_above_cut(WeightSet *st);

/* WS_TOP: adds w to the total and keeps it if among the n largest. */
extern WeightSet *ws_top_add(FunctionCallInfo fcinfo, WeightSet *st,
							 double w);

/*
 * Summaries (stored states, summaries.c): ws_compact is a copy without
 * spare room (WS_ABOVE: pruned at the cut of its total); ws_check_summary
 * refuses a summary of another kind before an accessor reads it.
 */
extern WeightSet *ws_compact(WeightSet *st);
extern void ws_check_summary(FunctionCallInfo fcinfo, int argno, int kind,
							 const char *fname);

#endif							/* TACTALLOC_WEIGHTSET_H */
