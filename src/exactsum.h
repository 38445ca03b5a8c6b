/*
 * exactsum.h
 *	  The exactsum type: the transition state of every sum-based aggregate.
 *
 * An exactsum is a varlena holding a row count and a few exact sums from
 * the numeric core (xsum.h), for example Σ|w| and Σw² for hhi().  It is a
 * concrete SQL type with a compact text form that round-trips exactly, so
 * partial states travel between parallel workers and between Citus nodes,
 * and two states merge exactly: the result never depends on the plan.
 */
#ifndef TACTALLOC_EXACTSUM_H
#define TACTALLOC_EXACTSUM_H

#include "common.h"
#include "nodes/nodes.h"
#include "xsum.h"

/* Most accumulators a kind of state has */
#define ES_MAX_SUMS		5

/* What the sums of a state mean; the kind fixes how many sums it has. */
typedef enum ExactSumKind
{
	ES_HHI = 1,					/* Σ|w|, Σw²: hhi(), effective_n() */
	ES_DTS = 2,					/* Σw, Σw·D·S: dts() */
	/* valuation and returns (valuation.c) */
	ES_WMEAN = 3,				/* Σw, Σw·x: weighted_mean() */
	ES_IMULT = 4,				/* Σw, Σw·f/c: index_multiple() */
	ES_COMPOUND = 5,			/* Σlog1p(r), number of r = -1: compound_return() */
	/* risk statistics (risk.c); Σp, Σp² hold periods_per_year */
	ES_VOL = 6,					/* Σr, Σr², Σp, Σp²: volatility() */
	ES_TE = 7,					/* Σd, Σd², Σp, Σp² of d = r - b: tracking_error() */
	ES_BETA = 8,				/* Σm, Σr, Σm², Σr·m: beta() */
	ES_CORR = 9,				/* Σx, Σy, Σx², Σy², Σx·y: correlation() */
	ES_ANNRET = 10,				/* Σlog1p(r), number of r = -1, Σp, Σp²: annualized_return() */
	ES_COMPOUND_MIN = 11,		/* Σlog1p(r), number of r = -1, Σm, Σm² of
								 * min_periods m: compound_return(r, m) */
	ES_NKINDS					/* one past the last kind */
} ExactSumKind;


/* Modes (the flags byte) */
#define ES_MODE_NET		0		/* hhi: negative weights are an error */
#define ES_MODE_GROSS	1		/* hhi: normalise by Σ|w| */
#define ES_MODE_CAP		0		/* index_multiple(cap, f): weight = cap */
#define ES_MODE_WEIGHT	1		/* index_multiple(cap, f, weight) */
#define ES_MODE_PLAIN	0		/* volatility, tracking_error: no periods_per_year */
#define ES_MODE_ANNUAL	1		/* ... with periods_per_year (Σp, Σp² kept) */

typedef struct ExactSum
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint32		magic;			/* ES_MAGIC */
	uint8		version;		/* ES_VERSION */
	uint8		kind;			/* ExactSumKind */
	uint8		nsums;			/* accumulators that follow */
	uint8		mode;			/* ES_MODE_* */
	int32		reserved;		/* zero; keeps the sums 8-byte aligned */
	int64		count;			/* rows accumulated */
	/* nsums XSum accumulators follow back to back, each xsum_size(n) */
} ExactSum;

#define ES_MAGIC	0x54415853	/* "TAXS" */
#define ES_VERSION	1

/* What each kind holds (exactsum.c); nsums is read on every row. */
typedef struct ExactSumKindInfo
{
	const char *name;			/* in the text form */
	int			nmodes;
	const char *modes[2];
	int			nsums;
	int			chunks[ES_MAX_SUMS];	/* initial window of each sum */
} ExactSumKindInfo;

extern const ExactSumKindInfo es_kinds[ES_NKINDS];

/* The slow path of es_getarg: copies, detoasts, reports what is wrong. */
extern ExactSum *es_getarg_slow(FunctionCallInfo fcinfo, int argno, int kind,
								const char *dflt);

/* What a real state satisfies beyond its structure: NULL, or the problem. */
extern const char *es_invariant_problem(const ExactSum *st);

