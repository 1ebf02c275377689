//! The one random generator: a drill's shuffle and practice's random case both draw
//! from it. `ROLEPLAY_SEED` fixes it, for tests and demonstrations.

/// A generator seeded from `ROLEPLAY_SEED` when it holds a number, else from the
/// system's entropy.
pub(super) fn generator() -> fastrand::Rng {
    let seed = std::env::var("ROLEPLAY_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok());
    seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed)
}
