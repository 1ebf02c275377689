//! Every load error carries its file, line and column, and a file's mistakes are all
//! reported at once, through the real binary.

use crate::util::{repo, roleplay};

/// A case with eight mistakes, each on its own line.
const MISTAKES: &str = "title: Boots
participant_role: a sales associate
judge_role: a customer
situation: You are to assume the role of a sales associate.
indicators: [CR:010, CR:099, CR:010]
form: deca-serie
judgenotes: x
look_for:
  CR:007:
    - label: Names the spray
      phrase: [waterproof spray]
examples:
  - name: strong
    expect: meets
    response: Hello.
    bands: { CR:004: meets }
follow_ups:
  - indicator: CR:010
    concept: no-such-concept
    question: What would you do?
";

fn validate(dir: &std::path::Path, extra: &[&str]) -> String {
    let out = roleplay()
        .args(extra)
        .arg("validate")
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_mistake_in_a_case_is_reported_at_once_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boots.yaml");
    std::fs::write(&path, MISTAKES).unwrap();
    let text = validate(dir.path(), &[]);
    let file = path.display().to_string();
    let expected = [
        "5:22: error: indicators[1]: unknown indicator code `CR:099`",
        "5:30: error: indicators[2]: indicator `CR:010` is listed twice",
        "6:7: error: form: unknown form `deca-serie` (did you mean `deca-series`?)",
        "7:1: error: unknown key `judgenotes` (did you mean `judge_notes`?)",
        "9:3: error: look_for: `CR:007` is not one of this case's indicators (CR:010)",
        "11:7: error: unknown key `phrase` (did you mean `phrases`?)",
        "16:14: error: examples[0].bands: `CR:004` is not one of this case's indicators (CR:010)",
        "19:14: error: CR:010 has no concept `no-such-concept`",
    ];
    for line in expected {
        assert!(text.contains(&format!("{file}:{line}")), "{line}\n{text}");
    }
    assert!(text.contains("1 file(s): 8 error(s)"), "{text}");
}

/// A rubric whose concepts repeat an id, match nothing, and misspell a key.
const RUBRIC: &str = "code: SE:017
title: Demonstrate suggestion selling
level: CS
definition: Suggesting an item that goes with what the customer already chose.
concepts:
  - id: suggests-add-on
    label: Suggests an item that goes with the purchase
    weight: 3
    phrases: [goes well with]
    tip: Name one item that fits.
  - id: suggests-add-on
    label: Says how the extra item helps
    weight: 2
    phrases: [protects]
    tip: Say what it does.
  - id: asks-first
    label: Asks about the customer's use first
    weight: 2
    phrases: []
    tip: Ask first.
    exampels: {}
";

#[test]
fn every_mistake_in_a_rubric_is_reported_at_once_where_it_is_written() {
    let rubrics = tempfile::tempdir().unwrap();
    std::fs::write(rubrics.path().join("SE-017.yaml"), RUBRIC).unwrap();
    let text = validate(rubrics.path(), &[]);
    let expected = [
        "SE-017.yaml:11:9: error: concept id `suggests-add-on` is used twice",
        "SE-017.yaml:16:9: error: concept `asks-first` needs at least one phrase",
        "SE-017.yaml:21:5: error: unknown key `exampels` (did you mean `examples`?)",
    ];
    for line in expected {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn a_rubric_without_concepts_is_placed_at_its_concepts() {
    let rubrics = tempfile::tempdir().unwrap();
    let text = RUBRIC.split("concepts:").next().unwrap().to_string() + "concepts: []\n";
    std::fs::write(rubrics.path().join("SE-017.yaml"), text).unwrap();
    let out = validate(rubrics.path(), &[]);
    assert!(
        out.contains("SE-017.yaml:5:11: error: a rubric needs at least one concept"),
        "{out}"
    );
}

#[test]
fn a_rubric_that_is_not_utf8_is_placed_after_its_last_good_character() {
    let rubrics = tempfile::tempdir().unwrap();
    let mut bytes = b"code: SE:017\ntitle: Caf".to_vec();
    bytes.extend([0xe9, b'\n']);
    std::fs::write(rubrics.path().join("SE-017.yaml"), bytes).unwrap();
    let out = roleplay()
        .arg("--rubrics")
        .arg(rubrics.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("SE-017.yaml:2:11: error: the file is not UTF-8 text"),
        "{out}"
    );
}

#[test]
fn a_form_problem_is_placed_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = std::fs::read_to_string(repo("rubrics/forms/deca-series.yaml")).unwrap();
    let broken = shipped.replace("band_floors: [0, 5, 9, 12]", "band_floors: [0, 9, 5, 12]");
    assert_ne!(shipped, broken);
    let form = dir.path().join("form.yaml");
    std::fs::write(&form, &broken).unwrap();
    let answer = dir.path().join("answer.txt");
    std::fs::write(&answer, "Hello, I am sorry.").unwrap();
    let line = broken
        .lines()
        .position(|l| l.starts_with("indicators:"))
        .unwrap()
        + 1;
    let out = roleplay()
        .args(["score", "--case", "summit-gear-ski-return", "--form"])
        .arg(&form)
        .arg(&answer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "form.yaml:{line}:1: indicators: band_floors must start at 0 and rise"
        )),
        "{err}"
    );
}

