//! Scenarios saved in the browser (PRODUCT.md J9): the JSON document kept in
//! `localStorage` under [`STORAGE_KEY`], read leniently and written plainly.
//!
//! Pure: text in, entries and problems out. The component that owns the
//! storage does the reading and writing.
//!
//! The document is
//! `{"version": 1, "scenarios": [{"name", "saved_at", "policy_set", "form": {"<input id>": "<typed text>"}}]}`.
//! Reading never panics and keeps every entry it can read: a corrupt entry,
//! a field of an unknown id or a document from a newer version costs only
//! what cannot be read, and says so with a [`StorageProblem`].

use engine::json::{self, Value};

use crate::form::{scalar_text, Entries, FormState};
use crate::inputs::Input;

/// The `localStorage` key of the saved scenarios.
pub const STORAGE_KEY: &str = "yz-calc.saved.v1";
/// Where a document that could not be read in full is copied before it is
/// first written over, so that nothing the user saved is lost for good.
pub const BACKUP_KEY: &str = "yz-calc.saved.v1.backup";
/// The version of the document this app writes.
pub const FORMAT_VERSION: u64 = 1;
/// The longest name, in characters (`chars().count()`).
pub const MAX_NAME_CHARS: usize = 80;
/// The most scenarios kept.
pub const MAX_ENTRIES: usize = 50;

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The name the user gave it (1 to [`MAX_NAME_CHARS`] characters).
    pub name: String,
    /// When it was saved, as text given by the caller (ISO 8601).
    pub saved_at: String,
    /// The policy-set id of the defaults in force when it was saved.
    pub policy_set: String,
    /// The form as typed.
    pub form: FormState,
}

/// Something in the stored document that could not be read in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageProblem {
    /// The document is not the JSON this app writes: nothing could be read.
    Corrupt,
    /// The document comes from a newer version of the app.
    NewerVersion,
    /// An entry had fields this version does not know; they were left out.
    UnknownFields,
    /// An entry could not be read at all and was skipped.
    BadEntry,
    /// The browser's storage cannot be used (disabled, private mode).
    Unavailable,
    /// Writing to the browser's storage failed (full, disabled).
    WriteFailed,
}

impl StorageProblem {
    /// The stable code of its notice (`data-code`).
    pub fn code(self) -> &'static str {
        match self {
            StorageProblem::Corrupt => "saved_corrupt",
            StorageProblem::NewerVersion => "saved_newer_version",
            StorageProblem::UnknownFields => "saved_unknown_fields",
            StorageProblem::BadEntry => "saved_bad_entry",
            StorageProblem::Unavailable => "saved_unavailable",
            StorageProblem::WriteFailed => "saved_write_failed",
        }
    }

    /// Whether the stored text holds something this version cannot write
    /// back, so that a copy is kept before it is written over.
    pub fn loses_data(self) -> bool {
        matches!(
            self,
            StorageProblem::Corrupt
                | StorageProblem::NewerVersion
                | StorageProblem::UnknownFields
                | StorageProblem::BadEntry
        )
    }
}

/// Adds `problem` once.
fn note(problems: &mut Vec<StorageProblem>, problem: StorageProblem) {
    if !problems.contains(&problem) {
        problems.push(problem);
    }
}

/// The first [`MAX_NAME_CHARS`] characters of `name`, without the spaces a
/// cut may leave at the end (a name is saved without them).
fn clip_name(name: &str) -> String {
    let clipped: String = name.chars().take(MAX_NAME_CHARS).collect();
    clipped.trim_end().to_owned()
}

