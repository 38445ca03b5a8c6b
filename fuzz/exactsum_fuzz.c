/*
 * exactsum_fuzz.c
 *	  libFuzzer target for the exactsum type (src/exactsum.c): text and
 *	  binary input, output, combine, and the transition and final functions
 *	  of hhi, effective_n, dts, weighted_mean, index_multiple and
 *	  compound_return on decoded states.  The checks are in statefuzz.h.
 *
 * Byte program (after the mode byte), one operation per group of bytes:
 *	op, v1, v2, v3		op % 8 selects the call, v1..v3 pick arguments
 *						from fuzz_values (a value byte of 0xff is NULL)
 */
#include "statefuzz.h"

#include "exactsum.h"

#include "utils/builtins.h"

extern Datum exactsum_in(PG_FUNCTION_ARGS);
extern Datum exactsum_out(PG_FUNCTION_ARGS);
extern Datum exactsum_recv(PG_FUNCTION_ARGS);
extern Datum exactsum_send(PG_FUNCTION_ARGS);
extern Datum exactsum_combine(PG_FUNCTION_ARGS);
extern Datum hhi_accum(PG_FUNCTION_ARGS);
extern Datum hhi_accum_mode(PG_FUNCTION_ARGS);
extern Datum hhi_final(PG_FUNCTION_ARGS);
extern Datum effective_n_final(PG_FUNCTION_ARGS);
extern Datum dts_accum(PG_FUNCTION_ARGS);
extern Datum dts_final(PG_FUNCTION_ARGS);
extern Datum weighted_mean_accum(PG_FUNCTION_ARGS);
extern Datum weighted_mean_final(PG_FUNCTION_ARGS);
extern Datum index_multiple_accum(PG_FUNCTION_ARGS);
extern Datum index_multiple_accum_weighted(PG_FUNCTION_ARGS);
extern Datum index_multiple_final(PG_FUNCTION_ARGS);
extern Datum compound_return_accum(PG_FUNCTION_ARGS);
extern Datum compound_return_final(PG_FUNCTION_ARGS);

/* One ulp of slack where a ratio is documented within one ulp. */
#define ULP_HI	(1 + 0x1p-51)
#define ULP_LO	(1 - 0x1p-51)

static const FuzzFinal finals[] = {
	/* Σw² / (Σ|w|)² of n names: in [1/n, 1] */
	{"hhi_final", hhi_final, false, 0, ULP_HI, false},
	/* its inverse: in [1, n] */
	{"effective_n_final", effective_n_final, false, ULP_LO, ULP_HI, true},
	{"dts_final", dts_final, false, -DBL_MAX, DBL_MAX, false},
	{"weighted_mean_final", weighted_mean_final, false, -DBL_MAX, DBL_MAX, false},
	/* Σw / Σ(w·f/c) with w >= 0 and a positive denominator */
	{"index_multiple_final", index_multiple_final, false, 0, DBL_MAX, false},
	/* Π(1 + r) − 1 with r >= −1 */
	{"compound_return_final", compound_return_final, false, -1, DBL_MAX, false},
};

/* The row count of a state. */
static int64
Count(Datum st)
{
	return ((ExactSum *) DatumGetPointer(st))->count;
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
	unsigned char v[3] = {0, 2, 5};
	Datum		args[4];
	bool		nulls[4];
	Datum		r;
	bool		rnull;
	bool		ok;
	int			nargs = 2;
	PGFunction	fn = NULL;

	for (int k = 0; k < 3 && *i < len; k++)
		v[k] = ops[(*i)++];
	args[0] = *st;
	nulls[0] = *isnull;
	for (int k = 0; k < 3; k++)
		Arg(v[k], &args[k + 1], &nulls[k + 1]);
	switch (op & 7)
	{
		case 0:
			fn = hhi_accum;
			fuzz_op_label = "hhi_accum";
			break;
		case 1:
			fn = hhi_accum_mode;
			fuzz_op_label = "hhi_accum_mode";
			nargs = 3;
			nulls[2] = (v[1] == 0xff);
			args[2] = PointerGetDatum(cstring_to_text((v[1] & 1) ? "gross" : "net"));
			break;
		case 2:
			fn = dts_accum;
			fuzz_op_label = "dts_accum";
			nargs = 4;
			break;
		case 3:
			fn = weighted_mean_accum;
			fuzz_op_label = "weighted_mean_accum";
			nargs = 3;
			break;
		case 4:
			fn = index_multiple_accum;
			fuzz_op_label = "index_multiple_accum";
			nargs = 3;
			break;
		case 5:
			fn = index_multiple_accum_weighted;
			fuzz_op_label = "index_multiple_accum_weighted";
			nargs = 4;
			break;
		case 6:
			fn = compound_return_accum;
			fuzz_op_label = "compound_return_accum";
			break;
		case 7:
			/* combine with itself (doubling the sums), or with B */
			fn = exactsum_combine;
			fuzz_op_label = "exactsum_combine";
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

static const FuzzType exactsum_type = {
	"exactsum", exactsum_in, exactsum_out, exactsum_recv, exactsum_send,
	exactsum_combine, finals, lengthof(finals), Count, Op,
};

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return FuzzState(&exactsum_type, data, size);
}
