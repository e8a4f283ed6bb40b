//! Texts of the "How this is calculated" panel, in both languages (one
//! exhaustive match). They restate MODEL.md; the rule numbers are its §9.

use crate::i18n::Lang;

/// A text of the method panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodText {
    /// The panel's summary line.
    Title,
    /// One sentence on what the panel is.
    Intro,
    /// Heading: conventions.
    ConventionsHeading,
    /// Units, VAT and rounding.
    Units,
    /// Years and year-end flows.
    Timing,
    /// The NPV formula.
    NpvFormula,
    /// The three statements.
    Statements,
    /// VAT inside the cash flows.
    VatInFlows,
    /// Heading: the headline figures.
    FiguresHeading,
    /// NPV.
    Npv,
    /// IRR (rule 39) and MIRR (rule 40).
    Irr,
    /// Static and dynamic payback (rule 38).
    Payback,
    /// Peak funding need (rule 41).
    PeakFunding,
    /// Minimum DSCR (rule 42).
    Dscr,
    /// Incentive summary (rule 43).
    Incentives,
    /// Park ledger (rule 44).
    ParkLedger,
    /// 亩均 metrics (§5, rule 45).
    PerMu,
    /// Buy vs rent (rule 46).
    BuyVsRent,
    /// Tornado (rule 47).
    Tornado,
    /// Switching values (rules 48, 57).
    Switching,
    /// Stress: incentives not honoured (rules 32, 49).
    Stress,
    /// Performance-guarantee deposit (rules 35–37).
    Deposit,
    /// Heading: what the model leaves out.
    OmittedHeading,
    /// Excess input-VAT credit is not refunded.
    OmitVatRefund,
    /// No replacement capex.
    OmitReplacement,
    /// No interest capitalisation.
    OmitCapitalisation,
    /// No land-contract penalties.
    OmitPenalties,
    /// No general inflation.
    OmitInflation,
    /// Heading: where the defaults come from.
    SourcesHeading,
    /// The policy set.
    PolicySet,
    /// Tag [S].
    TagS,
    /// Tag [S2].
    TagS2,
    /// Tag [P].
    TagP,
    /// Tag [G].
    TagG,
}

