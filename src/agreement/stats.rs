//! The statistics of agreement, written to give the same figures as the graded set's
//! `check` script: quadratic weighted kappa over the form's four bands, and Spearman's
//! rho with tied values given their average rank. Pure functions over numbers.
//!
//! Where `check` prints 0 for a figure that is undefined (no pairs, or one side
//! without any variation), these return `None`, so a report can say "n/a" rather
//! than pretend there was no agreement.

/// The number of bands on the form: little, below, meets, exceeds.
pub const BANDS: usize = 4;

/// The band (0 to 3) whose floor is the highest one not above `points`: with the
/// indicator floors 0/5/9/12, points 0-4, 5-8, 9-11 and 12-14.
pub fn band(points: f64, floors: &[u32; BANDS]) -> usize {
    // Floors rise (the form is checked on load), so the last one reached is the band.
    floors
        .iter()
        .rposition(|&floor| points >= f64::from(floor))
        .unwrap_or(0)
}

/// Quadratic weighted kappa of two raters' bands (each 0 to 3), paired by position:
/// 1 is perfect agreement, 0 what chance would give. `None` without pairs.
pub fn qwk(a: &[usize], b: &[usize]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let mut observed = [[0.0f64; BANDS]; BANDS];
    for (&x, &y) in a.iter().zip(b) {
        observed[x.min(BANDS - 1)][y.min(BANDS - 1)] += 1.0;
    }
    let rows: Vec<f64> = observed.iter().map(|row| row.iter().sum()).collect();
    let columns: Vec<f64> = (0..BANDS)
        .map(|j| observed.iter().map(|row| row[j]).sum())
        .collect();
    let (mut disagreement, mut expected) = (0.0, 0.0);
    let scale = ((BANDS - 1) * (BANDS - 1)) as f64;
    for i in 0..BANDS {
        for j in 0..BANDS {
            let weight = (i.abs_diff(j) * i.abs_diff(j)) as f64 / scale;
            disagreement += weight * observed[i][j];
            expected += weight * rows[i] * columns[j] / n as f64;
        }
    }
    // No disagreement is expected only when both raters used one and the same band.
    Some(if expected == 0.0 {
        1.0
    } else {
        1.0 - disagreement / expected
    })
}

/// The ranks of `values` from 1 (the smallest), ties sharing the average of the
/// ranks they span: `[10, 20, 20, 30]` ranks `[1, 2.5, 2.5, 4]`.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = rank;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rho: the correlation of the ranks of two paired lists. `None` with
/// fewer than two pairs or when either list has one value throughout.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n < 2 {
        return None;
    }
    let (ra, rb) = (ranks(&a[..n]), ranks(&b[..n]));
    let (ma, mb) = (mean(&ra)?, mean(&rb)?);
    let covariance: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let spread_a = ra.iter().map(|x| (x - ma).powi(2)).sum::<f64>().sqrt();
    let spread_b = rb.iter().map(|y| (y - mb).powi(2)).sum::<f64>().sqrt();
    (spread_a > 0.0 && spread_b > 0.0).then(|| covariance / (spread_a * spread_b))
}

/// The pairs two orderings of the same items put the other way round: for each pair,
/// one list ranks it up and the other down (ties on either side are not counted).
/// Returns (swapped, pairs).
pub fn swapped_pairs(a: &[f64], b: &[f64]) -> (usize, usize) {
    let n = a.len().min(b.len());
    let mut swapped = 0;
    for i in 0..n {
        for j in i + 1..n {
            if (a[i] - a[j]) * (b[i] - b[j]) < 0.0 {
                swapped += 1;
            }
        }
    }
    (swapped, n * n.saturating_sub(1) / 2)
}

