//! The link codec (`src/link`), natively: encode → decode is identity
//! (proptest), a million damaged links never panic (a seeded loop), the
//! golden links of every released version decode as recorded, and each kind
//! of damage gets its notice, case by case.
//!
//! Native only: the codec is pure, and proptest needs an OS RNG.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use engine::policy::POLICY_SET_ID;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use proptest::prelude::*;
use serde_json::Value;
use yz_calc::form::{to_json, FormState};
use yz_calc::i18n::Lang;
use yz_calc::inputs::{Input, InputSet, Kind, CLUSTERS};
use yz_calc::link::{
    decode, encode, readable, Decoded, LinkNotice, LinkState, INPUT_CODES, NIBBLES, WORDS,
};

const ORIGIN: &str = "https://invest.yzjkq.gov.cn/calc/#";

fn form(entries: &[(Input, &str)]) -> FormState {
    FormState::from_pairs(entries)
}

fn state(entries: &[(Input, &str)]) -> LinkState {
    LinkState {
        form: form(entries),
        ..LinkState::default()
    }
}

fn notices(decoded: &Decoded) -> Vec<String> {
    decoded.notices.iter().map(ToString::to_string).collect()
}

/// One story: a link, the form it opens (`None`: nothing applied), and the
/// notices it shows.
fn check(link: &str, expected: Option<&[(Input, &str)]>, expected_notices: &[&str]) {
    let decoded = decode(link);
    assert_eq!(
        decoded.state.as_ref().map(|state| &state.form),
        expected.map(form).as_ref(),
        "form of {link:?}"
    );
    assert_eq!(notices(&decoded), expected_notices, "notices of {link:?}");
}

// ---------------------------------------------------------------- stories

/// The compact link of the new-energy preset with 120 亩 and 9 亿元 output.
fn new_energy_link() -> String {
    encode(
        &state(&[
            (Input::Cluster, "new_energy"),
            (Input::LandMu, "120"),
            (Input::OutputFull, "90000"),
        ]),
        &InputSet::default(),
    )
}

const NEW_ENERGY: &[(Input, &str)] = &[
    (Input::Cluster, "new_energy"),
    (Input::LandMu, "120"),
    (Input::OutputFull, "90000"),
];

#[test]
fn a_crm_writes_readable_links_in_engine_units() {
    check(
        "#i=site_mode=buy_land&land_mu=80&output_full=50000&ramp=0.4,0.7",
        Some(&[
            (Input::SiteMode, "buy_land"),
            (Input::LandMu, "80"),
            (Input::OutputFull, "50000"),
            (Input::Ramp, "40, 70"),
        ]),
        &[],
    );
    check(
        "https://invest.yzjkq.gov.cn/calc/#i=cluster=new_energy&land_mu=120&output_full=90000",
        Some(NEW_ENERGY),
        &[],
    );
    check(
        "#i=discount_rate=0.08&equip_subsidy.rate=0.08&incentives.tax_reward.on=1&name=%E6%B0%B8%E5%B7%9E%20A%26B",
        Some(&[
            (Input::Name, "永州 A&B"),
            (Input::DiscountRate, "8"),
            (Input::EquipSubsidyRate, "8"),
            (Input::TaxRewardOn, "true"),
        ]),
        &[],
    );
    // Without the `i=` mark, input ids still read as a readable link.
    check("#land_mu=80", Some(&[(Input::LandMu, "80")]), &[]);
    check("#i=", Some(&[]), &[]);
}

#[test]
fn a_readable_link_keeps_what_it_can_and_names_the_rest() {
    check(
        "#i=land_mu=80&land_muu=90&ramp[1]=0.5",
        Some(&[(Input::LandMu, "80")]),
        &["link_unknown_keys: land_muu, ramp[1]"],
    );
    check(
        "#i=land_mu=eighty&site_mode=buy&discount_rate=0.1&stress=maybe",
        Some(&[(Input::DiscountRate, "10")]),
        &["link_bad_values: land_mu, site_mode, stress"],
    );
    check(
        "#i=land_mu=80&p=yz-2025.3",
        Some(&[(Input::LandMu, "80")]),
        &["link_other_policy_set: yz-2025.3"],
    );
    check(
        "#i=land_mu=80&from=singlemessage&isappinstalled=0&utm_source=x",
        Some(&[(Input::LandMu, "80")]),
        &["link_junk_ignored"],
    );
}

