//! Every text of the app in Chinese and English, from one exhaustive `match`:
//! a message without both translations does not compile.

/// The display language; Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A text the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    ParkName,
    Title,
    Intro,
    SwitchLanguage,
    RateLabel,
    RateHint,
    FlowsLabel,
    FlowsHint,
    ResultsHeading,
    Npv,
    Irr,
    StaticPayback,
    DynamicPayback,
    Years,
    NoIrrNoSignChange,
    NoIrrNoRootInRange,
    MultipleIrr,
    NotRecovered,
    Stale,
    ErrorEmpty,
    ErrorNotANumber,
    ErrorTooLarge,
    ErrorRateRange,
    ErrorTooFewFlows,
    ErrorTooManyFlows,
    ErrorOverflow,
    Method,
}

/// The text of `message` in `lang`.
pub fn text(lang: Lang, message: Msg) -> &'static str {
    use Lang::{En, Zh};
    match (message, lang) {
        (Msg::ParkName, Zh) => "永州经济技术开发区",
        (Msg::ParkName, En) => "Yongzhou Economic and Technological Development Zone",
        (Msg::Title, Zh) => "投资测算器",
        (Msg::Title, En) => "Investment calculator",
        (Msg::Intro, Zh) => "输入各年净现金流量（年末发生，单位：万元）和折现率，即时得到净现值、内部收益率和投资回收期。",
        (Msg::Intro, En) => "Enter yearly net cash flows (at year end, in 万元 = CNY 10,000) and a discount rate to get NPV, IRR and payback at once.",
        (Msg::SwitchLanguage, Zh) => "English",
        (Msg::SwitchLanguage, En) => "中文",
        (Msg::RateLabel, Zh) => "折现率（%）",
        (Msg::RateLabel, En) => "Discount rate (%)",
        (Msg::RateHint, Zh) => "基准收益率，0–50 %",
        (Msg::RateHint, En) => "Benchmark rate, 0–50 %",
        (Msg::FlowsLabel, Zh) => "各年净现金流量（万元）",
        (Msg::FlowsLabel, En) => "Net cash flow by year (万元)",
        (Msg::FlowsHint, Zh) => "每行一年，第 1 年在最上；也可从表格粘贴一行",
        (Msg::FlowsHint, En) => "One year per line, year 1 first; or paste a spreadsheet row",
        (Msg::ResultsHeading, Zh) => "测算结果",
        (Msg::ResultsHeading, En) => "Results",
        (Msg::Npv, Zh) => "净现值 NPV（万元）",
        (Msg::Npv, En) => "NPV (万元)",
        (Msg::Irr, Zh) => "内部收益率 IRR",
        (Msg::Irr, En) => "IRR",
        (Msg::StaticPayback, Zh) => "静态投资回收期",
        (Msg::StaticPayback, En) => "Static payback",
        (Msg::DynamicPayback, Zh) => "动态投资回收期",
        (Msg::DynamicPayback, En) => "Discounted payback",
        (Msg::Years, Zh) => "年",
        (Msg::Years, En) => "years",
        (Msg::NoIrrNoSignChange, Zh) => "无：现金流量始终同号",
        (Msg::NoIrrNoSignChange, En) => "None: the flows never change sign",
        (Msg::NoIrrNoRootInRange, Zh) => "无：−99 % 至 1000 % 之间无解",
        (Msg::NoIrrNoRootInRange, En) => "None: no root in (−99 %, 1000 %]",
        (Msg::MultipleIrr, Zh) => "多个内部收益率：请以净现值判断",
        (Msg::MultipleIrr, En) => "Multiple IRRs: judge by NPV",
        (Msg::NotRecovered, Zh) => "计算期内未收回",
        (Msg::NotRecovered, En) => "Not recovered within the period",
        (Msg::Stale, Zh) => "输入有误，以下为上次有效结果",
        (Msg::Stale, En) => "Input has errors; showing the last valid results",
        (Msg::ErrorEmpty, Zh) => "请输入数值",
        (Msg::ErrorEmpty, En) => "Please enter a number",
        (Msg::ErrorNotANumber, Zh) => "不是有效数字",
        (Msg::ErrorNotANumber, En) => "Not a valid number",
        (Msg::ErrorTooLarge, Zh) => "数值过大",
        (Msg::ErrorTooLarge, En) => "The number is too large",
        (Msg::ErrorRateRange, Zh) => "折现率应在 0 % 至 50 % 之间",
        (Msg::ErrorRateRange, En) => "The rate must be between 0 % and 50 %",
        (Msg::ErrorTooFewFlows, Zh) => "至少需要 2 年的现金流量",
        (Msg::ErrorTooFewFlows, En) => "At least 2 years of cash flows are needed",
        (Msg::ErrorTooManyFlows, Zh) => "最多 60 年",
        (Msg::ErrorTooManyFlows, En) => "At most 60 years",
        (Msg::ErrorOverflow, Zh) => "数值超出可计算范围",
        (Msg::ErrorOverflow, En) => "The numbers are beyond the computable range",
        (Msg::Method, Zh) => "现金流量均在年末发生：NPV = Σ NCFₜ / (1+i)ᵗ，t = 1…N（与 Excel 的 NPV 函数一致）；回收期自第 1 年年初起算。",
        (Msg::Method, En) => "Every flow falls at the end of its year: NPV = Σ NCFₜ / (1+i)ᵗ, t = 1…N (as Excel's NPV function); payback counts from the start of year 1.",
    }
}
