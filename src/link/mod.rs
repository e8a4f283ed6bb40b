//! Links: the scenario in the URL fragment, a public contract (PRODUCT.md
//! "Links"; `docs/links.md` is the reference).
//!
//! Three forms decode forever:
//! - compact, made by the app: `v1.yz-2026.1~<payload>.<checksum>`
//!   (`compact.rs`): versioned, with the policy-set id and a checksum;
//! - readable, written by hand or by the CRM:
//!   `i=site_mode=buy_land&land_mu=80&ramp=0.4,0.7` (`readable.rs`);
//! - JSON: `json=<percent-encoded scenario JSON of SCENARIO.md>`.
//!
//! Any of them may carry the switches `lang=en|zh` and `embed=1` (and the
//! readable forms `p=<policy-set id>`). Whatever a chat app appends is cut
//! off and noted. This module is pure: text in, [`Decoded`] out, so it is
//! tested natively; the components put it into the address bar.
//!
//! The link format belongs to the shell: it carries the form as typed
//! ([`FormState`]), not the engine's types.

#![deny(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod compact;
mod readable;
mod text;

use std::borrow::Cow;
use std::fmt;

use engine::policy::POLICY_SET_ID;
use engine::RawScenario;

use crate::form::FormState;
use crate::i18n::Lang;
use crate::inputs::InputSet;

pub use compact::{INPUT_CODES, NIBBLES, WORDS};

/// Longest text `decode` looks at; a longer paste is not a link.
pub const MAX_LINK_BYTES: usize = 100_000;

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkState {
    /// The fields as typed.
    pub form: FormState,
    /// The display language.
    pub lang: Lang,
    /// The policy set the scenario was made under (MODEL.md §8).
    pub policy_set: String,
    /// Whether the page shows in embed mode.
    pub embed: bool,
}

impl Default for LinkState {
    /// The empty form, in Chinese, under the current policy set.
    fn default() -> LinkState {
        LinkState {
            form: FormState::default(),
            lang: Lang::default(),
            policy_set: POLICY_SET_ID.to_owned(),
            embed: false,
        }
    }
}

/// Something the person should know about a link they opened. Each has a
/// stable code for `data-code` (PRODUCT.md "Hooks").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkNotice {
    /// The link was cut short; the fields that arrived whole are applied.
    Truncated,
    /// The checksum does not match: the link was altered; nothing applied.
    Tampered,
    /// Made by a later version of the app; nothing applied.
    NewerVersion,
    /// Not a link this app can read; nothing applied.
    Unreadable,
    /// Keys (readable or JSON) or input codes (`#97`, compact) this version
    /// does not know; the rest is applied.
    UnknownKeys(Vec<String>),
    /// Inputs whose value could not be read; the rest is applied.
    BadValues(Vec<String>),
    /// Made under another policy set (its id); applied, and the app should
    /// show both results (MODEL.md §8).
    OtherPolicySet(String),
    /// Text a chat app or an encoder added was ignored.
    JunkIgnored,
}

impl LinkNotice {
    /// The stable code, for `data-code` and for tests.
    pub fn code(&self) -> &'static str {
        match self {
            LinkNotice::Truncated => "link_truncated",
            LinkNotice::Tampered => "link_tampered",
            LinkNotice::NewerVersion => "link_newer_version",
            LinkNotice::Unreadable => "link_unreadable",
            LinkNotice::UnknownKeys(_) => "link_unknown_keys",
            LinkNotice::BadValues(_) => "link_bad_values",
            LinkNotice::OtherPolicySet(_) => "link_other_policy_set",
            LinkNotice::JunkIgnored => "link_junk_ignored",
        }
    }

    /// Whether the scenario applied is not the whole of what the link's
    /// author meant (or nothing was applied): the app should not let it
    /// replace anything the user saved without asking.
    pub fn is_loss(&self) -> bool {
        !matches!(
            self,
            LinkNotice::OtherPolicySet(_) | LinkNotice::JunkIgnored
        )
    }
}

impl fmt::Display for LinkNotice {
    /// The code, then the keys or the policy-set id it names:
    /// `link_unknown_keys: foo, #97`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())?;
        match self {
            LinkNotice::UnknownKeys(keys) | LinkNotice::BadValues(keys) => {
                write!(formatter, ": {}", keys.join(", "))
            }
            LinkNotice::OtherPolicySet(id) => write!(formatter, ": {id}"),
            _ => Ok(()),
        }
    }
}

/// What a link gave: the best scenario that could be recovered, and what
/// to tell the person about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The scenario to open; `None` when the link held none that is safe
    /// to apply (or there was no link).
    pub state: Option<LinkState>,
    /// In a fixed order (that of [`LinkNotice`]), each kind at most once.
    pub notices: Vec<LinkNotice>,
}

impl Decoded {
    /// Whether the link gave its whole scenario: a state, and no notice
    /// that something was lost ([`LinkNotice::is_loss`]).
    pub fn is_whole(&self) -> bool {
        self.state.is_some() && !self.notices.iter().any(LinkNotice::is_loss)
    }
}

