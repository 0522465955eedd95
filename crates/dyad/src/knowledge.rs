//! Loading what the coder knows: the embedded lexicon and event lexicon, with an optional
//! overlay folder (`--lexicon DIR`) on top.

use anyhow::{Context, Result};
use dyad_lexicon::events::EventLexicon;
use dyad_lexicon::Lexicon;
use std::path::Path;

/// The embedded lexicons, with the overlay in `overlay` added: `agents.tsv`, `metonyms.tsv`,
/// `officials.tsv` and `events.tsv`, whichever it holds. Lines the overlay cannot read are
/// printed as warnings with their file and line; the rest loads.
pub fn load(overlay: Option<&Path>) -> Result<(Lexicon, EventLexicon)> {
    let (mut lexicon, _) = Lexicon::embedded();
    let (mut events, _) = EventLexicon::embedded();
    if let Some(dir) = overlay {
        if !dir.is_dir() {
            anyhow::bail!("--lexicon {}: not a folder", dir.display());
        }
        let mut problems =
            lexicon.add_overlay(dir).with_context(|| format!("--lexicon {}", dir.display()))?;
        let path = dir.join("events.tsv");
        if path.exists() {
            let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
            problems.extend(events.add_patterns(&path.display().to_string(), &text));
        }
        for p in &problems {
            eprintln!("dyad: warning: {p}");
        }
    }
    Ok((lexicon, events))
}
