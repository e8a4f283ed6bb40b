//! Texts of saving and comparing scenarios (PRODUCT.md J9), in both
//! languages from one exhaustive match: a text without both translations
//! does not compile.

use crate::i18n::{colon, Lang};
use crate::storage::{SaveRefusal, StorageProblem, MAX_ENTRIES, MAX_NAME_CHARS};

/// A text of the save-and-compare panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareText {
    /// The panel's heading.
    Heading,
    /// What saving does and where the data stays.
    Intro,
    /// Label of the name field.
    NameLabel,
    /// Placeholder of the name field.
    NamePlaceholder,
    /// The save button.
    Save,
    /// Heading of the list of saved scenarios.
    SavedHeading,
    /// The list is empty.
    NoneSaved,
    /// Label of the checkbox that picks a scenario for the comparison.
    Pick,
    /// How many can be picked.
    PickLimit,
    /// The button that loads a saved scenario into the form.
    Open,
    /// The button that deletes a saved scenario.
    Delete,
    /// Asks before deleting.
    ConfirmDelete,
    /// Asks before replacing the scenario of the same name.
    ConfirmReplace,
    /// Confirms the replacement.
    Replace,
    /// Withdraws a delete or a replace.
    Cancel,
    /// Before the date a scenario was saved.
    SavedAt,
    /// The switch that adds the scenario on screen to the comparison.
    IncludeCurrent,
    /// The column of the scenario on screen.
    Current,
    /// Heading of the comparison.
    CompareHeading,
    /// Header of the first column.
    Item,
    /// Heading of the rows of inputs.
    InputsDiffer,
    /// With one scenario: the inputs typed in it.
    InputsTyped,
    /// No input differs.
    NoDifference,
    /// Heading of the rows of results.
    HeadlineResults,
    /// A scenario that no longer validates.
    Invalid,
    /// A scenario that fails without a field to blame.
    CannotCompute,
    /// A field left empty shows this.
    Empty,
    /// Title of the chart.
    ChartTitle,
    /// Caption of the chart.
    ChartCaption,
    /// The document is not readable at all.
    ProblemCorrupt,
    /// The document comes from a newer version.
    ProblemNewerVersion,
    /// Some fields were left out.
    ProblemUnknownFields,
    /// Some entries were skipped.
    ProblemBadEntry,
    /// The browser's storage cannot be used.
    ProblemUnavailable,
    /// Writing failed.
    ProblemWriteFailed,
    /// Saving needs a name.
    RefusedEmptyName,
    /// The name is too long.
    RefusedNameTooLong,
    /// The list is full.
    RefusedFull,
    /// A scenario was saved.
    SavedOk,
    /// A scenario was deleted.
    DeletedOk,
}

/// The text of `message` in `lang`.
pub fn compare_text(lang: Lang, message: CompareText) -> &'static str {
    use CompareText as T;
    let (zh, en) = match message {
        T::Heading => ("保存与比较方案", "Save and compare scenarios"),
        T::Intro => ("方案只保存在本浏览器中，不会上传；最多可勾选三个方案并排比较。", "Scenarios are kept in this browser only, never uploaded. Tick up to three to compare them side by side."),
        T::NameLabel => ("方案名称", "Scenario name"),
        T::NamePlaceholder => ("例如：购地 80 亩，达产 5 亿", "e.g. 80 亩 bought, 500 m output"),
        T::Save => ("保存当前方案", "Save this scenario"),
        T::SavedHeading => ("已保存的方案", "Saved scenarios"),
        T::NoneSaved => ("尚未保存方案。", "No scenario saved yet."),
        T::Pick => ("比较", "Compare"),
        T::PickLimit => ("最多比较三个方案。", "At most three scenarios can be compared."),
        T::Open => ("打开", "Open"),
        T::Delete => ("删除", "Delete"),
        T::ConfirmDelete => ("确定删除这个方案？删除后无法恢复。", "Delete this scenario? This cannot be undone."),
        T::ConfirmReplace => ("已有同名方案。是否用当前方案替换它？", "A scenario of this name exists. Replace it with the one on screen?"),
        T::Replace => ("替换", "Replace"),
        T::Cancel => ("取消", "Cancel"),
        T::SavedAt => ("保存于", "Saved"),
        T::IncludeCurrent => ("同时比较页面上的当前方案", "Also compare the scenario on screen"),
        T::Current => ("当前方案", "On screen"),
        T::CompareHeading => ("方案比较", "Comparison"),
        T::Item => ("项目", "Item"),
        T::InputsDiffer => ("不同的参数", "Inputs that differ"),
        T::InputsTyped => ("已填写的参数", "Inputs entered"),
        T::NoDifference => ("所选方案的参数相同。", "The scenarios have the same inputs."),
        T::HeadlineResults => ("主要结果", "Headline results"),
        T::Invalid => ("此方案按当前版本无法计算：", "This scenario no longer computes:"),
        T::CannotCompute => ("此方案无法计算。", "This scenario cannot be computed."),
        T::Empty => ("（空）", "(empty)"),
        T::ChartTitle => ("方案比较：累计税后净现金流量", "Scenarios compared: cumulative after-tax cash flow"),
        T::ChartCaption => ("各方案项目投资的累计税后净现金流量；现金流量均在年末发生。", "Cumulative after-tax project cash flow of each scenario. Every flow falls at the end of its year."),
        T::ProblemCorrupt => ("已保存的方案数据已损坏，无法读取。再次保存前，原数据会另存一份备份。", "The saved scenarios are damaged and could not be read. A backup copy of them is kept before anything is saved again."),
        T::ProblemNewerVersion => ("已保存的方案来自较新版本的测算器，已载入能读取的部分。", "The saved scenarios come from a newer version of the calculator; what could be read is loaded."),
        T::ProblemUnknownFields => ("部分已保存的参数无法识别，已略去；方案其余部分已载入。", "Some saved inputs were not recognised and were left out; the rest of each scenario is loaded."),
        T::ProblemBadEntry => ("部分已保存的方案已损坏，已跳过；其余方案已载入。", "Some saved scenarios are damaged and were skipped; the others are loaded."),
        T::ProblemUnavailable => ("浏览器存储不可用（可能已被禁用），无法保存方案。", "The browser's storage is unavailable (perhaps disabled): scenarios cannot be saved."),
        T::ProblemWriteFailed => ("保存失败：浏览器存储已满或被禁用。已保存的方案未改变。", "Could not save: the browser's storage is full or disabled. The saved scenarios are unchanged."),
        T::RefusedEmptyName => ("请先输入方案名称。", "Please enter a name first."),
        T::RefusedNameTooLong => ("方案名称过长", "The name is too long"),
        T::RefusedFull => ("已保存的方案已达上限", "The list of saved scenarios is full"),
        T::SavedOk => ("已保存。", "Saved."),
        T::DeletedOk => ("已删除。", "Deleted."),
    };
    lang.pick(zh, en)
}

