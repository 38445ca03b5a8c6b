/*
 * xsum.c
 *	  The numeric core: exact sums of doubles and of products of doubles.
 *
 * Representation.  An XSum holds its value as signed 64-bit chunks,
 * value = sum of c[i] * 2^(32 * (lo + i)).  Between normalisations a chunk
 * may hold any int64 value; a normalised sum has every chunk in [0, 2^32)
 * except the top chunk of the window, which is signed (two's complement
 * across the whole window).
 *
 * A term v * 2^e (v a signed integer of at most 56 bits) is added as three
 * chunk increments: chunk k = floor(e / 32) gets the low 32 bits of v shifted
 * by e mod 32, chunk k + 1 the next 32 bits, chunk k + 2 the (signed) rest.
 * Each increment is below 2^32 in magnitude, and a chunk starts a budget
 * period below 2^32, so up to 2^30 terms could go in before a chunk might
 * overflow; the budget counts them (XSUM_BUDGET, 2^24 by default) and the
 * carries are propagated when it runs out.
 *
 * Window.  The top chunk of the window only ever receives carries: a term
 * may use chunks lo .. lo + n - 2.  For speed, "used" holds the number of
 * chunk positions where a term's lowest chunk may land (n - 3), or 0 while
 * the sum is empty and unpositioned, so one unsigned compare checks both
 * "positioned" and "in the window".  A positioned window has n >= 4.  When
 * a term falls outside, the window is re-centred on its contents and the
 * term (or the needed size is returned, the sum untouched).
 *
 * Products.  Each factor is scaled to a mantissa in [1, 2) with its exponent
 * kept aside (subnormals are normalised), so nothing overflows or
 * underflows.  For x * y, p = a * b and err = fma(a, b, -p) are exact,
 * p * 2^52 and err * 2^104 are integers, and P * 2^52 + E (107 bits) is
 * added as one wide integer: five chunk updates, one unit of budget (the
 * inline paths in xsum.h form the same integer from the mantissas directly).
 * For x * y * z of normal factors, xsum.h multiplies the three 53-bit
 * mantissas in 128-bit integer arithmetic and adds the product (at most 159
 * bits) as one integer: six chunk updates, one unit.  Otherwise (subnormal
 * factors, or compilers without 128-bit integers) p * c and err * c are
 * split by fma again into four exact terms (four units); products of tiny
 * numbers have their terms stripped of trailing zero bits so that even
 * 2^-1074 cubed stays within XSUM_IDX_MIN.
 *
 * Rounding and ratios work on the sign and magnitude of a normalised local
 * copy, never on the accumulator itself.  A ratio reads each sum as a
 * double-double (the top 116 bits, a sticky bit below), squares and divides
 * in double-double arithmetic, and rounds the double-double result once,
 * exactly, at its final exponent (so subnormal results are rounded once).
 *
 * Text form (canonical: computed from the sign and magnitude of the value,
 * so it does not depend on the window, the budget or the order of adds):
 *
 *		0						the value zero
 *		1.L.N.HEX				a positive value
 *		1.L.N.-HEX				a negative value
 *
 * "1" is the format version.  L (decimal, optionally negative, no leading
 * zeros) is the index of the lowest non-zero 32-bit chunk of the magnitude,
 * N (decimal, 1..XSUM_MAX_CHUNKS) the number of chunks, and HEX exactly 8*N
 * lowercase hex digits: the magnitude's chunks L+N-1 down to L, most
 * significant first, so that |value| = HEX * 2^(32 * L).  The first and the
 * last chunk are non-zero, and L + N <= XSUM_IDX_MAX (room for a carry
 * chunk).  Example: 1.0 is "1.0.1.00000001", -0.75 is "1.-1.1.-c0000000".
 * The text ends at the end of the buffer or at a ';'.  xsum_from_text sets
 * *needed to N + 1 (at least 4: room for the carry chunk), or 1 for "0".
 *
 * The code assumes two's complement int64_t (guaranteed by C99) and an
 * arithmetic right shift of negative values (checked at compile time).
 */
#include "xsum.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* Keep slow paths out of line and hot helpers inline. */
#if defined(__GNUC__)
#define NOINLINE			__attribute__((noinline))
#define ALWAYS_INLINE		inline __attribute__((always_inline))
#else
#define NOINLINE
#define ALWAYS_INLINE		inline
#endif

/*
 * Units of carry budget between two normalisations: each unit adds less
 * than 2^32 in magnitude to any chunk, so up to 2^30 would be safe; a
 * smaller budget costs nothing measurable (one normalisation per 2^24
 * adds) and lets tests exhaust it quickly.  Overridable for tests.
 */
#ifndef XSUM_BUDGET
#define XSUM_BUDGET			(1 << 24)
#endif

#define FRAC_MASK			((((uint64_t) 1) << 52) - 1)
#define SIGN_BIT			(((uint64_t) 1) << 63)
#define ONE_BITS			(((uint64_t) 1023) << 52)
#define INF_BITS			(((uint64_t) 2047) << 52)
#define LOW32				((int64_t) 0xFFFFFFFF)

/* A term's position is its exponent plus POS_BIAS, never negative. */
#define POS_BIAS			XSUM_POS_BIAS
#define CHUNK_OF(pos)		XSUM_CHUNK_OF(pos)

/* Longest valid text: "1.-101.200.-" and 8 hex digits per chunk. */
#define MAX_TEXT			(16 + 8 * XSUM_MAX_CHUNKS)

/* Local chunk arrays: a whole window plus two chunks for carries. */
#define LOCAL_CHUNKS		(XSUM_MAX_CHUNKS + 2)

typedef char xsum_check_shift[(((int64_t) -3) >> 1) == -2 ? 1 : -1];
typedef char xsum_check_chunk_bits[XSUM_CHUNK_BITS == 32 ? 1 : -1];
typedef char xsum_check_budget[XSUM_BUDGET >= 4 && XSUM_BUDGET <= XSUM_MAX_BUDGET ? 1 : -1];

/* A term v * 2^(pos - POS_BIAS) waiting to be added. */
typedef struct Term
{
	int64_t		v;
	int			pos;
} Term;

/* A factor of a product: f * 2^e with f in [1, 2) in magnitude, or 0. */
typedef struct Factor
{
	double		f;
	int			e;
} Factor;

/* A double-double number hi + lo, |lo| <= ulp(hi) / 2. */
typedef struct DD
{
	double		hi;
	double		lo;
} DD;