/// Reads the stored document: every entry that can be read, and what could
/// not (each problem once, in the order met). Never panics.
///
/// - not JSON, or not an object with a `scenarios` list → no entries, `Corrupt`;
/// - a `version` newer than [`FORMAT_VERSION`] → the readable entries, `NewerVersion`;
///   a missing or meaningless `version` → the readable entries, `Corrupt`;
/// - an entry that is not an object, or has no name or no form → skipped, `BadEntry`;
/// - fields of unknown ids, or values that are not text → left out, `UnknownFields`.
pub fn parse_saved(text: &str) -> (Vec<Saved>, Vec<StorageProblem>) {
    let mut problems = Vec::new();
    // Sorted as a map reads it: of a key given twice, the last counts.
    let document = match json::parse(text) {
        Ok(document @ Value::Object(_)) => document.sorted(),
        _ => return (Vec::new(), vec![StorageProblem::Corrupt]),
    };
    let Some(Value::Array(entries)) = document.get("scenarios") else {
        return (Vec::new(), vec![StorageProblem::Corrupt]);
    };
    match document.get("version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(version) if version > FORMAT_VERSION => {
            note(&mut problems, StorageProblem::NewerVersion)
        }
        _ => note(&mut problems, StorageProblem::Corrupt),
    }
    let saved = entries
        .iter()
        .filter_map(|entry| {
            let read = read_entry(entry, &mut problems);
            if read.is_none() {
                note(&mut problems, StorageProblem::BadEntry);
            }
            read
        })
        .collect();
    (saved, problems)
}

/// One entry, or `None` when it cannot be read at all.
fn read_entry(entry: &Value, problems: &mut Vec<StorageProblem>) -> Option<Saved> {
    let name = entry.get("name")?.as_str()?.trim();
    if name.is_empty() {
        return None;
    }
    let form = read_form(entry.get("form")?.as_object()?, problems);
    let text_of = |key: &str| {
        entry
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Some(Saved {
        name: clip_name(name),
        saved_at: text_of("saved_at"),
        policy_set: text_of("policy_set"),
        form,
    })
}

/// The typed text per known input; numbers and switches written as JSON
/// values are read as their text.
fn read_form(fields: &[(String, Value)], problems: &mut Vec<StorageProblem>) -> FormState {
    let mut entries = Entries::default();
    for (id, value) in fields {
        // `Input::from_id` also accepts `ramp[2]`; a stored key must be the id itself.
        let input = Input::from_id(id).filter(|input| input.id() == id);
        match (input, scalar_text(value)) {
            (Some(input), Some(text)) => {
                entries.insert(input, text.to_owned());
            }
            _ => note(problems, StorageProblem::UnknownFields),
        }
    }
    FormState { entries }
}

/// The document for `saved`, in the current version: the keys of each
/// entry in a fixed order, the form's by input id.
pub fn serialize_saved(saved: &[Saved]) -> String {
    let entry = |entry: &Saved| {
        let form = entry
            .form
            .entries
            .iter()
            .map(|(input, text)| (input.id().to_owned(), Value::from(text.as_str())))
            .collect();
        Value::Object(vec![
            ("name".to_owned(), Value::from(entry.name.as_str())),
            ("saved_at".to_owned(), Value::from(entry.saved_at.as_str())),
            (
                "policy_set".to_owned(),
                Value::from(entry.policy_set.as_str()),
            ),
            ("form".to_owned(), Value::Object(form).sorted()),
        ])
    };
    let document = Value::Object(vec![
        (
            "version".to_owned(),
            Value::Number(FORMAT_VERSION.to_string()),
        ),
        (
            "scenarios".to_owned(),
            Value::Array(saved.iter().map(entry).collect()),
        ),
    ]);
    document.to_string()
}

/// Why a scenario cannot be saved under a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveRefusal {
    /// The name is empty (or only spaces).
    EmptyName,
    /// The name is longer than [`MAX_NAME_CHARS`] characters.
    NameTooLong,
    /// [`MAX_ENTRIES`] scenarios are saved already.
    Full,
}

impl SaveRefusal {
    /// The stable code of its notice (`data-code`).
    pub fn code(self) -> &'static str {
        match self {
            SaveRefusal::EmptyName => "saved_name_empty",
            SaveRefusal::NameTooLong => "saved_name_too_long",
            SaveRefusal::Full => "saved_full",
        }
    }
}

/// What saving under a name would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavePlan {
    /// Add a new entry at the end.
    Add,
    /// Replace the entry at this index (only once the user confirms).
    Replace(usize),
}

/// A typed name as it is saved: without surrounding spaces.
pub fn clean_name(typed: &str) -> &str {
    typed.trim()
}

