//! The page: masthead, inputs and results; or, with `embed=1`, the compact
//! embed view. The scenario comes from the link the page was opened with,
//! and the address bar follows every edit (replace, never push).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::charts::cash_flow_chart;
use crate::components::compare::Compare;
use crate::components::headline::headline;
use crate::components::input_panel::input_panel;
use crate::components::language_switch::language_switch;
use crate::components::link_notices::link_notices;
use crate::components::print_report::print_report;
use crate::components::results_panel::ResultsPanel;
use crate::components::roadshow::Roadshow;
use crate::components::share_panel::{full_link, link_to, SharePanel};
use crate::i18n::roadshow::{roadshow_text, RoadshowText};
use crate::i18n::{text, Lang, Msg};
use crate::link;
use crate::settle::use_settled;
use crate::state::{Action, State};

/// The state the page opens with: the scenario of its link, if any.
fn initial_state() -> State {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    if href.contains('#') {
        State::from_link(link::decode(&href))
    } else {
        State::default()
    }
}

/// The roadshow switch of the page's query (`?roadshow`), and its idle
/// time in seconds (`?roadshow&idle=120`; 3 minutes by default).
fn roadshow_from_query() -> (bool, u32) {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let query = search.trim_start_matches('?');
    let on = query.split('&').any(turns_roadshow_on);
    let idle = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("idle="))
        .and_then(|value| value.parse::<u32>().ok())
        .filter(|seconds| (1..=86_400).contains(seconds))
        .unwrap_or(180);
    (on, idle)
}

/// Whether a pair of the page's query opens roadshow mode (`roadshow`,
/// `roadshow=…`).
fn turns_roadshow_on(pair: &str) -> bool {
    pair == "roadshow" || pair.starts_with("roadshow=")
}

/// Whether a pair of the page's query is a roadshow switch (`roadshow`,
/// `roadshow=…`, `idle=…`): read when the page opens, and left out of the
/// links the page hands out.
pub fn is_roadshow_switch(pair: &str) -> bool {
    turns_roadshow_on(pair) || pair.starts_with("idle=")
}

/// Keeps the address bar on the page's link (`full_link`) without adding
/// history. Only the fragment is replaced: the page's own query (a
/// roadshow's `?roadshow`, which a reload should keep) stays as it is.
fn follow_in_address_bar(address: &AttrValue) {
    let Some((_, fragment)) = address.split_once('#') else {
        return;
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// In an iframe, tells the parent page how tall the content is, whenever
/// it changes (the parent's `embed-host.js` sizes the frame). Posts only to
/// the parent and listens to nothing.
fn report_height_to_parent() -> Option<web_sys::ResizeObserver> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = gloo::utils::document()
            .document_element()
            .map(|root| root.scroll_height())
            .unwrap_or_default();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"yz-calc:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    if let Some(body) = gloo::utils::document().body() {
        observer.observe(&body);
    }
    callback.forget();
    Some(observer)
}

/// The park's name, above the page's title and on the roadshow's bar.
pub fn park_name(lang: Lang) -> Html {
    html! { <p class="park-name">{ text(lang, Msg::ParkName) }</p> }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let lang = state.lang;
    let roadshow = use_state(|| roadshow_from_query().0);

    // Once the first render has been committed: the benchmark's mark (the
    // first result is on screen), and in the embed view, which the page's
    // link fixes for its whole life, the height reports to the parent page.
    let embed = state.embed;
    use_effect_with((), move |_| {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("first-result");
        }
        let observer = if embed {
            report_height_to_parent()
        } else {
            None
        };
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
        }
    });
    use_effect_with(lang, |lang| {
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(&format!(
            "{} · {}",
            text(*lang, Msg::Title),
            text(*lang, Msg::ParkName)
        ));
    });
    // The page's link. The address bar follows it once typing pauses
    // (crate::settle: replaceState costs more than a whole evaluation), and
    // so do the full view's QR codes, in the share panel and the printed
    // report (scoring a code's masks costs more than evaluating the model).
    let address = AttrValue::from(full_link(&state));
    let settled = use_settled(address.clone());
    use_effect_with(settled.clone(), |settled| {
        if let Some(address) = settled {
            follow_in_address_bar(address);
        }
    });
    let full_view = !*roadshow && !state.embed;
    let qr_link = settled.filter(|_| full_view);

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotices))
    };
    if *roadshow {
        return html! { <Roadshow state={state.clone()} idle_seconds={roadshow_from_query().1} switch={roadshow.setter()} /> };
    }
    let enter_roadshow = {
        let roadshow = roadshow.clone();
        Callback::from(move |_: MouseEvent| roadshow.set(true))
    };
    let notices = link_notices(lang, &state.link_notices, on_dismiss);
    // The embed view shows the quick form only.
    let inputs = input_panel(&state, state.embed);

    if state.embed {
        let full = link_to(&state, false);
        return html! {
            <main class="embed-view" data-testid="embed-view">
                { notices }
                <div class="embed-head">
                    { park_name(lang) }
                    <a class="open-full" href={full} target="_blank" rel="noopener" data-testid="open-full">
                        { text(lang, Msg::OpenFull) }
                    </a>
                </div>
                { inputs }
                if let Some(results) = &state.results {
                    <section class={if state.is_stale() { "card stale" } else { "card" }} data-testid="results"
                        data-stale={state.is_stale().to_string()}>
                        { headline(lang, results) }
                        { cash_flow_chart(lang, results) }
                    </section>
                }
            </main>
        };
    }

    html! {
        <>
            <header class="masthead">
                <div class="masthead-inner">
                    <div>
                        { park_name(lang) }
                        <h1>{ text(lang, Msg::Title) }</h1>
                    </div>
                    <div class="masthead-side">
                        <span class="policy-set">
                            { format!("{} {}", text(lang, Msg::PolicySet), engine::policy::POLICY_SET_ID) }
                        </span>
                        { button("lang-switch", Some("roadshow-enter".into()), None, false, enter_roadshow,
                            roadshow_text(lang, RoadshowText::Enter)) }
                        { language_switch(lang, &on_lang) }
                    </div>
                </div>
            </header>
            <main class="page">
                { notices }
                <div class="layout">
                    { inputs }
                    <div class="results-column">
                        <ResultsPanel {lang} results={state.results.clone()} inputs={state.inputs.clone()}
                            stale={state.is_stale()} />
                        <SharePanel state={state.clone()} link={address.clone()} qr_link={qr_link.clone()} />
                        <Compare {lang} form={state.form.clone()} calculator={state.dispatcher()} />
                    </div>
                </div>
                { print_report(&state, address, qr_link) }
            </main>
        </>
    }
}
