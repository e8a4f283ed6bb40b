//! Browser unit tests (wasm-bindgen-test in headless Chromium): each test
//! mounts the app into a fresh element, acts through real DOM events, yields
//! a tick for Yew to render, and reads figures by `data-testid`. Expected
//! figures come from the independent reference model's golden files.
#![cfg(target_arch = "wasm32")]

use std::str::FromStr;

use gloo_timers::future::TimeoutFuture;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yz_calc::components::app::App;

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_EXPECTED: &str = include_str!("../engine/tests/golden/default.expected.json");
const EQUIPMENT_EXPECTED: &str =
    include_str!("../engine/tests/golden/intelligent_equipment.expected.json");

fn expected_npv(golden: &str) -> Decimal {
    let value: serde_json::Value = serde_json::from_str(golden).unwrap();
    let text = value["statements"]["project_after_tax"]["npv"]
        .as_str()
        .unwrap();
    Decimal::from_str(&text[..text.len().min(30)]).unwrap()
}

/// A freshly mounted app in its own element; destroyed by [`unmount`].
struct Mounted {
    app: yew::AppHandle<App>,
    root: Element,
}

impl std::ops::Deref for Mounted {
    type Target = Element;

    fn deref(&self) -> &Element {
        &self.root
    }
}

async fn mount() -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    tick().await;
    Mounted { app, root }
}

/// Destroys the app, so that its timers and listeners stop (a detached app
/// left running would go on writing the address bar and storage while the
/// next test's app runs), then removes its element.
fn unmount(mounted: Mounted) {
    mounted.app.destroy();
    mounted.root.remove();
}

async fn tick() {
    TimeoutFuture::new(0).await;
}

fn find(root: &Element, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
}

fn value_of(root: &Element, testid: &str) -> Decimal {
    let text = find(root, testid)
        .get_attribute("data-value")
        .unwrap_or_default();
    Decimal::from_str(&text).unwrap_or_else(|_| panic!("{testid} has no decimal: {text:?}"))
}

fn fire(element: &Element, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&Event::new_with_event_init_dict(name, &init).unwrap())
        .unwrap();
}

/// Sets a text field and fires the `input` event that typing fires.
async fn type_into(root: &Element, testid: &str, text: &str) {
    let field = find(root, testid);
    field.dyn_ref::<HtmlInputElement>().unwrap().set_value(text);
    fire(&field, "input");
    tick().await;
}

async fn choose(root: &Element, testid: &str, value: &str) {
    let field = find(root, testid);
    field
        .dyn_ref::<HtmlSelectElement>()
        .unwrap()
        .set_value(value);
    fire(&field, "change");
    tick().await;
}

fn close(actual: Decimal, expected: Decimal) -> bool {
    (actual - expected).abs() < Decimal::new(1, 6)
}

#[wasm_bindgen_test]
async fn the_default_scenario_shows_the_reference_npv() {
    let root = mount().await;
    let npv = value_of(&root, "statements.project_after_tax.npv");
    assert!(
        close(npv, expected_npv(DEFAULT_EXPECTED)),
        "NPV shown {npv}"
    );
    unmount(root);
}

#[wasm_bindgen_test]
async fn a_cluster_preset_recomputes_with_its_defaults() {
    let root = mount().await;
    choose(&root, "cluster", "intelligent_equipment").await;
    let npv = value_of(&root, "statements.project_after_tax.npv");
    assert!(
        close(npv, expected_npv(EQUIPMENT_EXPECTED)),
        "NPV shown {npv}"
    );
    // The quick form now asks for land in 亩.
    assert_eq!(
        find(&root, "land_mu")
            .dyn_ref::<HtmlInputElement>()
            .unwrap()
            .value(),
        "50"
    );
    unmount(root);
}

#[wasm_bindgen_test]
async fn bad_input_shows_a_message_and_keeps_the_last_result() {
    let root = mount().await;
    let before = value_of(&root, "statements.project_after_tax.npv");
    type_into(&root, "equipment", "abc").await;
    let notice = root
        .query_selector(".field [data-testid=\"notice\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        notice.get_attribute("data-code").as_deref(),
        Some("not_a_number")
    );
    assert_eq!(value_of(&root, "statements.project_after_tax.npv"), before);
    assert_eq!(
        find(&root, "results")
            .get_attribute("data-stale")
            .as_deref(),
        Some("true")
    );
    type_into(&root, "equipment", "６０００").await;
    assert!(root
        .query_selector(".field [data-testid=\"notice\"]")
        .unwrap()
        .is_none());
    assert_eq!(value_of(&root, "statements.project_after_tax.npv"), before);
    unmount(root);
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_text_not_numbers() {
    let root = mount().await;
    let before = value_of(&root, "statements.project_after_tax.npv");
    let heading = root.query_selector("h1").unwrap().unwrap().text_content();
    find(&root, "lang")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    tick().await;
    let after = root.query_selector("h1").unwrap().unwrap().text_content();
    assert_ne!(heading, after);
    assert_eq!(value_of(&root, "statements.project_after_tax.npv"), before);
    unmount(root);
}
