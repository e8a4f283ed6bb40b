//! Labels of the inputs, their units, sections and choices, in both
//! languages (exhaustive matches: a missing translation fails the build).

use crate::i18n::Lang;
use crate::inputs::{Input, Opt, Section, Unit};

/// The label of an input.
pub fn label(lang: Lang, input: Input) -> &'static str {
    let (zh, en) = match input {
        Input::Name => ("项目名称", "Project name"),
        Input::Cluster => ("产业园（预设）", "Industry cluster (preset)"),
        Input::SiteMode => ("用地方式", "Site"),
        Input::Horizon => ("计算期", "Calculation period"),
        Input::BuildMonths => ("建设期 / 装修期", "Construction / fit-out time"),
        Input::DiscountRate => ("项目基准收益率", "Project discount rate"),
        Input::EquityRate => ("资本金基准收益率", "Equity hurdle rate"),
        Input::ParkRate => ("园区财政折现率", "Park's discount rate"),
        Input::LandMu => ("用地面积", "Land area"),
        Input::LandPrice => ("土地成交价", "Land price"),
        Input::LandGrade => ("土地等别（最低价核对）", "Land grade (floor-price check)"),
        Input::PriorityIndustry => (
            "优先发展产业（最低价按 70 %）",
            "Priority industry (70 % floor)",
        ),
        Input::DeedTaxRate => ("契税税率", "Deed tax rate"),
        Input::LandUseTax => ("城镇土地使用税", "Land-use tax"),
        Input::Far => ("容积率", "Plot ratio"),
        Input::BuildCost => ("建安造价（含税）", "Construction cost (incl. VAT)"),
        Input::OtherBuildRatio => ("工程建设其他费用率", "Design, supervision etc."),
        Input::ContingencyRatio => ("预备费率", "Contingency"),
        Input::RentArea => ("租赁面积", "Rented floor area"),
        Input::RentPrice => ("租金（含税）", "Rent (incl. VAT)"),
        Input::RentVatRate => ("租金增值税率", "VAT in the rent"),
        Input::MgmtFee => ("物业管理费", "Management fee"),
        Input::RentEscalation => ("租金年涨幅", "Yearly rent rise"),
        Input::RentDepositMonths => ("租赁押金", "Rent deposit"),
        Input::FitOut => ("装修费（含税）", "Fit-out (incl. VAT)"),
        Input::RefFar => ("折算亩数的参考容积率", "Reference plot ratio for 亩"),
        Input::Equipment => ("设备投资（含税）", "Equipment (incl. VAT)"),
        Input::InstallRatio => ("安装费率", "Installation"),
        Input::WcRatio => ("流动资金占销售收入比例", "Working capital / sales"),
        Input::OutputFull => ("达产年产值", "Output at full capacity"),
        Input::Ramp => (
            "投产爬坡（各运营年产能）",
            "Ramp-up (capacity by operating year)",
        ),
        Input::Growth => ("达产后年增长率", "Growth after the ramp"),
        Input::MaterialsRatio => ("材料及能源占比", "Materials and energy"),
        Input::OtherRatio => ("其他经营费用占比", "Other operating cost"),
        Input::RdRatio => ("研发费用占比", "R&D expense"),
        Input::RepairRatio => ("修理费率", "Repair and maintenance"),
        Input::Headcount => ("达产用工人数", "Staff at full capacity"),
        Input::Wage => ("人均工资", "Average wage"),
        Input::SocialRatio => ("社保及公积金比例", "Social insurance and housing fund"),
        Input::WageGrowth => ("工资年增长率", "Yearly wage rise"),
        Input::VatRate => ("增值税税率", "VAT rate"),
        Input::BuildVatRate => ("建筑服务增值税税率", "VAT on construction"),
        Input::CityTaxRate => ("城市维护建设税税率", "City maintenance tax"),
        Input::EduRate => ("教育费附加及地方教育附加", "Education surcharges"),
        Input::CitRegime => ("企业所得税", "Corporate income tax"),
        Input::LossYears => ("亏损结转年限", "Loss carry-forward"),
        Input::RdSuper => ("研发费用加计扣除比例", "R&D extra deduction"),
        Input::PropertyDeduct => ("房产原值减除比例", "Property-tax deduction"),
        Input::PropertyRate => ("房产税税率", "Property tax rate"),
        Input::StampSalesRate => ("印花税（销售合同）", "Stamp duty on sales"),
        Input::LandStampRate => ("印花税（土地合同）", "Stamp duty on the land contract"),
        Input::VatLocalShare => ("增值税地方留成比例", "Local share of VAT"),
        Input::CitLocalShare => ("所得税地方留成比例", "Local share of CIT"),
        Input::ParkShare => ("园区级分成比例", "Share reaching the park"),
        Input::SubsidiesTaxable => ("政府补助计入应纳税所得", "Subsidies are taxable income"),
        Input::Loan => ("银行贷款", "Bank loan"),
        Input::LoanRate => ("贷款利率", "Loan interest rate"),
        Input::LoanYears => ("贷款期限", "Loan term"),
        Input::GraceYears => ("宽限期（只付息）", "Grace period (interest only)"),
        Input::Repayment => ("还款方式", "Repayment"),
        Input::GuaranteeRate => ("担保费率", "Guarantee fee"),
        Input::RentReliefOn => ("租金减免（B类）", "Rent holiday (group B)"),
        Input::RentReliefShares => ("各租赁年减免比例", "Share waived by lease year"),
        Input::EquipSubsidyOn => ("设备补贴（B类）", "Equipment subsidy (group B)"),
        Input::EquipSubsidyRate => ("补贴比例（设备不含税价）", "Rate (equipment excl. VAT)"),
        Input::EquipSubsidyCap => ("补贴上限", "Cap"),
        Input::EquipSubsidyLag => ("投产后第几年拨付", "Paid years after operation starts"),
        Input::InterestSubsidyOn => ("贷款贴息（B类）", "Interest subsidy (group B)"),
        Input::InterestSubsidyShare => ("贴息比例", "Share of interest"),
        Input::InterestSubsidyYears => ("贴息年数", "Years subsidised"),
        Input::HiringSubsidyOn => ("新增用工补贴（B类）", "Hiring subsidy (group B)"),
        Input::HiringSubsidyPerPerson => ("每新增一人", "Per net new employee"),
        Input::FarRewardOn => ("容积率奖励（B类）", "Plot-ratio reward (group B)"),
        Input::FarRewardPerMu => ("每亩奖励", "Reward per 亩"),
        Input::FarRewardMinFar => ("奖励所需最低容积率", "Minimum plot ratio"),
        Input::SettlementAwardOn => ("落户奖励（B类）", "Settlement award (group B)"),
        Input::SettlementAwardAmount => ("奖励金额", "Amount"),
        Input::TaxRewardOn => ("税收奖励（C类，受限）", "Tax reward (group C, restricted)"),
        Input::TaxRewardShares => ("各运营年奖励比例", "Share by operating year"),
        Input::TaxRewardLag => ("滞后年数", "Paid years later"),
        Input::LandRebateOn => (
            "土地价款返还（C类，受限）",
            "Land-price rebate (group C, restricted)",
        ),
        Input::LandRebateRate => ("返还比例", "Share of the land price"),
        Input::DepositKind => ("履约保证金计收方式", "Deposit basis"),
        Input::DepositAmount => ("履约保证金金额", "Deposit amount"),
        Input::TestYear => ("考核年（第几个运营年）", "Test year (operating year)"),
        Input::TargetIntensityOn => ("考核投资强度", "Test investment intensity"),
        Input::TargetIntensityMin => ("投资强度不低于", "Minimum intensity"),
        Input::TargetTaxOn => ("考核亩均税收", "Test tax per 亩"),
        Input::TargetTaxMin => ("亩均税收不低于", "Minimum tax per 亩"),
        Input::ForfeitRule => ("未达标时保证金", "Deposit when targets fail"),
        Input::Clawback => (
            "未达标时退还已获奖补比例",
            "Share of incentives clawed back",
        ),
        Input::ThresholdIntensity => ("亩均投资强度标准", "Intensity threshold"),
        Input::ThresholdOutput => ("亩均产值标准", "Output per 亩 threshold"),
        Input::ThresholdTax => ("亩均税收标准", "Tax per 亩 threshold"),
        Input::ThresholdFar => ("容积率标准", "Plot-ratio threshold"),
        Input::SensitivityRange => ("敏感性分析变动幅度", "Sensitivity range"),
        Input::Stress => (
            "按“政策不兑现”测算",
            "Evaluate as \"incentives not honoured\"",
        ),
    };
    lang.pick(zh, en)
}

