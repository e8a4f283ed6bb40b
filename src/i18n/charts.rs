//! Texts of the charts, in both languages (one exhaustive match), and the
//! names of the incentive kinds and of the tornado's inputs, which the rest
//! of the app may reuse.

use engine::incentives::IncentiveKind;
use engine::sensitivity::SensitiveInput;

use crate::i18n::{colon, Lang};

/// A text of the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartText {
    /// The summary of every table alternative.
    DataTable,
    /// "Unit" before the table unit.
    Unit,
    /// Header of the year column.
    Year,
    /// Shown when a chart has nothing to draw.
    NoData,
    /// Title of the cash-flow chart.
    CashFlowTitle,
    /// Caption of the cash-flow chart.
    CashFlowCaption,
    /// The yearly flow (columns).
    CashFlowFlow,
    /// The cumulative flow (line).
    CashFlowCumulative,
    /// Title of the buy-vs-rent chart.
    BuyRentTitle,
    /// Caption of the buy-vs-rent chart.
    BuyRentCaption,
    /// The buy-land line.
    BuyLand,
    /// The rent line.
    Rent,
    /// The buy-land side could not be evaluated.
    BuyLandMissing,
    /// The rent side could not be evaluated.
    RentMissing,
    /// Label of the crossover marker and its table row.
    Crossover,
    /// No crossover within the period.
    NoCrossover,
    /// Title of the incentive chart.
    IncentivesTitle,
    /// Caption of the incentive chart.
    IncentivesCaption,
    /// Header of the kind column.
    IncentiveKindHeader,
    /// Nominal amount.
    Nominal,
    /// Present value.
    PresentValue,
    /// No incentive has a nominal amount.
    NoIncentives,
    /// Title of the tornado.
    TornadoTitle,
    /// Header of the input column.
    TornadoInput,
    /// Header of the swing column.
    TornadoSwing,
    /// The base NPV (the vertical line and its table row).
    BaseNpv,
}

/// The text of `message` in `lang`.
pub fn chart_text(lang: Lang, message: ChartText) -> &'static str {
    use ChartText as T;
    let (zh, en) = match message {
        T::DataTable => ("数据表", "Data table"),
        T::Unit => ("单位", "Unit"),
        T::Year => ("年份", "Year"),
        T::NoData => ("暂无数据", "No data"),
        T::CashFlowTitle => ("项目投资税后净现金流量", "Project net cash flow after tax"),
        T::CashFlowCaption => ("柱为各年税后净现金流量（负值为红色），线为累计净现金流量；现金流量均在年末发生。", "Columns: each year's after-tax net cash flow (negative in red); line: the cumulative flow. Every flow falls at the end of its year."),
        T::CashFlowFlow => ("净现金流量", "Net cash flow"),
        T::CashFlowCumulative => ("累计净现金流量", "Cumulative"),
        T::BuyRentTitle => ("买地自建与租赁厂房：累计税后净现金流量", "Buy land vs rent: cumulative after-tax cash flow"),
        T::BuyRentCaption => ("同一经营假设下，两种用地方式的项目投资累计税后净现金流量。", "Cumulative after-tax project cash flow of the two site modes, with the same operations."),
        T::BuyLand => ("买地自建", "Buy land and build"),
        T::Rent => ("租赁标准厂房", "Rent a standard factory"),
        T::BuyLandMissing => ("买地自建方式的输入有误，未绘制其曲线。", "The buy-land inputs are invalid; its line is not drawn."),
        T::RentMissing => ("租赁厂房方式的输入有误，未绘制其曲线。", "The rent inputs are invalid; its line is not drawn."),
        T::Crossover => ("交叉年", "Crossover year"),
        T::NoCrossover => ("计算期内买地的累计净现金流量未能持续高于租赁。", "Within the period, buying's cumulative flow does not stay above renting's."),
        T::IncentivesTitle => ("奖补构成（名义值）", "Incentives by kind (nominal)"),
        T::IncentivesCaption => ("各类奖补在计算期内的名义金额；现值及金额为零的类别见数据表。", "Nominal amount of each kind over the period; present values and kinds with no amount are in the data table."),
        T::IncentiveKindHeader => ("类别", "Kind"),
        T::Nominal => ("名义值", "Nominal"),
        T::PresentValue => ("现值", "Present value"),
        T::NoIncentives => ("本方案没有奖补。", "This scenario has no incentives."),
        T::TornadoTitle => ("敏感性分析：税后项目净现值", "Sensitivity of the after-tax project NPV"),
        T::TornadoInput => ("变动的输入", "Input moved"),
        T::TornadoSwing => ("变动幅度", "Swing"),
        T::BaseNpv => ("基准净现值", "Base NPV"),
    };
    lang.pick(zh, en)
}

