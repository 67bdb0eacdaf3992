//! Seeded generators of domain-like networks for the benches: actors with
//! heavy-tailed activity (Pareto, shape 1.6), events of heavy-tailed size
//! (1 + ⌊Pareto(1.25)⌋, capped at 80) drawn by activity, and n/2 dyadic
//! ties. Same design as `benches/gen_domain.py` (not the same random
//! stream). About 12.5 links per actor: 1k → ~12k, 5k → ~62k, 20k → ~265k.

use iuinet::model::Network;
use iuinet::view::{View, ViewOpts, Weighting};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use std::fmt::Write;

fn unit(r: &mut ChaCha8Rng) -> f64 {
    ((r.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

fn pareto(r: &mut ChaCha8Rng, shape: f64) -> f64 {
    unit(r).powf(-1.0 / shape)
}

/// A network of `n` actors and `events` events (seeded).
pub fn domain_network(n: usize, events: usize, seed: u64) -> Network {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    let mut cum = Vec::with_capacity(n);
    let mut tot = 0.0;
    for _ in 0..n {
        tot += pareto(&mut r, 1.6);
        cum.push(tot);
    }
    let draw = |r: &mut ChaCha8Rng| {
        let x = unit(r) * tot;
        cum.partition_point(|&c| c < x).min(n - 1)
    };
    let mut actors = String::from("id,kind\n");
    let kinds = ["firm", "university", "institute", "agency"];
    for i in 0..n {
        let _ = writeln!(actors, "a{i:06},{}", kinds[i % 4]);
    }
    let mut ev = String::from("event_id,type,year,actor_id\n");
    for e in 0..events {
        let size = ((1.0 + pareto(&mut r, 1.25).floor()) as usize).min(80);
        let mut m: Vec<usize> = Vec::new();
        let mut tries = 0;
        while m.len() < size && tries < 20 * size {
            let a = draw(&mut r);
            if !m.contains(&a) {
                m.push(a);
            }
            tries += 1;
        }
        for a in m {
            let _ = writeln!(ev, "e{e:06},forum,{},a{a:06}", 2005 + e % 5);
        }
    }
    let mut ties = String::from("source,target,type,year,weight\n");
    for _ in 0..n / 2 {
        let a = draw(&mut r);
        let b = (r.next_u64() % n as u64) as usize;
        if a != b {
            let _ = writeln!(ties, "a{a:06},a{b:06},supply,2007,1");
        }
    }
    match iuinet::ingest::from_csv_strs(&actors, Some(&ev), None, Some(&ties)) {
        Ok(net) => net,
        Err(e) => panic!("generated data is invalid: {e}"),
    }
}

/// Events per actor count that give ~12.5 links per actor.
pub fn events_for(n: usize) -> usize {
    match n {
        0..=2000 => n * 3 / 10,
        2001..=10000 => n * 2 / 5,
        _ => n * 38 / 100,
    }
}

/// The view of a generated network.
pub fn domain_view(n: usize, weight: Weighting) -> View {
    let net = domain_network(n, events_for(n), 1);
    match View::build(
        &net,
        &ViewOpts {
            weight,
            ..ViewOpts::default()
        },
    ) {
        Ok(v) => v,
        Err(e) => panic!("view: {e}"),
    }
}
