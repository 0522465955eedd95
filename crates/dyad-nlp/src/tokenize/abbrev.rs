//! Abbreviations that keep their period, hyphen prefixes EWT does not split, name particles and
//! contractions written without an apostrophe. All tables are sorted for binary search.

/// Longest word looked up in the tables, in bytes.
const MAX_LEN: usize = 12;

/// Abbreviations matched in any letter case (`Mr.`, `mr.`, `MR.`).
const ANY_CASE: &[&str] = &[
    "adm", "al", "approx", "apr", "assn", "attn", "aug", "ave", "blvd", "brig", "bros", "capt", "cf", "cmdr",
    "co", "corp", "cos", "cpl", "dec", "dept", "dr", "drs", "esq", "etc", "ext", "feb", "ft", "govt", "inc",
    "jan", "jr", "jul", "lt", "ltd", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "nov", "oct", "pp",
    "prof", "sep", "sept", "sgt", "sr", "st", "supt", "thur", "thurs", "tues", "viz", "vs",
];

/// Abbreviations that are also English words, so only taken with a capital (`Gen.`, `Wash.`).
const CAPITALISED: &[&str] = &[
    "ala", "ariz", "ark", "calif", "col", "colo", "conn", "del", "fig", "fla", "fri", "ga", "gen", "gov",
    "hon", "ill", "ind", "jun", "kan", "kans", "ky", "la", "mar", "mass", "md", "mich", "minn", "mo", "mon",
    "mont", "neb", "nev", "no", "nos", "okla", "ore", "pa", "pres", "rep", "reps", "rev", "sat", "sen",
    "sens", "sun", "tenn", "tex", "thu", "tue", "va", "vol", "vt", "wash", "wed", "wis", "wyo",
];

/// Abbreviations placed before a name or number: they do not end a sentence before a capital.
const TITLES: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "dr", "drs", "fig", "ft", "gen", "gov", "hon", "lt", "maj",
    "messrs", "mme", "mr", "mrs", "ms", "mt", "no", "nos", "pp", "pres", "prof", "rep", "reps", "rev", "sen",
    "sens", "sgt", "st", "supt",
];

/// Capitalised words that typically open a sentence: after an abbreviation, they show that its
/// period also ends the sentence (`… against the U.S. He said`).
const OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Now",
    "On",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Prefixes EWT keeps attached to the rest of a hyphenated word (`e-mail`, `non-violence`).
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "arch", "bi", "co", "counter", "cross", "e", "ex", "extra", "hyper", "infra", "inter", "intra",
    "macro", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo",
    "psycho", "quasi", "re", "semi", "socio", "sub", "trans", "tri", "ultra", "un",
];

/// Lower-case particles of Arabic and other names joined by a hyphen (`al-Assad`, `bin-Laden`).
const NAME_PARTICLES: &[&str] = &["abu", "al", "as", "ash", "bin", "ed", "el", "ibn", "ul"];

/// Contractions written without an apostrophe and where EWT splits them (`dont` → `do` + `nt`).
const BARE_CONTRACTIONS: &[(&str, usize)] = &[
    ("aint", 2),
    ("arent", 3),
    ("cannot", 3),
    ("cant", 2),
    ("couldnt", 5),
    ("didnt", 3),
    ("doesnt", 4),
    ("dont", 2),
    ("gonna", 3),
    ("gotta", 3),
    ("hadnt", 3),
    ("hasnt", 3),
    ("havent", 4),
    ("im", 1),
    ("isnt", 2),
    ("ive", 1),
    ("outta", 3),
    ("shouldnt", 6),
    ("thats", 4),
    ("theres", 5),
    ("theyre", 4),
    ("wanna", 3),
    ("wasnt", 3),
    ("werent", 4),
    ("whats", 4),
    ("wont", 2),
    ("wouldnt", 5),
    ("youre", 3),
];

/// `word` in ASCII lower case, in a stack buffer; `None` if too long or not ASCII letters.
fn lower(word: &str) -> Option<([u8; MAX_LEN], usize)> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_LEN || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut buf = [0u8; MAX_LEN];
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    Some((buf, bytes.len()))
}

/// Whether the lower-cased `word` is in the sorted `table`.
fn in_table(table: &[&str], word: &str) -> bool {
    lower(word).is_some_and(|(buf, len)| {
        let key = &buf[..len];
        table.binary_search_by(|e| e.as_bytes().cmp(key)).is_ok()
    })
}

/// Whether `word` (without its period) is a known abbreviation such as `Mr`, `Corp` or `Calif`.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    in_table(ANY_CASE, word)
        || (word.starts_with(|c: char| c.is_ascii_uppercase()) && in_table(CAPITALISED, word))
}

/// Whether `word` (without its period) is a title or a label put before a name or a number.
pub(crate) fn is_title(word: &str) -> bool {
    in_table(TITLES, word)
}

/// Whether `word` is a capitalised word that typically opens a sentence (`He`, `The`, `But`).
pub(crate) fn is_opener(word: &str) -> bool {
    OPENERS.binary_search(&word).is_ok()
}

/// Whether `word` starts a new sentence after an abbreviation's period: an opener, and after an
/// initial one of two letters or more (`… because of X. So`, but `J. R. R. Tolkien`).
pub(crate) fn opens_sentence_after(word: &str, after_initial: bool) -> bool {
    (!after_initial || word.len() > 1) && is_opener(word)
}

/// Whether `word` is a prefix that EWT keeps attached before a hyphen.
pub(crate) fn is_hyphen_prefix(word: &str) -> bool {
    in_table(HYPHEN_PREFIXES, word)
}

/// Whether `word` is a lower-case name particle such as `al` or `bin`.
pub(crate) fn is_name_particle(word: &str) -> bool {
    in_table(NAME_PARTICLES, word)
}

/// Where a contraction written without an apostrophe splits into two words (`gonna` → 3).
pub(crate) fn bare_contraction_split(word: &str) -> Option<usize> {
    if !(2..=8).contains(&word.len()) {
        return None;
    }
    let (buf, len) = lower(word)?;
    let key = &buf[..len];
    BARE_CONTRACTIONS
        .binary_search_by(|(e, _)| e.as_bytes().cmp(key))
        .ok()
        .and_then(|i| BARE_CONTRACTIONS.get(i))
        .map(|&(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [OPENERS, ANY_CASE, CAPITALISED, TITLES, HYPHEN_PREFIXES, NAME_PARTICLES] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
            assert!(table.iter().all(|w| w.len() <= MAX_LEN));
        }
        assert!(BARE_CONTRACTIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn case_rules() {
        assert!(is_abbreviation("Mr") && is_abbreviation("mr") && is_abbreviation("Corp"));
        assert!(is_abbreviation("Wash") && !is_abbreviation("wash"));
        assert!(!is_abbreviation("Washington") && !is_abbreviation("Москва"));
        assert_eq!(bare_contraction_split("Gonna"), Some(3));
        assert_eq!(bare_contraction_split("going"), None);
    }
}
