//! The cost split (verdeelsleutel): any total shared by the seed 003 key, with an overhead
//! surcharge on the five regional shares that they pay to Maastricht, the municipality that
//! carries out the work (and its overhead). The overhead moves money between municipalities;
//! the total stays the total, as seed 003 §8 funds its €303,916 with the region's €99,927
//! overhead included.
//!
//! Rounding: amounts are whole multiples of a unit (one euro for the seed 003 table, one cent
//! for programme costs). Shares are split by the largest-remainder rule: every municipality gets
//! its exact share rounded down, and the units left over go, one each, to the largest
//! remainders (ties to the earlier municipality in the key's order), so the shares sum exactly
//! to the total. The overhead is computed on the exact (unrounded) regional shares, its total
//! rounded half away from zero, and split the same way. The paper rounded each cell on its own,
//! which is how its funding rows come to €303,915 against a €303,916 total.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::money::Cents;
use crate::region::{MUNICIPALITIES, N_MUNI};

/// One municipality's row of a split.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SplitRow {
    /// Municipality id.
    pub municipality: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Its key, percent.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub key_pct: Decimal,
    /// Its share of the total.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub share_eur: Decimal,
    /// The overhead surcharge on its share; for Maastricht minus the five's overhead, which
    /// it receives.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub overhead_eur: Decimal,
    /// Share plus overhead: what it pays.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub total_eur: Decimal,
}

/// The totals of a split.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SplitTotals {
    /// Sum of the shares: the total split.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub share_eur: Decimal,
    /// The overhead the five regional municipalities pay to Maastricht.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub overhead_eur: Decimal,
    /// The five regional municipalities' shares plus overhead: what the region contributes.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub regional_total_eur: Decimal,
}

/// A total split by the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Split {
    /// One row per municipality, Maastricht first.
    pub rows: Vec<SplitRow>,
    /// The totals.
    pub totals: SplitTotals,
    /// The unit the parts are whole multiples of (1: euros, 0.01: cents).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub unit_eur: Decimal,
    /// The rounding rule used.
    pub rounding: String,
}

