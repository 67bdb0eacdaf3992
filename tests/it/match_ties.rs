//! Matchmaking on the default dataset does not favour an actor kind when
//! scores tie: universities and institutes are admitted to firms' top-10
//! lists in proportion to their share of the candidates tied at the cut.

use iuinet::algo::linkpred::{Method, Predictor, Scratch};
use iuinet::metrics::matching::TieBreak;
use iuinet::model::Kind;
use iuinet::view::{View, ViewOpts};

#[test]
fn universities_and_institutes_are_admitted_in_proportion_to_ties() {
    let net = iuinet::ingest::embedded::default_network().expect("embedded data");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let tb = TieBreak::new(&net, &view, 0);
    let p = Predictor::with_incidence(
        &view.csr,
        &view.incidence,
        Method::ResourceAllocation,
        Some(tb.rank()),
    );
    let ur = |v: u32| {
        matches!(
            net.actor(view.actors[v as usize]).kind,
            Kind::University | Kind::Institute
        )
    };
    let mut sc = Scratch::new(view.n());
    // over every firm whose top-10 cut falls inside a tie: the tied block
    // at the cut and those of it that are admitted
    let (mut tied, mut tied_ur, mut admitted, mut admitted_ur, mut firms) = (0u64, 0, 0, 0, 0);
    for s in 0..view.n() as u32 {
        if net.actor(view.actors[s as usize]).kind != Kind::Firm {
            continue;
        }
        let all = p.top_with_ties(s, 10, &|_| true, &mut sc);
        if all.len() <= 10 {
            continue;
        }
        let cut = all[9].score;
        if all[10].score != cut {
            continue;
        }
        firms += 1;
        let block: Vec<u32> = all
            .iter()
            .filter(|c| c.score == cut)
            .map(|c| c.node)
            .collect();
        let kept = tb.cut(&view, s, all, 10);
        tied += block.len() as u64;
        tied_ur += block.iter().filter(|&&v| ur(v)).count() as u64;
        for c in kept.iter().filter(|c| c.score == cut) {
            admitted += 1;
            admitted_ur += u64::from(ur(c.node));
        }
    }
    assert!(firms > 1000, "only {firms} firms with a tie at the cut");
    let share_tied = tied_ur as f64 / tied as f64;
    let share_admitted = admitted_ur as f64 / admitted as f64;
    // binomial standard error of the admitted share under "in proportion"
    let se = (share_tied * (1.0 - share_tied) / admitted as f64).sqrt();
    eprintln!(
        "{firms} firms tie at the cut; universities/institutes are {tied_ur}/{tied} = {share_tied:.4} of the tied candidates and {admitted_ur}/{admitted} = {share_admitted:.4} of those admitted (se {se:.4})"
    );
    assert!(share_tied > 0.0);
    assert!(
        (share_admitted - share_tied).abs() <= 4.0 * se + 0.2 * share_tied,
        "admitted share {share_admitted} vs tied share {share_tied}"
    );
}
