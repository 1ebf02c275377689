//! Word normalization shared by responses, phrases and case terms: lower case,
//! contractions expanded, number words as digits, and an English stemmer, so that
//! "I'll apologize" and "I will apologizing" meet on the same forms.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words left out of phrase matching: articles, possessive determiners and fillers,
/// so "explain the policy" also finds "explain our policy" and "I'm so sorry" finds "I'm sorry".
pub const SKIPPED: &[&str] = &[
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "these", "those",
    "just", "really", "very", "truly", "so",
];

/// Auxiliary verbs folded to one form each, so "I'm", "I am" and "I was" meet on
/// "i be", and "I'll", "I would" and "I'm going to" on "will".
const AUXILIARIES: &[(&str, &str)] = &[
    ("am", "be"),
    ("is", "be"),
    ("are", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("will", "will"),
    ("would", "will"),
    ("shall", "will"),
    ("gonna", "will"),
    ("does", "do"),
    ("did", "do"),
];

/// Words before `'s` that make it "is" rather than a possessive.
const IS_BEFORE_S: &[&str] = &[
    "it",
    "that",
    "there",
    "here",
    "what",
    "who",
    "he",
    "she",
    "where",
    "how",
    "when",
    "everything",
    "nothing",
    "something",
    "someone",
    "everyone",
    "nobody",
    "everybody",
    "somebody",
];

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
];

/// One normalized piece of a word: "won't" gives two, "will" and "not".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The stemmed, lower-case form used for matching.
    pub norm: Norm,
    /// Left out of phrase matching (articles, possessives, fillers).
    pub skip: bool,
}

/// A normalized word: short words (nearly all) are kept inline, without a heap
/// allocation, so copying tokens out of a word cache costs no allocation.
pub type Norm = compact_str::CompactString;

/// Role words that mean "the customer" or "the staff" in one case or another, folded
/// together so a rubric's "customer data" also finds a credit union's "member data".
const ALIASES: &[(&str, &str)] = &[
    ("member", "customer"),
    ("members", "customer"),
    ("guest", "customer"),
    ("guests", "customer"),
    ("client", "customer"),
    ("clients", "customer"),
    ("patients", "customer"),
    ("passenger", "customer"),
    ("passengers", "customer"),
    ("shopper", "customer"),
    ("shoppers", "customer"),
    ("patron", "customer"),
    ("patrons", "customer"),
    ("diner", "customer"),
    ("diners", "customer"),
    ("subscriber", "customer"),
    ("subscribers", "customer"),
    ("buyer", "customer"),
    ("buyers", "customer"),
    ("customers", "customer"),
    ("employee", "staff"),
    ("employees", "staff"),
    ("associate", "staff"),
    ("associates", "staff"),
    ("worker", "staff"),
    ("workers", "staff"),
    ("staffer", "staff"),
    ("staffers", "staff"),
];

/// Normalizes one word as the tokenizer cut it (letters, digits, inner apostrophes
/// and number punctuation) into one or more pieces, appended to `out`.
pub fn normalize_word(word: &str, out: &mut Vec<Piece>) {
    // No memo cache: the core keeps no state between calls, thread-local or global.
    let lower = lowered(word);
    let lower = lower.trim_matches('\'');
    if lower.is_empty() {
        return;
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = lower.chars().filter(|&c| c != ',').collect();
        out.push(Piece {
            norm: Norm::from(digits),
            skip: false,
        });
        return;
    }
    let (base, tail) = split_contraction(lower);
    push_plain(base, out);
    if let Some(tail) = tail {
        push_plain(tail, out);
    }
}

