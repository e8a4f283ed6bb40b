#!/usr/bin/env python3
"""Independent reference implementation of /work/shared/MODEL.md (Python 3.11, stdlib only).

Written from MODEL.md and SCENARIO.md alone, without reading the Rust engine, so
that the engine's golden tests compare against figures computed independently.
All arithmetic is `decimal.Decimal` at 60 significant digits; no float anywhere.

Usage:
    python3 scripts/reference_model.py SCENARIO.json            # prints results JSON
    python3 scripts/reference_model.py --regen-all [DIR]        # rewrites DIR/*.expected.json
                                                                # (DIR defaults to engine/tests/golden)
    python3 scripts/reference_model.py --selftest               # checks MODEL.md §7 test vectors

Readings chosen where MODEL.md leaves room (rule numbers refer to MODEL.md §9)
=============================================================================
 1. Capacity (§2.5, rule 10): the ramp is indexed by operating year k = t - t0
    from year t0; only year t0's value is multiplied by f0 (ramp[0] * f0, or
    1 * f0 when the ramp list is empty).  After the ramp u = (1+growth)^(k-len),
    which is exactly 1 in the first post-ramp year, so a ramp below 1 only
    "never reaches full capacity" if the ramp list covers every operating year.
 2. First full-capacity year (rules 11, 56): first t with u_t >= 1 where u_t
    already includes f0; else the earliest t with the highest u_t.
 3. Working capital (§3, §4): CO carries the signed change W_t - W_{t-1} for
    every t = 1..N (negative = release, kept inside CO as a negative outflow,
    including year N), and CI carries the recovery of the balance W_N in year N
    as a separate line.  Over N years the two sum to zero.
 4. Capex spread (§3): construction gross G is spread evenly over years 1..tb
    (each year G/tb); its VAT, other cost and contingency are computed on the
    totals and spread the same way.  Fit-out gross likewise over 1..tb.
    Equipment, its VAT and installation all fall in year tb.
 5. Fit-out (§3): depreciated on its cost EXCLUDING VAT (its VAT at
    build_vat_rate is creditable input VAT in the years paid), 5 years, no
    residual.  Fixed investment (rule 45) uses the same excl.-VAT fit-out.
 6. Depreciation (§3, rule 10): building B over 20 years with 5 % residual and
    equipment Q over 10 years with 5 % residual, full annual charge from year t0
    (even if f0 < 1) until the life is used up; fit-out over 5 years from t0;
    land use right (L + deed tax) / 50 per year from year 1.  Residual value in
    year N = net book value of building + equipment + fit-out + land use right.
 7. Repair (§3): repair_ratio * (B + Q) in every year t >= t0 at the full rate
    (not scaled by f0); B = 0 in rent mode; fit-out excluded.
 8. Stamp (rule 16): stamp_t = stamp_sales_rate * S_t + land stamp (year 1).
    The land stamp is listed once in CO (inside stamp_t; not again under capex).
    stamp_t is used in the CIT base, EBIT, EBITDA, park ledger and tax per mu.
 9. VAT (§3, rule 21): input VAT_t = vat_rate*M_t + rent VAT_t + capex VAT of
    year t (construction VAT, fit-out VAT, equipment VAT).  credit_t =
    max(0, input_t + credit_{t-1} - output_t); credit at N is lost.
10. Cash incentives in CI (§4): equipment subsidy, hiring subsidy, far reward,
    settlement award, tax reward AND land rebate (every cash incentive except
    the interest subsidy, which enters only the equity flow).  The rent holiday
    is not a cash incentive: it only lowers rent paid.
11. Taxable subsidies (rule 19): when subsidies_taxable, every cash incentive
    received in year t (incl. interest subsidy, tax reward and land rebate) is
    taxable in t; when not, none is and the clawback is not deductible.
12. Adjusted CIT (rule 23): EBIT_t = taxable_t (before losses) + interest_t +
    guarantee fee_t - interest subsidy received_t (the latter only when
    subsidies_taxable).  Every other subsidy and the deductible clawback stay
    in EBIT.  adjusted CIT = rate * max(0, EBIT_t); no loss carry-forward.
13. Losses (rule 20): a loss of year s is usable in s+1 .. s+loss_years, FIFO;
    loss_years = 0 means no carry-forward.
14. Loan (§2.7, rules 22, 27): opening balance of year t (t = 2..1+n) is the
    balance after the previous year's principal; interest and guarantee fee on
    it.  Annuity PMT = P*r/(1-(1+r)^-(n-g)) on the full loan P (grace is
    interest-only), principal_t = PMT - interest_t, and the last repayment year
    repays the remaining balance exactly (equal_principal likewise: P/(n-g),
    last year = remaining balance).
15. Interest subsidy (rule 27): share * interest_t for t = 2 .. 1+years and only
    while the loan bears interest (t <= 1+n); "paid with the interest" in year
    t, or t+1 under stress (rule 32), dropped past N.
16. Hiring subsidy (rule 28): per_person * max(0, staff_t - staff_{t-1}) with
    staff_t = headcount * min(u_t, 1); paid year t (t+1 under stress).
17. Equipment subsidy (rule 26): min(rate * (E - E VAT), cap), paid t0+lag
    (t0+lag+1 under stress), dropped past N.  Far reward (rule 29) and land
    rebate (rule 31) in year tb (far: tb+1 under stress; rebate: nothing under
    stress); settlement award year 1 (year 2 under stress).  Only buy_land has
    far reward and land rebate (rule 13).
18. Tax reward (rule 30): for operating year k (y = t0-1+k, k = 1..len(shares))
    shares[k-1] * (vat_local_share*VAT_y + cit_local_share*CIT_y) with actual
    CIT_y (which itself includes earlier rewards as taxable income), paid in
    y+lag, dropped past N; nothing under stress.  Computed year by year, which
    is well defined because lag >= 1.
19. Deposit (§2.9, rules 33-37, 54, 58): amount = amount*mu_basis (per_mu, in
    both modes) or amount (fixed), paid year 1.  The test is made in calendar
    year ty = t0-1+test_year, which is the deposit block's `year`.  Intensity
    target uses §5 intensity (static); tax target uses tax per mu of year ty
    (VAT + surcharges + stamp + actual CIT + land-use tax + property tax)/mu.
    A target with min 0 (or switched off) is always met.  Shortfall =
    clip((min-actual)/min, 0, 1).  Met -> refund = amount in year ty, outcome
    "refunded".  Missed + full -> refund 0, forfeited = amount, "forfeited".
    Missed + pro_rata -> refund = amount*(1-max shortfall) in year ty,
    forfeited = amount - refund; outcome "partial" if max shortfall < 1 else
    "forfeited".  Outcome is decided by targets/rule, not by whether the
    amount is 0.  The forfeited amount has no cash flow of its own and no tax
    effect; it enters the park ledger in year ty.
20. Clawback (rules 36, 37, 58): triggered whenever any switched-on target is
    missed, under either forfeit rule.  clawback_due = clawback * sum of cash
    incentives RECEIVED in years 1..ty (interest subsidy included, rent waived
    excluded; under stress the shifted amounts), paid in ty+1; if ty+1 > N it
    is dropped (`clawback` = 0, `clawback_due` keeps the amount).  It is an
    outflow in CO, deducted in EBITDA, deductible in CIT when
    subsidies_taxable, and income of the park.
21. EBITDA (rule 42) = S - M - O - D - repair - wages - rent excl. VAT - mgmt
    - surcharges - stamp - land-use tax - property tax + cash incentives
    (interest subsidy excluded) - clawback.  DSCR over years with principal > 0.
22. Payback (rule 38): 0 if the cumulative flow is never negative.  Park
    breakeven year (rule 44): the first year T from which the cumulative park
    net stays >= 0 through N; this is year 1 if it is never negative; null if
    cum_N < 0.
23. IRR (rule 39): one sign change -> bisection on [-0.99, 10] using the sign of
    the rescaled polynomial sum NCF_t (1+r)^(N-t); if both ends have the same
    non-zero sign -> "none".  Several sign changes -> grid scan with exactly
    the steps of rule 39 (grid points -0.99, -0.989, ..., -0.5, -0.4995, ...,
    0.5, 0.502, ..., 2, 2.01, ..., 10), an exact zero at a grid point is a
    root, each sign change is bisected; roots closer than 0.0005 to the
    previous kept root are merged.  Status from the number of roots found
    (0 -> none, 1 -> single, >1 -> multiple).  Roots are bracket midpoints
    (bracket < 1e-10), so compare with a tolerance of ~1e-9.
24. MIRR (rule 40): emitted for every statement (null when the flows lack a
    positive or a negative value); the engine may show it only when the IRR
    status is "multiple".  finance = loan_rate, reinvest = discount_rate.
25. Incentive summary (rule 43): nominal = sum of amounts received within N
    (after lags and stress shifts; rent_relief = rent waived valued gross);
    pv at discount_rate; share_of_fixed_investment = total / fixed investment.
26. Park ledger (rule 44): deed tax in year 1; stamp incl. land stamp; actual
    CIT; incentives paid = all cash incentives incl. interest subsidy + rent
    waived; park NPV at park_rate over t = 1..N.
27. Tornado (rule 47): `npv_low` is the after-tax project NPV with the input
    multiplied by (1-s), `npv_high` with (1+s) (not the min / max of the two).
    Inputs in order: output_full, materials_ratio, equipment, build_cost
    (buy_land) or rent (rent), land_price (buy_land only), wage,
    discount_rate.  Everything derived moves (VAT, WC, subsidies, targets,
    deposit outcome ...).  Stable sort by swing descending.
28. Switching values (rules 48, 57): search points on each side are cumulative
    sums of the steps 0.01*1.5^k: +-0.01, 0.025, 0.0475, ... clipped to the
    bounds +10 / -1 (the bound itself is the last point).  The first point
    whose NPV sign differs from the base NPV's sign brackets the crossing
    (an exact 0 at a point is the crossing itself); bisection to a bracket
    < 1e-10; delta = bracket midpoint; value = base*(1+delta); jump = the
    |NPV| gap across the final bracket > 0.001.  Both sides are searched and
    the smaller |delta| wins, tie to delta > 0.  Base NPV exactly 0 -> delta 0.
29. Buy vs rent (rules 46, 52): the scenario's own mode reuses the base run;
    the other mode copies every resolved input and takes that mode's defaults
    for build_months and deposit.  Only the cross-field checks that those two
    changes can break are re-validated (buy_land build_months >= 6, t0 < N on
    build_months, test_year <= N - t0 + 1); a failure gives {"errors": [...]}
    for that side and crossover_year null.  With `stress: true` both sides are
    evaluated under stress.  Crossover uses cumulative after-tax project NCF.
30. Warnings come from the base evaluation only (not the stress block, not the
    other side of buy vs rent).  restricted_incentive is raised whenever
    tax_reward.on or land_rebate.on is true, whatever the site mode.
31. Resolution: §2 defaults -> cluster preset (it sets site_mode too) -> keys
    given (deep merge of nested objects; lists replaced whole) -> site-mode /
    regime dependent defaults (build_months, deposit kind and amount,
    loss_years) when not given.  The preset's area goes to rent_area (rent
    presets) or land_mu (buy_land presets).
32. Construction-year rent: rent, management fee and the rent holiday run from
    year 1 (lease year = model year, rule 25) whatever build_months is.
33. Rent deposit (rule 14) uses the year-1 rent without escalation or holiday;
    returned in year N.  Rent excl. VAT = gross - gross*v/(1+v).
34. Property tax base (rule 17) = (B + L + deed tax) * (1 - property_deduct)
    where B is the building cost excl. VAT incl. other cost and contingency.
35. Payments scheduled after N are dropped in every case (equipment subsidy
    at t0+lag, tax reward at y+lag, clawback at ty+1, stress shifts).
36. mu metrics (§5, rules 35, 45): intensity is static (the same in both
    metric years); tax per mu includes the land stamp only if the metric year
    is year 1 (it is part of stamp_t); staff per mu uses staff_t (with f0);
    plot_ratio and plot_ratio_met are null in rent mode; display flags use
    mu_thresholds (>=), separate from the deposit targets.
37. Output conventions: irr.roots is a list (one entry for "single"); reason
    is null unless status is "none"; `value` in switching values is
    base*(1+delta).  Decimal strings are the exact 60-digit values, so the
    engine (28 digits) must be compared with a tolerance: about 1e-12 relative
    (or 1e-9 absolute) for money, 1e-9 for IRR roots and switching deltas.
    Extra keys beyond SCENARIO.md (annual_detail, scalars, resolved_inputs,
    floor_price.floor_per_m2, park.*_total, buy_vs_rent.*.build_months/deposit)
    are diagnostics for comparing line by line.
"""
import copy
import glob
import json
import os
import sys
from decimal import Decimal, getcontext

