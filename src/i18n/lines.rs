//! Labels of the year table's lines (the keys of `annual` in the results
//! JSON), in both languages. The engine names its lines with strings, so a
//! test checks that every line it reports has a label here.

use crate::i18n::Lang;

/// Each line's key with its Chinese and English label (a table, not a
/// `match` on strings: one lookup loop instead of a comparison per key).
const LABELS: [(&str, &str, &str); 76] = [
    ("capacity", "产能利用率", "Capacity used"),
    ("sales", "营业收入（不含税）", "Sales (excl. VAT)"),
    ("staff", "用工人数", "Staff"),
    ("land", "土地价款", "Land"),
    ("deed_tax", "契税", "Deed tax"),
    ("land_stamp", "土地合同印花税", "Stamp duty on land"),
    (
        "construction_gross",
        "建安工程（含税）",
        "Construction (incl. VAT)",
    ),
    ("construction_vat", "建安工程进项税", "VAT in construction"),
    ("other_build", "工程建设其他费用", "Other building costs"),
    ("contingency", "预备费", "Contingency"),
    ("fit_out_gross", "装修（含税）", "Fit-out (incl. VAT)"),
    ("fit_out_vat", "装修进项税", "VAT in fit-out"),
    ("equipment_gross", "设备（含税）", "Equipment (incl. VAT)"),
    ("equipment_vat", "设备进项税", "VAT in equipment"),
    ("installation", "安装费", "Installation"),
    ("working_capital", "流动资金余额", "Working capital balance"),
    (
        "working_capital_change",
        "流动资金增加",
        "Working capital increase",
    ),
    (
        "working_capital_recovery",
        "回收流动资金",
        "Working capital recovered",
    ),
    ("materials", "材料及能源", "Materials and energy"),
    ("other_cost", "其他经营费用", "Other operating cost"),
    ("rd", "研发费用", "R&D"),
    ("repair", "修理费", "Repair"),
    ("wages", "工资及附加", "Wages and social costs"),
    ("rent_gross", "租金（含税）", "Rent (incl. VAT)"),
    ("rent_vat", "租金进项税", "VAT in rent"),
    ("rent_net", "租金（不含税）", "Rent (excl. VAT)"),
    ("rent_waived", "减免租金", "Rent waived"),
    ("mgmt_fee", "物业管理费", "Management fee"),
    ("rent_deposit_paid", "支付租赁押金", "Rent deposit paid"),
    (
        "rent_deposit_return",
        "收回租赁押金",
        "Rent deposit returned",
    ),
    ("output_vat", "销项税额", "Output VAT"),
    ("input_vat", "进项税额", "Input VAT"),
    ("vat_paid", "应纳增值税", "VAT paid"),
    (
        "vat_credit",
        "留抵税额（年末）",
        "VAT credit carried forward",
    ),
    ("surcharges", "税金附加", "Surcharges"),
    ("stamp_sales", "销售合同印花税", "Stamp duty on sales"),
    ("stamp", "印花税合计", "Stamp duty, total"),
    ("land_use_tax", "城镇土地使用税", "Land-use tax"),
    ("property_tax", "房产税", "Property tax"),
    ("depreciation", "折旧", "Depreciation"),
    ("amortisation", "土地使用权摊销", "Land-right amortisation"),
    ("residual_value", "回收固定资产余值", "Residual value"),
    ("loan_draw", "借款", "Loan drawn"),
    ("interest", "利息", "Interest"),
    ("principal", "还本", "Principal repaid"),
    ("guarantee_fee", "担保费", "Guarantee fee"),
    (
        "loan_balance",
        "借款余额（年末）",
        "Loan balance (year end)",
    ),
    ("equip_subsidy", "设备补贴", "Equipment subsidy"),
    ("interest_subsidy", "贷款贴息", "Interest subsidy"),
    ("hiring_subsidy", "新增用工补贴", "Hiring subsidy"),
    ("far_reward", "容积率奖励", "Plot-ratio reward"),
    ("settlement_award", "落户奖励", "Settlement award"),
    ("tax_reward", "税收奖励", "Tax reward"),
    ("land_rebate", "土地价款返还", "Land-price rebate"),
    ("incentives_cash", "现金奖补合计", "Cash incentives, total"),
    ("taxable_subsidies", "计税补助", "Taxable subsidies"),
    ("deposit_paid", "缴纳履约保证金", "Deposit paid"),
    ("deposit_refund", "退还履约保证金", "Deposit refunded"),
    ("deposit_forfeited", "没收履约保证金", "Deposit forfeited"),
    ("clawback", "退还奖补", "Clawback paid"),
    (
        "taxable_income",
        "应纳税所得额（弥补亏损前）",
        "Taxable income before losses",
    ),
    ("loss_used", "弥补以前年度亏损", "Losses used"),
    ("taxable_after_losses", "应纳税所得额", "Taxable income"),
    ("cit", "企业所得税", "Corporate income tax"),
    ("ebit", "息税前利润", "EBIT"),
    ("adjusted_cit", "调整所得税", "Adjusted CIT"),
    ("ebitda", "息税折旧摊销前利润", "EBITDA"),
    ("tax_per_mu", "亩均税收", "Tax per 亩"),
    ("cash_in", "现金流入", "Cash in"),
    ("cash_out", "现金流出", "Cash out"),
    (
        "ncf_project_before_tax",
        "项目净现金流量（税前）",
        "Project net cash flow, before tax",
    ),
    (
        "ncf_project_after_tax",
        "项目净现金流量（税后）",
        "Project net cash flow, after tax",
    ),
    ("ncf_equity", "资本金净现金流量", "Equity net cash flow"),
    (
        "park_local_retained",
        "园区：地方留成",
        "Park: local taxes retained",
    ),
    (
        "park_incentives_paid",
        "园区：兑现扶持",
        "Park: incentives paid",
    ),
    ("park_net", "园区：净收益", "Park: net"),
];

/// Chinese and English label of a year-table line; `None` for an unknown key.
pub fn line_label(lang: Lang, key: &str) -> Option<&'static str> {
    let (_, zh, en) = LABELS.iter().find(|(name, _, _)| *name == key)?;
    Some(lang.pick(zh, en))
}

/// Lines that are not money (shown without the money unit).
pub fn is_ratio_line(key: &str) -> bool {
    matches!(key, "capacity")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_engine_line_has_a_label_in_both_languages() {
        let results = engine::evaluate_raw(&engine::RawScenario::default()).unwrap();
        for (key, _) in results.table.lines() {
            assert!(
                line_label(Lang::Zh, key).is_some(),
                "no Chinese label for {key}"
            );
            assert!(
                line_label(Lang::En, key).is_some(),
                "no English label for {key}"
            );
        }
    }
}
