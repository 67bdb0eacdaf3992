//! Temporal evaluation of matchmaking (`iuinet match-eval`).