getcontext().prec = 60
D = Decimal
ZERO = D(0)
ONE = D(1)

# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

DEFAULTS = {
    "name": "新建项目",
    "cluster": "magnetic_electronics",
    "site_mode": "rent",
    "horizon": 15,
    "discount_rate": "0.12",
    "equity_rate": "0.12",
    "park_rate": "0.06",
    "land_mu": "50",
    "land_price": "12",
    "land_grade": 11,
    "priority_industry": False,
    "deed_tax_rate": "0.03",
    "land_use_tax": "6",
    "far": "1.2",
    "build_cost": "2000",
    "other_build_ratio": "0.10",
    "contingency_ratio": "0.05",
    "rent_area": "5000",
    "rent": "8",
    "rent_vat_rate": "0.09",
    "mgmt_fee": "1",
    "rent_escalation": "0",
    "rent_deposit_months": "3",
    "fit_out": "300",
    "ref_far": "1.2",
    "equipment": "6000",
    "install_ratio": "0.05",
    "wc_ratio": "0.15",
    "output_full": "30000",
    "ramp": ["0.4", "0.7"],
    "growth": "0",
    "materials_ratio": "0.70",
    "other_ratio": "0.06",
    "rd_ratio": "0.03",
    "repair_ratio": "0.02",
    "headcount": "200",
    "wage": "6",
    "social_ratio": "0.30",
    "wage_growth": "0.03",
    "vat_rate": "0.13",
    "build_vat_rate": "0.09",
    "city_tax_rate": "0.07",
    "edu_rate": "0.05",
    "cit_regime": "general",
    "rd_super": "1.0",
    "property_deduct": "0.30",
    "property_rate": "0.012",
    "stamp_sales_rate": "0.0003",
    "land_stamp_rate": "0.0005",
    "vat_local_share": "0.50",
    "cit_local_share": "0.40",
    "park_share": "1.0",
    "subsidies_taxable": True,
    "loan": "0",
    "loan_rate": "0.04",
    "loan_years": 8,
    "grace_years": 2,
    "repayment": "equal_principal",
    "guarantee_rate": "0",
    "incentives": {
        "rent_relief": {"on": True, "shares": ["1", "1", "1", "0.5", "0.5"]},
        "equip_subsidy": {"on": True, "rate": "0.10", "cap": "500", "lag": 1},
        "interest_subsidy": {"on": True, "share": "0.5", "years": 2},
        "hiring_subsidy": {"on": True, "per_person": "0.1"},
        "far_reward": {"on": True, "per_mu": "0", "min_far": "1.2"},
        "settlement_award": {"on": True, "amount": "0"},
        "tax_reward": {"on": False, "shares": ["1", "1", "1", "0.5", "0.5"], "lag": 1},
        "land_rebate": {"on": False, "rate": "0"},
    },
    "test_year": 3,
    "targets": {"intensity": {"on": True, "min": "200"}, "tax_per_mu": {"on": True, "min": "15"}},
    "forfeit_rule": "full",
    "clawback": "0",
    "sensitivity_range": "0.2",
    "stress": False,
    "mu_thresholds": {"intensity": "200", "output": "300", "tax": "15", "far": "1.0"},
}

PRESETS = {
    "magnetic_electronics": {"site_mode": "rent", "rent_area": "5000", "equipment": "6000",
                             "output_full": "30000", "materials_ratio": "0.70", "headcount": "200",
                             "wage": "6", "rd_ratio": "0.03"},
    "intelligent_equipment": {"site_mode": "buy_land", "land_mu": "50", "equipment": "8000",
                              "output_full": "30000", "materials_ratio": "0.62", "headcount": "250",
                              "wage": "7.5", "rd_ratio": "0.04"},
    "new_energy": {"site_mode": "buy_land", "land_mu": "100", "equipment": "20000",
                   "output_full": "80000", "materials_ratio": "0.75", "headcount": "500",
                   "wage": "7", "rd_ratio": "0.03"},
    "big_data": {"site_mode": "rent", "rent_area": "3000", "equipment": "10000",
                 "output_full": "8000", "materials_ratio": "0.30", "headcount": "80",
                 "wage": "12", "rd_ratio": "0.08"},
    "building_economy": {"site_mode": "rent", "rent_area": "1500", "equipment": "300",
                         "output_full": "5000", "materials_ratio": "0.20", "headcount": "100",
                         "wage": "9", "rd_ratio": "0.02"},
    "other": {"site_mode": "rent"},
}

