//! How the engine hears a response, through the real binary: each failure pattern a
//! judge would not fall for (issue "scoring that holds on cases it has never seen"),
//! with texts written for these tests.

use serde_json::Value;

use crate::util::{repo, roleplay};

const CASE: &str = "tests/fixtures/cases/tidewater.yaml";

/// A specific, committed answer to the damaged-book case.
const GOOD: &str = "Good afternoon, Ms. Ruiz, and I'm sorry the art book reached you with a torn spine. \
It was meant for your daughter's birthday on Saturday, so let's fix it today. You bought it twelve days \
ago and have the receipt, so you are well inside our 30-day window. I will swap the $45 book for a fresh \
copy from the back room right now and check the spine with you at the counter. I'll also add a gift \
card for the trouble. Because a damaged copy should never reach a customer, I will ask our receiving \
team to inspect every art book as it comes in this week. I will call you on Monday to make sure the \
gift went well. Thank you for bringing it back to us.";

fn score(response: &str) -> Value {
    score_in(CASE, response)
}

fn score_in(case: &str, response: &str) -> Value {
    let output = roleplay()
        .current_dir(repo(""))
        .args(["score", "--format", "json", "--case", case, "-"])
        .write_stdin(response.as_bytes())
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn total(v: &Value) -> i64 {
    v["total"].as_i64().expect("total")
}

fn credited(v: &Value, concept: &str) -> bool {
    v["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .flat_map(|i| i["evidence"].as_array().expect("evidence"))
        .any(|e| e["concept"] == concept)
}

#[test]
fn a_good_answer_meets_expectations() {
    let v = score(GOOD);
    assert!(total(&v) >= 60, "total {}", total(&v));
}

// 1. Stuffing by form: chained clauses, lists in any layout, repeated sentences.
#[test]
fn a_chain_of_rubric_phrases_earns_little_even_naming_the_case() {
    let chain = "Ms. Ruiz, I will hear you out and let you finish and stay calm and apologize and \
        empathize and follow up and resolve it and build rapport and keep our brand promise and \
        explain the policy and exceed your expectations and make it a win-win.";
    assert!(total(&score(chain)) <= total(&score(GOOD)) / 2);
}

#[test]
fn term_lists_score_near_nothing_in_any_layout() {
    let terms = [
        "apology",
        "empathy",
        "active listening",
        "return policy",
        "30-day window",
        "gift card",
        "follow-up call",
        "service recovery",
        "brand promise",
        "customer loyalty",
    ];
    for list in [
        terms.join("\n"),
        terms.map(|t| format!("- {t}")).join("\n"),
        terms.map(|t| format!("* {t}")).join("\n"),
        terms.join(", "),
    ] {
        let v = score(&list);
        assert!(total(&v) <= 12, "{list:?} scored {}", total(&v));
    }
}

#[test]
fn a_sentence_repeated_eight_times_counts_once() {
    let sentence = " I will swap the $45 art book for a fresh copy today, Ms. Ruiz.";
    let once = score(&format!("{GOOD}{sentence}"));
    let eight = score(&format!("{GOOD}{}", sentence.repeat(8)));
    assert!(
        total(&eight) <= total(&once),
        "{} > {}",
        total(&eight),
        total(&once)
    );
}

// 2. Relevance is to the situation, not to the company or everyday words.
#[test]
fn another_problem_at_the_same_company_earns_little() {
    let other = "Thank you for calling Tidewater Books. I'm sorry your book club's Thursday \
        meeting room was double-booked. I will move your club to the café corner, hold twelve \
        chairs, and email the members tonight. I'll also waive the room fee for next month and \
        call the organizer on Friday to confirm the new plan works for everyone.";
    let v = score(other);
    assert!(total(&v) <= 35, "total {}", total(&v));
    assert!(total(&v) < total(&score(GOOD)) - 25);
}

#[test]
fn everyday_words_are_not_the_case_s_facts() {
    let v = score("I understand. We can return things, email you, and talk about a strategy.");
    let facts = v["reading"]["facts"].as_array().expect("facts");
    for word in ["return", "email", "strategy", "understand"] {
        assert!(!facts.iter().any(|f| f == word), "{word} in {facts:?}");
    }
}

// 3. Who is speaking: the judge's lines and reported speech are not the student's.
#[test]
fn the_judges_lines_in_a_transcript_earn_nothing() {
    let transcript = "Judge: I want an apology and I want you to follow up with me on Monday.\n\
        Me: Okay.\n\
        Judge: Will you replace the book?\n\
        Me: We'll see.";
    let v = score(transcript);
    assert!(!credited(&v, "apologizes"), "{v}");
    assert!(total(&v) <= 15, "total {}", total(&v));
}

#[test]
fn reported_speech_earns_no_credit() {
    let v = score("She said she wanted an apology and a refund. He told me to follow up.");
    let statuses: Vec<&Value> = v["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .flat_map(|i| i["evidence"].as_array().expect("evidence"))
        .collect();
    assert!(statuses.is_empty(), "credited {statuses:?}");
}

// 4. Negation words in kind, correct statements are not refusals.
#[test]
fn kind_statements_with_negation_words_are_not_refusals() {
    let kind = format!(
        "{GOOD} I won't forget to call you. We never want to lose a reader like you. \
         It is not your fault at all."
    );
    let v = score(&kind);
    assert_eq!(v["reading"]["disrespect"], 0, "{}", v["reading"]);
    assert_eq!(v["reading"]["refusals"], 0, "{}", v["reading"]);
    // The same promises said without negation words score the same, within rounding.
    let plain = score(&format!(
        "{GOOD} I will remember to call you. We always want to keep a reader like you. \
         It is all on us."
    ));
    assert!(
        total(&v) + 2 >= total(&plain),
        "kind {} plain {}",
        total(&v),
        total(&plain)
    );
}

// 5. The wrong position in the right words earns nothing on that indicator.
#[test]
fn the_wrong_position_in_the_right_words_earns_nothing() {
    const DATA_CASE: &str = "tests/fixtures/cases/harrow-data.yaml";
    let right = score_in(
        DATA_CASE,
        "Priya, I'm sorry. We sent the list to Crag Fuel without asking you, and that was wrong. \
         We will stop sharing member data with Crag Fuel today and ask them to delete your address. \
         From now on we will ask for your consent before any use of your email, and your details \
         stay confidential. I will email you by Friday to confirm the deletion.",
    );
    let wrong = score_in(
        DATA_CASE,
        "Priya, I'm sorry you're annoyed. Legally that counts as consent, because it was in the \
         terms when you joined. I'd keep sharing the data with Crag Fuel, since the offer helps \
         members, and your details stay confidential otherwise. I will email you by Friday.",
    );
    let ethics = |v: &Value| v["indicators"][0].clone();
    assert_eq!(ethics(&wrong)["code"], "CR:017");
    assert!(
        ethics(&wrong)["evidence"]
            .as_array()
            .expect("evidence")
            .is_empty()
    );
    let dismissed = ethics(&wrong)["dismissed"].to_string();
    assert!(dismissed.contains("contradicted"), "{dismissed}");
    assert_eq!(ethics(&wrong)["capped"], true);
    assert!(ethics(&wrong)["points"].as_i64() < ethics(&right)["points"].as_i64());
    assert!(ethics(&wrong)["band"] == "below" || ethics(&wrong)["band"] == "little");
}

// 6. Everyday wording is heard: phone for call, money back on the card for a refund,
// feeling bad for an apology, the rule for the policy.
#[test]
fn everyday_wording_earns_the_concept() {
    let v = score(
        "Ms. Ruiz, I feel bad this happened. I'll phone you on Monday. The $45 goes back onto \
         your card today. The rule is 30 days with a receipt, and you are inside it.",
    );
    for concept in [
        "apologizes",
        "follows-up",
        "offers-resolution",
        "states-policy",
    ] {
        assert!(
            credited(&v, concept),
            "{concept} not credited: {}",
            v["indicators"]
        );
    }
}

// 9. Exceeds for thorough, case-specific handling of the indicator's core, without
// reciting every concept the rubric lists.
#[test]
fn thorough_specific_handling_of_the_core_earns_exceeds() {
    let v = score(GOOD);
    let complaint = &v["indicators"][0];
    assert_eq!(complaint["code"], "CR:010");
    let missed = complaint["missed"].as_array().expect("missed").len();
    assert!(
        missed >= 2,
        "the answer should leave some listed concepts out: {missed}"
    );
    assert_eq!(complaint["band"], "exceeds", "{complaint}");
}

// 7. Hedges count for less; disrespect voids.
#[test]
fn hedged_commitments_score_below_firm_ones() {
    let hedged = GOOD
        .replace("I will swap", "I might maybe swap")
        .replace(
            "I will call you on Monday",
            "we'll probably call you at some point, maybe",
        )
        .replace("I will ask", "I'll try to ask");
    assert!(
        total(&score(&hedged)) < total(&score(GOOD)),
        "hedged {} firm {}",
        total(&score(&hedged)),
        total(&score(GOOD))
    );
}

#[test]
fn disrespect_with_the_right_words_scores_low() {
    let rude = "Calm down, Ms. Ruiz. The spine is torn, fine, but that's not my problem, you should \
        have checked the book before you left. I'll apologize since I have to. Rules are rules: \
        30 days with a receipt. If you don't like it, take your business elsewhere. Nothing I can \
        do about Saturday. Whatever.";
    let v = score(rude);
    assert!(total(&v) <= 20, "total {}", total(&v));
    assert_eq!(v["held"], "hostile");
    // "I'll apologize since I have to" is no apology.
    assert!(!credited(&v, "apologizes"), "{}", v["indicators"]);
    assert!(v.to_string().contains("\"disrespectful\""));
}

// 8. Greetings, a name and short questions are rapport, never stuffing.
#[test]
fn greetings_and_questions_are_not_stuffing() {
    let v = score(&format!(
        "Hi, Ms. Ruiz! How are you? {GOOD} Does that work for you?"
    ));
    assert!(
        v["stuffed"].as_array().expect("stuffed").is_empty(),
        "{}",
        v["stuffed"]
    );
}

// The same answer always gets the same score.
#[test]
fn the_same_answer_gets_the_same_score() {
    assert_eq!(score(GOOD), score(GOOD));
}
