//! The thing-name table: names in one buffer, looked up through an
//! open-addressing index of thing indices (never iterated, so its order
//! cannot leak into an output).

use super::{err, ErrorCode, MachineError};
use crate::validate::primitive::Pattern;
use crate::validate::shapes::ids::THING_NAME_MAX;

/// Thing names in target order, with a name → index lookup.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    /// Every name, concatenated.
    buf: String,
    /// `ends[i]` is the end offset of name `i` in `buf`.
    ends: Vec<u32>,
    /// Linear-probing table: 0 = empty, otherwise the high 32 bits of the
    /// name's hash (compared first, so a probe rarely touches the names)
    /// above thing index + 1.
    slots: Vec<u64>,
}

/// FNV-1a, 64 bits, then the splitmix64 finaliser so that the low bits used
/// as the slot are well mixed: a fixed hash, the same table on every platform.
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl Names {
    /// An empty table with room for `n` names.
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> Names {
        Names {
            buf: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            slots: vec![0; table_size(n)],
        }
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Name `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(j) => usize::try_from(*self.ends.get(j)?).ok()?,
            None => 0,
        };
        self.buf.get(start..end)
    }

    /// Index of `name`.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let h = hash(name);
        let tag = h >> 32;
        let mut at = (h as usize) & mask;
        loop {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                return None;
            }
            if slot >> 32 == tag {
                let i = ((slot & 0xffff_ffff) - 1) as usize;
                if self.get(i) == Some(name) {
                    return Some(i);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Appends `name` unless it is already in the table, probing once.
    /// Returns its index and whether it was added; `None` when the table is
    /// full (more than 2^31 names or 4 GiB of names).
    pub(crate) fn insert(&mut self, name: &str) -> Option<(usize, bool)> {
        let i = self.ends.len();
        let end = u32::try_from(self.buf.len().checked_add(name.len())?).ok()?;
        let tag = u32::try_from(i.checked_add(1)?).ok()?;
        if tag > (1 << 31) {
            return None;
        }
        if (i + 1) * 2 > self.slots.len() {
            self.slots = vec![0; table_size(i + 1)];
            for j in 0..i {
                self.insert_slot(j);
            }
        }
        let mask = self.slots.len().checked_sub(1)?;
        let h = hash(name);
        let mut at = (h as usize) & mask;
        // INVARIANT: the table is at most half full, so an empty slot exists.
        for _ in 0..self.slots.len() {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                self.buf.push_str(name);
                self.ends.push(end);
                *self.slots.get_mut(at)? = (h >> 32) << 32 | u64::from(tag);
                return Some((i, true));
            }
            if slot >> 32 == h >> 32 {
                let j = ((slot & 0xffff_ffff) - 1) as usize;
                if self.get(j) == Some(name) {
                    return Some((j, false));
                }
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// Appends a name that is not in the table; `None` when the table is full.
    pub(crate) fn push(&mut self, name: &str) -> Option<usize> {
        match self.insert(name)? {
            (i, true) => Some(i),
            (_, false) => None,
        }
    }

    fn insert_slot(&mut self, i: usize) {
        let Some(name) = self.get(i) else { return };
        let h = hash(name);
        let mask = self.slots.len().saturating_sub(1);
        let mut at = (h as usize) & mask;
        // INVARIANT: the table is at most half full, so an empty slot exists.
        for _ in 0..self.slots.len() {
            match self.slots.get_mut(at) {
                Some(s) if *s == 0 => {
                    *s = (h >> 32) << 32 | (i as u64 + 1);
                    return;
                }
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Bytes of memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.buf.capacity() + self.ends.capacity() * 4 + self.slots.capacity() * 8
    }

    /// Every name, in index order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

fn table_size(n: usize) -> usize {
    (n.saturating_mul(2)).max(16).next_power_of_two()
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
