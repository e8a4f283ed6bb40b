//! Work that follows the scenario once typing pauses, not on every
//! keystroke: drawing the share panel's QR code (scoring eight masks costs
//! more than evaluating the whole model) and writing the address bar
//! (Chromium's `history.replaceState` costs milliseconds and is throttled
//! when called many times a second). Both follow one settled link, so one
//! timer runs per change. The figures never wait for this.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long the scenario must stay unchanged before the QR code and the
/// address bar follow it, in milliseconds: shorter than a reader can move
/// from the field to the code, longer than the gap between keystrokes.
pub const SETTLE_MS: u32 = 250;

/// `value` once it has stayed the same for [`SETTLE_MS`]; `None` until then
/// on the first render, the previous settled value while it keeps changing.
#[hook]
pub fn use_settled<T>(value: T) -> Option<T>
where
    T: Clone + PartialEq + 'static,
{
    let settled = use_state(|| None::<T>);
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timeout = Timeout::new(SETTLE_MS, move || settled.set(Some(value)));
            // A newer value (or unmounting) drops the timeout, which cancels it.
            move || drop(timeout)
        });
    }
    (*settled).clone()
}
