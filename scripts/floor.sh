#!/usr/bin/env bash
# How small the wasm could be with Yew and the engine alone: builds two
# throwaway apps exactly as the bundle is built (the workspace's release
# profile and Cargo.lock, wasm-bindgen, wasm-opt -Oz) and prints their sizes
# beside the app's.
#   yew          a small Yew app: two function components, use_state,
#                use_reducer, use_effect_with, an input callback, a keyed list
#   yew+engine   the same shell around the whole model: a textarea of
#                scenario JSON in, engine::evaluate_json's results JSON out
# The difference between the app and "yew+engine" is what the interface
# itself costs: views, texts, links, charts, QR code, storage and export.
#   bash scripts/floor.sh [target-dir]     (default: target/floor)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dir=${1:-target/floor}
# shellcheck source=scripts/wasm-opt.sh
. scripts/wasm-opt.sh
# shellcheck source=scripts/lean-std.sh
. scripts/lean-std.sh

# The app's own wasm, built as scripts/size.sh builds it.
with_lean_std cargo build --release --target wasm32-unknown-unknown --bin yz-calc --target-dir "$dir/app" --quiet
wasm-bindgen --target web --out-dir "$dir/app/bg" "$dir/app/wasm32-unknown-unknown/release/yz-calc.wasm"
optimise_wasm "$dir/app/bg/yz-calc_bg.wasm" "$dir/app.wasm"

write_crate() { # name, with-engine (0/1)
  local crate="$dir/$1"
  mkdir -p "$crate/src"
  cp Cargo.lock "$crate/"
  {
    printf '[package]\nname = "floor"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
    [ "$2" = 1 ] && printf 'engine = { path = "%s/engine" }\n' "$root"
    printf 'yew = { version = "0.23", features = ["csr"] }\n'
    printf 'web-sys = { version = "0.3", features = ["HtmlTextAreaElement"] }\n'
    printf 'wasm-bindgen = "=0.2.130"\n\n'
    sed -n '/^\[profile.release\]/,/^$/p' Cargo.toml
    printf '\n[workspace]\n'
  } >"$crate/Cargo.toml"
  if [ "$2" = 1 ]; then
    result='match engine::evaluate_json(&text) { Ok(json) | Err(json) => json }'
  else
    result='format!("{} characters", text.chars().count())'
  fi
  cat >"$crate/src/main.rs" <<EOF
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct RowProps {
    label: AttrValue,
    value: AttrValue,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    html! {
        <div class="row">
            <span class="label">{ props.label.clone() }</span>
            <strong>{ props.value.clone() }</strong>
        </div>
    }
}

#[derive(PartialEq)]
struct Edits(u32);

impl Reducible for Edits {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Edits(self.0 + 1).into()
    }
}

#[function_component(App)]
fn app() -> Html {
    let text = use_state(String::new);
    let edits = use_reducer(|| Edits(0));
    {
        let edits = edits.dispatcher();
        use_effect_with(text.len(), move |_| edits.dispatch(()));
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            text.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let text = (*text).clone();
    let result = $result;
    html! {
        <main>
            <textarea value={text.clone()} {oninput} />
            <Row label="edits" value={edits.0.to_string()} />
            <Row label="result" value={result} />
            <ul>{ for text.lines().map(|line| html! { <li key={line.to_owned()}>{ line.to_owned() }</li> }) }</ul>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
EOF
  (cd "$crate" && with_lean_std cargo build --release --target wasm32-unknown-unknown --quiet)
  wasm-bindgen --target web --out-dir "$crate/bg" "$crate/target/wasm32-unknown-unknown/release/floor.wasm"
  optimise_wasm "$crate/bg/floor_bg.wasm" "$dir/$1.wasm"
}

write_crate yew 0
write_crate yew+engine 1

printf '%-12s %10s %12s\n' wasm raw gzip-9
for name in yew yew+engine app; do
  printf '%-12s %10d %12d\n' "$name" "$(wc -c <"$dir/$name.wasm")" "$(gzip -9 -c "$dir/$name.wasm" | wc -c)"
done
