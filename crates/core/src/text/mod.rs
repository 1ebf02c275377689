//! Text handling: spans into the response, tokenizing and normalizing words.

pub mod normalize;
pub mod span;
pub mod tokenize;
pub mod voices;

pub use span::{LineIndex, Span, line_column};
pub use tokenize::{
    Segment, Sentence, Token, Tokenized, WordCache, has_matchable_word, tokenize, tokenize_cached,
};
