//! The language pipeline on raw text: tokens, sentences, tags, lemmas and dependency trees,
//! with byte offsets.

use crate::binio::ModelError;
use crate::conllu;
use crate::parser::{Parser, Scratch as ParseScratch, Tree};
use crate::sentence::split_sentences;
use crate::tagger::{Scratch, Tagger};
use crate::tokenize::{tokenize, Token};

/// The tagger and lemmatizer trained from UD English EWT by `dyad train tagger`, compressed.
pub const EMBEDDED_TAGGER: &[u8] = include_bytes!("../../../models/tagger.zst");

/// The dependency parser trained from UD English EWT by `dyad train parser`, compressed.
pub const EMBEDDED_PARSER: &[u8] = include_bytes!("../../../models/parser.zst");

/// One syntactic word of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word's first byte in the document.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Index of the surface token it belongs to, within the sentence.
    pub token: usize,
    /// The tagger's class (see [`Tagger::tag_of`]); after parsing, the one the parser kept.
    pub tag: u16,
    /// The other class the tagger hesitated over, if any (see
    /// [`crate::tagger::Scratch::runner_ups`]); the parser may swap it with `tag`.
    pub runner_up: Option<u16>,
    /// Head word: 0 for the root, else the 1-based index of the head in the sentence; `None`
    /// when the pipeline does not parse.
    pub head: Option<usize>,
    /// The dependency relation (see [`Parser::label`]); meaningful only with a head.
    pub relation: u16,
}

/// One sentence of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The surface tokens, with byte spans into the document.
    pub tokens: Vec<Token>,
    /// The syntactic words (a two-word token such as `don't` gives two).
    pub words: Vec<Word>,
}

/// Tokenizer, sentence splitter, tagger, lemmatizer and (optionally) parser together.
#[derive(Debug, Clone)]
pub struct Pipeline {
    tagger: Tagger,
    parser: Option<Parser>,
}

impl Pipeline {
    /// A pipeline around a loaded tagger and, if given, a parser.
    pub fn new(tagger: Tagger, parser: Option<Parser>) -> Self {
        Self { tagger, parser }
    }

    /// The pipeline with the models embedded in the binary; `parse` adds the parser.
    pub fn embedded(parse: bool) -> Result<Self, ModelError> {
        let parser = if parse { Some(Parser::from_bytes(EMBEDDED_PARSER)?) } else { None };
        Ok(Self::new(Tagger::from_bytes(EMBEDDED_TAGGER)?, parser))
    }

    /// The same pipeline parsing with another beam width (1: greedy, fastest; see
    /// [`Parser::with_beam`]).
    pub fn with_beam(self, width: usize) -> Self {
        Self { parser: self.parser.map(|p| p.with_beam(width)), ..self }
    }

    /// The parser, when the pipeline parses.
    pub fn parser(&self) -> Option<&Parser> {
        self.parser.as_ref()
    }

    /// The tagger in use.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The name of a dependency relation index of [`Word::relation`] ("nsubj"); "dep" when the
    /// pipeline does not parse.
    pub fn relation(&self, index: u16) -> &str {
        self.parser.as_ref().map_or("dep", |p| p.label(index))
    }

    /// Tokenizes, splits and tags (and parses) `text`.
    pub fn analyze(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        self.analyze_each(text, |_, s| out.push(s));
        out
    }

    /// Like [`Pipeline::analyze`], handing each sentence with its index to `each` as soon as it
    /// is analysed, so a huge text needs memory for its tokens, not for all its analyses.
    pub fn analyze_each(&self, text: &str, mut each: impl FnMut(usize, Sentence)) {
        let tokens = tokenize(text);
        let mut scratch = (Scratch::default(), ParseScratch::default());
        for (n, range) in split_sentences(text, &tokens).into_iter().enumerate() {
            each(n, self.analyze_tokens(text, &tokens[range], &mut scratch));
        }
    }

    /// Tokenizes, splits and tags `text` without parsing, for callers that parse only the
    /// sentences they need ([`Pipeline::parse_where`]).
    pub fn analyze_unparsed(&self, text: &str) -> Vec<Sentence> {
        let tokens = tokenize(text);
        let mut scratch = Scratch::default();
        split_sentences(text, &tokens)
            .into_iter()
            .map(|range| self.tag_tokens(text, &tokens[range], &mut scratch))
            .collect()
    }