/// The text of `message` in `lang`.
pub fn method_text(lang: Lang, message: MethodText) -> &'static str {
    use MethodText as M;
    let (zh, en) = match message {
        M::Title => ("计算方法", "How this is calculated"),
        M::Intro => ("本页所有数字均按以下规则计算；规则编号对应模型说明（MODEL.md）第 9 节。", "Every figure on this page follows the rules below; rule numbers refer to §9 of the model specification (MODEL.md)."),
        M::ConventionsHeading => ("基本约定", "Conventions"),
        M::Units => ("金额单位为万元，除注明含税者外均不含增值税；比率在界面中以百分数显示。模型内部不做舍入，仅在显示和导出时四舍五入保留两位小数。", "Amounts are in 万元 (CNY 10,000), excluding VAT unless stated; rates are shown as percentages. Nothing is rounded inside the model; figures are rounded half away from zero to 2 decimals only when shown or exported."),
        M::Timing => ("计算期 t = 1…N 含建设期，第 1 年为签约后的第一年；所有现金流量均视为在当年年末发生。", "The calculation period t = 1…N includes construction; year 1 is the first year after signing. Every flow falls at the end of its year."),
        M::NpvFormula => ("NPV = Σ NCFₜ / (1 + i)ᵗ，t 从 1 起算至 N，即 Excel 的 NPV(i, NCF₁:NCF_N)；第 1 年的现金流量也折现一年。", "NPV = Σ NCFₜ / (1 + i)ᵗ for t = 1…N, which is Excel's NPV(i, NCF₁:NCF_N): year 1's flow is discounted by one year too."),
        M::Statements => ("按《建设项目经济评价方法与参数》（第三版）编制三张现金流量表：项目投资现金流量表（所得税前）；项目投资现金流量表（所得税后），扣除调整所得税，即按息税前利润计税，不扣利息、担保费和贴息，不弥补以前年度亏损；项目资本金现金流量表，扣除实际缴纳的企业所得税，计入借款流入、还本付息、担保费和贷款贴息。", "Three statements, as in 《建设项目经济评价方法与参数》 (3rd edition): project cash flow before tax; project cash flow after tax, less the adjusted CIT (tax on EBIT: no interest, guarantee fee or interest subsidy, no loss carry-forward); and the equity cash flow, less the CIT actually paid, with the loan drawn, principal, interest, guarantee fee and interest subsidy."),
        M::VatInFlows => ("现金流量按收付实现制编制并包含增值税：销售收入和材料按含税金额计，增值税按当年实际缴纳额列支，进项税额可无限期结转抵扣，因此建设投资和设备购置的进项税额何时抵完会体现在各年现金流量中。", "Cash flows are on a cash basis and include VAT: sales and materials at their VAT-inclusive amounts, VAT as actually paid each year, input-VAT credit carried forward without limit, so the timing of the large capex input-VAT credit shows in the yearly flows."),
        M::FiguresHeading => ("主要指标", "Headline figures"),
        M::Npv => ("净现值（NPV）：两张项目投资表按基准收益率（折现率）折现，资本金表按资本金基准收益率折现。", "Net present value (NPV): the two project statements at the benchmark discount rate, the equity statement at the equity hurdle rate."),
        M::Irr => ("内部收益率（IRR，规则 39）：使 NPV = 0 的折现率。先数现金流量的符号变化次数（不计零值）：无变化则无 IRR；一次则在 (−99 %, 1000 %] 内求唯一解；多于一次则列出该区间内的全部解，并提示“存在多个内部收益率，请以净现值判断”，同时给出修正内部收益率（MIRR，规则 40）：MIRR = (正现金流量按再投资率计算的第 N 年终值 ÷ 负现金流量按融资利率计算的现值)^(1/N) − 1，现金流量取 t = 1…N，融资利率取贷款利率，再投资率取基准收益率。", "Internal rate of return (IRR, rule 39): the rate at which NPV = 0. Sign changes are counted, ignoring zeros: none means no IRR; one gives the unique root in (−99 %, 1000 %]; more than one lists every root in that range, marked “multiple IRRs: judge by NPV”, with the modified IRR (MIRR, rule 40): MIRR = (future value at year N of the positive flows at the reinvestment rate ÷ present value of the negative flows at the finance rate)^(1/N) − 1 over t = 1…N, financing at the loan rate, reinvesting at the discount rate."),
        M::Payback => ("投资回收期（规则 38）：自第 1 年年初起算。T 为累计净现金流量从该年起直至第 N 年始终不小于 0 的第一年，回收期 = (T − 1) + |第 T − 1 年累计净现金流量| ÷ 第 T 年净现金流量；累计值从未为负时为 0；找不到 T 时显示“计算期内未收回”。动态回收期用折现后的现金流量，折现率与该表的 NPV 相同。", "Payback (rule 38): counted from the start of year 1, T is the first year from which the cumulative flow stays ≥ 0 through year N; payback = (T − 1) + |cumulative at T − 1| ÷ flow of year T; 0 if the cumulative is never negative; “not recovered within the period” if there is no such T. Dynamic payback uses the discounted flows, at the same rate as that statement's NPV."),
        M::PeakFunding => ("资金峰值需求（规则 41）：资本金累计净现金流量的最低点取正值，即 max(0, −min 累计ₜ)，t = 0…N，累计₀ = 0。", "Peak funding need (rule 41): the lowest point of the cumulative equity flow, as a positive amount: max(0, −min cumₜ) over t = 0…N, with cum₀ = 0."),
        M::Dscr => ("最低偿债备付率（DSCR，规则 42）：各还本年份 (EBITDA − 实际所得税) ÷ (当年还本 + 付息) 的最小值；此处 EBITDA 计入现金奖补（不含贴息）并扣除奖补返还；无贷款时不计算。", "Minimum DSCR (rule 42): the smallest (EBITDA − CIT paid) ÷ (principal + interest) over the years with principal repaid; this EBITDA includes cash incentives (not the interest subsidy) less any clawback. None without a loan."),
        M::Incentives => ("奖补汇总（规则 43）：租金减免（按未收取的含税租金计）、设备补贴、贷款贴息、新增用工补贴、容积率奖励、落户奖励，以及默认关闭的 C 类税收奖励和土地价款返还，共八类；列示名义金额和按基准收益率折算的现值，及两者合计占固定资产投资的比例。现金奖补默认在收到当年计入应纳税所得额。", "Incentive summary (rule 43): rent relief (the VAT-inclusive rent not charged), equipment, interest and hiring subsidies, plot-ratio reward, settlement award, and the group C tax reward and land rebate (off by default): eight kinds, each nominal and at present value at the discount rate, with both totals as shares of fixed investment. By default cash incentives are taxable income in the year received."),
        M::ParkLedger => ("园区收支（规则 44）：地方留成 = (增值税 × 地方分享比例 + 企业所得税 × 地方分享比例 + 附加税费 + 印花税 + 城镇土地使用税 + 房产税 + 契税) × 园区分成比例；园区净收益 = 地方留成 + 没收的保证金 + 收回的奖补 − 兑现的奖补（现金奖补含贴息，另加租金减免）。按园区折现率计算净现值；平衡年为累计净收益自该年起始终不小于 0 的第一年。土地出让收入和厂房租金收入不计入。", "Park ledger (rule 44): local retained revenue = (VAT × local share + CIT × local share + surcharges + stamp duty + land-use tax + property tax + deed tax) × park share; park net = retained revenue + forfeited deposit + clawback − incentives paid (cash incentives including the interest subsidy, plus rent waived). NPV at the park's rate; the breakeven year is the first from which the cumulative net stays ≥ 0. Land sale proceeds and factory rent are outside the ledger."),
        M::PerMu => ("亩均效益（第 5 节、规则 45）：取首个达产年（未达产时取产能最高的最早年份），并在考核年另算一次。用地亩数：买地为出让面积；租赁为 租赁面积 × 15 ÷ (10000 × 参考容积率)。投资强度 = 固定资产投资（土地价款 + 建筑工程费用 + 装修费用 + 设备及安装费用，均不含增值税；不含契税、印花税和流动资金）÷ 亩；亩均产值 = 销售收入 ÷ 亩；亩均税收 = (增值税 + 附加税费 + 印花税 + 企业所得税 + 城镇土地使用税 + 房产税) ÷ 亩；另列亩均用工和容积率（仅买地）。分别与可调门槛比较：投资强度 ≥ 200 万元/亩，亩均产值 ≥ 300 万元/亩，亩均税收 ≥ 15 万元/亩，容积率 ≥ 1.0。", "Per-亩 metrics (§5, rule 45): in the first full-capacity year (or, if capacity never reaches 100 %, the earliest year of highest capacity), and again in the test year. Land basis: the land bought, or for rent rented area × 15 ÷ (10000 × reference plot ratio). Investment intensity = fixed investment (land + construction + fit-out + equipment and installation, all excluding VAT; no deed tax, stamp duty or working capital) ÷ 亩; output per 亩 = sales ÷ 亩; tax per 亩 = (VAT + surcharges + stamp duty + CIT + land-use tax + property tax) ÷ 亩; also staff per 亩 and the plot ratio (buy land only). Each against an editable threshold: intensity ≥ 200, output ≥ 300, tax ≥ 15 万元 per 亩, plot ratio ≥ 1.0."),
        M::BuyVsRent => ("买地与租赁比较（规则 46）：同一方案分别按买地自建和租赁厂房测算，经营假设不变，另一种方式的建设期和保证金取其默认值。比较税后项目 NPV、IRR、回收期和等额年值 EAC = NPV × i ÷ (1 − (1 + i)⁻ᴺ)（i = 0 时为 NPV ÷ N）；交叉年为自该年至第 N 年买地的累计税后净现金流量均高于租赁的最早年份。", "Buy vs rent (rule 46): the scenario is evaluated in both site modes with the same operations; the other mode takes its own default construction time and deposit. Compared: after-tax project NPV, IRR, paybacks and the equivalent annual cost EAC = NPV × i ÷ (1 − (1 + i)⁻ᴺ) (NPV ÷ N at i = 0). The crossover year is the earliest year from which buying's cumulative after-tax flow stays above renting's through year N."),
        M::Tornado => ("敏感性分析（规则 47）：达产产值、材料及能源占比、设备投资、建安造价（买地）或租金（租赁）、土地价格（仅买地）、平均工资、折现率分别乘以 (1 − s) 和 (1 + s)（s 默认 20 %），不做范围校验，派生项随之变动；按税后项目 NPV 的变动幅度 |NPV₊ − NPV₋| 由大到小排列。", "Sensitivity (rule 47): output at full capacity, materials share, equipment, construction cost (buy land) or rent (rent), land price (buy land only), average wage and discount rate are each multiplied by (1 − s) and (1 + s) (s = 20 % by default), without range checks, everything derived moving with them; sorted by the swing |NPV₊ − NPV₋| of the after-tax project NPV, largest first."),
        M::Switching => ("临界值（规则 48、57）：达产产值、材料及能源占比、设备投资使税后项目 NPV 变号的相对变动 δ，取 [−100 %, +1000 %] 内离 0 最近者；自 0 向两侧按 0.01 × 1.5ᵏ 的步长搜索，再二分至 10⁻¹⁰，|δ| 相同时取正值。若 NPV 在最终区间两端相差超过 0.001 万元，标为“跳变”；无交点或该输入基值为 0 时不给出并说明原因。", "Switching values (rules 48, 57): the relative change δ of output, materials share or equipment, closest to 0 within [−100 %, +1000 %], at which the after-tax project NPV changes sign; searched outwards from 0 on both sides in steps of 0.01 × 1.5ᵏ, then bisected to 10⁻¹⁰, a tie going to δ > 0. A gap above 0.001 万元 across the final bracket is flagged as a jump; with no crossing, or an input whose base is 0, there is none and the reason is given."),
        M::Stress => ("压力情景“奖补不兑现”（规则 32、49）：C 类奖补不支付；B 类各项现金奖补（设备、贴息、用工、容积率、落户）均推迟一年到账，超出计算期的不计；租金减免和保证金规则不变。与基准并列显示三张表的指标、资金峰值需求、园区 NPV 和保证金结果。", "Stress “incentives not honoured” (rules 32, 49): group C pays nothing; each group B cash payment (equipment, interest, hiring, plot ratio, settlement) arrives one year later, dropped past year N; rent relief and the deposit rules are unchanged. Shown beside the base: the three statements, peak funding need, park NPV and the deposit outcome."),
        M::Deposit => ("履约保证金（规则 35–37）：第 1 年缴纳（买地默认每亩 5 万元，租赁默认 30 万元）。在考核年（运营第 test_year 年）检验投资强度和亩均税收两项目标（可分别关闭，门槛为单独的输入，默认 200 和 15 万元/亩），全部达标则当年退还；否则没收，没收部分不影响纳税。按“比例”规则时退还 保证金 × (1 − 最大差距比例)，差距比例 = (门槛 − 实际) ÷ 门槛，限定在 0 至 1。设置追回比例时，未达标须按该比例返还考核年及以前收到的现金奖补（含贴息），于考核年次年支付，超出计算期的不计。未达标不影响此后奖补的发放。", "Performance-guarantee deposit (rules 35–37): paid in year 1 (5 万元 per 亩 for buy land, 30 万元 for rent by default). In the test year (operating year test_year) intensity and tax per 亩 are tested against their own thresholds (each can be switched off; 200 and 15 万元 per 亩 by default). All met: refunded that year; otherwise forfeited, with no tax effect. Under the pro-rata rule the refund is deposit × (1 − largest shortfall), shortfall = (minimum − actual) ÷ minimum, clipped to 0…1. With a clawback share, a failure repays that share of the cash incentives received up to the test year (interest subsidy included) the year after, dropped past year N. A failure does not stop later incentives."),
        M::OmittedHeading => ("模型未考虑的事项", "What the model leaves out"),
        M::OmitVatRefund => ("增值税留抵退税：计算期末未抵扣完的进项税额视为损失，不退还（规则 21）。", "Refunds of excess input-VAT credit: credit left at year N is lost, not refunded (rule 21)."),
        M::OmitReplacement => ("计算期内设备和建筑的更新改造投资（规则 10）。", "Replacement capex within the period (rule 10)."),
        M::OmitCapitalisation => ("建设期利息资本化：利息一律在发生当年费用化（规则 22）。", "Interest capitalisation: interest is expensed in the year incurred, construction years included (rule 22)."),
        M::OmitPenalties => ("土地出让合同违约金（如逾期开工、竣工或闲置）。", "Penalties under the land-grant contract (late start, late completion, idle land)."),
        M::OmitInflation => ("一般通货膨胀：价格变化仅通过产值增长率、工资增长率和租金递增率等输入体现。", "General inflation: prices change only through inputs such as output growth, wage growth and rent escalation."),
        M::SourcesHeading => ("默认值来源", "Where the defaults come from"),
        M::PolicySet => ("默认值和行业预设构成参数集 yz-2026.1。链接和保存的方案都记录所用参数集；当前参数集不同时会提示，并同时显示两种结果。每个默认值旁注明来源标签，均可修改：", "The defaults and the cluster presets form the policy set yz-2026.1. Links and saved scenarios record the set they were made under; when the current set differs, the app says so and shows both results. Every default shows its source tag and can be changed:"),
        M::TagS => ("[S] 法律法规或国家规定；", "[S] statute or national rule;"),
        M::TagS2 => ("[S2] 公开的二手资料（其他园区的合同、媒体报道等）；", "[S2] published secondary source (other parks' contracts, the press);"),
        M::TagP => ("[P] 园区公开发布的数据；", "[P] the park's own published figures;"),
        M::TagG => ("[G] 合理的假设值，应由园区或投资方核实修改。", "[G] a plausible default that the park or the investor should check and edit."),
    };
    lang.pick(zh, en)
}

