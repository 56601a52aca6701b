//! The measure of printed lines: how long (in characters) a full line is.

/// The length of a full line among `lens` (line lengths in characters, blank lines left
/// out): the median of the long lines, those at least half as long as the 90th percentile.
///
/// The 90th percentile alone is thrown off where an extractor runs two printed lines into
/// one (pdftotext does on some XeLaTeX pages): a tenth of doubled lines made every true
/// full line look short. The median of the long lines is not moved by a few doubled ones.
pub fn full_line(lens: &[usize]) -> usize {
    let mut sorted = lens.to_vec();
    sorted.sort_unstable();
    let Some(&p90) = sorted.get(sorted.len() * 9 / 10) else { return 0 };
    let long: Vec<usize> = sorted.into_iter().filter(|&l| l * 2 >= p90).collect();
    long[long.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::full_line;

    #[test]
    fn a_few_doubled_lines_do_not_move_the_measure() {
        let clean = [100, 98, 101, 99, 40, 100, 97, 12, 100, 101];
        assert_eq!(full_line(&clean), 100);
        let doubled = [100, 98, 200, 99, 40, 100, 197, 12, 100, 150, 5, 101, 96];
        assert!((98..=101).contains(&full_line(&doubled)), "{}", full_line(&doubled));
        // The 90th percentile would have said 197.
        assert_eq!(full_line(&[]), 0);
        assert_eq!(full_line(&[7]), 7);
    }
}
