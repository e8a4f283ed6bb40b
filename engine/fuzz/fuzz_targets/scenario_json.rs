//! Arbitrary bytes → scenario JSON reader → validation → (when valid) a full
//! evaluation and its results JSON. Any panic is a bug in the engine
//! (MODEL.md §1: no panic on a path that input reaches).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is read with replacement characters, so every input
    // reaches the JSON reader.
    let text = String::from_utf8_lossy(data);
    // The path the UI and the CLI take: the lenient reader (type errors and
    // range errors together), validation, the full evaluation of a valid
    // scenario (base, stress, buy vs rent, tornado, switching values) and
    // the results or errors JSON.
    let _ = engine::evaluate_json(&text);
    // The strict reader, validation and the scenario's own JSON writer.
    if let Ok(raw) = engine::RawScenario::from_json(&text) {
        let _ = engine::validate(&raw);
        let _ = raw.to_json();
    }
});
