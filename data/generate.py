#!/usr/bin/env python3
"""Deterministic generator of tactalloc's SYNTHETIC demo tables.

    python3 data/generate.py           # (re)write data/synthetic_*.csv, print the calibration checks
    python3 data/generate.py --check   # regenerate in memory, compare byte for byte with the
                                       # committed files (exit 1 on any difference), print the checks

Python 3 standard library only. Every table has its own fixed seed, only
random.Random.random() and .gauss() are used, floats are written with fixed
decimals and '\n' line ends, so a rerun gives byte-identical files.

Every number in these files is SYNTHETIC: made up to look like the real thing
and calibrated to a few published aggregate facts (listed in data/README.md and
printed below), never taken from any data provider. The security, issuer and
bond identifiers do not refer to real instruments.

Files written (all in the folder of this script):
    synthetic_constituents.csv        ~500-name US large-cap index, year ends 1990-2025 + month ends 2025
    synthetic_portfolio_holdings.csv  a 60-name active portfolio at 2025-12-31 (subset of the index)
    synthetic_bond_holdings.csv       corporate bond portfolio 'core_credit' and benchmark 'ig_index'
    synthetic_lei.csv                 monthly OECD-CLI-like leading indicators, 8 regions, 2015-2025
    synthetic_fed_balance_sheet.csv   weekly (Wednesday) Fed total assets and policy-rate upper bound
    synthetic_size_universe.csv       Russell-style ~3 200-name universe at two reconstitution dates
"""

import datetime as dt
import math
import os
import random
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FAILED = []          # calibration checks that missed their tolerance


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def interp(anchors, t):
    """Piecewise-linear interpolation through sorted (t, value) anchors, flat outside."""
    if t <= anchors[0][0]:
        return anchors[0][1]
    for (t0, v0), (t1, v1) in zip(anchors, anchors[1:]):
        if t <= t1:
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0)
    return anchors[-1][1]


def fmt(x, nd):
    s = f"{x:.{nd}f}"
    if s.startswith('-') and float(s) == 0.0:
        s = s[1:]
    return s


def last_weekday(y, m):
    d = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


def shuffled(rng, items):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def pick(rng, items, weights=None):
    if weights is None:
        return items[int(rng.random() * len(items))]
    u = rng.random() * sum(weights)
    for it, w in zip(items, weights):
        u -= w
        if u < 0:
            return it
    return items[-1]


def bisect(f, lo, hi, target, increasing=True, iters=80):
    """Solve f(x) = target for monotone f on [lo, hi]; returns the clamped end if out of range."""
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        v = f(mid)
        if (v < target) == increasing:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def check(label, value, lo, hi, fmtstr="{:.3f}"):
    ok = lo <= value <= hi
    if not ok:
        FAILED.append(label)
    print(f"  [{'ok' if ok else 'MISS'}] {label}: " + fmtstr.format(value)
          + f"  (target {lo:g}..{hi:g})")
    return value


def csv_text(header, rows):
    return "\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n"


# --------------------------------------------------------------------------
# a. synthetic_constituents.csv
# --------------------------------------------------------------------------

SECTORS = ['Information Technology', 'Communication Services', 'Consumer Discretionary',
           'Consumer Staples', 'Energy', 'Financials', 'Health Care', 'Industrials',
           'Materials', 'Real Estate', 'Utilities']
IT, CS, CD, ST, EN, FI, HC, IN, MA, RE, UT = SECTORS

# share of the *number* of names by sector
SECTOR_COUNT = {IT: .14, CS: .045, CD: .11, ST: .07, EN: .05, FI: .14, HC: .12, IN: .15,
                MA: .05, RE: .06, UT: .065}
# sector size level (added to each name's latent log size), anchors by year
SECTOR_LEVEL = {
    IT: [(1990, 0.0), (1999, 0.55), (2002, 0.1), (2007, 0.15), (2018, 0.1), (2025, -0.3)],
    CS: [(1990, -0.1), (1999, 0.3), (2002, -0.1), (2018, -0.1), (2025, -0.3)],
    EN: [(1990, 0.1), (1999, -0.2), (2008, 0.35), (2014, 0.25), (2020, -0.4), (2025, -0.2)],
    FI: [(1990, -0.1), (2006, 0.25), (2008, -0.2), (2025, 0.1)],
    RE: [(1990, -0.3), (2025, -0.3)],
    UT: [(1990, 0.0), (2025, -0.15)],
}
# relative price/sales and net margin by sector (scaled per snapshot by the calibration)
SECTOR_PS = {IT: 2.2, CS: 1.6, CD: 0.8, ST: 0.6, EN: 0.7, FI: 1.6, HC: 0.9, IN: 1.1, MA: 1.0,
             RE: 3.0, UT: 1.5}
SECTOR_MARGIN = {IT: .20, CS: .14, CD: .06, ST: .055, EN: .08, FI: .16, HC: .08, IN: .09,
                 MA: .09, RE: .22, UT: .11}

# Scripted "mega-cap" stories (latent size z by year; active from the first anchor
# to the last). They shape which sectors hold the top of the index; the names
# are anonymous like every other security.
MEGA = [
    (IT, [(1990, 1.5), (1995, 3.0), (1999, 4.6), (2002, 3.9), (2008, 3.6), (2012, 3.5), (2018, 4.2), (2025, 4.75)]),
    (IN, [(1990, 3.6), (1999, 4.45), (2004, 4.3), (2008, 3.5), (2015, 3.3), (2018, 2.3), (2025, 2.6)]),
    (EN, [(1990, 4.0), (1995, 3.9), (1999, 3.95), (2005, 4.3), (2008, 4.5), (2011, 4.3), (2014, 3.9), (2020, 2.9), (2025, 3.3)]),
    (IT, [(1990, 1.8), (1997, 0.5), (2003, 1.6), (2007, 3.2), (2012, 4.4), (2019, 4.45), (2025, 4.9)]),
    (IT, [(2001, 0.8), (2015, 1.5), (2018, 3.0), (2020, 3.5), (2023, 4.3), (2025, 5.0)]),
    (CD, [(2005, 1.8), (2012, 3.0), (2018, 4.3), (2025, 4.45)]),
    (CS, [(2006, 3.6), (2012, 3.9), (2020, 4.2), (2025, 4.55)]),
    (CS, [(2013, 3.3), (2021, 4.0), (2022, 3.3), (2025, 3.95)]),
    (IT, [(2009, 1.0), (2016, 2.7), (2023, 3.5), (2025, 3.75)]),
    (CD, [(2020, 3.9), (2021, 4.2), (2022, 3.5), (2025, 4.05)]),
    (FI, [(2010, 3.6), (2025, 3.85)]),
    (ST, [(1990, 3.2), (1999, 3.9), (2010, 3.4), (2025, 3.5)]),
    (IT, [(1990, 3.9), (1993, 2.8), (1999, 3.7), (2011, 3.9), (2020, 2.6), (2025, 2.9)]),
    (IT, [(1993, 1.5), (1999, 4.3), (2002, 3.5), (2010, 3.0), (2025, 2.9)]),
    (IT, [(1990, 2.4), (1999, 4.1), (2002, 3.5), (2020, 2.9), (2025, 2.3)]),
    (FI, [(1990, 2.0), (2007, 3.6), (2024, 3.7), (2025, 3.9)]),
    (HC, [(1990, 3.0), (2005, 3.0), (2018, 2.9), (2025, 3.85)]),
    (HC, [(1990, 3.1), (2007, 3.75), (2025, 3.4)]),
    (ST, [(1990, 3.3), (1998, 3.7), (2025, 3.0)]),
    (ST, [(1990, 3.1), (2025, 3.1)]),
    (HC, [(1990, 3.5), (1999, 3.7), (2025, 2.9)]),
    (FI, [(1990, 2.2), (2006, 4.0), (2008, 2.6), (2025, 2.5)]),
    (CS, [(1990, 3.8), (1999, 3.8), (2025, 2.8)]),
    (HC, [(1990, 2.6), (2000, 4.1), (2025, 2.6)]),
    (EN, [(1990, 2.9), (2025, 3.0)]),
    (CS, [(1990, 2.8), (2025, 2.8)]),
]

