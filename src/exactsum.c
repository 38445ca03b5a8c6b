/*
 * exactsum.c
 *	  The exactsum type: validation, growth, merging and its text and
 *	  binary forms.
 *
 * Text form (compact, canonical, round-trips exactly):
 *
 *		1;<kind>;<mode>;<count>;<sum 0>;<sum 1>...
 *
 * where 1 is the format version, <kind> and <mode> are names ("hhi",
 * "net"), <count> the rows accumulated and each <sum> the numeric core's
 * text for one accumulator (only the chunks in use).  The binary form is
 * the same text, so both travel between Citus nodes unchanged.
 */
#include "exactsum.h"

#include "lib/stringinfo.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(exactsum_in);
PG_FUNCTION_INFO_V1(exactsum_out);
PG_FUNCTION_INFO_V1(exactsum_recv);
PG_FUNCTION_INFO_V1(exactsum_send);
PG_FUNCTION_INFO_V1(exactsum_combine);

/*
 * What each kind of state holds: its name in the text form, its modes, and
 * the initial window of each accumulator (sums of values need 6 chunks,
 * sums of products 8, of triple products 10, for weights of similar size;
 * wider ranges grow the window).
 */
const ExactSumKindInfo es_kinds[ES_NKINDS] = {
	[ES_HHI] = {"hhi", 2, {"net", "gross"}, 2, {6, 8}},
	[ES_DTS] = {"dts", 1, {"plain"}, 2, {6, 10}},
	/* valuation and returns */
	[ES_WMEAN] = {"wmean", 1, {"plain"}, 2, {6, 8}},
	[ES_IMULT] = {"imult", 2, {"cap", "weight"}, 2, {6, 6}},
	[ES_COMPOUND] = {"compound", 1, {"log"}, 2, {6, 6}},
	/* risk statistics */
	[ES_VOL] = {"vol", 2, {"plain", "annual"}, 4, {6, 8, 6, 8}},
	[ES_TE] = {"te", 2, {"plain", "annual"}, 4, {6, 8, 6, 8}},
	[ES_BETA] = {"beta", 1, {"plain"}, 4, {6, 6, 8, 8}},
	[ES_CORR] = {"corr", 1, {"plain"}, 5, {6, 6, 8, 8, 8}},
	[ES_ANNRET] = {"annret", 1, {"annual"}, 4, {6, 6, 6, 8}},
	[ES_COMPOUND_MIN] = {"compoundmin", 1, {"log"}, 4, {6, 6, 6, 8}},
};

/* Raises "malformed state" naming the running aggregate (or dflt). */
ta_noreturn static void
ReportMalformed(FunctionCallInfo fcinfo, const char *dflt, const char *detail)
{
	ta_report_malformed(ta_funcname(fcinfo, dflt), "exactsum",
						ERRCODE_INVALID_PARAMETER_VALUE, detail, NULL);
}

/* The sign of accumulator i of a state. */
static int
SumSign(const ExactSum *st, int i)
{
	return xsum_sign(es_sum((ExactSum *) st, i));
}

/*
 * hhi: Σ|w| and Σw² are not negative, zero together, and
 * (Σ|w|)² / n <= Σw² <= (Σ|w|)², so that hhi is in [1/n, 1].  The ratio is
 * within an ulp of the exact one, hence the tolerance at the lower bound.
 */
static const char *
HhiProblem(const ExactSum *st)
{
	int			s1 = SumSign(st, 0),
				s2 = SumSign(st, 1);
	double		r;

	if (s1 < 0 || s2 < 0)
		return "A sum of absolute weights or of squares is negative.";
	if (s1 != s2)
		return "The sum of absolute weights and the sum of squares disagree on zero.";
	if (s1 == 0)
		return NULL;
	if (xsum_ratio(es_sum((ExactSum *) st, 1), 1, es_sum((ExactSum *) st, 0), 2,
				   &r) != XSUM_OK || r > 1.0)
		return "The sum of squared weights exceeds the squared sum of absolute weights.";
	if (r * (double) st->count < 1.0 - 0x1p-50)
		return "The sum of squared weights is below the squared sum of absolute weights over the row count.";
	return NULL;
}

/*
 * compound_return: the number of wiped-out periods is a whole number between
 * 0 and the row count.
 */