static const char *const digits = "0123456789abcdef";

/* Reinterprets bits as a double. */
static inline double
BitsToDouble(uint64_t bits)
{
	double		d;

	memcpy(&d, &bits, sizeof(d));
	return d;
}

/* Reinterprets a double as bits. */
static inline uint64_t
DoubleToBits(double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	return bits;
}

/* Number of leading zero bits of a non-zero 64-bit value. */
static inline int
Clz64(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_clzll(x);
#else
	int			n = 0;

	while (!(x & SIGN_BIT))
	{
		x <<= 1;
		n++;
	}
	return n;
#endif
}

/* Number of trailing zero bits of a non-zero 64-bit value. */
static inline int
Ctz64(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_ctzll(x);
#else
	int			n = 0;

	while (!(x & 1))
	{
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/* Adds v * 2^s (0 <= s < 32, |v| < 2^62) to chunks c[0], c[1] and c[2]. */
static inline void
AddTerm(int64_t *c, int64_t v, int s)
{
	int64_t		q = v >> (32 - s);

	c[0] += (int64_t) (((uint64_t) v << s) & 0xFFFFFFFF);
	c[1] += q & LOW32;
	c[2] += q >> 32;
}

/* Propagates carries: c[0 .. n-2] end in [0, 2^32), c[n-1] signed. */
static void
NormalizeChunks(int64_t *c, int n)
{
	int			i;

	for (i = 0; i < n - 1; i++)
	{
		c[i + 1] += c[i] >> 32;
		c[i] &= LOW32;
	}
}

/* Window size needed for chunks lo .. hi plus a carry chunk above. */
static inline int
NeedFor(int lo, int hi)
{
	int			need = hi - lo + 2;

	return need < 4 ? 4 : need;
}

/* Lowest chunk index of a window of n chunks centred on lo .. hi. */
static int
PlaceWindow(int lo, int hi, int n)
{
	int			wlo = lo - (n - (hi - lo + 2)) / 2;

	if (wlo > XSUM_IDX_MAX - n + 1)
		wlo = XSUM_IDX_MAX - n + 1;
	if (wlo < XSUM_IDX_MIN)
		wlo = XSUM_IDX_MIN;
	return wlo;
}

/*
 * Sign and magnitude of the n chunks c (unnormalised allowed): m[0 .. n+1]
 * receives the magnitude's chunks, each in [0, 2^32), and *L, *H the lowest
 * and highest non-zero ones.  Returns -1, 0 or +1.
 */
static int
MagnitudeOf(const int64_t *c, int n, int64_t *m, int *L, int *H)
{
	int			i;
	int			sign = 0;

	memcpy(m, c, (size_t) n * sizeof(int64_t));
	m[n] = m[n + 1] = 0;
	NormalizeChunks(m, n + 2);
	if (m[n + 1] < 0)
	{
		for (i = 0; i < n + 2; i++)
			m[i] = -m[i];
		NormalizeChunks(m, n + 2);
		sign = -1;
	}
	for (*H = n + 1; *H >= 0 && m[*H] == 0; (*H)--)
		;
	if (*H < 0)
		return 0;
	for (*L = 0; m[*L] == 0; (*L)++)
		;
	return sign ? sign : 1;
}

/* MagnitudeOf() for an accumulator; indexes relative to a->lo. */
static int
Magnitude(const XSum *a, int64_t *m, int *L, int *H)
{
	if (!a->used)
		return 0;
	return MagnitudeOf(a->c, a->n, m, L, H);
}

/*
 * The carry budget of a normalised accumulator whose contents and coming
 * terms reach chunk top (absolute): none when that is within two chunks of
 * the top of the range.  Unchecked additions, up to XSUM_BUDGET of them,
 * each below 2^3072, cannot carry a sum below 2^(32 * (XSUM_TOP_MAX - 1))
 * past XSUM_TOP_MAX; nearer the top every addition takes a slow path that
 * checks the range (FinishChecked), so the sum never leaves it.
 */
static inline int
BudgetBelow(int top)
{
	return top >= XSUM_TOP_MAX - 1 ? 0 : XSUM_BUDGET;
}

/* BudgetBelow for the contents of a normalised accumulator. */
static int
FullBudget(const XSum *a)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0;

	if (!Magnitude(a, m, &L, &H))
		return XSUM_BUDGET;
	return BudgetBelow(a->lo + H);
}

/*
 * Makes room for terms touching chunks rlo .. rhi (absolute indexes): on
 * return 0, *a is normalised with a full budget (none near the top of the
 * range: BudgetBelow) and its window holds its
 * contents and rlo .. rhi below the carry chunk.  Otherwise returns the
 * window size needed, or XSUM_RANGE when the contents or the terms reach
 * past XSUM_TOP_MAX (then no window could hold them below its carry chunk),
 * and leaves *a untouched.
 */
static int
MakeRoom(XSum *a, int rlo, int rhi)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0,
				sign,
				lo,
				need,
				i;

	sign = Magnitude(a, m, &L, &H);
	if (sign)
	{
		if (a->lo + L < rlo)
			rlo = a->lo + L;
		if (a->lo + H > rhi)
			rhi = a->lo + H;
	}
	if (rhi > XSUM_TOP_MAX)
		return XSUM_RANGE;
	need = NeedFor(rlo, rhi);
	if (need > a->n)
		return need;
	lo = PlaceWindow(rlo, rhi, a->n);
	memset(a->c, 0, (size_t) a->n * sizeof(int64_t));
	for (i = L; sign && i <= H; i++)
		a->c[a->lo + i - lo] = sign < 0 ? -m[i] : m[i];
	a->lo = lo;
	a->used = a->n - 3;
	a->budget = BudgetBelow(rhi);
	NormalizeChunks(a->c, a->n);
	return 0;
}

/*
 * An addition near the top of the range (no carry budget: BudgetBelow),
 * finished: the terms are in, the sum is normalised and, when it left the
 * range, the chunks saved before the addition are restored (all or
 * nothing, as xsum_merge).  The budget stays zero.
 */
static int
FinishChecked(XSum *a, const int64_t *saved)
{
	NormalizeChunks(a->c, a->n);
	if (xsum_in_range(a))
		return 0;
	memcpy(a->c, saved, (size_t) a->n * sizeof(int64_t));
	return XSUM_RANGE;
}