    /// Parses the sentences whose index `wanted` accepts (heads and relations as
    /// [`Pipeline::analyze`] gives them); nothing when the pipeline does not parse.
    pub fn parse_where(&self, text: &str, sentences: &mut [Sentence], wanted: impl Fn(usize) -> bool) {
        let Some(parser) = &self.parser else { return };
        let mut scratch = ParseScratch::default();
        for (_, s) in sentences.iter_mut().enumerate().filter(|(n, _)| wanted(*n)) {
            self.parse_words(parser, text, &mut s.words, &mut scratch);
        }
    }

    fn analyze_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        scratch: &mut (Scratch, ParseScratch),
    ) -> Sentence {
        let mut sentence = self.tag_tokens(text, tokens, &mut scratch.0);
        if let Some(parser) = &self.parser {
            self.parse_words(parser, text, &mut sentence.words, &mut scratch.1);
        }
        sentence
    }

    /// Sets the heads and relations of tagged `words`, and their tags where the parser took
    /// the runner-up.
    fn parse_words(&self, parser: &Parser, text: &str, words: &mut [Word], scratch: &mut ParseScratch) {
        let forms: Vec<&str> = words.iter().map(|w| span(text, w.start, w.end)).collect();
        let mut tags: Vec<u16> = words.iter().map(|w| w.tag).collect();
        let mut runner_ups: Vec<Option<u16>> = words.iter().map(|w| w.runner_up).collect();
        let tree = self.parse_tagged(parser, &forms, &mut tags, &mut runner_ups, scratch);
        for (i, w) in words.iter_mut().enumerate() {
            (w.tag, w.runner_up) = (tags[i], runner_ups[i]);
            w.head = tree.heads.get(i).copied();
            w.relation = tree.labels.get(i).copied().unwrap_or(0);
        }
    }

    /// Parses words given their tag classes and the tagger's runner-ups; where the parser
    /// took a runner-up, it becomes the word's class and the first class its runner-up.
    fn parse_tagged(
        &self,
        parser: &Parser,
        forms: &[&str],
        tags: &mut [u16],
        runner_ups: &mut [Option<u16>],
        scratch: &mut ParseScratch,
    ) -> Tree {
        let xpos = |class: u16| self.tagger.tag_of(class).xpos.as_str();
        let first: Vec<&str> = tags.iter().map(|c| xpos(*c)).collect();
        let second: Vec<Option<&str>> = runner_ups.iter().map(|r| r.map(xpos)).collect();
        let tree = parser.parse_with_runner_ups(forms, &first, &second, scratch);
        for ((tag, runner_up), taken) in
            tags.iter_mut().zip(runner_ups.iter_mut()).zip(&tree.runner_ups_taken)
        {
            if let (true, Some(other)) = (*taken, *runner_up) {
                (*tag, *runner_up) = (other, Some(*tag));
            }
        }
        tree
    }

    /// Splits `tokens` into words and tags them.
    fn tag_tokens(&self, text: &str, tokens: &[Token], scratch: &mut Scratch) -> Sentence {
        let mut words = Vec::with_capacity(tokens.len() + 2);
        for (index, t) in tokens.iter().enumerate() {
            match t.split {
                Some(s) if s > t.start && s < t.end => {
                    words.push(Word::new(t.start, s, index));
                    words.push(Word::new(s, t.end, index));
                }
                _ => words.push(Word::new(t.start, t.end, index)),
            }
        }
        let forms: Vec<&str> = words.iter().map(|w| span(text, w.start, w.end)).collect();
        let tags = self.tagger.tag(&forms, scratch);
        for ((w, tag), runner_up) in words.iter_mut().zip(tags).zip(scratch.runner_ups()) {
            w.tag = tag;
            w.runner_up = *runner_up;
        }
        Sentence { tokens: tokens.to_vec(), words }
    }

    /// Analyses sentences whose words are given (e.g. gold tokenization from CoNLL-U), filling
    /// the UPOS, XPOS and lemma columns, and the head and relation when the pipeline parses;
    /// everything else is kept.
    pub fn annotate_conllu(&self, sentences: &mut [conllu::Sentence]) {
        let mut scratch = (Scratch::default(), ParseScratch::default());
        for s in sentences {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut tags = self.tagger.tag(&forms, &mut scratch.0);
            let mut runner_ups = scratch.0.runner_ups().to_vec();
            let tree = self
                .parser
                .as_ref()
                .map(|p| (p, self.parse_tagged(p, &forms, &mut tags, &mut runner_ups, &mut scratch.1)));
            for (w, class) in s.words.iter_mut().zip(&tags) {
                let tag = self.tagger.tag_of(*class);
                w.lemma = self.tagger.lemmatizer().lemmatize(&w.form, &tag.xpos);
                w.upos = tag.upos.clone();
                w.xpos = tag.xpos.clone();
            }
            if let Some((parser, tree)) = &tree {
                write_tree(parser, tree, s);
            }
        }
    }

    /// Parses sentences whose words and XPOS tags are given, filling the head and relation
    /// columns and keeping everything else: the parser scored apart from the tagger. Nothing
    /// changes when the pipeline does not parse.
    pub fn parse_conllu(&self, sentences: &mut [conllu::Sentence]) {
        let Some(parser) = &self.parser else { return };
        let mut scratch = ParseScratch::default();
        for s in sentences {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let tree = parser.parse(&forms, &xpos, &mut scratch);
            write_tree(parser, &tree, s);
        }
    }

    /// Renders analysed sentences as CoNLL-U sentences: `# text`, multi-word tokens, lemmas,
    /// tags, heads and relations when parsed, `TokenRange=start:end` and `SpaceAfter=No` in MISC.
    pub fn to_conllu(
        &self,
        text: &str,
        sentences: &[Sentence],
        doc_id: Option<&str>,
    ) -> Vec<conllu::Sentence> {
        sentences
            .iter()
            .enumerate()
            .filter_map(|(n, s)| self.sentence_to_conllu(text, s, n, doc_id))
            .collect()
    }

    /// Renders sentence number `n` (0-based) of a document as CoNLL-U (see
    /// [`Pipeline::to_conllu`]); the first sentence carries `# newdoc` when `doc_id` is given.
    /// `None` for a sentence without tokens.
    pub fn sentence_to_conllu(
        &self,
        text: &str,
        s: &Sentence,
        n: usize,
        doc_id: Option<&str>,
    ) -> Option<conllu::Sentence> {
        let (first, last) = (s.tokens.first()?, s.tokens.last()?);
        let mut comments = Vec::new();
        if n == 0 {
            if let Some(id) = doc_id {
                comments.push(format!("newdoc id = {id}"));
            }
        }
        comments.push(format!("sent_id = {}", n + 1));
        comments.push(format!("text = {}", one_line(span(text, first.start, last.end))));
        let mut sentence = conllu::Sentence { comments, ..Default::default() };
        for (i, w) in s.words.iter().enumerate() {
            let token = &s.tokens[w.token];
            let tag = self.tagger.tag_of(w.tag);
            let form = span(text, w.start, w.end);
            let is_token_end = w.end == token.end;
            let multi = token.split.is_some_and(|sp| sp > token.start && sp < token.end);
            let space_after = is_token_end && !multi && has_space_after(text, &s.tokens, w.token);
            let mut misc = Vec::new();
            if !space_after && is_token_end && !multi {
                misc.push("SpaceAfter=No".to_string());
            }
            misc.push(format!("TokenRange={}:{}", w.start, w.end));
            if multi && w.start == token.start {
                let mut token_misc = format!("TokenRange={}:{}", token.start, token.end);
                if !has_space_after(text, &s.tokens, w.token) {
                    token_misc = format!("SpaceAfter=No|{token_misc}");
                }
                sentence.multiwords.push(conllu::MultiWord {
                    first: i + 1,
                    last: i + 2,
                    form: span(text, token.start, token.end).to_string(),
                    misc: token_misc,
                });
            }
            sentence.words.push(conllu::Word {
                form: form.to_string(),
                lemma: self.tagger.lemmatizer().lemmatize(form, &tag.xpos),
                upos: tag.upos.clone(),
                xpos: tag.xpos.clone(),
                head: w.head,
                deprel: match (&self.parser, w.head) {
                    (Some(parser), Some(_)) => parser.label(w.relation).to_string(),
                    _ => String::new(),
                },
                misc: misc.join("|"),
                ..Default::default()
            });
        }
        Some(sentence)
    }
}