INT_KEYS = {"horizon", "build_months", "land_grade", "loan_years", "grace_years", "test_year", "loss_years"}
BOOL_KEYS = {"priority_industry", "subsidies_taxable", "stress"}
STR_KEYS = {"name", "cluster", "site_mode", "cit_regime", "repayment", "forfeit_rule"}

FLOOR_M2 = [840, 720, 600, 480, 384, 336, 288, 252, 204, 168, 144, 120, 96, 84, 60]


def to_dec(v):
    if isinstance(v, bool):
        raise ValueError("boolean where a number was expected: %r" % (v,))
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return D(v)
    if isinstance(v, str):
        return D(v.strip())
    raise ValueError("not a number: %r" % (v,))


def to_int(v):
    d = to_dec(v)
    if d != d.to_integral_value():
        raise ValueError("not an integer: %r" % (v,))
    return int(d)


def deep_merge(base, over):
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            deep_merge(base[k], v)
        else:
            base[k] = copy.deepcopy(v)


def normalise(p):
    q = {}
    for k, v in p.items():
        if k in INT_KEYS:
            q[k] = to_int(v)
        elif k in BOOL_KEYS:
            assert isinstance(v, bool), k
            q[k] = v
        elif k in STR_KEYS:
            q[k] = str(v)
        elif k == "ramp":
            q[k] = [to_dec(x) for x in v]
        elif k == "incentives":
            inc = {}
            for kind, spec in v.items():
                s = {}
                for kk, vv in spec.items():
                    if kk == "on":
                        assert isinstance(vv, bool)
                        s[kk] = vv
                    elif kk in ("lag", "years"):
                        s[kk] = to_int(vv)
                    elif kk == "shares":
                        s[kk] = [to_dec(x) for x in vv]
                    else:
                        s[kk] = to_dec(vv)
                inc[kind] = s
            q[k] = inc
        elif k == "deposit":
            q[k] = {"kind": str(v["kind"]), "amount": to_dec(v["amount"])}
        elif k == "targets":
            q[k] = {kind: {"on": bool(s["on"]), "min": to_dec(s["min"])} for kind, s in v.items()}
        elif k == "mu_thresholds":
            q[k] = {kk: to_dec(vv) for kk, vv in v.items()}
        else:
            q[k] = to_dec(v)
    return q


def mode_defaults(site_mode):
    """build_months and deposit defaults of a site mode (§2.1, §2.9)."""
    if site_mode == "buy_land":
        return 12, {"kind": "per_mu", "amount": "5"}
    return 3, {"kind": "fixed", "amount": "30"}


def resolve(raw):
    raw = {k: v for k, v in raw.items() if k != "meta"}
    p = copy.deepcopy(DEFAULTS)
    cluster = raw.get("cluster", p["cluster"])
    deep_merge(p, PRESETS[cluster])
    given = {k: v for k, v in raw.items() if k != "deposit"}
    deep_merge(p, given)
    bm_default, dep_default = mode_defaults(p["site_mode"])
    if "build_months" not in raw:
        p["build_months"] = bm_default
    dep_raw = raw.get("deposit", {})
    kind = dep_raw.get("kind", dep_default["kind"])
    amount = dep_raw.get("amount", "5" if kind == "per_mu" else "30")  # rule 54
    p["deposit"] = {"kind": kind, "amount": amount}
    if "loss_years" not in raw:
        p["loss_years"] = 10 if p["cit_regime"] == "high_tech" else 5
    return normalise(p)


def other_mode_inputs(p):
    """Rule 52: the other site mode with its own build_months and deposit defaults."""
    q = copy.deepcopy(p)
    q["site_mode"] = "rent" if p["site_mode"] == "buy_land" else "buy_land"
    bm, dep = mode_defaults(q["site_mode"])
    q["build_months"] = bm
    q["deposit"] = {"kind": dep["kind"], "amount": D(dep["amount"])}
    return q


def cross_field_errors(p):
    """Only the checks that the site mode / build_months can break (rules 6, 7, 53)."""
    errs = []
    N = p["horizon"]
    bm = p["build_months"]
    t0 = bm // 12 + 1
    if p["site_mode"] == "buy_land" and bm < 6:
        errs.append({"field": "build_months", "value": str(bm), "allowed": "6-36 (buy_land)",
                     "message_zh": "买地建厂的建设期至少 6 个月", "message_en": "buy_land needs at least 6 build months"})
    if not t0 < N:
        errs.append({"field": "build_months", "value": str(bm), "allowed": "t0 < N",
                     "message_zh": "运营期至少两年", "message_en": "at least two operating years are needed"})
    elif not (1 <= p["test_year"] <= N - t0 + 1):
        errs.append({"field": "test_year", "value": str(p["test_year"]), "allowed": "1-%d" % (N - t0 + 1),
                     "message_zh": "考核年份超出计算期", "message_en": "test year beyond the horizon"})
    if p["loan"] > 0:
        if not 1 + p["loan_years"] <= N:
            errs.append({"field": "loan_years", "value": str(p["loan_years"]), "allowed": "1 + n <= N",
                         "message_zh": "贷款期限超出计算期", "message_en": "loan term beyond the horizon"})
        if not 0 <= p["grace_years"] <= p["loan_years"] - 1:
            errs.append({"field": "grace_years", "value": str(p["grace_years"]), "allowed": "0 - n-1",
                         "message_zh": "宽限期过长", "message_en": "grace period too long"})
    return errs


# ---------------------------------------------------------------------------
# Finance helpers
# ---------------------------------------------------------------------------

def npv(rate, flows):
    """flows[0] is year 1.  Σ NCF_t / (1+i)^t."""
    total = ZERO
    x = ONE + rate
    disc = ONE
    for f in flows:
        disc = disc * x
        total += f / disc
    return total


def sign(d):
    return 0 if d == 0 else (1 if d > 0 else -1)


def rescaled(r, flows):
    """Σ NCF_t (1+r)^(N-t): same sign as NPV for r > -1 (rule 62)."""
    x = ONE + r
    acc = ZERO
    for f in flows:
        acc = acc * x + f
    return acc


def bisect_root(f, lo, hi, flo=None):
    """lo, hi bracket a sign change of f; returns (mid, lo, hi)."""
    if flo is None:
        flo = f(lo)
    slo = sign(flo)
    tol = D("1e-10")
    while hi - lo >= tol:
        mid = (lo + hi) / 2
        fm = f(mid)
        sm = sign(fm)
        if sm == 0:
            return mid, mid, mid
        if sm == slo:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2, lo, hi


def irr_grid():
    pts = []
    specs = [(D("-0.99"), D("-0.5"), D("0.001")), (D("-0.5"), D("0.5"), D("0.0005")),
             (D("0.5"), D("2"), D("0.002")), (D("2"), D("10"), D("0.01"))]
    for a, b, step in specs:
        x = a
        while x < b:
            pts.append(x)
            x += step
    pts.append(D("10"))
    return pts


_GRID = None