/*
 * Adds nt terms, all or none: the general path, also taken when the hot
 * path finds a term outside the window or the carry budget used up.
 */
static NOINLINE int
AddTerms(XSum *a, const Term *t, int nt)
{
	int			rlo = XSUM_IDX_MAX,
				rhi = XSUM_IDX_MIN,
				live = 0,
				i,
				r;

	for (i = 0; i < nt; i++)
	{
		if (t[i].v == 0)
			continue;
		if (CHUNK_OF(t[i].pos) < rlo)
			rlo = CHUNK_OF(t[i].pos);
		if (CHUNK_OF(t[i].pos) + 2 > rhi)
			rhi = CHUNK_OF(t[i].pos) + 2;
		live++;
	}
	if (live == 0)
		return 0;
	if (!a->used || rlo < a->lo || rhi > a->lo + a->n - 2 ||
		a->budget < live)
	{
		r = MakeRoom(a, rlo, rhi);
		if (r)
			return r;
	}
	if (a->budget < live)
	{
		/* near the top of the range: checked */
		int64_t		saved[LOCAL_CHUNKS];

		memcpy(saved, a->c, (size_t) a->n * sizeof(int64_t));
		for (i = 0; i < nt; i++)
			if (t[i].v != 0)
				AddTerm(a->c + (CHUNK_OF(t[i].pos) - a->lo), t[i].v, t[i].pos & 31);
		return FinishChecked(a, saved);
	}
	for (i = 0; i < nt; i++)
		if (t[i].v != 0)
			AddTerm(a->c + (CHUNK_OF(t[i].pos) - a->lo), t[i].v, t[i].pos & 31);
	a->budget -= live;
	return 0;
}

/* SplitFactor's branch for zero and subnormals (normalised; zero: f = 0). */
static NOINLINE Factor
SplitSmall(uint64_t bits)
{
	uint64_t	frac = bits & FRAC_MASK;
	Factor		r = {0.0, 0};
	int			sh;

	if (frac == 0)
		return r;
	sh = Clz64(frac) - 11;
	frac = (frac << sh) & FRAC_MASK;
	r.f = BitsToDouble((bits & SIGN_BIT) | ONE_BITS | frac);
	r.e = -1022 - sh;
	return r;
}

/*
 * Splits a finite double's bits into a mantissa f in [1, 2) (with the sign)
 * and an exponent e, x = f * 2^e.  Zero gives f = 0.
 */
static inline Factor
SplitFactor(uint64_t bits)
{
	int			ef = (int) (bits >> 52) & 0x7FF;
	Factor		r;

	if (ef == 0)
		return SplitSmall(bits);
	r.f = BitsToDouble((bits & ~INF_BITS) | ONE_BITS);
	r.e = ef - 1023;
	return r;
}

/*
 * Makes a term of d * 2^e (d finite), stripped of trailing zero bits so it
 * sits as high as possible.  A zero d gives v = 0.
 */
static void
DoubleTerm(Term *t, double d, int e)
{
	uint64_t	bits = DoubleToBits(d);
	int			ef = (int) (bits >> 52) & 0x7FF;
	uint64_t	m = (bits & FRAC_MASK) | ((uint64_t) (ef != 0) << 52);
	int			tz;

	t->v = 0;
	t->pos = 0;
	if (m == 0)
		return;
	tz = Ctz64(m);
	m >>= tz;
	t->v = (bits & SIGN_BIT) ? -(int64_t) m : (int64_t) m;
	t->pos = (ef ? ef : 1) - 1075 + tz + e + POS_BIAS;
}

/* Makes *a an empty sum with a window of n chunks. */
void
xsum_init(XSum *a, int n)
{
	a->lo = 0;
	a->n = n;
	a->budget = XSUM_BUDGET;
	a->used = 0;
	memset(a->c, 0, (size_t) n * sizeof(int64_t));
}

/* Copies src into dst (which may be src, grown in place), n >= src->n. */
void
xsum_copy(XSum *dst, int n, const XSum *src)
{
	int			srcn = src->n,
				srclo = src->lo,
				lo = src->lo,
				off;

	if (!src->used)
	{
		xsum_init(dst, n);
		return;
	}
	if (lo > XSUM_IDX_MAX - n + 1)
		lo = XSUM_IDX_MAX - n + 1;
	off = srclo - lo;
	memmove(dst->c + off, src->c, (size_t) srcn * sizeof(int64_t));
	memset(dst->c, 0, (size_t) off * sizeof(int64_t));
	memset(dst->c + off + srcn, 0, (size_t) (n - off - srcn) * sizeof(int64_t));
	dst->lo = lo;
	dst->n = n;
	dst->used = n - 3;
	NormalizeChunks(dst->c, n);
	dst->budget = FullBudget(dst);
}

/*
 * Adds x exactly, any x and any window (xsum_add in xsum.h inlines the hot
 * path: a few shifts, adds and one branch).
 */
int
xsum_add_any(XSum *a, double x)
{
	uint64_t	bits = DoubleToBits(x);
	int			ef = (int) (bits >> 52) & 0x7FF;
	int64_t		m = (int64_t) ((bits & FRAC_MASK) | ((uint64_t) (ef != 0) << 52));
	int64_t		neg = -(int64_t) (bits >> 63);
	int			pos = ef + (ef == 0) - 1075 + POS_BIAS;
	int			k = CHUNK_OF(pos) - a->lo;
	Term		t;

	if ((uint32_t) k < (uint32_t) a->used && a->budget > 0)
	{
		a->budget--;
		AddTerm(a->c + k, (m ^ neg) - neg, pos & 31);
		return 0;
	}
	t.v = (m ^ neg) - neg;
	t.pos = pos;
	return AddTerms(a, &t, 1);
}

/* Adds x + y + z exactly, all or nothing, any terms and any window. */
int
xsum_add3_any(XSum *a, double x, double y, double z)
{
	Term		t[3];

	DoubleTerm(&t[0], x, 0);
	DoubleTerm(&t[1], y, 0);
	DoubleTerm(&t[2], z, 0);
	return AddTerms(a, t, 3);
}

