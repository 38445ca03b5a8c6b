/*
 * statefuzz.h
 *	  The driver shared by the state fuzz targets (exactsum_fuzz.c,
 *	  weightset_fuzz.c): each describes its type (input, output, send,
 *	  receive, combine and final functions, and the transition calls its
 *	  byte program makes) and this file runs the checks.
 *
 * Input: "A\nB\nOPS".  A and B are fed to the type's text input and, as
 * bytes, to its binary input; OPS is a byte program of transition and
 * combine calls, run from A's state (or from NULL when A is rejected).
 * OPS[0] & 1 runs the program as an aggregate would (AggCheckCallContext
 * true, one call site per function, an ERROR ends the group), otherwise as
 * direct SQL calls.
 *
 * Checked on every state a function accepts or returns (an abort() is a
 * finding, like a sanitizer report):
 *	- text and binary input accept the same values and build the same
 *	  bytes; errors have SQLSTATE 22P02 (text) or 22P03 (binary), and quote
 *	  the input without breaking a UTF-8 character;
 *	- out(s) reads back through in, and is canonical (out(in(out(s))) =
 *	  out(s)); send(s) is the same text and reads back through recv;
 *	- combine(a, b) and combine(b, a) both fail or give the same state;
 *	- final functions return a value in their documented range, or NULL,
 *	  or raise an error with a real SQLSTATE (never XX000, the code of an
 *	  elog can't-happen check);
 *	- no result depends on memory nobody wrote: the whole input runs twice,
 *	  with palloc filling new chunks with 0x00 and then 0xff, and every
 *	  result must have the same bytes both times.
 *
 * To look past a known defect for the ones behind it, TA_FUZZ_SKIP names
 * checks to skip (readback, range, symmetry, stale; e.g. "stale,range"),
 * and TA_FUZZ_MEMORY_ONLY skips them all: then only crashes and sanitizer
 * reports count.
 */
#ifndef TACTALLOC_STATEFUZZ_H
#define TACTALLOC_STATEFUZZ_H

#include "pgstub.h"
#include "fuzzvalues.h"

#include "lib/stringinfo.h"
#include "utils/elog.h"

#include <stdio.h>
#include <stdlib.h>

/* A final function and the range its result must be in (or NULL). */
typedef struct FuzzFinal
{
	const char *name;
	PGFunction	fn;
	bool		int8_result;	/* bigint result, else float8 */
	double		lo;				/* inclusive bounds of a non-NULL result */
	double		hi;
	bool		hi_is_count;	/* hi is the state's row count times hi */
} FuzzFinal;

/* Everything the driver needs to know about a state type. */
typedef struct FuzzType
{
	const char *name;
	PGFunction	in;
	PGFunction	out;
	PGFunction	recv;
	PGFunction	send;
	PGFunction	combine;
	const FuzzFinal *finals;
	int			nfinals;
	/* the row count of a valid state */
	int64		(*count) (Datum st);

	/*
	 * Runs one operation of the byte program at ops[*i] on *st (NULL:
	 * *isnull); returns false when the function raised an ERROR.
	 */
	bool		(*op) (const unsigned char *ops, size_t len, size_t *i,
					   Datum *st, bool *isnull, Datum other, bool other_null);
} FuzzType;

static const FuzzType *ft;		/* the type of this target */
static const char *fuzz_op_label = "";	/* the call the last operation made */

/*
 * Whether a check is switched off: TA_FUZZ_SKIP lists checks (readback,
 * range, symmetry, stale), TA_FUZZ_MEMORY_ONLY switches off all of them.
 */
static bool
Skip(const char *check)
{
	const char *list = getenv("TA_FUZZ_SKIP");

	return getenv("TA_FUZZ_MEMORY_ONLY") != NULL ||
		(list != NULL && strstr(list, check) != NULL);
}
static uint64 fuzz_digest;		/* of every result, in order */
static bool fuzz_utf8_input;	/* the current input is valid UTF-8 */

/* Adds bytes to the digest (FNV-1a). */
static void
Note(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		fuzz_digest = (fuzz_digest ^ b[i]) * UINT64CONST(0x100000001b3);
}