# per-year targets: top-10 share (%), effective N, total cap (USD bn), index P/E,
# cap-weighted P/S, ratio cap-weighted / equal-weighted P/S, share of loss makers
YEAR_TARGETS = {
    #      top10   effN   cap_bn   P/E   P/S  ratio  loss
    1990: (18.5, 150, 2200, 15.5, 0.85, 1.25, .04),
    1991: (18.5, 152, 2900, 24.0, 1.05, 1.25, .05),
    1992: (17.5, 158, 3100, 22.0, 1.10, 1.25, .04),
    1993: (16.5, 165, 3400, 21.0, 1.20, 1.28, .04),
    1994: (16.5, 165, 3350, 15.0, 1.15, 1.28, .04),
    1995: (17.0, 160, 4600, 18.0, 1.45, 1.32, .04),
    1996: (18.5, 148, 5600, 20.0, 1.65, 1.38, .04),
    1997: (20.5, 130, 7400, 24.0, 2.00, 1.45, .04),
    1998: (23.5, 105, 9700, 32.0, 2.30, 1.65, .05),
    1999: (27.0, 79, 12300, 30.0, 2.40, 1.80, .05),
    2000: (24.0, 95, 11700, 26.0, 2.00, 1.60, .05),
    2001: (23.0, 105, 10400, 38.0, 1.70, 1.45, .06),
    2002: (21.5, 118, 8100, 31.0, 1.25, 1.35, .06),
    2003: (20.0, 130, 10300, 22.0, 1.50, 1.35, .04),
    2004: (19.5, 136, 11300, 20.0, 1.55, 1.33, .035),
    2005: (19.5, 138, 11700, 18.0, 1.50, 1.30, .035),
    2006: (19.5, 138, 13000, 17.0, 1.55, 1.30, .035),
    2007: (20.0, 132, 12900, 22.0, 1.45, 1.30, .04),
    2008: (21.5, 122, 7900, 25.0, 0.85, 1.30, .06),
    2009: (19.5, 136, 10100, 21.0, 1.15, 1.32, .06),
    2010: (19.0, 140, 11400, 16.0, 1.25, 1.33, .04),
    2011: (19.5, 136, 11400, 14.5, 1.20, 1.33, .04),
    2012: (19.5, 136, 12700, 16.0, 1.35, 1.35, .04),
    2013: (17.5, 150, 16500, 18.0, 1.65, 1.38, .035),
    2014: (17.8, 148, 18200, 19.0, 1.80, 1.40, .035),
    2015: (18.0, 146, 17900, 22.0, 1.80, 1.42, .04),
    2016: (18.0, 146, 19300, 23.0, 1.95, 1.45, .04),
    2017: (21.0, 125, 22800, 22.0, 2.20, 1.50, .035),
    2018: (21.5, 120, 21000, 18.5, 1.95, 1.52, .04),
    2019: (23.0, 108, 26800, 22.0, 2.35, 1.60, .04),
    2020: (27.5, 80, 31700, 30.0, 2.80, 1.80, .06),
    2021: (30.0, 70, 40400, 25.5, 3.00, 1.85, .04),
    2022: (25.5, 88, 32100, 20.0, 2.30, 1.70, .05),
    2023: (31.0, 66, 40000, 24.5, 2.65, 1.85, .045),
    2024: (37.0, 53, 49800, 26.5, 3.10, 1.95, .04),
}
MONTH_TARGETS_2025 = [  # Jan..Dec 2025, same columns
    (37.5, 52, 51000, 27.0, 3.15, 1.95, .04),
    (36.5, 54, 50000, 26.3, 3.08, 1.94, .04),
    (35.0, 57, 47000, 24.6, 2.90, 1.90, .04),
    (35.5, 56, 46500, 24.0, 2.85, 1.90, .045),
    (37.0, 53, 49500, 25.2, 3.00, 1.93, .045),
    (38.5, 51, 52000, 26.0, 3.15, 1.95, .04),
    (39.5, 49.5, 53200, 25.6, 3.20, 1.97, .04),
    (39.5, 49.5, 54300, 25.4, 3.24, 1.97, .04),
    (40.5, 48, 56300, 26.0, 3.33, 1.98, .04),
    (41.8, 46, 57600, 25.8, 3.40, 2.00, .04),
    (41.0, 47, 57700, 25.6, 3.38, 2.00, .04),
    (41.6, 46, 58000, 25.5, 3.40, 2.00, .04),
]

# ratio of the largest weight to the tenth largest
TOP_RATIO = [(1990, 2.4), (1995, 2.3), (1998, 3.0), (1999, 4.4), (2000, 3.9), (2002, 2.6),
             (2008, 2.8), (2012, 3.2), (2016, 2.3), (2019, 3.2), (2020, 4.6), (2021, 5.0),
             (2022, 4.8), (2023, 4.6), (2024, 3.4), (2025, 3.0)]

N_INDEX = 500
N_ALIVE = 800