/* AddPair's slow path: makes room for chunks k .. k+4, then adds. */
static NOINLINE int
AddPairSlow(XSum *a, uint64_t lo, int64_t hi, int pos)
{
	int			k = CHUNK_OF(pos);

	if (lo == 0 && hi == 0)
		return 0;
	if (!a->used || k < a->lo || k + 4 > a->lo + a->n - 2 || a->budget < 1)
	{
		int			r = MakeRoom(a, k, k + 4);

		if (r)
			return r;
	}
	if (a->budget < 1)
	{
		/* near the top of the range: checked */
		int64_t		saved[LOCAL_CHUNKS];

		memcpy(saved, a->c, (size_t) a->n * sizeof(int64_t));
		xsum_add_wide(a->c + (k - a->lo), lo, hi, pos & 31);
		return FinishChecked(a, saved);
	}
	a->budget--;
	xsum_add_wide(a->c + (k - a->lo), lo, hi, pos & 31);
	return 0;
}

/*
 * Adds fa * fb * 2^e exactly, fa and fb in [1, 2) in magnitude: the exact
 * product P * 2^(e-52) + E * 2^(e-104) from fma, added as one wide integer
 * (P alone, with its own exponent, when E is zero).
 */
static inline int
AddPair(XSum *a, double fa, double fb, int e)
{
	double		p = fa * fb;
	double		err = fma(fa, fb, -p);
	int64_t		P = (int64_t) (p * 0x1p52);
	int64_t		E = (int64_t) (err * 0x1p104);
	uint64_t	lo = ((uint64_t) P << 52) + (uint64_t) E;
	int64_t		hi = (P >> 12) + (E >> 63) + (lo < ((uint64_t) P << 52));
	int			pos = e - 104 + POS_BIAS;
	int			k;

	if (E == 0)
	{
		lo = (uint64_t) P;
		hi = P >> 63;
		pos += 52;
	}
	k = CHUNK_OF(pos) - a->lo;
	if ((uint32_t) k < (uint32_t) a->used &&
		(uint32_t) (k + 2) < (uint32_t) a->used && a->budget > 0)
	{
		a->budget--;
		xsum_add_wide(a->c + k, lo, hi, pos & 31);
		return 0;
	}
	return AddPairSlow(a, lo, hi, pos);
}

/*
 * Adds x * y exactly, any factors and any window (xsum_add_prod in xsum.h
 * inlines the hot path for normal factors; zero and subnormal factors take
 * a slower branch here).
 */
int
xsum_add_prod_any(XSum *a, double x, double y)
{
	Factor		fx = SplitFactor(DoubleToBits(x));
	Factor		fy = SplitFactor(DoubleToBits(y));

	if (fx.f == 0 || fy.f == 0)
		return 0;
	return AddPair(a, fx.f, fy.f, fx.e + fy.e);
}

/*
 * A normal or zero double d times 2^e as a term (no stripping of trailing
 * zeros); a zero d gets position zpos, which the caller knows is in use.
 */
static inline void
SplitTerm(Term *t, double d, int e, int zpos)
{
	uint64_t	bits = DoubleToBits(d);
	int			ef = (int) (bits >> 52) & 0x7FF;
	int64_t		m = (int64_t) ((bits & FRAC_MASK) | ((uint64_t) (ef != 0) << 52));
	int64_t		neg = -(int64_t) (bits >> 63);

	t->v = (m ^ neg) - neg;
	t->pos = m ? ef - 1075 + e + POS_BIAS : zpos;
}

/*
 * p = a * b rounded, and *err = a * b - p exactly, for |a|, |b| < 8 (the
 * scaled factors and their products, so nothing overflows or underflows):
 * fma() where it is an instruction; otherwise Dekker's product with
 * Veltkamp's split, exact in double arithmetic rounded to nearest, so that
 * a build without FMA instructions makes no call into libm per row.
 */
static ALWAYS_INLINE double
TwoProd(double a, double b, double *err)
{
	double		p = a * b;

#if defined(FP_FAST_FMA) || !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
	*err = fma(a, b, -p);
#else
	const double split = 134217729.0;	/* 2^27 + 1 */
	double		ta = split * a,
				ah = ta - (ta - a),
				al = a - ah,
				tb = split * b,
				bh = tb - (tb - b),
				bl = b - bh;

	*err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
	return p;
}

/*
 * The four exact terms of x * y * z: with p + err = a * b (fma), the terms
 * p * c and err * c are split by fma again; d[] receives them as doubles and
 * *e their common exponent.  Returns 0 when a factor is zero.
 */
static ALWAYS_INLINE int
Prod3Terms(double x, double y, double z, Term *t, double *d, int *e)
{
	Factor		fa = SplitFactor(DoubleToBits(x));
	Factor		fb = SplitFactor(DoubleToBits(y));
	Factor		fc = SplitFactor(DoubleToBits(z));
	double		p,
				err;

	if (fa.f == 0 || fb.f == 0 || fc.f == 0)
		return 0;
	*e = fa.e + fb.e + fc.e;
	p = TwoProd(fa.f, fb.f, &err);
	d[0] = TwoProd(p, fc.f, &d[1]);
	d[2] = TwoProd(err, fc.f, &d[3]);
	SplitTerm(&t[0], d[0], *e, 0);
	SplitTerm(&t[1], d[1], *e, t[0].pos);
	SplitTerm(&t[2], d[2], *e, t[0].pos);
	SplitTerm(&t[3], d[3], *e, t[0].pos);
	return 1;
}

/*
 * Slow path of xsum_add_prod3.  Terms that would reach below XSUM_IDX_MIN
 * (products of tiny numbers) are stripped of trailing zero bits; otherwise
 * the window is made to fit the terms as the hot path places them.
 */
static NOINLINE int
AddProd3Slow(XSum *a, double x, double y, double z)
{
	Term		t[4];
	double		d[4];
	int			e,
				i;

	if (!Prod3Terms(x, y, z, t, d, &e))
		return 0;
	for (i = 0; i < 4; i++)
		if (CHUNK_OF(t[i].pos) < XSUM_IDX_MIN)
			break;
	for (; i < 4; i++)
		DoubleTerm(&t[i], d[i], e);
	return AddTerms(a, t, 4);
}

/*
 * Adds x * y * z exactly, any factors and any window: four fma-split terms
 * (see Prod3Terms).  xsum_add_prod3 in xsum.h forms the product of normal
 * factors as one integer instead.
 */
