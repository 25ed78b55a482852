use std::cmp::Ordering;

/// Compares two ASCII digit strings as unbounded non-negative integers (no overflow).
pub(crate) fn cmp_digits(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Keeps a digit string without its leading zeros ("" for zero).
pub(crate) fn strip_zeros(s: &str) -> String {
    s.trim_start_matches('0').to_string()
}

/// Upper bound on version string length: anything longer is not a version but an attack.
pub(crate) const MAX_LEN: usize = 256;

/// Equality defined by the ordering, so that `a == b` exactly when the scheme says they are the
/// same version (`1.0` and `1` in Maven, `1.0-0` and `1.0` in Debian).
macro_rules! eq_by_ord {
    ($t:ty) => {
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.cmp(other) == std::cmp::Ordering::Equal
            }
        }
        impl Eq for $t {}
    };
}
pub(crate) use eq_by_ord;
