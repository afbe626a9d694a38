//! Stable sorts that compile once: every call sorts a list of positions with one shared
//! routine, through a comparator behind a reference, and then moves the elements into place.
//!
//! Why: std's `sort_by` and `sort_by_key` compile a new copy of the whole sort (about 3.5 KB
//! of WebAssembly) for every closure they are called with; the editor's 40-odd call sites
//! came to about 180 KB of its wasm. Here each call site costs a few hundred bytes. The
//! price is a call through a pointer per comparison and a list of `u32` positions, which is
//! nothing next to what the editor does with what it sorts.
//!
//! Owns: [`sort_by`], [`sort_by_key`] and [`sort`], stable like std's `sort_by`. It must not
//! be used in the extractors' hot loops, which keep std's sorts for speed (they are not in
//! the editor's wasm).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stable: equal elements keep their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = {
        let items: &[T] = v;
        positions(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, &mut order);
}

/// Sorts `v` by the key `key` gives each element, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order, stable.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` gives them (stable): the one sort compiled.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    // Slices longer than u32::MAX elements do not fit a wasm32 memory; natively they would
    // need 16 GB of positions alone, so u32 is enough for anything the crate sorts.
    let mut order: Vec<u32> = (0..n).map(|i| i as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Rearranges `v` so that `v[i]` becomes the element that was at `order[i]`, following
/// each cycle of the permutation with swaps. `order` is used up (every entry set to its own
/// position).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stable_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn owned_values_move_without_copies() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "fig", "kiwi", "pear"]);
        sort_by(&mut v, |a, b| b.len().cmp(&a.len()));
        assert_eq!(v, ["apple", "kiwi", "pear", "fig"]);
    }

    proptest! {
        /// The same order as std's stable sort, ties included, on any list.
        #[test]
        fn same_as_std(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by_key(&mut ours, |x| x.0);
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
