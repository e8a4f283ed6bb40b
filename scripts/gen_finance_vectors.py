#!/usr/bin/env python3
"""Independent source of truth for the engine's finance tests.

The Rust engine computes NPV, IRR, MIRR, payback and PMT in `rust_decimal`
(MODEL.md §1, §5, §9 rules 38-40).  This script computes the same quantities a
second, independent way -- numpy-financial for the spreadsheet-style functions,
exact rational arithmetic (`fractions.Fraction`) for root polishing and
payback -- and writes the results as CSV test vectors.  The Rust tests read
the CSV files only; they never run Python.  Re-run this script (and commit
its output) only when the conventions in MODEL.md change.

    pip install -r scripts/requirements.txt
    python3 scripts/gen_finance_vectors.py

Output (deterministic, fixed seed):

engine/tests/data/finance_vectors.csv
    id              row name: `s7_*` are the MODEL.md §7 vectors, `edge_*`
                    hand-picked edge cases, the rest are seeded random shapes
    flows           NCF_1;...;NCF_N, flows at the END of years t = 1..N (no
                    t = 0 entry), at most 2 decimals, |value| in [1, 1e7] or 0
    rate            discount rate (NPV, dynamic payback, MIRR reinvest rate)
    finance_rate    MIRR finance rate
    npv             numpy_financial.npv(rate, [0] + flows), repr() of a float
                    (= sum NCF_t / (1 + rate)^t, t = 1..N)
    irr_status      none | single | multiple  (number of roots in (-0.99, 10])
    irr_roots       every root r in (-0.99, 10], ascending, ';'-separated, 20
                    significant digits (exact-arithmetic bisection to a
                    bracket < 1e-22); empty when irr_status is none
    mirr            numpy_financial.mirr([0] + flows, finance_rate, rate),
                    repr(); empty when numpy-financial returns nan (flows
                    without both a positive and a negative value)
    static_payback  MODEL.md §9 rule 38, exact, 20 significant digits;
                    empty = null ("not recovered within N years")
    dynamic_payback the same on NCF_t / (1 + rate)^t

engine/tests/data/pmt_vectors.csv
    rate, n, pv     inputs (fv = 0, payments at the end of each period)
    pmt             numpy_financial.pmt(rate, n, pv), repr(); -pv/n at rate 0

Every random IRR row is accepted only if it is "clean": each root is simple
(the NPV changes sign across it), roots are > 0.002 apart, no root or
near-real complex root sits within 0.002 of the range ends, no complex root
comes close to the positive real axis in range (no near-tangency), and the
coarsest grid that MODEL.md §9 rule 39 allows sees exactly one sign change per
root.  So an engine that follows rule 39 must find exactly the roots listed.
"""

from __future__ import annotations

import csv
import math
import random
import sys
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy_financial as npf

SEED = 20260517
REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "engine" / "tests" / "data"
FINANCE_CSV = OUT_DIR / "finance_vectors.csv"
PMT_CSV = OUT_DIR / "pmt_vectors.csv"

# IRR search range r in (-0.99, 10], i.e. y = 1 + r in (0.01, 11].
Y_LO = Fraction(1, 100)
Y_HI = Fraction(11)
POLISH_WIDTH = Fraction(1, 10**22)  # final bisection bracket (in y, = in r)
DEDUPE = Fraction(5, 10000)  # rule 39: roots closer than this are one root
MIN_SEPARATION = Fraction(2, 1000)  # random rows: roots farther apart than this
SIG = 20  # significant digits for exact values written as decimals

MAX_UNITS = 10**7  # |flow| <= 1e7
MAX_CENTS = MAX_UNITS * 100


class Unclean(Exception):
    """The flows' IRR structure is ambiguous (tangent root, roots too close,
    root on a range end, ...).  Random rows are redrawn; fixed rows fail."""


# ---------------------------------------------------------------- formatting