static const char *
CompoundProblem(const ExactSum *st)
{
	XSum	   *wiped = es_sum((ExactSum *) st, 1);
	XSum	   *rest;
	double		v;

	if (xsum_sign(wiped) == 0)
		return NULL;
	if (xsum_round(wiped, &v) != XSUM_OK || v < 1 || v > (double) st->count ||
		v != floor(v))
		return "The number of wiped-out periods is not a whole number within the row count.";
	/* exactly that whole number: nothing is left after subtracting it */
	rest = palloc(xsum_size(XSUM_MAX_CHUNKS));
	xsum_copy(rest, XSUM_MAX_CHUNKS, wiped);
	if (xsum_add(rest, -v) != 0 || xsum_sign(rest) != 0)
		return "The number of wiped-out periods is not a whole number.";
	pfree(rest);
	return NULL;
}

/*
 * A sum of squares and the sum it goes with, of count rows: Σx² is not
 * negative and n·Σx² >= (Σx)² (exactly: the co-moment is not negative).
 */
static const char *
SquaresProblem(const ExactSum *st, int isum, int isq)
{
	XSum	   *s1 = es_sum((ExactSum *) st, isum);
	XSum	   *s2 = es_sum((ExactSum *) st, isq);

	if (xsum_sign(s2) < 0)
		return "A sum of squares is negative.";
	if (xsum_cross(s2, st->count, s1, s1).sign < 0)
		return "A sum of squares is below the squared sum over the row count.";
	return NULL;
}

/*
 * periods_per_year of the risk statistics: Σp and Σp² are positive with
 * the periods (mode annual), zero without.
 */
static const char *
PeriodsProblem(const ExactSum *st, int ip, bool annual)
{
	int			s1 = SumSign(st, ip),
				s2 = SumSign(st, ip + 1);

	if (annual ? (s1 <= 0 || s2 <= 0) : (s1 != 0 || s2 != 0))
		return annual ? "The sums of periods per year are not positive." :
			"A state without periods per year holds sums of them.";
	return NULL;
}

/*
 * correlation: both sums of squares as above, and the co-moment of x and y
 * squared is at most the product of theirs (|correlation| <= 1; compared in
 * double-double, with room for its rounding).
 */
static const char *
CorrProblem(const ExactSum *st)
{
	ExactSum   *s = (ExactSum *) st;
	const char *problem = SquaresProblem(st, 0, 2);
	XSumReal	cxy,
				cxx,
				cyy,
				q;
	double		r;

	if (problem == NULL)
		problem = SquaresProblem(st, 1, 3);
	if (problem != NULL)
		return problem;
	cxx = xsum_cross(es_sum(s, 2), st->count, es_sum(s, 0), es_sum(s, 0));
	cyy = xsum_cross(es_sum(s, 3), st->count, es_sum(s, 1), es_sum(s, 1));
	cxy = xsum_cross(es_sum(s, 4), st->count, es_sum(s, 0), es_sum(s, 1));
	if (cxy.sign == 0)
		return NULL;
	if (cxx.sign == 0 || cyy.sign == 0)
		return "A co-moment is not zero although a variance is.";
	q = xsum_real_div(xsum_real_mul(cxy, cxy), xsum_real_mul(cxx, cyy));
	if (xsum_real_round(q, &r) != XSUM_OK || r > 1.0 + 0x1p-40)
		return "The co-moment exceeds the product of the standard deviations.";
	return NULL;
}

/*
 * What a real state of its kind satisfies beyond its structure, or NULL:
 * an empty state holds zeros, and each kind's own bounds hold, so that no
 * final function can leave its documented range on a forged state.
 */
