/*
 * xsum_test.c
 *	  Unit tests of the numeric core (src/xsum.c) against an independent
 *	  oracle: a slow big binary integer that shares no code with xsum.c.
 *
 * Build and run:
 *	  gcc -std=c99 -O2 -Wall -Wextra -Werror -Isrc -o test/xsum_test \
 *		  test/xsum_test.c src/xsum.c -lm && ./test/xsum_test
 * The same tests must pass with another carry budget added to the line above:
 * -DXSUM_BUDGET=4 (carries propagate all the time) or -DXSUM_BUDGET=1073741824
 * (the largest safe budget; the budget tests then take over a minute).
 *
 * The oracle holds a value V as a sign-magnitude integer of 32-bit limbs,
 * value = V * 2^-OFF; doubles are decomposed with frexp(), products by
 * schoolbook multiplication, rounding is done bit by bit, ratios are checked
 * by exact comparison of cross products.  Output: one line per failed check
 * and per section, then "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L

#include "xsum.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------------
 * Test bookkeeping
 * ---------------------------------------------------------------------
 */
static int npass,
			nfail,
			nbad;				/* invariant violations inside helpers */

/* Records one test result; prints failures. */
static void
ok(int cond, const char *fmt,...)
{
	va_list		ap;

	if (cond)
	{
		npass++;
		return;
	}
	nfail++;
	printf("not ok %d - ", npass + nfail);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Records an invariant violation inside a helper (first few printed). */
static void
bad(const char *fmt,...)
{
	va_list		ap;

	if (nbad++ < 20)
	{
		printf("# violation: ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	}
}

/* xorshift64* pseudo-random numbers. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* Uniform integer in [0, n). */
static int
rndint(int n)
{
	return (int) (rnd64() % (uint64_t) n);
}

/* Random double with a random sign and a binary exponent in [elo, ehi]. */
static double
rnd_exp(int elo, int ehi)
{
	double		m = 1.0 + (double) (rnd64() >> 11) * 0x1p-53;
	double		x = ldexp(m, elo + rndint(ehi - elo + 1));

	return (rnd64() & 1) ? -x : x;
}

/* Random finite double from random bits (all exponents incl. subnormals). */
static double
rnd_bits(void)
{
	uint64_t	b = rnd64();
	uint64_t	ef = (uint64_t) rndint(2047);
	double		d;

	b = (b & 0x800FFFFFFFFFFFFFULL) | (ef << 52);
	memcpy(&d, &b, sizeof(d));
	return d;
}

/* Random subnormal (or zero) with a random sign. */
static double
rnd_sub(void)
{
	double		x = ldexp((double) (rnd64() >> 12), -1074);

	return (rnd64() & 1) ? -x : x;
}

/*
 * A factor for the fast-path test: random mantissa bits, short mantissas
 * (products that are exactly doubles, with and without a carry into the
 * 54th bit), powers of two, integers, zero and subnormals; any sign.
 */
static double
rnd_factor(void)
{
	double		x;

	switch (rndint(7))
	{
		case 0:
			x = rnd_exp(-60, 60);
			break;
		case 1:
			x = ldexp((double) (1 + rndint(1 << 20)), rndint(80) - 60);
			break;
		case 2:
			x = ldexp(1.0 + 0.5 * rndint(2), rndint(80) - 40);
			break;
		case 3:
			x = (double) (1 + rndint(100000));
			break;
		case 4:
			x = ldexp((double) ((1ULL << 52) + (rnd64() >> 37)), rndint(20) - 60);
			break;
		case 5:
			x = rnd_sub();
			break;
		default:
			x = rnd_bits();
			if (fabs(x) > 0x1p500 || fabs(x) < 0x1p-500)
				x = 0.0;
			break;
	}
	return (rnd64() & 1) ? -x : x;
}

/*
 * The inline fast paths of xsum_add, xsum_add_prod and xsum_add_square
 * leave an accumulator exactly as the general paths do, byte for byte
 * (window, budget, chunks): the same terms at the same positions.
 */
static void
test_fast_paths(void)
{
	int			n = 24;
	XSum	   *a = malloc(xsum_size(n));
	XSum	   *b = malloc(xsum_size(n));
	int			i,
				diff = 0,
				calls = 0;

	for (i = 0; i < 400000; i++)
	{
		double		x = rnd_factor(),
					y = rnd_factor();
		int			ra,
					rb;

		if (i % 2000 == 0)
		{
			xsum_init(a, rndint(2) ? n : 6);
			memcpy(b, a, xsum_size(a->n));
		}
		if (rndint(3) == 0)
		{
			ra = xsum_add(a, x);
			rb = xsum_add_any(b, x);
		}
		else if (rndint(3) == 0)
		{
			ra = xsum_add_square(a, x);
			rb = xsum_add_prod_any(b, x, x);
		}
		else
		{
			ra = xsum_add_prod(a, x, y);
			rb = xsum_add_prod_any(b, x, y);
		}
		calls++;
		if (ra != rb || memcmp(a, b, xsum_size(a->n)) != 0)
		{
			if (diff++ < 5)
				bad("fast path differs after %a * %a (%d vs %d)", x, y, ra, rb);
			xsum_init(a, n);
			memcpy(b, a, xsum_size(n));
		}
		else if (ra != 0)
		{
			/* window too small: restart both, as a caller would grow */
			xsum_init(a, n);
			memcpy(b, a, xsum_size(n));
		}
	}
	ok(diff == 0, "fast paths equal the general paths byte for byte (%d calls, %d differ)",
	   calls, diff);
	free(a);
	free(b);
}

/* ---------------------------------------------------------------------
 * The oracle: big integers, sign-magnitude, little-endian 32-bit limbs
 * ---------------------------------------------------------------------
 */
#define BL		1400
#define OFF		3456			/* value = V * 2^-OFF; a multiple of 32 */

typedef struct Big
{
	int			neg;
	int			len;
	uint32_t	d[BL];
} Big;

/* Drops leading zero limbs. */
static void
big_trim(Big *a)
{
	while (a->len > 0 && a->d[a->len - 1] == 0)
		a->len--;
	if (a->len == 0)
		a->neg = 0;
}

/* a = v. */
static void
big_set_u64(Big *a, uint64_t v)
{
	a->neg = 0;
	a->len = 0;
	while (v)
	{
		a->d[a->len++] = (uint32_t) v;
		v >>= 32;
	}
}

/* Compares magnitudes: -1, 0, +1. */
static int
big_cmp_mag(const Big *a, const Big *b)
{
	int			i;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	for (i = a->len - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* |r| = |a| + |b| (r may alias a or b). */
static void
mag_add(Big *r, const Big *a, const Big *b)
{
	int			n = a->len > b->len ? a->len : b->len,
				i;
	uint64_t	carry = 0;

	for (i = 0; i < n; i++)
	{
		uint64_t	s = carry;

		if (i < a->len)
			s += a->d[i];
		if (i < b->len)
			s += b->d[i];
		r->d[i] = (uint32_t) s;
		carry = s >> 32;
	}
	r->len = n;
	if (carry)
		r->d[r->len++] = (uint32_t) carry;
	if (r->len >= BL)
		bad("oracle overflow");
}

/* |r| = |a| - |b|, |a| >= |b| (r may alias a or b). */
static void
mag_sub(Big *r, const Big *a, const Big *b)
{
	int			i;
	int64_t		borrow = 0;

	for (i = 0; i < a->len; i++)
	{
		int64_t		s = (int64_t) a->d[i] - borrow - (i < b->len ? (int64_t) b->d[i] : 0);

		borrow = s < 0;
		r->d[i] = (uint32_t) (s + (borrow << 32));
	}
	r->len = a->len;
}

/* r = a + b, signed (r may alias a or b). */
static void
big_add(Big *r, const Big *a, const Big *b)
{
	int			aneg = a->neg,
				bneg = b->neg;

	if (aneg == bneg)
	{
		mag_add(r, a, b);
		r->neg = aneg;
	}
	else if (big_cmp_mag(a, b) >= 0)
	{
		mag_sub(r, a, b);
		r->neg = aneg;
	}
	else
	{
		mag_sub(r, b, a);
		r->neg = bneg;
	}
	big_trim(r);
}

/* r = a * 2^sh, sh >= 0 (r may alias a). */
static void
big_shl(Big *r, const Big *a, int sh)
{
	int			limbs = sh / 32,
				bits = sh % 32,
				i,
				n = a->len;

	if (n + limbs + 1 >= BL)
	{
		bad("oracle shift overflow");
		return;
	}
	r->d[n + limbs] = 0;
	for (i = n - 1; i >= 0; i--)
	{
		uint64_t	v = (uint64_t) a->d[i] << bits;

		r->d[i + limbs + 1] |= (uint32_t) (v >> 32);
		r->d[i + limbs] = (uint32_t) v;
	}
	for (i = 0; i < limbs; i++)
		r->d[i] = 0;
	r->len = n + limbs + 1;
	r->neg = a->neg;
	big_trim(r);
}

/* r = a * b (r must not alias). */
static void
big_mul(Big *r, const Big *a, const Big *b)
{
	int			i,
				j;

	if (a->len + b->len >= BL)
	{
		bad("oracle product overflow");
		r->len = 0;
		return;
	}
	memset(r->d, 0, sizeof(uint32_t) * (size_t) (a->len + b->len + 1));
	for (i = 0; i < a->len; i++)
	{
		uint64_t	carry = 0;

		for (j = 0; j < b->len; j++)
		{
			uint64_t	t = (uint64_t) a->d[i] * b->d[j] + r->d[i + j] + carry;

			r->d[i + j] = (uint32_t) t;
			carry = t >> 32;
		}
		r->d[i + b->len] = (uint32_t) carry;
	}
	r->len = a->len + b->len;
	r->neg = a->neg != b->neg;
	big_trim(r);
}

/* Bit length of |a|. */
static int
big_bitlen(const Big *a)
{
	int			n;
	uint32_t	top;

	if (a->len == 0)
		return 0;
	top = a->d[a->len - 1];
	for (n = 0; top; n++)
		top >>= 1;
	return 32 * (a->len - 1) + n;
}

/* Bit i of |a|. */
static int
big_bit(const Big *a, int i)
{
	if (i < 0 || i / 32 >= a->len)
		return 0;
	return (a->d[i / 32] >> (i % 32)) & 1;
}

/* Whether any bit of |a| below bit i is set. */
static int
big_any_below(const Big *a, int i)
{
	int			k;

	for (k = 0; k < i && k / 32 < a->len; k++)
		if (big_bit(a, k))
			return 1;
	return 0;
}

/* A finite non-zero double as sign, integer mantissa (53 bits) and exponent. */
static void
big_from_double(Big *r, double x, int *e)
{
	int			ex;
	double		f = frexp(fabs(x), &ex);

	big_set_u64(r, (uint64_t) ldexp(f, 53));
	r->neg = x < 0;
	*e = ex - 53;
}

/* acc += x (exactly). */
static void
oracle_add(Big *acc, double x)
{
	static Big	t;
	int			e;

	if (x == 0)
		return;
	big_from_double(&t, x, &e);
	big_shl(&t, &t, e + OFF);
	big_add(acc, acc, &t);
}

/* acc += x * y (exactly). */
static void
oracle_add_prod(Big *acc, double x, double y)
{
	static Big	tx,
				ty,
				t;
	int			ex,
				ey;

	if (x == 0 || y == 0)
		return;
	big_from_double(&tx, x, &ex);
	big_from_double(&ty, y, &ey);
	big_mul(&t, &tx, &ty);
	big_shl(&t, &t, ex + ey + OFF);
	big_add(acc, acc, &t);
}

/* acc += x * y * z (exactly). */
static void
oracle_add_prod3(Big *acc, double x, double y, double z)
{
	static Big	tx,
				ty,
				tz,
				t,
				u;
	int			ex,
				ey,
				ez;

	if (x == 0 || y == 0 || z == 0)
		return;
	big_from_double(&tx, x, &ex);
	big_from_double(&ty, y, &ey);
	big_from_double(&tz, z, &ez);
	big_mul(&t, &tx, &ty);
	big_mul(&u, &t, &tz);
	big_shl(&u, &u, ex + ey + ez + OFF);
	big_add(acc, acc, &u);
}

/*
 * Rounds the oracle's value to the nearest double, bit by bit.  Returns 0,
 * or 1 on overflow.
 */
static int
oracle_round(const Big *v, double *out)
{
	int			len = big_bitlen(v),
				etop,
				rbit,
				shift,
				i;
	uint64_t	mant = 0;

	if (len == 0)
	{
		*out = 0.0;
		return 0;
	}
	etop = len - 1 - OFF;
	rbit = etop - 52 > -1074 ? etop - 52 : -1074;
	shift = rbit + OFF;
	for (i = 52; i >= 0; i--)
		mant = mant << 1 | (uint64_t) big_bit(v, shift + i);
	if (big_bit(v, shift - 1) && (big_any_below(v, shift - 1) || (mant & 1)))
		mant++;
	if (mant == ((uint64_t) 1 << 53))
	{
		mant >>= 1;
		rbit++;
	}
	if (rbit > 971)
		return 1;
	*out = ldexp((double) mant, rbit);
	if (v->neg)
		*out = -*out;
	return 0;
}

/* The documented text form, computed independently from the oracle. */
static void
oracle_text(const Big *v, char *buf)
{
	int			lo = 0,
				i;

	if (v->len == 0)
	{
		strcpy(buf, "0");
		return;
	}
	while (v->d[lo] == 0)
		lo++;
	buf += sprintf(buf, "1.%d.%d.%s", lo - OFF / 32, v->len - lo,
				   v->neg ? "-" : "");
	for (i = v->len - 1; i >= lo; i--)
		buf += sprintf(buf, "%08x", (unsigned) v->d[i]);
}

/* ---------------------------------------------------------------------
 * Accumulator helpers: growth protocol, checks of invariants
 * ---------------------------------------------------------------------
 */
static unsigned char snapshot[64 * 1024];
static int	grow_inplace;

/* A fresh accumulator with a window of n chunks. */
static XSum *
acc_new(int n)
{
	XSum	   *a = malloc(xsum_size(n));

	xsum_init(a, n);
	return a;
}

/* Grows *pa to n chunks with xsum_copy (alternately in place). */
static void
acc_grow(XSum **pa, int n)
{
	XSum	   *b;

	if ((grow_inplace ^= 1))
	{
		b = realloc(*pa, xsum_size(n));
		xsum_copy(b, n, b);
	}
	else
	{
		b = malloc(xsum_size(n));
		xsum_copy(b, n, *pa);
		free(*pa);
	}
	*pa = b;
}

/* Checks a "window too small" answer r of a call that left *a as snap. */
static void
check_refusal(const XSum *a, int r, const char *what)
{
	if (memcmp(snapshot, a, xsum_size(a->n)) != 0)
		bad("%s: accumulator changed although it returned %d", what, r);
	if (r <= a->n || r > XSUM_MAX_CHUNKS)
		bad("%s: bad window size %d (n = %d)", what, r, a->n);
}

/* Calls op (0 add, 1 prod, 2 prod3, 3 add3) on *pa, growing it when asked to. */
static void
acc_op(XSum **pa, int op, double x, double y, double z)
{
	int			r,
				tries;

	for (tries = 0; tries < 3; tries++)
	{
		memcpy(snapshot, *pa, xsum_size((*pa)->n));
		r = op == 0 ? xsum_add(*pa, x) :
			op == 1 ? xsum_add_prod(*pa, x, y) :
			op == 2 ? xsum_add_prod3(*pa, x, y, z) : xsum_add3(*pa, x, y, z);
		if (r == 0)
			return;
		check_refusal(*pa, r, "add");
		if (r <= (*pa)->n || r > XSUM_MAX_CHUNKS)
			return;
		acc_grow(pa, r);
	}
	bad("add still refused after growing");
}

/* Adds x to both the accumulator and the oracle. */
static void
both_add(XSum **pa, Big *o, double x)
{
	acc_op(pa, 0, x, 0, 0);
	oracle_add(o, x);
}

/* Adds x * y to both. */
static void
both_prod(XSum **pa, Big *o, double x, double y)
{
	acc_op(pa, 1, x, y, 0);
	oracle_add_prod(o, x, y);
}

/* Adds x * y * z to both. */
static void
both_prod3(XSum **pa, Big *o, double x, double y, double z)
{
	acc_op(pa, 2, x, y, z);
	oracle_add_prod3(o, x, y, z);
}

/* Adds x + y + z to both (xsum_add3). */
static void
both_add3(XSum **pa, Big *o, double x, double y, double z)
{
	acc_op(pa, 3, x, y, z);
	oracle_add(o, x);
	oracle_add(o, y);
	oracle_add(o, z);
}

/* *pa += b, growing *pa when asked to. */
static void
acc_merge(XSum **pa, XSum *b)
{
	int			r,
				tries;

	for (tries = 0; tries < 3; tries++)
	{
		xsum_normalize(b);
		memcpy(snapshot, *pa, xsum_size((*pa)->n));
		r = xsum_merge(*pa, b);
		if (r == 0)
			return;
		check_refusal(*pa, r, "merge");
		if (r <= (*pa)->n || r > XSUM_MAX_CHUNKS)
			return;
		acc_grow(pa, r);
	}
	bad("merge still refused after growing");
}

static char tbuf1[16384],
			tbuf2[16384];

/* Text of a, checking that the const functions leave it untouched. */
static const char *
acc_text(const XSum *a, char *buf)
{
	size_t		len,
				i;

	memcpy(snapshot, a, xsum_size(a->n));
	len = xsum_to_text(a, buf);
	if (memcmp(snapshot, a, xsum_size(a->n)) != 0)
		bad("xsum_to_text changed its input");
	if (len != strlen(buf) || len > xsum_text_max(a))
		bad("text length %zu (max %zu)", len, xsum_text_max(a));
	if (buf[0] == ',' || buf[0] == ';' || buf[0] == ':')
		bad("text starts with a separator");
	for (i = 0; i < len; i++)
		if (buf[i] == ';' || buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n')
			bad("text contains a separator or white space");
	return buf;
}

/* Whether the accumulator equals the oracle exactly (by text). */
static int
same_as_oracle(const XSum *a, const Big *o)
{
	acc_text(a, tbuf1);
	oracle_text(o, tbuf2);
	if (strcmp(tbuf1, tbuf2) != 0)
	{
		printf("# xsum   %.200s\n# oracle %.200s\n", tbuf1, tbuf2);
		return 0;
	}
	return 1;
}

/* Whether xsum_round agrees bit for bit (and in status) with the oracle. */
static int
round_as_oracle(const XSum *a, const Big *o)
{
	double		r1 = 12345.0,
				r2 = 12345.0;
	int			s1,
				s2;

	memcpy(snapshot, a, xsum_size(a->n));
	s1 = xsum_round(a, &r1);
	if (memcmp(snapshot, a, xsum_size(a->n)) != 0)
		bad("xsum_round changed its input");
	s2 = oracle_round(o, &r2);
	if (s1 != (s2 ? XSUM_OVERFLOW : XSUM_OK))
	{
		printf("# round status %d, oracle %d\n", s1, s2);
		return 0;
	}
	if (s1 == XSUM_OVERFLOW)
		return r1 == 12345.0;	/* result untouched */
	if (memcmp(&r1, &r2, sizeof(double)) != 0)
	{
		printf("# round %a, oracle %a\n", r1, r2);
		return 0;
	}
	return 1;
}

/* Rounded value of a (status checked to be OK). */
static double
rounded(const XSum *a)
{
	double		r = NAN;

	if (xsum_round(a, &r) != XSUM_OK)
		return NAN;
	return r;
}

/* ---------------------------------------------------------------------
 * Tests
 * ---------------------------------------------------------------------
 */

/* Cancellation and tiny terms. */
static void
test_basic(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	double		r;
	double		tiny = ldexp(1.0, -1074);

	acc_op(&a, 0, 1e300, 0, 0);
	acc_op(&a, 0, 1.0, 0, 0);
	acc_op(&a, 0, -1e300, 0, 0);
	ok(rounded(a) == 1.0, "1e300 + 1 - 1e300 = 1");
	ok(xsum_sign(a) == 1, "sign of 1");
	xsum_init(a, a->n);
	ok(xsum_sign(a) == 0 && rounded(a) == 0.0, "empty sum is zero");
	ok(xsum_round(a, &r) == XSUM_OK && r == 0.0 && !signbit(r), "empty rounds to +0");
	acc_op(&a, 0, tiny, 0, 0);
	acc_op(&a, 0, 1.0, 0, 0);
	ok(rounded(a) == 1.0, "2^-1074 + 1 rounds to 1");
	acc_op(&a, 0, -1.0, 0, 0);
	ok(rounded(a) == tiny, "1 + 2^-1074 - 1 = 2^-1074");
	acc_op(&a, 0, -tiny, 0, 0);
	ok(xsum_sign(a) == 0 && rounded(a) == 0.0, "back to zero");
	acc_op(&a, 0, -3.5, 0, 0);
	ok(xsum_sign(a) == -1 && rounded(a) == -3.5, "negative value");
	acc_op(&a, 0, 0.0, 0, 0);
	acc_op(&a, 0, -0.0, 0, 0);
	ok(rounded(a) == -3.5, "adding zeros changes nothing");
	free(a);
	a = acc_new(XSUM_DEFAULT_CHUNKS);
	acc_op(&a, 0, 0.0, 0, 0);
	ok(a->used == 0, "adding zero leaves an empty sum unpositioned");
	acc_op(&a, 1, 0.0, 5.0, 0);
	acc_op(&a, 2, 5.0, 0.0, 7.0);
	ok(a->used == 0 && xsum_sign(a) == 0, "zero products leave it empty");
	free(a);
}

/*
 * Ties broken by a far-away bit: 2^j (1 + 2^-53 +- 2^-d) for every alignment
 * of the top bit within a chunk and far bits in every following chunk.
 */
static void
test_sticky(void)
{
	static Big	o;
	int			j,
				d,
				sgn;

	for (j = -40; j < 40; j++)
		for (d = 54; d < 300; d += 13)
			for (sgn = -1; sgn <= 1; sgn += 2)
			{
				XSum	   *a = acc_new(2);
				double		want = ldexp(sgn > 0 ? 1.0 + DBL_EPSILON : 1.0, j);

				o.len = 0;
				o.neg = 0;
				both_add(&a, &o, ldexp(1.0, j));
				both_add(&a, &o, ldexp(1.0, j - 53));
				both_add(&a, &o, sgn * ldexp(1.0, j - d));
				ok(rounded(a) == want && round_as_oracle(a, &o),
				   "2^%d (1 + 2^-53 %c 2^-%d) rounds %s", j, sgn > 0 ? '+' : '-', d,
				   sgn > 0 ? "up" : "down");
				free(a);
			}
}

/* 10^6 alternating terms +-(1 + k eps): sum -500000 eps. */
static void
test_alternating(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	static Big	o;
	int			k,
				n = 1000000;

	o.len = 0;
	o.neg = 0;
	for (k = 0; k < n; k++)
	{
		double		t = 1.0 + k * DBL_EPSILON;

		both_add(&a, &o, (k & 1) ? -t : t);
	}
	ok(rounded(a) == -500000 * DBL_EPSILON, "alternating series sums to -500000 eps");
	ok(same_as_oracle(a, &o), "alternating series equals the oracle");
	ok(round_as_oracle(a, &o), "alternating series rounds like the oracle");
	free(a);
}

/* Kinds of random values. */
enum
{
	GEN_MID,					/* 1e-12 .. 1e12 */
	GEN_FULL,					/* any exponent, subnormals included */
	GEN_SUB,					/* subnormals */
	GEN_EDGE,					/* near DBL_MAX and near 2^-1022 */
	GEN_MIX,					/* all of the above and cancellations */
	NGEN
};

static const char *const gen_name[NGEN] = {"1e-12..1e12", "full range",
"subnormals", "range edges", "mixed"};

/* A random value of the given kind. */
static double
gen_value(int kind)
{
	switch (kind)
	{
		case GEN_MID:
			return rnd_exp(-40, 40);
		case GEN_FULL:
			return rnd_bits();
		case GEN_SUB:
			return rnd_sub();
		case GEN_EDGE:
			return rndint(2) ? rnd_exp(1010, 1023) : rnd_exp(-1030, -1015);
		default:
			return gen_value(rndint(NGEN - 1));
	}
}

/* Fills v with n values of a kind, some negated copies for cancellation. */
static void
gen_values(double *v, int n, int kind)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if (i > 0 && rndint(4) == 0)
			v[i] = -v[rndint(i)];
		else
			v[i] = gen_value(kind);
	}
}

/* Random sums of each kind compared with the oracle. */
static void
test_random_sums(void)
{
	static double v[2000];
	static Big	o;
	int			kind,
				trial,
				i;

	for (kind = 0; kind < NGEN; kind++)
	{
		int			trials = 40;

		for (trial = 0; trial < trials; trial++)
		{
			int			n = 1 + rndint(trial < 20 ? 20 : 2000);
			XSum	   *a = acc_new(1 + rndint(XSUM_DEFAULT_CHUNKS));

			gen_values(v, n, kind);
			o.len = 0;
			o.neg = 0;
			for (i = 0; i < n; i++)
				both_add(&a, &o, v[i]);
			ok(same_as_oracle(a, &o), "random sum (%s) %d of %d values exact",
			   gen_name[kind], trial, n);
			ok(round_as_oracle(a, &o), "random sum (%s) %d rounds as the oracle",
			   gen_name[kind], trial);
			free(a);
		}
	}
}

/* Rounding at the subnormal boundary and ties. */
static void
test_subnormal_rounding(void)
{
	static Big	o;
	int			trial,
				trials = 1000;

	for (trial = 0; trial < trials; trial++)
	{
		XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
		int			k,
					n = 1 + rndint(3);

		o.len = 0;
		o.neg = 0;
		for (k = 0; k < n; k++)
		{
			/* products landing around 2^-1080 .. 2^-1015 */
			double		x = rnd_exp(-560, -500);
			double		y = rnd_exp(-580, -480);

			if (rndint(3) == 0)
				y = ldexp(1.0, -1075 - ilogb(x) + rndint(3) - 1);	/* ties */
			both_prod(&a, &o, x, y);
		}
		ok(round_as_oracle(a, &o) && same_as_oracle(a, &o),
		   "rounding into the subnormal range, case %d", trial);
		free(a);
	}
}

/* Sums near DBL_MAX. */
static void
test_overflow(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	static Big	o;
	double		r = 7.0;
	double		half_ulp = ldexp(1.0, 970);

	acc_op(&a, 0, DBL_MAX, 0, 0);
	acc_op(&a, 0, DBL_MAX, 0, 0);
	ok(xsum_round(a, &r) == XSUM_OVERFLOW && r == 7.0, "DBL_MAX + DBL_MAX overflows, result untouched");
	acc_op(&a, 0, -DBL_MAX, 0, 0);
	ok(rounded(a) == DBL_MAX, "DBL_MAX + DBL_MAX - DBL_MAX = DBL_MAX");
	acc_op(&a, 0, half_ulp, 0, 0);
	ok(xsum_round(a, &r) == XSUM_OVERFLOW, "DBL_MAX + half ulp overflows (tie to even)");
	acc_op(&a, 0, -ldexp(1.0, -1074), 0, 0);
	ok(rounded(a) == DBL_MAX, "DBL_MAX + half ulp - 2^-1074 = DBL_MAX");
	xsum_init(a, a->n);
	acc_op(&a, 0, -DBL_MAX, 0, 0);
	acc_op(&a, 0, -half_ulp, 0, 0);
	ok(xsum_round(a, &r) == XSUM_OVERFLOW, "-DBL_MAX - half ulp overflows");
	acc_op(&a, 0, ldexp(1.0, 969), 0, 0);
	ok(rounded(a) == -DBL_MAX, "-DBL_MAX - quarter ulp = -DBL_MAX");
	free(a);

	/* many values near DBL_MAX, then cancelled */
	a = acc_new(4);
	o.len = 0;
	o.neg = 0;
	for (int i = 0; i < 1000; i++)
		both_add(&a, &o, rnd_exp(1020, 1023));
	ok(xsum_round(a, &r) == XSUM_OVERFLOW && round_as_oracle(a, &o), "1000 values near DBL_MAX overflow");
	for (int i = 0; i < 999; i++)
		both_add(&a, &o, -rnd_exp(1020, 1023));
	ok(same_as_oracle(a, &o) && round_as_oracle(a, &o), "near-DBL_MAX sums exact after cancellation");
	free(a);
}

/*
 * xsum_add3: the three parts of quotients to about 150 bits (the terms of
 * index_multiple's weighted yields), and any triples, with zeros and
 * subnormals, in small windows that must grow: exact, all or nothing.
 */
static void
test_add3(void)
{
	Big			o;

	o.len = 0;
	o.neg = 0;
	for (int kind = 0; kind < 4; kind++)
	{
		for (int t = 0; t < 300; t++)
		{
			XSum	   *a = acc_new(1 + rndint(XSUM_DEFAULT_CHUNKS));
			int			n = 1 + rndint(40);

			o.len = 0;
			o.neg = 0;
			for (int i = 0; i < n; i++)
			{
				double		x,
							y,
							z;

				if (kind == 0)
				{
					/* q0 + q1 + q2 of a quotient */
					double		f = rnd_exp(-30, 30),
								c = rnd_exp(-30, 30),
								r;

					if (rndint(2))
						f = -f;
					x = f / c;
					r = fma(-x, c, f);
					y = r / c;
					r = fma(-y, c, r);
					z = r / c;
				}
				else if (kind == 1)
				{
					x = rnd_exp(-40, 40);
					y = rnd_exp(-40, 40);
					z = rnd_exp(-40, 40);
				}
				else
				{
					x = rnd_bits();
					y = rndint(3) == 0 ? 0.0 : rnd_bits();
					z = rndint(3) == 0 ? rnd_sub() : rnd_bits();
				}
				if (kind == 3 && rndint(2))
				{
					double		tmp = x;

					x = z;
					z = tmp;
				}
				both_add3(&a, &o, x, y, z);
			}
			ok(same_as_oracle(a, &o) && round_as_oracle(a, &o),
			   "add3 (kind %d) %d exact and rounded as the oracle", kind, t);
			free(a);
		}
	}
}

/* Products and triple products with extreme exponents. */
static void
test_products(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	static Big	o;
	double		sub = ldexp(1.0, -1074),
				r;
	int			i,
				trials = 200;

	acc_op(&a, 1, 1e300, 1e300, 0);
	ok(xsum_round(a, &r) == XSUM_OVERFLOW, "1e300^2 is beyond the double range");
	acc_op(&a, 1, -1e300, 1e300, 0);
	ok(xsum_sign(a) == 0, "1e300^2 - 1e300^2 = 0");
	acc_op(&a, 1, 1e300, 1e300, 0);
	acc_op(&a, 0, 1.0, 0, 0);
	acc_op(&a, 1, 1e300, -1e300, 0);
	ok(rounded(a) == 1.0, "1e300^2 + 1 - 1e300^2 = 1");
	free(a);

	{
		static const double special[][3] = {
			{1e300, 1e300, 0}, {1e-300, 1e-300, 0}, {DBL_MAX, DBL_MAX, 0},
			{0x1p-1074, 0x1p-1074, 0}, {0x0.fffffffffffffp-1022, 3.0, 0}, {0x1p-1022, 0x1p-1022, 0},
			{1e300, 1e300, 1e-300}, {1e300, 1e300, 1e300}, {1e-300, 1e-300, 1e-300},
			{0x1p-1074, 0x1p-1074, 0x1p1000}, {0x1p-1074, 0x1p-1074, 0x1p-1074},
			{DBL_MAX, DBL_MAX, DBL_MAX}, {-DBL_MAX, DBL_MAX, 0x1p-1074},
			{0x0.fffffffffffffp-1022, 0x0.fffffffffffffp-1022, 0x0.fffffffffffffp-1022},
			{0.1, 0.1, 0.1}, {1.0 / 3, 3.0, 1e-300}
		};

		for (i = 0; i < (int) (sizeof(special) / sizeof(special[0])); i++)
		{
			XSum	   *b = acc_new(1);
			int			e1,
						e2;

			o.len = 0;
			o.neg = 0;
			if (special[i][2] == 0)
				both_prod(&b, &o, special[i][0], special[i][1]);
			else
				both_prod3(&b, &o, special[i][0], special[i][1], special[i][2]);
			e1 = same_as_oracle(b, &o);
			e2 = round_as_oracle(b, &o);
			ok(e1 && e2, "product %a * %a%s%a exact", special[i][0], special[i][1],
			   special[i][2] == 0 ? "" : " * ", special[i][2] == 0 ? 1.0 : special[i][2]);
			free(b);
		}
	}
	a = acc_new(XSUM_DEFAULT_CHUNKS);
	acc_op(&a, 2, 1e300, 1e300, 1e-300);
	{
		double		p = 1e300,
					q;

		/* exact value 1e300 * (1e300 * 1e-300) differs from 1e300 slightly */
		o.len = 0;
		o.neg = 0;
		oracle_add_prod3(&o, 1e300, 1e300, 1e-300);
		oracle_round(&o, &q);
		ok(rounded(a) == q && fabs(q - p) <= p * 1e-15, "1e300*1e300*1e-300 rounds correctly");
	}
	free(a);
	a = acc_new(XSUM_DEFAULT_CHUNKS);
	acc_op(&a, 2, sub, sub, 0x1p1000);
	acc_op(&a, 1, -0x1p-574, 0x1p-574, 0);
	ok(xsum_sign(a) == 0, "2^-1074 * 2^-1074 * 2^1000 = 2^-1148 exactly");
	acc_op(&a, 2, sub, sub, sub);
	ok(xsum_sign(a) == 1 && rounded(a) == 0.0, "2^-3222 is held (and rounds to 0)");
	free(a);

	for (int kind = 0; kind < 3; kind++)
	{
		for (int t = 0; t < trials; t++)
		{
			int			n = 1 + rndint(30);

			a = acc_new(1 + rndint(XSUM_DEFAULT_CHUNKS));
			o.len = 0;
			o.neg = 0;
			for (i = 0; i < n; i++)
			{
				double		x = kind == 0 ? rnd_exp(-40, 40) : rnd_bits(),
							y = kind == 0 ? rnd_exp(-40, 40) : rnd_bits(),
							z = kind == 0 ? rnd_exp(-40, 40) : rnd_bits();

				if (kind == 2 && rndint(4) == 0)
					x = rnd_sub();
				switch (rndint(3))
				{
					case 0:
						both_add(&a, &o, x);
						break;
					case 1:
						both_prod(&a, &o, x, y);
						break;
					default:
						both_prod3(&a, &o, x, y, z);
						break;
				}
			}
			ok(same_as_oracle(a, &o) && round_as_oracle(a, &o),
			   "random products (%s) %d exact and rounded as the oracle",
			   kind == 0 ? "1e-12..1e12" : kind == 1 ? "full range" : "with subnormals",
			   t);
			free(a);
		}
	}
}

/*
 * Many additions: the carry budget runs out several times.  XSUM_BUDGET is
 * the budget src/xsum.c was built with (keep the default in step with it).
 */
#ifndef XSUM_BUDGET
#define XSUM_BUDGET			(1 << 24)
#endif

/* Checks n repetitions of op (x, x, y) against n times the oracle's term. */
static void
budget_case(XSum *a, int op, long n, double x, double y, const char *what)
{
	static Big	o,
				t,
				cnt;
	long		i;
	int			r = 0;

	xsum_init(a, a->n);
	for (i = 0; i < n; i++)
		r |= op == 0 ? xsum_add(a, x) : op == 1 ? xsum_add_prod(a, x, x) :
			xsum_add_prod3(a, x, x, y);
	o.len = 0;
	o.neg = 0;
	if (op == 0)
		oracle_add(&o, x);
	else if (op == 1)
		oracle_add_prod(&o, x, x);
	else
		oracle_add_prod3(&o, x, x, y);
	big_set_u64(&cnt, (uint64_t) n);
	big_mul(&t, &o, &cnt);
	ok(r == 0 && same_as_oracle(a, &t), "%ld %s are exact", n, what);
}

/* Runs the budget cases: adds, products and triple products. */
static void
test_budget(void)
{
	XSum	   *a = acc_new(12);	/* big enough: the loops ignore growth */
	double		x = 0x1.fffffffffffffp0;	/* fills two whole chunks */
	long		n = 2L * XSUM_BUDGET + 1000;

	budget_case(a, 0, n + 12345, x, 0, "additions of 2 - 2^-52");
	budget_case(a, 0, n, -x, 0, "additions of -(2 - 2^-52)");
	budget_case(a, 1, n + 77, x, 0, "squares of 2 - 2^-52");
	budget_case(a, 1, n, -0x1.0000000000001p0, 0, "squares of -(1 + 2^-52)");
	budget_case(a, 2, n / 4 + 5, x, 0x1.ffffffffffffep0, "triple products");
	budget_case(a, 2, n / 4 + 3, -x, -0x1.0000000000003p-1, "negative triple products");
	free(a);
}

/* Windows starting at 1..6 chunks grow through the returned sizes. */
static void
test_growth(void)
{
	static Big	o;
	static double v[400];
	int			n0,
				trial;

	for (n0 = 1; n0 <= 6; n0++)
	{
		int			trials = 30;

		for (trial = 0; trial < trials; trial++)
		{
			XSum	   *a = acc_new(n0);
			int			refusals = 0;
			int			n = 1 + rndint(400),
						i;

			gen_values(v, n, trial % NGEN);
			o.len = 0;
			o.neg = 0;
			for (i = 0; i < n; i++)
			{
				int			before = a->n;

				if (i % 3 == 1)
					both_prod(&a, &o, v[i], v[i - 1]);
				else
					both_add(&a, &o, v[i]);
				refusals += a->n != before;
			}
			ok(same_as_oracle(a, &o) && round_as_oracle(a, &o) &&
			   a->n <= XSUM_MAX_CHUNKS && nbad == 0,
			   "growth from %d chunks, case %d: exact after %d refusals", n0, trial,
			   refusals);
			free(a);
		}
	}
}

/* Permutations and random merge splits give identical bits. */
static void
test_merge_and_order(void)
{
	static double v[3000];
	static char serial[16384];
	int			trial,
				trials = 60;

	for (trial = 0; trial < trials; trial++)
	{
		int			n = 1 + rndint(3000),
					parts = 1 + rndint(8),
					i,
					p;
		XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS),
				   *b = acc_new(XSUM_DEFAULT_CHUNKS),
				   *part[8],
				   *m = acc_new(1 + rndint(4));
		int			order[8];

		gen_values(v, n, trial % NGEN);
		for (i = 0; i < n; i++)
			acc_op(&a, i % 2, v[i], v[(i + 1) % n], 0);
		acc_text(a, serial);
		/* the same multiset of operations, shuffled */
		{
			int			idx[3000];

			for (i = 0; i < n; i++)
				idx[i] = i;
			for (i = n - 1; i > 0; i--)
			{
				int			j = rndint(i + 1),
							t = idx[i];

				idx[i] = idx[j];
				idx[j] = t;
			}
			for (i = 0; i < n; i++)
				acc_op(&b, idx[i] % 2, v[idx[i]], v[(idx[i] + 1) % n], 0);
			{
				double		ra = 0,
							rb = 0;
				int			sa = xsum_round(a, &ra),
							sb = xsum_round(b, &rb);

				ok(strcmp(acc_text(b, tbuf1), serial) == 0 &&
				   sa == sb && memcmp(&ra, &rb, sizeof(double)) == 0,
				   "permuted input %d gives identical bits", trial);
			}

			for (p = 0; p < parts; p++)
			{
				part[p] = acc_new(1 + rndint(XSUM_DEFAULT_CHUNKS));
				order[p] = p;
			}
			for (i = 0; i < n; i++)
				acc_op(&part[rndint(parts)], idx[i] % 2, v[idx[i]], v[(idx[i] + 1) % n], 0);
		}
		for (p = parts - 1; p > 0; p--)
		{
			int			j = rndint(p + 1),
						t = order[p];

			order[p] = order[j];
			order[j] = t;
		}
		for (p = 0; p < parts; p++)
			acc_merge(&m, part[order[p]]);
		ok(strcmp(acc_text(m, tbuf1), serial) == 0,
		   "%d parts merged in random order give identical bits (%d)", parts, trial);
		for (p = 0; p < parts; p++)
			free(part[p]);
		free(a);
		free(b);
		free(m);
	}

	/* merging with empty, zero and itself */
	{
		XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS),
				   *e = acc_new(2),
				   *z = acc_new(XSUM_DEFAULT_CHUNKS);

		acc_op(&a, 0, 3.25, 0, 0);
		acc_op(&z, 0, 1e200, 0, 0);
		acc_op(&z, 0, -1e200, 0, 0);
		acc_merge(&a, e);
		acc_merge(&a, z);
		ok(rounded(a) == 3.25, "merging empty and zero sums changes nothing");
		acc_merge(&e, a);
		ok(rounded(e) == 3.25, "merging into an empty sum");
		acc_merge(&e, e);
		ok(rounded(e) == 6.5, "merging a sum into itself doubles it");
		free(a);
		free(e);
		free(z);
	}
}

/* ---------------------------------------------------------------------
 * Ratios against the exact rational value
 * ---------------------------------------------------------------------
 */

/* A non-negative double (or midpoint) as T * 2^f; 2^1024 allowed. */
typedef struct Dy
{
	uint64_t	T;
	int			f;
} Dy;

/* Decomposes a finite non-negative double. */
static Dy
dy_of(double d)
{
	Dy			r = {0, 0};
	int			e;

	if (d == 0)
		return r;
	r.T = (uint64_t) ldexp(frexp(d, &e), 53);
	r.f = e - 53;
	return r;
}

/* Midpoint of two dyadics. */
static Dy
dy_mid(Dy a, Dy b)
{
	Dy			r;
	int			f;

	if (a.T == 0)
		a.f = b.f;
	if (b.T == 0)
		b.f = a.f;
	f = a.f < b.f ? a.f : b.f;
	r.T = (a.T << (a.f - f)) + (b.T << (b.f - f));
	r.f = f - 1;
	return r;
}

/* Sign of t - Ap / Bq * 2^((q - p) * OFF), for magnitudes Ap = |A|^p etc. */
static int
rat_cmp(Dy t, const Big *Ap, int p, const Big *Bq, int q)
{
	static Big	tt,
				lhs,
				rhs;
	int			g = t.f + (p - q) * OFF;

	big_set_u64(&tt, t.T);
	big_mul(&lhs, &tt, Bq);
	lhs.neg = 0;
	rhs = *Ap;
	rhs.neg = 0;
	if (g >= 0)
		big_shl(&lhs, &lhs, g);
	else
		big_shl(&rhs, &rhs, -g);
	return big_cmp_mag(&lhs, &rhs);
}

static int	ratio_total,
			ratio_within,
			ratio_correct;

/*
 * Checks xsum_ratio(num^p / den^q) against the oracle values A, B: returns
 * 1 when within one ulp (counting correct roundings).
 */
static int
check_ratio(const XSum *num, int p, const XSum *den, int q, const Big *A, const Big *B)
{
	static Big	Ap,
				Bq;
	double		r = 99.0,
				ar;
	int			st,
				neg,
				within,
				correct;
	Dy			dr,
				dlo,
				dhi;

	st = xsum_ratio(num, p, den, q, &r);
	ratio_total++;
	if (B->len == 0)
		return st == XSUM_DIVZERO && r == 99.0;
	if (A->len == 0)
		return st == XSUM_OK && r == 0.0;
	if (p == 2)
		big_mul(&Ap, A, A);
	else
		Ap = *A;
	if (q == 2)
		big_mul(&Bq, B, B);
	else
		Bq = *B;
	neg = (p == 1 && A->neg) != (q == 1 && B->neg);
	if (st == XSUM_OVERFLOW)
	{
		Dy			dmax = dy_of(DBL_MAX),
					dinf = {1, 1024};

		within = r == 99.0 && rat_cmp(dmax, &Ap, p, &Bq, q) <= 0;
		correct = within && rat_cmp(dy_mid(dmax, dinf), &Ap, p, &Bq, q) <= 0;
	}
	else if (st != XSUM_OK || (r != 0 && (r < 0) != neg) || (r == 0 && signbit(r) != neg))
		within = correct = 0;
	else
	{
		uint64_t	bits;

		ar = fabs(r);
		dr = dy_of(ar);
		dlo = dy_of(ar == 0 ? 0 : nextafter(ar, 0));
		if (ar == DBL_MAX)
			dhi.T = 1, dhi.f = 1024;
		else
			dhi = dy_of(nextafter(ar, INFINITY));
		within = rat_cmp(dlo, &Ap, p, &Bq, q) <= 0 && rat_cmp(dhi, &Ap, p, &Bq, q) >= 0;
		memcpy(&bits, &ar, sizeof(bits));
		{
			int			clo = ar == 0 ? -1 : rat_cmp(dy_mid(dlo, dr), &Ap, p, &Bq, q);
			int			chi = rat_cmp(dy_mid(dr, dhi), &Ap, p, &Bq, q);

			correct = clo <= 0 && chi >= 0 &&
				((clo != 0 && chi != 0) || (bits & 1) == 0);
		}
	}
	ratio_within += within;
	ratio_correct += correct;
	ok(within, "ratio num^%d/den^%d = %a (status %d) within one ulp", p, q, r, st);
	return within;
}

/* Equal weights: S2 / S1^2 = 1/n and S1^2 / S2 = n exactly. */
static void
test_ratio_equal_weights(void)
{
	static const double ws[] = {1e300, 1e-300, 0.1, 1.0, 3.0, DBL_MAX, 0x1p-1074, 1e150};
	int			iw,
				n,
				i;

	for (iw = 0; iw < (int) (sizeof(ws) / sizeof(ws[0])); iw++)
	{
		int			good = 0;

		for (n = 1; n <= 10; n++)
		{
			XSum	   *s1 = acc_new(XSUM_DEFAULT_CHUNKS),
					   *s2 = acc_new(XSUM_DEFAULT_CHUNKS),
					   *s3 = acc_new(XSUM_DEFAULT_CHUNKS);
			double		h = 0,
						inv = 0,
						r3 = 0;
			int			st1,
						st2,
						st3;

			for (i = 0; i < n; i++)
			{
				acc_op(&s1, 0, ws[iw], 0, 0);
				acc_op(&s2, 1, ws[iw], ws[iw], 0);
				acc_op(&s3, 2, ws[iw], ws[iw], ws[iw]);
			}
			st1 = xsum_ratio(s2, 1, s1, 2, &h);
			st2 = xsum_ratio(s1, 2, s2, 1, &inv);
			st3 = xsum_ratio(s3, 1, s1, 1, &r3);
			if (st1 == XSUM_OK && h == 1.0 / n && st2 == XSUM_OK && inv == (double) n)
				good++;
			else
				printf("# w=%g n=%d: S2/S1^2 = %a (want %a), S1^2/S2 = %a\n",
					   ws[iw], n, h, 1.0 / n, inv);
			if (ws[iw] == 1e300)
				good += st3 == XSUM_OVERFLOW ? 0 : -100;
			else if (ws[iw] == 1e-300)
				good += st3 == XSUM_OK && r3 == 0.0 ? 0 : -100;
			free(s1);
			free(s2);
			free(s3);
		}
		ok(good == 10, "equal weights %g: S2/S1^2 == 1/n and S1^2/S2 == n exactly for n = 1..10",
		   ws[iw]);
	}
}

/*
 * Ratios next to a midpoint: num / den^q = 1 + 2^-53 +- 2^-d exactly, which
 * must round up (+) or down (-), and the exact tie 1 + 2^-53 rounds to 1.
 */
static void
test_ratio_midpoints(void)
{
	static const double dens[] = {3.0, 5.0, 0.1, 1e300, 1e-300, 0x1.8p-1070, 0x1.fffffffffffffp1023};
	static Big	on,
				od;
	int			i,
				d,
				q,
				sgn;

	for (i = 0; i < (int) (sizeof(dens) / sizeof(dens[0])); i++)
		for (q = 1; q <= 2; q++)
			for (d = 0; d <= 95; d += (d == 0 ? 55 : 5))
				for (sgn = -1; sgn <= 1; sgn += 2)
				{
					XSum	   *num,
							   *den;
					double		D = dens[i],
								r = 0,
								want = d == 0 || sgn < 0 ? 1.0 : 1.0 + DBL_EPSILON;
					double		parts[3] = {1.0, 0x1p-53, d ? sgn * ldexp(1.0, -d) : 0.0};
					int			k,
								st;

					if ((d == 0 && sgn > 0) || (d && D * parts[2] / parts[2] != D))
						continue;		/* the last part would underflow */
					num = acc_new(XSUM_DEFAULT_CHUNKS);
					den = acc_new(XSUM_DEFAULT_CHUNKS);
					on.len = od.len = 0;
					on.neg = od.neg = 0;
					both_add(&den, &od, D);
					for (k = 0; k < 3; k++)
					{
						if (q == 1)
							both_add(&num, &on, D * parts[k]);
						else
							both_prod(&num, &on, D, D * parts[k]);
					}
					st = xsum_ratio(num, 1, den, q, &r);
					ok(st == XSUM_OK && r == want && check_ratio(num, 1, den, q, &on, &od),
					   "D = %g: D^%d (1 + 2^-53 %c 2^-%d) / D^%d = %a (want %a)", D, q,
					   sgn > 0 ? '+' : '-', d, q, r, want);
					free(num);
					free(den);
				}
}

/* Random ratios of sums against the exact rational oracle. */
static void
test_ratio_random(void)
{
	static Big	o1,
				o2,
				o3;
	int			trial,
				within = 0,
				count = 0,
				kind;

	for (kind = 0; kind < 4; kind++)
	{
		for (trial = 0; trial < 150; trial++)
		{
			int			n = 1 + rndint(trial < 50 ? 5 : 500),
						i,
						p,
						q;
			XSum	   *s1 = acc_new(XSUM_DEFAULT_CHUNKS),
					   *s2 = acc_new(XSUM_DEFAULT_CHUNKS),
					   *s3 = acc_new(XSUM_DEFAULT_CHUNKS);
			const XSum *acc[3];
			const Big  *orc[3];

			o1.len = o2.len = o3.len = 0;
			o1.neg = o2.neg = o3.neg = 0;
			for (i = 0; i < n; i++)
			{
				double		w = kind == 0 ? fabs(rnd_exp(-30, 30)) :
					kind == 1 ? rnd_exp(-30, 30) :
					kind == 2 ? rnd_exp(-340, 340) : rnd_bits();

				both_add(&s1, &o1, w);
				both_prod(&s2, &o2, w, w);
				both_prod3(&s3, &o3, w, w, w);
			}
			acc[0] = s1;
			acc[1] = s2;
			acc[2] = s3;
			orc[0] = &o1;
			orc[1] = &o2;
			orc[2] = &o3;
			/* hhi-style S2/S1^2, S1^2/S2, S3/S1 and a random pair */
			count += 4;
			within += check_ratio(s2, 1, s1, 2, &o2, &o1);
			within += check_ratio(s1, 2, s2, 1, &o1, &o2);
			within += check_ratio(s3, 1, s1, 1, &o3, &o1);
			i = rndint(3);
			n = rndint(3);
			p = 1 + rndint(2);
			q = 1 + rndint(2);
			within += check_ratio(acc[i], p, acc[n], q, orc[i], orc[n]);
			free(s1);
			free(s2);
			free(s3);
		}
	}
	ok(within == count && count > 0, "random ratios: %d/%d within one ulp", within, count);
}

/* Ratios with results near the ends of the range, zero and sign cases. */
static void
test_ratio_edges(void)
{
	static Big	oa,
				ob;
	int			trial,
				within = 0,
				count = 0;
	XSum	   *a,
			   *b;
	double		r = 5.0;

	for (trial = 0; trial < 1500; trial++)
	{
		int			p = 1 + rndint(2),
					q = 1 + rndint(2),
					i,
					n = 1 + rndint(4);
		/* target exponent of the result: subnormal, normal or overflowing */
		int			target = trial % 3 == 0 ? -1080 + rndint(70) :
			trial % 3 == 1 ? 1000 + rndint(30) : -1200 + rndint(2400);
		int			eb = -1000 + rndint(2000) / q;
		int			ea = (target + q * eb) / p;

		if (ea > 1000 || ea < -1070)
			continue;
		a = acc_new(XSUM_DEFAULT_CHUNKS);
		b = acc_new(XSUM_DEFAULT_CHUNKS);
		oa.len = ob.len = 0;
		oa.neg = ob.neg = 0;
		for (i = 0; i < n; i++)
		{
			both_add(&a, &oa, rnd_exp(ea - 2, ea));
			both_add(&b, &ob, rnd_exp(eb - 2, eb));
		}
		count++;
		within += check_ratio(a, p, b, q, &oa, &ob);
		free(a);
		free(b);
	}
	ok(within == count, "ratios near underflow and overflow within one ulp: %d/%d", within, count);

	a = acc_new(XSUM_DEFAULT_CHUNKS);
	b = acc_new(XSUM_DEFAULT_CHUNKS);
	ok(xsum_ratio(a, 1, b, 1, &r) == XSUM_DIVZERO && r == 5.0, "0/0 is a division by zero");
	acc_op(&b, 0, 1e-300, 0, 0);
	acc_op(&b, 0, -1e-300, 0, 0);
	acc_op(&a, 0, 2.0, 0, 0);
	ok(xsum_ratio(a, 2, b, 2, &r) == XSUM_DIVZERO && r == 5.0, "x/(cancelled sum) is a division by zero");
	acc_op(&b, 0, -4.0, 0, 0);
	ok(xsum_ratio(a, 1, b, 1, &r) == XSUM_OK && r == -0.5, "2 / -4 = -0.5");
	ok(xsum_ratio(a, 1, b, 2, &r) == XSUM_OK && r == 0.125, "2 / (-4)^2 = 0.125");
	ok(xsum_ratio(b, 2, a, 1, &r) == XSUM_OK && r == 8.0, "(-4)^2 / 2 = 8");
	ok(xsum_ratio(b, 1, a, 2, &r) == XSUM_OK && r == -1.0, "-4 / 2^2 = -1");
	xsum_init(a, a->n);
	ok(xsum_ratio(a, 1, b, 1, &r) == XSUM_OK && r == 0.0, "0 / -4 = 0");
	acc_op(&a, 0, 1e300, 0, 0);
	xsum_init(b, b->n);
	acc_op(&b, 0, 1e-300, 0, 0);
	r = 5.0;
	ok(xsum_ratio(a, 1, b, 1, &r) == XSUM_OVERFLOW && r == 5.0, "1e300 / 1e-300 overflows");
	ok(xsum_ratio(b, 1, a, 1, &r) == XSUM_OK && r == 0.0, "1e-300 / 1e300 underflows to 0");
	ok(xsum_ratio(b, 2, a, 2, &r) == XSUM_OK && r == 0.0, "1e-600 / 1e600 underflows to 0");
	ok(xsum_ratio(a, 2, a, 1, &r) == XSUM_OK && r == 1e300, "1e300^2 / 1e300 = 1e300");
	ok(xsum_ratio(a, 2, a, 2, &r) == XSUM_OK && r == 1.0, "1e300^2 / 1e300^2 = 1");
	free(a);
	free(b);
}

/* ---------------------------------------------------------------------
 * Text form
 * ---------------------------------------------------------------------
 */

/* Parses text with the two-pass protocol into a fresh accumulator. */
static XSum *
parse_text(const char *s, size_t len, int extra, int *consumed, const char **err)
{
	int			needed = -1,
				r;
	XSum	   *a;

	*err = NULL;
	r = xsum_from_text(s, len, NULL, &needed, err);
	*consumed = r;
	if (r < 0)
		return NULL;
	if (needed < 1 || needed > XSUM_MAX_CHUNKS)
	{
		bad("from_text: needed = %d", needed);
		return NULL;
	}
	a = acc_new(needed + extra);
	r = xsum_from_text(s, len, a, &needed, err);
	if (r != *consumed)
		bad("from_text: second pass consumed %d, first %d", r, *consumed);
	return a;
}

/* Random states round-trip through the text form. */
static void
test_text_roundtrip(void)
{
	static Big	o;
	static char t1[16384],
				t2[16384],
				t3[16384];
	static double ops[60][3];
	static int	kinds[60];
	int			trial,
				trials = 600;

	for (trial = 0; trial < trials; trial++)
	{
		XSum	   *a = acc_new(1 + rndint(8)),
				   *b;
		int			n = rndint(trial % 10 == 0 ? 3 : 60),
					i,
					consumed,
					fine;
		const char *err;
		size_t		len;

		o.len = 0;
		o.neg = 0;
		for (i = 0; i < n; i++)
		{
			ops[i][0] = gen_value(trial % NGEN);
			ops[i][1] = gen_value(trial % NGEN);
			ops[i][2] = gen_value(GEN_MID);
			kinds[i] = rndint(4);
		}
		/* every 7th state is cancelled again: zero, but positioned */
		for (int pass = 0; pass < (trial % 7 == 0 ? 2 : 1); pass++)
		{
			for (i = 0; i < n; i++)
			{
				double		x = pass ? -ops[i][0] : ops[i][0];

				if (kinds[i] == 0)
					both_prod(&a, &o, x, ops[i][1]);
				else if (kinds[i] == 1)
					both_prod3(&a, &o, x, ops[i][1], ops[i][2]);
				else
					both_add(&a, &o, x);
			}
		}
		if (trial % 7 == 0 && (xsum_sign(a) != 0 || (n > 0 && a->used == 0)))
			bad("cancelled state not zero or not positioned");
		len = strlen(acc_text(a, t1));
		fine = same_as_oracle(a, &o);
		strcpy(t3, t1);
		strcat(t3, trial % 2 ? ";1.0.1.00000001" : ";");
		b = parse_text(t3, strlen(t3), rndint(3), &consumed, &err);
		fine = fine && b != NULL && consumed == (int) len;
		if (fine)
		{
			fine = strcmp(acc_text(b, t2), t1) == 0 && xsum_sign(a) == xsum_sign(b);
			if (xsum_sign(a))
			{
				double		r1 = 0,
							r2 = 0;
				int			s1 = xsum_round(a, &r1),
							s2 = xsum_round(b, &r2);

				fine = fine && s1 == s2 && r1 == r2;
			}
			/* the parsed state keeps working */
			acc_op(&b, 0, 1.5, 0, 0);
			acc_op(&a, 0, 1.5, 0, 0);
			fine = fine && strcmp(acc_text(a, t1), acc_text(b, t2)) == 0;
		}
		ok(fine && nbad == 0, "state %d round-trips through text: %.60s (%s)", trial, t1,
		   err ? err : "");
		free(a);
		free(b);
	}
	{
		XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);

		acc_op(&a, 0, 1.0, 0, 0);
		ok(strcmp(acc_text(a, t1), "1.0.1.00000001") == 0, "text of 1.0 is %s", t1);
		xsum_init(a, a->n);
		acc_op(&a, 0, -0.75, 0, 0);
		ok(strcmp(acc_text(a, t1), "1.-1.1.-c0000000") == 0, "text of -0.75 is %s", t1);
		acc_op(&a, 0, 0.75, 0, 0);
		ok(strcmp(acc_text(a, t1), "0") == 0, "text of a cancelled sum is %s", t1);
		xsum_init(a, a->n);
		ok(strcmp(acc_text(a, t1), "0") == 0, "text of an empty sum is %s", t1);
		free(a);
	}
}

/* Malformed texts are rejected with a message. */
static void
test_text_rejects(void)
{
	static const char *const badtext[] = {
		"", "1", "1.", "1.0", "1.0.", "1.0.1", "1.0.1.", "1.0.1.-",
		"1.0.1.0000001", "1.0.1.000000001", "1.0.1.0000000g", "1.0.1.0000000A",
		"1.0.1.00000000", "1.0.2.0000000100000000", "1.0.2.0000000000000001",
		"1.-0.1.00000001", "1.01.1.00000001", "1.+1.1.00000001", "1.0.01.00000001",
		"1.0.0.", "1.0.-1.00000001", "1.-102.1.00000001", "1.98.1.00000001",
		"1.97.2.0000000100000001", "1.-101.201.00000001", "1.12345.1.00000001",
		"2.0.1.00000001", "00", "0x", " 0", "0 ", "-0", "1.0.1.00000001 ",
		"1.0.1.00000001x", "1.0.1.--00000001", ",", ":", "abc", "1.0.1. 0000001",
		"1,0,1,00000001", "1.0.1.0000\n001", "1.0.1.000000010", "1.0.2.00000001",
		"1..1.00000001", "1.0..00000001", "+1.0.1.00000001", "1.0.1.+00000001"
	};
	int			i,
				total = (int) (sizeof(badtext) / sizeof(badtext[0]));
	static char t1[16384];

	for (i = 0; i < total; i++)
	{
		int			needed = 0;
		const char *err = NULL;
		int			r = xsum_from_text(badtext[i], strlen(badtext[i]), NULL, &needed, &err);

		ok(r == -1 && err != NULL && err[0] != '\0', "malformed text \"%s\" rejected (%s)",
		   badtext[i], err ? err : "no message");
	}

	/* an embedded NUL */
	{
		int			needed;
		const char *err = NULL;
		char		s[] = "1.0.1.00000001";

		s[10] = '\0';
		ok(xsum_from_text(s, 14, NULL, &needed, &err) == -1 && err,
		   "text with an embedded NUL rejected");
	}

	/* an overlong text */
	{
		static char longtext[20000];
		int			needed;
		const char *err = NULL;

		memset(longtext, '0', sizeof(longtext));
		memcpy(longtext, "1.-100.199.", 11);
		ok(xsum_from_text(longtext, sizeof(longtext), NULL, &needed, &err) == -1 && err,
		   "overlong text rejected (%s)", err ? err : "");
	}

	/* every proper prefix of a long valid text is rejected */
	{
		XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
		size_t		len,
					k;
		int			prefix_ok = 1;

		acc_op(&a, 0, 1e300, 0, 0);
		acc_op(&a, 0, -1e-300, 0, 0);
		acc_op(&a, 1, 1e-300, 3.0, 0);
		len = strlen(acc_text(a, t1));
		for (k = 0; k < len; k++)
		{
			int			needed;
			const char *err = NULL;

			if (xsum_from_text(t1, k, NULL, &needed, &err) != -1 || !err)
			{
				printf("# accepted prefix of length %zu\n", k);
				prefix_ok = 0;
			}
		}
		ok(prefix_ok, "all %zu truncations of a %zu-byte text rejected", len, len);
		/* every single-character corruption is rejected or canonical */
		{
			int			corrupt_ok = 1;
			static const char alphabet[] = "0123456789abcdefABCDEF.-;:, xg\n";

			for (k = 0; k < len; k++)
			{
				size_t		j;

				for (j = 0; j < sizeof(alphabet) - 1; j++)
				{
					static char t2[16384],
								t3[16384];
					int			consumed;
					const char *err;
					XSum	   *b;

					strcpy(t2, t1);
					if (t2[k] == alphabet[j])
						continue;
					t2[k] = alphabet[j];
					b = parse_text(t2, len, 0, &consumed, &err);
					if (b == NULL && consumed == -1 && err)
						continue;
					/* accepted: must be canonical and consume up to a ';' */
					if (b == NULL ||
						(consumed == (int) len && strcmp(acc_text(b, t3), t2) != 0) ||
						(consumed < (int) len && t2[consumed] != ';'))
					{
						printf("# corrupted text accepted non-canonically: %s\n", t2);
						corrupt_ok = 0;
					}
					free(b);
				}
			}
			ok(corrupt_ok, "single-character corruptions rejected or canonical");
		}
		/* too small a window on the second pass */
		{
			int			needed = 0;
			const char *err = NULL;
			XSum	   *small;

			xsum_from_text(t1, len, NULL, &needed, &err);
			small = acc_new(needed - 1 > 0 ? needed - 1 : 1);
			err = NULL;
			ok(needed > 4 && xsum_from_text(t1, len, small, &needed, &err) == -1 && err,
			   "second pass with too small a window rejected");
			free(small);
		}
		free(a);
	}
}

/* Checks that the xsum_text_max bound holds for the widest state. */
static void
test_text_extremes(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	static Big	o;
	static char t[16384];
	int			consumed;
	const char *err;
	XSum	   *b;

	o.len = 0;
	o.neg = 0;
	both_prod3(&a, &o, DBL_MAX, DBL_MAX, DBL_MAX);
	both_prod3(&a, &o, 0x1p-1074, 0x1p-1074, -0x1p-1074);
	for (int i = 0; i < 1000; i++)
		both_prod3(&a, &o, -DBL_MAX, DBL_MAX, DBL_MAX);
	ok(a->n <= XSUM_MAX_CHUNKS && same_as_oracle(a, &o), "widest state exact (%d chunks)", a->n);
	acc_text(a, t);
	b = parse_text(t, strlen(t), 0, &consumed, &err);
	ok(b != NULL && strcmp(acc_text(b, tbuf2), t) == 0, "widest state round-trips (%zu bytes)", strlen(t));
	free(a);
	free(b);
}

/* xsum_check accepts what the core makes and rejects corrupted fields. */
static void
test_check(void)
{
	XSum	   *a = acc_new(XSUM_DEFAULT_CHUNKS);
	XSum		saved;
	size_t		size;
	int			r;

	ok(xsum_check(a, xsum_size(a->n)) == NULL, "fresh accumulator accepted");
	while ((r = xsum_add(a, 1e300)) != 0)
		acc_grow(&a, r);
	size = xsum_size(a->n);
	ok(xsum_check(a, size) == NULL, "positioned accumulator accepted");
	ok(xsum_check(a, offsetof(XSum, c) - 1) != NULL, "truncated header rejected");
	ok(xsum_check(a, size - 1) != NULL, "truncated chunks rejected");
	saved = *a;
	a->n = 0;
	ok(xsum_check(a, size) != NULL, "window of 0 chunks rejected");
	a->n = XSUM_MAX_CHUNKS + 1;
	ok(xsum_check(a, (size_t) -1) != NULL, "window beyond the range rejected");
	*a = saved;
	a->budget = -1;
	ok(xsum_check(a, size) != NULL, "negative budget rejected");
	*a = saved;
	a->used = a->n;
	ok(xsum_check(a, size) != NULL, "inconsistent window rejected");
	*a = saved;
	a->lo = XSUM_IDX_MAX;
	ok(xsum_check(a, size) != NULL, "window past the top rejected");
	*a = saved;
	a->lo = XSUM_IDX_MIN - 1;
	ok(xsum_check(a, size) != NULL, "window below the bottom rejected");
	*a = saved;
	ok(xsum_check(a, size) == NULL, "restored accumulator accepted");
	free(a);
}

/*
 * The top of the range: a sum that would carry past chunk XSUM_TOP_MAX is
 * refused with XSUM_RANGE and leaves the accumulator as it was; everything
 * below reads back.  Run under AddressSanitizer, this also proves that no
 * merge writes past the window.
 */
static void
test_range_top(void)
{
	static const char *const starts[] = {
		"1.0.1.00000001", "1.97.1.ffffffff", "1.97.1.7fffffff", "1.96.2.ffffffffffffffff",
		"1.-101.1.00000001", "1.90.8.8000000000000000000000000000000000000000000000000000000000000001",
	};
	int			s;

	for (s = 0; s < (int) (sizeof(starts) / sizeof(starts[0])); s++)
	{
		int			need = 0,
					i,
					refused = 0;
		const char *err = NULL;
		XSum	   *a = malloc(xsum_size(XSUM_MAX_CHUNKS));
		XSum	   *b = malloc(xsum_size(XSUM_MAX_CHUNKS));
		XSum	   *top = malloc(xsum_size(XSUM_MAX_CHUNKS));

		xsum_init(a, XSUM_MAX_CHUNKS);
		xsum_init(top, 4);
		ok(xsum_from_text(starts[s], strlen(starts[s]), NULL, &need, &err) > 0,
		   "range: %s parses", starts[s]);
		xsum_from_text(starts[s], strlen(starts[s]), a, &need, &err);
		/* a small window, grown on demand like the aggregates do */
		xsum_from_text("1.97.1.ffffffff", 15, top, &need, &err);
		for (i = 0; i < 6500 && !refused; i++)
		{
			char		before[16 + 8 * (XSUM_MAX_CHUNKS + 2)],
						after[16 + 8 * (XSUM_MAX_CHUNKS + 2)];
			int			r;

			xsum_copy(b, XSUM_MAX_CHUNKS, a);
			xsum_to_text(a, before);
			r = xsum_merge(a, b);
			if (r == XSUM_RANGE)
			{
				xsum_to_text(a, after);
				ok(strcmp(before, after) == 0, "range: %s refused at doubling %d leaves the sum unchanged",
				   starts[s], i);
				refused = 1;
				break;
			}
			ok(r == 0 && xsum_in_range(a), "range: %s doubling %d fits (%d)", starts[s], i, r);
			xsum_to_text(a, after);
			ok(xsum_from_text(after, strlen(after), NULL, &need, &err) == (int) strlen(after),
			   "range: %s doubling %d reads back (%s)", starts[s], i, err ? err : "");
		}
		ok(refused, "range: doubling %s is refused before it leaves the range", starts[s]);
		/* merging into a small window at the top: grows, then refuses */
		{
			XSum	   *c = malloc(xsum_size(XSUM_MAX_CHUNKS));
			int			r;

			xsum_init(c, 4);
			xsum_from_text("1.97.1.80000000", 15, c, &need, &err);
			xsum_from_text("1.97.1.80000000", 15, b, &need, &err);
			r = xsum_merge(c, b);
			ok(r == XSUM_RANGE, "range: 2^3135 + 2^3135 is refused (%d)", r);
			ok(xsum_add(c, 1e300) == 0 || xsum_add(c, 1e300) > 0, "range: adding below the top still works");
			free(c);
		}
		free(a);
		free(b);
		free(top);
	}
}

/*
 * Shrinking: after large terms leave a sum, xsum_compact gives back the
 * window, and the value and text are those of a sum that never held them.
 */
static void
test_compact(void)
{
	static char t1[4096],
				t2[4096];
	int			trial;

	for (trial = 0; trial < 200; trial++)
	{
		XSum	   *a = acc_new(6),
				   *fresh = acc_new(6),
				   *c;
		double		big[8];
		int			nb = 1 + rndint(8),
					i,
					fit;

		for (i = 0; i < 20; i++)
		{
			double		x = rnd_exp(-20, 20);

			acc_op(&a, 0, x, 0, 0);
			acc_op(&fresh, 0, x, 0, 0);
		}
		for (i = 0; i < nb; i++)
		{
			big[i] = rnd_exp(-1000, 1000);
			acc_op(&a, i & 1, big[i], i & 1 ? big[i] : 0, 0);
		}
		for (i = 0; i < nb; i++)
			acc_op(&a, i & 1, -big[i], i & 1 ? big[i] : 0, 0);
		fit = xsum_fit(a);
		ok(fit <= xsum_fit(fresh) + 1 && fit <= 6,
		   "compact %d: fit %d after the large terms left (fresh %d)", trial, fit, xsum_fit(fresh));
		c = acc_new(6);
		xsum_compact(c, 6, a);
		xsum_to_text(c, t1);
		xsum_to_text(fresh, t2);
		ok(strcmp(t1, t2) == 0 && xsum_check(c, xsum_size(6)) == NULL,
		   "compact %d: %s = %s", trial, t1, t2);
		/* in place, and the compacted sum keeps adding */
		xsum_compact(a, a->n, a);
		acc_op(&c, 0, 1.0, 0, 0);
		acc_op(&fresh, 0, 1.0, 0, 0);
		xsum_to_text(c, t1);
		xsum_to_text(fresh, t2);
		ok(strcmp(t1, t2) == 0, "compact %d: adds after compacting", trial);
		free(a);
		free(c);
		free(fresh);
	}
	{
		XSum	   *z = acc_new(6);

		acc_op(&z, 0, 1e300, 0, 0);
		acc_op(&z, 0, -1e300, 0, 0);
		ok(xsum_fit(z) == 1, "compact: zero fits in one chunk");
		xsum_compact(z, 1, z);
		ok(z->n == 1 && z->used == 0 && xsum_sign(z) == 0, "compact: zero is empty");
		free(z);
	}
}

/*
 * Negation: merging a negated sum subtracts it exactly, so (A + B) - B has
 * the value and text of A, whatever the magnitudes.
 */
static void
test_negate(void)
{
	static char t1[4096],
				t2[4096];
	int			trial;

	for (trial = 0; trial < 200; trial++)
	{
		XSum	   *ab = acc_new(6),
				   *a = acc_new(6),
				   *b = acc_new(6);
		int			i;

		for (i = 0; i < 30; i++)
		{
			double		x = rnd_exp(-300, 300);
			double		y = rnd_exp(-300, 300);

			if (rndint(2))
				x = -x;
			acc_op(&ab, i & 1, x, y, 0);
			if (i % 3 == 0)
				acc_op(&b, i & 1, x, y, 0);
			else
				acc_op(&a, i & 1, x, y, 0);
		}
		xsum_negate(b);
		acc_merge(&ab, b);
		xsum_to_text(ab, t1);
		xsum_to_text(a, t2);
		ok(strcmp(t1, t2) == 0 && xsum_check_chunks(ab) == NULL,
		   "negate %d: (A + B) - B = A: %s = %s", trial, t1, t2);
		xsum_negate(a);
		xsum_negate(a);
		xsum_to_text(a, t1);
		ok(strcmp(t1, t2) == 0, "negate %d: twice is the identity", trial);
		free(ab);
		free(a);
		free(b);
	}
}

/* Rounds a 128-bit integer times 2^e to a double (correctly rounded). */
static double
i128_double(__int128 v, int e)
{
	return ldexp((double) v, e);
}

/*
 * Co-moments n·Σxy − Σx·Σy, exact against 128-bit integers: small integers
 * scaled by powers of two, offset by a large mean (cancellation), and the
 * double-double steps built on them.
 */
static void
test_cross(void)
{
	int			trial;

	for (trial = 0; trial < 400; trial++)
	{
		int			n = 2 + rndint(60),
					scale = rndint(900) - 480,
					i;
		int64_t		off = (int64_t) (rnd64() >> (12 + rndint(40)));
		__int128	ax = 0,
					ay = 0,
					axy = 0,
					want;
		XSum	   *Sx = acc_new(6),
				   *Sy = acc_new(6),
				   *Sxy = acc_new(6);
		double		got,
					expect;

		for (i = 0; i < n; i++)
		{
			int64_t		a = (int64_t) rndint(1 << 20) - (1 << 19),
						b = (int64_t) rndint(1 << 20) - (1 << 19);
			double		x = ldexp((double) (off + a), scale),
						y = ldexp((double) (off + b), scale);

			acc_op(&Sx, 0, x, 0, 0);
			acc_op(&Sy, 0, y, 0, 0);
			acc_op(&Sxy, 1, x, y, 0);
			ax += a;
			ay += b;
			axy += (__int128) a * b;
		}
		/* shift invariance: the offset cancels exactly */
		want = (__int128) n * axy - ax * ay;
		expect = i128_double(want, 2 * scale);
		ok(xsum_real_round(xsum_cross(Sxy, n, Sx, Sy), &got) == XSUM_OK && got == expect,
		   "cross %d: %.17g, want %.17g (offset %lld, scale %d)", trial, got, expect,
		   (long long) off, scale);
		free(Sx);
		free(Sy);
		free(Sxy);
	}
	{
		double		r;
		XSumReal	two = xsum_real_double(2.0),
					three = xsum_real_double(3.0);

		ok(xsum_real_round(xsum_real_sqrt(two), &r) == XSUM_OK && r == sqrt(2.0),
		   "sqrt(2) = %.17g", r);
		ok(xsum_real_round(xsum_real_div(xsum_real_double(1.0), three), &r) == XSUM_OK &&
		   r == 1.0 / 3.0, "1/3 = %.17g", r);
		ok(xsum_real_round(xsum_real_sqrt(xsum_real_double(0x1p-1073)), &r) == XSUM_OK &&
		   r == sqrt(0x1p-1073), "sqrt of a subnormal = %.17g", r);
		ok(xsum_real_round(xsum_real_mul(xsum_real_double(0x1p1000), xsum_real_double(0x1p1000)), &r) ==
		   XSUM_OVERFLOW, "2^2000 overflows");
		ok(xsum_real_round(xsum_real_sqrt(xsum_real_mul(xsum_real_double(0x1p1000),
														xsum_real_double(0x1p1000))), &r) == XSUM_OK &&
		   r == 0x1p1000, "sqrt(2^2000) = 2^1000");
		ok(xsum_real_round(xsum_real_mul(xsum_real_double(-3.0), three), &r) == XSUM_OK &&
		   r == -9.0, "-3 * 3 = %.17g", r);
	}
}

int
main(void)
{
	struct
	{
		const char *name;
		void		(*fn) (void);
	}			tests[] = {
		{"basic", test_basic},
		{"sticky bits", test_sticky},
		{"alternating series", test_alternating},
		{"random sums", test_random_sums},
		{"subnormal rounding", test_subnormal_rounding},
		{"overflow", test_overflow},
		{"products", test_products},
		{"window growth", test_growth},
		{"merge and order", test_merge_and_order},
		{"ratio equal weights", test_ratio_equal_weights},
		{"ratio midpoints", test_ratio_midpoints},
		{"ratio random", test_ratio_random},
		{"ratio edges", test_ratio_edges},
		{"text round trip", test_text_roundtrip},
		{"text rejects", test_text_rejects},
		{"text extremes", test_text_extremes},
		{"carry budget", test_budget},
		{"field checks", test_check},
		{"range top", test_range_top},
		{"compact", test_compact},
		{"negate", test_negate},
		{"cross", test_cross},
		{"fast paths", test_fast_paths},
		{"three terms", test_add3},
	};
	int			i;

	for (i = 0; i < (int) (sizeof(tests) / sizeof(tests[0])); i++)
	{
		int			p0 = npass,
					f0 = nfail;

		clock_t		t0 = clock();

		tests[i].fn();
		printf("# %-22s %d passed, %d failed (%.1f s)\n", tests[i].name, npass - p0, nfail - f0,
			   (double) (clock() - t0) / CLOCKS_PER_SEC);
	}
	printf("# ratios: %d checked, %d within one ulp, %d correctly rounded\n",
		   ratio_total, ratio_within, ratio_correct);
	ok(nbad == 0, "no invariant violations inside helpers (%d)", nbad);
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