def fmt_sig(x: Fraction, sig: int = SIG) -> str:
    """Exact rational -> plain decimal string with `sig` significant digits
    (round half even), trailing zeros stripped, never in exponent form."""
    if x == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = 100
        d = Decimal(x.numerator) / Decimal(x.denominator)
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - sig + 1), rounding=ROUND_HALF_EVEN)
        s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_cents(c: int) -> str:
    """Integer cents -> '1234', '-1234.5', '0.05' (no exponent, <= 2 decimals)."""
    sign = "-" if c < 0 else ""
    units, cents = divmod(abs(c), 100)
    if cents == 0:
        return f"{sign}{units}"
    return f"{sign}{units}.{cents:02d}".rstrip("0")


def fmt_float(x) -> str:
    """repr() of a Python float (17 significant digits round-trip)."""
    return repr(float(x))


def rate_str(bps: int) -> str:
    """Rate given in 1/10000 -> '0.065' (exact decimal, <= 4 decimals)."""
    return fmt_sig(Fraction(bps, 10000))


# ---------------------------------------------------------------- exact math


def poly_sign(cents: list[int], y: Fraction) -> int:
    """Sign of c_1 y^(N-1) + ... + c_N at y > 0, exactly (integer Horner on
    the homogenised polynomial; the scale q^(N-1) > 0 keeps the sign)."""
    p, q = y.numerator, y.denominator
    acc, qpow = 0, 1
    for c in cents:
        acc = acc * p + c * qpow
        qpow *= q
    return (acc > 0) - (acc < 0)


def bisect_root(cents: list[int], lo: Fraction, hi: Fraction) -> Fraction:
    """Exact bisection on a bracket with a strict sign change; returns the
    midpoint of the final bracket (< POLISH_WIDTH) or the exact root."""
    s_lo = poly_sign(cents, lo)
    assert s_lo != 0 and s_lo == -poly_sign(cents, hi)
    while hi - lo >= POLISH_WIDTH:
        mid = (lo + hi) / 2
        s = poly_sign(cents, mid)
        if s == 0:
            return mid
        if s == s_lo:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def sign_changes(values) -> int:
    """Number of sign changes, zeros ignored (MODEL.md §9 rule 39)."""
    signs = [v > 0 for v in values if v != 0]
    return sum(a != b for a, b in zip(signs, signs[1:]))


def rule39_grid() -> list[Fraction]:
    """The coarsest r grid rule 39 allows, as y = 1 + r, from y = 0.01 to 11."""
    pts = set()
    for start, stop, step in (
        (Fraction(-99, 100), Fraction(-1, 2), Fraction(1, 1000)),
        (Fraction(-1, 2), Fraction(1, 2), Fraction(1, 2000)),
        (Fraction(1, 2), Fraction(2), Fraction(1, 500)),
        (Fraction(2), Fraction(10), Fraction(1, 100)),
    ):
        k = 0
        while start + k * step <= stop:
            pts.add(1 + start + k * step)
            k += 1
    return sorted(pts)


GRID_Y = rule39_grid()
GRID_YF = np.array([float(y) for y in GRID_Y])


def grid_sign_changes(cents: list[int]) -> int:
    """Sign changes of the NPV polynomial over the rule-39 grid.  Float
    evaluation, with an exact re-evaluation wherever float rounding could
    flip the sign."""
    c = np.array(cents, dtype=float)
    vals = np.polyval(c, GRID_YF)
    bound = np.polyval(np.abs(c), GRID_YF)
    signs = []
    for i, (v, b) in enumerate(zip(vals, bound)):
        if abs(v) <= 1e-9 * b:
            s = poly_sign(cents, GRID_Y[i])
        else:
            s = 1 if v > 0 else -1
        if s != 0:
            signs.append(s)
    return sum(a != b for a, b in zip(signs, signs[1:]))


