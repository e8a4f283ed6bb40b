//! Browser unit tests (wasm-bindgen-test in headless Chromium): each test
//! mounts the app into a fresh element, types through real DOM events, yields
//! a tick for Yew to render, and reads figures by `data-testid`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlTextAreaElement};
use yz_calc::components::app::App;

wasm_bindgen_test_configure!(run_in_browser);

/// A freshly mounted app; removed again by [`unmount`].
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    tick().await;
    root
}

fn unmount(root: Element) {
    root.remove();
}

async fn tick() {
    TimeoutFuture::new(0).await;
}

fn find(root: &Element, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
}

fn value_of(root: &Element, testid: &str) -> String {
    find(root, testid)
        .get_attribute("data-value")
        .unwrap_or_default()
}

/// Sets a field's text and fires the `input` event a person's typing fires.
async fn type_into(root: &Element, testid: &str, text: &str) {
    let field = find(root, testid);
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn typed_flows_give_the_model_npv_vector() {
    let root = mount().await;
    type_into(&root, "rate", "6.5").await;
    type_into(&root, "flows", "-10000\n3000\n3400\n7700").await;
    let npv: f64 = value_of(&root, "flows.npv").parse().unwrap();
    // MODEL.md §7: 2055.38 at 6.5 %.
    assert!((npv - 2055.38).abs() < 0.005, "NPV shown as {npv}");
    unmount(root);
}

#[wasm_bindgen_test]
async fn bad_input_shows_a_message_and_keeps_the_last_result() {
    let root = mount().await;
    let before = value_of(&root, "flows.npv");
    assert!(!before.is_empty());
    type_into(&root, "rate", "abc").await;
    let notice = find(&root, "notice");
    assert_eq!(
        notice.get_attribute("data-code").as_deref(),
        Some("not_a_number")
    );
    assert_eq!(value_of(&root, "flows.npv"), before);
    type_into(&root, "rate", "１２").await;
    assert!(root
        .query_selector("[data-testid=\"notice\"]")
        .unwrap()
        .is_none());
    unmount(root);
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_text_not_numbers() {
    let root = mount().await;
    let before = value_of(&root, "flows.npv");
    let heading = root.query_selector("h1").unwrap().unwrap().text_content();
    find(&root, "lang")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    tick().await;
    let after = root.query_selector("h1").unwrap().unwrap().text_content();
    assert_ne!(heading, after);
    assert_eq!(value_of(&root, "flows.npv"), before);
    unmount(root);
}
