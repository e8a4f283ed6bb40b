//! The compact link, version 1:
//! `v1.<policy-set id>~<payload>.<checksum>`.
//!
//! - `v1` comes first, so a later version is recognised before anything
//!   else is read.
//! - The policy-set id is written as is (`yz-2026.1`); it may hold dots, so
//!   a `~` (unreserved in RFC 3986, never in base64url nor in a policy id)
//!   ends it.
//! - The payload is base64url (no padding) of `L` then `L` bytes of fields,
//!   `L` a varint. A field is `code` (varint, [`INPUT_CODES`]), then a
//!   header varint `h`: `h & 3` is the value's form and `h >> 2` a number:
//!   - form 0: `n` bytes of UTF-8 text;
//!   - form 1: `n` bytes of packed text, two characters a byte from
//!     [`NIBBLES`] (high half first; 15 pads an odd count);
//!   - form 2: no bytes, the text is `WORDS[n]`;
//!   - form 3: `n` bytes a later v1 may give a meaning; skipped.
//!
//!   Every value carries its length, so a cut link yields whole fields or
//!   none, and a field of an unknown code can be skipped.
//! - The checksum is CRC-32 (IEEE) of everything before the last `.`, four
//!   bytes big-endian in base64url: exactly six characters.
//!
//! The values are the text the person typed, so a link reopens the form
//! exactly as it was (`3万`, `40, 70` and all).

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

use super::Notes;
use crate::form::{Entries, FormState};
use crate::inputs::{Input, InputSet};

/// The version this module writes.
pub(super) const VERSION: &str = "1";

/// Characters in a checksum.
const CHECKSUM_CHARS: usize = 6;

/// The code of every input in the v1 payload.
///
/// This table only ever grows: a code, once released, names its input
/// forever; a new input takes the next unused code; the code of an input
/// that is ever removed is retired, never given to another.
/// `tests/golden-links/codes-v1.txt` holds the released table.
pub const INPUT_CODES: &[(u32, Input)] = &[
    (0, Input::Name),
    (1, Input::Cluster),
    (2, Input::SiteMode),
    (3, Input::Horizon),
    (4, Input::BuildMonths),
    (5, Input::DiscountRate),
    (6, Input::EquityRate),
    (7, Input::ParkRate),
    (8, Input::LandMu),
    (9, Input::LandPrice),
    (10, Input::LandGrade),
    (11, Input::PriorityIndustry),
    (12, Input::DeedTaxRate),
    (13, Input::LandUseTax),
    (14, Input::Far),
    (15, Input::BuildCost),
    (16, Input::OtherBuildRatio),
    (17, Input::ContingencyRatio),
    (18, Input::RentArea),
    (19, Input::RentPrice),
    (20, Input::RentVatRate),
    (21, Input::MgmtFee),
    (22, Input::RentEscalation),
    (23, Input::RentDepositMonths),
    (24, Input::FitOut),
    (25, Input::RefFar),
    (26, Input::Equipment),
    (27, Input::InstallRatio),
    (28, Input::WcRatio),
    (29, Input::OutputFull),
    (30, Input::Ramp),
    (31, Input::Growth),
    (32, Input::MaterialsRatio),
    (33, Input::OtherRatio),
    (34, Input::RdRatio),
    (35, Input::RepairRatio),
    (36, Input::Headcount),
    (37, Input::Wage),
    (38, Input::SocialRatio),
    (39, Input::WageGrowth),
    (40, Input::VatRate),
    (41, Input::BuildVatRate),
    (42, Input::CityTaxRate),
    (43, Input::EduRate),
    (44, Input::CitRegime),
    (45, Input::LossYears),
    (46, Input::RdSuper),
    (47, Input::PropertyDeduct),
    (48, Input::PropertyRate),
    (49, Input::StampSalesRate),
    (50, Input::LandStampRate),
    (51, Input::VatLocalShare),
    (52, Input::CitLocalShare),
    (53, Input::ParkShare),
    (54, Input::SubsidiesTaxable),
    (55, Input::Loan),
    (56, Input::LoanRate),
    (57, Input::LoanYears),
    (58, Input::GraceYears),
    (59, Input::Repayment),
    (60, Input::GuaranteeRate),
    (61, Input::RentReliefOn),
    (62, Input::RentReliefShares),
    (63, Input::EquipSubsidyOn),
    (64, Input::EquipSubsidyRate),
    (65, Input::EquipSubsidyCap),
    (66, Input::EquipSubsidyLag),
    (67, Input::InterestSubsidyOn),
    (68, Input::InterestSubsidyShare),
    (69, Input::InterestSubsidyYears),
    (70, Input::HiringSubsidyOn),
    (71, Input::HiringSubsidyPerPerson),
    (72, Input::FarRewardOn),
    (73, Input::FarRewardPerMu),
    (74, Input::FarRewardMinFar),
    (75, Input::SettlementAwardOn),
    (76, Input::SettlementAwardAmount),
    (77, Input::TaxRewardOn),
    (78, Input::TaxRewardShares),
    (79, Input::TaxRewardLag),
    (80, Input::LandRebateOn),
    (81, Input::LandRebateRate),
    (82, Input::DepositKind),
    (83, Input::DepositAmount),
    (84, Input::TestYear),
    (85, Input::TargetIntensityOn),
    (86, Input::TargetIntensityMin),
    (87, Input::TargetTaxOn),
    (88, Input::TargetTaxMin),
    (89, Input::ForfeitRule),
    (90, Input::Clawback),
    (91, Input::ThresholdIntensity),
    (92, Input::ThresholdOutput),
    (93, Input::ThresholdTax),
    (94, Input::ThresholdFar),
    (95, Input::SensitivityRange),
    (96, Input::Stress),
];

