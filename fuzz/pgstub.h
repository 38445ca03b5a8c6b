/*
 * pgstub.h
 *	  What the fuzz harnesses need from fuzz/pgstub.c: the small part of the
 *	  PostgreSQL backend that tactalloc's state functions call (palloc, the
 *	  error machinery, StringInfo, detoasting), so that the extension's own
 *	  C files run in a plain process under libFuzzer and the sanitizers.
 *
 * An ERROR raised by the code under test (ereport/elog) unwinds, by
 * longjmp, to pgstub_call(), which returns false: an ERROR is a normal
 * outcome.  A sanitizer report, a crash, or an abort() raised by a
 * harness's property check is a defect.
 */
#ifndef TACTALLOC_PGSTUB_H
#define TACTALLOC_PGSTUB_H

#include "compat.h"
#include "fmgr.h"

/* The last ERROR caught by pgstub_call(). */
typedef struct PgStubError
{
	int			sqlerrcode;		/* MAKE_SQLSTATE value */
	char		sqlstate[6];	/* its five characters */
	char	   *message;		/* errmsg (malloc'd; "" when none) */
	char	   *detail;			/* errdetail (malloc'd; "" when none) */
} PgStubError;

extern PgStubError pgstub_error;

/*
 * What AggCheckCallContext() answers: false (outside an aggregate) unless a
 * harness simulates an Agg node; AggGetAggref() always returns NULL.
 */
extern bool pgstub_in_aggregate;

/*
 * Byte that palloc() fills new chunks with (palloc0 zeroes them), so that
 * running the same calls with two fill bytes shows whether a result holds
 * bytes nobody wrote (as PostgreSQL's RANDOMIZE_ALLOCATED_MEMORY does).
 */
extern unsigned char pgstub_fill_byte;

/* Frees every chunk palloc'd since the last reset (a context reset). */
extern void pgstub_reset(void);

/*
 * Calls a V1 function with nargs arguments (NULL where nulls[i]) through a
 * FunctionCallInfo built here, with flinfo (the caller keeps it between calls
 * to simulate one call site; zeroed by pgstub_flinfo).  Returns false when
 * the function raised an ERROR (details in pgstub_error), otherwise true
 * with the result in *result and *isnull.
 */
extern void pgstub_flinfo(FmgrInfo *flinfo, PGFunction fn, int nargs);
extern bool pgstub_call(FmgrInfo *flinfo, int nargs, const Datum *args,
						const bool *nulls, Datum *result, bool *isnull);

/* Reports a failed property of a harness and aborts (a fuzzer finding). */
ta_noreturn extern void pgstub_fail(const char *fmt,...) pg_attribute_printf(1, 2);

#endif							/* TACTALLOC_PGSTUB_H */