/// One section of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodSection {
    /// Its heading.
    pub heading: MethodText,
    /// Whether each item opens with a term ending in "：" / ": " that the
    /// panel sets in bold.
    pub termed: bool,
    /// Its items, in order.
    pub items: &'static [MethodText],
}

/// The panel's sections, in order.
pub const SECTIONS: [MethodSection; 4] = [
    MethodSection {
        heading: MethodText::ConventionsHeading,
        termed: false,
        items: &[
            MethodText::Units,
            MethodText::Timing,
            MethodText::NpvFormula,
            MethodText::Statements,
            MethodText::VatInFlows,
        ],
    },
    MethodSection {
        heading: MethodText::FiguresHeading,
        termed: true,
        items: &[
            MethodText::Npv,
            MethodText::Irr,
            MethodText::Payback,
            MethodText::PeakFunding,
            MethodText::Dscr,
            MethodText::Incentives,
            MethodText::ParkLedger,
            MethodText::PerMu,
            MethodText::BuyVsRent,
            MethodText::Tornado,
            MethodText::Switching,
            MethodText::Stress,
            MethodText::Deposit,
        ],
    },
    MethodSection {
        heading: MethodText::OmittedHeading,
        termed: true,
        items: &[
            MethodText::OmitVatRefund,
            MethodText::OmitReplacement,
            MethodText::OmitCapitalisation,
            MethodText::OmitPenalties,
            MethodText::OmitInflation,
        ],
    },
    MethodSection {
        heading: MethodText::SourcesHeading,
        termed: false,
        items: &[
            MethodText::PolicySet,
            MethodText::TagS,
            MethodText::TagS2,
            MethodText::TagP,
            MethodText::TagG,
        ],
    },
];