/*
 * es_header_valid: the header of a state of the given kind is consistent.
 * es_valid: so are the fields of every accumulator (O(1) each), so that no
 * bytes passed in by hand can make the core read or write out of bounds,
 * and the state satisfies its kind's invariants (es_invariant_problem).
 */
static inline bool
es_header_valid(const ExactSum *st, int kind)
{
	return VARSIZE(st) >= sizeof(ExactSum) && st->magic == ES_MAGIC &&
		st->version == ES_VERSION && st->kind == kind &&
		st->nsums == es_kinds[kind].nsums && st->mode < es_kinds[kind].nmodes &&
		st->reserved == 0 && st->count >= 0;
}

static inline bool
es_valid(const ExactSum *st, int kind)
{
	const char *p = (const char *) st + sizeof(ExactSum);
	const char *end = (const char *) st + VARSIZE(st);

	if (!es_header_valid(st, kind))
		return false;
	for (int i = 0; i < st->nsums; i++)
	{
		const XSum *a = (const XSum *) p;

		if (xsum_check(a, end - p) != NULL || xsum_check_chunks(a) != NULL)
			return false;
		p += xsum_size(a->n);
	}
	return p == end && es_invariant_problem(st) == NULL;
}

/*
 * True when a function runs as an aggregate's transition, combine or final
 * function (AggCheckCallContext, inline: transition functions ask on every
 * row).
 */
static inline bool
es_in_aggregate(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) ||
		 IsA(fcinfo->context, WindowAggState));
}

/*
 * The states a transition function returned inside an aggregate, kept in
 * its fn_extra (in fn_mcxt): the last one, and a set of the addresses of
 * all of them (open addressing, a cache: when it holds ES_SEEN_MAX states
 * it is emptied and refills), so that a hash aggregate whose rows take
 * turns between groups finds each group's state as cheaply as a sorted one.
 */
#define ES_SEEN_MAX		(1 << 15)

typedef struct EsSeen
{
	const void *last;			/* the state returned on the previous call */
	uint32		mask;			/* slots - 1 (slots a power of two) */
	uint32		nused;			/* slots in use */
	const void *slots[FLEXIBLE_ARRAY_MEMBER];
} EsSeen;

/* First slot of a state's address in the set. */
static inline uint32
es_seen_slot(const EsSeen *seen, const void *st)
{
	return (uint32) ((((uintptr_t) st >> 3) * UINT64CONST(0x9E3779B97F4A7C15)) >> 32) & seen->mask;
}

/* True when st is a state this transition function returned (see EsSeen). */
static inline bool
es_seen(EsSeen *seen, const void *st)
{
	const void *p;

	if (st == seen->last)
		return true;
	for (uint32 i = es_seen_slot(seen, st);; i = (i + 1) & seen->mask)
	{
		p = seen->slots[i];
		if (p == st)
		{
			seen->last = st;
			return true;
		}
		if (p == NULL)
			return false;
	}
}

/* Remembers st as returned by the transition function (es_return). */
extern void es_remember(FunctionCallInfo fcinfo, const void *st);

/*
 * The state in argument argno, validated for the expected kind (0: any
 * kind), or NULL when the argument is NULL.  Outside an aggregate the state
 * is copied, so a caller may change it without touching its input.  Errors
 * name the aggregate being run, or dflt outside one.
 *
 * This runs for every row, so the usual case is a pointer compare or a
 * lookup: inside an aggregate, a state this transition function handed back
 * (es_return remembers them in fn_extra, and only inside an aggregate) is
 * one this function built, and the executor keeps it unchanged between
 * calls; any other state, such as one passed by hand, an INITCOND, or a copy
 * the executor made, has its header and every accumulator checked.
 * Transition functions that use es_getarg own their fn_extra.
 */
static inline ExactSum *
es_getarg(FunctionCallInfo fcinfo, int argno, int kind, const char *dflt)
{
	const ExactSum *st;
	EsSeen	   *seen = (EsSeen *) fcinfo->flinfo->fn_extra;

	if (PG_ARGISNULL(argno))
		return NULL;
	st = (const ExactSum *) PG_GETARG_POINTER(argno);
	if (likely(kind != 0 && seen != NULL && es_seen(seen, st)))
		return (ExactSum *) st;
	if (likely(kind != 0 && !VARATT_IS_EXTENDED(st) && es_valid(st, kind) &&
			   es_in_aggregate(fcinfo)))
		return (ExactSum *) st;
	return es_getarg_slow(fcinfo, argno, kind, dflt);
}