/// The word in lower case, with curly apostrophes made straight.
fn lowered(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether [`normalize_word`] would give `word` no piece that phrase matching sees
/// (it is an article, a possessive, a filler, or no word at all), decided without
/// stemming it: a check that loading asks of every phrase.
pub fn only_skipped(word: &str) -> bool {
    let lower = lowered(word);
    let lower = lower.trim_matches('\'');
    if lower.is_empty() {
        return true;
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (base, tail) = split_contraction(lower);
    // Every contraction's tail ("not", "will", "is"...) is a word that matching sees.
    if tail.is_some() {
        return false;
    }
    let plain: String = base.chars().filter(|&c| c != '\'' && c != '.').collect();
    plain.is_empty() || SKIPPED.contains(&plain.as_str())
}

/// Splits a contraction into its base word and the expanded tail, if any.
fn split_contraction(word: &str) -> (&str, Option<&'static str>) {
    match word {
        "won't" => return ("will", Some("not")),
        "can't" => return ("can", Some("not")),
        "shan't" => return ("shall", Some("not")),
        "ain't" => return ("is", Some("not")),
        "let's" => return ("let", Some("us")),
        _ => {}
    }
    if let Some(base) = word.strip_suffix("n't") {
        return (base, Some("not"));
    }
    for (suffix, full) in [
        ("'ll", "will"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "would"),
    ] {
        if let Some(base) = word.strip_suffix(suffix) {
            return (base, Some(full));
        }
    }
    if let Some(base) = word.strip_suffix("'s") {
        let tail = IS_BEFORE_S.contains(&base).then_some("is");
        return (base, tail);
    }
    (word, None)
}

fn push_plain(word: &str, out: &mut Vec<Piece>) {
    // Inner apostrophes and dots that are not contractions (O'Brien, p.m.) are dropped.
    let word: String = word.chars().filter(|&c| c != '\'' && c != '.').collect();
    if word.is_empty() {
        return;
    }
    if SKIPPED.contains(&word.as_str()) {
        out.push(Piece {
            norm: Norm::from(word),
            skip: true,
        });
        return;
    }
    if let Some((_, form)) = AUXILIARIES.iter().find(|(name, _)| *name == word) {
        out.push(Piece {
            norm: Norm::const_new(form),
            skip: false,
        });
        return;
    }
    if let Some((_, alias)) = ALIASES.iter().find(|(name, _)| *name == word) {
        out.push(Piece {
            norm: Norm::from(STEMMER.stem(alias)),
            skip: false,
        });
        return;
    }
    if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(name, _)| *name == word) {
        out.push(Piece {
            norm: Norm::const_new(digits),
            skip: false,
        });
        return;
    }
    let word = american(&word);
    let mut norm = Norm::from(STEMMER.stem(&word));
    // The stemmer leaves a few noun and verb forms apart: "empathy" and "empathize".
    if let Some((_, joined)) = STEM_ALIASES.iter().find(|(stem, _)| *stem == norm) {
        norm = Norm::const_new(joined);
    }
    out.push(Piece { norm, skip: false });
}

/// Stems the English stemmer leaves apart that mean the same thing here.
const STEM_ALIASES: &[(&str, &str)] = &[
    ("empathi", "empath"),
    ("sympathi", "sympath"),
    ("apologet", "apolog"),
];

/// British spellings read as American ones, so "apologise" meets "apologize" and
/// "colour" meets "color". Both phrases and responses pass through here, so a rare
/// word changed needlessly still matches itself.
fn american(word: &str) -> std::borrow::Cow<'_, str> {
    const SPELLINGS: &[(&str, &str)] = &[
        ("centre", "center"),
        ("centres", "centers"),
        ("theatre", "theater"),
        ("theatres", "theaters"),
        ("catalogue", "catalog"),
        ("cheque", "check"),
        ("cheques", "checks"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("enrol", "enroll"),
        ("licence", "license"),
        ("defence", "defense"),
    ];
    if let Some((_, us)) = SPELLINGS.iter().find(|(uk, _)| *uk == word) {
        return (*us).into();
    }
    if word.len() >= 6 {
        for (uk, us) in [
            ("isation", "ization"),
            ("isations", "izations"),
            ("ise", "ize"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ising", "izing"),
            ("iser", "izer"),
            ("isers", "izers"),
            ("yse", "yze"),
            ("ysed", "yzed"),
            ("ysing", "yzing"),
            ("our", "or"),
            ("ours", "ors"),
            ("oured", "ored"),
            ("ouring", "oring"),
            ("ourite", "orite"),
            ("ourites", "orites"),
            ("ourable", "orable"),
        ] {
            if let Some(stem) = word.strip_suffix(uk) {
                return format!("{stem}{us}").into();
            }
        }
    }
    word.into()
}

/// The normalized forms of a whole word, for tests and simple callers.
pub fn norms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    normalize_word(word, &mut out);
    out.into_iter().map(|p| p.norm.into_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! norm {
        ($($word:literal => [$($expected:literal),*];)*) => {
            $( assert_eq!(norms($word), vec![$($expected.to_string()),*], "normalizing {:?}", $word); )*
        };
    }

    #[test]
    fn stems_word_endings() {
        norm! {
            "apologize" => ["apolog"];
            "apologized" => ["apolog"];
            "Apologizing" => ["apolog"];
            "policies" => ["polici"];
            "policy" => ["polici"];
            "following" => ["follow"];
        }
    }

    #[test]
    fn expands_contractions() {
        norm! {
            "I'll" => ["i", "will"];
            "does" => ["do"];
            "I'd" => ["i", "will"];
            "were" => ["be"];
            "won't" => ["will", "not"];
            "can't" => ["can", "not"];
            "don't" => ["do", "not"];
            "isn't" => ["be", "not"];
            "we're" => ["we", "be"];
            "I'm" => ["i", "be"];
            "you've" => ["you", "have"];
            "it's" => ["it", "be"];
            "let's" => ["let", "us"];
        }
    }

    #[test]
    fn curly_apostrophes_are_apostrophes() {
        assert_eq!(norms("I\u{2019}ll"), norms("I'll"));
        assert_eq!(norms("won\u{2019}t"), norms("won't"));
    }

    #[test]
    fn possessive_s_is_dropped() {
        norm! {
            "VoltMart's" => ["voltmart"];
            "customer's" => ["custom"];
        }
    }

    #[test]
    fn numbers_keep_their_digits() {
        norm! {
            "1,149" => ["1149"];
            "30" => ["30"];
            "thirty" => ["30"];
            "3.5" => ["3.5"];
        }
    }

    #[test]
    fn british_spellings_meet_american_ones() {
        assert_eq!(norms("apologise"), norms("apologize"));
        assert_eq!(norms("apologised"), norms("apologized"));
        assert_eq!(norms("colour"), norms("color"));
        assert_eq!(norms("behaviour"), norms("behavior"));
        assert_eq!(norms("organisation"), norms("organization"));
        assert_eq!(norms("analyse"), norms("analyze"));
        assert_eq!(norms("favourite"), norms("favorite"));
        assert_eq!(norms("centre"), norms("center"));
        assert_eq!(norms("your"), ["your"]);
        assert_eq!(norms("empathy"), norms("empathize"));
        assert_eq!(norms("apologetic"), norms("apologize"));
        assert_eq!(norms("hours"), norms("hour"));
    }

    #[test]
    fn role_words_fold_together() {
        assert_eq!(norms("members"), norms("customer"));
        assert_eq!(norms("Guests"), norms("customers"));
        assert_eq!(norms("employees"), norms("staff"));
    }

    #[test]
    fn skipped_words_are_marked() {
        let mut out = Vec::new();
        normalize_word("the", &mut out);
        normalize_word("Our", &mut out);
        normalize_word("listen", &mut out);
        assert_eq!(
            out.iter().map(|p| p.skip).collect::<Vec<_>>(),
            [true, true, false]
        );
    }

    #[test]
    fn odd_words_do_not_panic() {
        for word in ["'", "''", "n't", "'s", "\u{200F}", "שלום", "😀", "ǅ", "ß"] {
            let _ = norms(word);
        }
    }
}
