//! The page: header, the cash-flow form and its results.

use yew::prelude::*;

use crate::components::cash_flow_form::CashFlowForm;
use crate::components::language_switch::LanguageSwitch;
use crate::components::result_figure::ResultsPanel;
use crate::i18n::{text, Msg};
use crate::state::{Action, State};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let lang = state.lang;

    // The benchmark reads this mark: the first result is on screen once the
    // first render has been committed.
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("first-result");
        }
    });
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_rate = {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(Action::SetRate(value)))
    };
    let on_flows = {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(Action::SetFlows(value)))
    };

    html! {
        <>
            <header class="masthead">
                <div class="masthead-inner">
                    <div>
                        <p class="park-name">{ text(lang, Msg::ParkName) }</p>
                        <h1>{ text(lang, Msg::Title) }</h1>
                    </div>
                    <LanguageSwitch {lang} on_change={on_lang} />
                </div>
            </header>
            <main class="page">
                <p class="intro">{ text(lang, Msg::Intro) }</p>
                <div class="layout">
                    <CashFlowForm
                        {lang}
                        form={state.form.clone()}
                        errors={state.errors.clone()}
                        {on_rate}
                        {on_flows}
                    />
                    <ResultsPanel {lang} result={state.result.clone()} stale={state.is_stale()} />
                </div>
                <p class="method">{ text(lang, Msg::Method) }</p>
            </main>
        </>
    }
}
