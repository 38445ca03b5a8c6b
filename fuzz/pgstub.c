/*
 * pgstub.c
 *	  The part of the PostgreSQL backend that tactalloc's state functions
 *	  call, reduced to plain C for the fuzz harnesses (see pgstub.h).
 *
 * Each stub does what the server does for the calls tactalloc makes, and
 * no more: palloc is malloc with every chunk remembered so that a reset
 * frees them all (as a memory context reset does; each chunk is its own
 * allocation so that AddressSanitizer sees every bound); ERROR unwinds to
 * pgstub_call(); detoasting expands short-header varlenas and refuses
 * anything toasted (the harnesses never build such values).  Functions
 * that only catalog lookups need abort: the harnesses must not reach them.
 * Formatting uses the C library's vsnprintf, which AddressSanitizer checks.
 */
#include "pgstub.h"

#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* port.h routes these to src/port's implementation; use the C library's */
#undef vsnprintf
#undef snprintf
#undef vfprintf
#undef fprintf

PgStubError pgstub_error;
bool		pgstub_in_aggregate = false;
unsigned char pgstub_fill_byte = 0x7f;

/* What the server defines and tactalloc (or a header it includes) uses. */
volatile sig_atomic_t InterruptPending = false;
volatile sig_atomic_t QueryCancelPending = false;
volatile sig_atomic_t ProcDiePending = false;
volatile uint32 InterruptHoldoffCount = 0;
volatile uint32 QueryCancelHoldoffCount = 0;
volatile uint32 CritSectionCount = 0;
MemoryContext CurrentMemoryContext = NULL;
int			extra_float_digits = 1;

/* Nothing is ever pending: there is nobody to cancel the harness. */
void
ProcessInterrupts(void)
{
	InterruptPending = false;
}

/* ---------- memory ---------- */

static void **chunks;			/* every live palloc'd chunk */
static size_t nchunks;
static size_t maxchunks;

/* Remembers a new chunk. */
static void *
Track(void *p)
{
	if (p == NULL)
		pgstub_fail("out of memory");
	if (nchunks == maxchunks)
	{
		maxchunks = maxchunks ? 2 * maxchunks : 1024;
		chunks = realloc(chunks, maxchunks * sizeof(void *));
		if (chunks == NULL)
			pgstub_fail("out of memory");
	}
	chunks[nchunks++] = p;
	return p;
}

/* Index of a live chunk; a pointer palloc did not return is a bug. */
static size_t
Find(void *p, const char *caller)
{
	for (size_t i = nchunks; i-- > 0;)
		if (chunks[i] == p)
			return i;
	pgstub_fail("%s: %p is not a live palloc'd chunk", caller, p);
}

