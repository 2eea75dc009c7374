//! Several runs side by side: `L` f64s that the kernel treats as one number.
//!
//! The Monte Carlo runs the kernel on `L` runs at once ([`crate::model::run_chains`]): each
//! cell holds one value per run, and every operation is done lane by lane, in the order the
//! one-run kernel does it, so each lane gets exactly the bits it would get alone. Two things
//! make this faster than `L` runs one after the other: the sums over cells become `L`
//! independent chains of additions instead of one (a chain waits on its own last addition,
//! `L` chains overlap), and the compiler turns the lane loops into vector instructions where
//! the target has them (SSE2 natively, `simd128` in WebAssembly). Lane-wise `+ − × ÷` are
//! the same IEEE operations in a vector or not, so native and wasm still agree to the bit.

use std::ops::{Add, AddAssign, Div, DivAssign, Index, IndexMut, Mul, MulAssign, Sub, SubAssign};

/// `L` values, one per run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes<const L: usize>(pub [f64; L]);

impl<const L: usize> Lanes<L> {
    /// The same value in every lane.
    #[inline(always)]
    pub fn splat(x: f64) -> Self {
        Lanes([x; L])
    }

    /// Lane `l` is `f(l)`.
    #[inline(always)]
    pub fn from_fn(f: impl FnMut(usize) -> f64) -> Self {
        Lanes(std::array::from_fn(f))
    }

    /// `f` applied lane by lane.
    #[inline(always)]
    pub fn map(self, mut f: impl FnMut(f64) -> f64) -> Self {
        Lanes::from_fn(|l| f(self.0[l]))
    }

    /// `f` applied to two values lane by lane.
    #[inline(always)]
    pub fn zip(self, other: Self, mut f: impl FnMut(f64, f64) -> f64) -> Self {
        Lanes::from_fn(|l| f(self.0[l], other.0[l]))
    }

    /// The smaller of each pair, as the one-run kernel's `if a < b { a } else { b }`.
    #[inline(always)]
    pub fn min_of(self, other: Self) -> Self {
        self.zip(other, |a, b| if a < b { a } else { b })
    }

    /// The sum of `values`, added lane by lane in their order from a zero, as
    /// `Iterator::sum` adds one lane's values (the same start, so the same bits).
    #[inline(always)]
    pub fn sum<'a>(values: impl IntoIterator<Item = &'a Lanes<L>>) -> Self {
        let start: f64 = std::iter::empty::<f64>().sum();
        values
            .into_iter()
            .fold(Lanes::splat(start), |acc, v| acc + *v)
    }
}

impl<const L: usize> Default for Lanes<L> {
    fn default() -> Self {
        Lanes::splat(0.0)
    }
}

impl<const L: usize> Index<usize> for Lanes<L> {
    type Output = f64;
    #[inline(always)]
    fn index(&self, l: usize) -> &f64 {
        &self.0[l]
    }
}

impl<const L: usize> IndexMut<usize> for Lanes<L> {
    #[inline(always)]
    fn index_mut(&mut self, l: usize) -> &mut f64 {
        &mut self.0[l]
    }
}

macro_rules! lane_op {
    ($op:ident, $method:ident, $assign:ident, $assign_method:ident, $sym:tt) => {
        impl<const L: usize> $op for Lanes<L> {
            type Output = Lanes<L>;
            #[inline(always)]
            fn $method(self, other: Lanes<L>) -> Lanes<L> {
                self.zip(other, |a, b| a $sym b)
            }
        }
        impl<const L: usize> $op<f64> for Lanes<L> {
            type Output = Lanes<L>;
            #[inline(always)]
            fn $method(self, other: f64) -> Lanes<L> {
                self.map(|a| a $sym other)
            }
        }
        impl<const L: usize> $assign for Lanes<L> {
            #[inline(always)]
            fn $assign_method(&mut self, other: Lanes<L>) {
                *self = *self $sym other;
            }
        }
    };
}

lane_op!(Add, add, AddAssign, add_assign, +);
lane_op!(Sub, sub, SubAssign, sub_assign, -);
lane_op!(Mul, mul, MulAssign, mul_assign, *);
lane_op!(Div, div, DivAssign, div_assign, /);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_compute_each_lane_as_a_scalar_would() {
        let a = Lanes([0.1, 1e300, -3.0, 7.0]);
        let b = Lanes([0.2, 1e10, 0.5, -0.0]);
        for l in 0..4 {
            assert_eq!((a + b)[l].to_bits(), (a[l] + b[l]).to_bits());
            assert_eq!((a - b)[l].to_bits(), (a[l] - b[l]).to_bits());
            assert_eq!((a * b)[l].to_bits(), (a[l] * b[l]).to_bits());
            assert_eq!((a / b)[l].to_bits(), (a[l] / b[l]).to_bits());
        }
        let values = [a, b, Lanes::splat(0.3)];
        let s = Lanes::sum(&values);
        for l in 0..4 {
            let scalar: f64 = values.iter().map(|v| v[l]).sum();
            assert_eq!(s[l].to_bits(), scalar.to_bits());
        }
    }
}