int
xsum_add_prod3_any(XSum *a, double x, double y, double z)
{
	Term		t[4];
	double		d[4];
	int			e,
				klo,
				khi,
				lo = a->lo;

	if (!Prod3Terms(x, y, z, t, d, &e))
		return 0;
	klo = t[3].pos < t[2].pos ? t[3].pos : t[2].pos;
	klo = CHUNK_OF(t[1].pos < klo ? t[1].pos : klo) - a->lo;
	khi = CHUNK_OF(t[0].pos) - a->lo;
	if (klo < 0 || (uint32_t) khi >= (uint32_t) a->used || a->budget < 4)
		return AddProd3Slow(a, x, y, z);
	a->budget -= 4;
	AddTerm(a->c + (CHUNK_OF(t[0].pos) - lo), t[0].v, t[0].pos & 31);
	AddTerm(a->c + (CHUNK_OF(t[1].pos) - lo), t[1].v, t[1].pos & 31);
	AddTerm(a->c + (CHUNK_OF(t[2].pos) - lo), t[2].v, t[2].pos & 31);
	AddTerm(a->c + (CHUNK_OF(t[3].pos) - lo), t[3].v, t[3].pos & 31);
	return 0;
}

/* The slow path of xsum_add_prod3's integer product (see xsum.h). */
int
xsum_add_wide3_any(XSum *a, uint64_t w0, uint64_t w1, uint64_t w2, int pos,
				   double x, double y, double z)
{
	int			k = CHUNK_OF(pos);

	if (k + 5 > XSUM_TOP_MAX)
		return xsum_add_prod3_any(a, x, y, z);
	if (!a->used || k < a->lo || k + 5 > a->lo + a->n - 2 || a->budget < 1)
	{
		int			r = MakeRoom(a, k, k + 5);

		if (r)
			return r;
	}
	if (a->budget < 1)
	{
		/* near the top of the range: checked */
		int64_t		saved[LOCAL_CHUNKS];

		memcpy(saved, a->c, (size_t) a->n * sizeof(int64_t));
		xsum_add_wide3(a->c + (k - a->lo), w0, w1, w2, pos & 31);
		return FinishChecked(a, saved);
	}
	a->budget--;
	xsum_add_wide3(a->c + (k - a->lo), w0, w1, w2, pos & 31);
	return 0;
}

/* a += b exactly; b is normalised in place. */
int
xsum_merge(XSum *a, XSum *b)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L,
				H,
				sign,
				blo = b->lo,
				r,
				i;

	xsum_normalize(b);
	sign = Magnitude(b, m, &L, &H);
	if (!sign)
		return 0;
	r = MakeRoom(a, blo + L, blo + H);
	if (r)
		return r;
	for (i = L; i <= H; i++)
		a->c[blo + i - a->lo] += sign < 0 ? -m[i] : m[i];
	NormalizeChunks(a->c, a->n);
	if (!xsum_in_range(a))
	{
		/* the carry of the sum left the range: subtract b again, exactly */
		for (i = L; i <= H; i++)
			a->c[blo + i - a->lo] -= sign < 0 ? -m[i] : m[i];
		NormalizeChunks(a->c, a->n);
		return XSUM_RANGE;
	}
	return 0;
}

/* The magnitude of the value uses no chunk above XSUM_TOP_MAX. */
int
xsum_in_range(const XSum *a)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L,
				H;

	return Magnitude(a, m, &L, &H) == 0 || a->lo + H <= XSUM_TOP_MAX;
}

/* Propagates carries: canonical form within the window, same value. */
void
xsum_normalize(XSum *a)
{
	NormalizeChunks(a->c, a->n);
	a->budget = FullBudget(a);
}

/* The sign of the exact value. */
int
xsum_sign(const XSum *a)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L,
				H;

	return Magnitude(a, m, &L, &H);
}

/* Bit length of a value in [1, 2^32). */
static inline int
BitLength32(int64_t x)
{
	return 64 - Clz64((uint64_t) x);
}

/*
 * Top 128 bits of the magnitude m[L .. H] (chunk lo + i for m[i]): *x1 has
 * bit 63 set, *x0 follows, *sticky tells whether any lower bit is set.
 * Returns the exponent of the top bit.
 */
static int
TopBits(const int64_t *m, int lo, int L, int H,
		uint64_t *x1, uint64_t *x0, int *sticky)
{
	uint64_t	w[5];
	uint64_t	A,
				B,
				C,
				rest;
	int			nb = BitLength32(m[H]),
				sh = 32 - nb,
				i;

	for (i = 0; i < 5; i++)
		w[i] = H - i >= L ? (uint64_t) m[H - i] : 0;
	A = w[0] << 32 | w[1];
	B = w[2] << 32 | w[3];
	C = w[4] << 32;
	*x1 = sh ? A << sh | B >> (64 - sh) : A;
	*x0 = sh ? B << sh | C >> (64 - sh) : B;
	rest = C << sh;
	*sticky = rest != 0;
	for (i = L; i < H - 4 && !*sticky; i++)
		*sticky = m[i] != 0;
	return XSUM_CHUNK_BITS * (lo + H) + nb - 1;
}

/*
 * Rounds a magnitude (top 64 bits x with bit 63 set, top bit exponent E,
 * sticky for anything below) to the nearest double, ties to even.
 */
static int
RoundBits(uint64_t x, int E, int sticky, int neg, double *result)
{
	uint64_t	base = 0,
				mant,
				r,
				half,
				bits;
	int			shift = 11;

	if (E > 1023)
		return XSUM_OVERFLOW;
	if (E >= -1022)
		base = (uint64_t) (E + 1022) << 52;
	else
		shift = 11 - 1022 - E;
	if (shift > 64)
		mant = r = 0, half = 1;
	else if (shift == 64)
		mant = 0, r = x, half = SIGN_BIT;
	else
	{
		mant = x >> shift;
		r = x & ((((uint64_t) 1) << shift) - 1);
		half = ((uint64_t) 1) << (shift - 1);
	}
	bits = base + mant;
	if (r > half || (r == half && (sticky || (mant & 1))))
		bits++;
	if (bits >= INF_BITS)
		return XSUM_OVERFLOW;
	*result = BitsToDouble(bits | (neg ? SIGN_BIT : 0));
	return XSUM_OK;
}

/* Rounds a sign and magnitude (as from MagnitudeOf) to a double. */
static int
RoundMagnitude(const int64_t *m, int lo, int L, int H, int sign,
			   double *result)
{
	uint64_t	x1,
				x0;
	int			sticky,
				E;

	if (!sign)
	{
		*result = 0.0;
		return XSUM_OK;
	}
	E = TopBits(m, lo, L, H, &x1, &x0, &sticky);
	return RoundBits(x1, E, sticky || x0 != 0, sign < 0, result);
}