const char *
es_invariant_problem(const ExactSum *st)
{
	if (st->count == 0)
	{
		for (int i = 0; i < st->nsums; i++)
			if (SumSign(st, i) != 0)
				return "A state of no rows holds a non-zero sum.";
		return NULL;
	}
	switch ((ExactSumKind) st->kind)
	{
		case ES_HHI:
			return HhiProblem(st);
		case ES_IMULT:
			/* caps are positive, weights not negative */
			if (SumSign(st, 0) < (st->mode == ES_MODE_CAP ? 1 : 0))
				return st->mode == ES_MODE_CAP ?
					"The sum of caps is not positive." :
					"The sum of weights is negative.";
			return NULL;
		case ES_COMPOUND:
			return CompoundProblem(st);
		case ES_VOL:
		case ES_TE:
			{
				const char *problem = SquaresProblem(st, 0, 1);

				return problem ? problem :
					PeriodsProblem(st, 2, st->mode == ES_MODE_ANNUAL);
			}
		case ES_BETA:
			return SquaresProblem(st, 0, 2);
		case ES_CORR:
			return CorrProblem(st);
		case ES_ANNRET:
			{
				const char *problem = CompoundProblem(st);

				return problem ? problem : PeriodsProblem(st, 2, true);
			}
		case ES_COMPOUND_MIN:
			{
				/* min_periods is at least 1 in every row */
				const char *problem = CompoundProblem(st);

				if (problem == NULL && (SumSign(st, 2) <= 0 || SumSign(st, 3) <= 0))
					problem = "The sums of min_periods are not positive.";
				return problem;
			}
		case ES_DTS:
		case ES_WMEAN:
		case ES_NKINDS:
			return NULL;
	}
	return NULL;
}

/* Checks the header and layout of a state; kind 0 accepts any kind. */
static void
CheckState(FunctionCallInfo fcinfo, const ExactSum *st, int kind,
		   const char *dflt)
{
	Size		size = VARSIZE(st);
	const char *p;
	const char *end = (const char *) st + size;
	const char *problem;

	if (size < sizeof(ExactSum) || st->magic != ES_MAGIC)
		ReportMalformed(fcinfo, dflt, "The value is not an exactsum state.");
	if (st->version != ES_VERSION)
		ReportMalformed(fcinfo, dflt,
						psprintf("Unsupported state version %d.", st->version));
	if (st->kind <= 0 || st->kind >= ES_NKINDS ||
		st->nsums != es_kinds[st->kind].nsums ||
		st->mode >= es_kinds[st->kind].nmodes ||
		st->reserved != 0 || st->count < 0)
		ReportMalformed(fcinfo, dflt, "Inconsistent state header.");
	if (kind != 0 && st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: state of a %s aggregate cannot be used here",
						ta_funcname(fcinfo, dflt), es_kinds[st->kind].name)));
	p = (const char *) st + sizeof(ExactSum);
	for (int i = 0; i < st->nsums; i++)
	{
		const XSum *a = (const XSum *) p;

		problem = xsum_check(a, end - p);
		if (problem == NULL)
			problem = xsum_check_chunks(a);
		if (problem != NULL)
			ReportMalformed(fcinfo, dflt,
							psprintf("Accumulator %d: %s.", i, problem));
		p += xsum_size(a->n);
	}
	if (p != end)
		ReportMalformed(fcinfo, dflt, "Trailing bytes after the last accumulator.");
	problem = es_invariant_problem(st);
	if (problem != NULL)
		ReportMalformed(fcinfo, dflt, problem);
}

