/*
 * common.h
 *	  Helpers shared by every domain of tactalloc: argument checks with the
 *	  project's error conventions, the SQL name of the calling function for
 *	  messages, and the labels of enum result types.
 */
#ifndef TACTALLOC_COMMON_H
#define TACTALLOC_COMMON_H

#include "compat.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/float.h"

#include <math.h>

/*
 * The SQL name of the aggregate being run when called from an Agg node,
 * otherwise dflt (NULL: the called function's own name): errors raised by
 * a transition function shared by several aggregates (hhi, effective_n)
 * name the one the user wrote, also when a wrapper such as Citus's
 * worker_partial_agg runs it on a worker.
 */
extern const char *ta_funcname(FunctionCallInfo fcinfo, const char *dflt);

/* 22023: "fname: argname must be finite, got v". */
ta_noreturn extern void ta_report_not_finite(const char *fname,
											 const char *argname, double v);

/* 22003: "fname: result is out of range for type double precision". */
ta_noreturn extern void ta_report_out_of_range(const char *fname);

/* 22023 or sqlstate: "fname: malformed <statetype> state", detail, hint. */
ta_noreturn extern void ta_report_malformed(const char *fname,
											const char *statetype,
											int sqlstate, const char *detail,
											const char *hint);

/* 22003: "fname: exact sum out of range" (only forged states get there). */
ta_noreturn extern void ta_report_sum_range(const char *fname);

/* Raises 22023 unless v is finite. */
static inline void
ta_check_finite(const char *fname, const char *argname, double v)
{
	if (unlikely(isnan(v) || isinf(v)))
		ta_report_not_finite(fname, argname, v);
}

/*
 * ta_check_finite for a row of an aggregate: the error names
 * ta_funcname(fcinfo, dflt), looked up only when there is an error (the
 * lookup reads the catalog, too slow for every row).
 */
#define ta_check_finite_row(fcinfo, dflt, argname, v) \
	do { \
		double		ta_v_ = (v); \
		if (unlikely(isnan(ta_v_) || isinf(ta_v_))) \
			ta_report_not_finite(ta_funcname((fcinfo), (dflt)), (argname), ta_v_); \
	} while (0)

/*
 * True when a, b and c are all finite, with one branch: x - x is 0 for a
 * finite x and NaN for NaN and infinities.  Transition functions test a
 * row with it and report which input is wrong on the slow path.
 */
static inline bool
ta_all_finite3(double a, double b, double c)
{
	return (a - a) + (b - b) + (c - c) == 0;
}

/*
 * A palloc'd excerpt of the input str (len bytes, in the server encoding) of
 * at most maxbytes bytes, cut at a character boundary and followed by "..."
 * when cut: messages that quote an input never split a character.
 */
extern char *ta_input_excerpt(const char *str, size_t len, size_t maxbytes);

/*
 * The OID of labels[idx] in the enum type the calling function returns.
 * The labels are looked up once per call site and kept in fn_extra.
 */
extern Oid	ta_enum_label(FunctionCallInfo fcinfo, const char *const *labels,
						  int nlabels, int idx);

/*
 * The elements of a one-dimensional array already checked to have no NULLs
 * (the array states of regime_track, regime_shifts, the streaks, diffusion;
 * ARR_DATA_PTR's general form trips -Wsign-compare).
 */
static inline void *
ta_array_data(ArrayType *arr)
{
	return (char *) arr + ARR_OVERHEAD_NONULLS(1);
}

/*
 * Returns a state or summary (a varlena that may be stored): in a build for
 * valgrind, memcheck first checks that every byte of it is defined (see
 * ta_check_defined).
 */
#define TA_RETURN_STATE(p) \
	do { \
		void	   *ta_ret_ = (p); \
		ta_check_defined(ta_ret_, VARSIZE(ta_ret_)); \
		PG_RETURN_POINTER(ta_ret_); \
	} while (0)

#endif							/* TACTALLOC_COMMON_H */