/* Rounds the exact value to the nearest double (ties to even). */
int
xsum_round(const XSum *a, double *result)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0,
				sign;

	sign = Magnitude(a, m, &L, &H);
	return RoundMagnitude(m, a->lo, L, H, sign, result);
}

/* s + e where |e| is small against s: exact double-double sum. */
static inline DD
QuickTwoSum(double s, double e)
{
	DD			r;

	r.hi = s + e;
	r.lo = e - (r.hi - s);
	return r;
}

/* a + b as an exact double-double. */
static inline DD
TwoSum(double a, double b)
{
	DD			r;
	double		bb;

	r.hi = a + b;
	bb = r.hi - a;
	r.lo = (a - (r.hi - bb)) + (b - bb);
	return r;
}

/* a - b in double-double. */
static DD
DDSub(DD a, DD b)
{
	DD			s = TwoSum(a.hi, -b.hi);
	DD			t = TwoSum(a.lo, -b.lo);

	s.lo += t.hi;
	s = QuickTwoSum(s.hi, s.lo);
	s.lo += t.lo;
	return QuickTwoSum(s.hi, s.lo);
}

/* a * b in double-double. */
static DD
DDMul(DD a, DD b)
{
	double		p = a.hi * b.hi;
	double		e = fma(a.hi, b.hi, -p);

	e += a.hi * b.lo + a.lo * b.hi;
	return QuickTwoSum(p, e);
}

/* a * b in double-double, b a double. */
static DD
DDMulD(DD a, double b)
{
	double		p = a.hi * b;
	double		e = fma(a.hi, b, -p);

	e += a.lo * b;
	return QuickTwoSum(p, e);
}

/* a / b in double-double: three quotient digits with exact remainders. */
static DD
DDDiv(DD a, DD b)
{
	double		q1 = a.hi / b.hi,
				q2,
				q3;
	DD			r,
				q;

	r = DDSub(a, DDMulD(b, q1));
	q2 = r.hi / b.hi;
	r = DDSub(r, DDMulD(b, q2));
	q3 = r.hi / b.hi;
	q = QuickTwoSum(q1, q2);
	r = TwoSum(q.hi, q3);
	r.lo += q.lo;
	return QuickTwoSum(r.hi, r.lo);
}

/*
 * Reads a non-zero magnitude as a double-double in [1, 2) times 2^E: the
 * top 116 bits exactly, the rest as a sticky bit.  Returns E.
 */
static int
ReadDD(const int64_t *m, int lo, int L, int H, DD *d)
{
	uint64_t	x1,
				x0;
	int			sticky,
				E;

	E = TopBits(m, lo, L, H, &x1, &x0, &sticky);
	*d = QuickTwoSum((double) (x1 >> 11) * 0x1p-52,
					 (double) (x1 & 0x7FF) * 0x1p-63 +
					 (double) (x0 | (uint64_t) sticky) * 0x1p-127);
	return E;
}

/* Rounds (q.hi + q.lo) * 2^K, q in (1/4, 4), to a double, once. */
static int
RoundDD(DD q, int K, int neg, double *result)
{
	int64_t		c[LOCAL_CHUNKS];
	int64_t		m[LOCAL_CHUNKS];
	Term		t[2];
	int			L,
				H,
				sign,
				i;

	/*
	 * A result in the normal range: one IEEE addition rounds the exact
	 * q.hi + q.lo once (to nearest, ties to even), and scaling by 2^K is
	 * exact, so this is what the general path below computes.
	 */
	if (K >= -1019 && K <= 1020)
	{
		*result = ldexp(neg ? -(q.hi + q.lo) : q.hi + q.lo, K);
		return XSUM_OK;
	}
	if (K > 1026)
		return XSUM_OVERFLOW;
	if (K < -1080)
	{
		*result = neg ? -0.0 : 0.0;
		return XSUM_OK;
	}
	memset(c, 0, sizeof(c));
	DoubleTerm(&t[0], q.hi, K);
	DoubleTerm(&t[1], q.lo, K);
	for (i = 0; i < 2; i++)
		if (t[i].v != 0)
			AddTerm(c + (CHUNK_OF(t[i].pos) - XSUM_IDX_MIN), t[i].v, t[i].pos & 31);
	sign = MagnitudeOf(c, XSUM_MAX_CHUNKS, m, &L, &H);
	if (neg)
		sign = -sign;
	return RoundMagnitude(m, XSUM_IDX_MIN, L, H, sign, result);
}

/* num^pnum / den^pden (powers 1 or 2) in double-double arithmetic. */
int
xsum_ratio(const XSum *num, int pnum, const XSum *den, int pden,
		   double *result)
{
	int64_t		mn[LOCAL_CHUNKS],
				md[LOCAL_CHUNKS];
	int			Ln = 0,
				Hn = 0,
				Ld = 0,
				Hd = 0,
				sn,
				sd,
				En,
				Ed;
	DD			n,
				d;

	sd = Magnitude(den, md, &Ld, &Hd);
	if (!sd)
		return XSUM_DIVZERO;
	sn = Magnitude(num, mn, &Ln, &Hn);
	if (!sn)
	{
		*result = 0.0;
		return XSUM_OK;
	}
	En = ReadDD(mn, num->lo, Ln, Hn, &n);
	Ed = ReadDD(md, den->lo, Ld, Hd, &d);
	if (pnum == 2)
		n = DDMul(n, n);
	if (pden == 2)
		d = DDMul(d, d);
	return RoundDD(DDDiv(n, d), pnum * En - pden * Ed,
				   (sn < 0 && pnum == 1) != (sd < 0 && pden == 1), result);
}

/* Upper bound on the text length of a (without the NUL). */
size_t
xsum_text_max(const XSum *a)
{
	return (size_t) 8 * (size_t) (a->n + 2) + 16;
}

/* Writes a small integer in decimal; returns the number of characters. */
static int
WriteInt(char *p, int v)
{
	char		tmp[12];
	int			n = 0,
				len = 0;

	if (v < 0)
	{
		p[len++] = '-';
		v = -v;
	}
	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0)
		p[len++] = tmp[--n];
	return len;
}

