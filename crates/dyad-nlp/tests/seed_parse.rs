//! Golden test: the dependency arcs the event coder needs in the seed article's first two
//! sentences — subjects, objects, `xcomp`, the coordination of "vowed … and denounced", and the
//! place of "talks in Moscow" — not the whole tree.

use dyad_nlp::analyze::Pipeline;

const SEED: &str = include_str!("../../../examples/russia-cuba.txt");

/// (dependent, relation, head) triples of sentence `index`, by word form.
fn arcs(index: usize) -> Vec<(String, String, String)> {
    let pipeline = Pipeline::embedded(true).expect("embedded models load");
    let sentences = pipeline.analyze(SEED);
    let conllu = pipeline.to_conllu(SEED, &sentences, None);
    let words = &conllu[index].words;
    words
        .iter()
        .map(|w| {
            let head = w.head.and_then(|h| h.checked_sub(1)).map_or("ROOT", |h| words[h].form.as_str());
            (w.form.clone(), w.deprel.clone(), head.to_string())
        })
        .collect()
}

fn has(arcs: &[(String, String, String)], dependent: &str, relation: &str, head: &str) -> bool {
    arcs.iter().any(|(d, r, h)| d == dependent && r == relation && h == head)
}

#[test]
fn first_sentence_who_vowed_and_denounced_what() {
    let a = arcs(0);
    for (dependent, relation, head) in [
        ("presidents", "nsubj", "vowed"),
        ("vowed", "root", "ROOT"),
        ("ties", "obj", "strengthen"),
        ("denounced", "conj", "vowed"),
        ("what", "obj", "denounced"),
        ("Cuba", "conj", "Russia"),
    ] {
        assert!(has(&a, dependent, relation, head), "missing {dependent} -{relation}-> {head} in {a:?}");
    }
    let to_strengthen = a.iter().find(|(d, _, _)| d == "strengthen");
    assert!(to_strengthen.is_some_and(|(_, _, h)| h == "vowed"), "'strengthen' hangs from 'vowed': {a:?}");
}

#[test]
fn first_sentence_vowed_to_strengthen_is_an_xcomp() {
    assert!(has(&arcs(0), "strengthen", "xcomp", "vowed"), "{:?}", arcs(0));
}

#[test]
fn second_sentence_talks_in_moscow_and_the_call() {
    let a = arcs(1);
    for (dependent, relation, head) in
        [("Moscow", "nmod", "talks"), ("called", "root", "ROOT"), ("integration", "obl", "called")]
    {
        assert!(has(&a, dependent, relation, head), "missing {dependent} -{relation}-> {head} in {a:?}");
    }
}

#[test]
#[ignore = "known parser error (issue 3): in 'Miguel Diaz-Canel and Russia's Vladimir Putin' \
            the parser coordinates 'Miguel' with 'Russia' and makes them a compound of 'Putin', \
            the subject, instead of 'Russia' the possessor of 'Vladimir', a conjunct of 'Miguel'"]
fn second_sentence_subjects_of_called() {
    let a = arcs(1);
    assert!(has(&a, "Diaz-Canel", "nsubj", "called") || has(&a, "Miguel", "nsubj", "called"), "{a:?}");
    assert!(has(&a, "Putin", "conj", "Diaz-Canel") || has(&a, "Vladimir", "conj", "Miguel"), "{a:?}");
}