def find_irr_roots(cents: list[int]) -> list[Fraction]:
    """Every root r in (-0.99, 10] of sum NCF_t / (1+r)^t, polished exactly.

    Candidates are numpy.roots of c_1 y^(N-1) + ... + c_N (y = 1 + r); each
    near-real candidate in range is bracketed around its real part and
    bisected in exact arithmetic.  Raises Unclean when the structure is not
    unambiguous (see module docstring)."""
    if sign_changes(cents) == 0:
        return []
    units = np.array(cents, dtype=float) / 100
    cand = np.roots(units)
    ys: list[Fraction] = []
    for z in cand:
        re, im = float(z.real), float(z.imag)
        if not (0.005 < re < 11.5):
            continue
        near_real = abs(im) <= 1e-6 * max(1.0, abs(re))
        if not near_real:
            if abs(im) < 0.01 * max(1.0, abs(re)) and 0.008 < re < 11.002:
                raise Unclean(f"complex root {z} close to the real axis (near-tangency)")
            continue
        if abs(re - 0.01) < 0.002 or abs(re - 11) < 0.002:
            raise Unclean(f"root y={re} within 0.002 of a range end")
        if not (0.01 < re <= 11):
            continue
        y0 = Fraction(re)
        # An exact, short root (e.g. y = 2 for the §7 several-IRRs vector)?
        short = Fraction(round(re, 9)).limit_denominator(10**4)
        if poly_sign(cents, short) == 0:
            ys.append(short)
            continue
        delta = Fraction(1, 10**12) * max(1, math.ceil(re))
        while True:
            lo, hi = y0 - delta, y0 + delta
            s_lo, s_hi = poly_sign(cents, lo), poly_sign(cents, hi)
            if s_lo != 0 and s_hi != 0 and s_lo != s_hi:
                break
            if s_lo == 0 or s_hi == 0:  # landed on an exact root: nudge
                delta = delta * 3 / 2
                continue
            delta *= 10
            if delta > Fraction(1, 10**4):
                raise Unclean(f"no sign change around real candidate y={re} (tangent root?)")
        ys.append(bisect_root(cents, lo, hi))
    ys.sort()
    roots: list[Fraction] = []
    for y in ys:
        if roots and y - 1 - roots[-1] < DEDUPE:
            continue
        roots.append(y - 1)
    for a, b in zip(roots, roots[1:]):
        if b - a <= MIN_SEPARATION:
            raise Unclean(f"roots {float(a)} and {float(b)} closer than 0.002")
    g = grid_sign_changes(cents)
    if g != len(roots):
        raise Unclean(f"rule-39 grid sees {g} sign changes but {len(roots)} roots were found")
    return roots


def payback(flows: list[Fraction]) -> Fraction | None:
    """MODEL.md §9 rule 38.  cum_0 = 0; T = first year from which the
    cumulative stays >= 0 through N; payback = T - 1 + |cum_(T-1)| / NCF_T;
    0 if the cumulative is never negative; None if there is no such T."""
    cum = [Fraction(0)]
    for f in flows:
        cum.append(cum[-1] + f)
    n = len(flows)
    if all(c >= 0 for c in cum):
        return Fraction(0)
    if cum[n] < 0:
        return None
    t = n
    while t - 1 >= 1 and cum[t - 1] >= 0:
        t -= 1
    # Now cum[t..n] >= 0 and cum[t-1] < 0 (t >= 2 here), so NCF_t > 0.
    return (t - 1) + abs(cum[t - 1]) / flows[t - 1]


def mirr_high_precision(cents: list[int], finance: Fraction, reinvest: Fraction) -> Decimal | None:
    """Rule 40 evaluated at 60 digits, to cross-check numpy-financial."""
    n = len(cents)
    fv = sum((Fraction(c, 100) * (1 + reinvest) ** (n - t) for t, c in enumerate(cents, 1) if c > 0), Fraction(0))
    pv = sum((Fraction(-c, 100) / (1 + finance) ** t for t, c in enumerate(cents, 1) if c < 0), Fraction(0))
    if fv == 0 or pv == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 60
        ratio = Decimal(fv.numerator) * Decimal(pv.denominator) / (Decimal(fv.denominator) * Decimal(pv.numerator))
        return (ratio.ln() / n).exp() - 1


# ---------------------------------------------------------------- one row


class Stats:
    npv_max_rel_err = 0.0
    mirr_max_abs_err = 0.0
    irr_nan: list[str] = []
    irr_disagree: list[str] = []
    irr_multi_npf: list[str] = []
    rejected = 0