/// What the decoders found wrong, merged into notices at the end.
#[derive(Debug, Default)]
struct Notes {
    truncated: bool,
    tampered: bool,
    newer: bool,
    unreadable: bool,
    unknown: Vec<String>,
    bad: Vec<String>,
    junk: bool,
}

/// Adds `key` to `keys` once.
fn push_once(keys: &mut Vec<String>, key: &str) {
    if !keys.iter().any(|known| known == key) {
        keys.push(key.to_owned());
    }
}

impl Notes {
    fn unknown_key(&mut self, key: &str) {
        push_once(&mut self.unknown, key);
    }

    fn bad_value(&mut self, key: &str) {
        push_once(&mut self.bad, key);
    }

    fn into_notices(self, other_policy: Option<String>) -> Vec<LinkNotice> {
        let mut notices = Vec::new();
        if self.truncated {
            notices.push(LinkNotice::Truncated);
        }
        if self.tampered {
            notices.push(LinkNotice::Tampered);
        }
        if self.newer {
            notices.push(LinkNotice::NewerVersion);
        }
        if self.unreadable {
            notices.push(LinkNotice::Unreadable);
        }
        if !self.unknown.is_empty() {
            notices.push(LinkNotice::UnknownKeys(self.unknown));
        }
        if !self.bad.is_empty() {
            notices.push(LinkNotice::BadValues(self.bad));
        }
        notices.extend(other_policy.map(LinkNotice::OtherPolicySet));
        if self.junk {
            notices.push(LinkNotice::JunkIgnored);
        }
        notices
    }
}

/// Keys that chat apps and trackers append (`from=singlemessage`,
/// `isappinstalled=0`, `utm_source=…`): ignored as junk, not reported as
/// unknown keys.
fn is_chat_junk(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "from",
        "isappinstalled",
        "scene",
        "subscene",
        "clicktime",
        "enterid",
        "sessionid",
        "ascene",
        "devicetype",
        "version",
        "nettype",
        "pass_ticket",
        "wx_header",
        "share_token",
        "spm",
        "fbclid",
        "gclid",
    ];
    KEYS.contains(&key) || key.starts_with("utm_")
}

/// Appends `&lang=en` and `&embed=1` when they differ from the defaults.
fn push_switches(link: &mut String, lang: Lang, embed: bool) {
    if lang == Lang::En {
        link.push_str("&lang=en");
    }
    if embed {
        link.push_str("&embed=1");
    }
}

/// The compact link of a state: the fragment without `#`,
/// `v1.<policy-set id>~<payload>.<checksum>`, then `&lang=en` and
/// `&embed=1` when set. Inputs in `confidential` (the project name among
/// them when `Input::Name` is) are left out.
pub fn encode(state: &LinkState, confidential: &InputSet) -> String {
    let mut link = compact::encode(&state.form, &state.policy_set, confidential);
    push_switches(&mut link, state.lang, state.embed);
    link
}

/// The readable link of a state (`i=…&p=…`), values in engine units: for
/// documents and for other systems that build links.
pub fn readable(state: &LinkState) -> String {
    readable::encode(state)
}

/// The parts of a fragment, sorted by what they are.
#[derive(Default)]
struct Parts<'a> {
    compact: Option<&'a str>,
    json: Option<&'a str>,
    /// `i=` was seen.
    readable: bool,
    /// Every other `key=value`, still encoded.
    pairs: Vec<(&'a str, &'a str)>,
    lang: Option<Lang>,
    embed: Option<bool>,
    policy: Option<String>,
    junk: bool,
}

