//! Criterion benchmarks of the explorer on the bundled data: one keystroke end to end (action →
//! update → render of the full screen at 200×60 into a `TestBackend`) for list movement and for
//! a search keystroke, a year step in the alignment ranking, the map, the ideal-point chart and
//! ranking, and launch to first frame (load, indexes, first render).

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unvote::app::analysis::View;
use unvote::app::{Action, App, Pane};
use unvote::data::bundled;
use unvote::ui::{self, theme::Theme};

fn keystroke(c: &mut Criterion) {
    let theme = Theme::COLOR;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    let mut app = App::new(bundled::dataset().expect("bundled data"));
    app.update(Action::Resize(60));
    let mut down = true;
    c.bench_function("keystroke: list movement + full render 200x60", |b| {
        b.iter(|| {
            app.update(if down {
                Action::SelectNext
            } else {
                Action::SelectPrev
            });
            down = !down;
            terminal
                .draw(|f| ui::render(f, &app, &theme))
                .expect("draw");
        })
    });
    app.update(Action::StartInput);
    "ukrain"
        .chars()
        .for_each(|ch| app.update(Action::Input(ch)));
    let name = "keystroke: resolution filter 'ukrain'+'e' + full render 200x60";
    bench_typing(c, name, &mut app, &mut terminal, 'e');
    app.update(Action::StopInput);
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    "nrth kore"
        .chars()
        .for_each(|ch| app.update(Action::Input(ch)));
    let name = "keystroke: country search 'nrth kore'+'a' + full render 200x60";
    bench_typing(c, name, &mut app, &mut terminal, 'a');

    // The views: a year step re-ranks every state (and its 25-year sparkline) and redraws.
    app.update(Action::StopInput);
    app.update(Action::Open(View::Alignment));
    app.update(Action::StartInput);
    "2022".chars().for_each(|ch| app.update(Action::Input(ch)));
    app.update(Action::Confirm);
    let mut back = true;
    c.bench_function(
        "keystroke: year step in the alignment ranking + full render 200x60",
        |b| {
            b.iter(|| {
                app.update(if back {
                    Action::PrevYear
                } else {
                    Action::NextYear
                });
                back = !back;
                terminal
                    .draw(|f| ui::render(f, &app, &theme))
                    .expect("draw");
            })
        },
    );
    app.update(Action::Open(View::Map));
    c.bench_function(
        "keystroke: marker set on the agreement map + full render 200x60",
        |b| {
            b.iter(|| {
                app.update(Action::CycleMarker);
                terminal
                    .draw(|f| ui::render(f, &app, &theme))
                    .expect("draw");
            })
        },
    );

    // A series: opening it (the titles' words indexed on the first one, as in use) and
    // stepping through its years.
    let mut series = App::new(bundled::dataset().expect("bundled data"));
    assert!(series.open_country("usa"));
    assert!(series.open_resolution("A/RES/71/5"));
    series.update(Action::OpenSeries);
    series.update(Action::Back);
    c.bench_function(
        "keystroke: open the series of A/RES/71/5 (index built) + full render 200x60",
        |b| {
            b.iter(|| {
                // The series itself recomputed each time, as for a vote not opened before.
                series.analysis.series = None;
                series.update(Action::OpenSeries);
                terminal
                    .draw(|f| ui::render(f, &series, &theme))
                    .expect("draw");
                series.update(Action::Back);
            })
        },
    );
    series.update(Action::OpenSeries);
    let mut older = true;
    c.bench_function(
        "keystroke: year step in a series + full render 200x60",
        |b| {
            b.iter(|| {
                series.update(if older {
                    Action::SelectPrev
                } else {
                    Action::SelectNext
                });
                older = !older;
                terminal
                    .draw(|f| ui::render(f, &series, &theme))
                    .expect("draw");
            })
        },
    );
    // Ideal points: a session step in the chart of two states, and a year step in the ranking
    // by distance (every state's point and distance looked up).
    let mut ideal = App::new(bundled::dataset().expect("bundled data"));
    ideal.analysis.ideal.bundled = true;
    assert!(ideal.open_country("usa"));
    ideal.update(Action::Open(View::Ideal));
    ideal.update(Action::Open(View::Compare));
    "russia"
        .chars()
        .for_each(|ch| ideal.update(Action::Input(ch)));
    ideal.update(Action::Confirm);
    let mut older = true;
    c.bench_function(
        "keystroke: a session step in the ideal-point chart + render 200x60",
        |b| {
            b.iter(|| {
                ideal.update(if older {
                    Action::SelectNext
                } else {
                    Action::SelectPrev
                });
                older = !older;
                terminal
                    .draw(|f| ui::render(f, &ideal, &theme))
                    .expect("draw");
            })
        },
    );
    ideal.update(Action::Open(View::Alignment));
    ideal.update(Action::ToggleDistance);
    let mut back = true;
    c.bench_function(
        "keystroke: year step in the ranking by ideal distance + render 200x60",
        |b| {
            b.iter(|| {
                ideal.update(if back {
                    Action::PrevYear
                } else {
                    Action::NextYear
                });
                back = !back;
                terminal
                    .draw(|f| ui::render(f, &ideal, &theme))
                    .expect("draw");
            })
        },
    );
    let data = bundled::dataset().expect("bundled data");
    c.bench_function("series index: the titles' words of every roll call", |b| {
        b.iter(|| black_box(unvote::data::series::SeriesIndex::new(&data)))
    });

    c.bench_function(
        "launch to first frame (load + indexes + render 200x60)",
        |b| {
            b.iter(|| {
                let app = App::new(bundled::dataset().expect("bundled data"));
                terminal
                    .draw(|f| ui::render(f, &app, &theme))
                    .expect("draw");
                black_box(app.list.shown.len())
            })
        },
    );
}

/// One keystroke into the active input line and a full render: typing `ch` and deleting it in
/// turn, so every iteration is one real keystroke on the same query.
fn bench_typing(
    c: &mut Criterion,
    name: &str,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    ch: char,
) {
    let theme = Theme::COLOR;
    let mut typing = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            app.update(if typing {
                Action::Input(ch)
            } else {
                Action::Backspace
            });
            typing = !typing;
            terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = keystroke
}
criterion_main!(benches);