/*
 * The digest after each labelled step of the first run, so that the second
 * run can name the first step whose result differs.
 */
#define FUZZ_MAX_STEPS 4096
static uint64 fuzz_steps[FUZZ_MAX_STEPS];
static int	fuzz_nsteps;
static int	fuzz_pass;

/* Records (first run) or compares (second run) the digest after a step. */
static void
Step(const char *label)
{
	int			k = fuzz_nsteps++;

	if (k >= FUZZ_MAX_STEPS)
		return;
	if (fuzz_pass == 0)
		fuzz_steps[k] = fuzz_digest;
	else if (fuzz_steps[k] != fuzz_digest && !Skip("stale"))
		pgstub_fail("%s: a result depends on uninitialised memory: its bytes differ when palloc'd memory holds 0x00 or 0xff, first at step %d (%s)",
					ft->name, k, label);
}

/* Adds a varlena's bytes to the digest. */
static void
NoteDatum(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	Note(v, VARSIZE(v));
}

/* Whether s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
static bool
ValidUtf8(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		int			n;
		uint32		cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			n = 1, cp = c & 0x1f;
		else if ((c & 0xf0) == 0xe0)
			n = 2, cp = c & 0x0f;
		else if ((c & 0xf8) == 0xf0)
			n = 3, cp = c & 0x07;
		else
			return false;
		for (int k = 1; k <= n; k++)
		{
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
			(n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
			(cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += n + 1;
	}
	return true;
}

/* An ERROR a function may raise: a real SQLSTATE, valid UTF-8 text. */
static void
CheckError(const char *fname, const char *want_sqlstate)
{
	if (pgstub_error.sqlerrcode == ERRCODE_INTERNAL_ERROR)
		pgstub_fail("%s raised an internal error (XX000): %s", fname,
					pgstub_error.message);
	if (want_sqlstate != NULL &&
		strcmp(pgstub_error.sqlstate, want_sqlstate) != 0)
		pgstub_fail("%s raised SQLSTATE %s, not %s: %s", fname,
					pgstub_error.sqlstate, want_sqlstate, pgstub_error.message);
	if (fuzz_utf8_input &&
		(!ValidUtf8((const unsigned char *) pgstub_error.message,
					strlen(pgstub_error.message)) ||
		 !ValidUtf8((const unsigned char *) pgstub_error.detail,
					strlen(pgstub_error.detail))))
		pgstub_fail("%s: the message of an error on valid UTF-8 input is not valid UTF-8: %s",
					fname, pgstub_error.message);
}

/* Calls fn once from its own call site. */
static bool
Call(PGFunction fn, int nargs, const Datum *args, const bool *nulls,
	 Datum *result, bool *isnull)
{
	FmgrInfo	flinfo;

	pgstub_flinfo(&flinfo, fn, nargs);
	return pgstub_call(&flinfo, nargs, args, nulls, result, isnull);
}

/*
 * Call sites of the byte program: as an aggregate, each function keeps its
 * FmgrInfo (and so its fn_extra) from one row to the next.
 */
#define FUZZ_NSITES 16
static FmgrInfo fuzz_sites[FUZZ_NSITES];
static bool fuzz_site_ready[FUZZ_NSITES];

/* Calls fn from call site `site` of the byte program. */
static bool
CallSite(int site, PGFunction fn, int nargs, const Datum *args,
		 const bool *nulls, Datum *result, bool *isnull)
{
	Assert(site >= 0 && site < FUZZ_NSITES);
	if (!pgstub_in_aggregate)
		return Call(fn, nargs, args, nulls, result, isnull);
	if (!fuzz_site_ready[site])
	{
		pgstub_flinfo(&fuzz_sites[site], fn, nargs);
		fuzz_site_ready[site] = true;
	}
	return pgstub_call(&fuzz_sites[site], nargs, args, nulls, result, isnull);
}

/* Calls a one-argument function on a non-NULL state; false on ERROR. */
static bool
Call1(PGFunction fn, Datum st, Datum *result, bool *isnull)
{
	Datum		args[1] = {st};
	bool		nulls[1] = {false};

	return Call(fn, 1, args, nulls, result, isnull);
}

