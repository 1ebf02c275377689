//! The phrase lists the reading looks for in the raw text: hedges, disrespect,
//! dismissive words, buzzwords, reasons and spoken fillers.

use std::sync::LazyLock;

use super::phrase_list::PhraseLists;
use crate::text::Span;

/// Hedges: a commitment that is not one.
const HEDGES: &str = "maybe, perhaps, probably, possibly, might, hopefully, i hope, try to, try and, \
         we'll try, i'll try, see if, see whether, look into, check with, check whether, \
         i guess, not sure, at some point, some time, sometime, should be able, if possible, \
         if we can, if i can, i suppose, we'll see, kind of, sort of, or something";

/// Refusing, blaming or belittling the customer.
const DISRESPECT: &str = "not my problem, not my fault, not my job, not our problem, not our fault, not on us, \
         not really our problem, not really my problem, isn't our problem, isn't my problem, \
         not really our fault, isn't our fault, don't see why i should, don't see the need, \
         not a big deal, don't really matter, doesn't really matter, don't matter, \
         you'll lose, you ignored, not interested, nice marketing, \
         that's on you, your fault, your own fault, your problem, on your end, \
         you should have read, you should've read, you should have checked, \
         you should have known, you should've known, you're supposed to, you are supposed to, \
         you agreed to, you signed it, calm down, take it or leave it, deal with it, rules are rules, those are the rules, \
         that's the rule, that's the policy, it's just a slogan, it's a slogan, \
         just marketing, just advertising, that's marketing, that's advertising, \
         ask you to leave, scam, i don't care, we don't care, since i have to, \
         because i have to, if i have to, too hard for you, someone else's problem, \
         not realistic, you people, not going to apologize, won't apologize, \
         not apologizing, not going to explain, not going to refund, not refunding, \
         won't refund, no exceptions, nothing i can do, nothing we can do, \
         nothing more i can do, not much more for me to do, good luck with that, \
         lower your voice, stop yelling, keep yelling, not deserved, not our responsibility, \
         read what you sign, not how it works, go ahead and cancel, post whatever you want, \
         waste of my time, not worth it, what do you want me to do, overreacting, \
         too sensitive, take your business elsewhere, it doesn't matter, doesn't really matter, \
         not my department, \
         people would take advantage, taking advantage, your decision, \
         isn't our responsibility, wasn't our responsibility, not our decision, \
         wasn't our decision, wasn't fair to us, another meeting, i'm busy, we're busy";

/// Sending the customer away or disowning the problem, in its common shapes: "that's
/// not really our department", "that's your business", "they can go elsewhere".
pub(super) static DISMISSIVE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?ix)
        (?:not|isn't|isn’t|wasn't|wasn’t)[ \t\n]+(?:really[ \t\n]+)?(?:my|our)[ \t\n]+
            (?:problem|fault|job|department|responsibility|concern|issue)
        | that's[ \t\n]+(?:your|their)[ \t\n]+(?:business|decision|problem|choice|call)
        | (?:go|shop|bank|take[ \t\n]+(?:it|them|your[ \t\n]+[a-z]+))[ \t\n]+elsewhere
        | (?:find|try|use)[ \t\n]+(?:another|a[ \t\n]+different)[ \t\n]+
            (?:store|shop|bank|company|agency|provider|carrier|place|business)
        | just[ \t\n]+have[ \t\n]+to[ \t\n]+(?:adapt|deal|accept|live|wait|get[ \t\n]+used)
        | nothing[ \t\n]+to[ \t\n]+apologi[sz]e[ \t\n]+for",
    )
    .expect("a valid pattern")
});

/// Words that fill a sentence without saying anything about the case.
const BUZZWORDS: &str = "synergy, synergies, leverage, leverages, leveraging, holistic, holistically, \
         best-in-class, best in class, world-class, world class, customer-centric, \
         client-centric, customer centric, empower, empowers, empowering, optimize, optimizes, \
         touchpoint, touchpoints, win-win, excellence, ecosystem, mindset, value-added, \
         paradigm, stakeholders, omnichannel, data-driven, customer journey, lifecycle, \
         seamless, cutting-edge, game-changer, next level, value proposition, transformation, \
         best practices, core values, relationship-driven, value-based, integrity-driven";

/// Reasons given.
const REASONS: &str = "because, so that, which means, that means, that's why, that is why, this is why, \
         since, in order to, that way, the reason, due to, so they can, so you can, so we can";

/// Spoken fillers, matched on the raw text.
pub(super) static FILLERS: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?:u+m+|u+h+|e+r+m*|hmm+|you know|i mean|so yeah|basically|literally)(?-u:\b)|(?:^|[,.]\s*)like,",
    )
    .expect("a valid pattern")
});

/// Normalized words that make a stretch of text a sentence rather than a fragment:
/// pronouns and auxiliary verbs.
const SPEECH_WORD_LIST: &[&str] = &[
    "i", "you", "we", "he", "she", "they", "it", "me", "us", "him", "them", "be", "will", "do",
    "have", "can", "could", "should", "may", "might", "must", "let", "need", "want",
];

/// [`SPEECH_WORD_LIST`] as a set: asked of every word of every response.
pub(super) static SPEECH_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| SPEECH_WORD_LIST.iter().copied().collect());

/// Words after "not" that make a kind promise, not a refusal: "I won't forget",
/// "we never want to lose you", "I'm not sure".
pub(super) const KIND_AFTER_NOT: &[&str] = &[
    "forget", "let", "stop", "hesit", "fail", "lose", "leav", "rest", "ignor", "sure", "certain",
    "only", "just", "want", "mind",
];

/// The phrase lists, in one automaton: hedges, disrespect, buzzwords, reasons.
static LISTS: LazyLock<PhraseLists> =
    LazyLock::new(|| PhraseLists::new(&[HEDGES, DISRESPECT, BUZZWORDS, REASONS]));

/// Where a response uses the words of each phrase list.
#[derive(Debug, Default)]
pub(super) struct Listed {
    pub hedges: Vec<Span>,
    pub disrespect: Vec<Span>,
    pub buzzwords: Vec<Span>,
    pub reasons: Vec<Span>,
}

/// Reads a response once for every phrase list.
pub(super) fn listed(text: &str) -> Listed {
    let mut found = LISTS.find(text).into_iter();
    let mut next = || found.next().unwrap_or_default();
    Listed {
        hedges: next(),
        disrespect: next(),
        buzzwords: next(),
        reasons: next(),
    }
}

/// Builds the lists and patterns now rather than on first use.
pub(super) fn warm() {
    LazyLock::force(&LISTS);
    LazyLock::force(&DISMISSIVE);
    LazyLock::force(&FILLERS);
    LazyLock::force(&SPEECH_WORDS);
}
