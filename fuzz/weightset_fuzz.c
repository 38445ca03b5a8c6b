/*
 * weightset_fuzz.c
 *	  libFuzzer target for the weightset type (src/weightset.c): text and
 *	  binary input, output, combine, and the transition and final functions
 *	  of top_share, share_above, count_above and active_share on decoded
 *	  states.  The checks are in statefuzz.h.
 *
 * Byte program (after the mode byte), one operation per group of bytes:
 *	op, v1, v2, v3		op % 8 selects the call, v1..v3 pick arguments
 *						from fuzz_values (a value byte of 0xff is NULL);
 *						n and threshold are the state's own unless v3 & 1
 */
#include "statefuzz.h"

#include "weightset.h"

extern Datum weightset_in(PG_FUNCTION_ARGS);
extern Datum weightset_out(PG_FUNCTION_ARGS);
extern Datum weightset_recv(PG_FUNCTION_ARGS);
extern Datum weightset_send(PG_FUNCTION_ARGS);
extern Datum weightset_combine(PG_FUNCTION_ARGS);
extern Datum top_share_accum(PG_FUNCTION_ARGS);
extern Datum top_share_final(PG_FUNCTION_ARGS);
extern Datum share_above_accum(PG_FUNCTION_ARGS);
extern Datum share_above_final(PG_FUNCTION_ARGS);
extern Datum count_above_final(PG_FUNCTION_ARGS);
extern Datum active_share_accum(PG_FUNCTION_ARGS);
extern Datum active_share_final(PG_FUNCTION_ARGS);

/* Shares are documented within an ulp or two of a value in [0, 1]. */
#define SHARE_HI	(1 + 0x1p-50)

static const FuzzFinal finals[] = {
	{"top_share_final", top_share_final, false, 0, SHARE_HI, false},
	{"share_above_final", share_above_final, false, 0, SHARE_HI, false},
	{"count_above_final", count_above_final, true, 0, 1, true},
	{"active_share_final", active_share_final, false, 0, SHARE_HI, false},
};

/* n of top_share and threshold of share_above, when not the state's. */
static const int32 ns[8] = {1, 2, 3, 10, 0, -1, PG_INT32_MAX, 100};
static const double thresholds[8] = {0, 0.03, 0.1, 0.5, 0x1p-1074, 0.999999999,
1e-300, 1};

/* The row count of a state. */
static int64
Count(Datum st)
{
	return ((WeightSet *) DatumGetPointer(st))->count;
}

/* An argument from a value byte: NULL for 0xff. */
static void
Arg(unsigned char b, Datum *d, bool *isnull)
{
	*isnull = (b == 0xff);
	*d = Float8GetDatum(fuzz_value(b));
}

/* One operation of the byte program on *st. */
static bool
Op(const unsigned char *ops, size_t len, size_t *i, Datum *st, bool *isnull,
   Datum other, bool other_null)
{
	unsigned char op = ops[(*i)++];
	unsigned char v[3] = {2, 2, 0};
	WeightSet  *ws = *isnull ? NULL : (WeightSet *) DatumGetPointer(*st);
	bool		own = false;
	Datum		args[3];
	bool		nulls[3];
	Datum		r;
	bool		rnull;
	bool		ok;
	int			nargs = 3;
	PGFunction	fn = NULL;

	for (int k = 0; k < 3 && *i < len; k++)
		v[k] = ops[(*i)++];
	args[0] = *st;
	nulls[0] = *isnull;
	Arg(v[0], &args[1], &nulls[1]);
	Arg(v[1], &args[2], &nulls[2]);
	/* the state's own parameter, when it is a valid state of that kind */
	own = !(v[2] & 1) && ws != NULL && VARSIZE(ws) >= sizeof(WeightSet) &&
		ws->magic == WS_MAGIC;
	switch (op & 7)
	{
		case 0:
		case 1:
			fn = top_share_accum;
			fuzz_op_label = "top_share_accum";
			nulls[2] = false;
			if (own && ws->kind == WS_TOP && ws->param >= 1 &&
				ws->param <= PG_INT32_MAX)
				args[2] = Int32GetDatum((int32) ws->param);
			else
				args[2] = Int32GetDatum(ns[(v[2] >> 1) & 7]);
			break;
		case 2:
		case 3:
			fn = share_above_accum;
			fuzz_op_label = "share_above_accum";
			nulls[2] = false;
			if (own && ws->kind == WS_ABOVE)
				args[2] = Float8GetDatum(ws->param);
			else
				args[2] = Float8GetDatum(thresholds[(v[2] >> 1) & 7]);
			break;
		case 4:
		case 5:
			fn = active_share_accum;
			fuzz_op_label = "active_share_accum";
			break;
		case 6:
		case 7:
			/* combine with itself, or with B */
			fn = weightset_combine;
			fuzz_op_label = "weightset_combine";
			nargs = 2;
			/* doubling a large state again only costs time */
			if (ws != NULL && VARSIZE(ws) > 16384)
				return true;
			if ((v[0] & 1) && !other_null)
			{
				args[1] = CopyDatum(other);
				nulls[1] = false;
			}
			else
			{
				args[1] = *isnull ? 0 : CopyDatum(*st);
				nulls[1] = *isnull;
			}
			break;
	}
	ok = CallSite(op & 7, fn, nargs, args, nulls, &r, &rnull);
	if (ok)
	{
		*st = r;
		*isnull = rnull;
	}
	return ok;
}

static const FuzzType weightset_type = {
	"weightset", weightset_in, weightset_out, weightset_recv, weightset_send,
	weightset_combine, finals, lengthof(finals), Count, Op,
};

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return FuzzState(&weightset_type, data, size);
}