def make_row(row_id: str, cents: list[int], rate_bps: int, fin_bps: int) -> dict:
    n = len(cents)
    assert 2 <= n <= 30, (row_id, n)
    assert all(c == 0 or 100 <= abs(c) <= MAX_CENTS for c in cents), (row_id, cents)
    rate = Fraction(rate_bps, 10000)
    fin = Fraction(fin_bps, 10000)
    exact = [Fraction(c, 100) for c in cents]
    floats = [c / 100 for c in cents]

    roots = find_irr_roots(cents)  # may raise Unclean
    status = "none" if not roots else ("single" if len(roots) == 1 else "multiple")

    npv = float(npf.npv(float(rate), [0.0] + floats))
    disc = [f / (1 + rate) ** t for t, f in enumerate(exact, 1)]
    npv_exact = sum(disc, Fraction(0))
    scale = float(sum(abs(d) for d in disc)) or 1.0
    err = abs(npv - float(npv_exact)) / scale
    assert err < 1e-13, (row_id, npv, float(npv_exact))
    Stats.npv_max_rel_err = max(Stats.npv_max_rel_err, err)

    mirr = float(npf.mirr([0.0] + floats, float(fin), float(rate)))
    hp = mirr_high_precision(cents, fin, rate)
    if math.isnan(mirr):
        assert hp is None, row_id
        mirr_s = ""
    else:
        e = abs(mirr - float(hp))
        assert e < 1e-12 * max(1.0, abs(float(hp))), (row_id, mirr, hp)
        Stats.mirr_max_abs_err = max(Stats.mirr_max_abs_err, e)
        mirr_s = fmt_float(mirr)

    # Cross-check numpy_financial.irr (nearest-to-zero real root, nan if the
    # eigenvalue solver leaves a tiny imaginary part).
    g = npf.irr([0.0] + floats)
    g_in = not math.isnan(g) and -0.99 < g <= 10
    if sign_changes(cents) == 1:
        if roots and math.isnan(g):
            Stats.irr_nan.append(row_id)
        elif roots and g_in and abs(g - float(roots[0])) > 1e-9:
            Stats.irr_disagree.append(f"{row_id}: npf.irr={g!r} polished={float(roots[0])!r}")
        elif roots and not math.isnan(g) and not g_in:
            Stats.irr_disagree.append(f"{row_id}: npf.irr={g!r} outside range, polished={float(roots[0])!r}")
        elif not roots and g_in:
            Stats.irr_disagree.append(f"{row_id}: npf.irr={g!r} but no root in range")
    elif len(roots) > 1 and g_in and min(abs(g - float(r)) for r in roots) > 1e-9:
        Stats.irr_multi_npf.append(f"{row_id}: npf.irr={g!r} not among {[float(r) for r in roots]}")

    sp = payback(exact)
    dp = payback(disc)
    return {
        "id": row_id,
        "flows": ";".join(fmt_cents(c) for c in cents),
        "rate": rate_str(rate_bps),
        "finance_rate": rate_str(fin_bps),
        "npv": fmt_float(npv),
        "irr_status": status,
        "irr_roots": ";".join(fmt_sig(r) for r in roots),
        "mirr": mirr_s,
        "static_payback": "" if sp is None else fmt_sig(sp),
        "dynamic_payback": "" if dp is None else fmt_sig(dp),
        # kept for the §7 assertions, not written:
        "_roots": roots,
        "_sp": sp,
        "_npv": npv,
        "_mirr": mirr,
    }


# ---------------------------------------------------------------- fixed rows

# (id, flows as strings, rate, finance_rate); rates are decimal strings.
S7_ROWS = [
    ("s7_npv", "-10000;3000;3400;7700", "0.065", "0.05"),
    ("s7_irr", "-100000;10000;20000;30000;40000;50000", "0.08", "0.06"),
    ("s7_several_irrs", "-1000;6000;-10900;5800", "0.1", "0.1"),
    ("s7_mirr", "-120000;39000;30000;21000;37000;46000", "0.12", "0.1"),
    ("s7_payback", "-1000000;200000;400000;300000;400000", "0.1", "0.05"),
]

