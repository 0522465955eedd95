//! The language layer of dyad: everything about English, nothing about politics.
//!
//! Raw text goes through the [`tokenize`] tokenizer (UD English EWT conventions, byte offsets kept),
//! the [`sentence`] splitter, the averaged-perceptron POS [`tagger`] and the [`lemma`] lemmatizer.
//! [`conllu`] reads and writes the Universal Dependencies format these are trained and scored on,
//! and [`eval`] scores a system file against a gold one with the CoNLL 2018 shared-task metrics.

pub mod analyze;
pub mod binio;
pub mod conllu;
pub mod eval;
pub mod hash;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod sentence;
pub mod tagger;
pub mod tokenize;
pub mod wordshape;
