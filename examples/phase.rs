#![allow(clippy::unwrap_used)]
use std::time::Instant;
fn main() {
    for _ in 0..5 {
        let t = Instant::now();
        let d = unvote::data::bundled::dataset().unwrap();
        let a = t.elapsed();
        let t = Instant::now();
        let app = unvote::app::App::new(d);
        let b = t.elapsed();
        println!("load {a:?} App::new {b:?} {}", app.list.shown.len());
    }
}