#[test]
fn a_json_link_reads_scenario_md() {
    let json = r#"{"cluster":"big_data","discount_rate":0.08,"ramp":["0.5",1],"incentives":{"equip_subsidy":{"on":false,"cap":"300"}},"meta":{"from":"crm"}}"#;
    let link = format!(
        "#json={}&lang=en",
        utf8_percent_encode(json, NON_ALPHANUMERIC)
    );
    check(
        &link,
        Some(&[
            (Input::Cluster, "big_data"),
            (Input::DiscountRate, "8"),
            (Input::Ramp, "50, 100"),
            (Input::EquipSubsidyOn, "false"),
            (Input::EquipSubsidyCap, "300"),
        ]),
        &[],
    );
    assert_eq!(decode(&link).state.unwrap().lang, Lang::En);
    let json = r#"{"land_mu":80,"typo":1,"stress":"yes","incentives":{"tax_reward":{"onn":true}}}"#;
    check(
        &format!("#json={}", utf8_percent_encode(json, NON_ALPHANUMERIC)),
        Some(&[(Input::LandMu, "80")]),
        &[
            "link_unknown_keys: incentives.tax_reward.onn, typo",
            "link_bad_values: stress",
        ],
    );
    check("#json=%5B1%5D", None, &["link_unreadable"]);
    check("#json=%7B%22land_mu%22", None, &["link_unreadable"]);
    check(
        r#"#json={"land_mu":"80"}"#,
        Some(&[(Input::LandMu, "80")]),
        &[],
    );
}

#[test]
fn a_scenario_file_reads_as_its_json_link_does() {
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/engine/tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(golden)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".scenario.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the golden scenarios are there");
    for file in &files {
        let json = std::fs::read_to_string(file).unwrap();
        let scenario = engine::RawScenario::from_json(&json).unwrap();
        let link = format!("#json={}", utf8_percent_encode(&json, NON_ALPHANUMERIC));
        let from_link = decode(&link).state.unwrap().form;
        assert_eq!(
            yz_calc::link::form_of_scenario(&scenario),
            from_link,
            "{}",
            file.display()
        );
    }
    // A file is not a link: one past the link's size limit still reads.
    let json = format!("{{\"land_mu\": 80{}}}", " ".repeat(120_000));
    let scenario = engine::RawScenario::from_json(&json).unwrap();
    assert_eq!(
        yz_calc::link::form_of_scenario(&scenario),
        form(&[(Input::LandMu, "80")])
    );
    assert!(decode(&format!("#json={json}")).state.is_none());
}

#[test]
fn wechat_junk_is_cut_off_and_said() {
    let link = new_energy_link();
    for mangled in [
        format!("{ORIGIN}{link}&from=singlemessage&isappinstalled=0"),
        format!("https://invest.yzjkq.gov.cn/calc/?from=timeline#{link}"),
        format!("{ORIGIN}{link}…"),
        format!("{ORIGIN}{link}%E2%80%A6"),
        format!("{ORIGIN}{link}#wechat_redirect"),
        format!("“{ORIGIN}{link}”。"),
        format!("{link}&{link}"),
        utf8_percent_encode(&format!("{ORIGIN}{link}"), NON_ALPHANUMERIC).to_string(),
        utf8_percent_encode(
            &utf8_percent_encode(&format!("{ORIGIN}{link}"), NON_ALPHANUMERIC).to_string(),
            NON_ALPHANUMERIC,
        )
        .to_string(),
    ] {
        check(&mangled, Some(NEW_ENERGY), &["link_junk_ignored"]);
    }
    // Whitespace around a link is not worth a notice.
    check(&format!("  {ORIGIN}{link} \n"), Some(NEW_ENERGY), &[]);
    // `~` encoded by an older encoder is not junk either.
    check(&link.replace('~', "%7E"), Some(NEW_ENERGY), &[]);
}