/// What saving under `name` would do with `saved`, or why it cannot.
pub fn plan_save(saved: &[Saved], name: &str) -> Result<SavePlan, SaveRefusal> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(SaveRefusal::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(SaveRefusal::NameTooLong);
    }
    match saved.iter().position(|entry| entry.name == name) {
        Some(index) => Ok(SavePlan::Replace(index)),
        None if saved.len() >= MAX_ENTRIES => Err(SaveRefusal::Full),
        None => Ok(SavePlan::Add),
    }
}

/// `saved` with `entry` added, or put in place of the entry of the same
/// name (call it only after the user confirmed the replacement).
pub fn with_saved(saved: &[Saved], entry: Saved) -> Result<Vec<Saved>, SaveRefusal> {
    let mut next = saved.to_vec();
    match plan_save(saved, &entry.name)? {
        SavePlan::Add => next.push(entry),
        SavePlan::Replace(index) => {
            if let Some(slot) = next.get_mut(index) {
                *slot = entry;
            }
        }
    }
    Ok(next)
}

/// `saved` without the entry at `index` (unchanged if there is none).
pub fn without(saved: &[Saved], index: usize) -> Vec<Saved> {
    saved
        .iter()
        .enumerate()
        .filter(|(at, _)| *at != index)
        .map(|(_, entry)| entry.clone())
        .collect()
}

/// The picks (indices into the list) after the entry at `index` was
/// deleted: that pick dropped, later ones moved up.
pub fn picks_after_delete(picks: &[usize], index: usize) -> Vec<usize> {
    picks
        .iter()
        .filter(|pick| **pick != index)
        .map(|pick| if *pick > index { pick - 1 } else { *pick })
        .collect()
}