/// "单位：万元" / "Unit: CNY m".
pub fn unit_note(lang: Lang, unit: &str) -> String {
    format!("{}{}{unit}", chart_text(lang, ChartText::Unit), colon(lang))
}

/// A year as a label: "第 3 年" / "Year 3".
pub fn year_label(lang: Lang, year: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {year} 年"),
        Lang::En => format!("Year {year}"),
    }
}

/// The crossover marker's note: buying stays ahead from `year`.
pub fn crossover_note(lang: Lang, year: u32) -> String {
    match lang {
        Lang::Zh => format!("自第 {year} 年起，买地的累计净现金流量持续高于租赁。"),
        Lang::En => format!("From year {year} on, buying's cumulative flow stays above renting's."),
    }
}

/// The tornado's caption for a range shown as `range` (e.g. "20.00 %").
pub fn tornado_caption(lang: Lang, range: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "各输入分别下调、上调 {range} 时的税后项目净现值；竖线为基准净现值，按变动幅度由大到小排列。"
        ),
        Lang::En => format!(
            "After-tax project NPV with each input moved down and up by {range}; the vertical line is the base NPV; largest swing first."
        ),
    }
}

/// Header and legend of the NPV with the inputs × (1 − s): "下调 20.00 %".
pub fn tornado_low(lang: Lang, range: &str) -> String {
    format!("{}{range}", lang.pick("下调 ", "Input −"))
}

/// Header and legend of the NPV with the inputs × (1 + s): "上调 20.00 %".
pub fn tornado_high(lang: Lang, range: &str) -> String {
    format!("{}{range}", lang.pick("上调 ", "Input +"))
}

/// The name of an incentive kind (MODEL.md §2.8).
pub fn incentive_name(lang: Lang, kind: IncentiveKind) -> &'static str {
    use IncentiveKind as K;
    let (zh, en) = match kind {
        K::RentRelief => ("租金减免", "Rent relief"),
        K::EquipSubsidy => ("设备补贴", "Equipment subsidy"),
        K::InterestSubsidy => ("贷款贴息", "Interest subsidy"),
        K::HiringSubsidy => ("新增用工补贴", "Hiring subsidy"),
        K::FarReward => ("容积率奖励", "Plot-ratio reward"),
        K::SettlementAward => ("落户奖励", "Settlement award"),
        K::TaxReward => ("税收奖励（C类）", "Tax reward (group C)"),
        K::LandRebate => ("土地价款返还（C类）", "Land price rebate (group C)"),
    };
    lang.pick(zh, en)
}

/// The name of an input of the sensitivity analysis (MODEL.md §5, rule 47).
pub fn sensitive_input_name(lang: Lang, input: SensitiveInput) -> &'static str {
    use SensitiveInput as I;
    let (zh, en) = match input {
        I::OutputFull => ("达产产值", "Output at full capacity"),
        I::MaterialsRatio => ("材料及能源占比", "Materials and energy share"),
        I::Equipment => ("设备投资", "Equipment"),
        I::BuildCost => ("建安造价", "Construction cost"),
        I::Rent => ("租金", "Rent"),
        I::LandPrice => ("土地价格", "Land price"),
        I::Wage => ("平均工资", "Average wage"),
        I::DiscountRate => ("折现率", "Discount rate"),
    };
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_differs_between_the_languages() {
        for kind in IncentiveKind::ALL {
            assert_ne!(
                incentive_name(Lang::Zh, kind),
                incentive_name(Lang::En, kind)
            );
        }
        for input in SensitiveInput::tornado(engine::validate::SiteMode::BuyLand)
            .iter()
            .chain(SensitiveInput::tornado(engine::validate::SiteMode::Rent))
        {
            assert_ne!(
                sensitive_input_name(Lang::Zh, *input),
                sensitive_input_name(Lang::En, *input)
            );
        }
    }

    #[test]
    fn composed_texts_read_in_each_language() {
        assert_eq!(unit_note(Lang::Zh, "万元"), "单位：万元");
        assert_eq!(unit_note(Lang::En, "CNY m"), "Unit: CNY m");
        assert_eq!(year_label(Lang::Zh, 3), "第 3 年");
        assert_eq!(tornado_low(Lang::En, "20.00 %"), "Input −20.00 %");
        assert!(crossover_note(Lang::Zh, 7).contains("第 7 年"));
    }
}