/// Texts that a form-2 value names by index. Only ever grows.
pub const WORDS: &[&str] = &[
    "false",
    "true",
    "magnetic_electronics",
    "intelligent_equipment",
    "new_energy",
    "big_data",
    "building_economy",
    "other",
    "buy_land",
    "rent",
    "general",
    "high_tech",
    "equal_principal",
    "annuity",
    "per_mu",
    "fixed",
    "full",
    "pro_rata",
];

/// The characters of packed text (form 1), by nibble; 15 is padding.
pub const NIBBLES: [char; 15] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', ' ', '-', '万',
];
const PAD: u8 = 15;

const FORM_TEXT: u32 = 0;
const FORM_PACKED: u32 = 1;
const FORM_WORD: u32 = 2;

/// Base64url without padding; decoding refuses non-canonical text.
const STRICT: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Base64url for the prefix of a cut link, whose last character may carry
/// bits of a byte that was cut off.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// Whether a byte is a base64url character.
fn is_base64(byte: &u8) -> bool {
    byte.is_ascii_alphanumeric() || *byte == b'-' || *byte == b'_'
}

/// Whether a character may stand in a policy-set id in a link.
pub(super) fn is_policy_char(character: char) -> bool {
    character.is_ascii_alphanumeric() || matches!(character, '.' | '-' | '_')
}

/// CRC-32 (IEEE 802.3, reflected, as zlib and PNG), bit by bit: a link is a
/// few hundred bytes, and a 1 KB lookup table would cost more download than
/// it saves time.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The six checksum characters of the signed part of a link.
fn checksum_text(signed: &str) -> String {
    STRICT.encode(crc32(signed.as_bytes()).to_be_bytes())
}

