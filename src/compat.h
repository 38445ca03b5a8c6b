/*
 * compat.h
 *	  Every PG_VERSION_NUM guard of tactalloc lives here, so the rest of the
 *	  code reads the same on PostgreSQL 13 to 18.
 */
#ifndef TACTALLOC_COMPAT_H
#define TACTALLOC_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 130000
#error "tactalloc requires PostgreSQL 13 or later"
#endif

/* varatt.h was split out of postgres.h in PostgreSQL 16 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * A function that does not return: PostgreSQL 18 replaced
 * pg_attribute_noreturn() (placed after the declarator) with pg_noreturn
 * (placed before the declaration).  ta_noreturn goes before the declaration,
 * where both forms are valid.
 */
#if PG_VERSION_NUM >= 180000
#define ta_noreturn pg_noreturn
#else
#define ta_noreturn pg_attribute_noreturn()
#endif

/*
 * Built with -DTA_USE_VALGRIND (test/valgrind does), every state a
 * transition or combine function hands back is checked by memcheck for
 * bytes that are not defined, so a report names the function that made the
 * state rather than the write that later stored it.
 */
#ifdef TA_USE_VALGRIND
#include <valgrind/memcheck.h>
#define ta_check_defined(p, len) \
	((void) VALGRIND_CHECK_MEM_IS_DEFINED((p), (len)))
#else
#define ta_check_defined(p, len) ((void) 0)
#endif

#endif							/* TACTALLOC_COMPAT_H */
