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

#endif							/* TACTALLOC_COMPAT_H */