/* es_getarg's slow path: detoast, copy outside an aggregate, validate. */
ExactSum *
es_getarg_slow(FunctionCallInfo fcinfo, int argno, int kind, const char *fname)
{
	ExactSum   *st;

	if (PG_ARGISNULL(argno))
		return NULL;
	if (AggCheckCallContext(fcinfo, NULL))
		st = (ExactSum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	else
		st = (ExactSum *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
	CheckState(fcinfo, st, kind, fname);
	return st;
}

/*
 * Remembers st, returned by a transition function, in the set of states it
 * returned (EsSeen in fn_extra); only inside an aggregate, where the
 * executor passes the state back unchanged.  The set doubles from 64 slots
 * while it is at most half full, up to ES_SEEN_MAX states, and is then
 * emptied (a state not found is checked in full, then remembered again).
 */
void
es_remember(FunctionCallInfo fcinfo, const void *st)
{
	EsSeen	   *seen = (EsSeen *) fcinfo->flinfo->fn_extra;
	uint32		i;

	if (!es_in_aggregate(fcinfo))
		return;
	if (seen == NULL || 2 * (seen->nused + 1) > seen->mask + 1)
	{
		uint32		slots = seen == NULL ? 64 : 2 * (seen->mask + 1);
		EsSeen	   *grown;

		if (slots > 2 * ES_SEEN_MAX)
			slots = 2 * ES_SEEN_MAX;
		grown = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									   offsetof(EsSeen, slots) +
									   slots * sizeof(const void *));
		grown->mask = slots - 1;
		if (seen != NULL && slots > seen->mask + 1)
		{
			/* rehash the old set into the larger one */
			for (uint32 k = 0; k <= seen->mask; k++)
			{
				if (seen->slots[k] == NULL)
					continue;
				for (i = es_seen_slot(grown, seen->slots[k]);
					 grown->slots[i] != NULL; i = (i + 1) & grown->mask)
					;
				grown->slots[i] = seen->slots[k];
				grown->nused++;
			}
		}
		if (seen != NULL)
			pfree(seen);
		seen = grown;
		fcinfo->flinfo->fn_extra = seen;
	}
	seen->last = st;
	for (i = es_seen_slot(seen, st); seen->slots[i] != NULL;
		 i = (i + 1) & seen->mask)
		if (seen->slots[i] == st)
			return;
	seen->slots[i] = st;
	seen->nused++;
}

/* A new, empty state. */
ExactSum *
es_create(int kind, int mode)
{
	int			nsums = es_kinds[kind].nsums;
	Size		size = sizeof(ExactSum);
	ExactSum   *st;

	for (int i = 0; i < nsums; i++)
		size += xsum_size(es_kinds[kind].chunks[i]);
	st = palloc0(size);

	SET_VARSIZE(st, size);
	st->magic = ES_MAGIC;
	st->version = ES_VERSION;
	st->kind = kind;
	st->nsums = nsums;
	st->mode = mode;
	for (int i = 0; i < nsums; i++)
		xsum_init(es_sum(st, i), es_kinds[kind].chunks[i]);
	return st;
}

/*
 * A copy of st whose accumulator i has a window of needed chunks (chosen by
 * es_grow_apply).  The copy is made in
 * CurrentMemoryContext: an aggregate's executor moves a returned state that
 * is not the one it passed into the aggregate's context and frees the old.
 */
static ExactSum *
GrowState(ExactSum *st, int i, int needed)
{
	XSum	   *old = es_sum(st, i);
	int			n = needed;
	Size		size = VARSIZE(st) + xsum_size(n) - xsum_size(old->n);
	ExactSum   *ns = palloc(size);

	Assert(needed > old->n && needed <= XSUM_MAX_CHUNKS);
	memcpy(ns, st, sizeof(ExactSum));
	SET_VARSIZE(ns, size);
	for (int k = 0; k < st->nsums; k++)
	{
		XSum	   *src = es_sum(st, k);
		XSum	   *dst = es_sum(ns, k);	/* sums before k are in place */

		if (k == i)
			xsum_copy(dst, n, src);
		else
			memcpy(dst, src, xsum_size(src->n));
	}
	return ns;
}

/* Applies t to a; returns the numeric core's answer. */
int
es_apply(XSum *a, const EsTerm *t)
{
	switch (t->op)
	{
		case ES_OP_ADD:
			return xsum_add(a, t->x);
		case ES_OP_ADD_PROD:
			return xsum_add_prod(a, t->x, t->y);
		case ES_OP_ADD_PROD3:
			return xsum_add_prod3(a, t->x, t->y, t->z);
		case ES_OP_ADD3:
			return xsum_add3(a, t->x, t->y, t->z);
		case ES_OP_MERGE:
			return xsum_merge(a, t->b);
	}
	pg_unreachable();
}

/*
 * "Add, grow, add again", written once: the window doubles (at least to
 * what the core asked for), so a growing range costs few copies.
 */
XSum *
es_grow_apply(XSum *a, int need, const EsTerm *t, EsGrowFn grow, void *ctx,
			  FunctionCallInfo fcinfo, const char *dflt)
{
	if (need > 0 && need <= XSUM_MAX_CHUNKS)
	{
		a = grow(ctx, a, Max(need, Min(a->n * 2, XSUM_MAX_CHUNKS)));
		need = es_apply(a, t);
	}
	/* the name is looked up only for the error */
	if (need != 0)
		ta_report_sum_range(ta_funcname(fcinfo, dflt));
	return a;
}

/* Where an accumulator of a state lives, for StateGrow. */
typedef struct StateSlot
{
	ExactSum   *st;
	int			i;
} StateSlot;

/* EsGrowFn of a state's accumulator: the state is copied (GrowState). */
static XSum *
StateGrow(void *ctx, XSum *a, int n)
{
	StateSlot  *slot = (StateSlot *) ctx;

	(void) a;
	slot->st = GrowState(slot->st, slot->i, n);
	return es_sum(slot->st, slot->i);
}

/*
 * The slow path of es_add and its siblings, and of es_subtract's merges:
 * grows accumulator i and applies t again.  The term comes by value, so
 * that the callers' hot paths take no address of a local.
 */
ExactSum *
es_add_slow(FunctionCallInfo fcinfo, ExactSum *st, int i, int need,
			EsTerm t)
{
	StateSlot	slot = {st, i};

	es_grow_apply(es_sum(st, i), need, &t, StateGrow, &slot, fcinfo, NULL);
	return slot.st;
}

/* A new standalone accumulator. */
XSum *
es_acc_new(void)
{
	XSum	   *a = palloc(xsum_size(XSUM_DEFAULT_CHUNKS));

	xsum_init(a, XSUM_DEFAULT_CHUNKS);
	return a;
}

/* EsGrowFn of a standalone accumulator: a larger copy. */
XSum *
es_acc_grow(void *ctx, XSum *a, int n)
{
	XSum	   *na = palloc(xsum_size(n));

	(void) ctx;
	xsum_copy(na, n, a);
	pfree(a);
	return na;
}

/* A standalone accumulator rounded to double. */
double
es_acc_round(const XSum *a, const char *fname)
{
	double		r;

	if (xsum_round(a, &r) == XSUM_OVERFLOW)
		ta_report_out_of_range(fname);
	return r;
}

/* a + b, exactly; a is changed in place when it has room. */
static ExactSum *
MergeExactSums(FunctionCallInfo fcinfo, ExactSum *a, ExactSum *b)
{
	int64		count;

	if (pg_add_s64_overflow(a->count, b->count, &count))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: row count out of range for type bigint",
						ta_funcname(fcinfo, "_exactsum_combine")),
				 errdetail("The states hold " INT64_FORMAT " and " INT64_FORMAT " rows.",
						   a->count, b->count)));
	for (int i = 0; i < a->nsums; i++)
	{
		EsTerm		t = {ES_OP_MERGE, 0, 0, 0, es_sum(b, i)};
		int			need = es_apply(es_sum(a, i), &t);

		if (need != 0)
		{
			StateSlot	slot = {a, i};

			es_grow_apply(es_sum(a, i), need, &t, StateGrow, &slot,
						  fcinfo, "_exactsum_combine");
			a = slot.st;
		}
	}
	a->count = count;
	return a;
}

