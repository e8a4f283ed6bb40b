//! The page: masthead, inputs and results.

use yew::prelude::*;

use crate::components::input_panel::InputPanel;
use crate::components::language_switch::LanguageSwitch;
use crate::components::results_panel::ResultsPanel;
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

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };

    html! {
        <>
            <header class="masthead">
                <div class="masthead-inner">
                    <div>
                        <p class="park-name">{ text(lang, Msg::ParkName) }</p>
                        <h1>{ text(lang, Msg::Title) }</h1>
                    </div>
                    <div class="masthead-side">
                        <span class="policy-set">
                            { format!("{} {}", text(lang, Msg::PolicySet), engine::policy::POLICY_SET_ID) }
                        </span>
                        <LanguageSwitch {lang} on_change={on_lang} />
                    </div>
                </div>
            </header>
            <main class="page layout">
                <InputPanel state={state.clone()} />
                <ResultsPanel {lang} results={state.results.clone()} inputs={state.inputs.clone()}
                    stale={state.is_stale()} />
            </main>
        </>
    }
}
