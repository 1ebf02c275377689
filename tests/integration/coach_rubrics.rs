//! A coach's own rubrics: `new --rubric`, `--rubrics DIR` and the data folder's
//! `rubrics/`, checked by `validate` and used by every command.

use crate::util::{json_of, repo, roleplay, roleplay_in};

/// A valid rubric of another instructional area, written in a coach's words.
const SELLING: &str = "code: SE:017
title: Demonstrate suggestion selling
level: CS
definition: >-
  Suggesting an item that goes with what the customer already chose, because it helps them.
concepts:
  - id: suggests-add-on
    label: Suggests an item that goes with the purchase
    weight: 3
    phrases: [goes well with, you might also like, pairs with, to go with your]
    tip: Name one item that fits what the customer chose, and why.
    examples:
      credit: [\"A waterproof spray goes well with those boots.\"]
  - id: explains-benefit
    label: Says how the extra item helps
    weight: 2
    phrases: [keeps them, protects, lasts longer, saves you]
    tip: Say what the suggested item does for the customer.
  - id: asks-first
    label: Asks about the customer's use first
    weight: 2
    phrases: [how will you use, what will you use, where will you wear]
    tip: Ask how the customer will use the item before suggesting another.
  - id: no-pressure
    label: Leaves the choice to the customer
    weight: 1
    phrases: [up to you, no pressure, your choice]
    tip: Make it clear the customer can say no.
";

/// A case that tests the coach's indicator beside a shipped one.
const CASE: &str = "id: trailside-boots
title: Boots for a first hike
participant_role: a sales associate at Trailside Outfitters
judge_role: a customer buying her first hiking boots, Mei Tan
situation: |
  You are to assume the role of a sales associate at Trailside Outfitters. A customer (judge),
  Mei Tan, is buying $140 leather hiking boots for a trip to Glacier National Park next month.
  The store sells a $12 waterproofing spray. The customer will begin by greeting you.
indicators: [SE:017, CR:006]
";

fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn new_rubric_writes_a_commented_template_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    roleplay()
        .current_dir(dir.path())
        .args(["new", "--rubric", "mk:001"])
        .assert()
        .success()
        .stdout(predicates::str::contains("MK-001.yaml"));
    let text = std::fs::read_to_string(dir.path().join("MK-001.yaml")).unwrap();
    assert!(
        text.starts_with("# A performance indicator of your own"),
        "{text}"
    );
    assert!(text.contains("code: MK:001"));
    roleplay()
        .current_dir(dir.path())
        .args(["validate", "MK-001.yaml"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "1 file(s): 0 error(s), 0 warning(s)",
        ));
    // Not over an existing file without --force; a code that is not one is refused.
    roleplay()
        .current_dir(dir.path())
        .args(["new", "--rubric", "MK:001"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists; use --force"));
    roleplay()
        .current_dir(dir.path())
        .args(["new", "--rubric", "selling"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not an indicator code"));
}

#[test]
fn a_rubrics_folder_adds_an_indicator_every_command_uses() {
    let rubrics = folder_with(&[("SE-017.yaml", SELLING)]);
    let cases = folder_with(&[("trailside-boots.yaml", CASE)]);
    let case = cases.path().join("trailside-boots.yaml");
    // Without the folder, the case names an unknown code.
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("unknown indicator code `SE:017`"));
    let answer = cases.path().join("answer.txt");
    std::fs::write(
        &answer,
        "Hi Mei, how will you use the boots? The $12 waterproofing spray goes well with leather boots and keeps them dry at Glacier, but it's up to you.",
    )
    .unwrap();
    let card = json_of(
        roleplay()
            .arg("--rubrics")
            .arg(rubrics.path())
            .args(["score", "--format", "json", "--case"])
            .arg(&case)
            .arg(&answer),
    );
    let selling = &card["indicators"][0];
    assert_eq!(selling["code"], "SE:017");
    assert_eq!(selling["title"], "Demonstrate suggestion selling");
    let credited: Vec<&str> = selling["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["concept"].as_str().unwrap())
        .collect();
    assert!(credited.contains(&"suggests-add-on"), "{credited:?}");
    roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .args(["rubric", "SE:017"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Demonstrate suggestion selling"));
    roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .arg("validate")
        .arg(&case)
        .assert()
        .success();
}

#[test]
fn the_data_folders_rubrics_replace_a_shipped_indicator() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("rubrics")).unwrap();
    let own = SELLING.replace("code: SE:017", "code: CR:006").replace(
        "Demonstrate suggestion selling",
        "Respond to customer inquiries (house version)",
    );
    std::fs::write(home.path().join("rubrics/CR-006.yaml"), own).unwrap();
    roleplay_in(home.path())
        .args(["rubric", "CR:006"])
        .assert()
        .success()
        .stdout(predicates::str::contains("(house version)"));
    roleplay_in(home.path())
        .args(["validate"])
        .assert()
        .success()
        .stdout(predicates::str::contains("replaces the shipped CR:006"));
}

#[test]
fn validate_reports_a_broken_rubric_with_its_position_and_commands_skip_it() {
    let broken = SELLING.replace("weight: 3", "weight: 9");
    let rubrics = folder_with(&[("SE-017.yaml", &broken)]);
    roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("SE-017.yaml:7:5"))
        .stdout(predicates::str::contains("weight 9 is out of range"));
    // Other commands warn, skip the file and carry on.
    roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .args([
            "score",
            "--case",
            "summit-gear-ski-return",
            "--example",
            "weak",
        ])
        .current_dir(repo(""))
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "skipping a rubric that cannot be loaded",
        ));
    // A rubric folder that does not exist is an error, not silence.
    roleplay()
        .args(["--rubrics", "no-such-folder-here", "rubric"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no-such-folder-here"));
}

#[test]
fn a_repeated_concept_id_is_reported_at_its_second_use() {
    // The fourth concept repeats the second's id: the error points at the repeat.
    let repeated = SELLING.replace("  - id: no-pressure", "  - id: explains-benefit");
    let rubrics = folder_with(&[("SE-017.yaml", &repeated)]);
    roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "SE-017.yaml:24:9: error: concept id `explains-benefit` is used twice",
        ));
}
