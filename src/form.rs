//! The form as typed (`FormState`) and its conversion into the engine's raw
//! scenario, with a message for every field that cannot be read.
//!
//! Only the fields a person typed are kept; every other field shows the
//! default that applies now (policy set → cluster preset → site mode), so a
//! preset never overwrites what was entered (MODEL.md rule 50).

// Products go through `arith::mul`, whose code the wasm holds once;
// `Decimal::checked_mul` is inlined wherever it is called.
use engine::arith;
use engine::json::Value;
use engine::policy::{self, Tag};
use engine::{FieldError, RawScenario};
use rust_decimal::Decimal;

use crate::format::plain;
use crate::inputs::{Input, Kind, Opt};
use crate::numbers::{parse_quantity, split_items, NumberError};

/// What the person typed, per input, in the units the form shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormState {
    /// Typed text by input; an input absent here shows its default.
    pub entries: Entries,
}

/// Typed text by input, in form order ([`Input::ALL`]): a list kept sorted,
/// with a map's methods. A form has at most a hundred fields, so a sorted
/// list is all the map it needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries(Vec<(Input, String)>);

impl Entries {
    /// Where `input` is, or where it would go.
    fn find(&self, input: Input) -> Result<usize, usize> {
        self.0.binary_search_by(|(other, _)| other.cmp(&input))
    }

    /// The text typed into `input`.
    pub fn get(&self, input: &Input) -> Option<&String> {
        let at = self.find(*input).ok()?;
        self.0.get(at).map(|(_, text)| text)
    }

    /// Whether `input` was typed into.
    pub fn contains_key(&self, input: &Input) -> bool {
        self.find(*input).is_ok()
    }

    /// Sets the text of `input`; the text it replaces.
    pub fn insert(&mut self, input: Input, text: String) -> Option<String> {
        match self.find(input) {
            Ok(at) => self
                .0
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, text)),
            Err(at) => {
                self.0.insert(at, (input, text));
                None
            }
        }
    }

    /// Forgets the text of `input`; the text it had.
    pub fn remove(&mut self, input: &Input) -> Option<String> {
        let at = self.find(*input).ok()?;
        Some(self.0.remove(at).1)
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The inputs typed into, in form order.
    pub fn keys(&self) -> impl Iterator<Item = &Input> {
        self.0.iter().map(|(input, _)| input)
    }

    /// The inputs and their text, in form order.
    pub fn iter(&self) -> impl Iterator<Item = (&Input, &String)> {
        self.into_iter()
    }
}

impl FromIterator<(Input, String)> for Entries {
    /// Of an input given twice, the last text counts.
    fn from_iter<I: IntoIterator<Item = (Input, String)>>(pairs: I) -> Entries {
        let mut entries = Entries::default();
        for (input, text) in pairs {
            entries.insert(input, text);
        }
        entries
    }
}

impl<'a> IntoIterator for &'a Entries {
    type Item = (&'a Input, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Input, String)>,
        fn(&'a (Input, String)) -> (&'a Input, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(input, text)| (input, text))
    }
}

/// A message beside one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    /// The field.
    pub input: Input,
    /// What is wrong: `empty`, `not_a_number`, `too_large`, or the engine's
    /// code (`out_of_range`, `not_an_integer`, …).
    pub code: &'static str,
    /// The allowed range in the form's units, when known.
    pub allowed: Option<String>,
    /// The engine's own wording (for codes the shell has no words for).
    pub engine_zh: String,
    /// The engine's own wording in English.
    pub engine_en: String,
}

impl FieldMessage {
    fn shell(input: Input, error: NumberError) -> FieldMessage {
        let code = match error {
            NumberError::Empty => "empty",
            NumberError::NotANumber => "not_a_number",
            NumberError::TooLarge => "too_large",
        };
        FieldMessage {
            input,
            code,
            allowed: None,
            engine_zh: String::new(),
            engine_en: String::new(),
        }
    }

    /// A validation error of the engine, placed on its field.
    pub fn from_engine(error: &FieldError) -> Option<FieldMessage> {
        let input = Input::from_id(&error.field)?;
        Some(FieldMessage {
            input,
            code: error.code,
            allowed: display_allowed(input, &error.allowed),
            engine_zh: error.message_zh.clone(),
            engine_en: error.message_en.clone(),
        })
    }
}

impl FormState {
    /// A form with these fields typed (text in the form's units).
    pub fn from_pairs(pairs: &[(Input, &str)]) -> FormState {
        FormState {
            entries: pairs
                .iter()
                .map(|(input, text)| (*input, (*text).to_owned()))
                .collect(),
        }
    }

