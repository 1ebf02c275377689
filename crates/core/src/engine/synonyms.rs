//! Synonym classes shared by every rubric: "phone you" and "ring you" are heard where
//! a rubric says "call you", "the money goes back into your account" where it says
//! "refund". The classes are data (`rubrics/lexicon/synonyms.txt`), compiled in.

use std::sync::LazyLock;

/// One class: the rubric's words and the everyday variants that mean the same.
struct Class {
    words: &'static str,
    variants: Vec<&'static str>,
}

static CLASSES: LazyLock<Vec<Class>> = LazyLock::new(|| {
    include_str!("../../../../rubrics/lexicon/synonyms.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (words, variants) = l.split_once(':')?;
            Some(Class {
                words: words.trim(),
                variants: variants
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .collect(),
            })
        })
        .collect()
});

/// The other ways of saying `phrase`: a one-word variant of a one-word class replaces
/// that word anywhere in the phrase ("explain the policy" gives "explain the rule");
/// longer variants stand for the whole phrase only ("refund" gives "money back").
pub fn variants(phrase: &str) -> Vec<String> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for class in CLASSES.iter() {
        let single = !class.words.contains(' ');
        for variant in &class.variants {
            let candidate = if lower == class.words {
                Some((*variant).to_string())
            } else if single && !variant.contains(' ') && words.contains(&class.words) {
                Some(
                    words
                        .iter()
                        .map(|w| if *w == class.words { *variant } else { w })
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            } else {
                None
            };
            if let Some(c) = candidate
                && c != lower
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::variants;

    #[test]
    fn a_word_is_replaced_inside_a_phrase() {
        assert!(variants("explain the policy").contains(&"explain the rule".to_string()));
        assert!(variants("I will call").contains(&"i will phone".to_string()));
    }

    #[test]
    fn a_longer_variant_stands_for_the_whole_phrase_only() {
        assert!(variants("refund").contains(&"money back".to_string()));
        assert!(
            !variants("full refund")
                .iter()
                .any(|v| v.contains("money back"))
        );
    }

    #[test]
    fn a_phrase_outside_every_class_has_no_variants() {
        assert!(variants("brand promise").is_empty());
    }
}