/// The label of a choice.
pub fn option_label(lang: Lang, option: Opt) -> &'static str {
    let (zh, en) = match option {
        Opt::MagneticElectronics => ("华南磁性电子元器件中心", "Magnetic electronic components"),
        Opt::IntelligentEquipment => ("智能装备产业园", "Intelligent equipment park"),
        Opt::NewEnergy => ("新能源产业园", "New-energy park"),
        Opt::BigData => ("大数据产业园", "Big-data park"),
        Opt::BuildingEconomy => ("楼宇经济产业园", "Building-economy park"),
        Opt::OtherCluster => ("其他产业", "Other industry"),
        Opt::BuyLand => ("购地自建", "Buy land and build"),
        Opt::Rent => ("租赁标准厂房", "Rent a standard factory"),
        Opt::General => ("一般企业 25 %", "General 25 %"),
        Opt::HighTech => ("高新技术企业 15 %", "High-tech 15 %"),
        Opt::EqualPrincipal => ("等额本金", "Equal principal"),
        Opt::Annuity => ("等额本息", "Annuity"),
        Opt::PerMu => ("按亩", "Per 亩"),
        Opt::Fixed => ("固定金额", "Fixed amount"),
        Opt::Full => ("全额没收", "Forfeited in full"),
        Opt::ProRata => ("按差距比例扣减", "Reduced pro rata"),
    };
    lang.pick(zh, en)
}