/// A `saved_at` text for people: `2026-01-15 09:30` from ISO 8601 (UTC),
/// any other text as it is.
pub fn shown_date(saved_at: &str) -> String {
    let looks_iso = saved_at.len() >= 16
        && saved_at.is_char_boundary(16)
        && saved_at.as_bytes().get(10) == Some(&b'T');
    if looks_iso {
        let (date, time) = (&saved_at[..10], &saved_at[11..16]);
        let zone = if saved_at.ends_with('Z') { " UTC" } else { "" };
        format!("{date} {time}{zone}")
    } else {
        saved_at.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(entries: &[(Input, &str)]) -> FormState {
        FormState::from_pairs(entries)
    }

    fn saved(name: &str, entries: &[(Input, &str)]) -> Saved {
        Saved {
            name: name.to_owned(),
            saved_at: "2026-01-15T09:30:00.000Z".to_owned(),
            policy_set: "yz-2026.1".to_owned(),
            form: form(entries),
        }
    }

    /// Reads `text` and compares the names kept and the problem codes.
    fn check(text: &str, names: &[&str], codes: &[&str]) {
        let (entries, problems) = parse_saved(text);
        let found: Vec<&str> = entries.iter().map(|entry| entry.name.as_str()).collect();
        assert_eq!(found, names, "names of {text}");
        let found: Vec<&str> = problems.iter().map(|problem| problem.code()).collect();
        assert_eq!(found, codes, "problems of {text}");
    }

    const OK: &str =
        r#"{"name":"ok","saved_at":"x","policy_set":"yz-2026.1","form":{"land_mu":"80"}}"#;

    #[test]
    fn saved_scenarios_read_back_unchanged() {
        let list = vec![
            saved("园区 A", &[(Input::LandMu, "80"), (Input::Ramp, "40, 70")]),
            saved(
                "B \"quoted\" \\ name",
                &[
                    (Input::OutputFull, "３万"),
                    (Input::EquipSubsidyRate, "8"),
                    (Input::Name, "<script>"),
                ],
            ),
            saved("empty form", &[]),
        ];
        let text = serialize_saved(&list);
        assert!(text.starts_with(r#"{"version":1,"scenarios":["#), "{text}");
        assert!(text.contains(r#""incentives.equip_subsidy.rate":"8""#));
        assert_eq!(parse_saved(&text), (list, Vec::new()));
        assert_eq!(parse_saved(&serialize_saved(&[])), (Vec::new(), Vec::new()));
    }

    #[test]
    fn the_document_reads_as_documented() {
        let (entries, problems) = parse_saved(&format!(r#"{{"version":1,"scenarios":[{OK}]}}"#));
        assert!(problems.is_empty());
        assert_eq!(entries[0].saved_at, "x");
        assert_eq!(entries[0].policy_set, "yz-2026.1");
        assert_eq!(entries[0].form, form(&[(Input::LandMu, "80")]));
    }

    #[test]
    fn a_corrupt_document_loads_nothing_and_says_so() {
        for text in [
            "",
            "{",
            "null",
            "[]",
            "42",
            r#""text""#,
            r#"{"version":1}"#,
            r#"{"version":1,"scenarios":{}}"#,
            r#"{"version":1,"scenarios":[]"#,
        ] {
            check(text, &[], &["saved_corrupt"]);
        }
    }

    #[test]
    fn each_corrupt_part_costs_only_itself() {
        // The case of PRODUCT.md's test: one good entry and a number.
        check(
            &format!(r#"{{"version":1,"scenarios":[{OK}, 42]}}"#),
            &["ok"],
            &["saved_bad_entry"],
        );
        check(
            &format!(
                r#"{{"version":1,"scenarios":[null,"x",[],{{}},{{"name":""}},{{"name":7,"form":{{}}}},{{"name":"no form"}},{{"name":"bad form","form":[]}},{OK}]}}"#
            ),
            &["ok"],
            &["saved_bad_entry"],
        );
        check(
            &format!(r#"{{"version":2,"scenarios":[{OK},{{"future":true}}],"more":1}}"#),
            &["ok"],
            &["saved_newer_version", "saved_bad_entry"],
        );
        check(
            &format!(r#"{{"scenarios":[{OK}]}}"#),
            &["ok"],
            &["saved_corrupt"],
        );
        check(
            &format!(r#"{{"version":"one","scenarios":[{OK}]}}"#),
            &["ok"],
            &["saved_corrupt"],
        );
    }

    #[test]
    fn unknown_fields_are_left_out_and_the_entry_kept() {
        let text = r#"{"version":1,"scenarios":[{"name":"n","form":{"land_mu":"80","nope":"1","ramp[2]":"9","wage":{"x":1},"output_full":50000,"stress":true}}]}"#;
        let (entries, problems) = parse_saved(text);
        assert_eq!(problems, vec![StorageProblem::UnknownFields]);
        assert_eq!(
            entries[0].form,
            form(&[
                (Input::LandMu, "80"),
                (Input::OutputFull, "50000"),
                (Input::Stress, "true")
            ])
        );
        assert_eq!(entries[0].saved_at, "", "a missing date reads as empty");
        assert_eq!(entries[0].policy_set, "");
    }

    #[test]
    fn long_names_are_clipped_when_read() {
        let long = "名".repeat(100);
        let text = format!(r#"{{"version":1,"scenarios":[{{"name":"{long}","form":{{}}}}]}}"#);
        let (entries, _) = parse_saved(&text);
        assert_eq!(entries[0].name.chars().count(), MAX_NAME_CHARS);
        // A cut that ends in a space: the name is kept as saving would keep
        // it, so writing the list back and reading it gives the same list
        // (found by `fuzz/`, target `saved_list`).
        let spaced = format!("{} 名名", "名".repeat(MAX_NAME_CHARS - 1));
        let text = format!(r#"{{"version":1,"scenarios":[{{"name":"{spaced}","form":{{}}}}]}}"#);
        let (entries, _) = parse_saved(&text);
        assert_eq!(entries[0].name, "名".repeat(MAX_NAME_CHARS - 1));
        assert_eq!(
            parse_saved(&serialize_saved(&entries)),
            (entries, Vec::new())
        );
    }

    #[test]
    fn saving_adds_replaces_or_refuses() {
        let list = vec![saved("a", &[]), saved("b", &[])];
        assert_eq!(plan_save(&list, " c "), Ok(SavePlan::Add));
        assert_eq!(plan_save(&list, "b"), Ok(SavePlan::Replace(1)));
        assert_eq!(plan_save(&list, "  "), Err(SaveRefusal::EmptyName));
        assert_eq!(plan_save(&list, &"名".repeat(80)), Ok(SavePlan::Add));
        assert_eq!(
            plan_save(&list, &"名".repeat(81)),
            Err(SaveRefusal::NameTooLong)
        );
        let replaced = with_saved(&list, saved("b", &[(Input::Wage, "9")])).unwrap();
        assert_eq!(replaced.len(), 2);
        assert_eq!(replaced[1].form, form(&[(Input::Wage, "9")]));
        assert_eq!(replaced[0], list[0], "only the entry of that name changes");
        let full: Vec<Saved> = (0..MAX_ENTRIES)
            .map(|index| saved(&index.to_string(), &[]))
            .collect();
        assert_eq!(plan_save(&full, "new"), Err(SaveRefusal::Full));
        assert_eq!(plan_save(&full, "7"), Ok(SavePlan::Replace(7)));
        assert_eq!(with_saved(&full, saved("new", &[])), Err(SaveRefusal::Full));
    }

    #[test]
    fn deleting_moves_the_later_picks_up() {
        let list = vec![saved("a", &[]), saved("b", &[]), saved("c", &[])];
        let names = |list: &[Saved]| {
            list.iter()
                .map(|entry| entry.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&without(&list, 1)), ["a", "c"]);
        assert_eq!(names(&without(&list, 9)), ["a", "b", "c"]);
        assert_eq!(picks_after_delete(&[2, 0, 1], 1), vec![1, 0]);
        assert_eq!(picks_after_delete(&[0], 2), vec![0]);
    }

    #[test]
    fn dates_read_for_people() {
        assert_eq!(
            shown_date("2026-01-15T09:30:12.345Z"),
            "2026-01-15 09:30 UTC"
        );
        assert_eq!(shown_date("yesterday"), "yesterday");
        assert_eq!(shown_date("2026-01-15T0名"), "2026-01-15T0名");
        assert_eq!(shown_date(""), "");
    }

    /// A small deterministic generator (xorshift64*), so the mutation loop
    /// needs no extra crate and always tries the same documents.
    struct Noise(u64);

    impl Noise {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, bound: usize) -> usize {
            usize::try_from(self.next() % bound.max(1) as u64).unwrap_or(0)
        }
    }

    #[test]
    fn no_mutated_document_panics() {
        let list = vec![
            saved("园区 A", &[(Input::LandMu, "80"), (Input::Ramp, "40, 70")]),
            saved(
                "B",
                &[(Input::OutputFull, "60000"), (Input::Stress, "true")],
            ),
        ];
        let original: Vec<char> = serialize_saved(&list).chars().collect();
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "null",
            "42",
            "-1e999",
            "\\u0000",
            "\\",
            "名",
            "\"version\"",
            "\"scenarios\"",
            "\"name\"",
            "\"form\"",
            "true",
            " ",
        ];
        let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
        let mut kept = 0usize;
        for _ in 0..5000 {
            let mut text = original.clone();
            for _ in 0..=noise.below(4) {
                let at = noise.below(text.len() + 1).min(text.len());
                match noise.below(4) {
                    0 if at < text.len() => {
                        text.remove(at);
                    }
                    1 => {
                        let piece = pieces[noise.below(pieces.len())];
                        for (offset, character) in piece.chars().enumerate() {
                            text.insert(at + offset, character);
                        }
                    }
                    2 => text.truncate(at),
                    _ if at < text.len() => {
                        let swap = noise.below(text.len());
                        text.swap(at, swap);
                    }
                    _ => {}
                }
            }
            let text: String = text.into_iter().collect();
            let (entries, problems) = parse_saved(&text);
            assert!(
                entries
                    .iter()
                    .all(|entry| !entry.name.is_empty()
                        && entry.name.chars().count() <= MAX_NAME_CHARS),
                "{text}"
            );
            if problems.is_empty() {
                // What reads without a problem writes back the same.
                assert_eq!(parse_saved(&serialize_saved(&entries)).0, entries);
            }
            kept += entries.len();
        }
        assert!(kept > 0, "some mutations leave entries readable");
    }
}
