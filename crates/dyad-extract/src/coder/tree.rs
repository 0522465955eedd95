//! A parsed sentence as the coder reads it: per word its form, lemma, tag, head, relation and
//! children, with the few tree walks the coder needs.

use dyad_nlp::analyze::{Pipeline, Sentence};

/// One word of the sentence.
#[derive(Debug, Clone)]
pub struct Node<'t> {
    /// Byte span in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word as written, lowercased, with typographic apostrophes made plain.
    pub lower: String,
    /// The lemma.
    pub lemma: String,
    /// The Penn tag.
    pub xpos: &'t str,
    /// The head's index in the sentence, `None` for the root.
    pub head: Option<usize>,
    /// The relation to the head ("nsubj", "obl", "nmod:poss").
    pub rel: &'t str,
    /// The dependents, in sentence order.
    pub children: Vec<usize>,
}

/// The words of a sentence as a tree.
#[derive(Debug, Clone)]
pub struct Tree<'t> {
    /// The words, in order.
    pub nodes: Vec<Node<'t>>,
}

impl<'t> Tree<'t> {
    /// The tree of a parsed sentence of `text`.
    pub fn new(text: &str, sentence: &Sentence, pipeline: &'t Pipeline) -> Self {
        let tagger = pipeline.tagger();
        let mut nodes: Vec<Node<'t>> = sentence
            .words
            .iter()
            .map(|w| {
                let form = text.get(w.start..w.end).unwrap_or("");
                let xpos = tagger.tag_of(w.tag).xpos.as_str();
                Node {
                    start: w.start,
                    end: w.end,
                    lower: form.to_lowercase().replace('’', "'"),
                    lemma: tagger.lemmatizer().lemmatize(form, xpos).to_lowercase(),
                    xpos,
                    head: w.head.and_then(|h| h.checked_sub(1)).filter(|h| *h < sentence.words.len()),
                    rel: pipeline.relation(w.relation),
                    children: Vec::new(),
                }
            })
            .collect();
        for i in 0..nodes.len() {
            if let Some(h) = nodes[i].head {
                nodes[h].children.push(i);
            }
        }
        Self { nodes }
    }

    /// The dependents of `i` whose relation is `rel` or a subtype of it (`obl` takes `obl:tmod`).
    pub fn children<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.nodes[i].children.iter().copied().filter(move |c| is(self.nodes[*c].rel, rel))
    }

    /// The first dependent of `i` with relation `rel` (or a subtype).
    pub fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children(i, rel).next()
    }

    /// The preposition introducing `i` (its last `case` dependent, the one next to the phrase:
    /// "out of the country" is an "of" phrase), lowercased.
    pub fn preposition(&self, i: usize) -> Option<&str> {
        self.children(i, "case").last().map(|c| self.nodes[c].lower.as_str())
    }

    /// The phrases of `i` introduced by the preposition `prep` (obliques and noun modifiers).
    pub fn prep_phrases<'a>(&'a self, i: usize, prep: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.nodes[i].children.iter().copied().filter(move |c| {
            let rel = self.nodes[*c].rel;
            (is(rel, "obl") || is(rel, "nmod") || is(rel, "advcl")) && self.preposition(*c) == Some(prep)
        })
    }

    /// Whether `i` is a verb in the passive voice.
    pub fn passive(&self, i: usize) -> bool {
        self.child(i, "nsubj:pass").is_some() || self.child(i, "aux:pass").is_some()
    }

    /// The depth of `i` (the root has 0); a cycle-safe walk.
    pub fn depth(&self, i: usize) -> usize {
        let mut depth = 0;
        let mut at = i;
        while let Some(h) = self.nodes[at].head {
            depth += 1;
            at = h;
            if depth > self.nodes.len() {
                break;
            }
        }
        depth
    }

    /// The words of the subtree of `i` in breadth-first order, `i` first, not entering the
    /// dependents `stop` rejects.
    pub fn breadth_first(&self, i: usize, stop: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut order = vec![i];
        let mut k = 0;
        while k < order.len() && order.len() <= self.nodes.len() {
            let at = order[k];
            order.extend(self.nodes[at].children.iter().copied().filter(|c| !stop(*c)));
            k += 1;
        }
        order
    }

    /// The byte span of the subtree of `i`.
    pub fn span(&self, i: usize) -> (usize, usize) {
        let all = self.breadth_first(i, |_| false);
        let start = all.iter().map(|w| self.nodes[*w].start).min().unwrap_or(self.nodes[i].start);
        let end = all.iter().map(|w| self.nodes[*w].end).max().unwrap_or(self.nodes[i].end);
        (start, end)
    }

    /// Whether `i` is a verb (any VB tag).
    pub fn verb(&self, i: usize) -> bool {
        self.nodes[i].xpos.starts_with("VB")
    }

    /// Whether `i` is a common noun.
    pub fn noun(&self, i: usize) -> bool {
        matches!(self.nodes[i].xpos, "NN" | "NNS")
    }
}

/// Whether relation `rel` is `want` or one of its subtypes.
pub fn is(rel: &str, want: &str) -> bool {
    rel == want || (rel.starts_with(want) && rel.as_bytes().get(want.len()) == Some(&b':'))
}
