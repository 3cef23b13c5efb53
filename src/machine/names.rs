//! The thing-name table: names in one buffer, looked up through an
//! open-addressing index of thing indices (never iterated, so its order
//! cannot leak into an output).

use super::{err, ErrorCode, MachineError};
use crate::validate::primitive::Pattern;
use crate::validate::shapes::ids::THING_NAME_MAX;

/// Thing names in target order, with a name → index lookup.
///
/// About 4 bytes per name beyond the names themselves for the offsets, and
/// 4 × 4/3 for the index: a linear-probing table of `u32` slots at most
/// three quarters full, each slot the thing index + 1 in its low
/// [`Names::bits`] bits and, above them, as many bits of the name's hash as
/// remain (compared first, so a probe rarely touches the names).
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    /// Every name, concatenated.
    buf: String,
    /// `ends[i]` is the end offset of name `i` in `buf`.
    ends: Vec<u32>,
    /// The index: 0 = empty, otherwise `tag << bits | (thing index + 1)`.
    slots: Vec<u32>,
    /// Bits of a slot that hold the thing index + 1 (enough for the most
    /// names the table holds); the rest hold the tag.
    bits: u32,
}

/// A fixed hash, the same table on every platform: eight bytes at a time
/// (the FxHash step), then the splitmix64 finaliser so that both halves are
/// well mixed (the low half places a name, the high half tags it).
fn hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = s.as_bytes();
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last eight bytes (overlapping the chunks), or the few there are.
        let w = match bytes.len().checked_sub(8).and_then(|at| bytes.get(at..)) {
            Some(last) => u64::from_le_bytes(last.try_into().unwrap_or([0; 8])),
            None => rest.iter().fold(0, |w, &b| (w << 8) | u64::from(b)),
        };
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The most names a table of `slots` slots holds (three quarters).
fn max_names(slots: usize) -> usize {
    slots - slots / 4
}

/// Slots for `n` names: at most three quarters full, at least 16, at most
/// 2^32 - 1 (room for the 2^31 names a table holds; [`Names::home`]
/// scales a 32-bit hash by it).
fn table_size(n: usize) -> usize {
    let most = usize::try_from(u32::MAX).unwrap_or(usize::MAX);
    n.saturating_add(n / 3).saturating_add(1).clamp(16, most)
}

/// Bits needed for a thing index + 1 in a table of `slots` slots.
fn index_bits(slots: usize) -> u32 {
    (u64::BITS - (max_names(slots) as u64).leading_zeros()).min(32)
}

impl Names {
    /// An empty table with room for `n` names.
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> Names {
        let slots = table_size(n);
        Names {
            buf: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            slots: vec![0; slots],
            bits: index_bits(slots),
        }
    }

