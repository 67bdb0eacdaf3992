//! Matchmaking on the default dataset does not favour an actor kind by its
//! id when candidates tie: among the candidates tied at a firm's top-10 cut
//! in score and in every evidence criterion (common partners, shared mini
//! clusters, recency), universities and institutes are admitted in
//! proportion to their share. The evidence itself does carry information,
//! so the share among candidates tied in score alone is printed beside it.

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
    // expected admitted universities/institutes if each firm admits from its
    // tied block in proportion (Σ admitted_f · share_f), and its variance
    let (mut expected, mut var) = (0.0f64, 0.0f64);
    let (mut score_tied, mut score_tied_ur, mut score_adm, mut score_adm_ur) = (0u64, 0, 0, 0);
    for s in 0..view.n() as u32 {
        if net.actor(view.actors[s as usize]).kind != Kind::Firm {
            continue;
        }
        let all = p.top_with_ties(s, 10, &|_| true, &mut sc);
        if all.len() <= 10 || all[10].score != all[9].score {
            continue;
        }
        let cut = all[9].score;
        let kept = tb.cut(&view, s, all.clone(), 10);
        // tied in score alone
        for c in all.iter().filter(|c| c.score == cut) {
            score_tied += 1;
            score_tied_ur += u64::from(ur(c.node));
        }
        for c in kept.iter().filter(|c| c.score == cut) {
            score_adm += 1;
            score_adm_ur += u64::from(ur(c.node));
        }
        // tied in score and evidence with the last admitted candidate
        let last = kept[9];
        let ev = tb.evidence(&view, s, last.node);
        let block: Vec<u32> = all
            .iter()
            .filter(|c| c.score == cut && tb.evidence(&view, s, c.node) == ev)
            .map(|c| c.node)
            .collect();
        if block.len() < 2
            || !all
                .iter()
                .any(|c| c.score == cut && !kept.contains(c) && block.contains(&c.node))
        {
            continue;
        }
        firms += 1;
        let b_ur = block.iter().filter(|&&v| ur(v)).count();
        tied += block.len() as u64;
        tied_ur += b_ur as u64;
        let mut k = 0usize;
        for c in kept.iter().filter(|c| block.contains(&c.node)) {
            k += 1;
            admitted_ur += u64::from(ur(c.node));
        }
        admitted += k as u64;
        // k drawn without replacement from the block: hypergeometric
        let (n, p) = (block.len() as f64, b_ur as f64 / block.len() as f64);
        expected += k as f64 * p;
        var += k as f64 * p * (1.0 - p) * (n - k as f64) / (n - 1.0).max(1.0);
    }
    eprintln!(
        "tied in score: universities/institutes {score_tied_ur}/{score_tied} = {:.4} of the tied candidates, {score_adm_ur}/{score_adm} = {:.4} of those admitted (pooled over firms)",
        score_tied_ur as f64 / score_tied as f64,
        score_adm_ur as f64 / score_adm as f64
    );
    assert!(firms > 500, "only {firms} firms with a tie at the cut");
    let share_tied = tied_ur as f64 / tied as f64;
    let sd = var.sqrt();
    eprintln!(
        "tied in score and evidence: {firms} firms tie at the cut; universities/institutes are {tied_ur}/{tied} = {share_tied:.4} of the tied candidates; admitted {admitted_ur} of {admitted}, expected in proportion to each firm's tied block {expected:.1} (sd {sd:.1})"
    );
    assert!(tied_ur > 0);
    assert!(
        (admitted_ur as f64 - expected).abs() <= 4.0 * sd,
        "admitted {admitted_ur} vs expected {expected:.1} ± {sd:.1}"
    );
}
