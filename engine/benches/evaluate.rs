//! Benchmark of a full evaluation (three statements, all metrics, buy vs
//! rent, tornado, switching values, stress) of each cluster's default
//! scenario at N = 15 and N = 30. The budget is 2 ms native (one frame).

use criterion::{criterion_group, criterion_main, Criterion};
use engine::{evaluate, validate, RawScenario};

const CLUSTERS: [&str; 6] = [
    "magnetic_electronics",
    "intelligent_equipment",
    "new_energy",
    "big_data",
    "building_economy",
    "other",
];

fn full_evaluation(criterion: &mut Criterion) {
    for cluster in CLUSTERS {
        for horizon in [15, 30] {
            let raw = RawScenario {
                cluster: Some(cluster.to_owned()),
                horizon: Some(engine::scenario::Num::from(horizon)),
                ..RawScenario::default()
            };
            let Ok(valid) = validate(&raw) else {
                continue;
            };
            criterion.bench_function(&format!("evaluate/{cluster}/N{horizon}"), |bencher| {
                bencher.iter(|| evaluate(std::hint::black_box(&valid)));
            });
        }
    }
}

criterion_group!(benches, full_evaluation);
criterion_main!(benches);