#[test]
fn a_rubric_defined_twice_is_placed_at_its_code() {
    let good = RUBRIC
        .replace(
            "  - id: suggests-add-on\n    label: Says",
            "  - id: explains\n    label: Says",
        )
        .replace("phrases: []", "phrases: [how will you use]")
        .replace("    exampels: {}\n", "");
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(first.path().join("SE-017.yaml"), &good).unwrap();
    std::fs::write(second.path().join("selling.yaml"), &good).unwrap();
    let out = roleplay()
        .arg("--rubrics")
        .arg(first.path())
        .arg("--rubrics")
        .arg(second.path())
        .arg("rubric")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains(
            "selling.yaml:1:1: SE:017 is already defined by another of your rubric files"
        ),
        "{text}"
    );
}

#[test]
fn one_id_rule_for_an_id_key_a_file_name_and_roleplay_new() {
    // A hyphen at either end was refused in `id:` but taken from a file name or by
    // `roleplay new`; now all three refuse it.
    let dir = tempfile::tempdir().unwrap();
    let case = "title: T\nparticipant_role: a\njudge_role: b\nsituation: c\nindicators: [CR:010]\n";
    std::fs::write(dir.path().join("-hyphen-first-.yaml"), case).unwrap();
    std::fs::write(dir.path().join("keyed.yaml"), format!("id: Keyed-\n{case}")).unwrap();
    let text = validate(dir.path(), &[]);
    assert!(
        text.contains(
            "-hyphen-first-.yaml: error: the file name `-hyphen-first-` cannot be a case id"
        ),
        "{text}"
    );
    assert!(
        text.contains("keyed.yaml:1:5: error: id: `Keyed-` is not a valid id"),
        "{text}"
    );
    roleplay()
        .args(["new", "trailing-", "--title", "T"])
        .arg("--dir")
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("`trailing-` is not a valid id"));
}

#[test]
fn every_bad_value_is_reported_at_once_not_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let case = "title: Boots
participant_role: a sales associate
judge_role: \"  \"
situation: You are to assume the role of a sales associate.
area: retial
indicators: [CR:010]
look_for:
  CR:010:
    - label: Names the spray
      phrases: ['spray.*']
      patterns: ['(open']
      weight: 7
examples:
  - name: strong
    expect: great
    response: Hello.
";
    let path = dir.path().join("values.yaml");
    std::fs::write(&path, case).unwrap();
    let text = validate(dir.path(), &[]);
    let file = path.display().to_string();
    let expected = [
        "3:13: error: judge_role: must not be empty",
        "5:7: error: area: unknown area `retial` (did you mean `retail`?)",
        "10:17: error: look_for.CR:010[0].phrases[0]: phrase `spray.*` looks like a regular expression",
        "11:18: error: look_for.CR:010[0].patterns[0]: pattern `(open` does not compile",
        "12:15: error: look_for.CR:010[0].weight: weight 7 is out of range",
        "15:13: error: examples[0].expect: `great` is not a band",
    ];
    for line in expected {
        assert!(text.contains(&format!("{file}:{line}")), "{line}\n{text}");
    }
    // The typed read's own report of the first bad value is the same error, once.
    assert!(text.contains("1 file(s): 6 error(s)"), "{text}");
}

#[test]
fn every_missing_key_is_reported_at_once_at_its_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let case = "participant_role: a sales associate
judge_role: a customer
indicators: [CR:010]
look_for:
  CR:010:
    - phrases: [spray]
examples:
  - name: strong
    expect: meets
";
    let path = dir.path().join("missing.yaml");
    std::fs::write(&path, case).unwrap();
    let text = validate(dir.path(), &[]);
    let file = path.display().to_string();
    let expected = [
        "1:1: error: missing required key `title`",
        "1:1: error: missing required key `situation`",
        "6:7: error: missing required key `look_for.CR:010[0].label`",
        "8:5: error: missing required key `examples[0].response`",
    ];
    for line in expected {
        assert!(text.contains(&format!("{file}:{line}")), "{line}\n{text}");
    }
    assert!(text.contains("1 file(s): 4 error(s)"), "{text}");
}
