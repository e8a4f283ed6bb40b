//! Roadshow mode (PRODUCT.md J10): a start screen with the park's published
//! facts and a preset per cluster, a presentation view for a projector (large
//! figures, one chart at a time, full screen, the QR hand-off one tap away),
//! and a return to the start screen after an idle time that clears the
//! visitor's inputs but never the saved scenarios.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::app::park_name;
use crate::components::button as shared;
use crate::components::charts::{buy_rent_chart, cash_flow_chart, incentive_chart, tornado_chart};
use crate::components::headline::headline;
use crate::components::input_panel::input_panel;
use crate::components::language_switch::language_switch;
use crate::components::qr_code::qr_code;
use crate::components::share_panel::full_link;
use crate::form::FormState;
use crate::i18n::inputs::option_label;
use crate::i18n::roadshow::{roadshow_text, RoadshowText as T};
use crate::i18n::Lang;
use crate::inputs::{Input, CLUSTERS};
use crate::state::{Action, State};

/// Props of [`Roadshow`].
#[derive(Properties, PartialEq)]
pub struct RoadshowProps {
    /// The app state.
    pub state: UseReducerHandle<State>,
    /// Seconds without input before the start screen returns.
    pub idle_seconds: u32,
    /// The page's roadshow switch, turned off to leave (a setter, unlike a
    /// callback, stays the same from one render of the page to the next).
    pub switch: UseStateSetter<bool>,
}

/// The two reference projects of PARK.md as example scenarios. Only their
/// published figures are given (output, investment); the rest are [G]
/// defaults a presenter is expected to adjust.
fn reference_project(ebike: bool) -> FormState {
    let entries: &[(Input, &str)] = if ebike {
        &[
            (Input::Name, "电助力自行车项目（参考）"),
            (Input::Cluster, "intelligent_equipment"),
            (Input::SiteMode, "buy_land"),
            (Input::LandMu, "300"),
            (Input::Equipment, "80000"),
            (Input::OutputFull, "80000"),
            (Input::Headcount, "1500"),
        ]
    } else {
        &[
            (Input::Name, "线缆企业扩产项目（参考）"),
            (Input::Cluster, "other"),
            (Input::SiteMode, "rent"),
            (Input::RentArea, "8000"),
            (Input::Equipment, "3000"),
            (Input::OutputFull, "10000"),
            (Input::MaterialsRatio, "80"),
            (Input::Headcount, "120"),
        ]
    };
    FormState::from_pairs(entries)
}

const CHART_COUNT: usize = 4;

/// Which screen shows and how (the visitor's inputs are in the app state).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Screen {
    /// The presentation view, rather than the start screen.
    presenting: bool,
    /// The chart shown, `0` to `CHART_COUNT - 1`.
    chart: usize,
    /// The QR overlay is open.
    show_qr: bool,
    /// Seconds without input before the start screen returns.
    idle_seconds: u32,
}

/// What the presenter (or the idle clock) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScreenAction {
    /// A preset was chosen: present it from the first chart.
    Start,
    /// Back to the start screen.
    Back,
    /// Move this many charts on, wrapping around.
    Step(usize),
    ToggleQr,
    /// Nobody touched the screen for the idle time.
    Idle,
    /// The idle time was set, in seconds.
    IdleAfter(u32),
}

impl Reducible for Screen {
    type Action = ScreenAction;

    fn reduce(self: Rc<Self>, action: ScreenAction) -> Rc<Self> {
        let mut next = *self;
        match action {
            ScreenAction::Start => {
                next.chart = 0;
                next.presenting = true;
            }
            ScreenAction::Back => next.presenting = false,
            ScreenAction::Step(delta) => next.chart = (next.chart + delta) % CHART_COUNT,
            ScreenAction::ToggleQr => next.show_qr = !next.show_qr,
            ScreenAction::Idle => {
                next.show_qr = false;
                next.presenting = false;
            }
            ScreenAction::IdleAfter(seconds) => next.idle_seconds = seconds,
        }
        Rc::new(next)
    }
}

/// A button of the roadshow screens (`data-testid` where tests use it).
fn button(
    lang: Lang,
    class: &'static str,
    testid: Option<&'static str>,
    onclick: Callback<MouseEvent>,
    words: T,
) -> Html {
    let testid = testid.map(AttrValue::Static);
    shared::button(
        class,
        testid,
        None,
        false,
        onclick,
        roadshow_text(lang, words),
    )
}