/*
 * Returns st from a transition function, remembering it inside an aggregate
 * (see es_getarg).
 */
#define es_return(fcinfo, st) \
	do { \
		ta_check_defined((st), VARSIZE(st)); \
		if ((fcinfo)->flinfo->fn_extra == NULL || \
			(const void *) (st) != ((EsSeen *) (fcinfo)->flinfo->fn_extra)->last) \
			es_remember((fcinfo), (st)); \
		PG_RETURN_POINTER(st); \
	} while (0)

/* A new empty state of the given kind and mode, in CurrentMemoryContext. */
extern ExactSum *es_create(int kind, int mode);

/* The i-th accumulator of a state. */
static inline XSum *
es_sum(ExactSum *st, int i)
{
	char	   *p = (char *) st + sizeof(ExactSum);

	while (i-- > 0)
		p += xsum_size(((XSum *) p)->n);
	return (XSum *) p;
}

/*
 * Exact sums that grow: the numeric core adds into a fixed window and, when
 * a term does not fit, answers with the window it needs.  es_grow_apply is
 * the one place that grows an accumulator and applies the term again, for
 * every container: the accumulators of an exactsum state (es_add below),
 * the total inside a weightset state, and standalone accumulators that
 * final and window functions use (es_acc_*).  A sum beyond the core's range
 * (only forged states get there) is an error (22003).
 */
typedef enum EsOp
{
	ES_OP_ADD,					/* x */
	ES_OP_ADD_PROD,				/* x * y */
	ES_OP_ADD_PROD3,			/* x * y * z */
	ES_OP_ADD3,					/* x + y + z */
	ES_OP_MERGE					/* the accumulator b (normalised in place) */
} EsOp;

typedef struct EsTerm
{
	EsOp		op;
	double		x,
				y,
				z;
	XSum	   *b;
} EsTerm;

/*
 * Moves the accumulator a of its container to a window of n chunks (a copy,
 * with the same value) and returns the new accumulator.
 */
typedef XSum *(*EsGrowFn) (void *ctx, XSum *a, int n);

/* Applies t to a: the numeric core's answer (0, the window needed, or XSUM_RANGE). */
extern int	es_apply(XSum *a, const EsTerm *t);

/*
 * The core answered need != 0 for t on a: grow a with grow(ctx, ...) and
 * apply t again; returns the accumulator to continue with.  Errors name
 * ta_funcname(fcinfo, dflt) (fcinfo may be NULL: dflt).
 */
extern XSum *es_grow_apply(XSum *a, int need, const EsTerm *t, EsGrowFn grow,
						   void *ctx, FunctionCallInfo fcinfo,
						   const char *dflt);

/* Slow path of es_add*: grows accumulator i inside the state. */
extern ExactSum *es_add_slow(FunctionCallInfo fcinfo, ExactSum *st, int i,
							 int need, EsTerm t);

/*
 * Add x, x+y+z, x*y, x*x or x*y*z exactly to accumulator i of a state.  These return
 * the state, which is a new, larger copy when the accumulator had to grow:
 * callers always continue with (and return) the state these hand back.
 */
static pg_attribute_always_inline ExactSum *
es_add(FunctionCallInfo fcinfo, ExactSum *st, int i, double x)
{
	int			need = xsum_add(es_sum(st, i), x);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD, x, 0, 0, NULL};

		st = es_add_slow(fcinfo, st, i, need, t);
	}
	return st;
}

static pg_attribute_always_inline ExactSum *
es_add3(FunctionCallInfo fcinfo, ExactSum *st, int i, double x, double y,
		double z)
{
	int			need = xsum_add3(es_sum(st, i), x, y, z);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD3, x, y, z, NULL};

		st = es_add_slow(fcinfo, st, i, need, t);
	}
	return st;
}

static pg_attribute_always_inline ExactSum *
es_add_prod(FunctionCallInfo fcinfo, ExactSum *st, int i, double x, double y)
{
	int			need = xsum_add_prod(es_sum(st, i), x, y);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD, x, y, 0, NULL};

		st = es_add_slow(fcinfo, st, i, need, t);
	}
	return st;
}

