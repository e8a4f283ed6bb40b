#!/usr/bin/env python3
"""Check engine/tests/golden/tiny_hand.expected.json against the hand working in tiny_hand.md."""
import json
import os
import sys
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "..", "engine", "tests", "golden", "tiny_hand.expected.json")

HAND_ANNUAL_DETAIL = {
    "sales": ["500", "1000", "1000"],
    "staff": ["5", "10", "10"],
    "wc_change": ["50", "50", "0"],
    "wc_recovery": ["0", "0", "100"],
    "repair": ["10.5", "10.5", "10.5"],
    "wages": ["30", "66", "72.6"],
    "rent_gross": ["6", "13.2", "14.52"],
    "rent_waived": ["6", "0", "0"],
    "mgmt_fee": ["1.2", "1.2", "1.2"],
    "input_vat": ["82", "60", "60"],
    "vat_paid": ["0", "8", "40"],
    "vat_credit_carried": ["32", "0", "0"],
    "surcharges": ["0", "0.8", "4"],
    "stamp_total": ["0.15", "0.3", "0.3"],
    "depreciation_total": ["51.475", "51.475", "51.475"],
    "residual_value": ["0", "0", "378.575"],
    "interest": ["0", "5", "2.5"],
    "guarantee_fee": ["0", "1", "0.5"],
    "principal": ["0", "50", "50"],
    "incentive_equip_subsidy": ["0", "50", "0"],
    "incentive_hiring_subsidy": ["0.5", "0.5", "0"],
    "taxable_income": ["56.175", "211.025", "126.905"],
    "cit": ["14.04375", "52.75625", "31.72625"],
    "adjusted_cit": ["14.04375", "54.25625", "32.47625"],
    "deposit_refund": ["0", "2.47425", "0"],
    "deposit_forfeited": ["0", "2.52575", "0"],
    "clawback": ["0", "0", "25.5"],
    "ci": ["550.5", "1152.97425", "1580.575"],
    "co": ["1054.85", "880", "898.62"],
    "ebitda": ["117.65", "288.5", "201.38"],
    "ncf_project_before_tax": ["-504.35", "272.97425", "681.955"],
    "ncf_project_after_tax": ["-518.39375", "218.718", "649.47875"],
    "ncf_equity": ["-418.39375", "164.218", "597.22875"],
    "park_local_retained": ["5.7675", "26.2025", "36.9905"],
    "park_net": ["-0.7325", "-21.77175", "62.4905"],
}
HAND_APPROX = [  # (path, value, tolerance)
    (("statements", "project_before_tax", "npv"), "279.4614", "0.0001"),
    (("statements", "project_after_tax", "npv"), "197.4546", "0.0001"),
    (("statements", "equity", "npv"), "204.0662", "0.0001"),
    (("statements", "project_before_tax", "static_payback"), "2.3393", "0.0001"),
    (("statements", "project_after_tax", "static_payback"), "2.4614", "0.0001"),
    (("statements", "project_after_tax", "dynamic_payback"), "2.5953", "0.0001"),
    (("peak_funding_need",), "418.39375", "0"),
    (("min_dscr",), "3.2315", "0"),
    (("incentives", "total_nominal"), "57", "0"),
    (("incentives", "total_pv"), "47.6446", "0.0001"),
    (("park", "npv"), "33.5364", "0.0001"),
    (("mu_metrics", "test_year", "tax_per_mu"), "49.485", "0"),
    (("mu_metrics", "test_year", "intensity"), "426.4", "0"),
    (("deposit", "refund"), "2.47425", "0"),
    (("deposit", "clawback"), "25.5", "0"),
]


def main():
    r = json.load(open(PATH, encoding="utf-8"))
    bad = 0
    for key, want in HAND_ANNUAL_DETAIL.items():
        got = r["annual_detail"][key]
        if [D(x) for x in got] != [D(x) for x in want]:
            print("MISMATCH", key, got, want)
            bad += 1
    for path, want, tol in HAND_APPROX:
        node = r
        for k in path:
            node = node[k]
        if abs(D(node) - D(want)) > D(tol):
            print("MISMATCH", ".".join(path), node, want)
            bad += 1
    assert r["park"]["breakeven_year"] == 3 and r["deposit"]["outcome"] == "partial"
    assert {w["code"] for w in r["warnings"]} == {"targets_missed", "deposit_forfeited"}
    print("tiny_hand: %s" % ("all hand figures agree" if not bad else "%d mismatches" % bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