def irr(flows):
    global _GRID
    nz = [f for f in flows if f != 0]
    changes = sum(1 for a, b in zip(nz, nz[1:]) if sign(a) != sign(b))
    if changes == 0:
        return {"status": "none", "roots": [], "reason": "flows never change sign"}
    f = lambda r: rescaled(r, flows)
    lo, hi = D("-0.99"), D("10")
    no_root = {"status": "none", "roots": [], "reason": "no root in (−99 %, 1000 %]"}
    if changes == 1:
        flo, fhi = f(lo), f(hi)
        if fhi == 0:
            return {"status": "single", "roots": [hi], "reason": None}
        if sign(flo) == sign(fhi) or flo == 0:
            return no_root
        root, _, _ = bisect_root(f, lo, hi, flo)
        return {"status": "single", "roots": [root], "reason": None}
    if _GRID is None:
        _GRID = irr_grid()
    vals = [f(x) for x in _GRID]
    roots = []
    for i in range(len(_GRID) - 1):
        a, b = _GRID[i], _GRID[i + 1]
        fa, fb = vals[i], vals[i + 1]
        if fa == 0:
            if i > 0:  # -0.99 itself is outside (−0.99, 10]
                roots.append(a)
            continue
        if fb == 0:
            continue  # picked up as the next point's exact zero
        if sign(fa) != sign(fb):
            r, _, _ = bisect_root(f, a, b, fa)
            roots.append(r)
    if vals[-1] == 0:
        roots.append(_GRID[-1])
    roots.sort()
    kept = []
    for r in roots:
        if not kept or r - kept[-1] > D("0.0005"):
            kept.append(r)
    if not kept:
        return no_root
    return {"status": "multiple" if len(kept) > 1 else "single", "roots": kept, "reason": None}


def mirr(flows, finance, reinvest):
    """numpy-financial mirr([0, NCF_1..NCF_N]) (rule 40)."""
    n = len(flows)
    pos = [f if f > 0 else ZERO for f in flows]
    neg = [f if f < 0 else ZERO for f in flows]
    if not any(pos) or not any(neg):
        return None
    fv_pos = ZERO
    for t, f in enumerate(pos, start=1):
        fv_pos += f * (ONE + reinvest) ** (n - t)
    pv_neg = abs(npv(finance, neg))
    return (fv_pos / pv_neg) ** (ONE / D(n)) - ONE


def payback(flows):
    """Rule 38.  flows[0] = year 1."""
    n = len(flows)
    cum = [ZERO]
    for f in flows:
        cum.append(cum[-1] + f)
    if all(c >= 0 for c in cum[1:]):
        return ZERO
    if cum[n] < 0:
        return None
    T = n
    while T - 1 >= 1 and cum[T - 1] >= 0:
        T -= 1
    return D(T - 1) + abs(cum[T - 1]) / flows[T - 1]


def discounted(flows, rate):
    out = []
    disc = ONE
    for f in flows:
        disc = disc * (ONE + rate)
        out.append(f / disc)
    return out


def pmt(rate, n, pv):
    if rate == 0:
        return -pv / D(n)
    return -pv * rate / (ONE - (ONE + rate) ** (-n))


# ---------------------------------------------------------------------------
# The year-by-year model
# ---------------------------------------------------------------------------

