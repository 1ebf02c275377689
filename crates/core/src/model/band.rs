//! The four columns of the evaluation form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the four columns of DECA's evaluation form, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// Little or no value.
    Little,
    /// Below expectations.
    Below,
    /// Meets expectations.
    Meets,
    /// Exceeds expectations.
    Exceeds,
}

impl Band {
    /// All bands, low to high.
    pub const ALL: [Band; 4] = [Band::Little, Band::Below, Band::Meets, Band::Exceeds];

    /// The stable key used in JSON and files.
    pub fn key(self) -> &'static str {
        match self {
            Band::Little => "little",
            Band::Below => "below",
            Band::Meets => "meets",
            Band::Exceeds => "exceeds",
        }
    }

    /// Position from the left, 0 to 3.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The band whose floor is the highest one not above `points`.
    pub fn for_points(points: u32, floors: &[u32; 4]) -> Band {
        Band::ALL
            .into_iter()
            .rev()
            .find(|band| points >= floors[band.index()])
            .unwrap_or(Band::Little)
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Band {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Band::ALL
            .into_iter()
            .find(|b| b.key() == s.trim())
            .ok_or_else(|| {
                format!("`{s}` is not a band (expected little, below, meets or exceeds)")
            })
    }
}

/// An inclusive range of bands such as `meets..exceeds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandRange {
    /// The lowest band allowed.
    pub low: Band,
    /// The highest band allowed.
    pub high: Band,
}

impl BandRange {
    /// Whether `band` lies inside the range.
    pub fn contains(self, band: Band) -> bool {
        self.low <= band && band <= self.high
    }
}

impl FromStr for BandRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (low, high) = match s.split_once("..") {
            Some((low, high)) => (low.parse()?, high.parse()?),
            None => {
                let band: Band = s.parse()?;
                (band, band)
            }
        };
        if low > high {
            return Err(format!("`{s}` runs backwards (write the lower band first)"));
        }
        Ok(BandRange { low, high })
    }
}

impl fmt::Display for BandRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.low == self.high {
            write!(f, "{}", self.low)
        } else {
            write!(f, "{}..{}", self.low, self.high)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_from_points() {
        let floors = [0, 5, 9, 12];
        let got: Vec<Band> = [0, 4, 5, 8, 9, 11, 12, 14]
            .into_iter()
            .map(|p| Band::for_points(p, &floors))
            .collect();
        use Band::*;
        assert_eq!(
            got,
            [Little, Little, Below, Below, Meets, Meets, Exceeds, Exceeds]
        );
    }

    #[test]
    fn ranges_parse() {
        let r: BandRange = "meets..exceeds".parse().unwrap();
        assert!(r.contains(Band::Meets) && r.contains(Band::Exceeds) && !r.contains(Band::Below));
        assert_eq!("below".parse::<BandRange>().unwrap().to_string(), "below");
        assert!("exceeds..little".parse::<BandRange>().is_err());
        assert!("great".parse::<BandRange>().is_err());
    }
}
