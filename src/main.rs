//! Entry point of the browser app: mounts the calculator into the page.

fn main() {
    yz_calc::start();
}