/* Text input of s (a NUL-terminated copy); false when rejected. */
static bool
InText(const char *s, size_t len, Datum *st)
{
	char	   *cs = palloc(len + 1);
	bool		isnull;

	memcpy(cs, s, len);
	cs[len] = '\0';
	if (!Call1(ft->in, CStringGetDatum(cs), st, &isnull))
	{
		CheckError("text input", "22P02");
		return false;
	}
	if (isnull)
		pgstub_fail("%s_in returned NULL", ft->name);
	return true;
}

/* Binary input of s[0..len), as the server passes it; false when rejected. */
static bool
InBinary(const char *s, size_t len, Datum *st)
{
	StringInfoData buf;
	bool		isnull;
	bool		saved = fuzz_utf8_input;
	bool		ok;

	buf.data = palloc(len + 1);
	memcpy(buf.data, s, len);
	buf.data[len] = '\0';
	buf.len = len;
	buf.maxlen = len + 1;
	buf.cursor = 0;
	fuzz_utf8_input = false;	/* binary errors do not quote */
	ok = Call1(ft->recv, PointerGetDatum(&buf), st, &isnull);
	fuzz_utf8_input = saved;
	if (!ok)
	{
		CheckError("binary input", "22P03");
		return false;
	}
	if (isnull)
		pgstub_fail("%s_recv returned NULL", ft->name);
	if (buf.cursor != buf.len)
		pgstub_fail("%s_recv left %d bytes unread", ft->name, buf.len - buf.cursor);
	return true;
}

/* Text and binary input of s[0..len): same answer, same bytes. */
static bool
Decode(const char *s, size_t len, Datum *st)
{
	Datum		bst;
	bool		ok = InText(s, len, st);
	bool		bok = InBinary(s, len, &bst);

	if (ok != bok)
		pgstub_fail("%s: text input %s \"%.*s\", binary input %s it",
					ft->name, ok ? "accepts" : "rejects", (int) len, s,
					bok ? "accepts" : "rejects");
	if (!ok)
		return false;
	if (VARSIZE(DatumGetPointer(*st)) != VARSIZE(DatumGetPointer(bst)) ||
		memcmp(DatumGetPointer(*st), DatumGetPointer(bst),
			   VARSIZE(DatumGetPointer(bst))) != 0)
		pgstub_fail("%s: text and binary input of \"%.*s\" build different bytes",
					ft->name, (int) len, s);
	NoteDatum(*st);
	Step("input function");
	return true;
}

/* out(st), which must succeed on any state a function returned. */
static char *
Out(Datum st, const char *what)
{
	Datum		r;
	bool		isnull;

	if (!Call1(ft->out, st, &r, &isnull))
		pgstub_fail("%s_out rejects a state %s: %s (%s)", ft->name, what,
					pgstub_error.message, pgstub_error.detail);
	return DatumGetCString(r);
}

/* The final functions on st: a result in range, NULL, or a clean error. */
static void
CheckFinals(Datum st, bool in_agg)
{
	bool		saved = pgstub_in_aggregate;

	pgstub_in_aggregate = in_agg;
	for (int i = 0; i < ft->nfinals; i++)
	{
		const FuzzFinal *f = &ft->finals[i];
		Datum		r;
		bool		isnull;
		double		v,
					hi = f->hi;

		if (!Call1(f->fn, st, &r, &isnull))
		{
			CheckError(f->name, NULL);
			Note(pgstub_error.sqlstate, 5);
			continue;
		}
		Note(&isnull, 1);
		if (isnull)
			continue;
		v = f->int8_result ? (double) DatumGetInt64(r) : DatumGetFloat8(r);
		Note(&v, sizeof v);
		Step(f->name);
		if (f->hi_is_count)
			hi *= (double) ft->count(st);
		if (!(v >= f->lo && v <= hi) && !Skip("range"))
		{
			pgstub_in_aggregate = false;
			pgstub_fail("%s returned %.17g, outside [%.17g, %.17g], on the state %s",
						f->name, v, f->lo, hi, Out(st, "passed to a final function"));
		}
	}
	pgstub_in_aggregate = saved;
}

