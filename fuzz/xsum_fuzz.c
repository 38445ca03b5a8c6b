/*
 * xsum_fuzz.c
 *	  libFuzzer target for the numeric core (src/xsum.c): the text decoder,
 *	  and adding, merging, rounding, ratios and the text form of decoded
 *	  accumulators.
 *
 * Input: "A\nB\nOPS": A and B are accumulator texts (as in a state's text,
 * e.g. "1.0.1.00000001"), OPS a byte program run on A (see RunOps).  Every
 * accumulator lives in a malloc'd block of exactly xsum_size(n) bytes, so
 * AddressSanitizer catches a chunk written outside the window.  Besides
 * the sanitizers, each step checks properties (an abort() is a finding):
 *
 *	- text: what xsum_from_text accepts is a valid accumulator; its text is
 *	  within xsum_text_max, reads back, and is canonical (the same text
 *	  again, whatever the window); decoding ignores the window size;
 *	- merge: a + b and b + a have the same text; a + a is a times 2
 *	  (rounding commutes with scaling by a power of two);
 *	- round: a single double, a product and a sum of a product and a double
 *	  round to what IEEE arithmetic gives (x, x*y, fma(x, y, z));
 *	- ratio: a/a = 1, a^2/a^2 = 1, x/y within one ulp, DIVZERO exactly for a
 *	  zero denominator.
 *
 * With TA_FUZZ_MEMORY_ONLY set, a text that does not read back is skipped
 * rather than reported, to look past that known defect for others.
 */