#[test]
fn a_cut_link_gives_the_fields_that_arrived_whole() {
    let link = new_energy_link();
    assert_eq!(link, "v1.yz-2026.1~CwESCAkSDx0NkAAP._6g7zg");
    // Cut inside the checksum: the payload is whole and the part of the
    // checksum that arrived agrees with it.
    check(
        &link[..link.len() - 2],
        Some(NEW_ENERGY),
        &["link_truncated"],
    );
    // Cut right before the checksum, and inside the payload.
    check(&link[..29], Some(NEW_ENERGY), &["link_truncated"]);
    // A `.` at the end may be a full stop as well: it is cut off and said.
    check(
        &link[..30],
        Some(NEW_ENERGY),
        &["link_truncated", "link_junk_ignored"],
    );
    check(
        &link[..27],
        Some(&[(Input::Cluster, "new_energy"), (Input::LandMu, "120")]),
        &["link_truncated"],
    );
    check(&link[..16], None, &["link_truncated"]);
    check("v1.yz-2026", None, &["link_truncated"]);
    check("v1", None, &["link_truncated"]);
}

#[test]
fn an_altered_link_is_not_applied() {
    let link = new_energy_link();
    check(&link.replace("CwES", "CwET"), None, &["link_tampered"]);
    check(&link.replace("_6g7zg", "_6g7zA"), None, &["link_tampered"]);
    check(
        &link.replace("yz-2026.1", "yz-2026.2"),
        None,
        &["link_tampered"],
    );
    check(&link.replace("~CwES", "~Cw!S"), None, &["link_tampered"]);
    check(&link.replace("._6g", "x_6g"), None, &["link_tampered"]);
    // A checksum whose last characters were altered into junk.
    check(&link.replace("_6g7zg", "_6X~zg"), None, &["link_tampered"]);
}

#[test]
fn other_versions_and_non_links() {
    check("#v2.yz-2027.1~AAAA.AAAAAA", None, &["link_newer_version"]);
    check("#v10.x", None, &["link_newer_version"]);
    check("#v0.yz-2026.1~AA.AAAAAA", None, &["link_unreadable"]);
    check("#v1~yz", None, &["link_unreadable"]);
    check("#project", None, &["link_unreadable"]);
    check("#from=singlemessage", None, &["link_junk_ignored"]);
    check("", None, &[]);
    check("#", None, &[]);
    check("https://invest.yzjkq.gov.cn/calc/", None, &[]);
    check(
        "https://invest.yzjkq.gov.cn/calc/?from=singlemessage",
        None,
        &[],
    );
    check(&"v1.".repeat(40_000), None, &["link_unreadable"]);
}

#[test]
fn a_readable_link_carries_only_what_reading_it_gives_back() {
    // A compact link keeps text as typed, so a crafted one can put a word
    // in any field: a choice that is not one of the field's options, a
    // choice word in a number field. Found by `fuzz/` (target `link`): the
    // readable link wrote `cluster=rent`, which reading then refused.
    let odd = state(&[
        (Input::Cluster, "rent"),
        (Input::SiteMode, "buy_land"),
        (Input::LandUseTax, "intelligent_equipment"),
        (Input::DiscountRate, "8"),
    ]);
    let compact = encode(&odd, &InputSet::default());
    assert_eq!(decode(&compact).state, Some(odd.clone()));
    let link = readable(&odd);
    assert_eq!(link, "i=site_mode=buy_land&discount_rate=0.08&p=yz-2026.1");
    check(
        &link,
        Some(&[(Input::SiteMode, "buy_land"), (Input::DiscountRate, "8")]),
        &[],
    );
    // A policy-set id may end in `.`, which at a link's end reads as the
    // sentence's full stop; the readable link encodes it (also found by
    // `fuzz/`).
    let dotted = LinkState {
        policy_set: "yz-2026.".to_owned(),
        ..odd
    };
    let link = readable(&dotted);
    assert!(link.ends_with("&p=yz-2026%2E"), "{link}");
    assert_eq!(decode(&link).state.unwrap().policy_set, "yz-2026.");
    // No policy-set id at all, even with a checksum that matches, is no
    // link the app wrote (`fuzz/` again: a readable link cannot carry it).
    let nameless = LinkState {
        policy_set: String::new(),
        ..dotted
    };
    let link = encode(&nameless, &InputSet::default());
    assert!(link.starts_with("v1.~"), "{link}");
    check(&link, None, &["link_tampered"]);
}