EDGE_ROWS = [
    ("edge_root_99", "-1;100", "0.1", "0.05"),  # r = 99 > 10: none
    ("edge_root_11", "-1;12", "0.08", "0.05"),  # r = 11 > 10: none
    ("edge_root_9_9", "-1;10.9", "0.08", "0.05"),  # r = 9.9: single
    ("edge_root_m0_999", "-1000;1", "0.08", "0.05"),  # r = -0.999: none
    ("edge_root_m0_994", "-250;1.5", "0", "0"),  # r = -0.994: none
    ("edge_root_m0_988", "-100;1.2", "0.05", "0.03"),  # r = -0.988: single
    ("edge_root_zero", "-100;100", "0", "0.1"),  # r = 0 exactly
    ("edge_root_zero_3sc", "-100;100;-50;50", "0.1", "0.1"),  # 3 sign changes, one root r = 0; payback 4
    ("edge_complex_only", "100;-150;100", "0.1", "0.05"),  # 2 sign changes, no real root
    ("edge_npf_doc_1", "-100;100;0;-7", "0.05", "0.05"),
    ("edge_npf_doc_2", "-100;100;0;7", "0.05", "0.05"),
    ("edge_npf_doc_3", "-100;39;59;55;20", "0.1", "0.08"),
    ("edge_all_zero", "0;0", "0.1", "0.05"),
    ("edge_all_positive", "100;200;300", "0.1", "0.05"),
    ("edge_all_negative", "-100;-200;-300", "0.1", "0.05"),
    ("edge_leading_zeros", "0;0;-100;60;70", "0.1", "0.05"),
    ("edge_trailing_zeros", "-100;60;70;0;0", "0.1", "0.05"),
    ("edge_zeros_inside", "-100;0;0;150", "0", "0.05"),
    ("edge_pos_then_neg", "100;-50;-60;20", "0.05", "0.05"),  # payback 3.5, never negative at start
    ("edge_never_recovered", "-100;50;40", "0.1", "0.05"),
    ("edge_recovered_then_lost", "-100;50;60;-20", "0.1", "0.05"),
    ("edge_cum_touches_zero", "-100;100;0;0", "0.1", "0.05"),  # cum reaches exactly 0 and stays
    ("edge_n30_small_rate", ";".join(["-5000000"] + ["180000.25"] * 29), "0.0001", "0.3"),
    ("edge_rate_half", "-1000;600;600;600", "0.5", "0.3"),
]


def parse_flows(s: str) -> list[int]:
    """'-1;10.9' -> integer cents, exactly."""
    out = []
    for part in s.split(";"):
        f = Fraction(part) * 100
        assert f.denominator == 1, part
        out.append(int(f))
    return out


def parse_bps(s: str) -> int:
    f = Fraction(s) * 10000
    assert f.denominator == 1, s
    return int(f)


# ---------------------------------------------------------------- random rows


def loguniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def to_cents(values: list[float], style: str) -> list[int] | None:
    """Round to the row's style; None if a value leaves [1, 1e7] (or 0)."""
    out = []
    for v in values:
        if style == "cents":
            c = round(v * 100)
        elif style == "units":
            c = round(v) * 100
        else:  # "coarse": 3 significant digits, like a planner's estimate
            if v == 0:
                c = 0
            else:
                step = 10 ** max(0, math.floor(math.log10(abs(v))) - 2)
                c = round(v / step) * step * 100
        if c != 0 and not (100 <= abs(c) <= MAX_CENTS):
            return None
        out.append(c)
    return out


def pick_style(rng: random.Random) -> str:
    return rng.choice(["cents", "cents", "units", "coarse"])


def invest_years(rng: random.Random, total: float, k: int) -> list[float]:
    w = [rng.uniform(0.3, 1.0) for _ in range(k)]
    s = sum(w)
    return [-total * x / s for x in w]


def earnings(rng: random.Random, base: float, m: int) -> list[float]:
    g = rng.uniform(-0.03, 0.06)
    return [base * (1 + g) ** j * rng.uniform(0.85, 1.15) for j in range(m)]