/*
 * Combine function of every exactsum aggregate: empty partials first, then
 * an exact merge, so the result does not depend on how rows were split.
 */
Datum
exactsum_combine(PG_FUNCTION_ARGS)
{
	ExactSum   *a = es_getarg(fcinfo, 0, 0, "_exactsum_combine");
	ExactSum   *b;

	if (PG_ARGISNULL(1))
	{
		if (a == NULL)
			PG_RETURN_NULL();
		TA_RETURN_STATE(a);
	}
	/* b is normalised in place by the merge: always work on a copy */
	b = (ExactSum *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(1));
	CheckState(fcinfo, b, 0, "_exactsum_combine");
	/* both sides must be of one kind and mode, even when one is empty */
	if (a != NULL && (a->kind != b->kind || a->mode != b->mode))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot combine a %s/%s state with a %s/%s state",
						ta_funcname(fcinfo, "_exactsum_combine"),
						es_kinds[a->kind].name, es_kinds[a->kind].modes[a->mode],
						es_kinds[b->kind].name, es_kinds[b->kind].modes[b->mode])));
	/* then the empty partials */
	if (a == NULL || a->count == 0)
		TA_RETURN_STATE(b);
	if (b->count == 0)
		TA_RETURN_STATE(a);
	TA_RETURN_STATE(MergeExactSums(fcinfo, a, b));
}

/* sum[inum]^pnum / sum[iden]^pden; false when the denominator is zero. */
bool
es_ratio(ExactSum *st, int inum, int pnum, int iden, int pden,
		 const char *fname, double *result)
{
	int			rc = xsum_ratio(es_sum(st, inum), pnum, es_sum(st, iden), pden,
								result);

	if (rc == XSUM_DIVZERO)
		return false;
	if (rc == XSUM_OVERFLOW)
		ta_report_out_of_range(fname);
	return true;
}