#[test]
fn switches_ride_along_with_every_form() {
    let mut english = state(NEW_ENERGY);
    english.lang = Lang::En;
    english.embed = true;
    let link = encode(&english, &InputSet::default());
    assert!(link.ends_with("&lang=en&embed=1"), "{link}");
    assert_eq!(decode(&link).state, Some(english.clone()));
    let readable_link = readable(&english);
    assert!(readable_link.ends_with("&p=yz-2026.1&lang=en&embed=1"));
    assert_eq!(decode(&readable_link).state, Some(english));
    let only = decode("#lang=en&embed=1").state.unwrap();
    assert_eq!(
        (only.form, only.lang, only.embed),
        (FormState::default(), Lang::En, true)
    );
    // A compact link ignores readable pairs beside it.
    check(
        &format!("{}&land_mu=5", new_energy_link()),
        Some(NEW_ENERGY),
        &["link_junk_ignored"],
    );
}

#[test]
fn confidential_fields_stay_out_of_the_link() {
    let secret = state(&[
        (Input::Name, "永州电机厂"),
        (Input::LandPrice, "9.6"),
        (Input::LandMu, "80"),
    ]);
    let hidden: InputSet = [Input::Name, Input::LandPrice].into_iter().collect();
    let link = encode(&secret, &hidden);
    check(&link, Some(&[(Input::LandMu, "80")]), &[]);
    assert!(link.len() < encode(&secret, &InputSet::default()).len());
}

#[test]
fn another_policy_set_is_applied_and_said() {
    let mut old = state(NEW_ENERGY);
    old.policy_set = "yz-2025.9".to_owned();
    let decoded = decode(&encode(&old, &InputSet::default()));
    assert_eq!(decoded.state, Some(old));
    assert_eq!(notices(&decoded), ["link_other_policy_set: yz-2025.9"]);
    assert!(!decoded.notices.iter().any(LinkNotice::is_loss));
}

#[test]
fn typical_links_are_short() {
    // Each cluster preset with three typed fields, behind the park's origin.
    let mut report = String::new();
    for cluster in CLUSTERS {
        let area = if matches!(cluster.value(), "intelligent_equipment" | "new_energy") {
            (Input::LandMu, "120")
        } else {
            (Input::RentArea, "8000")
        };
        let typed = state(&[
            (Input::Cluster, cluster.value()),
            area,
            (Input::OutputFull, "90000"),
        ]);
        let link = format!("{ORIGIN}{}", encode(&typed, &InputSet::default()));
        let readable_link = format!("{ORIGIN}{}", readable(&typed));
        writeln!(
            report,
            "{:<22} compact {:>3}  readable {:>3}",
            cluster.value(),
            link.len(),
            readable_link.len()
        )
        .unwrap();
        assert!(link.len() < 80, "{link}");
    }
    // A big one: every input typed, the name in Chinese.
    let everything = LinkState {
        form: FormState {
            entries: Input::ALL
                .iter()
                .map(|input| (*input, FormState::default().shown(*input)))
                .chain([(Input::Name, "永州经开区某某新能源科技有限公司".to_owned())])
                .collect(),
        },
        ..LinkState::default()
    };
    let link = format!("{ORIGIN}{}", encode(&everything, &InputSet::default()));
    writeln!(report, "every input typed      compact {:>3}", link.len()).unwrap();
    println!("{report}");
    assert!(link.len() < 1000, "{link}");
}