/// The roadshow screens.
#[function_component(Roadshow)]
pub fn roadshow(props: &RoadshowProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let screen = use_reducer(|| Screen {
        idle_seconds: props.idle_seconds,
        ..Screen::default()
    });

    // Idle reset: any pointer, key or input restarts the clock; when it
    // runs out, the visitor's inputs are cleared and the start screen returns.
    {
        let state = state.clone();
        let limit = screen.idle_seconds;
        let screen = screen.dispatcher();
        use_effect_with(limit, move |limit| {
            let last = Rc::new(Cell::new(js_sys::Date::now()));
            let document = gloo::utils::document();
            let listeners: Vec<EventListener> = ["pointerdown", "keydown", "input", "wheel"]
                .into_iter()
                .map(|name| {
                    let last = last.clone();
                    EventListener::new(&document, name, move |_| last.set(js_sys::Date::now()))
                })
                .collect();
            let limit_ms = f64::from(*limit) * 1000.0;
            let interval = Interval::new(1000, move || {
                if js_sys::Date::now() - last.get() >= limit_ms {
                    last.set(js_sys::Date::now());
                    screen.dispatch(ScreenAction::Idle);
                    state.dispatch(Action::ResetAll);
                }
            });
            move || {
                drop(interval);
                drop(listeners);
            }
        });
    }

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let exit = {
        let switch = props.switch.clone();
        Callback::from(move |_: MouseEvent| switch.set(false))
    };
    let top_bar = |extra: Html| {
        html! {
            <header class="roadshow-bar">
                { park_name(lang) }
                <div class="roadshow-actions">
                    { extra }
                    { language_switch(lang, &on_lang) }
                    { button(lang, "button quiet", Some("roadshow-exit"), exit.clone(), T::Exit) }
                </div>
            </header>
        }
    };

    if !screen.presenting {
        let start = |form: FormState| {
            let state = state.clone();
            let screen = screen.dispatcher();
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::Load(form.clone(), Vec::new()));
                screen.dispatch(ScreenAction::Start);
            })
        };
        let on_idle = {
            let screen = screen.dispatcher();
            Callback::from(move |event: Event| {
                let minutes: u32 = event
                    .target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(3);
                screen.dispatch(ScreenAction::IdleAfter(minutes * 60));
            })
        };
        let facts = [
            T::FactCoreArea,
            T::FactFactories,
            T::FactSigned,
            T::FactDeposit,
            T::FactFinance,
            T::FactService,
        ];
        let references = [
            ("preset.reference_ebike", true, T::EbikeName, T::EbikeNote),
            ("preset.reference_cable", false, T::CableName, T::CableNote),
        ];
        return html! {
            <main class="roadshow start" data-testid="roadshow-start">
                { top_bar(html! {}) }
                <section class="roadshow-hero">
                    <h1>{ roadshow_text(lang, T::Welcome) }</h1>
                    <p>{ roadshow_text(lang, T::Identity) }</p>
                </section>
                <section class="roadshow-facts" aria-labelledby="facts-heading">
                    <h2 id="facts-heading">{ roadshow_text(lang, T::FactsHeading) }
                        <span class="dated">{ format!(" · {}", roadshow_text(lang, T::FactsDated)) }</span></h2>
                    <ul>{ for facts.iter().map(|fact| html! { <li>{ roadshow_text(lang, *fact) }</li> }) }</ul>
                </section>
                <section class="roadshow-gallery" aria-labelledby="gallery-heading">
                    <h2 id="gallery-heading">{ roadshow_text(lang, T::GalleryHeading) }</h2>
                    <div class="gallery">
                        { for CLUSTERS.iter().map(|cluster| {
                            let form = FormState::from_pairs(&[(Input::Cluster, cluster.value())]);
                            html! {
                                <button type="button" class="tile" data-testid={format!("preset.{}", cluster.value())}
                                    onclick={start(form)}>
                                    { option_label(lang, *cluster) }
                                </button>
                            }
                        }) }
                    </div>
                    <h2>{ roadshow_text(lang, T::ReferenceHeading) }</h2>
                    <div class="gallery">
                        { for references.into_iter().map(|(testid, ebike, name, note)| html! {
                            <button type="button" class="tile" data-testid={testid} onclick={start(reference_project(ebike))}>
                                <strong>{ roadshow_text(lang, name) }</strong>
                                <span>{ roadshow_text(lang, note) }</span>
                            </button>
                        }) }
                    </div>
                </section>
                <p class="roadshow-idle">
                    <label for="idle">{ roadshow_text(lang, T::IdleLabel) }</label>{ " " }
                    <select id="idle" onchange={on_idle}>
                        { for [1u32, 3, 5, 10].into_iter().map(|minutes| html! {
                            <option value={minutes.to_string()} selected={screen.idle_seconds == minutes * 60}>{ minutes }</option>
                        }) }
                    </select>{ " " }{ roadshow_text(lang, T::IdleMinutes) }
                </p>
            </main>
        };
    }

    let report = |action: ScreenAction| {
        let screen = screen.dispatcher();
        Callback::from(move |_: MouseEvent| screen.dispatch(action))
    };
    let full_screen = Callback::from(|_: MouseEvent| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.request_fullscreen();
        }
    });
    let toggle_qr = report(ScreenAction::ToggleQr);
    let current_chart = match (&state.results, &state.inputs) {
        (Some(results), Some(inputs)) => match screen.chart {
            0 => cash_flow_chart(lang, results),
            1 => buy_rent_chart(lang, &results.buy_vs_rent),
            2 => incentive_chart(lang, results),
            _ => tornado_chart(
                lang,
                results.statements.project_after_tax.npv,
                &results.tornado,
                inputs.sensitivity_range,
            ),
        },
        _ => html! {},
    };
    html! {
        <main class="roadshow present" data-testid="roadshow-present">
            { top_bar(html! {
                <>
                    { button(lang, "button quiet", Some("roadshow-back"), report(ScreenAction::Back), T::BackToStart) }
                    { button(lang, "button quiet", None, full_screen, T::FullScreen) }
                    { button(lang, "button", Some("roadshow-qr"), toggle_qr.clone(), T::ShowQr) }
                </>
            }) }
            <div class="roadshow-stage">
                <aside class="roadshow-inputs">
                    { input_panel(state, true) }
                </aside>
                <section class="roadshow-results" data-testid="results" data-stale={state.is_stale().to_string()}>
                    <h1 class="roadshow-name">{ state.form.shown(Input::Name) }</h1>
                    if let Some(results) = &state.results {
                        { headline(lang, results) }
                    }
                    <div class="roadshow-chart">{ current_chart }</div>
                    <div class="roadshow-steps">
                        { button(lang, "button quiet", None, report(ScreenAction::Step(CHART_COUNT - 1)), T::PreviousChart) }
                        { button(lang, "button quiet", Some("roadshow-next"), report(ScreenAction::Step(1)), T::NextChart) }
                    </div>
                </section>
            </div>
            if screen.show_qr {
                <div class="qr-overlay" data-testid="roadshow-qr-overlay">
                    <div class="qr-big">{ qr_code(full_link(state).into()) }</div>
                    { button(lang, "button", Some("roadshow-qr-close"), toggle_qr, T::HideQr) }
                </div>
            }
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: &[ScreenAction]) -> Screen {
        let start = Rc::new(Screen {
            idle_seconds: 180,
            ..Screen::default()
        });
        *actions
            .iter()
            .fold(start, |screen, action| screen.reduce(*action))
    }

    #[test]
    fn the_screens_follow_the_presenter_and_the_idle_clock() {
        use ScreenAction::*;
        let presenting = after(&[
            Start,
            Step(1),
            Step(CHART_COUNT - 1),
            Step(CHART_COUNT - 1),
            ToggleQr,
        ]);
        assert!(presenting.presenting && presenting.show_qr);
        assert_eq!(presenting.chart, CHART_COUNT - 1);
        // A new preset starts from the first chart.
        assert_eq!(after(&[Start, Step(1), Back, Start]).chart, 0);
        // The idle clock closes the QR code and returns to the start screen.
        let idle = after(&[Start, ToggleQr, IdleAfter(60), Idle]);
        assert!(!idle.presenting && !idle.show_qr);
        assert_eq!(idle.idle_seconds, 60);
    }
}