/* Accumulator i rounded to double. */
double
es_round(ExactSum *st, int i, const char *fname)
{
	double		r;

	if (xsum_round(es_sum(st, i), &r) == XSUM_OVERFLOW)
		ta_report_out_of_range(fname);
	return r;
}

/* An inverse transition function's state must hold a row to remove. */
void
es_inv_check(FunctionCallInfo fcinfo, const ExactSum *st, const char *dflt)
{
	if (unlikely(st == NULL || st->count == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: the state holds no row to remove",
						ta_funcname(fcinfo, dflt))));
}

/*
 * A state whose accumulators hold no more chunks than their values need
 * (and at least the kind's initial window): st itself when it is already
 * so, unless copy asks for a new state in any case.
 */
static ExactSum *
CompactState(ExactSum *st, bool copy)
{
	const ExactSumKindInfo *info = &es_kinds[st->kind];
	int			want[ES_MAX_SUMS];
	bool		shrink = false;
	Size		size = sizeof(ExactSum);
	ExactSum   *ns;

	for (int i = 0; i < st->nsums; i++)
	{
		XSum	   *a = es_sum(st, i);

		want[i] = a->n;
		if (a->n > info->chunks[i])
		{
			want[i] = st->count == 0 ? info->chunks[i] :
				Max(info->chunks[i], xsum_fit(a));
			shrink |= want[i] < a->n;
		}
	}
	if (!shrink && !copy)
		return st;
	for (int i = 0; i < st->nsums; i++)
		size += xsum_size(want[i]);
	ns = palloc(size);
	memcpy(ns, st, sizeof(ExactSum));
	SET_VARSIZE(ns, size);
	for (int i = 0; i < st->nsums; i++)
		xsum_compact(es_sum(ns, i), want[i], es_sum(st, i));
	return ns;
}

/* A compact copy of a state (a summary's stored value): see CompactState. */
ExactSum *
es_compact(ExactSum *st)
{
	return CompactState(st, true);
}

/*
 * Rows removed (their terms already subtracted, the count lowered): a
 * compact copy when an accumulator is wider than the rows left need, the
 * kind's invariants checked outside a window.
 */
static ExactSum *
AfterRemoval(FunctionCallInfo fcinfo, ExactSum *st, const char *dflt)
{
	st = CompactState(st, false);
	if (AggCheckCallContext(fcinfo, NULL) != AGG_CONTEXT_WINDOW)
	{
		const char *problem = es_invariant_problem(st);

		if (problem != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: the row removed was not in the state",
							ta_funcname(fcinfo, dflt)),
					 errdetail("%s", problem)));
	}
	return st;
}

/* One row fewer (its terms already subtracted): see AfterRemoval. */
ExactSum *
es_removed(FunctionCallInfo fcinfo, ExactSum *st, const char *dflt)
{
	st->count--;
	return AfterRemoval(fcinfo, st, dflt);
}

/*
 * a - b, exactly, for a summary b of rows that a holds (a window frame
 * whose start passes a stored summary): both of one kind and mode, and b
 * of no more rows than a; a is changed in place when it has room.
 */
ExactSum *
es_subtract(FunctionCallInfo fcinfo, ExactSum *a, ExactSum *b,
			const char *dflt)
{
	if (a->kind != b->kind || a->mode != b->mode)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot remove a %s/%s state from a %s/%s state",
						ta_funcname(fcinfo, dflt),
						es_kinds[b->kind].name, es_kinds[b->kind].modes[b->mode],
						es_kinds[a->kind].name, es_kinds[a->kind].modes[a->mode])));
	if (b->count > a->count)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot remove a state of " INT64_FORMAT " rows from one of " INT64_FORMAT,
						ta_funcname(fcinfo, dflt), b->count, a->count)));
	for (int i = 0; i < a->nsums; i++)
	{
		XSum	   *nb = es_sum(b, i);
		XSum	   *neg = palloc(xsum_size(nb->n));
		EsTerm		t = {ES_OP_MERGE, 0, 0, 0, neg};
		int			need;

		memcpy(neg, nb, xsum_size(nb->n));
		xsum_negate(neg);
		need = es_apply(es_sum(a, i), &t);
		if (need != 0)
			a = es_add_slow(fcinfo, a, i, need, t);
		pfree(neg);
	}
	a->count -= b->count;
	return AfterRemoval(fcinfo, a, dflt);
}