/// Splits an item into its leading term and the rest at the first "：" or
/// ": "; `None` when there is no term.
pub fn split_term(text: &str) -> (Option<&str>, &str) {
    let full_width = text.find('：').map(|at| (at, '：'.len_utf8()));
    let ascii = text.find(": ").map(|at| (at, 2));
    let first = match (full_width, ascii) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    match first {
        Some((at, width)) => (Some(&text[..at]), &text[at + width..]),
        None => (None, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_panel_exists_in_both_languages_and_differs() {
        let every = SECTIONS
            .iter()
            .flat_map(|section| std::iter::once(&section.heading).chain(section.items))
            .chain([&MethodText::Title, &MethodText::Intro]);
        for message in every {
            let (zh, en) = (
                method_text(Lang::Zh, *message),
                method_text(Lang::En, *message),
            );
            assert!(!zh.is_empty() && !en.is_empty());
            assert_ne!(zh, en, "{message:?}");
        }
    }

    #[test]
    fn every_headline_figure_opens_with_a_term_in_both_languages() {
        for section in SECTIONS
            .iter()
            .filter(|section| section.heading == MethodText::FiguresHeading)
        {
            for item in section.items {
                for lang in [Lang::Zh, Lang::En] {
                    let (term, rest) = split_term(method_text(lang, *item));
                    let term = term.unwrap_or_else(|| panic!("{item:?} {lang:?} has no term"));
                    assert!(term.chars().count() < 50, "{item:?} {lang:?}: {term}");
                    assert!(!rest.is_empty());
                }
            }
        }
    }

    #[test]
    fn terms_split_at_the_first_colon_of_either_width() {
        assert_eq!(
            split_term("净现值（NPV）：两张表"),
            (Some("净现值（NPV）"), "两张表")
        );
        assert_eq!(
            split_term("Park ledger (rule 44): local"),
            (Some("Park ledger (rule 44)"), "local")
        );
        assert_eq!(split_term("No colon here."), (None, "No colon here."));
        assert_eq!(split_term("NPV = Σ: a：b"), (Some("NPV = Σ"), "a：b"));
    }

    #[test]
    fn the_rules_named_are_those_of_the_model() {
        let check = |message: MethodText, rule: &str| {
            assert!(
                method_text(Lang::Zh, message).contains(rule),
                "{message:?} zh"
            );
            assert!(
                method_text(Lang::En, message).contains(rule),
                "{message:?} en"
            );
        };
        check(MethodText::Irr, "39");
        check(MethodText::Irr, "40");
        check(MethodText::Payback, "38");
        check(MethodText::PeakFunding, "41");
        check(MethodText::Dscr, "42");
        check(MethodText::Incentives, "43");
        check(MethodText::ParkLedger, "44");
        check(MethodText::PerMu, "45");
        check(MethodText::BuyVsRent, "46");
        check(MethodText::Tornado, "47");
        check(MethodText::Switching, "48");
        check(MethodText::Switching, "57");
        check(MethodText::Stress, "32");
        check(MethodText::Stress, "49");
        check(MethodText::Deposit, "35–37");
        check(MethodText::PolicySet, "yz-2026.1");
    }
}
