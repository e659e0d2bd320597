//! Character properties and case mappings for the `str` methods, following CPython's
//! `unicodeobject.c` algorithms (`do_title`, `do_capitalize`, `do_swapcase`, the final
//! sigma rule, `str.istitle`, …). Classes that Rust's standard library does not expose
//! the way CPython defines them come from the generated `tables` module.

use super::tables::{
    ALPHA, CASEFOLD_SPECIAL, DIGIT_NOT_DECIMAL, NUMERIC_NOT_DIGIT, TITLE_SPECIAL, TITLECASE,
};
use crate::format::decimal_value;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|&(start, _)| start <= cp);
    i > 0 && table[i - 1].1 >= cp
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| table[i].1)
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ALPHA, c)
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

pub fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(DIGIT_NOT_DECIMAL, c))
}

pub fn is_numeric(c: char) -> bool {
    is_digit(c) || (!c.is_ascii() && in_ranges(NUMERIC_NOT_DIGIT, c))
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLECASE, c)
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// CPython's `_PyUnicode_IsCased`.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_title(c)
}

/// An approximation of CPython's `_PyUnicode_IsCaseIgnorable` (apostrophes, periods,
/// colons, modifier letters and combining marks).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{a8}' | '\u{ad}' | '\u{af}' | '\u{b4}' | '\u{b7}' | '\u{b8}'
            | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}'
            | '\u{2b0}'..='\u{36f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{200b}'..='\u{200f}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{fe20}'..='\u{fe2f}'
    )
}

/// The lowercase of `chars[i]`, with the final sigma rule for U+03A3.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(final_sigma(chars, i));
    } else {
        out.extend(c.to_lowercase());
    }
}

fn final_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut is_final = before.is_some_and(|&c| is_cased(c));
    if is_final {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        is_final = after.is_none_or(|&c| !is_cased(c));
    }
    if is_final { '\u{3c2}' } else { '\u{3c3}' }
}

fn push_title(c: char, out: &mut String) {
    match lookup_map(TITLE_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.to_uppercase()
}

pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            lower_at(&chars, i, &mut out);
        } else if is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup_map(CASEFOLD_SPECIAL, c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `str.isupper()`.
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        if is_upper(c) {
            cased = true;
        }
    }
    cased
}

/// `str.islower()`.
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        if is_lower(c) {
            cased = true;
        }
    }
    cased
}

/// `str.istitle()`.
pub fn str_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()` (XID_Start/XID_Continue approximated by the letter, digit and
/// combining-mark classes).
pub fn str_isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start =
        |c: char| c == '_' || is_alpha(c) || (!c.is_ascii() && c.is_alphabetic() && !is_numeric(c));
    if !start(first) {
        return false;
    }
    chars.all(|c| {
        start(c)
            || is_decimal(c)
            || (!c.is_ascii() && (c.is_alphanumeric() || is_case_ignorable(c) && c > '\u{2af}'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing_matches_python() {
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(title("\u{df}"), "Ss");
        assert_eq!(capitalize("\u{df}a"), "Ssa");
        assert_eq!(lower("\u{3a3}\u{391}\u{3a3}"), "\u{3c3}\u{3b1}\u{3c2}");
        assert_eq!(lower("\u{391}\u{3a3} \u{3a3}"), "\u{3b1}\u{3c2} \u{3c3}");
        assert_eq!(swapcase("\u{391}\u{3a3}"), "\u{3b1}\u{3c2}");
        assert_eq!(casefold("\u{df}"), "ss");
        assert_eq!(upper("stra\u{df}e"), "STRASSE");
    }

    #[test]
    fn predicates_match_python() {
        assert!(is_digit('\u{b2}') && !is_decimal('\u{b2}') && is_numeric('\u{b2}'));
        assert!(is_numeric('\u{bd}') && !is_digit('\u{bd}'));
        assert!(!is_alpha('\u{216b}'));
        assert!(str_istitle("Hello World") && !str_istitle("hello"));
        assert!(str_isupper("ABC 1") && !str_isupper("123"));
        assert!(str_isidentifier("_a1") && !str_isidentifier("1a"));
    }
}
