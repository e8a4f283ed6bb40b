//! What the app hands out as files: the year table as CSV that Excel opens
//! with Chinese intact (UTF-8 with a byte-order mark), and the scenario as
//! SCENARIO.md's JSON. Pure text in, text out; the download is the
//! component's business.

use engine::json::Value;
use engine::policy::POLICY_SET_ID;
use engine::Results;

use crate::form::{to_json, FieldMessage, FormState};
use crate::format;
use crate::i18n::lines::line_label;
use crate::i18n::{fill, text, Lang, Msg};

/// The UTF-8 byte-order mark Excel needs to read Chinese from a CSV file.
pub const BOM: &str = "\u{feff}";

/// Appends one CSV record, quoted by csv-core as RFC 4180 asks, and CRLF.
/// csv-core writes through a small buffer; the record's bytes are gathered
/// and turned into text once, so a field longer than the buffer never
/// splits inside a character.
fn write_record(out: &mut String, fields: &[String]) {
    let mut writer = csv_core::Writer::new();
    let mut record = Vec::new();
    let mut buffer = [0u8; 256];
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            let (_, written) = writer.delimiter(&mut buffer);
            record.extend_from_slice(buffer.get(..written).unwrap_or_default());
        }
        let mut input = field.as_bytes();
        loop {
            let (result, read, written) = writer.field(input, &mut buffer);
            record.extend_from_slice(buffer.get(..written).unwrap_or_default());
            input = input.get(read..).unwrap_or_default();
            if matches!(result, csv_core::WriteResult::InputEmpty) {
                break;
            }
        }
    }
    let (_, written) = writer.finish(&mut buffer);
    record.extend_from_slice(buffer.get(..written).unwrap_or_default());
    out.push_str(&String::from_utf8_lossy(&record));
    out.push_str("\r\n");
}

/// The year-by-year table as CSV: a BOM, a header (line, key, year 1 … N),
/// then one row per line of the model with the exact, unrounded values
/// in 万元 (rates as fractions), so an analyst's spreadsheet can audit them.
pub fn year_table_csv(lang: Lang, results: &Results) -> String {
    let mut out = String::from(BOM);
    let years = results.table.timeline.horizon;
    let mut header = vec![
        format!("{} ({})", text(lang, Msg::Line), "万元"),
        "key".to_owned(),
    ];
    header.extend((1..=years).map(|year| fill(lang, Msg::YearNumber, &year.to_string())));
    write_record(&mut out, &header);
    for (key, values) in results.table.lines() {
        let mut record = vec![
            line_label(lang, key).unwrap_or(key).to_owned(),
            key.to_owned(),
        ];
        record.extend(values.iter().map(|value| format::exact(*value)));
        write_record(&mut out, &record);
    }
    out
}

/// The typed scenario as SCENARIO.md's JSON (what "Save as file" writes and
/// "Open file" reads back), with the policy set under `meta`.
pub fn scenario_json(form: &FormState) -> Result<String, Vec<FieldMessage>> {
    let mut members = to_json(form)?;
    let meta = Value::Object(vec![
        ("policy_set".to_owned(), Value::from(POLICY_SET_ID)),
        (
            "app".to_owned(),
            Value::from(concat!("yz-calc ", env!("CARGO_PKG_VERSION"))),
        ),
    ]);
    members.push(("meta".to_owned(), meta));
    // Keys in byte order at every level, as the file has always been written.
    Ok(Value::Object(members).sorted().to_pretty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Input;

    #[test]
    fn the_csv_starts_with_a_bom_and_holds_every_line_and_year() {
        let results = engine::evaluate_raw(&engine::RawScenario::default()).unwrap();
        let csv = year_table_csv(Lang::Zh, &results);
        assert!(csv.starts_with(BOM));
        let rows: Vec<&str> = csv.trim_start_matches(BOM).lines().collect();
        assert_eq!(rows.len(), results.table.lines().len() + 1);
        assert!(rows[0].starts_with("项目 (万元),key,第 1 年"));
        let sales = rows.iter().find(|row| row.contains(",sales,")).unwrap();
        assert_eq!(
            sales.split(',').count(),
            2 + results.table.timeline.horizon as usize
        );
        assert!(sales.starts_with("营业收入（不含税）,sales,"));
    }

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        let mut out = String::new();
        write_record(
            &mut out,
            &[
                "a,b".to_owned(),
                "say \"hi\"".to_owned(),
                "plain".to_owned(),
            ],
        );
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
    }

    #[test]
    fn records_are_quoted_as_rfc_4180_asks() {
        // The rule, written out: a field with a comma, a quote or a line
        // break is quoted and its quotes doubled; fields are joined by
        // commas; the record ends in CRLF.
        fn reference(fields: &[String]) -> String {
            let quoted: Vec<String> = fields
                .iter()
                .map(|field| {
                    if field.contains([',', '"', '\r', '\n']) {
                        format!("\"{}\"", field.replace('"', "\"\""))
                    } else {
                        field.clone()
                    }
                })
                .collect();
            format!("{}\r\n", quoted.join(","))
        }
        // Longer than csv-core's buffer, with characters of three bytes
        // and quotes across its edges.
        let long = "营业收入\"，".repeat(200);
        let fields = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            " spaced ",
            "营业收入（不含税）",
            "#comment",
            "-1234.5",
            "'quote'",
            "tab\there",
            ";",
            long.as_str(),
        ];
        for first in fields {
            for second in fields {
                let record = [first.to_owned(), second.to_owned()];
                let mut out = String::new();
                write_record(&mut out, &record);
                assert_eq!(out, reference(&record), "{record:?}");
            }
        }
    }

    #[test]
    fn the_scenario_file_reads_back_as_the_same_scenario() {
        let form = FormState {
            entries: [
                (Input::SiteMode, "buy_land".to_owned()),
                (Input::DiscountRate, "8".to_owned()),
            ]
            .into_iter()
            .collect(),
        };
        let text = scenario_json(&form).unwrap();
        let raw = engine::RawScenario::from_json(&text).unwrap();
        let from_file = engine::evaluate_raw(&raw).unwrap();
        let direct = engine::evaluate_raw(&crate::form::to_scenario(&form).unwrap()).unwrap();
        assert_eq!(from_file.statements, direct.statements);
    }
}