static pg_attribute_always_inline ExactSum *
es_add_square(FunctionCallInfo fcinfo, ExactSum *st, int i, double x)
{
	int			need = xsum_add_square(es_sum(st, i), x);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD, x, x, 0, NULL};

		st = es_add_slow(fcinfo, st, i, need, t);
	}
	return st;
}

static pg_attribute_always_inline ExactSum *
es_add_prod3(FunctionCallInfo fcinfo, ExactSum *st, int i, double x, double y,
			 double z)
{
	int			need = xsum_add_prod3(es_sum(st, i), x, y, z);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD3, x, y, z, NULL};

		st = es_add_slow(fcinfo, st, i, need, t);
	}
	return st;
}

/*
 * Standalone accumulators in CurrentMemoryContext, for the temporaries of
 * final and window functions: the adding functions return the accumulator
 * to continue with (a larger copy when it had to grow).
 */
extern XSum *es_acc_new(void);
extern XSum *es_acc_grow(void *ctx, XSum *a, int n);

static inline XSum *
es_acc_add(XSum *a, double x, const char *fname)
{
	int			need = xsum_add(a, x);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD, x, 0, 0, NULL};

		a = es_grow_apply(a, need, &t, es_acc_grow, NULL, NULL, fname);
	}
	return a;
}

static inline XSum *
es_acc_add_prod(XSum *a, double x, double y, const char *fname)
{
	int			need = xsum_add_prod(a, x, y);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD, x, y, 0, NULL};

		a = es_grow_apply(a, need, &t, es_acc_grow, NULL, NULL, fname);
	}
	return a;
}

static inline XSum *
es_acc_add_prod3(XSum *a, double x, double y, double z, const char *fname)
{
	int			need = xsum_add_prod3(a, x, y, z);

	if (unlikely(need != 0))
	{
		EsTerm		t = {ES_OP_ADD_PROD3, x, y, z, NULL};

		a = es_grow_apply(a, need, &t, es_acc_grow, NULL, NULL, fname);
	}
	return a;
}

/* An exact sum rounded to double; overflow is an error naming fname. */
extern double es_acc_round(const XSum *a, const char *fname);

/*
 * sum[inum]^pnum / sum[iden]^pden, within one ulp of the exact value.
 * Returns false when the denominator is zero (the caller returns NULL);
 * a result beyond double precision is an error naming fname.
 */
extern bool es_ratio(ExactSum *st, int inum, int pnum, int iden, int pden,
					 const char *fname, double *result);

/* Accumulator i rounded to the nearest double; overflow is an error. */
extern double es_round(ExactSum *st, int i, const char *fname);

/*
 * Moving aggregates (window frames whose start moves): transition functions
 * never return NULL (a row with NULL inputs gives the empty state), and
 * the inverse transition function skips rows with NULL inputs as the
 * transition function does, raises es_inv_check (an error unless the state
 * holds a row to remove), subtracts the row's terms exactly (es_add* of the
 * negated terms), and returns es_removed(fcinfo, st): one row fewer, the
 * accumulators shrunk back to the window they would have without the rows
 * removed (a new, compact state; the empty state at zero rows), and,
 * outside a window frame, where the row is not known to have been added,
 * the kind's invariants checked.
 */
extern void es_inv_check(FunctionCallInfo fcinfo, const ExactSum *st,
						 const char *dflt);
extern ExactSum *es_removed(FunctionCallInfo fcinfo, ExactSum *st,
							const char *dflt);

/*
 * Summaries (stored states, summaries.c): es_compact is a copy holding only
 * the chunks in use; es_subtract removes a summary of rows a state holds
 * (rollup in a sliding window frame), exactly; es_check_summary refuses a
 * summary of another kind before an accessor reads it.
 */
extern ExactSum *es_compact(ExactSum *st);
extern ExactSum *es_subtract(FunctionCallInfo fcinfo, ExactSum *a, ExactSum *b,
							 const char *dflt);
extern void es_check_summary(FunctionCallInfo fcinfo, int argno, int kind,
							 const char *fname);

#endif							/* TACTALLOC_EXACTSUM_H */