    /// Gives back the spare room of the buffers (once every name is in).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.buf.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Name `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.buf.get(self.span(i)?)
    }

    /// Where name `i` is in the buffer.
    fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(j) => usize::try_from(*self.ends.get(j)?).ok()?,
            None => 0,
        };
        Some(start..end)
    }

    /// Whether name `i` is `name` (bytes compared: no character boundary
    /// to check).
    fn is(&self, i: usize, name: &str) -> bool {
        self.span(i)
            .and_then(|r| self.buf.as_bytes().get(r))
            .is_some_and(|b| b == name.as_bytes())
    }

    /// The low bits of a slot (thing index + 1).
    fn index_mask(&self) -> u32 {
        1u32.checked_shl(self.bits).map_or(u32::MAX, |b| b - 1)
    }

    /// The tag of hash `h` in a slot (0 when the index takes every bit).
    fn tag(&self, h: u64) -> u32 {
        ((h >> 32) as u32).checked_shl(self.bits).unwrap_or(0)
    }

    /// The first slot to probe for hash `h` (the low half scaled to the
    /// table, which may be any size).
    fn home(&self, h: u64) -> usize {
        (((h & 0xffff_ffff) * self.slots.len() as u64) >> 32) as usize
    }

    /// Where `name` (of hash `h`) is: `Ok(index)`, or `Err(slot)`, the
    /// empty slot that ends its probe sequence (`None` for no slot at all).
    fn probe(&self, name: &str, h: u64) -> Option<Result<usize, usize>> {
        let mask = self.index_mask();
        let tag = self.tag(h);
        let len = self.slots.len();
        let mut at = self.home(h);
        // INVARIANT: the table is at most three quarters full, so an empty
        // slot ends every probe sequence.
        for _ in 0..len {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                return Some(Err(at));
            }
            if slot & !mask == tag {
                let i = ((slot & mask) as usize).wrapping_sub(1);
                if self.is(i, name) {
                    return Some(Ok(i));
                }
            }
            at += 1;
            if at == len {
                at = 0;
            }
        }
        None
    }

    /// Index of `name`.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.probe(name, hash(name))?.ok()
    }

    /// Appends `name` unless it is already in the table, probing once.
    /// Returns its index and whether it was added; `None` when the table is
    /// full (more than 2^31 names or 4 GiB of names).
    pub(crate) fn insert(&mut self, name: &str) -> Option<(usize, bool)> {
        let i = self.ends.len();
        let end = u32::try_from(self.buf.len().checked_add(name.len())?).ok()?;
        let n = u32::try_from(i.checked_add(1)?).ok()?;
        if n > (1 << 31) {
            return None;
        }
        if i + 1 > max_names(self.slots.len()) {
            let slots = table_size(i.saturating_add(1).saturating_mul(2));
            self.slots = vec![0; slots];
            self.bits = index_bits(slots);
            for j in 0..i {
                self.insert_slot(j);
            }
        }
        let h = hash(name);
        match self.probe(name, h)? {
            Ok(j) => Some((j, false)),
            Err(at) => {
                let slot = self.tag(h) | n;
                *self.slots.get_mut(at)? = slot;
                self.buf.push_str(name);
                self.ends.push(end);
                Some((i, true))
            }
        }
    }

    /// Appends a name that is not in the table; `None` when the table is full.
    pub(crate) fn push(&mut self, name: &str) -> Option<usize> {
        match self.insert(name)? {
            (i, true) => Some(i),
            (_, false) => None,
        }
    }

    /// Puts name `i` (already in the buffer, not in the index) in the index.
    fn insert_slot(&mut self, i: usize) {
        let Some(h) = self.get(i).map(hash) else {
            return;
        };
        let slot = self.tag(h) | (i as u32).wrapping_add(1);
        let len = self.slots.len();
        let mut at = self.home(h);
        // INVARIANT: the table is at most three quarters full, so an empty
        // slot exists.
        for _ in 0..len {
            match self.slots.get_mut(at) {
                Some(s) if *s == 0 => {
                    *s = slot;
                    return;
                }
                _ => {
                    at += 1;
                    if at == len {
                        at = 0;
                    }
                }
            }
        }
    }

    /// Bytes of memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.buf.capacity() + self.ends.capacity() * 4 + self.slots.capacity() * 4
    }

    /// Every name, in index order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

/// Whether `name` is a valid thing name: the validator's `ThingName` shape
/// (`[a-zA-Z0-9:_-]+`, at most [`THING_NAME_MAX`] characters).
pub(crate) fn valid_thing_name(name: &str) -> bool {
    // The pattern is ASCII, so bytes are characters.
    u64::try_from(name.len()).is_ok_and(|n| n <= THING_NAME_MAX) && Pattern::ThingName.matches(name)
}

/// [`valid_thing_name`] as the machine answers it: `InvalidRequestException`
/// under `rule` (`V-7` for targets, `V-34` for the thing of an event).
pub(crate) fn check_thing_name(name: &str, rule: &'static str) -> Result<(), MachineError> {
    if valid_thing_name(name) {
        Ok(())
    } else {
        Err(err(
            ErrorCode::InvalidRequest,
            rule,
            format!("`{name}` is not a valid thing name"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_find_and_grow() {
        let mut n = Names::with_capacity(0, 0);
        for i in 0..1000 {
            assert_eq!(n.push(&format!("t{i}")), Some(i));
        }
        for i in 0..1000 {
            assert_eq!(n.find(&format!("t{i}")), Some(i));
            assert_eq!(n.get(i), Some(format!("t{i}").as_str()));
        }
        assert_eq!(n.find("nope"), None);
        assert_eq!(n.iter().count(), 1000);
    }

    #[test]
    fn thing_names() {
        assert!(valid_thing_name("a:b_c-1"));
        assert!(!valid_thing_name(""));
        assert!(!valid_thing_name("a b"));
        let longest = "x".repeat(THING_NAME_MAX as usize);
        assert!(valid_thing_name(&longest));
        assert!(!valid_thing_name(&format!("{longest}x")));
    }
}
