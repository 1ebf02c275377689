//! What the session hands to scoring: the presentation and the answers, as one text
//! of the student's own words with each answer's place in it.

use crate::engine::{Scorecard, Scorer};
use crate::history::store::Answer;
use crate::text::Span;

/// The presentation and the answers, once the student is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    /// The presentation.
    pub response: String,
    /// The answers to the judge's questions.
    pub answers: Vec<Answer>,
}

impl Finished {
    /// The text the engine scores: the presentation, then each answer as a paragraph,
    /// all of it the student's own words.
    pub fn scored_text(&self) -> String {
        self.assemble().0
    }

    /// Where each judge's question's answer lies in [`Finished::scored_text`], in the
    /// order of `questions` (matched by the question's text): the engine counts an
    /// answer on the question's topic as an answer, whatever words it uses.
    pub fn answer_spans(&self, questions: &[String]) -> Vec<Option<Span>> {
        let (_, spans) = self.assemble();
        questions
            .iter()
            .map(|q| {
                self.answers
                    .iter()
                    .zip(&spans)
                    .find(|(a, _)| a.question == *q)
                    .and_then(|(_, span)| *span)
            })
            .collect()
    }

    /// The scored text, and each answer's span in it (`None` for an empty answer).
    fn assemble(&self) -> (String, Vec<Option<Span>>) {
        crate::model::answer::joined(&self.response, &self.answers)
    }

    /// Scores the presentation and the answers together, each answer counted as an
    /// answer to its question.
    pub fn score(&self, scorer: &Scorer, questions: &[String]) -> Scorecard {
        scorer.score_with_answers(&self.scored_text(), &self.answer_spans(questions))
    }
}

#[cfg(test)]
mod answer_tests {
    use super::*;
    use crate::engine::Scorer;
    use crate::library::shipped;

    const PRESENTATION: &str = "Good afternoon, Mr. Kessler, and thank you for coming in. \
        I'm so sorry the Trailhead skis were the wrong fit for you. I will raise your \
        Second Run credit to 75% and remount the bindings for free today, and I will call \
        you next week to make sure the new pair skis well. Thanks for letting us \
        put this right.";

    fn case() -> crate::model::Case {
        shipped::cases()
            .iter()
            .filter_map(|c| c.as_ref().ok())
            .find(|c| c.id == "summit-gear-ski-return")
            .expect("shipped case")
            .clone()
    }

    fn finished(case: &crate::model::Case, answers: [&str; 2]) -> Finished {
        Finished {
            response: PRESENTATION.into(),
            answers: case
                .judge_questions
                .iter()
                .zip(answers)
                .map(|(q, a)| Answer {
                    question: q.clone(),
                    answer: a.into(),
                })
                .collect(),
        }
    }

    fn scored(answers: [&str; 2]) -> (Scorecard, Scorecard) {
        let case = case();
        let rubrics = shipped::rubrics().unwrap();
        let form = shipped::default_form().unwrap();
        let scorer = Scorer::new(&case, rubrics, form).unwrap();
        let done = finished(&case, answers);
        (
            done.score(&scorer, &case.judge_questions),
            scorer.score(&done.scored_text()),
        )
    }

    fn impression(card: &Scorecard) -> u32 {
        card.skills
            .iter()
            .find(|s| s.id.key() == "impression")
            .map(|s| s.points)
            .unwrap()
    }

    #[test]
    fn answers_in_other_words_count_as_answers() {
        // Neither answer repeats its question's key words.
        let (as_answers, as_text) = scored([
            "Once a binding is mounted, the Peak Return Policy treats the pair as used, \
             so the most I can give is store credit.",
            "Every fitter will now follow a boot and binding checklist, and I will check \
             each fitting myself this month.",
        ]);
        assert_eq!(as_answers.stats.questions_answered, (2, 2));
        assert!(as_text.stats.questions_answered.0 < 2);
        assert!(impression(&as_answers) >= impression(&as_text));
        let reason = |card: &Scorecard| {
            card.skills
                .iter()
                .find(|s| s.id.key() == "impression")
                .map(|s| s.reason.clone())
        };
        assert_eq!(
            reason(&as_answers).as_deref(),
            Some("judge's questions answered 100%")
        );
    }

    #[test]
    fn an_empty_or_off_topic_answer_answers_nothing() {
        let (card, as_text) = scored(["Yes.", "I really like pizza on a cold evening, honestly."]);
        // Only what the presentation itself answers.
        assert_eq!(
            card.stats.questions_answered,
            as_text.stats.questions_answered
        );
    }

    #[test]
    fn the_greeting_and_thanks_of_the_presentation_lose_nothing_to_answers_after_them() {
        let case = case();
        let rubrics = shipped::rubrics().unwrap();
        let form = shipped::default_form().unwrap();
        let scorer = Scorer::new(&case, rubrics, form).unwrap();
        let alone = scorer.score(PRESENTATION);
        let done = finished(
            &case,
            [
                "Once a binding is mounted, the Peak Return Policy treats the pair as used, \
                 so the most I can give is store credit.",
                "Every fitter will now follow a boot and binding checklist, and I will \
                 check each fitting myself this month.",
            ],
        );
        let with_answers = done.score(&scorer, &case.judge_questions);
        let line = |card: &Scorecard, id: &str| {
            card.skills
                .iter()
                .find(|s| s.id.key() == id)
                .map(|s| s.points)
                .unwrap()
        };
        for id in ["communication", "impression"] {
            assert!(
                line(&with_answers, id) >= line(&alone, id),
                "{id}: {} with answers, {} alone",
                line(&with_answers, id),
                line(&alone, id)
            );
        }
        assert!(with_answers.total >= alone.total);
    }
}