/// The arithmetic mean, `None` for an empty list.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATOR_FLOORS: [u32; 4] = [0, 5, 9, 12];
    const TOTAL_FLOORS: [u32; 4] = [0, 25, 60, 80];

    fn close(got: Option<f64>, want: f64) {
        let got = got.expect("a value");
        assert!((got - want).abs() < 1e-12, "got {got}, want {want}");
    }

    #[test]
    fn bands_of_points_are_the_forms_columns() {
        let bands: Vec<usize> = (0..=14)
            .map(|p| band(f64::from(p), &INDICATOR_FLOORS))
            .collect();
        assert_eq!(bands, [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    }

    #[test]
    fn ratings_of_totals_use_the_floors_of_the_total() {
        let at = |t: f64| band(t, &TOTAL_FLOORS);
        assert_eq!(
            [
                at(0.0),
                at(24.9),
                at(25.0),
                at(59.99),
                at(60.0),
                at(79.5),
                at(80.0),
                at(100.0)
            ],
            [0, 0, 1, 1, 2, 2, 3, 3]
        );
    }

    #[test]
    fn qwk_of_identical_bands_is_one() {
        close(qwk(&[0, 1, 2, 3], &[0, 1, 2, 3]), 1.0);
        // Both raters in one band: nothing to disagree on.
        close(qwk(&[2, 2], &[2, 2]), 1.0);
    }

    #[test]
    fn qwk_matches_a_hand_computation() {
        // a = [0,1,2,3], b = [0,2,2,3]: one pair off by one band, weight 1/9.
        // Row totals 1,1,1,1; column totals 1,0,2,1; n = 4. Expected disagreement:
        // sum over i,j of (i-j)^2/9 * r_i * c_j / 4 = (17 + 7 + 5 + 11) / 36 = 40/36.
        // 1 - (1/9) / (40/36) = 0.9.
        close(qwk(&[0, 1, 2, 3], &[0, 2, 2, 3]), 0.9);
        // Printed by check's qwk() for the same lists.
        close(
            qwk(&[0, 0, 1, 3, 2, 2, 1], &[0, 1, 1, 3, 3, 2, 0]),
            0.8264462809917356,
        );
    }

    #[test]
    fn qwk_of_reversed_bands_is_negative() {
        // Checked against check's qwk(): -1.0 for a complete reversal of 0..3.
        close(qwk(&[0, 1, 2, 3], &[3, 2, 1, 0]), -1.0);
    }

    #[test]
    fn qwk_without_pairs_is_undefined() {
        assert_eq!(qwk(&[], &[]), None);
    }

    #[test]
    fn ties_share_their_average_rank() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 30.0]), [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(ranks(&[3.0, 1.0, 2.0]), [3.0, 1.0, 2.0]);
        assert_eq!(ranks(&[5.0, 5.0, 5.0]), [2.0, 2.0, 2.0]);
    }

    #[test]
    fn spearman_of_orders() {
        close(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0);
        close(spearman(&[1.0, 2.0, 3.0], &[30.0, 20.0, 10.0]), -1.0);
        // With a tie, from check's spearman(): ranks [1,2,3,4] and [1,2.5,2.5,4].
        // Covariance 4.5, spreads sqrt(5) and sqrt(4.5): rho = 4.5 / sqrt(22.5).
        close(
            spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 7.0, 7.0, 9.0]),
            4.5 / 22.5f64.sqrt(),
        );
        // Printed by check's spearman() for the same lists (ties on both sides).
        close(
            spearman(
                &[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0],
                &[2.0, 7.0, 1.0, 8.0, 2.0, 8.0, 1.0, 8.0],
            ),
            0.19885368120992464,
        );
    }

    #[test]
    fn spearman_is_undefined_without_variation() {
        assert_eq!(spearman(&[1.0], &[2.0]), None);
        assert_eq!(spearman(&[1.0, 2.0], &[5.0, 5.0]), None);
    }

    #[test]
    fn swapped_pairs_count_opposite_orders_only() {
        assert_eq!(swapped_pairs(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), (0, 3));
        assert_eq!(swapped_pairs(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), (3, 3));
        // A tie on one side is neither agreement nor a swap.
        assert_eq!(swapped_pairs(&[1.0, 1.0, 3.0], &[2.0, 1.0, 0.0]), (2, 3));
    }
}
