//! The evaluation form as data: lines, maxima and band floors.

use serde::{Deserialize, Serialize};

use super::band::Band;

/// An evaluation form such as DECA's Individual Series form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// A short identifier, `deca-series`.
    pub id: String,
    /// The form's name, for reports.
    pub name: String,
    /// The four columns, left to right.
    pub bands: [BandLabel; 4],
    /// How the performance indicators are scored.
    pub indicators: IndicatorLines,
    /// The 21st Century Skills lines.
    pub skills: SkillLines,
    /// The total and the overall rating.
    pub total: TotalLine,
    /// The event's clock, when the form's event has one of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// Where the form's numbers come from and how sure they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The minutes an event gives to prepare and to present.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    /// Minutes to prepare.
    pub prep: u64,
    /// Minutes with the judge.
    pub present: u64,
}

/// A column's stable key and the label the form prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandLabel {
    /// The stable key.
    pub key: Band,
    /// The label on the form.
    pub label: String,
}

/// How each performance indicator is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorLines {
    /// How many indicators the form is built for.
    pub count: u32,
    /// Points for one indicator.
    pub max: u32,
    /// The lowest points of each column.
    pub band_floors: [u32; 4],
}

/// The skills lines and how each is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLines {
    /// Points for one line.
    pub max: u32,
    /// The lowest points of each column.
    pub band_floors: [u32; 4],
    /// The lines, in the form's order.
    pub lines: Vec<SkillLine>,
}

/// One skills line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLine {
    /// Which measure the engine uses for it.
    pub id: SkillMeasure,
    /// The line as the form prints it.
    pub label: String,
}

/// The total, the rating and the certificate line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalLine {
    /// The highest total.
    pub max: u32,
    /// The lowest total of each column, for the overall rating.
    pub band_floors: [u32; 4],
    /// The total that earns a certificate of excellence.
    pub certificate: u32,
}

/// The skills measures the engine knows how to score: what a 21st Century Skills line
/// weighs besides the response's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillMeasure {
    /// Reasons given and the case's facts used.
    Reasoning,
    /// Firm commitments against hedges, and concrete details.
    Judgment,
    /// Length, sentences and fillers.
    Communication,
    /// Details of the student's own beyond the case.
    Creativity,
    /// The judge's questions answered.
    Impression,
}

impl SkillMeasure {
    /// Every measure, in the shipped form's order.
    pub const ALL: [SkillMeasure; 5] = [
        SkillMeasure::Reasoning,
        SkillMeasure::Judgment,
        SkillMeasure::Communication,
        SkillMeasure::Creativity,
        SkillMeasure::Impression,
    ];

    /// The id a form file and the JSON use, `reasoning`.
    pub fn key(self) -> &'static str {
        match self {
            SkillMeasure::Reasoning => "reasoning",
            SkillMeasure::Judgment => "judgment",
            SkillMeasure::Communication => "communication",
            SkillMeasure::Creativity => "creativity",
            SkillMeasure::Impression => "impression",
        }
    }
}

impl std::fmt::Display for SkillMeasure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl Form {
    /// The label the form prints for a band.
    pub fn band_label(&self, band: Band) -> &str {
        &self.bands[band.index()].label
    }

    /// Points available to the indicators: the total less the skills lines.
    pub fn indicator_share(&self) -> u32 {
        self.total.max.saturating_sub(self.skills_share())
    }

    /// Points available to the skills lines.
    pub fn skills_share(&self) -> u32 {
        self.skills.max * self.skills.lines.len() as u32
    }

    /// Checks what serde cannot: floors that rise, lines the engine knows. A problem
    /// names the top-level key it is under, so a loader can say where it is written.
    pub fn check(&self) -> Result<(), FormProblem> {
        let problem = |key: &'static str, message: String| FormProblem { key, message };
        for (key, band) in self.bands.iter().zip(Band::ALL) {
            if key.key != band {
                return Err(problem(
                    "bands",
                    format!(
                        "bands must be little, below, meets, exceeds in that order, found `{}`",
                        key.key
                    ),
                ));
            }
        }
        let floors = [
            (
                "indicators",
                &self.indicators.band_floors,
                self.indicators.max,
            ),
            ("skills", &self.skills.band_floors, self.skills.max),
            ("total", &self.total.band_floors, self.total.max),
        ];
        for (what, floors, max) in floors {
            check_floors(what, floors, max).map_err(|m| problem(what, m))?;
        }
        if self.indicators.count == 0 || self.indicators.max == 0 {
            let message = "indicators: count and max must be above 0".to_string();
            return Err(problem("indicators", message));
        }
        if self.skills_share() > self.total.max {
            let message = "skills lines are worth more than the total".to_string();
            return Err(problem("skills", message));
        }
        Ok(())
    }
}

/// What is wrong with a form, and the top-level key it is under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    /// The top-level key: `bands`, `indicators`, `skills` or `total`.
    pub key: &'static str,
    /// What is wrong, for people.
    pub message: String,
}

impl std::fmt::Display for FormProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn check_floors(what: &str, floors: &[u32; 4], max: u32) -> Result<(), String> {
    if floors[0] != 0 || floors.windows(2).any(|w| w[0] >= w[1]) || floors[3] > max {
        return Err(format!(
            "{what}: band_floors must start at 0 and rise, up to {max}: {floors:?}"
        ));
    }
    Ok(())
}