fn push_varint(out: &mut Vec<u8>, value: u32) {
    let mut rest = value;
    loop {
        let low = u8::try_from(rest & 0x7F).unwrap_or_default();
        rest >>= 7;
        if rest == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Two characters a byte, when every character is in [`NIBBLES`].
fn pack(text: &str) -> Option<Vec<u8>> {
    let nibbles: Vec<u8> = text
        .chars()
        .map(|character| {
            NIBBLES
                .iter()
                .position(|nibble| *nibble == character)
                .and_then(|index| u8::try_from(index).ok())
        })
        .collect::<Option<_>>()?;
    Some(
        nibbles
            .chunks(2)
            .map(|pair| match pair {
                [high, low] => (high << 4) | low,
                [high] => (high << 4) | PAD,
                _ => PAD,
            })
            .collect(),
    )
}

fn unpack(bytes: &[u8]) -> Option<String> {
    let mut text = String::new();
    let last = bytes.len().checked_sub(1)?;
    for (index, byte) in bytes.iter().enumerate() {
        let high = byte >> 4;
        let low = byte & 0x0F;
        text.push(*NIBBLES.get(usize::from(high))?);
        if low == PAD && index == last {
            break;
        }
        text.push(*NIBBLES.get(usize::from(low))?);
    }
    Some(text)
}

/// Appends one field; `None` (nothing appended) only for a text too long
/// for a varint, which no form can hold.
fn push_field(out: &mut Vec<u8>, code: u32, text: &str) -> Option<()> {
    let mut field = Vec::new();
    push_varint(&mut field, code);
    if let Some(index) = WORDS.iter().position(|word| *word == text) {
        let header = u32::try_from(index).ok()?.checked_mul(4)? | FORM_WORD;
        push_varint(&mut field, header);
    } else {
        let (form, bytes) = match pack(text) {
            Some(packed) if packed.len() < text.len() => (FORM_PACKED, packed),
            _ => (FORM_TEXT, text.as_bytes().to_vec()),
        };
        let header = u32::try_from(bytes.len()).ok()?.checked_mul(4)? | form;
        push_varint(&mut field, header);
        field.extend_from_slice(&bytes);
    }
    out.extend_from_slice(&field);
    Some(())
}

/// The code of an input.
fn code_of(input: Input) -> Option<u32> {
    INPUT_CODES
        .iter()
        .find(|(_, known)| *known == input)
        .map(|(code, _)| *code)
}

/// The input of a code.
fn input_of(code: u32) -> Option<Input> {
    INPUT_CODES
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, input)| *input)
}

/// The compact link of a form, without switches: `v1.<policy>~<payload>.<checksum>`.
pub(super) fn encode(form: &FormState, policy_set: &str, confidential: &InputSet) -> String {
    let mut fields = Vec::new();
    for (input, text) in &form.entries {
        if confidential.contains(input) {
            continue;
        }
        if let Some(code) = code_of(*input) {
            // A text too long for a link is left out rather than cut.
            let _ = push_field(&mut fields, code, text);
        }
    }
    let mut payload = Vec::new();
    push_varint(
        &mut payload,
        u32::try_from(fields.len()).unwrap_or_default(),
    );
    payload.extend_from_slice(&fields);
    let policy: String = policy_set.chars().filter(|c| is_policy_char(*c)).collect();
    let signed = format!("v{VERSION}.{policy}~{}", STRICT.encode(&payload));
    let checksum = checksum_text(&signed);
    format!("{signed}.{checksum}")
}

/// Why reading bytes stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The bytes ran out inside a field.
    Cut,
    /// The bytes cannot have come from an encoder.
    Malformed,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u32, Stop> {
        let mut value: u64 = 0;
        let mut shift: u32 = 0;
        for (index, byte) in self.bytes.iter().enumerate() {
            // Five bytes hold 35 bits; a u32 needs no more.
            if shift > 28 {
                return Err(Stop::Malformed);
            }
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                self.bytes = self
                    .bytes
                    .get(index.saturating_add(1)..)
                    .unwrap_or_default();
                return u32::try_from(value).map_err(|_| Stop::Malformed);
            }
            shift = shift.saturating_add(7);
        }
        Err(Stop::Cut)
    }

    fn take(&mut self, count: u32) -> Result<&'a [u8], Stop> {
        let count = usize::try_from(count).map_err(|_| Stop::Malformed)?;
        if count > self.bytes.len() {
            return Err(Stop::Cut);
        }
        let (taken, rest) = self.bytes.split_at_checked(count).ok_or(Stop::Cut)?;
        self.bytes = rest;
        Ok(taken)
    }
}