/*
 * Every state a function returns reads back: out/in and send/recv round
 * trips give the same text; then, if finals, the final functions.
 */
static void
CheckState(Datum st, const char *what, bool in_agg, bool finals)
{
	bool		saved = pgstub_in_aggregate;
	char	   *t1;
	char	   *t2;
	Datum		back;
	Datum		sent;
	bool		isnull;
	bytea	   *b;

	pgstub_in_aggregate = false;	/* I/O functions run outside aggregates */
	NoteDatum(st);
	Step(what);
	t1 = Out(st, what);
	Note(t1, strlen(t1));
	Step("output function");
	if (!InText(t1, strlen(t1), &back) && Skip("readback"))
	{
		/* a known defect being fixed: look past it for others */
		pgstub_in_aggregate = saved;
		if (finals)
			CheckFinals(st, in_agg);
		return;
	}
	if (!InText(t1, strlen(t1), &back))
		pgstub_fail("%s_in rejects the output of %s_out for a state %s: \"%s\" (%s: %s)",
					ft->name, ft->name, what, t1, pgstub_error.message,
					pgstub_error.detail);
	t2 = Out(back, "read back");
	if (strcmp(t1, t2) != 0)
		pgstub_fail("%s text not canonical: \"%s\" reads back as \"%s\"",
					ft->name, t1, t2);
	if (!Call1(ft->send, st, &sent, &isnull))
		pgstub_fail("%s_send rejects a state %s: %s", ft->name, what,
					pgstub_error.message);
	b = (bytea *) DatumGetPointer(sent);
	if (VARSIZE(b) - VARHDRSZ != strlen(t1) ||
		memcmp(VARDATA(b), t1, strlen(t1)) != 0)
		pgstub_fail("%s_send differs from %s_out for \"%s\"", ft->name,
					ft->name, t1);
	if (!InBinary(VARDATA(b), VARSIZE(b) - VARHDRSZ, &back))
		pgstub_fail("%s_recv rejects what %s_send wrote: \"%s\" (%s: %s)",
					ft->name, ft->name, t1, pgstub_error.message,
					pgstub_error.detail);
	t2 = Out(back, "received");
	if (strcmp(t1, t2) != 0)
		pgstub_fail("%s: recv(send(s)) is \"%s\", s is \"%s\"", ft->name, t2, t1);
	pgstub_in_aggregate = saved;
	if (finals)
		CheckFinals(st, in_agg);
}

/* combine(a, b) (either may be NULL); false on ERROR. */
static bool
Combine(Datum a, bool anull, Datum b, bool bnull, Datum *r, bool *rnull)
{
	Datum		args[2] = {a, b};
	bool		nulls[2] = {anull, bnull};

	return Call(ft->combine, 2, args, nulls, r, rnull);
}

/* A copy of a varlena (combine may change its first argument in place). */
static Datum
CopyDatum(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	struct varlena *c = palloc(VARSIZE(v));

	memcpy(c, v, VARSIZE(v));
	return PointerGetDatum(c);
}

/* combine(a, b) and combine(b, a): the same outcome and state. */
static void
CheckCombine(Datum a, Datum b)
{
	Datum		ab,
				ba;
	bool		abnull = false,
				banull = false;
	bool		ok1 = Combine(CopyDatum(a), false, CopyDatum(b), false, &ab, &abnull);
	bool		ok2;

	if (!ok1)
		CheckError("combine(a, b)", NULL);
	ok2 = Combine(CopyDatum(b), false, CopyDatum(a), false, &ba, &banull);
	if (!ok2)
		CheckError("combine(b, a)", NULL);
	if (Skip("symmetry"))
		return;
	if (ok1 != ok2)
		pgstub_fail("%s combine: combine(a, b) %s, combine(b, a) %s for a = %s, b = %s",
					ft->name, ok1 ? "succeeds" : "fails", ok2 ? "succeeds" : "fails",
					Out(a, "decoded"), Out(b, "decoded"));
	Note(&ok1, 1);
	if (!ok1)
		return;
	if (abnull || banull)
		pgstub_fail("%s combine of two states returned NULL", ft->name);
	CheckState(ab, "returned by combine(a, b)", false, true);
	if (strcmp(Out(ab, "from combine"), Out(ba, "from combine")) != 0)
		pgstub_fail("%s combine is not commutative: combine(a, b) = %s, combine(b, a) = %s",
					ft->name, Out(ab, "from combine"), Out(ba, "from combine"));
}