/// Split `total` into whole `unit`s in proportion to `weights` by the largest-remainder rule.
/// The parts are non-negative for a non-negative total and sum exactly to `total` rounded to
/// the unit. Zero weights everywhere give zero parts.
pub fn largest_remainder(total: Decimal, weights: &[Decimal], unit: Decimal) -> Vec<Decimal> {
    let n = weights.len();
    let weight_sum: Decimal = weights.iter().sum();
    if n == 0 || weight_sum.is_zero() || unit <= Decimal::ZERO {
        return vec![Decimal::ZERO; n];
    }
    let units = (total / unit).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let exact: Vec<Decimal> = weights.iter().map(|w| units * w / weight_sum).collect();
    let mut parts: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let mut left = units - parts.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..n).collect();
    // Largest remainder first; ties keep the key's order (the sort is stable).
    order.sort_by(|&a, &b| (exact[b] - parts[b]).cmp(&(exact[a] - parts[a])));
    for &i in order.iter().cycle().take(n * 2) {
        if left <= Decimal::ZERO {
            break;
        }
        parts[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    parts.into_iter().map(|p| p * unit).collect()
}

/// Split `total` by `key_pct` (one per municipality, in [`MUNICIPALITIES`] order), adding
/// `overhead_pct` on the five regional shares and taking it off Maastricht's, in whole
/// `unit`s: the totals paid add up to `total`.
pub fn split(
    total: Decimal,
    key_pct: &[Decimal; N_MUNI],
    overhead_pct: Decimal,
    unit: Decimal,
) -> Split {
    let shares = largest_remainder(total, key_pct, unit);
    let key_sum: Decimal = key_pct.iter().sum();
    let overhead_rate = overhead_pct / Decimal::ONE_HUNDRED;
    // Overhead on the exact regional shares (index 0 is Maastricht, which carries its own).
    let exact_overhead: Vec<Decimal> = key_pct
        .iter()
        .enumerate()
        .map(|(i, k)| {
            if i == 0 || key_sum.is_zero() {
                Decimal::ZERO
            } else {
                total * k / key_sum * overhead_rate
            }
        })
        .collect();
    let overhead_total: Decimal = exact_overhead.iter().sum();
    let mut overheads = largest_remainder(overhead_total, &exact_overhead, unit);
    if let Some(received) = overheads.get(1..).map(|o| o.iter().sum::<Decimal>()) {
        if !received.is_zero() {
            overheads[0] = -received;
        }
    }
    let rows: Vec<SplitRow> = MUNICIPALITIES
        .iter()
        .enumerate()
        .map(|(i, m)| SplitRow {
            municipality: m.id,
            name: m.name,
            key_pct: key_pct[i],
            share_eur: shares[i],
            overhead_eur: overheads[i],
            total_eur: shares[i] + overheads[i],
        })
        .collect();
    let totals = SplitTotals {
        share_eur: rows.iter().map(|r| r.share_eur).sum(),
        overhead_eur: rows[1..].iter().map(|r| r.overhead_eur).sum(),
        regional_total_eur: rows[1..].iter().map(|r| r.total_eur).sum(),
    };
    Split {
        rows,
        totals,
        unit_eur: unit,
        rounding: format!(
            "whole units of €{unit}: largest remainder for the shares and for the overhead (computed on the exact shares, total rounded half away from zero), which Maastricht receives; ties to the earlier municipality"
        ),
    }
}

/// A cost key and overhead prepared for splitting many totals in cents (the monthly programme
/// cost of a run): [`CostKey::split_cents`] gives the same totals as [`split`], in integers
/// whenever they are provably the same.
#[derive(Debug, Clone)]
pub struct CostKey {
    key_pct: [Decimal; N_MUNI],
    overhead_pct: Decimal,
    /// The key in units of 0.0001% and the overhead in units of 0.0001%, when the key adds up
    /// to exactly 100% and neither is negative.
    whole: Option<([i128; N_MUNI], i128)>,
}

/// A decimal of at most four decimals in units of 0.0001, if it is one and not negative.
fn ten_thousandths(d: Decimal) -> Option<i128> {
    (d.scale() <= 4 && !d.is_sign_negative()).then(|| d.mantissa() * 10i128.pow(4 - d.scale()))
}

impl CostKey {
    /// Prepare `key_pct` and `overhead_pct` (as [`split`] takes them).
    pub fn new(key_pct: [Decimal; N_MUNI], overhead_pct: Decimal) -> CostKey {
        let key: Option<Vec<i128>> = key_pct.iter().map(|&k| ten_thousandths(k)).collect();
        let whole = match (key, ten_thousandths(overhead_pct)) {
            (Some(key), Some(overhead)) if key.iter().sum::<i128>() == 1_000_000 => {
                let mut k = [0; N_MUNI];
                k.copy_from_slice(&key);
                Some((k, overhead))
            }
            _ => None,
        };
        CostKey {
            key_pct,
            overhead_pct,
            whole,
        }
    }

    /// What each municipality pays of `total` (share plus overhead, Maastricht's received
    /// overhead taken off), in whole cents: the `total_eur` of
    /// the rows of `split(total, key_pct, overhead_pct, 0.01)`.
    ///
    /// In integers when the key adds up to 100%, the total is positive and the amounts are
    /// small enough that every decimal step of [`split`] is exact but the last division of
    /// the overhead's largest remainder. That one rounds at 28 digits, far below the 1/K'
    /// (K' the five regional keys in 0.0001%) that separates distinct remainders; equal
    /// remainders, whose order that rounding could decide, go to [`split`] itself, as does
    /// every other case.
    pub fn split_cents(&self, total: Cents) -> [Cents; N_MUNI] {
        self.split_whole(total).unwrap_or_else(|| {
            let rows = split(
                total.to_decimal(),
                &self.key_pct,
                self.overhead_pct,
                Decimal::new(1, 2),
            )
            .rows;
            std::array::from_fn(|m| Cents::of_decimal(rows[m].total_eur).unwrap_or_default())
        })
    }

    fn split_whole(&self, total: Cents) -> Option<[Cents; N_MUNI]> {
        let (key, overhead) = self.whole?;
        let t = total.cents();
        if t <= 0 || t > 1_000_000_000_000_000 || t * overhead > 100_000_000_000_000 {
            return None;
        }
        let shares = remainder_parts(t, &key, 1_000_000, false)?;
        let regional: i128 = key[1..].iter().sum();
        let mut total = [Cents::default(); N_MUNI];
        if overhead == 0 || regional == 0 {
            // No overhead: its parts are all Decimal::ZERO.
            for (out, share) in total.iter_mut().zip(shares) {
                *out = part(share);
            }
            return Some(total);
        }
        // The overhead on the regional shares: T × O × K' / 10^14 euros, rounded to the cent
        // half away from zero (positive here), split in proportion to the regional keys.
        let scale = 1_000_000_000_000;
        let units = (t * overhead * regional + scale / 2) / scale;
        let mut weights = key;
        weights[0] = 0;
        let mut overheads = remainder_parts(units, &weights, regional, true)?;
        overheads[0] = -overheads[1..].iter().sum::<i128>();
        for ((out, share), extra) in total.iter_mut().zip(shares).zip(overheads) {
            *out = part(share) + part(extra);
        }
        Some(total)
    }
}

/// A split part of `n` cents as [`largest_remainder`] returns it: `n × 0.01`, which is the
/// scale-0 `Decimal::ZERO` for none.
fn part(n: i128) -> Cents {
    if n == 0 {
        Cents::default()
    } else {
        Cents::new(n as i64)
    }
}

/// [`largest_remainder`] of `units` (positive) by integer `weights` summing to `sum`: the
/// floors of `units × w / sum`, then one unit each to the largest remainders (ties to the
/// earlier). None when `refuse_ties` and two non-zero remainders are equal.
fn remainder_parts(
    units: i128,
    weights: &[i128; N_MUNI],
    sum: i128,
    refuse_ties: bool,
) -> Option<[i128; N_MUNI]> {
    let mut parts = [0; N_MUNI];
    let mut rest = [0; N_MUNI];
    for ((p, r), w) in parts.iter_mut().zip(rest.iter_mut()).zip(weights) {
        *p = units * w / sum;
        *r = units * w % sum;
    }
    if refuse_ties {
        for i in 0..N_MUNI {
            if rest[i] != 0 && rest[i + 1..].contains(&rest[i]) {
                return None;
            }
        }
    }
    let mut left = units - parts.iter().sum::<i128>();
    let mut order: [usize; N_MUNI] = std::array::from_fn(|i| i);
    order.sort_by(|&a, &b| rest[b].cmp(&rest[a]));
    for &i in order.iter().cycle().take(N_MUNI * 2) {
        if left <= 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: i64) -> Decimal {
        Decimal::from(x)
    }

    /// The seed 003 key, percent.
    fn key() -> [Decimal; N_MUNI] {
        ["78.08", "4.55", "3.15", "4.61", "5.16", "4.45"].map(|s| s.parse().unwrap())
    }

    #[test]
    fn the_seed_003_table_is_reproduced_within_a_euro_and_its_totals_exactly() {
        // seed 003: the €303,916 extra cost of the statushouders pilot, 50% overhead on the
        // five regional shares.
        let s = split(d(303_916), &key(), d(50), Decimal::ONE);
        // Maastricht's row is blank in the paper past its share: it receives the five's
        // overhead and pays the rest, €303,916 − €99,927, which the province's €126,821 and
        // the refugee fund's €77,167 cover (within the paper's euro).
        let paper: [(i64, i64, i64); 6] = [
            (237_297, -33_309, 203_989),
            (13_828, 6_914, 20_742),
            (9_573, 4_787, 14_360),
            (14_011, 7_005, 21_016),
            (15_682, 7_841, 23_523),
            (13_524, 6_762, 20_286),
        ];
        for (row, (share, overhead, total)) in s.rows.iter().zip(paper) {
            for (ours, theirs) in [
                (row.share_eur, share),
                (row.overhead_eur, overhead),
                (row.total_eur, total),
            ] {
                assert!(
                    (ours - d(theirs)).abs() <= Decimal::ONE,
                    "{}: {ours} vs {theirs}",
                    row.name
                );
            }
        }
        assert_eq!(s.totals.share_eur, d(303_916));
        assert_eq!(s.totals.overhead_eur, d(33_309));
        assert_eq!(s.totals.regional_total_eur, d(99_927));
        // The overhead moves money to Maastricht: what all pay is the total.
        assert_eq!(s.rows[0].overhead_eur, d(-33_309));
        assert_eq!(
            s.rows.iter().map(|r| r.total_eur).sum::<Decimal>(),
            d(303_916)
        );
        assert_eq!(
            s.rows[0].total_eur,
            d(303_916) - s.totals.regional_total_eur
        );
    }

    #[test]
    fn the_papers_funding_rows_miss_a_euro_that_exact_totals_do_not() {
        // seed 003: regional €99,927 + province €126,821 + refugee fund €77,167 = €303,915,
        // one euro short of the €303,916 it funds: the paper rounded each cell on its own.
        let funding = d(99_927) + d(126_821) + d(77_167);
        assert_eq!(funding, d(303_915));
        assert_eq!(d(303_916) - funding, Decimal::ONE);
        // The paper's own share cells add up to the same €303,915: its Maastricht cell is
        // €237,297 where the exact share is €237,297.61. The allocator gives that euro to the
        // largest remainder, Maastricht, and its cells sum to the total.
        let paper_shares = [237_297, 13_828, 9_573, 14_011, 15_682, 13_524].map(d);
        assert_eq!(paper_shares.iter().sum::<Decimal>(), d(303_915));
        let s = split(d(303_916), &key(), d(50), Decimal::ONE);
        assert_eq!(s.rows[0].share_eur, d(237_298));
        assert_eq!(
            s.rows.iter().map(|r| r.share_eur).sum::<Decimal>(),
            d(303_916)
        );
    }

    #[test]
    fn parts_always_sum_to_the_total_in_cents() {
        for total in ["0", "0.01", "1", "99.99", "1645000", "123456.78", "7"] {
            let t: Decimal = total.parse().unwrap();
            let parts = largest_remainder(t, &key(), Decimal::new(1, 2));
            assert_eq!(parts.iter().sum::<Decimal>(), t, "{total}");
            assert!(parts.iter().all(|p| *p >= Decimal::ZERO));
        }
    }

    #[test]
    fn the_cents_split_gives_the_decimal_splits_totals_to_the_bit() {
        // A small deterministic generator (no dependency): totals from a cent to millions,
        // the seed 003 key and keys of four decimals adding up to 100, several overheads.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut keys = vec![key()];
        for _ in 0..40 {
            let mut k = [0i64; N_MUNI];
            let mut left = 1_000_000i64;
            for slot in k.iter_mut().skip(1) {
                *slot = next(left as u64 / 3 + 1) as i64;
                left -= *slot;
            }
            k[0] = left;
            keys.push(k.map(|x| Decimal::new(x, 4)));
        }
        keys.push(["100", "0", "0", "0", "0", "0"].map(|s| s.parse().unwrap()));
        keys.push(["50", "10", "10", "10", "10", "10"].map(|s| s.parse().unwrap()));
        let overheads = ["0", "50", "12.5", "100", "33.3333", "200", "0.0001"];
        let mut checked = 0;
        for key in &keys {
            for o in overheads {
                let ck = CostKey::new(*key, o.parse().unwrap());
                for i in 0..400u64 {
                    let cents = match i % 4 {
                        0 => next(100) as i64 + 1,
                        1 => next(100_000) as i64 + 1,
                        2 => next(1_000_000_000) as i64 + 1,
                        _ => (next(100) as i64 + 1) * 10_000,
                    };
                    let total = Cents::new(cents);
                    let fast = ck.split_cents(total);
                    let slow = split(
                        total.to_decimal(),
                        key,
                        o.parse().unwrap(),
                        Decimal::new(1, 2),
                    );
                    for (f, row) in fast.iter().zip(&slow.rows) {
                        assert_eq!(
                            f.to_decimal().serialize(),
                            row.total_eur.serialize(),
                            "{cents} {key:?} {o}: {} vs {}",
                            f.to_decimal(),
                            row.total_eur
                        );
                    }
                    checked += usize::from(ck.split_whole(total).is_some());
                }
            }
        }
        assert!(checked > 100_000, "the integer path ran {checked} times");
    }

    #[test]
    fn zero_weights_give_zero_parts() {
        assert_eq!(
            largest_remainder(d(10), &[Decimal::ZERO; 3], Decimal::ONE),
            vec![Decimal::ZERO; 3]
        );
    }
}
