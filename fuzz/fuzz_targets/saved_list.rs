//! Arbitrary text → the saved-scenario list as read from `localStorage`
//! (`yz_calc::storage::parse_saved`): what another version, another tab or
//! a hand edit may have left there. Every scenario read is evaluated as the
//! comparison does, and the list written back reads as the same list.
//! PRODUCT.md: stored data never panics the app and nothing is lost.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yz_calc::storage::{parse_saved, serialize_saved};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (saved, _problems) = parse_saved(&text);
    for entry in &saved {
        let _ = yz_calc::state::evaluate_form(&entry.form);
    }
    let written = serialize_saved(&saved);
    let (again, problems) = parse_saved(&written);
    assert!(problems.is_empty(), "{problems:?} in {written}");
    assert_eq!(again, saved, "{written}");
});