// ---------------------------------------------------------------- tables

/// The released code tables: a line is never removed or changed, and a
/// new code must be appended here on purpose.
#[test]
fn the_code_tables_only_grow() {
    let released = include_str!("golden-links/codes.txt");
    let mut current: Vec<String> = INPUT_CODES
        .iter()
        .map(|(code, input)| format!("input {code} {}", input.id()))
        .collect();
    current.extend(
        WORDS
            .iter()
            .enumerate()
            .map(|(index, word)| format!("word {index} {word}")),
    );
    current.extend(
        NIBBLES
            .iter()
            .enumerate()
            .map(|(index, character)| format!("nibble {index} {character:?}")),
    );
    let released: Vec<&str> = released
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect();
    for line in &released {
        assert!(
            current.iter().any(|entry| entry == line),
            "released `{line}` was removed or changed"
        );
    }
    for entry in &current {
        assert!(
            released.contains(&entry.as_str()),
            "`{entry}` is new: append it to tests/golden-links/codes.txt"
        );
    }
}

// ---------------------------------------------------------------- golden

/// Every golden link of every released version decodes exactly as
/// recorded. A new version adds `vN.json`; no file here is ever edited.
#[test]
fn golden_links_decode_as_recorded_forever() {
    let files = [("v1.json", include_str!("golden-links/v1.json"))];
    let mut count = 0;
    for (file, text) in files {
        let cases: Vec<Value> = serde_json::from_str(text).unwrap();
        for case in cases {
            let link = case["link"].as_str().unwrap();
            let decoded = decode(link);
            let context = format!("{file}: {} — {link}", case["notes"]);
            let expected_notices: Vec<&str> = case["notices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|notice| notice.as_str().unwrap())
                .collect();
            assert_eq!(notices(&decoded), expected_notices, "{context}");
            match &case["form"] {
                Value::Null => assert_eq!(decoded.state, None, "{context}"),
                Value::Object(fields) => {
                    let expected = LinkState {
                        form: FormState {
                            entries: fields
                                .iter()
                                .map(|(id, text)| {
                                    let input = Input::ALL
                                        .iter()
                                        .find(|input| input.id() == id)
                                        .unwrap_or_else(|| panic!("{context}: no input {id}"));
                                    (*input, text.as_str().unwrap().to_owned())
                                })
                                .collect(),
                        },
                        lang: match case["lang"].as_str().unwrap() {
                            "en" => Lang::En,
                            _ => Lang::Zh,
                        },
                        policy_set: case["policy_set"].as_str().unwrap().to_owned(),
                        embed: case["embed"].as_bool().unwrap(),
                    };
                    assert_eq!(decoded.state, Some(expected), "{context}");
                }
                other => panic!("{context}: form {other}"),
            }
            count += 1;
        }
    }
    assert!(count >= 25, "only {count} golden links");
}

// ---------------------------------------------------------------- properties

/// Numbers as people type them into the form.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "-?[0-9]{1,7}(\\.[0-9]{1,4})?",
        1 => "[1-9][0-9]{0,2}万",
        1 => "[1-9][0-9]{0,2},[0-9]{3}",
        1 => Just("１２３".to_owned()),
        1 => Just(" 12 ".to_owned()),
        1 => "[1-9]e[0-3]",
    ]
}