    /// The text of a choice or switch as it applies now (typed or default).
    fn current(&self, input: Input) -> String {
        self.entries
            .get(&input)
            .cloned()
            .or_else(|| default_value(self, input).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The cluster in force.
    pub fn cluster(&self) -> String {
        self.current(Input::Cluster)
    }

    /// The site mode in force (`buy_land` or `rent`).
    pub fn site_mode(&self) -> String {
        self.current(Input::SiteMode)
    }

    /// Whether a switch is on now.
    pub fn is_on(&self, input: Input) -> bool {
        self.current(input) == "true"
    }

    /// What the field shows: the typed text, or the default in form units.
    pub fn shown(&self, input: Input) -> String {
        match self.entries.get(&input) {
            Some(text) => text.clone(),
            None => default_value(self, input)
                .map(|value| to_display(input, value))
                .unwrap_or_default(),
        }
    }
}

/// The default of an input in engine units, as it applies to this form:
/// the cluster preset's value if the preset sets it (rule 50), else the
/// policy set's, choosing the variant for the site mode, CIT regime or
/// deposit kind in force.
pub fn default_value(form: &FormState, input: Input) -> Option<&'static str> {
    let cluster = form
        .entries
        .get(&Input::Cluster)
        .map(String::as_str)
        .unwrap_or_else(|| policy::default_text("cluster").unwrap_or("other"));
    if let Some(value) = preset_value(cluster, input) {
        return Some(value);
    }
    let id = input.id();
    if let Some(value) = policy::default_text(id) {
        return Some(value);
    }
    let variant = match input {
        Input::BuildMonths | Input::DepositKind => form.site_mode(),
        Input::LossYears => form.current(Input::CitRegime),
        Input::DepositAmount => form.current(Input::DepositKind),
        _ => return None,
    };
    policy::default_text(&format!("{id}@{variant}"))
}

/// The value a cluster preset gives an input, if it sets it.
fn preset_value(cluster: &str, input: Input) -> Option<&'static str> {
    let preset = policy::preset_of(cluster)?;
    let area = if preset.site_mode == "buy_land" {
        Input::LandMu
    } else {
        Input::RentArea
    };
    match input {
        Input::SiteMode => Some(preset.site_mode),
        Input::Equipment => preset.equipment,
        Input::OutputFull => preset.output_full,
        Input::MaterialsRatio => preset.materials_ratio,
        Input::Headcount => preset.headcount,
        Input::Wage => preset.wage,
        Input::RdRatio => preset.rd_ratio,
        _ if input == area => preset.area,
        _ => None,
    }
}

/// The source tag of the default in force: [G] for a preset's values
/// (MODEL.md §6), else the policy set's tag.
pub fn default_tag(form: &FormState, input: Input) -> Option<Tag> {
    let cluster = form.cluster();
    if preset_value(&cluster, input).is_some() && input != Input::SiteMode {
        return Some(Tag::G);
    }
    let id = input.id();
    policy::DEFAULTS
        .iter()
        .find(|entry| entry.id == id || entry.id.split('@').next() == Some(id))
        .and_then(|entry| entry.tag)
}

/// A fraction as the percentage a person types (`0.125` → `12.5`); `None`
/// when the percentage is too large for a `Decimal`.
pub fn percent_text(fraction: Decimal) -> Option<String> {
    arith::mul(fraction, Decimal::ONE_HUNDRED).ok().map(plain)
}

/// An engine value (fractions, comma lists) in the form's units (percent).
pub fn to_display(input: Input, value: &str) -> String {
    let percent = |text: &str| {
        crate::numbers::plain(text.trim())
            .ok()
            .and_then(percent_text)
            .unwrap_or_else(|| text.to_owned())
    };
    match input.kind() {
        Kind::Percent => percent(value),
        Kind::PercentList => value
            .split(',')
            .filter(|item| !item.is_empty())
            .map(percent)
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_owned(),
    }
}

/// An allowed range of the engine (`0–0.5`, `integer 3–30`) in form units.
fn display_allowed(input: Input, allowed: &str) -> Option<String> {
    let range = allowed.strip_prefix("integer ").unwrap_or(allowed);
    let (low, high) = range.split_once('–')?;
    let convert = |text: &str| -> Option<String> {
        let value = crate::numbers::plain(text.trim()).ok()?;
        Some(match input.kind() {
            Kind::Percent | Kind::PercentList => format!("{} %", percent_text(value)?),
            _ => plain(value),
        })
    };
    Some(format!("{}–{}", convert(low)?, convert(high)?))
}