def shape_classic(rng):
    n = rng.randint(3, 30)
    k = rng.randint(1, min(3, n - 2))
    inv = loguniform(rng, 100, 1e7)
    flows = invest_years(rng, inv, k) + earnings(rng, inv * rng.uniform(0.06, 0.6), n - k)
    if rng.random() < 0.3:
        flows[-1] += inv * rng.uniform(0.05, 0.3)  # salvage
    return flows


def shape_rampup(rng):
    n = rng.randint(5, 30)
    k = rng.randint(1, 2)
    inv = loguniform(rng, 1000, 1e7)
    full = earnings(rng, inv * rng.uniform(0.1, 0.4), n - k)
    ramp = rng.randint(2, 5)
    return invest_years(rng, inv, k) + [f * min(1.0, (j + 1) / ramp) for j, f in enumerate(full)]


def shape_long_construction(rng):
    k = rng.randint(4, 8)
    n = rng.randint(k + 2, 30)
    inv = loguniform(rng, 1e4, 1e7)
    return invest_years(rng, inv * k / 3, k) + earnings(rng, inv * rng.uniform(0.1, 0.5), n - k)


def shape_zeros(rng):
    flows = shape_classic(rng)
    n = len(flows)
    kind = rng.choice(["inside", "inside", "leading", "trailing"])
    if kind == "inside" and n >= 4:
        for _ in range(rng.randint(1, max(1, n // 4))):
            flows[rng.randint(1, n - 2)] = 0.0
    elif kind == "leading" and n <= 28:
        flows = [0.0] * rng.randint(1, min(3, 30 - n)) + flows
    elif n <= 28:
        flows = flows + [0.0] * rng.randint(1, min(3, 30 - n))
    else:
        flows[n // 2] = 0.0
    return flows


def shape_same_sign(sign):
    def gen(rng):
        n = rng.randint(2, 30)
        flows = [sign * loguniform(rng, 1, 1e7) for _ in range(n)]
        if rng.random() < 0.4:
            flows[rng.randrange(n)] = 0.0
        return flows

    return gen


def shape_outside_high(rng):
    # Tiny investment, huge returns: r > 10 (none) or close below 10.
    n = rng.randint(2, 6)
    inv = loguniform(rng, 1, 1000)
    return [-inv] + [inv * loguniform(rng, 12, 1000) for _ in range(n - 1)]


def shape_outside_low(rng):
    # Large investment, crumbs back: r < -0.99 (none).
    n = rng.randint(2, 4)
    inv = loguniform(rng, 1e5, 1e7)
    top = inv * (0.008 ** (n - 1)) * 0.5
    return [-inv] + [loguniform(rng, 1, max(1.5, top)) for _ in range(n - 1)]


def shape_multi(k_in, k_out=0):
    """Polynomial built from k_in roots in range and k_out positive roots y
    outside (0.01, 11], times factors with no positive root; then rounded."""

    def gen(rng):
        rs: list[float] = []
        while len(rs) < k_in:
            r = rng.uniform(-0.6, 1.2) if rng.random() < 0.75 else rng.uniform(1.2, 9.5)
            if all(abs(r - x) > 0.03 for x in rs):
                rs.append(r)
        ys = [1.0 + r for r in rs]
        for _ in range(k_out):
            ys.append(rng.uniform(12, 30) if rng.random() < 0.6 else rng.uniform(0.001, 0.007))
        poly = np.array([1.0])
        for y in ys:
            poly = np.polymul(poly, [1.0, -y])
        n = rng.randint(len(ys) + 1, 12)
        for _ in range(n - 1 - len(ys)):
            if k_out == 0 and rng.random() < 0.15:  # a positive root beyond r = 10
                poly = np.polymul(poly, [1.0, -rng.uniform(12, 30)])
            else:  # no positive root
                poly = np.polymul(poly, [1.0, rng.uniform(0.05, 3)])
        scale = 10 ** rng.uniform(3, 7) / max(abs(poly))
        return list(poly * scale * rng.choice([-1, 1]))

    return gen


def shape_closure(rng):
    # Invest, earn, then a large decommissioning cost: two sign changes.
    flows = shape_classic(rng)
    inv = -sum(f for f in flows if f < 0)
    m = rng.randint(1, 2)
    if len(flows) + m > 30:
        flows = flows[: 30 - m]
    return flows + [-inv * rng.uniform(0.2, 3.0) / m for _ in range(m)]


def shape_mixed(rng):
    n = rng.randint(2, 10)
    return [rng.choice([-1, 1]) * loguniform(rng, 1, 1e6) for _ in range(n)]


SHAPES = [
    ("classic", shape_classic, 80),
    ("rampup", shape_rampup, 35),
    ("longcon", shape_long_construction, 30),
    ("zeros", shape_zeros, 35),
    ("allpos", shape_same_sign(1), 12),
    ("allneg", shape_same_sign(-1), 12),
    ("outside_high", shape_outside_high, 15),
    ("outside_low", shape_outside_low, 12),
    ("multi2", shape_multi(2), 45),
    ("multi3", shape_multi(3), 30),
    ("multi_one_in", shape_multi(1, 1), 15),
    ("multi_none_in", shape_multi(0, 2), 6),
    ("closure", shape_closure, 30),
    ("mixed", shape_mixed, 25),
]


def draw_rates(rng: random.Random) -> tuple[int, int]:
    u = rng.random()
    if u < 0.12:
        rate = 0
    elif u < 0.45:
        rate = rng.choice([100, 300, 450, 500, 600, 650, 800, 1000, 1200, 1500, 2000, 2500, 3000, 5000])
    else:
        rate = rng.randint(1, 5000)
    fin = 0 if rng.random() < 0.08 else rng.randint(1, 3000)
    return rate, fin


# ---------------------------------------------------------------- PMT


def pmt_row(rate_bps: int, n: int, pv_cents: int) -> dict:
    rate = Fraction(rate_bps, 10000)
    pv = Fraction(pv_cents, 100)
    p = float(npf.pmt(float(rate), n, float(pv)))
    if rate == 0:
        exact = -pv / n
    else:
        g = (1 + rate) ** n
        exact = -pv * rate * g / (g - 1)
    assert abs(p - float(exact)) <= 1e-12 * abs(float(exact)), (rate_bps, n, pv_cents, p, float(exact))
    return {"rate": rate_str(rate_bps), "n": str(n), "pv": fmt_cents(pv_cents), "pmt": fmt_float(p)}


def pmt_rows(rng: random.Random) -> list[dict]:
    rows = [pmt_row(450, 10, 1_000_000 * 100)]
    assert round(float(rows[0]["pmt"]), 2) == -126378.82, rows[0]
    rows.append(pmt_row(0, 10, 1_000_000 * 100))
    assert float(rows[1]["pmt"]) == -100000.0
    rows.append(pmt_row(0, 1, 12345))
    rows.append(pmt_row(3000, 1, 10**9))
    rows.append(pmt_row(1, 30, 10**9))
    while len(rows) < 100:
        u = rng.random()
        rate = 0 if u < 0.1 else rng.choice([300, 435, 490, 600, 800]) if u < 0.35 else rng.randint(1, 3000)
        n = rng.randint(1, 30)
        pv = round(loguniform(rng, 1, 1e7) * 100)
        if rng.random() < 0.3:
            pv = pv // 100 * 100
        rows.append(pmt_row(rate, n, pv))
    return rows


# ---------------------------------------------------------------- main


def main() -> int:
    rng = random.Random(SEED)
    rows: list[dict] = []

    for rid, flows, r, f in S7_ROWS + EDGE_ROWS:
        rows.append(make_row(rid, parse_flows(flows), parse_bps(r), parse_bps(f)))

    # ---- MODEL.md §7 assertions
    by_id = {row["id"]: row for row in rows}
    assert round(by_id["s7_npv"]["_npv"], 2) == 2055.38
    assert [round(float(x), 6) for x in by_id["s7_irr"]["_roots"]] == [0.120058]
    assert by_id["s7_irr"]["irr_status"] == "single"
    assert [round(float(x), 4) for x in by_id["s7_several_irrs"]["_roots"]] == [-0.0488, 1.0, 2.0488]
    assert by_id["s7_several_irrs"]["irr_status"] == "multiple"
    assert by_id["s7_several_irrs"]["_roots"][1] == 1  # exact
    mirr_flows = [-120000, 39000, 30000, 21000, 37000, 46000]
    assert round(float(npf.mirr(mirr_flows, 0.10, 0.12)), 4) == 0.1261  # spreadsheet convention
    assert round(by_id["s7_mirr"]["_mirr"], 4) == 0.1217  # model convention [0, NCF...]
    assert by_id["s7_payback"]["_sp"] == Fraction(17, 4)
    assert by_id["s7_payback"]["static_payback"] == "4.25"
    # ---- a few hand-checked edge expectations
    assert by_id["edge_root_99"]["irr_status"] == "none"
    assert by_id["edge_root_9_9"]["irr_roots"] == "9.9"
    assert by_id["edge_root_m0_988"]["irr_roots"] == "-0.988"
    assert by_id["edge_root_m0_999"]["irr_status"] == "none"
    assert by_id["edge_root_zero_3sc"]["irr_roots"] == "0"
    assert by_id["edge_root_zero_3sc"]["static_payback"] == "4"
    assert by_id["edge_complex_only"]["irr_status"] == "none"
    assert by_id["edge_pos_then_neg"]["static_payback"] == "3.5"
    assert by_id["edge_never_recovered"]["static_payback"] == ""
    assert by_id["edge_recovered_then_lost"]["static_payback"] == ""
    assert by_id["edge_cum_touches_zero"]["static_payback"] == "2"
    assert by_id["edge_all_positive"]["static_payback"] == "0"
    assert by_id["edge_all_zero"]["mirr"] == "" and by_id["edge_all_zero"]["npv"] == "0.0"

    # ---- seeded random shapes
    for name, gen, count in SHAPES:
        made = 0
        while made < count:
            style = pick_style(rng)
            values = gen(rng)
            rate, fin = draw_rates(rng)
            cents = to_cents(values, style) if 2 <= len(values) <= 30 else None
            if cents is None or all(c == 0 for c in cents):
                Stats.rejected += 1
                continue
            try:
                row = make_row(f"{name}_{made + 1:03d}", cents, rate, fin)
            except Unclean:
                Stats.rejected += 1
                continue
            rows.append(row)
            made += 1

    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    cols = ["id", "flows", "rate", "finance_rate", "npv", "irr_status", "irr_roots", "mirr",
            "static_payback", "dynamic_payback"]
    with FINANCE_CSV.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    prows = pmt_rows(rng)
    with PMT_CSV.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["rate", "n", "pv", "pmt"], lineterminator="\n")
        w.writeheader()
        w.writerows(prows)

    # ---- summary
    status_count: dict[str, int] = {}
    for r in rows:
        status_count[r["irr_status"]] = status_count.get(r["irr_status"], 0) + 1
    print(f"wrote {FINANCE_CSV.relative_to(REPO)}: {len(rows)} rows {status_count}")
    print(f"wrote {PMT_CSV.relative_to(REPO)}: {len(prows)} rows")
    print(f"random candidates rejected (range or unclean IRR structure): {Stats.rejected}")
    print(f"npf.npv max error vs exact, relative to sum|PV|: {Stats.npv_max_rel_err:.3g}")
    print(f"npf.mirr max abs error vs 60-digit: {Stats.mirr_max_abs_err:.3g}")
    print(f"one sign change, root in range, npf.irr returned nan: {len(Stats.irr_nan)} {Stats.irr_nan}")
    print(f"one sign change, npf.irr disagrees with polished root: {len(Stats.irr_disagree)}")
    for line in Stats.irr_disagree:
        print("   ", line)
    print(f"multiple roots, npf.irr not among them: {len(Stats.irr_multi_npf)}")
    for line in Stats.irr_multi_npf:
        print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