/// A value that looks like what the input's field holds.
fn typed_value(kind: Kind) -> BoxedStrategy<String> {
    match kind {
        Kind::Text => prop_oneof![
            "[a-zA-Z0-9 ]{0,20}",
            "\\PC{0,30}",
            Just("永州电机厂".to_owned())
        ]
        .boxed(),
        Kind::Bool => prop_oneof![Just("true".to_owned()), Just("false".to_owned())].boxed(),
        Kind::Choice(options) => {
            let values: Vec<String> = options.iter().map(|opt| opt.value().to_owned()).collect();
            proptest::sample::select(values).boxed()
        }
        Kind::Number(_) | Kind::Integer(_) | Kind::Percent => number_text().boxed(),
        Kind::PercentList => proptest::collection::vec("[0-9]{1,3}(\\.[0-9])?", 0..6)
            .prop_map(|items| items.join(", "))
            .boxed(),
    }
}

/// A form: a random subset of inputs, each with a value like its kind's,
/// or (for the compact form, which carries any text) anything at all.
fn any_form(anything: bool) -> impl Strategy<Value = FormState> {
    proptest::sample::subsequence(Input::ALL.to_vec(), 0..=14).prop_flat_map(move |inputs| {
        inputs
            .into_iter()
            .map(|input| {
                let value = if anything {
                    prop_oneof![4 => typed_value(input.kind()), 1 => any::<String>()].boxed()
                } else {
                    typed_value(input.kind())
                };
                (Just(input), value)
            })
            .collect::<Vec<_>>()
            .prop_map(|entries| FormState {
                entries: entries.into_iter().collect(),
            })
    })
}

fn any_state(anything: bool) -> impl Strategy<Value = LinkState> {
    (
        any_form(anything),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            3 => Just(POLICY_SET_ID.to_owned()),
            1 => "[a-z]{2}-20[0-9]{2}\\.[0-9]{1,2}"
        ],
    )
        .prop_map(|(form, english, embed, policy_set)| LinkState {
            form,
            lang: if english { Lang::En } else { Lang::Zh },
            policy_set,
            embed,
        })
}

fn expected_notices(state: &LinkState) -> Vec<LinkNotice> {
    if state.policy_set == POLICY_SET_ID {
        Vec::new()
    } else {
        vec![LinkNotice::OtherPolicySet(state.policy_set.clone())]
    }
}

/// The engine's view of a form: what must survive the readable and JSON
/// forms, which carry engine values rather than typed text.
fn engine_view(form: &FormState) -> engine::json::Value {
    let readable_entries = form
        .entries
        .iter()
        .filter(|(input, text)| to_json(&FormState::from_pairs(&[(**input, text)])).is_ok())
        .map(|(input, text)| (*input, text.clone()))
        .collect();
    let members = to_json(&FormState {
        entries: readable_entries,
    })
    .unwrap();
    engine::json::Value::Object(members).sorted()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn compact_encode_then_decode_is_identity(state in any_state(true)) {
        let link = encode(&state, &InputSet::default());
        let expected = Decoded { state: Some(state.clone()), notices: expected_notices(&state) };
        prop_assert_eq!(&decode(&link), &expected);
        prop_assert_eq!(&decode(&format!("{ORIGIN}{link}")), &expected);
    }

    #[test]
    fn confidential_fields_are_absent_after_decoding(
        state in any_state(true),
        hidden in proptest::sample::subsequence(Input::ALL.to_vec(), 0..=40),
    ) {
        let hidden: InputSet = hidden.into_iter().collect();
        let decoded = decode(&encode(&state, &hidden));
        let mut expected = state.clone();
        for input in hidden.iter() {
            expected.form.entries.remove(&input);
        }
        prop_assert_eq!(decoded.state, Some(expected));
    }

    #[test]
    fn readable_encode_then_decode_keeps_every_engine_value(state in any_state(false)) {
        let decoded = decode(&readable(&state));
        let opened = decoded.state.clone().unwrap();
        prop_assert_eq!(engine_view(&opened.form), engine_view(&state.form));
        prop_assert_eq!((opened.lang, opened.embed), (state.lang, state.embed));
        prop_assert_eq!(&opened.policy_set, &state.policy_set);
        prop_assert_eq!(decoded.notices, expected_notices(&state));
    }

    #[test]
    fn json_links_keep_every_engine_value(state in any_state(false)) {
        let json = engine_view(&state.form).to_string();
        let link = format!("#json={}", utf8_percent_encode(&json, NON_ALPHANUMERIC));
        let decoded = decode(&link);
        prop_assert_eq!(engine_view(&decoded.state.unwrap().form), engine_view(&state.form));
        prop_assert_eq!(decoded.notices, Vec::new());
    }
}