def calibrate_weights(n, T, E, R, jitter, kappa_target=0.05):
    """Market-cap weights by rank (rank 1 first) of an n-name index.

    Ranks 11..n (the body): log w = beta u + eta max(q, 0)^2 with q the normal score
    of the rank and u = q above the median, -0.6 tanh(-q / 1.2) below it (the lower
    tail is cut short, as index eligibility rules do), times a small fixed jitter.
    Ranks 1..10: a geometric profile from rank 10 up to rank 1, ratio R between the largest and the
    tenth name. For given (beta, eta) the scale of the top ten follows from the top-10
    share T in closed form; beta is solved so that 1/sum(w^2) = E, and eta so that the
    tenth name sits exp(kappa_target) above the body profile continued to rank 10
    (a smooth join). Returns (weights, beta, eta, kappa)."""
    nd = statistics.NormalDist()
    q = [nd.inv_cdf(1.0 - (i + 0.5) / n) for i in range(n)]
    top = [R ** ((9 - i) / 9.0) for i in range(10)]
    st, st2 = sum(top), sum(x * x for x in top)
    u = [x if x > 0 else -0.6 * math.tanh(-x / 1.2) for x in q]
    q2 = [x * x if x > 0 else 0.0 for x in q]

    def parts(beta, eta):
        ref = beta * u[9] + eta * q2[9]
        body = [math.exp(beta * u[i] + eta * q2[i] - ref) * jitter[i] for i in range(10, n)]
        sb = sum(body)
        a = T * sb / ((1.0 - T) * st)
        return a, body, sb

    def effn(beta, eta):
        a, body, sb = parts(beta, eta)
        tot = a * st + sb
        return tot * tot / (a * a * st2 + sum(x * x for x in body))

    def beta_for(eta):
        return bisect(lambda b: effn(b, eta), 0.05, 4.0, E, increasing=False, iters=40)

    def kappa_of(eta):
        return math.log(parts(beta_for(eta), eta)[0])

    eta = bisect(kappa_of, -0.5, 0.15, kappa_target, increasing=False, iters=30)
    beta = beta_for(eta)
    prof = [beta * u[i] + eta * q2[i] for i in range(9, n)]
    assert all(a >= b for a, b in zip(prof, prof[1:])), "body profile not decreasing in rank"
    a, body, sb = parts(beta, eta)
    tot = a * st + sb
    w = [a * x / tot for x in top] + [x / tot for x in body]
    return w, beta, eta, math.log(a)