impl<'a> Parts<'a> {
    fn of(fragment: &'a str) -> Parts<'a> {
        let mut parts = Parts::default();
        // The separators are ASCII, so splitting bytes keeps char boundaries.
        let separators = |byte: &u8| matches!(byte, b'&' | b'#' | b'?');
        let pieces = fragment
            .as_bytes()
            .split(separators)
            .filter_map(|piece| std::str::from_utf8(piece).ok());
        for part in pieces.map(str::trim) {
            if part.is_empty() {
                continue;
            }
            let is_compact = part
                .strip_prefix('v')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            if is_compact {
                if parts.compact.is_none() {
                    parts.compact = Some(part);
                } else {
                    parts.junk = true;
                }
                continue;
            }
            let Some((key, value)) = part.split_once('=') else {
                parts.junk = true;
                continue;
            };
            match key {
                "i" => {
                    parts.readable = true;
                    match value.split_once('=') {
                        Some(pair) => parts.pairs.push(pair),
                        None => parts.junk |= !value.is_empty(),
                    }
                }
                "json" if parts.json.is_none() => parts.json = Some(value),
                "lang" => match readable::lang_of(value) {
                    Some(lang) => parts.lang = Some(lang),
                    None => parts.junk = true,
                },
                "embed" => match value.trim() {
                    "1" | "true" | "yes" => parts.embed = Some(true),
                    "0" | "false" | "no" => parts.embed = Some(false),
                    _ => parts.junk = true,
                },
                "p" => {
                    let policy = text::percent_decode(value).unwrap_or(Cow::Borrowed(value));
                    let policy = policy.trim();
                    if !policy.is_empty() && policy.chars().all(compact::is_policy_char) {
                        parts.policy = Some(policy.to_owned());
                    } else {
                        parts.junk = true;
                    }
                }
                _ => parts.pairs.push((key, value)),
            }
        }
        parts
    }

    /// Whether the fragment holds anything a link form or switch means.
    fn recognised(&self) -> bool {
        self.compact.is_some()
            || self.json.is_some()
            || self.readable
            || self.lang.is_some()
            || self.embed.is_some()
            || self.policy.is_some()
            || self.has_input_keys()
    }

    fn has_input_keys(&self) -> bool {
        self.pairs.iter().any(|(key, _)| {
            let key = text::percent_decode(key).unwrap_or(Cow::Borrowed(key));
            readable::input_for_key(&key).is_some()
        })
    }
}

/// Reads a link: a whole URL, or its fragment with or without `#`, as it
/// arrives from the address bar, a chat app, an e-mail or a document.
/// Never panics; see `docs/links.md` for what each kind of damage gives.
pub fn decode(fragment_or_url: &str) -> Decoded {
    let mut notes = Notes::default();
    if fragment_or_url.len() > MAX_LINK_BYTES {
        notes.unreadable = true;
        return finish(None, notes);
    }
    let mut current = Cow::Borrowed(fragment_or_url);
    // A link encoded once or twice more on its way (`%23v1…`,
    // `https%253A%252F…`) is decoded as a whole, at most twice.
    for round in 0..3 {
        let (trimmed, junk_at_edges) = text::trim_edges(&current);
        let fragment = text::fragment_of(trimmed);
        if let Some((fragment, query)) = fragment {
            let parts = Parts::of(fragment);
            if parts.recognised() {
                notes.junk |= junk_at_edges || query || round > 0;
                return build(parts, notes);
            }
        }
        let decoded = text::percent_decode(trimmed)
            .filter(|decoded| round < 2 && decoded != trimmed)
            .map(Cow::into_owned);
        if let Some(decoded) = decoded {
            current = Cow::Owned(decoded);
            continue;
        }
        // Nothing recognised, even decoded. A URL without a fragment is no
        // link at all; parameters chat apps append are junk; anything else
        // was meant as a link and cannot be read.
        if let Some((fragment, _)) = fragment {
            let parts = Parts::of(fragment);
            let only_chat_junk = !parts.pairs.is_empty()
                && !parts.junk
                && parts.pairs.iter().all(|(key, _)| is_chat_junk(key));
            if only_chat_junk {
                notes.junk = true;
            } else if !fragment.is_empty() {
                notes.unreadable = true;
            }
        }
        return finish(None, notes);
    }
    notes.unreadable = true;
    finish(None, notes)
}

/// The form of a scenario file (the share panel's import), as a `json=`
/// link holding the same scenario would give it.
pub fn form_of_scenario(scenario: &RawScenario) -> FormState {
    readable::form_of_scenario(scenario, &mut Notes::default())
}

/// The scenario of the recognised parts.
fn build(parts: Parts<'_>, mut notes: Notes) -> Decoded {
    let current_policy = || {
        parts
            .policy
            .clone()
            .unwrap_or_else(|| POLICY_SET_ID.to_owned())
    };
    let scenario = if let Some(compact) = parts.compact {
        // The compact link is the scenario; anything else beside it is not.
        notes.junk |=
            parts.junk || parts.json.is_some() || parts.readable || !parts.pairs.is_empty();
        compact::decode(compact, &mut notes)
    } else if let Some(json) = parts.json {
        notes.junk |= parts.junk || parts.readable || !parts.pairs.is_empty();
        match readable::decode_json(json, &mut notes) {
            Some(form) => Some((form, current_policy())),
            None => {
                notes.unreadable = true;
                None
            }
        }
    } else if parts.readable || parts.has_input_keys() {
        notes.junk |= parts.junk;
        Some((
            readable::decode_pairs(&parts.pairs, &mut notes),
            current_policy(),
        ))
    } else {
        // Only switches: the default scenario, in that language or mode.
        notes.junk |= parts.junk || !parts.pairs.is_empty();
        Some((FormState::default(), current_policy()))
    };
    let state = scenario.map(|(form, policy_set)| LinkState {
        form,
        lang: parts.lang.unwrap_or_default(),
        policy_set,
        embed: parts.embed.unwrap_or(false),
    });
    finish(state, notes)
}

fn finish(state: Option<LinkState>, notes: Notes) -> Decoded {
    let other_policy = state
        .as_ref()
        .map(|state| state.policy_set.as_str())
        .filter(|policy| *policy != POLICY_SET_ID)
        .map(str::to_owned);
    Decoded {
        notices: notes.into_notices(other_policy),
        state,
    }
}