/// Reads fields until the bytes end or stop making sense. Every field
/// returned was read whole; a value that cannot be read is noted.
fn read_fields(bytes: &[u8], notes: &mut Notes) -> (Entries, Result<(), Stop>) {
    let mut reader = Reader { bytes };
    let mut entries = Entries::default();
    while !reader.bytes.is_empty() {
        let field = (|| {
            let code = reader.varint()?;
            let header = reader.varint()?;
            let number = header >> 2;
            let value = match header & 3 {
                FORM_TEXT => String::from_utf8(reader.take(number)?.to_vec()).ok(),
                FORM_PACKED => unpack(reader.take(number)?),
                FORM_WORD => usize::try_from(number)
                    .ok()
                    .and_then(|index| WORDS.get(index))
                    .map(|word| (*word).to_owned()),
                _ => {
                    reader.take(number)?;
                    None
                }
            };
            Ok((code, value))
        })();
        match field {
            Ok((code, value)) => match (input_of(code), value) {
                (Some(input), Some(text)) => {
                    entries.insert(input, text);
                }
                (Some(input), None) => notes.bad_value(input.id()),
                (None, _) => notes.unknown_key(&format!("#{code}")),
            },
            Err(stop) => return (entries, Err(stop)),
        }
    }
    (entries, Ok(()))
}

/// The form a payload holds. A whole payload must make sense to its last
/// byte. Of a `cut` one, the fields that arrived whole: `None` when nothing
/// is safe; a cut payload longer than it says it is has had something
/// glued to it, which is noted as tampering.
fn read_payload(payload_text: &str, cut: bool, notes: &mut Notes) -> Option<FormState> {
    let bytes = if cut {
        // A last character alone holds no whole byte.
        let usable = if payload_text.len() % 4 == 1 {
            payload_text.get(..payload_text.len().saturating_sub(1))?
        } else {
            payload_text
        };
        LENIENT.decode(usable)
    } else {
        STRICT.decode(payload_text)
    }
    .ok()?;
    let mut reader = Reader { bytes: &bytes };
    let length = usize::try_from(reader.varint().ok()?).ok()?;
    let available = reader.bytes.len();
    if cut && available > length {
        notes.tampered = true;
        return None;
    }
    if !cut && available != length {
        return None;
    }
    let (entries, read) = read_fields(reader.bytes, notes);
    let safe = if cut {
        !entries.is_empty() || available >= length
    } else {
        read.is_ok()
    };
    safe.then_some(FormState { entries })
}

/// How the version of a compact link reads.
enum Version {
    One,
    Newer,
    Unreadable,
}

fn version_of(digits: &str) -> Version {
    if digits == VERSION {
        return Version::One;
    }
    if digits.is_empty() || digits.starts_with('0') {
        return Version::Unreadable;
    }
    // Every digit string past this point is a number above 1.
    Version::Newer
}