// ---------------------------------------------------------------- damage

/// xorshift64*: a fixed seed, so a failure is reproducible, and cheap
/// enough for a million cases in a debug build.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound.max(1)).unwrap()).unwrap()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters damage is made of: the link's own alphabet, its separators,
/// percent signs, and text of several widths.
const DAMAGE: &[char] = &[
    'A', 'z', '0', '9', '-', '_', '.', '~', '%', '&', '#', '?', '=', 'v', '1', '2', ' ', '\n', '…',
    '。', '厂', 'é', '\u{0}', '\u{FEFF}', '😀', 'E', 'F', '+', ',', 'i', 'j', '{', '"',
];

const JUNK: &[&str] = &[
    "&from=singlemessage&isappinstalled=0",
    "?from=timeline",
    "#wechat_redirect",
    "…",
    "%E2%80%A6",
    "%",
    "%2",
    "%25",
    "%FF",
    "v2.",
    "v1.",
    "i=",
    "json=",
    "&lang=en",
    "&embed=1",
    "&p=",
    "~",
    ".",
    "=",
    "  ",
    "%7B%22land_mu%22%3A",
];

/// Links to damage: golden ones of every kind, and a few long ones.
fn seeds() -> Vec<String> {
    let golden: Vec<Value> = serde_json::from_str(include_str!("golden-links/v1.json")).unwrap();
    let mut seeds: Vec<String> = golden
        .iter()
        .map(|case| case["link"].as_str().unwrap().to_owned())
        .collect();
    let big = LinkState {
        form: FormState {
            entries: Input::ALL
                .iter()
                .map(|input| (*input, FormState::default().shown(*input)))
                .collect(),
        },
        lang: Lang::En,
        embed: true,
        ..LinkState::default()
    };
    seeds.push(encode(&big, &InputSet::default()));
    seeds.push(readable(&big));
    let json = engine_view(&big.form).to_string();
    seeds.push(format!(
        "json={}",
        utf8_percent_encode(&json, NON_ALPHANUMERIC)
    ));
    seeds
}

/// One to three random kinds of damage to one of the seeds (as chars).
fn damage(rng: &mut Rng, seeds: &[Vec<char>]) -> String {
    if rng.below(20) == 0 {
        // Random text.
        let length = rng.below(60);
        return (0..length).map(|_| *rng.pick(DAMAGE)).collect();
    }
    // The three long seeds cost ten times the others: they come up less.
    let seed = if rng.below(10) == 0 {
        rng.pick(seeds)
    } else {
        rng.pick(&seeds[..seeds.len() - 3])
    };
    let mut link: Vec<char> = seed.clone();
    for _ in 0..=rng.below(3) {
        let at = rng.below(link.len() + 1);
        match rng.below(8) {
            0 => link.truncate(at),
            1 => {
                if at < link.len() {
                    link[at] = *rng.pick(DAMAGE);
                }
            }
            2 => {
                let junk: Vec<char> = rng.pick(JUNK).chars().collect();
                link.splice(at..at, junk);
            }
            3 => {
                let end = (at + rng.below(12)).min(link.len());
                let copy: Vec<char> = link[at..end].to_vec();
                let to = rng.below(link.len() + 1);
                link.splice(to..to, copy);
            }
            4 => {
                let end = (at + rng.below(8)).min(link.len());
                link.drain(at..end);
            }
            5 => {
                let text: String = link.iter().collect();
                link = utf8_percent_encode(&text, NON_ALPHANUMERIC)
                    .to_string()
                    .chars()
                    .collect();
            }
            6 => {
                let other = rng.pick(seeds);
                let from = rng.below(other.len());
                link.splice(at..at, other[from..].iter().copied());
            }
            _ => {
                let prefix: Vec<char> = rng
                    .pick(&[ORIGIN, "#", "?from=timeline#", "“"])
                    .chars()
                    .collect();
                link.splice(0..0, prefix);
            }
        }
    }
    link.into_iter().collect()
}

