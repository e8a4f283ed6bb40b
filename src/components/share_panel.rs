//! Share and export: the link (copy, QR, confidential switch), the embed
//! snippet, the year table as CSV, the scenario as a JSON file (save and
//! open), and the printable report.

use std::rc::Rc;

use engine::RawScenario;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};
use yew::prelude::*;

use crate::components::app::is_roadshow_switch;
use crate::components::button as shared;
use crate::components::field::control_id;
use crate::components::notice::{notice, Tone};
use crate::components::qr_code::qr_code;
use crate::export::{scenario_json, year_table_csv};
use crate::i18n::inputs::label;
use crate::i18n::{text, Lang, Msg};
use crate::link;
use crate::state::{Action, State};

/// Props of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The app state.
    pub state: UseReducerHandle<State>,
    /// The page's link ([`full_link`]).
    pub link: AttrValue,
    /// The link the QR code draws: `link` once typing has paused
    /// (crate::settle), the previous one until then, `None` at first.
    pub qr_link: Option<AttrValue>,
}

/// The page's address without its fragment, e.g. `https://host/calc/`,
/// and without the roadshow switches: a link handed out (copied, QR code,
/// embed) opens the calculator itself on the visitor's own device.
pub fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    without_roadshow_switches(href.split('#').next().unwrap_or_default())
}

/// `address` without the roadshow switches of its query (`roadshow`,
/// `idle=`); other parameters stay, in their order.
pub fn without_roadshow_switches(address: &str) -> String {
    let Some((base, query)) = address.split_once('?') else {
        return address.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !is_roadshow_switch(pair))
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// The full link to the state, confidential fields left out.
pub fn full_link(state: &State) -> String {
    link_to(state, state.embed)
}

/// The full link to the state opening the embed view or not (`embed`),
/// confidential fields left out.
pub fn link_to(state: &State, embed: bool) -> String {
    let link_state = link::LinkState {
        embed,
        ..state.link_state()
    };
    format!(
        "{}#{}",
        page_address(),
        link::encode(&link_state, &state.left_out())
    )
}

/// Offers `contents` as a file download.
fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// The file name of an export: `项目名称-2026.csv` style, safe on every OS.
fn file_name(state: &State, extension: &str) -> String {
    let name: String = state
        .form
        .shown(crate::inputs::Input::Name)
        .chars()
        .filter(|character| !"\\/:*?\"<>|".contains(*character))
        .take(40)
        .collect();
    let name = if name.trim().is_empty() {
        "scenario".to_owned()
    } else {
        name
    };
    format!("{name}.{extension}")
}

/// What opening a scenario file found.
#[derive(Debug, Clone, PartialEq)]
enum Imported {
    Loaded,
    Invalid(Vec<String>),
}

/// Reads a scenario file: every error reported, nothing loaded partially.
fn import(lang: Lang, contents: &str) -> Result<crate::form::FormState, Vec<String>> {
    let describe = |errors: &[engine::FieldError]| -> Vec<String> {
        errors
            .iter()
            .map(|error| {
                let message = match lang {
                    Lang::Zh => &error.message_zh,
                    Lang::En => &error.message_en,
                };
                match crate::inputs::Input::from_id(&error.field) {
                    Some(input) => format!("{}: {message}", label(lang, input)),
                    None => message.clone(),
                }
            })
            .collect()
    };
    let value = engine::json::parse(contents)
        .map_err(|error| vec![format!("{}: {error}", text(lang, Msg::LinkUnreadable))])?;
    let (raw, mut errors) =
        RawScenario::from_value_lenient(value).map_err(|errors| describe(&errors))?;
    if let Err(invalid) = engine::validate(&raw) {
        errors.extend(invalid);
    }
    if !errors.is_empty() {
        return Err(describe(&errors));
    }
    Ok(link::form_of_scenario(&raw))
}

/// What the panel tells the user about their last actions.
#[derive(Debug, Clone, Default, PartialEq)]
struct Feedback {
    /// The link was copied.
    copied: bool,
    /// What opening the last scenario file found.
    imported: Option<Imported>,
}

/// An action whose outcome the panel tells.
#[derive(Debug, Clone, PartialEq)]
enum Told {
    Copied,
    Imported(Imported),
}

impl Reducible for Feedback {
    type Action = Told;

    fn reduce(self: Rc<Self>, action: Told) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Told::Copied => next.copied = true,
            Told::Imported(imported) => next.imported = Some(imported),
        }
        Rc::new(next)
    }
}

/// A button of the panel, by its `data-testid`.
fn button(
    lang: Lang,
    testid: &'static str,
    onclick: Callback<MouseEvent>,
    words: Msg,
    disabled: bool,
) -> Html {
    let testid = Some(AttrValue::Static(testid));
    shared::button("button", testid, None, disabled, onclick, text(lang, words))
}