/// Decodes one compact link (already cut from its fragment): the form and
/// its policy-set id, or `None` with the reason noted.
pub(super) fn decode(part: &str, notes: &mut Notes) -> Option<(FormState, String)> {
    // `~` may arrive as `%7E` (older encoders); a link encoded twice shows
    // `%257E`. The alphabet of a compact link has no `%`, so decoding is safe.
    let mut link = std::borrow::Cow::Borrowed(part);
    for round in 0..3 {
        if !link.contains('%') {
            break;
        }
        let decoded = super::text::percent_decode(&link)?.into_owned();
        if round > 0 {
            notes.junk = true;
        }
        link = std::borrow::Cow::Owned(decoded);
    }
    let after_v = link.strip_prefix('v')?;
    let digit_count = after_v.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = after_v.split_at_checked(digit_count)?;
    match version_of(digits) {
        Version::One => {}
        Version::Newer => {
            notes.newer = true;
            return None;
        }
        Version::Unreadable => {
            notes.unreadable = true;
            return None;
        }
    }
    let Some(body) = rest.strip_prefix('.') else {
        if rest.is_empty() {
            notes.truncated = true;
        } else {
            notes.unreadable = true;
        }
        return None;
    };
    let Some((policy, tail)) = body.split_once('~') else {
        // Cut inside the policy-set id: nothing of the scenario arrived.
        notes.truncated = true;
        return None;
    };
    if policy.is_empty() || !policy.chars().all(is_policy_char) {
        // No encoder writes such an id (the app's is never empty): a
        // character was altered or removed.
        notes.tampered = true;
        return None;
    }
    let policy = policy.to_owned();
    let payload_length = tail.bytes().take_while(is_base64).count();
    let (payload_text, after) = tail.split_at_checked(payload_length)?;
    let signed = link.get(..link.len().checked_sub(after.len())?)?;
    let expected = checksum_text(signed);

    let Some(checksum_part) = after.strip_prefix('.') else {
        if after.contains('.') {
            // The structure is all there but a character in it changed.
            notes.tampered = true;
            return None;
        }
        // The checksum is missing: cut, perhaps with junk glued on.
        let form = read_payload(payload_text, true, notes);
        notes.truncated = !notes.tampered;
        notes.junk |= !after.is_empty();
        return form.map(|form| (form, policy));
    };
    let checksum_length = checksum_part.bytes().take_while(is_base64).count();
    let (checksum, extra) = checksum_part.split_at_checked(checksum_length)?;
    if checksum.len() >= CHECKSUM_CHARS {
        let (checksum, more) = checksum.split_at_checked(CHECKSUM_CHARS)?;
        if checksum != expected {
            notes.tampered = true;
            return None;
        }
        notes.junk |= !more.is_empty() || !extra.is_empty();
    } else {
        // A cut checksum still checks what it has.
        if !extra.is_empty() || !expected.starts_with(checksum) {
            notes.tampered = true;
            return None;
        }
        notes.truncated = true;
    }
    match read_payload(payload_text, false, notes) {
        Some(form) => Some((form, policy)),
        None => {
            notes.unreadable = true;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_one() {
        // The check value of CRC-32/ISO-HDLC (zlib, PNG, `cksum -o 3`).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(checksum_text("").len(), CHECKSUM_CHARS);
        assert_eq!(checksum_text("v1.yz-2026.1~AA").len(), CHECKSUM_CHARS);
    }

    #[test]
    fn packed_text_holds_what_numbers_are_typed_with() {
        for text in ["40, 70", "3万", "-1.5", "12", "1", "0.125", ""] {
            let packed = pack(text).unwrap();
            assert_eq!(packed.len(), text.chars().count().div_ceil(2), "{text}");
            if !text.is_empty() {
                assert_eq!(unpack(&packed).as_deref(), Some(text), "{text}");
            }
        }
        assert_eq!(pack("1e3"), None);
        assert_eq!(pack("１２"), None);
        // A pad is only allowed at the very end.
        assert_eq!(unpack(&[0x1F, 0x23]), None);
        assert_eq!(unpack(&[0xF1]), None);
        assert_eq!(unpack(&[]), None);
    }

    #[test]
    fn varints_round_trip_and_refuse_overlong_input() {
        for value in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, value);
            let mut reader = Reader { bytes: &bytes };
            assert_eq!(reader.varint(), Ok(value));
            assert!(reader.bytes.is_empty());
            let cut = bytes.get(..bytes.len() - 1).unwrap();
            assert_eq!(Reader { bytes: cut }.varint(), Err(Stop::Cut));
        }
        let mut too_long = Reader {
            bytes: &[0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
        };
        assert_eq!(too_long.varint(), Err(Stop::Malformed));
        let mut six = Reader {
            bytes: &[0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        };
        assert_eq!(six.varint(), Err(Stop::Malformed));
    }

    #[test]
    fn every_input_has_one_code_and_every_code_one_input() {
        for input in Input::ALL {
            let codes = INPUT_CODES
                .iter()
                .filter(|(_, known)| known == input)
                .count();
            assert_eq!(codes, 1, "{}", input.id());
        }
        for (code, _) in INPUT_CODES {
            let inputs = INPUT_CODES
                .iter()
                .filter(|(known, _)| known == code)
                .count();
            assert_eq!(inputs, 1, "code {code}");
        }
        let words: std::collections::BTreeSet<_> = WORDS.iter().collect();
        assert_eq!(words.len(), WORDS.len());
    }

    #[test]
    fn values_take_their_shortest_form() {
        let field = |text: &str| {
            let mut out = Vec::new();
            push_field(&mut out, 1, text).unwrap();
            out
        };
        assert_eq!(field("new_energy"), [1, (4 << 2) | 2]);
        assert_eq!(field("90000"), [1, (3 << 2) | 1, 0x90, 0x00, 0x0F]);
        assert_eq!(field("5"), [1, 1 << 2, b'5']);
        assert_eq!(field("厂"), [1, 3 << 2, 0xE5, 0x8E, 0x82]);
        assert_eq!(field(""), [1, 0]);
    }
}