/* Summary aggregates of each kind, for messages (exactsum_summary_read). */
static const char *const es_summary_names[ES_NKINDS] = {
	[ES_HHI] = "hhi_summary",
	[ES_DTS] = "dts_summary",
	[ES_WMEAN] = "weighted_mean_summary",
	[ES_IMULT] = "index_multiple_summary",
	[ES_COMPOUND] = "compound_return_summary",
	[ES_VOL] = "volatility_summary",
	[ES_TE] = "tracking_error_summary",
	[ES_BETA] = "beta_summary",
	[ES_CORR] = "correlation_summary",
	[ES_ANNRET] = "annualized_return_summary",
	[ES_COMPOUND_MIN] = "compound_return_summary",
};

/*
 * Before an accessor reads the summary in argument argno: a summary of
 * another kind is refused naming the accessor (fname) and the aggregate
 * that made it.  The argument is detoasted once, here, for the reader.
 */
void
es_check_summary(FunctionCallInfo fcinfo, int argno, int kind,
				 const char *fname)
{
	const ExactSum *st;

	if (PG_ARGISNULL(argno))
		return;
	st = (const ExactSum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	fcinfo->args[argno].value = PointerGetDatum(st);
	if (VARSIZE(st) >= sizeof(ExactSum) && st->magic == ES_MAGIC &&
		st->version == ES_VERSION && st->kind > 0 && st->kind < ES_NKINDS &&
		st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot read a summary made by %s",
						fname, es_summary_names[st->kind]),
				 errhint("%s reads the summaries that %s makes, and rollup of them.",
						 fname, es_summary_names[kind])));
}

/* Looks name up among n names (exact match); -1 when absent. */
static int
FindName(const char *const *names, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++)
		if (names[i] != NULL && strlen(names[i]) == len &&
			memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

/* The next ';'-separated field of [*p, end); advances *p past it. */
static const char *
NextExactSumField(const char **p, const char *end, size_t *len)
{
	const char *s = *p;
	const char *semi = memchr(s, ';', end - s);

	*len = (semi ? semi : end) - s;
	*p = semi ? semi + 1 : end;
	return s;
}

/* Rejects text or binary input, quoting (the start of) the input. */
ta_noreturn static void
ReportBadInput(const char *str, size_t slen, int sqlstate, const char *detail)
{
	/* text input is quoted, cut at a character boundary; bytes are not */
	if (sqlstate == ERRCODE_INVALID_TEXT_REPRESENTATION)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid input syntax for type exactsum: \"%s\"",
						ta_input_excerpt(str, slen, 80)),
				 errdetail("%s", detail)));
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("_exactsum_recv: invalid binary input for type exactsum"),
			 errdetail("%s", detail)));
}

