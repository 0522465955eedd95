//! The language pipeline on raw text: tokens, sentences, tags and lemmas, with byte offsets.

use crate::binio::ModelError;
use crate::conllu;
use crate::sentence::split_sentences;
use crate::tagger::{Scratch, Tagger};
use crate::tokenize::{tokenize, Token};

/// The tagger and lemmatizer trained from UD English EWT by `dyad train tagger`, compressed.
pub const EMBEDDED_TAGGER: &[u8] = include_bytes!("../../../models/tagger.zst");

/// One syntactic word of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word's first byte in the document.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Index of the surface token it belongs to, within the sentence.
    pub token: usize,
    /// The tagger's class (see [`Tagger::tag_of`]).
    pub tag: u16,
}

/// One sentence of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The surface tokens, with byte spans into the document.
    pub tokens: Vec<Token>,
    /// The syntactic words (a two-word token such as `don't` gives two).
    pub words: Vec<Word>,
}

/// Tokenizer, sentence splitter, tagger and lemmatizer together.
#[derive(Debug, Clone)]
pub struct Pipeline {
    tagger: Tagger,
}

impl Pipeline {
    /// A pipeline around a loaded tagger.
    pub fn new(tagger: Tagger) -> Self {
        Self { tagger }
    }

    /// The pipeline with the model embedded in the binary.
    pub fn embedded() -> Result<Self, ModelError> {
        Ok(Self::new(Tagger::from_bytes(EMBEDDED_TAGGER)?))
    }

    /// The tagger in use.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Tokenizes, splits and tags `text`.
    pub fn analyze(&self, text: &str) -> Vec<Sentence> {
        let tokens = tokenize(text);
        let mut scratch = Scratch::default();
        split_sentences(text, &tokens)
            .into_iter()
            .map(|range| self.analyze_tokens(text, &tokens[range], &mut scratch))
            .collect()
    }

    fn analyze_tokens(&self, text: &str, tokens: &[Token], scratch: &mut Scratch) -> Sentence {
        let mut words = Vec::with_capacity(tokens.len() + 2);
        for (index, t) in tokens.iter().enumerate() {
            match t.split {
                Some(s) if s > t.start && s < t.end => {
                    words.push(Word { start: t.start, end: s, token: index, tag: 0 });
                    words.push(Word { start: s, end: t.end, token: index, tag: 0 });
                }
                _ => words.push(Word { start: t.start, end: t.end, token: index, tag: 0 }),
            }
        }
        let forms: Vec<&str> = words.iter().map(|w| text.get(w.start..w.end).unwrap_or("")).collect();
        for (w, tag) in words.iter_mut().zip(self.tagger.tag(&forms, scratch)) {
            w.tag = tag;
        }
        Sentence { tokens: tokens.to_vec(), words }
    }

    /// Tags sentences whose words are given (e.g. gold tokenization from CoNLL-U), filling the
    /// UPOS, XPOS and lemma columns and keeping everything else.
    pub fn tag_conllu(&self, sentences: &mut [conllu::Sentence]) {
        let mut scratch = Scratch::default();
        for s in sentences {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tags = self.tagger.tag(&forms, &mut scratch);
            for (w, class) in s.words.iter_mut().zip(tags) {
                let tag = self.tagger.tag_of(class);
                w.lemma = self.tagger.lemmatizer().lemmatize(&w.form, &tag.xpos);
                w.upos = tag.upos.clone();
                w.xpos = tag.xpos.clone();
            }
        }
    }

    /// Renders analysed sentences as CoNLL-U sentences: `# text`, multi-word tokens, lemmas,
    /// tags, `TokenRange=start:end` and `SpaceAfter=No` in MISC. Heads are left empty.
    pub fn to_conllu(
        &self,
        text: &str,
        sentences: &[Sentence],
        doc_id: Option<&str>,
    ) -> Vec<conllu::Sentence> {
        let mut out = Vec::with_capacity(sentences.len());
        for (n, s) in sentences.iter().enumerate() {
            let (Some(first), Some(last)) = (s.tokens.first(), s.tokens.last()) else {
                continue;
            };
            let mut comments = Vec::new();
            if n == 0 {
                if let Some(id) = doc_id {
                    comments.push(format!("newdoc id = {id}"));
                }
            }
            comments.push(format!("sent_id = {}", n + 1));
            comments.push(format!("text = {}", one_line(&text[first.start..last.end])));
            let mut sentence = conllu::Sentence { comments, ..Default::default() };
            for (i, w) in s.words.iter().enumerate() {
                let token = &s.tokens[w.token];
                let tag = self.tagger.tag_of(w.tag);
                let form = &text[w.start..w.end];
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
                        form: text[token.start..token.end].to_string(),
                        misc: token_misc,
                    });
                }
                sentence.words.push(conllu::Word {
                    form: form.to_string(),
                    lemma: self.tagger.lemmatizer().lemmatize(form, &tag.xpos),
                    upos: tag.upos.clone(),
                    xpos: tag.xpos.clone(),
                    misc: misc.join("|"),
                    ..Default::default()
                });
            }
            out.push(sentence);
        }
        out
    }
}

/// Whether whitespace follows token `index` (the sentence's last token counts as followed).
fn has_space_after(text: &str, tokens: &[Token], index: usize) -> bool {
    match tokens.get(index + 1) {
        Some(next) => next.start > tokens[index].end,
        None => text[tokens[index].end..].chars().next().is_none_or(char::is_whitespace),
    }
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
    fn analyses_a_two_word_token_and_keeps_offsets() {
        let pipeline = Pipeline::embedded().unwrap();
        let text = "Russia’s leaders don't agree.";
        let sentences = pipeline.analyze(text);
        assert_eq!(sentences.len(), 1);
        let forms: Vec<&str> = sentences[0].words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(forms, ["Russia", "’s", "leaders", "do", "n't", "agree", "."]);
        let conllu = pipeline.to_conllu(text, &sentences, Some("doc"));
        assert_eq!(conllu[0].multiwords.len(), 2);
        assert_eq!(conllu[0].words[0].upos, "PROPN");
    }
}