impl Word {
    fn new(start: usize, end: usize, token: usize) -> Self {
        Self { start, end, token, tag: 0, runner_up: None, head: None, relation: 0 }
    }
}

/// Whether anything separates token `index` from the next (for the sentence's last token: the
/// end of the text or whitespace comes next). The tokenizer leaves only whitespace and control
/// characters between tokens.
fn has_space_after(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else { return true };
    match tokens.get(index + 1) {
        Some(next) => next.start > token.end,
        None => text.get(token.end..).and_then(|rest| rest.chars().next()).is_none_or(char::is_whitespace),
    }
}

/// Writes a parse into the head and relation columns of its CoNLL-U sentence.
fn write_tree(parser: &Parser, tree: &Tree, sentence: &mut conllu::Sentence) {
    for (i, w) in sentence.words.iter_mut().enumerate() {
        w.head = tree.heads.get(i).copied();
        w.deprel = tree.labels.get(i).map_or("dep", |l| parser.label(*l)).to_string();
    }
}

/// The text between two byte offsets, or nothing if they are not a span of `text` (a sentence
/// analysed from another text).
fn span(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// Sentence text for a `# text` comment: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads_and_writes_back_the_same_bytes() {
        let tagger = Tagger::from_bytes(EMBEDDED_TAGGER).expect("embedded model loads");
        assert_eq!(tagger.to_bytes().expect("serialises"), EMBEDDED_TAGGER);
    }

    #[test]
    fn parses_given_tags_and_keeps_them() {
        let pipeline = Pipeline::embedded(true).unwrap();
        // "fire" given as a verb, where the tagger makes it a noun: the trees differ.
        let text =
            "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tfire\tfire\tVERB\tVBP\t_\t0\troot\t_\t_\n\
3\tshots\tshot\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n";
        let gold = conllu::parse(text).unwrap();
        let heads = |s: &[conllu::Sentence]| s[0].words.iter().map(|w| w.head).collect::<Vec<_>>();
        let mut tagged_here = gold.clone();
        pipeline.annotate_conllu(&mut tagged_here);
        let mut given = gold.clone();
        given[0].words.iter_mut().for_each(|w| w.head = None);
        pipeline.parse_conllu(&mut given);
        assert_ne!(heads(&given), heads(&tagged_here), "the given tags must steer the parse");
        let tree = pipeline.parser().unwrap().parse(
            &["Police", "fire", "shots"],
            &["NNS", "VBP", "NNS"],
            &mut ParseScratch::default(),
        );
        assert_eq!(heads(&given), tree.heads.iter().map(|h| Some(*h)).collect::<Vec<_>>());
        for (s, g) in given[0].words.iter().zip(&gold[0].words) {
            assert_eq!((&s.upos, &s.xpos, &s.lemma), (&g.upos, &g.xpos, &g.lemma));
        }
    }

    #[test]
    fn analyses_a_two_word_token_and_keeps_offsets() {
        let pipeline = Pipeline::embedded(true).unwrap();
        let text = "Russia’s leaders don't agree.";
        let sentences = pipeline.analyze(text);
        assert_eq!(sentences.len(), 1);
        let forms: Vec<&str> = sentences[0].words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(forms, ["Russia", "’s", "leaders", "do", "n't", "agree", "."]);
        let conllu = pipeline.to_conllu(text, &sentences, Some("doc"));
        assert_eq!(conllu[0].multiwords.len(), 2);
        assert_eq!(conllu[0].words[0].upos, "PROPN");
        let heads: Vec<Option<usize>> = conllu[0].words.iter().map(|w| w.head).collect();
        assert_eq!(heads.iter().filter(|h| **h == Some(0)).count(), 1, "one root: {heads:?}");
    }
}