#include "xsum.h"
#include "fuzzvalues.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reports a failed property and aborts. */
static void
Fail(const char *fmt,...)
{
	va_list		args;

	fprintf(stderr, "PROPERTY FAILED: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	abort();
}

/* A new empty accumulator with a window of n chunks, exactly sized. */
static XSum *
NewSum(int n)
{
	XSum	   *a = malloc(xsum_size(n));

	if (a == NULL)
		Fail("out of memory");
	xsum_init(a, n);
	return a;
}

/* An exactly sized copy of a with a window of n >= a->n chunks. */
static XSum *
CopySum(const XSum *a, int n)
{
	XSum	   *c = malloc(xsum_size(n));

	if (c == NULL)
		Fail("out of memory");
	xsum_copy(c, n, a);
	return c;
}

/* The text of a in a malloc'd buffer of exactly xsum_text_max + 1 bytes. */
static char *
ToText(const XSum *a)
{
	size_t		max = xsum_text_max(a);
	char	   *buf = malloc(max + 1);
	size_t		len;

	if (buf == NULL)
		Fail("out of memory");
	len = xsum_to_text(a, buf);
	if (len > max || strlen(buf) != len)
		Fail("xsum_to_text wrote %zu bytes, xsum_text_max said %zu", len, max);
	if (len == 0 || strchr(",;: \t\n", buf[0]) != NULL)
		Fail("xsum_to_text wrote \"%s\": empty or a separator first", buf);
	return buf;
}

/*
 * Decodes s[0..len) into an exactly sized accumulator with extra chunks of
 * spare window; NULL when rejected.  *used gets the bytes consumed.
 */
static XSum *
Decode(const char *s, size_t len, int extra, int *used)
{
	int			needed = 0,
				n2 = 0,
				r,
				r2;
	const char *err = NULL;
	XSum	   *a;

	r = xsum_from_text(s, len, NULL, &needed, &err);
	if (r < 0)
	{
		if (err == NULL)
			Fail("xsum_from_text failed without a message");
		return NULL;
	}
	if ((size_t) r > len || (r < (int) len && s[r] != ';'))
		Fail("xsum_from_text consumed %d of %zu bytes, not up to a ';'", r, len);
	if (needed < 1 || needed > XSUM_MAX_CHUNKS)
		Fail("xsum_from_text needs a window of %d chunks", needed);
	if (needed + extra > XSUM_MAX_CHUNKS)
		extra = XSUM_MAX_CHUNKS - needed;
	a = NewSum(needed + extra);
	r2 = xsum_from_text(s, len, a, &n2, &err);
	if (r2 != r)
		Fail("xsum_from_text accepted \"%.*s\" on validation, not when filling",
			 (int) len, s);
	if ((err = xsum_check(a, xsum_size(a->n))) != NULL)
		Fail("decoded accumulator fails xsum_check: %s", err);
	*used = r;
	return a;
}

/* The text of a reads back, is canonical, and ignores the window size. */
static void
CheckText(const XSum *a, const char *what)
{
	char	   *t1 = ToText(a);
	int			used;
	XSum	   *b;
	XSum	   *wide;
	char	   *t2;
	char	   *t3;
	const char *err;

	if ((err = xsum_check(a, xsum_size(a->n))) != NULL)
		Fail("%s: accumulator fails xsum_check: %s", what, err);
	b = Decode(t1, strlen(t1), 0, &used);
	if ((b == NULL || used != (int) strlen(t1)) && getenv("TA_FUZZ_MEMORY_ONLY"))
	{
		/* a known defect being fixed: look past it for others */
		free(t1);
		free(b);
		return;
	}
	if (b == NULL || used != (int) strlen(t1))
		Fail("%s: the text \"%s\" does not read back", what, t1);
	t2 = ToText(b);
	if (strcmp(t1, t2) != 0)
		Fail("%s: text not canonical: \"%s\" reads back as \"%s\"", what, t1, t2);
	wide = CopySum(a, XSUM_MAX_CHUNKS);
	t3 = ToText(wide);
	if (strcmp(t1, t3) != 0)
		Fail("%s: text depends on the window: \"%s\" and \"%s\"", what, t1, t3);
	free(t1);
	free(t2);
	free(t3);
	free(b);
	free(wide);
}

/* Sign and range of a rounded value. */
static int
RoundChecked(const XSum *a, double *r, const char *what)
{
	int			rc = xsum_round(a, r);
	int			s = xsum_sign(a);

	if (rc != XSUM_OK && rc != XSUM_OVERFLOW)
		Fail("%s: xsum_round returned %d", what, rc);
	if (rc == XSUM_OK)
	{
		if (!isfinite(*r))
			Fail("%s: xsum_round returned %g with XSUM_OK", what, *r);
		if ((*r > 0 && s <= 0) || (*r < 0 && s >= 0) || (s == 0 && *r != 0))
			Fail("%s: xsum_round gave %a for a sum of sign %d", what, *r, s);
	}
	else if (s == 0)
		Fail("%s: xsum_round overflowed on zero", what);
	return rc;
}

/*
 * Set when an adding or merging function refused because the sum would
 * leave the range (XSUM_RANGE, a negative return; not in every version of
 * the core): the accumulator must then be unchanged.
 */
static bool refused;

/* Whether need is the core's "out of range" answer. */
static bool
OutOfRange(int need)
{
#ifdef XSUM_RANGE
	return need == XSUM_RANGE;
#else
	return false;
#endif
}

/* The window the extension grows to: doubling, at least what is needed. */
static int
Grown(int n, int need)
{
	int			d = 2 * n < XSUM_MAX_CHUNKS ? 2 * n : XSUM_MAX_CHUNKS;

	return need > d ? need : d;
}

/* a += b (b is left as is), growing a; returns the new a. */
static XSum *
MergeGrow(XSum *a, const XSum *b)
{
	XSum	   *bc = CopySum(b, b->n);
	int			need = xsum_merge(a, bc);

	refused = false;
	if (OutOfRange(need))
	{
		refused = true;
		free(bc);
		return a;
	}
	if (need != 0)
	{
		XSum	   *g;

		if (need <= a->n || need > XSUM_MAX_CHUNKS)
			Fail("xsum_merge asked for %d chunks with %d", need, a->n);
		g = CopySum(a, Grown(a->n, need));
		free(a);
		a = g;
		if ((need = xsum_merge(a, bc)) != 0)
		{
			if (!OutOfRange(need))
				Fail("xsum_merge still needs %d chunks with %d", need, a->n);
			refused = true;
		}
	}
	free(bc);
	return a;
}

/* Adds x, x*y or x*y*z (nf factors) to a, growing it. */
static XSum *
AddGrow(XSum *a, int nf, double x, double y, double z)
{
	for (int attempt = 0; attempt < 2; attempt++)
	{
		int			need = nf == 1 ? xsum_add(a, x) :
			nf == 2 ? xsum_add_prod(a, x, y) : xsum_add_prod3(a, x, y, z);
		XSum	   *g;

		if (need == 0 || OutOfRange(need))
			return a;
		if (attempt == 1 || need <= a->n || need > XSUM_MAX_CHUNKS)
			Fail("xsum_add (%d factors) asked for %d chunks with %d", nf, need, a->n);
		g = CopySum(a, Grown(a->n, need));
		free(a);
		a = g;
	}
	return a;
}

/* a + b == b + a, and the result reads back. */
static void
CheckMerge(const XSum *a, const XSum *b)
{
	XSum	   *ab = MergeGrow(CopySum(a, a->n), b);
	bool		ab_refused = refused;
	XSum	   *ba = MergeGrow(CopySum(b, b->n), a);
	char	   *t1 = ToText(ab);
	char	   *t2 = ToText(ba);

	if (ab_refused != refused)
		Fail("a + b %s, b + a %s", ab_refused ? "refused" : "done",
			 refused ? "refused" : "done");
	if (ab_refused)
	{
		char	   *ta = ToText(a);
		char	   *tb = ToText(b);

		if (strcmp(t1, ta) != 0 || strcmp(t2, tb) != 0)
			Fail("a refused merge changed its accumulator");
		free(ta);
		free(tb);
	}
	else if (strcmp(t1, t2) != 0)
		Fail("merge is not commutative: \"%s\" and \"%s\"", t1, t2);
	CheckText(ab, "a + b");
	free(t1);
	free(t2);
	free(ab);
	free(ba);
}

/* a + a is a times two: checks the doubled sum against round(a). */
static XSum *
Double(XSum *a)
{
	double		before,
				after;
	int			rc0 = RoundChecked(a, &before, "before doubling");
	int			rc1;
	char	   *t0 = ToText(a);

	a = MergeGrow(a, a);
	CheckText(a, "a + a");
	if (refused)
	{
		char	   *t1 = ToText(a);

		if (strcmp(t0, t1) != 0)
			Fail("a refused a + a changed the accumulator: \"%s\" became \"%s\"", t0, t1);
		free(t0);
		free(t1);
		return a;
	}
	free(t0);
	rc1 = RoundChecked(a, &after, "after doubling");
	if (rc0 == XSUM_OK && fabs(before) >= DBL_MIN &&
		fabs(before) <= DBL_MAX / 2)
	{
		if (rc1 != XSUM_OK || after != 2 * before)
			Fail("a + a rounds to %a (rc %d), 2 * round(a) is %a",
				 after, rc1, 2 * before);
	}
	if (rc0 == XSUM_OVERFLOW && rc1 != XSUM_OVERFLOW)
		Fail("a + a fits a double while a does not");
	return a;
}

/* round(x), round(x*y) and round(x*y + z) against IEEE arithmetic. */
static void
CheckRounding(double x, double y, double z)
{
	XSum	   *a;
	double		r,
				want;
	int			rc;

	if (!isfinite(x) || !isfinite(y) || !isfinite(z))
		return;
	a = AddGrow(NewSum(XSUM_DEFAULT_CHUNKS), 1, x, 0, 0);
	rc = RoundChecked(a, &r, "x");
	if (rc != XSUM_OK || r != x)
		Fail("round(%a) gave %a (rc %d)", x, r, rc);
	CheckText(a, "x");
	free(a);

	a = AddGrow(NewSum(XSUM_DEFAULT_CHUNKS), 2, x, y, 0);
	want = x * y;
	rc = RoundChecked(a, &r, "x*y");
	if (isinf(want) ? rc != XSUM_OVERFLOW : (rc != XSUM_OK || r != want))
		Fail("round(%a * %a) gave %a (rc %d), IEEE gives %a", x, y, r, rc, want);
	a = AddGrow(a, 1, z, 0, 0);
	want = fma(x, y, z);
	rc = RoundChecked(a, &r, "x*y + z");
	if (isinf(want) ? rc != XSUM_OVERFLOW : (rc != XSUM_OK || r != want))
		Fail("round(%a * %a + %a) gave %a (rc %d), fma gives %a",
			 x, y, z, r, rc, want);
	CheckText(a, "x*y + z");
	free(a);

	a = AddGrow(NewSum(XSUM_DEFAULT_CHUNKS), 3, x, y, z);
	RoundChecked(a, &r, "x*y*z");
	CheckText(a, "x*y*z");
	free(a);
}

/* Ratios: a/a, a²/a², x/y, and DIVZERO exactly for a zero denominator. */
static void
CheckRatios(const XSum *a, const XSum *b)
{
	double		r;
	int			rc;

	for (int p = 1; p <= 2; p++)
		for (int q = 1; q <= 2; q++)
		{
			rc = xsum_ratio(a, p, b, q, &r);
			if ((rc == XSUM_DIVZERO) != (xsum_sign(b) == 0))
				Fail("xsum_ratio(a^%d / b^%d) returned %d with sign(b) = %d",
					 p, q, rc, xsum_sign(b));
			if (rc == XSUM_OK && !isfinite(r))
				Fail("xsum_ratio returned %g with XSUM_OK", r);
			if (rc != XSUM_OK && rc != XSUM_OVERFLOW && rc != XSUM_DIVZERO)
				Fail("xsum_ratio returned %d", rc);
		}
	if (xsum_sign(a) != 0)
		for (int p = 1; p <= 2; p++)
		{
			rc = xsum_ratio(a, p, a, p, &r);
			if (rc != XSUM_OK || r != 1.0)
				Fail("xsum_ratio(a^%d / a^%d) gave %a (rc %d)", p, p, r, rc);
		}
}

/* x / y from exact sums within one ulp of the IEEE quotient. */
static void
CheckQuotient(double x, double y)
{
	XSum	   *a,
			   *b;
	double		q = x / y,
				r;
	int			rc;

	if (!isfinite(x) || !isfinite(y) || y == 0 || !isfinite(q) ||
		fabs(q) < DBL_MIN || fabs(q) > DBL_MAX / 4)
		return;
	a = AddGrow(NewSum(XSUM_DEFAULT_CHUNKS), 1, x, 0, 0);
	b = AddGrow(NewSum(XSUM_DEFAULT_CHUNKS), 1, y, 0, 0);
	rc = xsum_ratio(a, 1, b, 1, &r);
	if (rc != XSUM_OK || (r != q && r != nextafter(q, INFINITY) &&
						  r != nextafter(q, -INFINITY)))
		Fail("xsum_ratio(%a / %a) gave %a (rc %d), IEEE gives %a", x, y, r, rc, q);
	free(a);
	free(b);
}

/* Reads a double from the next 8 bytes of the program. */
static double
RawDouble(const unsigned char *p)
{
	double		d;

	memcpy(&d, p, sizeof d);
	return d;
}

/* Runs the byte program ops[0..len) on *a, with b as the other operand. */
static XSum *
RunOps(XSum *a, const XSum *b, const unsigned char *ops, size_t len)
{
	size_t		i = 0;
	int			steps = 0;

	while (i < len && steps++ < 64)
	{
		unsigned char op = ops[i++];
		double		x = i < len ? fuzz_value(ops[i]) : 1.0;
		double		y = i + 1 < len ? fuzz_value(ops[i + 1]) : 2.0;
		double		z = i + 2 < len ? fuzz_value(ops[i + 2]) : 3.0;

		switch (op & 7)
		{
			case 0:
			case 1:
			case 2:
				/* add x, x*y or x*y*z (finite values only) */
				i += (op & 7) + 1;
				if (isfinite(x) && isfinite(y) && isfinite(z))
					a = AddGrow(a, (op & 7) + 1, x, y, z);
				break;
			case 3:
				/* a * 2^k, 1 <= k <= 64, by doubling */
				for (int k = i < len ? (ops[i++] & 63) : 0; k >= 0; k--)
					a = Double(a);
				break;
			case 4:
				if (b != NULL)
				{
					CheckMerge(a, b);
					a = MergeGrow(a, b);
				}
				break;
			case 5:
				/* a raw double from the input */
				if (i + 8 <= len)
				{
					x = RawDouble(ops + i);
					i += 8;
					CheckRounding(x, 1.0, 0.0);
					if (isfinite(x))
						a = AddGrow(a, 1, x, 0, 0);
				}
				break;
			case 6:
				i += 3;
				CheckRounding(x, y, z);
				CheckQuotient(x, y);
				break;
			case 7:
				CheckRatios(a, b != NULL ? b : a);
				break;
		}
		CheckText(a, "after an operation");
	}
	return a;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nl1 = memchr(s, '\n', size);
	size_t		alen = nl1 ? (size_t) (nl1 - s) : size;
	const char *bs = nl1 ? nl1 + 1 : NULL;
	const char *nl2 = bs ? memchr(bs, '\n', size - (bs - s)) : NULL;
	size_t		blen = bs ? (size_t) ((nl2 ? nl2 : s + size) - bs) : 0;
	const unsigned char *ops = nl2 ? (const unsigned char *) nl2 + 1 : NULL;
	size_t		opslen = ops ? size - (ops - data) : 0;
	XSum	   *a;
	XSum	   *b = NULL;
	XSum	   *aw;
	int			used,
				usedw;
	double		r;

	/* the decoder alone, on any bytes */
	a = Decode(s, alen, 0, &used);
	if (a == NULL)
		return 0;
	aw = Decode(s, alen, 5, &usedw);
	if (aw == NULL || usedw != used)
		Fail("decoding depends on the window size");
	CheckText(a, "decoded");
	CheckText(aw, "decoded into a wider window");
	RoundChecked(a, &r, "decoded");
	free(aw);

	if (bs != NULL)
		b = Decode(bs, blen, 0, &used);
	if (b != NULL)
	{
		CheckText(b, "decoded b");
		CheckMerge(a, b);
		CheckRatios(a, b);
	}
	CheckRatios(a, a);
	a = RunOps(a, b, ops, opslen);
	free(a);
	free(b);
	return 0;
}