def model(p):
    N = p["horizon"]
    bm = p["build_months"]
    t0 = bm // 12 + 1
    f0 = ONE - D(bm % 12) / D(12)
    tb = max(1, -(-bm // 12))
    buy = p["site_mode"] == "buy_land"
    rentm = not buy
    stress = p["stress"]
    inc = p["incentives"]
    ty = t0 - 1 + p["test_year"]
    assert t0 < N and 1 <= p["test_year"] <= N - t0 + 1, "invalid timeline"
    shift = 1 if stress else 0
    years = range(1, N + 1)

    def z():
        return [ZERO] * (N + 1)  # index 0 unused (year 0)

    def put(arr, t, amt):
        if 1 <= t <= N:
            arr[t] += amt

    vat = p["vat_rate"]
    bvr = p["build_vat_rate"]

    # capacity, sales, staff
    u = z()
    ramp = p["ramp"]
    for t in years:
        if t < t0:
            continue
        k = t - t0
        v = ramp[k] if k < len(ramp) else (ONE + p["growth"]) ** (k - len(ramp))
        if t == t0:
            v = v * f0
        u[t] = v
    S = [p["output_full"] * u[t] for t in range(N + 1)]
    staff = [p["headcount"] * min(u[t], ONE) for t in range(N + 1)]

    # capex
    if buy:
        land_mu = p["land_mu"]
        L = land_mu * p["land_price"]
        deed = L * p["deed_tax_rate"]
        land_stamp = L * p["land_stamp_rate"]
        G = land_mu * p["far"] * p["build_cost"] / D(15)
        G_vat = G * bvr / (ONE + bvr)
        G_other = (G - G_vat) * p["other_build_ratio"]
        G_cont = (G - G_vat + G_other) * p["contingency_ratio"]
        B = G - G_vat + G_other + G_cont
        F = F_vat = ZERO
    else:
        L = deed = land_stamp = G = G_vat = G_other = G_cont = B = ZERO
        F = p["rent_area"] * p["fit_out"] / D(10000)
        F_vat = F * bvr / (ONE + bvr)
    F_ex = F - F_vat
    E = p["equipment"]
    E_vat = E * vat / (ONE + vat)
    E_ex = E - E_vat
    install = E_ex * p["install_ratio"]
    Q = E_ex + install
    fixed_investment = L + B + F_ex + Q

    land_y, deed_y, land_stamp_y = z(), z(), z()
    land_y[1], deed_y[1], land_stamp_y[1] = L, deed, land_stamp
    c_gross, c_vat, c_other, c_cont, fit_gross, fit_vat = z(), z(), z(), z(), z(), z()
    for t in range(1, tb + 1):
        c_gross[t] = G / D(tb)
        c_vat[t] = G_vat / D(tb)
        c_other[t] = G_other / D(tb)
        c_cont[t] = G_cont / D(tb)
        fit_gross[t] = F / D(tb)
        fit_vat[t] = F_vat / D(tb)
    eq_gross, eq_vat, eq_install = z(), z(), z()
    eq_gross[tb], eq_vat[tb], eq_install[tb] = E, E_vat, install
    capex_vat = [c_vat[t] + fit_vat[t] + eq_vat[t] for t in range(N + 1)]

    # working capital
    W = [p["wc_ratio"] * S[t] for t in range(N + 1)]
    wc_change = z()
    for t in years:
        wc_change[t] = W[t] - W[t - 1]
    wc_recovery = z()
    wc_recovery[N] = W[N]

    # operating costs
    M = [p["materials_ratio"] * S[t] for t in range(N + 1)]
    O = [p["other_ratio"] * S[t] for t in range(N + 1)]
    RD = [p["rd_ratio"] * S[t] for t in range(N + 1)]
    repair = z()
    for t in years:
        if t >= t0:
            repair[t] = p["repair_ratio"] * (B + Q)
    wages = z()
    for t in years:
        wages[t] = staff[t] * p["wage"] * (ONE + p["wage_growth"]) ** (t - 1) * (ONE + p["social_ratio"])

    # rent
    rent_gross, rent_waived, rent_vat, rent_ex, mgmt = z(), z(), z(), z(), z()
    rent_dep_paid, rent_dep_return = z(), z()
    rv = p["rent_vat_rate"]
    if rentm:
        rr = inc["rent_relief"]
        for t in years:
            share = rr["shares"][t - 1] if (rr["on"] and t - 1 < len(rr["shares"])) else ZERO
            base = p["rent_area"] * p["rent"] * D(12) * (ONE + p["rent_escalation"]) ** (t - 1)
            rent_gross[t] = base * (ONE - share) / D(10000)
            rent_waived[t] = base * share / D(10000)
            rent_vat[t] = rent_gross[t] * rv / (ONE + rv)
            rent_ex[t] = rent_gross[t] - rent_vat[t]
            mgmt[t] = p["rent_area"] * p["mgmt_fee"] * D(12) / D(10000)
        rdep = p["rent_deposit_months"] * p["rent_area"] * p["rent"] / D(10000)
        rent_dep_paid[1] = rdep
        rent_dep_return[N] = rdep

    # VAT
    out_vat, in_vat, vat_paid, credit = z(), z(), z(), z()
    for t in years:
        out_vat[t] = vat * S[t]
        in_vat[t] = vat * M[t] + rent_vat[t] + capex_vat[t]
        net = out_vat[t] - in_vat[t] - credit[t - 1]
        vat_paid[t] = max(ZERO, net)
        credit[t] = max(ZERO, -net)
    surcharges = [vat_paid[t] * (p["city_tax_rate"] + p["edu_rate"]) for t in range(N + 1)]
    stamp_sales = [p["stamp_sales_rate"] * S[t] for t in range(N + 1)]
    stamp = [stamp_sales[t] + land_stamp_y[t] for t in range(N + 1)]

    # land-use and property tax
    lut, ptax = z(), z()
    if buy:
        for t in years:
            lut[t] = p["land_mu"] * p["land_use_tax"] / D(15)
            if t >= tb + 1:
                ptax[t] = (B + L + deed) * (ONE - p["property_deduct"]) * p["property_rate"]

    # depreciation and amortisation
    dep_b, dep_e, dep_f, amort = z(), z(), z(), z()
    for t in years:
        if t0 <= t < t0 + 20:
            dep_b[t] = B * D("0.95") / D(20)
        if t0 <= t < t0 + 10:
            dep_e[t] = Q * D("0.95") / D(10)
        if t0 <= t < t0 + 5:
            dep_f[t] = F_ex / D(5)
        amort[t] = (L + deed) / D(50)
    nbv_b = B - sum(dep_b)
    nbv_e = Q - sum(dep_e)
    nbv_f = F_ex - sum(dep_f)
    nbv_l = L + deed - sum(amort)
    residual = z()
    residual[N] = nbv_b + nbv_e + nbv_f + nbv_l

    # loan
    P = p["loan"]
    n = p["loan_years"]
    g = p["grace_years"]
    rate = p["loan_rate"]
    interest, principal, guarantee, bal_open, bal_close = z(), z(), z(), z(), z()
    loan_in = z()
    annuity_payment = None
    if P > 0:
        assert 1 + n <= N and 0 <= g <= n - 1
        loan_in[1] = P
        m = n - g
        if p["repayment"] == "annuity":
            annuity_payment = -pmt(rate, m, P)
        bal = P
        bal_close[1] = P
        for t in range(2, 2 + n):
            bal_open[t] = bal
            interest[t] = bal * rate
            guarantee[t] = bal * p["guarantee_rate"]
            if t >= 2 + g:
                if t == 1 + n:
                    pr = bal
                elif p["repayment"] == "annuity":
                    pr = annuity_payment - interest[t]
                else:
                    pr = P / D(m)
                principal[t] = pr
                bal = bal - pr
            bal_close[t] = bal

    # incentives known up front (group B and land rebate)
    equip_sub, int_sub, hiring, far_rw, settle, tax_rw, rebate = z(), z(), z(), z(), z(), z(), z()
    spec = inc["equip_subsidy"]
    if spec["on"]:
        put(equip_sub, t0 + spec["lag"] + shift, min(spec["rate"] * E_ex, spec["cap"]))
    spec = inc["interest_subsidy"]
    if spec["on"] and P > 0:
        for t in range(2, 2 + spec["years"]):
            if t <= 1 + n:
                put(int_sub, t + shift, spec["share"] * interest[t])
    spec = inc["hiring_subsidy"]
    if spec["on"]:
        for t in years:
            rise = staff[t] - staff[t - 1]
            if rise > 0:
                put(hiring, t + shift, spec["per_person"] * rise)
    spec = inc["far_reward"]
    if spec["on"] and buy and p["far"] >= spec["min_far"]:
        put(far_rw, tb + shift, spec["per_mu"] * p["land_mu"])
    spec = inc["settlement_award"]
    if spec["on"]:
        put(settle, 1 + shift, spec["amount"])
    spec = inc["land_rebate"]
    if spec["on"] and buy and not stress:
        put(rebate, tb, spec["rate"] * L)
    tr = inc["tax_reward"]
    tax_reward_accrued = z()  # by the operating year it is earned for

    # deposit basics
    if buy:
        mu = p["land_mu"]
    else:
        mu = p["rent_area"] * D(15) / (D(10000) * p["ref_far"])
    dep_amount = p["deposit"]["amount"] * mu if p["deposit"]["kind"] == "per_mu" else p["deposit"]["amount"]
    deposit_paid, deposit_refund, forfeited_y, clawback_y = z(), z(), z(), z()
    deposit_paid[1] = dep_amount
    intensity = fixed_investment / mu

    # sequential: CIT with losses, tax reward, deposit test, clawback
    cit_rate = D("0.15") if p["cit_regime"] == "high_tech" else D("0.25")
    loss_years = p["loss_years"]
    taxable, loss_used, cit, ebit, adj_cit = z(), z(), z(), z(), z()
    taxable_subs, claw_ded, loss_arising, loss_pool_end = z(), z(), z(), z()
    cash_inc = z()
    losses = []  # [year, remaining]
    dep_info = None
    sub_taxable = p["subsidies_taxable"]
    for t in years:
        cash_inc[t] = equip_sub[t] + int_sub[t] + hiring[t] + far_rw[t] + settle[t] + tax_rw[t] + rebate[t]
        taxable_subs[t] = cash_inc[t] if sub_taxable else ZERO
        claw_ded[t] = clawback_y[t] if sub_taxable else ZERO
        base = (S[t] - M[t] - O[t] - RD[t] - repair[t] - wages[t] - rent_ex[t] - mgmt[t] - surcharges[t]
                - stamp[t] - lut[t] - ptax[t] - dep_b[t] - dep_e[t] - dep_f[t] - amort[t]
                - interest[t] - guarantee[t] - p["rd_super"] * RD[t])
        taxable[t] = base + taxable_subs[t] - claw_ded[t]
        losses = [l for l in losses if t <= l[0] + loss_years]
        used = ZERO
        if taxable[t] > 0:
            for l in losses:
                take = min(l[1], taxable[t] - used)
                l[1] -= take
                used += take
            losses = [l for l in losses if l[1] > 0]
        loss_used[t] = used
        cit[t] = cit_rate * max(ZERO, taxable[t] - used)
        if taxable[t] < 0:
            loss_arising[t] = -taxable[t]
            if loss_years > 0:
                losses.append([t, -taxable[t]])
        loss_pool_end[t] = sum((l[1] for l in losses), ZERO)
        ebit[t] = taxable[t] + interest[t] + guarantee[t] - (int_sub[t] if sub_taxable else ZERO)
        adj_cit[t] = cit_rate * max(ZERO, ebit[t])
        # tax reward earned for operating year k = t - t0 + 1
        if tr["on"] and not stress and t >= t0:
            k = t - t0 + 1
            if k <= len(tr["shares"]):
                amt = tr["shares"][k - 1] * (p["vat_local_share"] * vat_paid[t] + p["cit_local_share"] * cit[t])
                tax_reward_accrued[t] = amt
                put(tax_rw, t + tr["lag"], amt)
        if t == ty:
            tax_ty = vat_paid[t] + surcharges[t] + stamp[t] + cit[t] + lut[t] + ptax[t]
            tax_per_mu_ty = tax_ty / mu
            shortfalls = []
            checks = {}
            for name, actual in (("intensity", intensity), ("tax_per_mu", tax_per_mu_ty)):
                tg = p["targets"][name]
                met = True
                if tg["on"] and tg["min"] > 0 and actual < tg["min"]:
                    met = False
                    sf = (tg["min"] - actual) / tg["min"]
                    shortfalls.append(min(ONE, max(ZERO, sf)))
                checks[name] = {"on": tg["on"], "min": tg["min"], "actual": actual, "met": met}
            missed = bool(shortfalls)
            largest = max(shortfalls) if shortfalls else ZERO
            if not missed:
                refund, outcome = dep_amount, "refunded"
            elif p["forfeit_rule"] == "full":
                refund, outcome = ZERO, "forfeited"
            else:
                refund = dep_amount * (ONE - largest)
                outcome = "partial" if largest < 1 else "forfeited"
            forfeited = dep_amount - refund
            deposit_refund[t] = refund
            forfeited_y[t] = forfeited
            due = ZERO
            if missed:
                due = p["clawback"] * sum(cash_inc[1:t + 1], ZERO)
                put(clawback_y, t + 1, due)
            dep_info = {"outcome": outcome, "year": t, "amount": dep_amount, "refund": refund,
                        "forfeited": forfeited, "clawback": due if t + 1 <= N else ZERO,
                        "clawback_due": due, "targets_missed": missed, "largest_shortfall": largest,
                        "checks": checks}

    # statements
    ci, co, ncf0, ncf, ncfe, ebitda = z(), z(), z(), z(), z(), z()
    cash_inc_ex_int = z()
    for t in years:
        cash_inc_ex_int[t] = cash_inc[t] - int_sub[t]
        ci[t] = (S[t] * (ONE + vat) + cash_inc_ex_int[t] + deposit_refund[t] + rent_dep_return[t]
                 + residual[t] + wc_recovery[t])
        co[t] = (land_y[t] + deed_y[t] + c_gross[t] + c_other[t] + c_cont[t] + fit_gross[t]
                 + eq_gross[t] + eq_install[t] + wc_change[t] + M[t] * (ONE + vat) + O[t] + RD[t]
                 + repair[t] + wages[t] + rent_gross[t] + mgmt[t] + rent_dep_paid[t] + vat_paid[t]
                 + surcharges[t] + stamp[t] + lut[t] + ptax[t] + deposit_paid[t] + clawback_y[t])
        ncf0[t] = ci[t] - co[t]
        ncf[t] = ncf0[t] - adj_cit[t]
        ncfe[t] = (ncf0[t] - cit[t] + loan_in[t] - principal[t] - interest[t] - guarantee[t] + int_sub[t])
        ebitda[t] = (S[t] - M[t] - O[t] - RD[t] - repair[t] - wages[t] - rent_ex[t] - mgmt[t]
                     - surcharges[t] - stamp[t] - lut[t] - ptax[t] + cash_inc_ex_int[t] - clawback_y[t])

    # park ledger
    retained, inc_paid, park_net = z(), z(), z()
    for t in years:
        retained[t] = (p["vat_local_share"] * vat_paid[t] + p["cit_local_share"] * cit[t] + surcharges[t]
                       + stamp[t] + lut[t] + ptax[t] + deed_y[t]) * p["park_share"]
        inc_paid[t] = cash_inc[t] + rent_waived[t]
        park_net[t] = retained[t] + forfeited_y[t] + clawback_y[t] - inc_paid[t]

    return dict(
        p=p, N=N, t0=t0, f0=f0, tb=tb, ty=ty, buy=buy, mu=mu, fixed_investment=fixed_investment,
        intensity=intensity, L=L, deed=deed, land_stamp=land_stamp, G=G, G_vat=G_vat, B=B, F=F, F_ex=F_ex,
        E=E, E_vat=E_vat, install=install, Q=Q, annuity_payment=annuity_payment,
        u=u, S=S, staff=staff, land=land_y, deed_tax=deed_y, land_stamp_y=land_stamp_y,
        c_gross=c_gross, c_vat=c_vat, c_other=c_other, c_cont=c_cont, fit_gross=fit_gross, fit_vat=fit_vat,
        eq_gross=eq_gross, eq_vat=eq_vat, eq_install=eq_install, W=W, wc_change=wc_change,
        wc_recovery=wc_recovery, M=M, O=O, RD=RD, repair=repair, wages=wages, rent_gross=rent_gross,
        rent_waived=rent_waived, rent_vat=rent_vat, rent_ex=rent_ex, mgmt=mgmt, rent_dep_paid=rent_dep_paid,
        rent_dep_return=rent_dep_return, out_vat=out_vat, in_vat=in_vat, capex_vat=capex_vat,
        vat_paid=vat_paid, credit=credit,
        surcharges=surcharges, stamp_sales=stamp_sales, stamp=stamp, lut=lut, ptax=ptax, dep_b=dep_b,
        dep_e=dep_e, dep_f=dep_f, amort=amort, residual=residual, nbv=(nbv_b, nbv_e, nbv_f, nbv_l),
        loan_in=loan_in, bal_open=bal_open, bal_close=bal_close, interest=interest, principal=principal,
        guarantee=guarantee, equip_sub=equip_sub, int_sub=int_sub, hiring=hiring, far_rw=far_rw,
        settle=settle, tax_rw=tax_rw, tax_reward_accrued=tax_reward_accrued, rebate=rebate, cash_inc=cash_inc,
        cash_inc_ex_int=cash_inc_ex_int, taxable_subs=taxable_subs, claw_ded=claw_ded, taxable=taxable,
        loss_used=loss_used, loss_arising=loss_arising, loss_pool_end=loss_pool_end, cit=cit, ebit=ebit,
        adj_cit=adj_cit, cit_rate=cit_rate, deposit_paid=deposit_paid, deposit_refund=deposit_refund,
        forfeited=forfeited_y, clawback=clawback_y, dep_info=dep_info, ci=ci, co=co, ncf0=ncf0, ncf=ncf,
        ncfe=ncfe, ebitda=ebitda, retained=retained, inc_paid=inc_paid, park_net=park_net,
    )


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

def yr(arr):
    return arr[1:]


def statement(flows, rate, p):
    return {
        "npv": npv(rate, flows),
        "irr": irr(flows),
        "mirr": mirr(flows, p["loan_rate"], p["discount_rate"]),
        "static_payback": payback(flows),
        "dynamic_payback": payback(discounted(flows, rate)),
    }


def statements(r):
    p = r["p"]
    return {
        "project_before_tax": statement(yr(r["ncf0"]), p["discount_rate"], p),
        "project_after_tax": statement(yr(r["ncf"]), p["discount_rate"], p),
        "equity": statement(yr(r["ncfe"]), p["equity_rate"], p),
    }


def peak_funding(r):
    cum = ZERO
    low = ZERO
    for f in yr(r["ncfe"]):
        cum += f
        low = min(low, cum)
    return max(ZERO, -low)


def min_dscr(r):
    vals = []
    for t in range(1, r["N"] + 1):
        if r["principal"][t] > 0:
            vals.append((r["ebitda"][t] - r["cit"][t]) / (r["principal"][t] + r["interest"][t]))
    return min(vals) if vals else None


def breakeven_year(flows):
    cum = [ZERO]
    for f in flows:
        cum.append(cum[-1] + f)
    n = len(flows)
    if cum[n] < 0:
        return None
    T = n
    while T - 1 >= 1 and cum[T - 1] >= 0:
        T -= 1
    return T


def metrics_for_year(r, y, full_reached):
    p = r["p"]
    mu = r["mu"]
    th = p["mu_thresholds"]
    tax = r["vat_paid"][y] + r["surcharges"][y] + r["stamp"][y] + r["cit"][y] + r["lut"][y] + r["ptax"][y]
    out = {
        "year": y,
        "mu_basis": mu,
        "intensity": r["intensity"],
        "output_per_mu": r["S"][y] / mu,
        "tax_per_mu": tax / mu,
        "staff_per_mu": r["staff"][y] / mu,
        "plot_ratio": p["far"] if r["buy"] else None,
    }
    out["intensity_met"] = out["intensity"] >= th["intensity"]
    out["output_per_mu_met"] = out["output_per_mu"] >= th["output"]
    out["tax_per_mu_met"] = out["tax_per_mu"] >= th["tax"]
    out["plot_ratio_met"] = (p["far"] >= th["far"]) if r["buy"] else None
    out["full_capacity_reached"] = full_reached
    return out


def metrics_year(r):
    N = r["N"]
    for t in range(1, N + 1):
        if r["u"][t] >= 1:
            return t, True
    best = max(r["u"][1:])
    for t in range(1, N + 1):
        if r["u"][t] == best:
            return t, False


def incentive_summary(r):
    p = r["p"]
    kinds = [("rent_relief", "rent_waived"), ("equip_subsidy", "equip_sub"), ("interest_subsidy", "int_sub"),
             ("hiring_subsidy", "hiring"), ("far_reward", "far_rw"), ("settlement_award", "settle"),
             ("tax_reward", "tax_rw"), ("land_rebate", "rebate")]
    by = {}
    tn = tp = ZERO
    for kind, key in kinds:
        nom = sum(yr(r[key]), ZERO)
        pv = npv(p["discount_rate"], yr(r[key]))
        by[kind] = {"nominal": nom, "pv": pv}
        tn += nom
        tp += pv
    fi = r["fixed_investment"]
    share = {"nominal": tn / fi if fi != 0 else None, "pv": tp / fi if fi != 0 else None}
    return {"by_kind": by, "total_nominal": tn, "total_pv": tp, "share_of_fixed_investment": share}


def park_block(r):
    p = r["p"]
    return {
        "local_retained_total": sum(yr(r["retained"]), ZERO),
        "incentives_paid_total": sum(yr(r["inc_paid"]), ZERO),
        "forfeited_total": sum(yr(r["forfeited"]), ZERO),
        "clawback_total": sum(yr(r["clawback"]), ZERO),
        "net_total": sum(yr(r["park_net"]), ZERO),
        "npv": npv(p["park_rate"], yr(r["park_net"])),
        "breakeven_year": breakeven_year(yr(r["park_net"])),
    }


def deposit_block(r):
    d = r["dep_info"]
    return {k: d[k] for k in ("outcome", "year", "amount", "refund", "forfeited", "clawback", "clawback_due")}


def floor_block(p):
    grade = p["land_grade"]
    m2 = D(FLOOR_M2[grade - 1])
    if p["priority_industry"]:
        m2 = m2 * D("0.7")
    per_mu = m2 / D(15)
    below = (p["land_price"] < per_mu) if p["site_mode"] == "buy_land" else None
    return {"grade": grade, "floor_per_m2": m2, "floor_per_mu": per_mu, "below": below}


def npv_after_tax(p):
    r = model(p)
    return npv(p["discount_rate"], yr(r["ncf"]))


def tornado(p):
    s = p["sensitivity_range"]
    keys = ["output_full", "materials_ratio", "equipment"]
    keys.append("build_cost" if p["site_mode"] == "buy_land" else "rent")
    if p["site_mode"] == "buy_land":
        keys.append("land_price")
    keys += ["wage", "discount_rate"]
    rows = []
    for k in keys:
        lo = copy.deepcopy(p)
        lo[k] = p[k] * (ONE - s)
        hi = copy.deepcopy(p)
        hi[k] = p[k] * (ONE + s)
        nl, nh = npv_after_tax(lo), npv_after_tax(hi)
        rows.append({"input": k, "npv_low": nl, "npv_high": nh, "swing": abs(nh - nl)})
    rows.sort(key=lambda row: -row["swing"])  # stable: ties keep the listed order
    return rows


def switching_value(p, key, base_npv):
    base = p[key]
    if base == 0:
        return {"delta": None, "reason": "base value is 0"}

    def f(delta):
        q = copy.deepcopy(p)
        q[key] = base * (ONE + delta)
        return npv_after_tax(q)

    s0 = sign(base_npv)
    if s0 == 0:
        return {"delta": ZERO, "value": base, "jump": False}

    def side(direction, bound):
        prev, fprev = ZERO, base_npv
        step = D("0.01")
        pos = ZERO
        while True:
            pos = pos + step
            step = step * D("1.5")
            x = direction * pos
            if (direction > 0 and x >= bound) or (direction < 0 and x <= bound):
                x = bound
            fx = f(x)
            if sign(fx) == 0:
                return x, False
            if sign(fx) != s0:
                # bisect between prev (sign s0) and x
                lo, hi = prev, x
                flo, fhi = fprev, fx
                while abs(hi - lo) >= D("1e-10"):
                    mid = (lo + hi) / 2
                    fm = f(mid)
                    if sign(fm) == 0:
                        return mid, False
                    if sign(fm) == s0:
                        lo, flo = mid, fm
                    else:
                        hi, fhi = mid, fm
                return (lo + hi) / 2, abs(fhi - flo) > D("0.001")
            if x == bound:
                return None
            prev, fprev = x, fx

    up = side(ONE, D(10))
    down = side(-ONE, D(-1))
    cands = [c for c in (up, down) if c is not None]
    if not cands:
        return {"delta": None, "reason": "NPV does not change sign for delta in [-1, +10]"}
    best = min(cands, key=lambda c: (abs(c[0]), 0 if c[0] > 0 else 1))
    return {"delta": best[0], "value": base * (ONE + best[0]), "jump": best[1]}


def buy_vs_rent(p, base_run):
    sides = {}
    runs = {}
    for mode in ("buy_land", "rent"):
        if mode == p["site_mode"]:
            q, r = p, base_run
        else:
            q = other_mode_inputs(p)
            errs = cross_field_errors(q)
            if errs:
                sides[mode] = {"errors": errs}
                continue
            r = model(q)
        st = statement(yr(r["ncf"]), q["discount_rate"], q)
        i = q["discount_rate"]
        N = q["horizon"]
        eac = st["npv"] / D(N) if i == 0 else st["npv"] * i / (ONE - (ONE + i) ** (-N))
        sides[mode] = {"npv": st["npv"], "irr": st["irr"], "static_payback": st["static_payback"],
                       "dynamic_payback": st["dynamic_payback"], "eac": eac,
                       "build_months": q["build_months"], "deposit": q["deposit"]}
        runs[mode] = r
    cross = None
    if "buy_land" in runs and "rent" in runs:
        N = p["horizon"]
        cb = cr = ZERO
        above = []
        for t in range(1, N + 1):
            cb += runs["buy_land"]["ncf"][t]
            cr += runs["rent"]["ncf"][t]
            above.append(cb > cr)
        T = N
        if above[N - 1]:
            while T - 1 >= 1 and above[T - 2]:
                T -= 1
            cross = T
    sides["crossover_year"] = cross
    return sides


WARN_TEXT = {
    "below_floor_price": ("土地价格低于国家最低价", "land price below the national floor price"),
    "restricted_incentive": ("该优惠受《公平竞争审查条例》限制", "restricted incentive (Fair Competition Review Regulation)"),
    "multiple_irr": ("存在多个内部收益率：请以净现值判断", "multiple IRRs: judge by NPV"),
    "targets_missed": ("未达到考核指标", "performance targets missed"),
    "deposit_forfeited": ("履约保证金被扣", "deposit forfeited"),
    "full_capacity_not_reached": ("未达产", "full capacity not reached"),
}


def warnings(p, r, stm, floor):
    w = []

    def add(code, **extra):
        zh, en = WARN_TEXT[code]
        item = {"code": code, "message_zh": zh, "message_en": en}
        item.update(extra)
        w.append(item)

    if floor["below"]:
        add("below_floor_price")
    if p["incentives"]["tax_reward"]["on"] or p["incentives"]["land_rebate"]["on"]:
        add("restricted_incentive")
    for name in ("project_before_tax", "project_after_tax", "equity"):
        if stm[name]["irr"]["status"] == "multiple":
            add("multiple_irr", statement=name)
    if r["dep_info"]["targets_missed"]:
        add("targets_missed")
    if r["dep_info"]["forfeited"] > 0:
        add("deposit_forfeited")
    if not metrics_year(r)[1]:
        add("full_capacity_not_reached")
    return w


def annual_block(r):
    return {
        "sales": yr(r["S"]),
        "vat_paid": yr(r["vat_paid"]),
        "surcharges": yr(r["surcharges"]),
        "stamp": yr(r["stamp"]),
        "land_use_tax": yr(r["lut"]),
        "property_tax": yr(r["ptax"]),
        "cit": yr(r["cit"]),
        "adjusted_cit": yr(r["adj_cit"]),
        "incentives_cash": yr(r["cash_inc"]),
        "rent_waived": yr(r["rent_waived"]),
        "deposit_paid": yr(r["deposit_paid"]),
        "deposit_refund": yr(r["deposit_refund"]),
        "clawback": yr(r["clawback"]),
        "ncf_project_before_tax": yr(r["ncf0"]),
        "ncf_project_after_tax": yr(r["ncf"]),
        "ncf_equity": yr(r["ncfe"]),
    }


def annual_detail(r):
    dep_total = [r["dep_b"][t] + r["dep_e"][t] + r["dep_f"][t] for t in range(r["N"] + 1)]
    keys = [
        ("capacity_u", "u"), ("sales", "S"), ("staff", "staff"),
        ("land_cost", "land"), ("deed_tax", "deed_tax"), ("land_stamp", "land_stamp_y"),
        ("construction_gross", "c_gross"), ("construction_vat", "c_vat"), ("construction_other", "c_other"),
        ("construction_contingency", "c_cont"), ("fit_out_gross", "fit_gross"), ("fit_out_vat", "fit_vat"),
        ("equipment_gross", "eq_gross"), ("equipment_vat", "eq_vat"), ("installation", "eq_install"),
        ("capex_vat", "capex_vat"),
        ("wc_balance", "W"), ("wc_change", "wc_change"), ("wc_recovery", "wc_recovery"),
        ("materials", "M"), ("other_cost", "O"), ("rd", "RD"), ("repair", "repair"), ("wages", "wages"),
        ("rent_gross", "rent_gross"), ("rent_waived", "rent_waived"), ("rent_vat", "rent_vat"),
        ("rent_excl_vat", "rent_ex"), ("mgmt_fee", "mgmt"), ("rent_deposit_paid", "rent_dep_paid"),
        ("rent_deposit_returned", "rent_dep_return"),
        ("output_vat", "out_vat"), ("input_vat", "in_vat"), ("vat_paid", "vat_paid"),
        ("vat_credit_carried", "credit"), ("surcharges", "surcharges"), ("stamp_sales", "stamp_sales"),
        ("stamp_total", "stamp"), ("land_use_tax", "lut"), ("property_tax", "ptax"),
        ("depreciation_building", "dep_b"), ("depreciation_equipment", "dep_e"),
        ("depreciation_fit_out", "dep_f"), ("amortisation_land", "amort"), ("residual_value", "residual"),
        ("loan_drawn", "loan_in"), ("loan_opening_balance", "bal_open"), ("loan_closing_balance", "bal_close"),
        ("interest", "interest"), ("principal", "principal"), ("guarantee_fee", "guarantee"),
        ("incentive_equip_subsidy", "equip_sub"), ("incentive_interest_subsidy", "int_sub"),
        ("incentive_hiring_subsidy", "hiring"), ("incentive_far_reward", "far_rw"),
        ("incentive_settlement_award", "settle"), ("incentive_tax_reward", "tax_rw"),
        ("tax_reward_earned_for_year", "tax_reward_accrued"), ("incentive_land_rebate", "rebate"),
        ("incentives_cash_total", "cash_inc"), ("incentives_cash_excl_interest_subsidy", "cash_inc_ex_int"),
        ("taxable_subsidies", "taxable_subs"), ("clawback_deducted", "claw_ded"),
        ("taxable_income", "taxable"), ("loss_used", "loss_used"), ("loss_arising", "loss_arising"),
        ("loss_pool_end", "loss_pool_end"), ("cit", "cit"), ("ebit", "ebit"), ("adjusted_cit", "adj_cit"),
        ("deposit_paid", "deposit_paid"), ("deposit_refund", "deposit_refund"),
        ("deposit_forfeited", "forfeited"), ("clawback", "clawback"),
        ("ci", "ci"), ("co", "co"), ("ebitda", "ebitda"),
        ("ncf_project_before_tax", "ncf0"), ("ncf_project_after_tax", "ncf"), ("ncf_equity", "ncfe"),
        ("park_local_retained", "retained"), ("park_incentives_paid", "inc_paid"), ("park_net", "park_net"),
    ]
    out = {name: yr(r[key]) for name, key in keys}
    out["depreciation_total"] = yr(dep_total)
    return out


def scalars(r):
    return {
        "land_cost_L": r["L"], "deed_tax": r["deed"], "land_stamp": r["land_stamp"],
        "construction_gross_G": r["G"], "construction_vat": r["G_vat"], "building_cost_B": r["B"],
        "fit_out_gross": r["F"], "fit_out_excl_vat": r["F_ex"], "equipment_gross_E": r["E"],
        "equipment_vat": r["E_vat"], "installation": r["install"], "equipment_cost_Q": r["Q"],
        "fixed_investment": r["fixed_investment"], "mu_basis": r["mu"], "intensity": r["intensity"],
        "nbv_building": r["nbv"][0], "nbv_equipment": r["nbv"][1], "nbv_fit_out": r["nbv"][2],
        "nbv_land": r["nbv"][3], "annuity_payment": r["annuity_payment"], "cit_rate": r["cit_rate"],
        "deposit_largest_shortfall": r["dep_info"]["largest_shortfall"],
        "deposit_checks": r["dep_info"]["checks"],
    }


def evaluate(raw):
    p = resolve(raw)
    errs = cross_field_errors(p)
    if errs:
        return {"errors": errs}
    r = model(p)
    stm = statements(r)
    floor = floor_block(p)
    my, full = metrics_year(r)
    base_npv = stm["project_after_tax"]["npv"]
    if p["stress"]:
        rs, stm_s = r, stm
    else:
        ps = copy.deepcopy(p)
        ps["stress"] = True
        rs = model(ps)
        stm_s = statements(rs)
    res = {
        "timeline": {"N": r["N"], "t0": r["t0"], "f0": r["f0"], "tb": r["tb"], "test_year": r["ty"]},
        "warnings": warnings(p, r, stm, floor),
        "annual": annual_block(r),
        "statements": stm,
        "peak_funding_need": peak_funding(r),
        "min_dscr": min_dscr(r),
        "incentives": incentive_summary(r),
        "park": park_block(r),
        "mu_metrics": {
            "first_full_capacity_year": metrics_for_year(r, my, full),
            "test_year": metrics_for_year(r, r["ty"], full),
        },
        "deposit": deposit_block(r),
        "floor_price": floor,
        "buy_vs_rent": buy_vs_rent(p, r),
        "tornado": tornado(p),
        "switching_values": {k: switching_value(p, k, base_npv)
                             for k in ("output_full", "materials_ratio", "equipment")},
        "stress": {
            "statements": stm_s,
            "peak_funding_need": peak_funding(rs),
            "park_npv": park_block(rs)["npv"],
            "deposit": deposit_block(rs),
        },
        "annual_detail": annual_detail(r),
        "scalars": scalars(r),
        "resolved_inputs": p,
    }
    return res


# ---------------------------------------------------------------------------
# JSON output
# ---------------------------------------------------------------------------

def fmt(d):
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    return s


def jsonable(x):
    if isinstance(x, Decimal):
        return fmt(x)
    if isinstance(x, dict):
        return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonable(v) for v in x]
    return x


def dumps(res):
    return json.dumps(jsonable(res), ensure_ascii=False, indent=1) + "\n"


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.loads(fh.read(), parse_float=Decimal, parse_int=Decimal)


# ---------------------------------------------------------------------------
# §7 test vectors
# ---------------------------------------------------------------------------

def selftest():
    def q(x, places):
        return x.quantize(D(1).scaleb(-places))
    ok = True

    def check(name, got, want):
        nonlocal ok
        good = got == want
        ok &= good
        print(("ok   " if good else "FAIL ") + name, got, want)

    check("npv", q(npv(D("0.065"), [D(-10000), D(3000), D(3400), D(7700)]), 2), D("2055.38"))
    r = irr([D(x) for x in (-100000, 10000, 20000, 30000, 40000, 50000)])
    check("irr", q(r["roots"][0], 6), D("0.120058"))
    r = irr([D(x) for x in (-1000, 6000, -10900, 5800)])
    check("multiple irr", [q(x, 4) for x in r["roots"]] + [r["status"]],
          [D("-0.0488"), D("1.0000"), D("2.0488"), "multiple"])
    fl = [D(x) for x in (-120000, 39000, 30000, 21000, 37000, 46000)]
    # spreadsheet convention: first value at t = 0
    n = len(fl)
    fv = sum((f * D("1.12") ** (n - 1 - i) for i, f in enumerate(fl) if f > 0), ZERO)
    pv = sum((-f / D("1.1") ** i for i, f in enumerate(fl) if f < 0), ZERO)
    check("mirr spreadsheet", q((fv / pv) ** (ONE / D(n - 1)) - 1, 4), D("0.1261"))
    check("mirr model", q(mirr(fl, D("0.10"), D("0.12")), 4), D("0.1217"))
    check("pmt", q(pmt(D("0.045"), 10, D(1000000)), 2), D("-126378.82"))
    check("payback", payback([D(x) for x in (-1000000, 200000, 400000, 300000, 400000)]), D("4.25"))
    fp = floor_block({"land_grade": 11, "priority_industry": False, "land_price": D(12), "site_mode": "buy_land"})
    check("floor", q(fp["floor_per_mu"], 2), D("9.60"))
    fp = floor_block({"land_grade": 11, "priority_industry": True, "land_price": D(12), "site_mode": "buy_land"})
    check("floor priority", q(fp["floor_per_mu"], 2), D("6.72"))
    return ok


def main(argv):
    if len(argv) >= 2 and argv[1] == "--selftest":
        sys.exit(0 if selftest() else 1)
    if len(argv) >= 2 and argv[1] == "--regen-all":
        d = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                         "..", "engine", "tests", "golden")
        for path in sorted(glob.glob(os.path.join(d, "*.scenario.json"))):
            out = path[: -len(".scenario.json")] + ".expected.json"
            with open(out, "w", encoding="utf-8") as fh:
                fh.write(dumps(evaluate(load(path))))
            print("wrote", os.path.relpath(out))
        return
    if len(argv) != 2:
        print(__doc__.split("Readings")[0], file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(dumps(evaluate(load(argv[1]))))


if __name__ == "__main__":
    main(sys.argv)