/* The server's limit on one allocation (elog, so SQLSTATE XX000). */
static void
CheckSize(Size size)
{
	if (!AllocSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
}

void *
palloc(Size size)
{
	void	   *p;

	CheckSize(size);
	p = Track(malloc(Max(size, 1)));
	memset(p, pgstub_fill_byte, size);
	return p;
}

void *
palloc0(Size size)
{
	CheckSize(size);
	return Track(calloc(1, Max(size, 1)));
}

void *
palloc_extended(Size size, int flags)
{
	return (flags & MCXT_ALLOC_ZERO) ? palloc0(size) : palloc(size);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return palloc(size);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return palloc0(size);
}

void
pfree(void *pointer)
{
	size_t		i = Find(pointer, "pfree");

	free(pointer);
	chunks[i] = chunks[--nchunks];
}

/* Like the server, the bytes past the old size are not initialised. */
void *
repalloc(void *pointer, Size size)
{
	size_t		i = Find(pointer, "repalloc");
	void	   *p;

	CheckSize(size);
	p = realloc(pointer, Max(size, 1));
	if (p == NULL)
		pgstub_fail("out of memory");
	chunks[i] = p;
	return p;
}

char *
pstrdup(const char *in)
{
	size_t		len = strlen(in);
	char	   *p = palloc(len + 1);

	memcpy(p, in, len + 1);
	return p;
}

void
pgstub_reset(void)
{
	for (size_t i = 0; i < nchunks; i++)
		free(chunks[i]);
	nchunks = 0;
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *p;

	len = strnlen(in, len);
	p = palloc(len + 1);
	memcpy(p, in, len);
	p[len] = '\0';
	return p;
}

/* A palloc'd string formatted by the C library. */
static char *
VFormat(const char *fmt, va_list args)
{
	va_list		copy;
	int			len;
	char	   *buf;

	va_copy(copy, args);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		pgstub_fail("vsnprintf failed on format \"%s\"", fmt);
	buf = palloc(len + 1);
	vsnprintf(buf, len + 1, fmt, args);
	return buf;
}

char *
psprintf(const char *fmt,...)
{
	va_list		args;
	char	   *s;

	va_start(args, fmt);
	s = VFormat(fmt, args);
	va_end(args);
	return s;
}

/* ---------- errors ---------- */

static sigjmp_buf *error_jump;	/* where an ERROR goes; NULL: nowhere */
static int	cur_elevel;
static int	cur_sqlerrcode;
static char *cur_message;
static char *cur_detail;

/* Copies a formatted string out of the palloc arena (it is reset). */
static char *
Keep(char *old, const char *fmt, va_list args)
{
	va_list		copy;
	int			len;
	char	   *buf;

	free(old);
	va_copy(copy, args);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		pgstub_fail("vsnprintf failed on format \"%s\"", fmt);
	buf = malloc(len + 1);
	if (buf == NULL)
		pgstub_fail("out of memory");
	vsnprintf(buf, len + 1, fmt, args);
	return buf;
}

bool
errstart(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;			/* notices and warnings are not kept */
	cur_elevel = elevel;
	cur_sqlerrcode = ERRCODE_INTERNAL_ERROR;	/* elog's default */
	free(cur_message);
	free(cur_detail);
	cur_message = NULL;
	cur_detail = NULL;
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

int
errcode(int sqlerrcode)
{
	cur_sqlerrcode = sqlerrcode;
	return 0;
}

int
errmsg(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	cur_message = Keep(cur_message, fmt, args);
	va_end(args);
	return 0;
}

int
errmsg_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	cur_message = Keep(cur_message, fmt, args);
	va_end(args);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	cur_detail = Keep(cur_detail, fmt, args);
	va_end(args);
	return 0;
}

int
errdetail_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	cur_detail = Keep(cur_detail, fmt, args);
	va_end(args);
	return 0;
}

/* Hints are formatted (so their arguments are checked) and dropped. */
int
errhint(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	free(Keep(NULL, fmt, args));
	va_end(args);
	return 0;
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	int			code = cur_sqlerrcode;

	if (cur_elevel > ERROR)
		pgstub_fail("FATAL or PANIC at %s:%d: %s", filename, lineno,
					cur_message ? cur_message : "");
	free(pgstub_error.message);
	free(pgstub_error.detail);
	pgstub_error.sqlerrcode = code;
	for (int i = 0; i < 5; i++)
	{
		pgstub_error.sqlstate[i] = PGUNSIXBIT(code);
		code >>= 6;
	}
	pgstub_error.sqlstate[5] = '\0';
	pgstub_error.message = cur_message ? cur_message : strdup("");
	pgstub_error.detail = cur_detail ? cur_detail : strdup("");
	cur_message = NULL;
	cur_detail = NULL;
	if (error_jump == NULL)
		pgstub_fail("ERROR outside pgstub_call at %s:%d: %s", filename, lineno,
					pgstub_error.message);
	siglongjmp(*error_jump, 1);
}