/// A unit as shown beside a field.
pub fn unit_label(lang: Lang, unit: Unit) -> &'static str {
    let (zh, en) = match unit {
        Unit::Wan => ("万元", "万元"),
        Unit::WanPerYear => ("万元/年", "万元/yr"),
        Unit::WanPerMu => ("万元/亩", "万元/亩"),
        Unit::WanPerPerson => ("万元/人·年", "万元/person/yr"),
        Unit::Mu => ("亩", "亩"),
        Unit::SquareMetre => ("m²", "m²"),
        Unit::YuanPerSquareMetre => ("元/m²", "CNY/m²"),
        Unit::YuanPerSquareMetreMonth => ("元/m²·月", "CNY/m²/month"),
        Unit::YuanPerSquareMetreYear => ("元/m²·年", "CNY/m²/yr"),
        Unit::Ratio => ("", ""),
        Unit::Years => ("年", "years"),
        Unit::Months => ("个月", "months"),
        Unit::People => ("人", "people"),
        Unit::Grade => ("等", ""),
        Unit::OperatingYear => ("", ""),
    };
    lang.pick(zh, en)
}

/// The heading of a form section.
pub fn section_title(lang: Lang, section: Section) -> &'static str {
    let (zh, en) = match section {
        Section::Project => ("项目", "Project"),
        Section::Land => ("购地自建", "Buying land and building"),
        Section::Rent => ("租赁标准厂房", "Renting a standard factory"),
        Section::Equipment => ("设备与流动资金", "Equipment and working capital"),
        Section::Operations => ("经营", "Operations"),
        Section::Taxes => ("税费", "Taxes"),
        Section::Financing => ("融资", "Financing"),
        Section::Incentives => ("扶持政策", "Incentives"),
        Section::Deposit => ("履约保证金与考核", "Deposit and targets"),
        Section::Analysis => ("亩均标准与分析", "Thresholds and analysis"),
    };
    lang.pick(zh, en)
}