def gen_constituents():
    rng = random.Random(19901231)
    snapshots = [(last_weekday(y, 12), float(y), YEAR_TARGETS[y]) for y in range(1990, 2025)]
    snapshots += [(last_weekday(2025, m), 2024 + m / 12.0, MONTH_TARGETS_2025[m - 1])
                  for m in range(1, 13)]

    next_id = [1]
    sec = {}          # key -> dict(sector, eps, marg, x (latent state), mega index, id)

    def new_key(prefix):
        return f"{prefix}{len(sec)}"

    count_sectors = list(SECTOR_COUNT)
    count_w = [SECTOR_COUNT[s] for s in count_sectors]

    def make_random(x):
        k = new_key('r')
        sec[k] = dict(sector=pick(rng, count_sectors, count_w), eps=rng.gauss(0, 0.30),
                      marg=rng.gauss(0, 0.20), x=x, mega=None, id=None)
        return k

    def make_mega(i):
        k = new_key('m')
        sec[k] = dict(sector=MEGA[i][0], eps=rng.gauss(0, 0.15), marg=abs(rng.gauss(0, 0.15)),
                      x=None, mega=i, id=None)
        return k

    def assign_id(k):
        if sec[k]['id'] is None:
            sec[k]['id'] = f"US{next_id[0]:04d}"
            next_id[0] += 1

    def z_of(k, t):
        s = sec[k]
        if s['mega'] is not None:
            return interp(MEGA[s['mega']][1], t)
        lvl = SECTOR_LEVEL.get(s['sector'])
        return s['x'] + (interp(lvl, t) if lvl else 0.0)

    # initial universe (1990)
    alive = [make_random(rng.gauss(0, 1)) for _ in range(N_ALIVE)]
    mega_started = set()
    for i, (_, anchors) in enumerate(MEGA):
        if anchors[0][0] <= 1990:
            alive.append(make_mega(i))
            mega_started.add(i)
    for k in shuffled(rng, alive):
        assign_id(k)

    rows = []
    stats = []
    members = None
    t_prev = None
    for as_of, t, (T, E, totcap, pe, ps, ratio, lossfrac) in snapshots:
        if t_prev is not None:
            step = t - t_prev
            phi = 0.93 ** step
            sig = math.sqrt(1 - phi * phi)
            pdie = 1 - (1 - 0.03) ** step
            survivors, born = [], 0
            for k in alive:
                s = sec[k]
                if s['mega'] is not None:
                    if t > MEGA[s['mega']][1][-1][0]:
                        continue
                    survivors.append(k)
                    continue
                if rng.random() < pdie:          # taken over or delisted
                    born += 1
                    continue
                s['x'] = phi * s['x'] + sig * rng.gauss(0, 1)
                survivors.append(k)
            for _ in range(born):
                k = make_random(rng.gauss(-0.5, 0.9))
                assign_id(k)
                survivors.append(k)
            for i, (_, anchors) in enumerate(MEGA):
                if i not in mega_started and anchors[0][0] <= t + 1e-9:
                    k = make_mega(i)
                    assign_id(k)
                    survivors.append(k)
                    mega_started.add(i)
            alive = survivors
        t_prev = t

        zs = {k: z_of(k, t) for k in alive}
        ranked = sorted(alive, key=lambda k: (-zs[k], sec[k]['id']))
        if members is None:
            members = set(ranked[:N_INDEX])
        else:
            rank = {k: i for i, k in enumerate(ranked)}
            keep = [k for k in ranked if k in members and rank[k] < 560]
            keep = keep[:N_INDEX]
            kept = set(keep)
            for k in ranked:
                if len(kept) >= N_INDEX:
                    break
                if k not in kept:
                    kept.add(k)
            members = kept
        mem = sorted(members, key=lambda k: (-zs[k], sec[k]['id']))
        n = len(mem)
        jitter = [1.0] * 10 + [math.exp(0.08 * rng.gauss(0, 1)) for _ in range(10, n)]
        w, beta, eta, kappa = calibrate_weights(n, T / 100.0, E, interp(TOP_RATIO, t), jitter)

        # price/sales: sector base x size tilt x persistent + yearly noise
        # (the size premium applies above the median weight only, so the equal-weighted
        # P/S is set by the smaller half and the cap-weighted one by the large caps)
        logw = [math.log(x) for x in w]
        mlw = sorted(logw)[n // 2]
        noise = [sec[k]['eps'] + rng.gauss(0, 0.08) for k in mem]

        def ps1(gamma):
            return [SECTOR_PS[sec[k]['sector']] * math.exp(gamma * max(0.0, lw - mlw) + e)
                    for k, lw, e in zip(mem, logw, noise)]

        def ps_ratio(gamma):
            p = ps1(gamma)
            capps = 1.0 / sum(wi / pi for wi, pi in zip(w, p))
            eqps = n / sum(1.0 / pi for pi in p)
            return capps / eqps
        gamma = bisect(ps_ratio, 0.0, 3.0, ratio, increasing=True, iters=60)
        p = ps1(gamma)
        scale = ps * sum(wi / pi for wi, pi in zip(w, p))
        psv = [pi * scale for pi in p]
        caps = [wi * totcap for wi in w]
        sales = [c / q for c, q in zip(caps, psv)]

        # margins: higher for names dear on sales within their sector; some loss makers
        q = [SECTOR_MARGIN[sec[k]['sector']]
             * math.exp(0.7 * math.log(pi / (scale * SECTOR_PS[sec[k]['sector']])) + sec[k]['marg'])
             for k, pi in zip(mem, psv)]
        nloss = int(round(lossfrac * n))
        cand = list(range(20, n))
        losers = set(shuffled(rng, cand)[:nloss])
        lossm = {i: -(0.01 + 0.19 * rng.random()) for i in sorted(losers)}

        def earnings(lam):
            return [sa * (lossm[i] if i in losers else min(lam * qi, 0.60))
                    for i, (sa, qi) in enumerate(zip(sales, q))]

        def index_pe_inv(lam):
            return sum(earnings(lam)) / totcap
        lam = bisect(index_pe_inv, 0.01, 20.0, 1.0 / pe, increasing=True, iters=60)
        earn = earnings(lam)

        for k, c, e, sa in zip(mem, caps, earn, sales):
            c = max(c, 0.001)
            if abs(e) < 0.0005:
                e = 0.001 if e >= 0 else -0.001
            rows.append((as_of.isoformat(), sec[k]['id'], sec[k]['sector'], fmt(c, 3), fmt(e, 3),
                         fmt(max(sa, 0.001), 3)))
        stats.append((as_of, beta, eta, kappa, gamma, lam))

    rows.sort(key=lambda r: (r[0], r[1]))
    return rows, stats


def constituent_checks(rows):
    by = {}
    for as_of, sid, sector, cap, earn, sales in rows:
        by.setdefault(as_of, []).append((sid, sector, float(cap), float(earn), float(sales)))
    out = {}
    for as_of, lst in sorted(by.items()):
        caps = sorted((x[2] for x in lst), reverse=True)
        tot = sum(caps)
        w = [c / tot for c in caps]
        top10 = sum(w[:10])
        effn = 1.0 / sum(x * x for x in w)
        pe = tot / sum(x[3] for x in lst)
        capps = tot / sum(x[4] for x in lst)
        eqps = len(lst) / sum(x[4] / x[2] for x in lst)
        techcs = sum(x[2] for x in lst if x[1] in (IT, CS)) / tot
        loss = sum(1 for x in lst if x[3] < 0) / len(lst)
        over3 = sum(1 for x in w if x > 0.03)
        out[as_of] = dict(n=len(lst), top10=top10, effn=effn, pe=pe, capps=capps, eqps=eqps,
                          techcs=techcs, loss=loss, over3=over3, tot=tot)
    return out


# --------------------------------------------------------------------------
# b. synthetic_portfolio_holdings.csv
# --------------------------------------------------------------------------

def gen_portfolio(constituent_rows):
    rng = random.Random(20251231)
    as_of = last_weekday(2025, 12).isoformat()
    idx = [(r[1], r[2], float(r[3])) for r in constituent_rows if r[0] == as_of]
    idx.sort(key=lambda x: (-x[2], x[0]))
    tot = sum(x[2] for x in idx)
    bench = {sid: c / tot for sid, _, c in idx}
    chosen = [idx[i] for i in (0, 1, 2, 4, 6, 9)]                 # 6 of the top 10
    rest = idx[10:]
    # 54 more names, sector-stratified over ranks 11..500, leaning to the larger half
    by_sector = {}
    for x in rest:
        by_sector.setdefault(x[1], []).append(x)
    picks = []
    sectors = sorted(by_sector)
    quota = {s: max(2, round(54 * len(by_sector[s]) / len(rest))) for s in sectors}
    while sum(quota.values()) > 54:
        s = max(sectors, key=lambda s: (quota[s], s))
        quota[s] -= 1
    while sum(quota.values()) < 54:
        s = max(sectors, key=lambda s: (len(by_sector[s]) / quota[s], s))
        quota[s] += 1
    for s in sectors:
        pool = by_sector[s]
        wts = [1.0 / (1 + i) ** 0.35 for i in range(len(pool))]
        got = []
        while len(got) < quota[s]:
            x = pick(rng, pool, wts)
            if x not in got:
                got.append(x)
        picks += got
    chosen += picks
    raw = {}
    for sid, _, c in chosen:
        if bench[sid] > 0.01:
            raw[sid] = bench[sid] * (0.45 + 0.3 * rng.random())
        else:
            raw[sid] = 0.006 + 0.016 * rng.random() + 0.5 * bench[sid]
    s = sum(raw.values())
    micro = {sid: int(round(1e6 * v / s)) for sid, v in raw.items()}
    biggest = max(micro, key=lambda k: (micro[k], k))
    micro[biggest] += 1000000 - sum(micro.values())
    rows = [(as_of, sid, f"{micro[sid] / 1e6:.6f}") for sid in sorted(micro)]
    return rows, bench


# --------------------------------------------------------------------------
# c. synthetic_bond_holdings.csv
# --------------------------------------------------------------------------

BOND_SECTORS = ['Banking', 'Insurance', 'Technology', 'Communications', 'Consumer Cyclical',
                'Consumer Non-Cyclical', 'Energy', 'Basic Industry', 'Capital Goods',
                'Transportation', 'Utility', 'REITs']
BOND_SECTOR_W = [22, 6, 10, 9, 8, 15, 7, 4, 6, 3, 8, 2]
BOND_SECTOR_SPREAD = {'Banking': 1.05, 'Insurance': 1.0, 'Technology': 0.9, 'Communications': 1.15,
                      'Consumer Cyclical': 1.0, 'Consumer Non-Cyclical': 0.92, 'Energy': 1.12,
                      'Basic Industry': 1.1, 'Capital Goods': 0.9, 'Transportation': 1.0,
                      'Utility': 0.97, 'REITs': 1.1}
IG_RATINGS = ['AAA', 'AA+', 'AA', 'AA-', 'A+', 'A', 'A-', 'BBB+', 'BBB', 'BBB-']
IG_RATING_W = [1, 1.5, 2.5, 4, 9, 13, 15, 19, 20, 15]
HY_RATINGS = ['BB+', 'BB', 'BB-', 'B+', 'B']
HY_RATING_W = [30, 25, 20, 15, 10]
RATING_SPREAD = {'AAA': 42, 'AA+': 48, 'AA': 52, 'AA-': 58, 'A+': 66, 'A': 72, 'A-': 80,
                 'BBB+': 96, 'BBB': 108, 'BBB-': 124, 'BB+': 190, 'BB': 225, 'BB-': 265,
                 'B+': 320, 'B': 380}
BOND_DATE = '2025-12-31'


def bond_dts(bonds):
    mv = sum(b['mv'] for b in bonds)
    return sum(b['mv'] * b['dur'] * b['oas'] for b in bonds) / mv


def gen_bonds():
    rng = random.Random(8001)

    def make_issuer_bonds(issuer, sector, rating, nb, hy=False):
        out = []
        for _ in range(nb):
            u = rng.random()
            if hy:           # high yield: shorter, 2-8y
                dur = 1.5 + 5.0 * rng.random()
            elif u < 0.38:   # short bucket
                dur = 0.6 + 3.9 * rng.random()
            elif u < 0.74:   # intermediate
                dur = 4.5 + 3.5 * rng.random()
            else:            # long bonds
                dur = 10.5 + 4.3 * rng.random()
            base = RATING_SPREAD[rating] * BOND_SECTOR_SPREAD[sector]
            curve = 1 + (0.03 if not hy else 0.01) * (dur - 6)
            oas0 = base * curve * math.exp(rng.gauss(0, 0.15))
            size = (400 + 2600 * rng.random() ** 2) if not hy else (300 + 900 * rng.random())
            out.append(dict(issuer=issuer, sector=sector, rating=rating, dur=dur, oas0=oas0,
                            size=size * (0.92 + 0.12 * rng.random()), hy=hy))
        return out

    # investment-grade universe = the benchmark: ~300 bonds from 130 issuers
    universe = []
    iss_no = 0
    while len(universe) < 300:
        iss_no += 1
        sector = pick(rng, BOND_SECTORS, BOND_SECTOR_W)
        rating = pick(rng, IG_RATINGS, IG_RATING_W)
        nb = min(1 + int(rng.random() * 4), 300 - len(universe))
        universe += make_issuer_bonds(f"ISR{iss_no:04d}", sector, rating, nb)
    hy = []
    while len(hy) < 18:
        iss_no += 1
        sector = pick(rng, BOND_SECTORS, BOND_SECTOR_W)
        rating = pick(rng, HY_RATINGS, HY_RATING_W)
        hy += make_issuer_bonds(f"ISR{iss_no:04d}", sector, rating, min(1 + int(rng.random() * 2), 18 - len(hy)), hy=True)
    for i, b in enumerate(universe + hy):
        b['bond_id'] = f"BD{i + 1:05d}"

    # benchmark DTS 700: one spread multiplier on the IG universe (kept within 50..600 bp)
    def set_ig(mult):
        for b in universe:
            b['oas'] = min(600.0, max(50.0, b['oas0'] * mult))
            b['mv'] = b['size']
    def bench_dts(mult):
        set_ig(mult)
        return bond_dts(universe)
    mult = bisect(bench_dts, 0.3, 5.0, 700.0, increasing=True)
    set_ig(mult)
    for b in universe:
        b['oas'] = round(b['oas'], 1)
        b['dur'] = round(b['dur'], 2)
    for b in hy:
        b['oas'] = round(min(600.0, max(50.0, b['oas0'] * mult)), 1)
        b['dur'] = round(b['dur'], 2)

    # portfolio: 62 IG bonds leaning to BBB and long duration + 18 high-yield bonds
    def ig_score(b):
        return (1.4 if b['rating'].startswith('BBB') else 1.0) * (1 + b['dur'] / 15)
    ig_pick = []
    pool = list(universe)
    while len(ig_pick) < 62:
        b = pick(rng, pool, [ig_score(x) for x in pool])
        pool.remove(b)
        ig_pick.append(b)
    ig_raw = {b['bond_id']: 8 + 27 * rng.random() for b in ig_pick}
    hy_raw = {b['bond_id']: 8 + 17 * rng.random() for b in hy}
    total_mv = 2000.0

    def port(hy_share):
        si, sh = sum(ig_raw.values()), sum(hy_raw.values())
        out = []
        for b in ig_pick:
            out.append(dict(b, mv=total_mv * (1 - hy_share) * ig_raw[b['bond_id']] / si))
        for b in hy:
            out.append(dict(b, mv=total_mv * hy_share * hy_raw[b['bond_id']] / sh))
        return out
    hy_share = bisect(lambda h: bond_dts(port(h)), 0.0, 0.6, 900.0, increasing=True)
    p = port(hy_share)

    rows = []
    for b in sorted(p, key=lambda b: b['bond_id']):
        rows.append((BOND_DATE, 'core_credit', b['bond_id'], b['issuer'], b['sector'], b['rating'],
                     fmt(b['mv'], 3), fmt(b['dur'], 2), fmt(b['oas'], 1)))
    for b in sorted(universe, key=lambda b: b['bond_id']):
        rows.append((BOND_DATE, 'ig_index', b['bond_id'], b['issuer'], b['sector'], b['rating'],
                     fmt(b['mv'], 3), fmt(b['dur'], 2), fmt(b['oas'], 1)))
    return rows, hy_share, mult


# --------------------------------------------------------------------------
# d. synthetic_lei.csv
# --------------------------------------------------------------------------

LEI_REGIONS = ['Global', 'US', 'Euro area', 'UK', 'Japan', 'Developed ex-US', 'EM', 'China']

# Global path: anchors (year, month, level); between anchors the monthly steps keep
# the sign of the segment (their sizes are jittered), so turning points sit on anchors.
GLOBAL_ANCHORS = [
    (2015, 1, 99.70), (2015, 4, 99.85), (2015, 10, 99.30), (2016, 3, 99.20), (2016, 10, 99.92),
    (2016, 11, 100.06), (2018, 1, 100.80), (2018, 12, 100.18), (2019, 1, 100.08),
    (2019, 2, 99.93), (2019, 6, 99.45), (2019, 10, 99.72), (2020, 4, 96.80), (2020, 9, 99.85),
    (2020, 10, 100.15), (2021, 6, 101.30), (2022, 4, 100.10), (2022, 5, 99.82), (2023, 1, 98.85),
    (2023, 12, 99.85), (2024, 1, 99.95), (2024, 2, 100.08), (2024, 6, 100.35), (2024, 10, 100.06),
    (2024, 11, 99.93), (2025, 4, 99.10), (2025, 12, 99.68),
]
# Dec 2025 end points of the other regions (those in recovery below 100, the rest above)
LEI_END = {'US': 99.55, 'Euro area': 100.35, 'UK': 100.18, 'Japan': 100.55, 'EM': 99.50,
           'China': 99.35}
LEI_PARAMS = {  # amplitude vs Global, lag (months), idiosyncratic AR(1) sd
    'US': (1.1, -2, 0.05), 'Euro area': (1.2, 2, 0.06), 'UK': (1.0, 1, 0.07),
    'Japan': (0.8, 3, 0.06), 'EM': (0.9, 1, 0.05), 'China': (1.3, -1, 0.08),
}
DMXUS_WEIGHTS = {'Euro area': 0.55, 'Japan': 0.25, 'UK': 0.20}


def months(y0, m0, y1, m1):
    out = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def classify(levels):
    """Quadrant per month; a flat month keeps the previous direction; the first month has none."""
    out, direction, prev = [], None, None
    for lv in levels:
        if prev is not None and lv != prev:
            direction = 'up' if lv > prev else 'down'
        above = lv >= 100.0
        if direction is None:
            out.append(None)
        else:
            out.append({(False, 'up'): 'recovery', (True, 'up'): 'expansion',
                        (True, 'down'): 'slowdown', (False, 'down'): 'contraction'}[(above, direction)])
        prev = lv
    return out


def shifts_per_year(ms, regimes):
    cnt = {}
    for i in range(1, len(ms)):
        if regimes[i - 1] is not None and regimes[i] != regimes[i - 1]:
            cnt[ms[i][0]] = cnt.get(ms[i][0], 0) + 1
    return cnt


def gen_lei():
    rng = random.Random(2026)
    ms = months(2015, 1, 2025, 12)
    pos = {ym: i for i, ym in enumerate(ms)}
    g = [None] * len(ms)
    for (y0, m0, v0), (y1, m1, v1) in zip(GLOBAL_ANCHORS, GLOBAL_ANCHORS[1:]):
        i0, i1 = pos[(y0, m0)], pos[(y1, m1)]
        q = [1 + 0.5 * (2 * rng.random() - 1) for _ in range(i1 - i0)]
        sq = sum(q)
        g[i0] = v0
        lv = v0
        for k in range(i1 - i0):
            lv += (v1 - v0) * q[k] / sq
            g[i0 + k + 1] = lv
        g[i1] = v1
    series = {'Global': [round(x, 3) for x in g]}
    n = len(ms)
    for r in ['US', 'Euro area', 'UK', 'Japan', 'EM', 'China']:
        amp, lag, sd = LEI_PARAMS[r]
        x, raw = 0.0, []
        for i in range(n):
            x = 0.9 * x + sd * rng.gauss(0, 1)
            j = min(max(i - lag, 0), n - 1)
            raw.append(100 + amp * (g[j] - 100) + x)
        # blend into a rising end path over Apr-Oct 2025; Nov and Dec sit on the path
        end = LEI_END[r]
        i_apr, i_nov = pos[(2025, 4)], pos[(2025, 11)]
        out = list(raw)
        for i in range(i_apr, n):
            path = end - 0.07 * (n - 1 - i)
            a = 1.0 if i >= i_nov else (i - i_apr + 1) / (i_nov - i_apr + 1)
            out[i] = (1 - a) * raw[i] + a * path
        series[r] = [round(v, 3) for v in out]
    series['Developed ex-US'] = [round(sum(wt * series[r][i] for r, wt in DMXUS_WEIGHTS.items()), 3)
                                 for i in range(n)]
    rows = []
    for r in LEI_REGIONS:
        for (y, m), lv in zip(ms, series[r]):
            rows.append((r, f"{y:04d}-{m:02d}-01", fmt(lv, 3)))
    return rows, ms, series


# --------------------------------------------------------------------------
# e. synthetic_fed_balance_sheet.csv
# --------------------------------------------------------------------------

FED_ANCHORS = [  # (date, total assets USD tn)
    ('2022-01-05', 8.77), ('2022-04-13', 8.95), ('2022-06-01', 8.91), ('2022-12-28', 8.55),
    ('2023-03-08', 8.34), ('2023-03-22', 8.73), ('2023-06-28', 8.34), ('2023-12-27', 7.71),
    ('2024-03-27', 7.48), ('2024-06-26', 7.22), ('2025-01-01', 6.85), ('2025-04-02', 6.73),
    ('2025-07-02', 6.66), ('2025-10-01', 6.59), ('2025-12-03', 6.55), ('2025-12-31', 6.57),
    ('2026-01-28', 6.60),
]
# FOMC decisions (Wednesday, except 2024-11-07) and the new upper bound, effective the next day
FOMC = [('2022-03-16', 0.50), ('2022-05-04', 1.00), ('2022-06-15', 1.75), ('2022-07-27', 2.50),
        ('2022-09-21', 3.25), ('2022-11-02', 4.00), ('2022-12-14', 4.50), ('2023-02-01', 4.75),
        ('2023-03-22', 5.00), ('2023-05-03', 5.25), ('2023-07-26', 5.50), ('2024-09-18', 5.00),
        ('2024-11-07', 4.75), ('2024-12-18', 4.50), ('2025-09-17', 4.25), ('2025-10-29', 4.00),
        ('2025-12-10', 3.75)]


def gen_fed():
    rng = random.Random(4141)
    d = dt.date(2022, 1, 5)
    end = dt.date(2026, 1, 28)
    anchors = [(dt.date.fromisoformat(a).toordinal(), v) for a, v in FED_ANCHORS]
    fomc = [(dt.date.fromisoformat(a) + dt.timedelta(days=1), r) for a, r in FOMC]
    rows, x = [], 0.0
    while d <= end:
        x = 0.6 * x + 0.004 * rng.gauss(0, 1)
        lvl = interp(anchors, d.toordinal())
        if any(d.isoformat() == a for a, _ in FED_ANCHORS):
            noise = 0.0
        else:
            noise = x
        rate = 0.25
        for eff, r in fomc:
            if d >= eff:
                rate = r
        rows.append((d.isoformat(), fmt(lvl + noise, 3), fmt(rate, 2)))
        d += dt.timedelta(days=7)
    return rows


# --------------------------------------------------------------------------
# f. synthetic_size_universe.csv
# --------------------------------------------------------------------------

SIZE_Q = [(1, 3300), (3, 2900), (10, 750), (30, 300), (100, 110), (300, 36), (1000, 4.6),
          (2000, 1.05), (3000, 0.16), (3260, 0.05)]  # (rank, USD bn) for 2024-06-28


def rank_cap(r):
    lq = [(math.log(a), math.log(b)) for a, b in SIZE_Q]
    return math.exp(interp(lq, math.log(r)))


def gen_size():
    rng = random.Random(3000)
    d24, d25 = '2024-06-28', '2025-06-27'
    n24 = 3260
    caps24 = {}
    order = shuffled(rng, range(1, n24 + 1))
    for i, r in enumerate(order):
        caps24[f"R{i + 1:05d}"] = rank_cap(r) * math.exp(rng.gauss(0, 0.08))
    ids = sorted(caps24)
    rank24 = {sid: i + 1 for i, sid in enumerate(sorted(ids, key=lambda s: (-round(caps24[s], 4), s)))}
    caps25 = {}
    deleted = []
    for sid in ids:
        r = rank24[sid]
        pdel = 0.012 + 0.03 * (r / n24)            # small caps are delisted or taken over more often
        if rng.random() < pdel:
            deleted.append(sid)
            continue
        sigma = 0.22 + 0.20 * (r / n24)
        caps25[sid] = caps24[sid] * math.exp(0.07 + sigma * rng.gauss(0, 1) - 0.5 * sigma * sigma)
    nipo = 70
    for j in range(nipo):
        sid = f"R{n24 + j + 1:05d}"
        r = 30 + int(rng.random() ** 0.7 * 3200)   # IPOs of every size, most of them small
        caps25[sid] = rank_cap(r) * math.exp(rng.gauss(0.05, 0.2))
    rank25 = {sid: i + 1 for i, sid in enumerate(sorted(caps25, key=lambda s: (-round(caps25[s], 4), s)))}

    def seg(r):
        return 1 if r <= 1000 else (2 if r <= 3000 else None)
    rows = []
    for sid in ids:
        rows.append((d24, sid, fmt(caps24[sid], 4), ''))
    for sid in sorted(caps25):
        prior = seg(rank24[sid]) if sid in rank24 else None
        rows.append((d25, sid, fmt(caps25[sid], 4), '' if prior is None else str(prior)))
    info = dict(n24=n24, n25=len(caps25), deleted=len(deleted), ipos=nipo, rank24=rank24,
                rank25=rank25, caps24=caps24, caps25=caps25)
    return rows, info


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main():
    check_only = '--check' in sys.argv[1:]
    files = {}

    print("a. synthetic_constituents.csv")
    crows, cstats = gen_constituents()
    files['synthetic_constituents.csv'] = csv_text(
        ['as_of', 'security', 'sector', 'market_cap', 'earnings', 'sales'], crows)
    cs = constituent_checks(crows)
    if os.environ.get('GENERATE_DEBUG'):
        for st in cstats:
            print("   debug", st[0], " ".join(f"{x:.3f}" for x in st[1:]))
    print("   as_of        n  top10%   effN    P/E  P/S cap  P/S eq  IT+CS%  loss%  >3%")
    for as_of, s in cs.items():
        print(f"   {as_of} {s['n']:4d} {100 * s['top10']:6.2f} {s['effn']:6.1f} {s['pe']:6.2f}"
              f" {s['capps']:7.2f} {s['eqps']:7.2f} {100 * s['techcs']:6.1f} {100 * s['loss']:5.1f}"
              f" {s['over3']:4d}")
    ye = {k: v for k, v in cs.items() if k[5:7] == '12'}
    y9 = [v for k, v in ye.items() if '1990' <= k[:4] <= '1999']
    y10 = [v for k, v in ye.items() if '2010' <= k[:4] <= '2019']
    e25, e99 = cs['2025-12-31'], cs['1999-12-31']
    check("top-10 share, average of 1990s year ends (%)", 100 * sum(v['top10'] for v in y9) / len(y9), 18, 22)
    check("top-10 share, average of 2010s year ends (%)", 100 * sum(v['top10'] for v in y10) / len(y10), 18, 22)
    check("top-10 share 1999-12-31 (%)", 100 * e99['top10'], 26, 28)
    check("top-10 share 2025-12-31 (%)", 100 * e25['top10'], 40.6, 42.6)
    check("effective N 2025-12-31", e25['effn'], 44, 48, "{:.1f}")
    check("effective N 1999-12-31", e99['effn'], 76, 82, "{:.1f}")
    check("effective N, average of 1990-2025 year ends", sum(v['effn'] for v in ye.values()) / len(ye), 100, 1e9, "{:.1f}")
    y1019 = [v for k, v in ye.items() if k[:4] <= '2019']
    check("effective N, average of 1990-2019 year ends", sum(v['effn'] for v in y1019) / len(y1019), 100, 1e9, "{:.1f}")
    check("index P/E 2025-12-31 (sum cap / sum earnings)", e25['pe'], 22, 28, "{:.2f}")
    check("cap-weighted P/S 2025-12-31", e25['capps'], 3.3, 3.5, "{:.2f}")
    check("equal-weighted P/S 2025-12-31 (n / sum(sales/cap))", e25['eqps'], 1.6, 1.8, "{:.2f}")
    check("IT + communication services weight 2025-12-31 (%)", 100 * e25['techcs'], 30, 37, "{:.1f}")
    check("IT + communication services weight 1990-12-31 (%)", 100 * cs['1990-12-31']['techcs'], 0, 30, "{:.1f}")
    check("names above 3 % weight 2025-12-31", e25['over3'], 3, 8, "{:.0f}")
    check("loss makers, min share over snapshots (%)", 100 * min(v['loss'] for v in cs.values()), 3, 6, "{:.1f}")
    check("loss makers, max share over snapshots (%)", 100 * max(v['loss'] for v in cs.values()), 3, 6, "{:.1f}")
    check("names per snapshot, min", min(v['n'] for v in cs.values()), 500, 500, "{:.0f}")
    nsec = len({r[1] for r in crows})
    print(f"   distinct securities over all snapshots: {nsec}; rows: {len(crows)}")

    print("b. synthetic_portfolio_holdings.csv")
    prows, bench = gen_portfolio(crows)
    files['synthetic_portfolio_holdings.csv'] = csv_text(['as_of', 'security', 'portfolio_weight'], prows)
    pw = {r[1]: float(r[2]) for r in prows}
    active_share = 0.5 * (sum(abs(pw.get(s, 0) - bench.get(s, 0)) for s in set(pw) | set(bench)))
    check("portfolio names", len(prows), 60, 60, "{:.0f}")
    check("portfolio weights sum", sum(pw.values()), 0.999999, 1.000001, "{:.6f}")
    check("active share vs the index at 2025-12-31 (%)", 100 * active_share, 55, 85, "{:.1f}")

    print("c. synthetic_bond_holdings.csv")
    brows, hy_share, mult = gen_bonds()
    files['synthetic_bond_holdings.csv'] = csv_text(
        ['as_of', 'portfolio', 'bond_id', 'issuer', 'sector', 'rating', 'market_value',
         'spread_duration', 'oas_bp'], brows)
    for pf, lo, hi in (('core_credit', 800, 1000), ('ig_index', 650, 750)):
        bs = [dict(mv=float(r[6]), dur=float(r[7]), oas=float(r[8])) for r in brows if r[1] == pf]
        mv = sum(b['mv'] for b in bs)
        print(f"   {pf}: {len(bs)} bonds, MV {mv:,.1f} mn, avg spread duration "
              f"{sum(b['mv'] * b['dur'] for b in bs) / mv:.2f} y, avg OAS {sum(b['mv'] * b['oas'] for b in bs) / mv:.1f} bp,"
              f" OAS range {min(b['oas'] for b in bs):.1f}..{max(b['oas'] for b in bs):.1f},"
              f" duration range {min(b['dur'] for b in bs):.2f}..{max(b['dur'] for b in bs):.2f}")
        check(f"DTS {pf} (sum mv*D*S / sum mv, year*bp)", bond_dts(bs), lo, hi, "{:.1f}")
    print(f"   (high-yield sleeve of core_credit: {100 * hy_share:.1f} % of market value)")

    print("d. synthetic_lei.csv")
    lrows, ms, series = gen_lei()
    files['synthetic_lei.csv'] = csv_text(['region', 'as_of', 'level'], lrows)
    greg = classify(series['Global'])
    cnt = shifts_per_year(ms, greg)
    print("   Global regime shifts per year: " + ", ".join(f"{y}: {cnt.get(y, 0)}" for y in range(2015, 2026)))
    for y, want in ((2019, 3), (2020, 2), (2025, 1)):
        check(f"Global regime shifts in {y}", cnt.get(y, 0), want, want, "{:.0f}")
    want_end = {'Global': 'recovery', 'US': 'recovery', 'EM': 'recovery', 'China': 'recovery',
                'Developed ex-US': 'expansion', 'Euro area': 'expansion', 'UK': 'expansion',
                'Japan': 'expansion'}
    for r in LEI_REGIONS:
        reg = classify(series[r])
        lv = series[r]
        ok = reg[-1] == want_end[r]
        if not ok:
            FAILED.append(f"LEI {r} 2025-12")
        print(f"  [{'ok' if ok else 'MISS'}] {r} 2025-12: level {lv[-1]:.3f} (Nov {lv[-2]:.3f}) -> {reg[-1]}"
              f" (target {want_end[r]}); range {min(lv):.2f}..{max(lv):.2f}")
    check("LEI levels, max |level - 100| over all regions", max(abs(v - 100) for s in series.values() for v in s), 0, 4.5, "{:.2f}")

    print("e. synthetic_fed_balance_sheet.csv")
    frows = gen_fed()
    files['synthetic_fed_balance_sheet.csv'] = csv_text(['as_of', 'total_assets_usd_tn', 'policy_rate_upper'], frows)
    fb = {r[0]: (float(r[1]), float(r[2])) for r in frows}
    peak_d = max((r for r in frows if r[0] < '2023'), key=lambda r: float(r[1]))
    print(f"   {len(frows)} Wednesdays {frows[0][0]} .. {frows[-1][0]}")
    check(f"peak total assets 2022 (USD tn, on {peak_d[0]})", float(peak_d[1]), 8.85, 9.0)
    check("total assets 2025-01-01 (USD tn)", fb['2025-01-01'][0], 6.8, 6.95)
    check("total assets 2025-12-03, run-off ended 1 Dec (USD tn)", fb['2025-12-03'][0], 6.5, 6.6)
    check("total assets 2026-01-28 minus 2025-12-03 (flat to slightly rising)", fb['2026-01-28'][0] - fb['2025-12-03'][0], 0, 0.1)
    check("policy rate upper 2022-01-05 (%)", fb['2022-01-05'][1], 0.25, 0.25, "{:.2f}")
    check("policy rate upper max (%)", max(v[1] for v in fb.values()), 5.5, 5.5, "{:.2f}")
    check("policy rate upper 2024-12-25 (%)", fb['2024-12-25'][1], 4.5, 4.5, "{:.2f}")
    check("policy rate upper 2025-12-31 (%)", fb['2025-12-31'][1], 3.75, 3.75, "{:.2f}")

    print("f. synthetic_size_universe.csv")
    srows, si = gen_size()
    files['synthetic_size_universe.csv'] = csv_text(['rank_date', 'security', 'market_cap', 'prior_segment'], srows)
    r24, r25, c24, c25 = si['rank24'], si['rank25'], si['caps24'], si['caps25']
    for lbl, rk, cp in (('2024-06-28', r24, c24), ('2025-06-27', r25, c25)):
        by = {r: s for s, r in rk.items()}
        tot = sum(cp.values())
        print(f"   {lbl}: {len(rk)} names, total {tot:,.0f} bn, rank 1 {cp[by[1]]:,.1f} bn,"
              f" rank 1000 {cp[by[1000]]:.2f} bn, rank 3000 {cp[by[3000]]:.3f} bn,"
              f" top-1000 share {100 * sum(cp[by[i]] for i in range(1, 1001)) / tot:.1f} %")
    both = [s for s in r25 if s in r24]
    down1 = sum(1 for s in both if r24[s] <= 1000 < r25[s])
    up1 = sum(1 for s in both if r25[s] <= 1000 < r24[s])
    down3 = sum(1 for s in both if r24[s] <= 3000 < r25[s])
    up3 = sum(1 for s in both if r25[s] <= 3000 < r24[s])
    near1 = sum(1 for s in both if (r24[s] <= 1000) != (r25[s] <= 1000) and abs(r25[s] - 1000) <= 100)
    print(f"   deletions {si['deleted']}, IPOs {si['ipos']} (of which {sum(1 for s in r25 if s not in r24 and r25[s] <= 1000)} rank in the top 1000)")
    print(f"   crossings of the 1000 breakpoint: {down1} down, {up1} up ({near1} end within 100 ranks of it);"
          f" of the 3000 breakpoint: {down3} down, {up3} up")
    # Russell-style banding: a name keeps its prior segment while its cumulative market-cap
    # percentile stays within +-2.5 points of the breakpoint's cumulative percentile
    by25 = sorted(c25, key=lambda s: (-round(c25[s], 4), s))
    tot25, cum, cumpct = sum(c25.values()), 0.0, {}
    for sid in by25:
        cum += c25[sid]
        cumpct[sid] = 100 * cum / tot25
    for brk in (1000, 3000):
        bp = cumpct[by25[brk - 1]]
        crossers = [s for s in both if (r24[s] <= brk) != (r25[s] <= brk)]
        held = sum(1 for s in crossers if abs(cumpct[s] - bp) <= 2.5)
        print(f"   breakpoint {brk}: cumulative cap percentile {bp:.2f} %; {held} of {len(crossers)} names crossing it"
              f" stay in their prior segment under +-2.5 point banding")
    check("names crossing the 1000 breakpoint between the dates", down1 + up1, 20, 400, "{:.0f}")
    check("names crossing the 3000 breakpoint between the dates", down3 + up3, 20, 400, "{:.0f}")

    print()
    bad = []
    for name, text in files.items():
        path = os.path.join(HERE, name)
        if check_only:
            try:
                with open(path, 'rb') as f:
                    same = f.read() == text.encode('utf-8')
            except FileNotFoundError:
                same = False
            print(f"{'same' if same else 'DIFFERS'}: {name} ({text.count(chr(10)) - 1} rows)")
            if not same:
                bad.append(name)
        else:
            with open(path, 'wb') as f:
                f.write(text.encode('utf-8'))
            print(f"wrote {name}: {text.count(chr(10)) - 1} rows, {len(text.encode('utf-8')):,} bytes")
    if FAILED:
        print("calibration checks missed: " + "; ".join(FAILED))
    if bad:
        print("files differing from a fresh generation: " + ", ".join(bad))
    return 1 if (FAILED or bad) else 0


if __name__ == '__main__':
    sys.exit(main())