void
pgstub_fail(const char *fmt,...)
{
	va_list		args;

	fprintf(stderr, "PROPERTY FAILED: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	abort();
}

/* ---------- calling functions ---------- */

void
pgstub_flinfo(FmgrInfo *flinfo, PGFunction fn, int nargs)
{
	memset(flinfo, 0, sizeof(FmgrInfo));
	flinfo->fn_addr = fn;
	flinfo->fn_nargs = nargs;
	flinfo->fn_strict = false;
	flinfo->fn_oid = InvalidOid;
	flinfo->fn_mcxt = CurrentMemoryContext;
}

bool
pgstub_call(FmgrInfo *flinfo, int nargs, const Datum *args, const bool *nulls,
			Datum *result, bool *isnull)
{
	LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
	sigjmp_buf	jump;
	sigjmp_buf *volatile saved = error_jump;

	Assert(nargs <= FUNC_MAX_ARGS);
	InitFunctionCallInfoData(*fcinfo, flinfo, nargs, InvalidOid, NULL, NULL);
	for (int i = 0; i < nargs; i++)
	{
		fcinfo->args[i].value = args[i];
		fcinfo->args[i].isnull = nulls[i];
	}
	if (sigsetjmp(jump, 0) != 0)
	{
		error_jump = saved;
		return false;
	}
	error_jump = &jump;
	*result = flinfo->fn_addr(fcinfo);
	*isnull = fcinfo->isnull;
	error_jump = saved;
	return true;
}

/* ---------- fmgr and executor ---------- */

int
AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
	if (aggcontext)
		*aggcontext = CurrentMemoryContext;
	return pgstub_in_aggregate ? AGG_CONTEXT_AGGREGATE : 0;
}

fmAggrefPtr
AggGetAggref(FunctionCallInfo fcinfo)
{
	return NULL;
}

/* A short-header varlena as a 4-byte-header copy; toasted values abort. */
static struct varlena *
Expand(struct varlena *datum, bool copy)
{
	struct varlena *r;
	Size		len;

	if (VARATT_IS_EXTERNAL(datum) || VARATT_IS_COMPRESSED(datum))
		pgstub_fail("a harness passed a toasted value");
	if (VARATT_IS_SHORT(datum))
	{
		len = VARSIZE_SHORT(datum) - VARHDRSZ_SHORT;
		r = palloc(len + VARHDRSZ);
		SET_VARSIZE(r, len + VARHDRSZ);
		memcpy(VARDATA(r), VARDATA_SHORT(datum), len);
		return r;
	}
	if (!copy)
		return datum;
	r = palloc(VARSIZE(datum));
	memcpy(r, datum, VARSIZE(datum));
	return r;
}

struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	return Expand(datum, false);
}

struct varlena *
pg_detoast_datum_copy(struct varlena *datum)
{
	return Expand(datum, true);
}

struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	if (VARATT_IS_EXTERNAL(datum) || VARATT_IS_COMPRESSED(datum))
		pgstub_fail("a harness passed a toasted value");
	return datum;
}

/* ---------- text, StringInfo, numbers ---------- */

text *
cstring_to_text_with_len(const char *s, int len)
{
	text	   *t = palloc(len + VARHDRSZ);

	SET_VARSIZE(t, len + VARHDRSZ);
	memcpy(VARDATA(t), s, len);
	return t;
}

text *
cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, strlen(s));
}

char *
text_to_cstring(const text *t)
{
	text	   *tt = (text *) pg_detoast_datum_packed((struct varlena *) t);
	int			len = VARSIZE_ANY_EXHDR(tt);
	char	   *s = palloc(len + 1);

	memcpy(s, VARDATA_ANY(tt), len);
	s[len] = '\0';
	return s;
}

/* The server's output with the default extra_float_digits = 1: shortest. */
char *
float8out_internal(double num)
{
	char	   *s = palloc(DOUBLE_SHORTEST_DECIMAL_LEN + 1);

	double_to_shortest_decimal_buf(num, s);
	return s;
}