/// What holds for every decoded link, however damaged; `reopen` also
/// checks that a recovered state is itself a link that reopens exactly.
fn assert_sane(link: &str, decoded: &Decoded, reopen: bool) {
    let ranks: Vec<&LinkNotice> = decoded.notices.iter().collect();
    for pair in ranks.windows(2) {
        assert!(
            std::mem::discriminant(pair[0]) != std::mem::discriminant(pair[1]) && pair[0] < pair[1],
            "notices out of order for {link:?}: {:?}",
            decoded.notices
        );
    }
    let refused = decoded.notices.iter().any(|notice| {
        matches!(
            notice,
            LinkNotice::Tampered | LinkNotice::NewerVersion | LinkNotice::Unreadable
        )
    });
    if refused {
        assert_eq!(decoded.state, None, "{link:?}");
    }
    if let (true, Some(state)) = (reopen, &decoded.state) {
        let again = decode(&encode(state, &InputSet::default()));
        assert_eq!(again.state.as_ref(), Some(state), "{link:?}");
    }
}

const DAMAGED_LINKS: usize = 1_000_000;

#[test]
fn a_million_damaged_links_never_panic() {
    let seeds: Vec<Vec<char>> = seeds().iter().map(|seed| seed.chars().collect()).collect();
    let threads = 4;
    let per_thread = DAMAGED_LINKS / threads;
    let decoded: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                let seeds = &seeds;
                scope.spawn(move || {
                    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (thread as u64 + 1));
                    for case in 0..per_thread {
                        let link = damage(&mut rng, seeds);
                        assert_sane(&link, &decode(&link), case % 8 == 0);
                    }
                    per_thread
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap())
            .sum()
    });
    assert_eq!(decoded, DAMAGED_LINKS);
}

/// Every single-character change and every cut of a compact link either
/// gives nothing, or gives original values only, and says so when fields
/// are missing: a changed character never silently changes a figure.
#[test]
fn no_single_change_or_cut_silently_changes_a_figure() {
    let states = [
        state(NEW_ENERGY),
        state(&[]),
        state(&[
            (Input::Name, "永州电机厂"),
            (Input::SiteMode, "buy_land"),
            (Input::Loan, "3万"),
            (Input::Ramp, "40, 70"),
            (Input::TaxRewardOn, "true"),
        ]),
    ];
    let replacements: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain("-_.~%&#?=! …".chars())
        .collect();
    let mut tried = 0;
    for original in &states {
        let link = encode(original, &InputSet::default());
        let chars: Vec<char> = link.chars().collect();
        let verdict = |damaged: &str| {
            let decoded = decode(damaged);
            if let Some(opened) = &decoded.state {
                for (input, text) in &opened.form.entries {
                    assert_eq!(
                        original.form.entries.get(input),
                        Some(text),
                        "{damaged:?} changed {}",
                        input.id()
                    );
                }
                if opened.form != original.form {
                    assert!(
                        decoded.notices.contains(&LinkNotice::Truncated),
                        "{damaged:?} lost fields silently: {:?}",
                        decoded.notices
                    );
                }
            }
        };
        for position in 0..chars.len() {
            for replacement in &replacements {
                if chars[position] == *replacement {
                    continue;
                }
                let mut damaged = chars.clone();
                damaged[position] = *replacement;
                verdict(&damaged.iter().collect::<String>());
                tried += 1;
            }
            verdict(&chars[..position].iter().collect::<String>());
            tried += 1;
        }
    }
    assert!(tried > 5_000, "{tried}");
}