/* Writes the canonical text of a and a NUL; returns its length. */
size_t
xsum_to_text(const XSum *a, char *buf)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0,
				sign,
				i,
				j;
	char	   *p = buf;

	sign = Magnitude(a, m, &L, &H);
	if (!sign)
	{
		strcpy(buf, "0");
		return 1;
	}
	*p++ = '1';
	*p++ = '.';
	p += WriteInt(p, a->lo + L);
	*p++ = '.';
	p += WriteInt(p, H - L + 1);
	*p++ = '.';
	if (sign < 0)
		*p++ = '-';
	for (i = H; i >= L; i--)
		for (j = 28; j >= 0; j -= 4)
			*p++ = digits[(m[i] >> j) & 0xF];
	*p = '\0';
	return (size_t) (p - buf);
}

/*
 * Parses a canonical decimal integer (no '+', no leading zeros, no "-0", at
 * most four digits) at s[*pos .. end).  Returns 0 on success.
 */
static int
ParseInt(const char *s, size_t end, size_t *pos, int *val)
{
	size_t		i = *pos;
	int			neg = 0,
				nd = 0,
				v = 0;

	if (i < end && s[i] == '-')
	{
		neg = 1;
		i++;
	}
	while (i < end && s[i] >= '0' && s[i] <= '9' && nd < 5)
	{
		v = v * 10 + (s[i++] - '0');
		nd++;
	}
	if (nd == 0 || nd > 4 || (nd > 1 && s[i - nd] == '0') || (neg && v == 0))
		return -1;
	*val = neg ? -v : v;
	*pos = i;
	return 0;
}

/* Value of a lowercase hex digit, or -1. */
static inline int
HexValue(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* Checks the text's header "1.L.N." and hex digits; fills *L, *N, *neg. */
static const char *
ParseHeader(const char *s, size_t end, size_t *pos, int *L, int *N, int *neg)
{
	size_t		i;

	if (end < 2 || s[0] != '1' || s[1] != '.')
		return "unknown format or version";
	*pos = 2;
	if (ParseInt(s, end, pos, L) || *pos >= end || s[*pos] != '.')
		return "malformed chunk index";
	(*pos)++;
	if (ParseInt(s, end, pos, N) || *N < 1 || *pos >= end || s[*pos] != '.')
		return "malformed chunk count";
	(*pos)++;
	*neg = *pos < end && s[*pos] == '-';
	*pos += *neg;
	if (*N > XSUM_MAX_CHUNKS)
		return "too many chunks";
	if (*L < XSUM_IDX_MIN || *L + *N > XSUM_IDX_MAX)
		return "chunk index out of range";
	for (i = *pos; i < end; i++)
		if (HexValue(s[i]) < 0)
			return "bad hex digit or trailing garbage";
	if (end - *pos < (size_t) 8 * (size_t) *N)
		return "truncated chunk data";
	if (end - *pos > (size_t) 8 * (size_t) *N)
		return "too much chunk data";
	return NULL;
}

/* Reads 8 hex digits (already checked) as a chunk value. */
static int64_t
ReadChunk(const char *s)
{
	int64_t		v = 0;
	int			j;

	for (j = 0; j < 8; j++)
		v = v * 16 + HexValue(s[j]);
	return v;
}

/* Parses one accumulator's text (see the top of this file). */
int
xsum_from_text(const char *s, size_t len, XSum *a, int *needed,
			   const char **errmsg)
{
	size_t		end,
				pos;
	int			L,
				N,
				neg,
				need,
				i;

	for (end = 0; end < len && end <= MAX_TEXT && s[end] != ';'; end++)
		;
	if (end > MAX_TEXT)
	{
		*errmsg = "accumulator text too long";
		return -1;
	}
	if (end == 0)
	{
		*errmsg = "empty accumulator text";
		return -1;
	}
	if (s[0] == '0')
	{
		if (end != 1)
		{
			*errmsg = "trailing garbage after zero accumulator";
			return -1;
		}
		*needed = 1;
		if (a)
			xsum_init(a, a->n);
		return 1;
	}
	*errmsg = ParseHeader(s, end, &pos, &L, &N, &neg);
	if (*errmsg)
		return -1;
	if (ReadChunk(s + pos) == 0 || ReadChunk(s + end - 8) == 0)
	{
		*errmsg = "non-canonical chunks (zero top or bottom chunk)";
		return -1;
	}
	need = NeedFor(L, L + N - 1);
	*needed = need;
	if (!a)
		return (int) end;
	if (a->n < need)
	{
		*errmsg = "accumulator window too small for text";
		return -1;
	}
	xsum_init(a, a->n);
	a->lo = PlaceWindow(L, L + N - 1, a->n);
	a->used = a->n - 3;
	for (i = 0; i < N; i++)
	{
		int64_t		v = ReadChunk(s + end - 8 * (size_t) (i + 1));

		a->c[L + i - a->lo] = neg ? -v : v;
	}
	NormalizeChunks(a->c, a->n);
	a->budget = FullBudget(a);
	return (int) end;
}

/* a = -a: each chunk negated (the chunk bounds are symmetric). */
void
xsum_negate(XSum *a)
{
	int			i;

	for (i = 0; i < a->n; i++)
		a->c[i] = -a->c[i];
}

/* The smallest window holding the value (1 for zero). */
int
xsum_fit(const XSum *a)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0;

	if (!Magnitude(a, m, &L, &H))
		return 1;
	return NeedFor(a->lo + L, a->lo + H);
}

/* Copies src into a window of n >= xsum_fit(src) chunks (dst may be src). */
void
xsum_compact(XSum *dst, int n, const XSum *src)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0,
				lo = src->lo,
				wlo,
				sign,
				i;

	sign = Magnitude(src, m, &L, &H);
	xsum_init(dst, n);
	if (!sign)
		return;
	wlo = PlaceWindow(lo + L, lo + H, n);
	dst->lo = wlo;
	dst->used = n - 3;
	for (i = L; i <= H; i++)
		dst->c[lo + i - wlo] = sign < 0 ? -m[i] : m[i];
	NormalizeChunks(dst->c, n);
	dst->budget = FullBudget(dst);
}