/// The words of a storage problem's notice.
pub fn problem_text(lang: Lang, problem: StorageProblem) -> &'static str {
    compare_text(
        lang,
        match problem {
            StorageProblem::Corrupt => CompareText::ProblemCorrupt,
            StorageProblem::NewerVersion => CompareText::ProblemNewerVersion,
            StorageProblem::UnknownFields => CompareText::ProblemUnknownFields,
            StorageProblem::BadEntry => CompareText::ProblemBadEntry,
            StorageProblem::Unavailable => CompareText::ProblemUnavailable,
            StorageProblem::WriteFailed => CompareText::ProblemWriteFailed,
        },
    )
}

/// Why saving was refused, with the limit where there is one.
pub fn refusal_text(lang: Lang, refusal: SaveRefusal) -> String {
    let base = compare_text(
        lang,
        match refusal {
            SaveRefusal::EmptyName => CompareText::RefusedEmptyName,
            SaveRefusal::NameTooLong => CompareText::RefusedNameTooLong,
            SaveRefusal::Full => CompareText::RefusedFull,
        },
    );
    match (refusal, lang) {
        (SaveRefusal::EmptyName, _) => base.to_owned(),
        (SaveRefusal::NameTooLong, Lang::Zh) => format!("{base}（最多 {MAX_NAME_CHARS} 个字符）。"),
        (SaveRefusal::NameTooLong, Lang::En) => {
            format!("{base} (at most {MAX_NAME_CHARS} characters).")
        }
        (SaveRefusal::Full, Lang::Zh) => format!("{base}（{MAX_ENTRIES} 个），请先删除一些。"),
        (SaveRefusal::Full, Lang::En) => format!("{base} ({MAX_ENTRIES}): delete some first."),
    }
}

/// The note on a scenario saved under another policy set.
pub fn other_policy_note(lang: Lang, saved_under: &str, current: &str) -> String {
    let saved_under = if saved_under.is_empty() {
        "?"
    } else {
        saved_under
    };
    match lang {
        Lang::Zh => format!(
            "此方案按政策参数版本 {saved_under} 保存；未填写的参数现按 {current} 的默认值计算。"
        ),
        Lang::En => format!(
            "Saved under policy set {saved_under}; inputs left at their defaults now follow {current}."
        ),
    }
}

/// The accessible name of a scenario's checkbox or button: "比较：方案 A".
pub fn about(lang: Lang, action: CompareText, name: &str) -> String {
    format!("{}{}{name}", compare_text(lang, action), colon(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_texts_read_in_each_language() {
        assert!(other_policy_note(Lang::Zh, "yz-2025.1", "yz-2026.1").contains("yz-2025.1"));
        assert!(other_policy_note(Lang::En, "", "yz-2026.1").contains("policy set ?"));
        assert_eq!(
            refusal_text(Lang::En, SaveRefusal::Full),
            "The list of saved scenarios is full (50): delete some first."
        );
        assert_eq!(
            refusal_text(Lang::Zh, SaveRefusal::EmptyName),
            "请先输入方案名称。"
        );
        assert_eq!(about(Lang::Zh, CompareText::Open, "A"), "打开：A");
        for problem in [
            StorageProblem::Corrupt,
            StorageProblem::NewerVersion,
            StorageProblem::UnknownFields,
            StorageProblem::BadEntry,
            StorageProblem::Unavailable,
            StorageProblem::WriteFailed,
        ] {
            assert_ne!(
                problem_text(Lang::Zh, problem),
                problem_text(Lang::En, problem)
            );
        }
    }
}
