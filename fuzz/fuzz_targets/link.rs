//! Arbitrary text → the link reader, as the address bar, a chat app or a
//! CRM hands it to the app (`yz_calc::link::decode`). When the link opens a
//! scenario: the form is evaluated as the calculator does on opening it;
//! the compact link the app writes for it opens the same state again; and
//! the readable link, which carries only the fields that read as values of
//! their kind (engine units), reads back as itself. PRODUCT.md: no link may
//! panic the app, and a shared link reopens what was shared.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yz_calc::inputs::InputSet;
use yz_calc::link;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some(state) = link::decode(&text).state else {
        return;
    };
    let _ = yz_calc::state::evaluate_form(&state.form);
    let compact = link::encode(&state, &InputSet::default());
    assert_eq!(
        link::decode(&compact).state.as_ref(),
        Some(&state),
        "compact: {compact}"
    );
    let readable = link::readable(&state);
    let reopened = link::decode(&readable).state;
    assert_eq!(reopened.as_ref().map(link::readable), Some(readable));
});