/// Reads one typed number in the input's units and returns it in engine
/// units (percent → fraction; 万/亿 relative to the field's unit).
fn read_number(input: Input, text: &str) -> Result<Decimal, NumberError> {
    let is_wan = matches!(input.kind(), Kind::Number(unit) | Kind::Integer(unit) if unit.is_wan());
    let value = parse_quantity(text, is_wan)?;
    match input.kind() {
        Kind::Percent | Kind::PercentList => value
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or(NumberError::TooLarge),
        _ => Ok(value),
    }
}

/// The JSON value of one field (in engine units), or why it cannot be read.
pub fn field_value(input: Input, text: &str) -> Result<Value, NumberError> {
    let number = |text: &str| read_number(input, text).map(|value| Value::String(plain(value)));
    match input.kind() {
        Kind::Text | Kind::Choice(_) => Ok(Value::String(text.to_owned())),
        Kind::Bool => Ok(Value::Bool(text == "true")),
        Kind::Number(_) | Kind::Integer(_) | Kind::Percent => number(text),
        Kind::PercentList => split_items(text)
            .into_iter()
            .map(number)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
    }
}

/// The text of a JSON scalar as a field or a link holds it: strings and
/// numbers as written, booleans as `true` / `false`; `None` for the rest.
pub fn scalar_text(value: &Value) -> Option<&str> {
    match value {
        Value::String(text) | Value::Number(text) => Some(text),
        Value::Bool(true) => Some("true"),
        Value::Bool(false) => Some("false"),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// Puts `value` at a dotted path (`incentives.equip_subsidy.rate`) of an
/// object's members, adding the nested objects on the way.
fn insert_path(members: &mut Vec<(String, Value)>, path: &str, value: Value) {
    let Some((head, rest)) = path.split_once('.') else {
        members.push((path.to_owned(), value));
        return;
    };
    let at = members
        .iter()
        .position(|(key, _)| key == head)
        .unwrap_or_else(|| {
            members.push((head.to_owned(), Value::Object(Vec::new())));
            members.len() - 1
        });
    if let Some((_, Value::Object(child))) = members.get_mut(at) {
        insert_path(child, rest, value);
    }
}

/// The members of the scenario JSON object of SCENARIO.md for the typed
/// fields, in form order.
pub fn to_json(form: &FormState) -> Result<Vec<(String, Value)>, Vec<FieldMessage>> {
    let mut members = Vec::new();
    let mut messages = Vec::new();
    for (input, text) in &form.entries {
        match field_value(*input, text) {
            Ok(value) => insert_path(&mut members, input.id(), value),
            Err(error) => messages.push(FieldMessage::shell(*input, error)),
        }
    }
    if messages.is_empty() {
        Ok(members)
    } else {
        Err(messages)
    }
}

/// The typed fields as the engine's raw scenario, or a message per field.
pub fn to_scenario(form: &FormState) -> Result<RawScenario, Vec<FieldMessage>> {
    let members = to_json(form)?;
    RawScenario::from_value(Value::Object(members)).map_err(|errors| engine_messages(&errors))
}

/// Engine errors as field messages (errors without a field are dropped:
/// the form only ever builds well-formed JSON).
pub fn engine_messages(errors: &[FieldError]) -> Vec<FieldMessage> {
    errors
        .iter()
        .filter_map(FieldMessage::from_engine)
        .collect()
}

/// The choices of a choice input.
pub fn options(input: Input) -> &'static [Opt] {
    match input.kind() {
        Kind::Choice(options) => options,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(entries: &[(Input, &str)]) -> FormState {
        FormState::from_pairs(entries)
    }

    fn json_of(entries: &[(Input, &str)]) -> String {
        Value::Object(to_json(&form(entries)).unwrap()).to_string()
    }

    #[test]
    fn entries_keep_form_order_like_a_map() {
        let mut entries: Entries = [
            (Input::Stress, "true".to_owned()),
            (Input::Name, "a".to_owned()),
            (Input::Stress, "false".to_owned()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            entries.get(&Input::Stress).map(String::as_str),
            Some("false")
        );
        assert_eq!(entries.insert(Input::Wage, "9".to_owned()), None);
        assert_eq!(
            entries.insert(Input::Name, "b".to_owned()),
            Some("a".to_owned())
        );
        let keys: Vec<Input> = entries.keys().copied().collect();
        assert_eq!(keys, [Input::Name, Input::Wage, Input::Stress]);
        assert_eq!(entries.remove(&Input::Wage), Some("9".to_owned()));
        assert_eq!(entries.remove(&Input::Wage), None);
        assert!(!entries.contains_key(&Input::Wage) && entries.contains_key(&Input::Name));
        let pairs: Vec<(Input, &str)> = entries
            .iter()
            .map(|(input, text)| (*input, text.as_str()))
            .collect();
        assert_eq!(pairs, [(Input::Name, "b"), (Input::Stress, "false")]);
        assert!(Entries::default().is_empty() && !entries.is_empty());
    }

    #[test]
    fn typed_units_become_engine_units() {
        assert_eq!(
            json_of(&[(Input::DiscountRate, "8")]),
            r#"{"discount_rate":"0.08"}"#
        );
        assert_eq!(
            json_of(&[(Input::Equipment, "3万")]),
            r#"{"equipment":"3"}"#
        );
        assert_eq!(
            json_of(&[(Input::Equipment, "3亿")]),
            r#"{"equipment":"30000"}"#
        );
        assert_eq!(
            json_of(&[(Input::RentArea, "3万")]),
            r#"{"rent_area":"30000"}"#
        );
        assert_eq!(
            json_of(&[(Input::RentArea, "１２，０００")]),
            r#"{"rent_area":"12000"}"#
        );
        assert_eq!(
            json_of(&[(Input::Ramp, "40, 70")]),
            r#"{"ramp":["0.4","0.7"]}"#
        );
        assert_eq!(
            json_of(&[
                (Input::EquipSubsidyRate, "8"),
                (Input::EquipSubsidyOn, "false")
            ]),
            r#"{"incentives":{"equip_subsidy":{"on":false,"rate":"0.08"}}}"#
        );
    }

    #[test]
    fn unreadable_text_is_a_message_on_its_field() {
        let messages = to_json(&form(&[(Input::LandMu, "abc"), (Input::Wage, "")])).unwrap_err();
        let found: Vec<_> = messages
            .iter()
            .map(|message| (message.input, message.code))
            .collect();
        assert_eq!(
            found,
            vec![(Input::LandMu, "not_a_number"), (Input::Wage, "empty")]
        );
    }

    #[test]
    fn engine_range_errors_come_back_in_form_units() {
        let raw = to_scenario(&form(&[
            (Input::DiscountRate, "60"),
            (Input::Horizon, "50"),
        ]))
        .unwrap();
        let errors = engine::validate(&raw).unwrap_err();
        let messages = engine_messages(&errors);
        let rate = messages
            .iter()
            .find(|message| message.input == Input::DiscountRate)
            .unwrap();
        assert_eq!(rate.code, "out_of_range");
        assert_eq!(rate.allowed.as_deref(), Some("0 %–50 %"));
        let horizon = messages
            .iter()
            .find(|message| message.input == Input::Horizon)
            .unwrap();
        assert_eq!(horizon.allowed.as_deref(), Some("3–30"));
    }

    #[test]
    fn defaults_follow_the_preset_and_the_site_mode() {
        let plain = FormState::default();
        assert_eq!(plain.shown(Input::DiscountRate), "12");
        assert_eq!(plain.shown(Input::Ramp), "40, 70");
        assert_eq!(plain.site_mode(), "rent");
        assert_eq!(plain.shown(Input::BuildMonths), "3");
        assert_eq!(plain.shown(Input::DepositAmount), "30");
        let equipment = form(&[(Input::Cluster, "intelligent_equipment")]);
        assert_eq!(equipment.site_mode(), "buy_land");
        assert_eq!(equipment.shown(Input::LandMu), "50");
        assert_eq!(equipment.shown(Input::Equipment), "8000");
        assert_eq!(equipment.shown(Input::BuildMonths), "12");
        assert_eq!(equipment.shown(Input::DepositKind), "per_mu");
        assert_eq!(equipment.shown(Input::DepositAmount), "5");
        assert_eq!(default_tag(&equipment, Input::Equipment), Some(Tag::G));
        let typed = form(&[(Input::Cluster, "new_energy"), (Input::Equipment, "123")]);
        assert_eq!(
            typed.shown(Input::Equipment),
            "123",
            "a preset keeps what was typed"
        );
    }

    #[test]
    fn every_field_default_reads_back_as_a_valid_scenario() {
        // Typing each field's shown default changes nothing: the engine
        // accepts it and evaluates to the same results as the empty form.
        let empty = engine::evaluate_raw(&RawScenario::default()).unwrap();
        let defaults = FormState::default();
        let every = FormState {
            entries: Input::ALL
                .iter()
                .map(|input| (*input, defaults.shown(*input)))
                .collect(),
        };
        let raw = to_scenario(&every).unwrap();
        let results = engine::evaluate_raw(&raw).unwrap();
        assert_eq!(
            results.statements.project_after_tax.npv,
            empty.statements.project_after_tax.npv
        );
    }
}