/* One run of the whole input. */
static void
RunOnce(const unsigned char *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nl1 = memchr(s, '\n', size);
	size_t		alen = nl1 ? (size_t) (nl1 - s) : size;
	const char *bs = nl1 ? nl1 + 1 : NULL;
	const char *nl2 = bs ? memchr(bs, '\n', size - (bs - s)) : NULL;
	size_t		blen = bs ? (size_t) ((nl2 ? nl2 : s + size) - bs) : 0;
	const unsigned char *ops = nl2 ? (const unsigned char *) nl2 + 1 : NULL;
	size_t		opslen = ops ? size - (ops - data) : 0;
	Datum		a = 0,
				b = 0;
	bool		anull,
				bnull = true;
	bool		in_agg = opslen > 0 && (ops[0] & 1);
	size_t		i = 1;
	int			steps = 0;

	memset(fuzz_site_ready, 0, sizeof(fuzz_site_ready));

	/* text input stops at a NUL, as a C string does */
	if (memchr(s, '\0', alen) != NULL)
		alen = strlen(s);
	fuzz_utf8_input = ValidUtf8(data, alen);
	anull = !Decode(s, alen, &a);
	if (!anull)
		CheckState(a, "decoded", false, true);
	if (bs != NULL)
	{
		if (memchr(bs, '\0', blen) != NULL)
			blen = strlen(bs);
		fuzz_utf8_input = ValidUtf8((const unsigned char *) bs, blen);
		bnull = !Decode(bs, blen, &b);
		if (!bnull)
			CheckState(b, "decoded", false, true);
	}
	fuzz_utf8_input = false;
	if (!anull && !bnull)
		CheckCombine(a, b);

	/* the byte program, from A's state */
	pgstub_in_aggregate = in_agg;
	while (i < opslen && steps++ < 48)
	{
		Datum		st = anull ? 0 : (in_agg ? a : CopyDatum(a));
		bool		stnull = anull;

		if (!ft->op(ops, opslen, &i, &st, &stnull, b, bnull))
		{
			CheckError("a transition or combine call", NULL);
			Note(pgstub_error.sqlstate, 5);
			if (in_agg)
				break;			/* the group's state is gone with the query */
			continue;
		}
		/*
		 * An Agg node keeps a state returned in place; it copies a new one
		 * into its own context and frees the old.
		 */
		if (in_agg && !stnull && (anull || st != a))
		{
			Datum		kept = CopyDatum(st);

			if (!anull)
				pfree(DatumGetPointer(a));
			st = kept;
		}
		a = st;
		anull = stnull;
		/*
		 * The final functions after every step while the state is small,
		 * and at the end: their cost grows with the state, which the
		 * program can double at every step.
		 */
		if (!anull)
			CheckState(a, psprintf("returned by %s", fuzz_op_label), in_agg,
					   VARSIZE(DatumGetPointer(a)) <= 4096 ||
					   i >= opslen || steps >= 48);
	}
	pgstub_in_aggregate = false;
}

/* libFuzzer's entry point: the input twice, with two palloc fill bytes. */
static int
FuzzState(const FuzzType *type, const unsigned char *data, size_t size)
{
	uint64		first;

	ft = type;
	for (int pass = 0; pass < 2; pass++)
	{
		fuzz_pass = pass;
		fuzz_nsteps = 0;
		fuzz_digest = UINT64CONST(0xcbf29ce484222325);
		pgstub_fill_byte = pass == 0 ? 0x00 : 0xff;
		RunOnce(data, size);
		pgstub_reset();
		if (pass == 0)
			first = fuzz_digest;
		else if (fuzz_digest != first && !Skip("stale"))
			pgstub_fail("%s: a result depends on uninitialised memory (its bytes differ when palloc'd memory holds 0x00 or 0xff)",
						ft->name);
	}
	return 0;
}

#endif							/* TACTALLOC_STATEFUZZ_H */