/* A real from a double-double q (in [1/4, 4) or zero) times 2^e. */
static XSumReal
MakeReal(DD q, int e, int sign)
{
	XSumReal	r;

	if (sign == 0 || q.hi == 0)
	{
		r.hi = r.lo = 0;
		r.exp = 0;
		r.sign = 0;
		return r;
	}
	while (q.hi >= 2)
	{
		q.hi *= 0.5;
		q.lo *= 0.5;
		e++;
	}
	while (q.hi < 1)
	{
		q.hi *= 2;
		q.lo *= 2;
		e--;
	}
	r.hi = q.hi;
	r.lo = q.lo;
	r.exp = e;
	r.sign = sign;
	return r;
}

/* The exact value of a sum, to 116 bits. */
XSumReal
xsum_real(const XSum *a)
{
	int64_t		m[LOCAL_CHUNKS];
	int			L = 0,
				H = 0,
				sign,
				E;
	DD			d = {0, 0};

	sign = Magnitude(a, m, &L, &H);
	if (!sign)
		return MakeReal(d, 0, 0);
	E = ReadDD(m, a->lo, L, H, &d);
	return MakeReal(d, E, sign);
}

/* A double as a real. */
XSumReal
xsum_real_double(double x)
{
	int			e;
	DD			d;

	if (x == 0)
	{
		d.hi = d.lo = 0;
		return MakeReal(d, 0, 0);
	}
	d.hi = 2 * frexp(fabs(x), &e);
	d.lo = 0;
	return MakeReal(d, e - 1, x < 0 ? -1 : 1);
}

/* Adds sign * p * 2^(32 * k) (p < 2^64) into the chunks c (index k). */
static inline void
AddProduct(int64_t *c, uint64_t p, int sign)
{
	c[0] += sign * (int64_t) (p & 0xFFFFFFFF);
	c[1] += sign * (int64_t) (p >> 32);
}

#ifndef Min
#define Min(a, b)			((a) < (b) ? (a) : (b))
#define Max(a, b)			((a) > (b) ? (a) : (b))
#endif

/* Chunks of a product of two sums: indexes down to 2 * XSUM_IDX_MIN. */
#define CROSS_BASE			(2 * XSUM_IDX_MIN)
#define CROSS_CHUNKS		(2 * XSUM_MAX_CHUNKS + 8)

/*
 * n * sxy - sx * sy exactly: schoolbook products of the magnitudes' 32-bit
 * chunks, each split into two increments below 2^32, then read as a real.
 */
XSumReal
xsum_cross(const XSum *sxy, int64_t n, const XSum *sx, const XSum *sy)
{
	int64_t		mx[LOCAL_CHUNKS],
				my[LOCAL_CHUNKS],
				mxy[LOCAL_CHUNKS];
	int64_t		c[CROSS_CHUNKS + 2],
				m[CROSS_CHUNKS + 2];
	int			Lx = 0,
				Hx = 0,
				Ly = 0,
				Hy = 0,
				Lxy = 0,
				Hxy = 0,
				sgx,
				sgy,
				sgxy,
				lo = CROSS_CHUNKS,
				hi = 0,
				L,
				H,
				sign,
				E,
				i,
				j;
	uint64_t	n0 = (uint64_t) n & 0xFFFFFFFF,
				n1 = (uint64_t) n >> 32;
	DD			d = {0, 0};

	sgx = Magnitude(sx, mx, &Lx, &Hx);
	sgy = Magnitude(sy, my, &Ly, &Hy);
	sgxy = Magnitude(sxy, mxy, &Lxy, &Hxy);
	/* the chunks the products touch (c[lo .. hi]) and one for carries */
	if (sgx && sgy)
	{
		lo = sx->lo + Lx + sy->lo + Ly - CROSS_BASE;
		hi = sx->lo + Hx + sy->lo + Hy + 1 - CROSS_BASE;
	}
	if (sgxy)
	{
		lo = Min(lo, sxy->lo + Lxy - CROSS_BASE);
		hi = Max(hi, sxy->lo + Hxy + 2 - CROSS_BASE);
	}
	if (lo > hi)
		return MakeReal(d, 0, 0);
	memset(c + lo, 0, (size_t) (hi - lo + 2) * sizeof(int64_t));
	if (sgx && sgy)
		for (i = Lx; i <= Hx; i++)
			for (j = Ly; j <= Hy; j++)
				AddProduct(c + (sx->lo + i + sy->lo + j - CROSS_BASE),
						   (uint64_t) mx[i] * (uint64_t) my[j], -sgx * sgy);
	if (sgxy)
		for (i = Lxy; i <= Hxy; i++)
		{
			int64_t    *ci = c + (sxy->lo + i - CROSS_BASE);

			AddProduct(ci, (uint64_t) mxy[i] * n0, sgxy);
			AddProduct(ci + 1, (uint64_t) mxy[i] * n1, sgxy);
		}
	sign = MagnitudeOf(c + lo, hi - lo + 2, m, &L, &H);
	if (!sign)
		return MakeReal(d, 0, 0);
	E = ReadDD(m, CROSS_BASE + lo, L, H, &d);
	return MakeReal(d, E, sign);
}

/* a * b. */
XSumReal
xsum_real_mul(XSumReal a, XSumReal b)
{
	DD			x = {a.hi, a.lo},
				y = {b.hi, b.lo};

	return MakeReal(DDMul(x, y), a.exp + b.exp, a.sign * b.sign);
}

/* a / b, b not zero. */
XSumReal
xsum_real_div(XSumReal a, XSumReal b)
{
	DD			x = {a.hi, a.lo},
				y = {b.hi, b.lo};

	return MakeReal(DDDiv(x, y), a.exp - b.exp, a.sign * b.sign);
}

/*
 * sqrt(a), a not negative: a double square root refined by one Newton
 * step whose residual a - s² is exact (fma).
 */
XSumReal
xsum_real_sqrt(XSumReal a)
{
	DD			x = {a.hi, a.lo};
	double		s,
				e;
	int			k = a.exp;

	if (a.sign <= 0)
		return MakeReal(x, 0, 0);
	if (k & 1)
	{
		x.hi *= 2;
		x.lo *= 2;
		k--;
	}
	s = sqrt(x.hi);
	e = fma(-s, s, x.hi) + x.lo;
	return MakeReal(QuickTwoSum(s, e / (2 * s)), k / 2, 1);
}

/* Rounds a real to a double. */
int
xsum_real_round(XSumReal a, double *result)
{
	DD			q = {a.hi, a.lo};

	if (a.sign == 0)
	{
		*result = 0.0;
		return XSUM_OK;
	}
	return RoundDD(q, a.exp, a.sign < 0, result);
}