/// The share and export panel.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let feedback = use_reducer(Feedback::default);
    let address = &props.link;
    // Until the code has caught up with the link it is marked as behind.
    let qr_behind = props.qr_link.as_deref() != Some(&**address);

    let on_copy = {
        let address = address.clone();
        let feedback = feedback.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let _ = clipboard.write_text(&address);
            feedback.dispatch(Told::Copied);
        })
    };
    let on_confidential = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            state.dispatch(Action::SetConfidential(on));
        })
    };
    let on_csv = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(results) = &state.results {
                download(
                    &file_name(&state, "csv"),
                    "text/csv;charset=utf-8",
                    &year_table_csv(state.lang, results),
                );
            }
        })
    };
    let on_json = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(json) = scenario_json(&state.form) {
                download(&file_name(&state, "json"), "application/json", &json);
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let on_file = {
        let state = state.clone();
        let feedback = feedback.dispatcher();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let state = state.clone();
            let feedback = feedback.clone();
            yew::platform::spawn_local(async move {
                let contents = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|value| value.as_string())
                    .unwrap_or_default();
                match import(state.lang, &contents) {
                    Ok(form) => {
                        state.dispatch(Action::Load(form, Vec::new()));
                        feedback.dispatch(Told::Imported(Imported::Loaded));
                    }
                    Err(errors) => feedback.dispatch(Told::Imported(Imported::Invalid(errors))),
                }
            });
        })
    };
    let typed: Vec<_> = state
        .form
        .entries
        .keys()
        .copied()
        .filter(|input| *input != crate::inputs::Input::Name)
        .collect();
    let embed_source = link_to(state, true);
    let snippet = format!(
        "<iframe src=\"{embed_source}\" title=\"{}\" style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{}embed-host.js\" defer></script>",
        text(lang, Msg::Title),
        page_address()
    );

    html! {
        <section class="card share" aria-labelledby="share-heading" data-testid="share-panel">
            <h2 id="share-heading">{ text(lang, Msg::ShareHeading) }</h2>
            <div class="share-grid">
                <div>
                    <label for="share-link">{ text(lang, Msg::LinkLabel) }</label>
                    <div class="control">
                        <input id="share-link" type="text" readonly=true value={address.clone()} data-testid="share-link" />
                        { button(lang, "copy-link", on_copy, Msg::CopyLink, false) }
                    </div>
                    if feedback.copied {
                        <p class="hint" role="status">{ text(lang, Msg::LinkCopied) }</p>
                    }
                    <div class="field switch">
                        <label for="confidential">{ text(lang, Msg::Confidential) }</label>
                        <div class="control">
                            <input type="checkbox" id="confidential" data-testid="confidential"
                                checked={state.confidential_on} onchange={on_confidential} />
                        </div>
                    </div>
                    if state.confidential_on && !typed.is_empty() {
                        <ul class="left-out">
                            { for typed.iter().map(|input| {
                                let input = *input;
                                let id = format!("{}-leave-out", control_id(input));
                                let state = state.clone();
                                let onchange = Callback::from(move |_: Event| state.dispatch(Action::ToggleLeftOut(input)));
                                html! {
                                    <li>
                                        <input type="checkbox" id={id.clone()} data-testid={format!("confidential.{}", input.id())}
                                            checked={props.state.confidential.contains(&input)} {onchange} />
                                        <label for={id}>{ format!("{} — {}", label(lang, input), text(lang, Msg::LeaveOut)) }</label>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <div class="buttons">
                        { button(lang, "export-csv", on_csv, Msg::ExportCsv, false) }
                        { button(lang, "export-json", on_json, Msg::ExportJson, !state.messages.is_empty()) }
                        <label class="button file">
                            { text(lang, Msg::ImportJson) }
                            <input type="file" accept=".json,application/json" data-testid="import-json" onchange={on_file} />
                        </label>
                        { button(lang, "print", on_print, Msg::PrintReport, false) }
                    </div>
                    { match &feedback.imported {
                        Some(Imported::Loaded) => notice("import_loaded".into(), text(lang, Msg::ImportLoaded).into(), Tone::Info),
                        Some(Imported::Invalid(errors)) => html! {
                            <div>
                                { notice("import_invalid".into(), text(lang, Msg::ImportInvalid).into(), Tone::Error) }
                                <ul class="import-errors" data-testid="import-errors">
                                    { for errors.iter().map(|error| html! { <li>{ error.clone() }</li> }) }
                                </ul>
                            </div>
                        },
                        None => html! {},
                    } }
                </div>
                <figure class="qr" data-testid="qr" data-behind={qr_behind.to_string()}>
                    { match &props.qr_link {
                        Some(link) => qr_code(link.clone()),
                        // The code's square, kept free until it is drawn.
                        None => html! { <svg class="qr-code" viewBox="0 0 1 1" aria-hidden="true"></svg> },
                    } }
                    <figcaption>{ text(lang, Msg::QrCaption) }</figcaption>
                </figure>
            </div>
            <details class="embed">
                <summary>{ text(lang, Msg::EmbedHeading) }</summary>
                <p class="hint">{ text(lang, Msg::EmbedHint) }</p>
                <textarea readonly=true rows="4" data-testid="embed-snippet" aria-label={text(lang, Msg::EmbedHeading)}
                    value={snippet} />
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::without_roadshow_switches;

    #[test]
    fn links_handed_out_leave_the_roadshow_switches_behind() {
        for (address, handed_out) in [
            ("https://host/calc/", "https://host/calc/"),
            ("https://host/calc/?roadshow", "https://host/calc/"),
            ("https://host/calc/?roadshow&idle=120", "https://host/calc/"),
            (
                "https://host/calc/?roadshow=1&from=crm",
                "https://host/calc/?from=crm",
            ),
            (
                "https://host/calc/?from=crm&idle=60&x=1",
                "https://host/calc/?from=crm&x=1",
            ),
            ("https://host/calc/?&roadshow", "https://host/calc/"),
            (
                "https://host/calc/?roadshows=2",
                "https://host/calc/?roadshows=2",
            ),
        ] {
            assert_eq!(without_roadshow_switches(address), handed_out, "{address}");
        }
    }
}