/* Parses the text form; errors carry sqlstate (22P02 or 22P03). */
static ExactSum *
ParseExactSum(const char *str, size_t slen, int sqlstate)
{
	const char *p = str;
	const char *end = str + slen;
	const char *f;
	size_t		len;
	int			kind;
	int			mode;
	int64		count;
	char		buf[32];
	char	   *endptr;
	ExactSum   *st;
	Size		size;
	int			needed[ES_MAX_SUMS];
	const char *errmsg_core = NULL;
	const char *sums[ES_MAX_SUMS];
	size_t		sumlens[ES_MAX_SUMS];

	f = NextExactSumField(&p, end, &len);
	if (len != 1 || f[0] != '1')
		ReportBadInput(str, slen, sqlstate, "Unsupported format version.");

	f = NextExactSumField(&p, end, &len);
	kind = -1;
	for (int k = 1; k < ES_NKINDS; k++)
		if (strlen(es_kinds[k].name) == len && memcmp(es_kinds[k].name, f, len) == 0)
			kind = k;
	if (kind < 0)
		ReportBadInput(str, slen, sqlstate, "Unknown state kind.");

	f = NextExactSumField(&p, end, &len);
	mode = FindName(es_kinds[kind].modes, es_kinds[kind].nmodes, f, len);
	if (mode < 0)
		ReportBadInput(str, slen, sqlstate, "Unknown mode.");

	f = NextExactSumField(&p, end, &len);
	if (len == 0 || len >= sizeof(buf) || f[0] == '-' || f[0] == '+')
		ReportBadInput(str, slen, sqlstate, "Bad row count.");
	memcpy(buf, f, len);
	buf[len] = '\0';
	errno = 0;
	count = strtoll(buf, &endptr, 10);
	if (errno != 0 || *endptr != '\0')
		ReportBadInput(str, slen, sqlstate, "Bad row count.");

	/* first pass: validate every accumulator and learn its window size */
	size = sizeof(ExactSum);
	for (int i = 0; i < es_kinds[kind].nsums; i++)
	{
		if (p >= end && i < es_kinds[kind].nsums)
			ReportBadInput(str, slen, sqlstate, "Too few accumulators.");
		sums[i] = NextExactSumField(&p, end, &sumlens[i]);
		if (xsum_from_text(sums[i], sumlens[i], NULL, &needed[i],
						   &errmsg_core) != (int) sumlens[i])
			ReportBadInput(str, slen, sqlstate,
					   errmsg_core ? errmsg_core : "Bad accumulator.");
		needed[i] = Max(needed[i], es_kinds[kind].chunks[i]);
		size += xsum_size(needed[i]);
	}
	if (p != end || (slen > 0 && str[slen - 1] == ';'))
		ReportBadInput(str, slen, sqlstate, "Too many fields.");

	/* second pass: fill */
	st = palloc0(size);
	SET_VARSIZE(st, size);
	st->magic = ES_MAGIC;
	st->version = ES_VERSION;
	st->kind = kind;
	st->nsums = es_kinds[kind].nsums;
	st->mode = mode;
	st->count = count;
	for (int i = 0; i < st->nsums; i++)
	{
		XSum	   *a = es_sum(st, i);
		int			n2;

		xsum_init(a, needed[i]);
		if (xsum_from_text(sums[i], sumlens[i], a, &n2, &errmsg_core) != (int) sumlens[i])
			ReportBadInput(str, slen, sqlstate, "Bad accumulator.");
	}
	errmsg_core = es_invariant_problem(st);
	if (errmsg_core != NULL)
		ReportBadInput(str, slen, sqlstate, errmsg_core);
	return st;
}

/* Text input. */
Datum
exactsum_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	TA_RETURN_STATE(ParseExactSum(str, strlen(str),
								 ERRCODE_INVALID_TEXT_REPRESENTATION));
}

/* Writes the text form into a StringInfo. */
static void
FormatExactSum(ExactSum *st, StringInfo out, const char *fname)
{
	appendStringInfo(out, "1;%s;%s;" INT64_FORMAT,
					 es_kinds[st->kind].name,
					 es_kinds[st->kind].modes[st->mode], st->count);
	for (int i = 0; i < st->nsums; i++)
	{
		XSum	   *a = es_sum(st, i);

		/* a sum its text form cannot hold would not read back */
		if (!xsum_in_range(a))
			ta_report_sum_range(fname);
		appendStringInfoChar(out, ';');
		enlargeStringInfo(out, xsum_text_max(a) + 1);
		out->len += xsum_to_text(a, out->data + out->len);
	}
}

/* Text output. */
Datum
exactsum_out(PG_FUNCTION_ARGS)
{
	ExactSum   *st = (ExactSum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData out;

	CheckState(fcinfo, st, 0, "_exactsum_out");
	initStringInfo(&out);
	FormatExactSum(st, &out, "_exactsum_out");
	PG_RETURN_CSTRING(out.data);
}

/* Binary input: the text form as bytes. */
Datum
exactsum_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *s = buf->data + buf->cursor;
	size_t		len = buf->len - buf->cursor;

	buf->cursor = buf->len;
	TA_RETURN_STATE(ParseExactSum(s, len, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

/* Binary output: the text form as bytes. */
Datum
exactsum_send(PG_FUNCTION_ARGS)
{
	ExactSum   *st = (ExactSum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData out;

	CheckState(fcinfo, st, 0, "_exactsum_send");
	initStringInfo(&out);
	FormatExactSum(st, &out, "_exactsum_send");
	PG_RETURN_BYTEA_P(cstring_to_text_with_len(out.data, out.len));
}