void
initStringInfo(StringInfo str)
{
	str->maxlen = 1024;
	str->data = palloc(str->maxlen);
	resetStringInfo(str);
}

StringInfo
makeStringInfo(void)
{
	StringInfo	str = palloc(sizeof(StringInfoData));

	initStringInfo(str);
	return str;
}

void
resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	int			newlen;

	if (needed < 0)
		elog(ERROR, "invalid string enlargement request size: %d", needed);
	if (((Size) needed) >= (MaxAllocSize - (Size) str->len))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("out of memory"),
				 errdetail("Cannot enlarge string buffer containing %d bytes by %d more bytes.",
						   str->len, needed)));
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	newlen = 2 * str->maxlen;
	while (needed > newlen)
		newlen = 2 * newlen;
	if (newlen > (int) MaxAllocSize)
		newlen = (int) MaxAllocSize;
	str->data = repalloc(str->data, newlen);
	str->maxlen = newlen;
}

/* Appends bytes (appendBinaryStringInfo's signature changed in 17). */
static void
AppendBytes(StringInfo str, const char *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

void
appendStringInfoString(StringInfo str, const char *s)
{
	AppendBytes(str, s, strlen(s));
}

void
appendStringInfoChar(StringInfo str, char ch)
{
	if (str->len + 1 >= str->maxlen)
		enlargeStringInfo(str, 1);
	str->data[str->len++] = ch;
	str->data[str->len] = '\0';
}

void
appendStringInfo(StringInfo str, const char *fmt,...)
{
	va_list		args;
	char	   *s;

	va_start(args, fmt);
	s = VFormat(fmt, args);
	va_end(args);
	appendStringInfoString(str, s);
	pfree(s);
}

/*
 * The byte length of the longest prefix of mbstr[0..len) of at most limit
 * bytes that ends on a character boundary, in the database encoding, which
 * is UTF-8 here (as in every test cluster).  Like the server, it stops at a
 * NUL byte.
 */
int
pg_mbcliplen(const char *mbstr, int len, int limit)
{
	int			clen = 0;

	while (clen < len && mbstr[clen] != '\0')
	{
		unsigned char c = (unsigned char) mbstr[clen];
		int			l = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 :
			(c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;

		if (clen + l > limit)
			break;
		clen += l;
	}
	return clen;
}

/* ---------- catalog lookups: no catalog here ---------- */

/* The harness calls functions with fn_oid InvalidOid: no such function. */
char *
get_func_name(Oid funcid)
{
	if (funcid != InvalidOid)
		pgstub_fail("get_func_name(%u) called: no catalog in the fuzz harness",
					funcid);
	return NULL;
}

bool
SearchSysCacheExists(int cacheId, Datum key1, Datum key2, Datum key3,
					 Datum key4)
{
	pgstub_fail("SearchSysCacheExists called: no catalog in the fuzz harness");
}

HeapTuple
SearchSysCache1(int cacheId, Datum key1)
{
	pgstub_fail("SearchSysCache1 called: no catalog in the fuzz harness");
}

void
ReleaseSysCache(HeapTuple tuple)
{
	pgstub_fail("ReleaseSysCache called: no catalog in the fuzz harness");
}

Oid
get_func_rettype(Oid funcid)
{
	pgstub_fail("get_func_rettype called: no catalog in the fuzz harness");
}

Oid
GetSysCacheOid(int cacheId, AttrNumber oidcol, Datum key1, Datum key2,
			   Datum key3, Datum key4)
{
	pgstub_fail("GetSysCacheOid called: no catalog in the fuzz harness");
}

char *
format_type_be(Oid type_oid)
{
	pgstub_fail("format_type_be called: no catalog in the fuzz harness");
}

ArrayType *
construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen,
				bool elmbyval, char elmalign)
{
	pgstub_fail("construct_array called: arrays are not fuzzed");
}
