//! Field layout of a formatted number (CPython's `calc_number_widths` and
//! `_PyUnicode_InsertThousandsGrouping`): sign, prefix, grouped digits with
//! zero padding that inserts separators (`format(1234, '08,')` is
//! `'0,001,234'`), the unformatted remainder, and fill on either side.

use super::spec::{Align, Sign};

/// The pieces of a number to lay out.
pub(super) struct NumberParts<'a> {
    /// The value is negative (a `-` is written whatever the sign option).
    pub negative: bool,
    /// `0x`-style prefix, already in its final case.
    pub prefix: &'a str,
    /// ASCII digits before any decimal point; these get grouped.
    pub digits: &'a str,
    /// Everything after the integer digits (`.`, fraction, exponent, `%`,
    /// `inf`, or the character of `'c'`), copied as is.
    pub remainder: &'a str,
}

/// Resolved layout options.
pub(super) struct Layout {
    pub fill: char,
    pub align: Align,
    pub sign: Option<Sign>,
    pub width: Option<usize>,
    /// Separator character and group size.
    pub grouping: Option<(char, usize)>,
}

/// Lays out `parts` in a field according to `layout`.
pub(super) fn render_number(
    parts: &NumberParts<'_>,
    layout: &Layout,
) -> Result<String, super::FormatError> {
    let sign = match (layout.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let width = layout.width.map_or(-1, |w| w as i64);
    let non_digits = i64::from(sign.is_some())
        + parts.prefix.chars().count() as i64
        + parts.remainder.chars().count() as i64;
    let min_width = if layout.fill == '0' && layout.align == Align::AfterSign {
        width - non_digits
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, layout.grouping)
    };
    let padding = (width - non_digits - grouped.len() as i64).max(0) as usize;
    let (left, inner, right) = match layout.align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };

    let mut out = super::text_buffer(
        (grouped.len() + non_digits as usize + 4).saturating_add(padding.saturating_mul(4)),
    )?;
    push_fill(&mut out, layout.fill, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, layout.fill, inner);
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    push_fill(&mut out, layout.fill, right);
    Ok(out)
}

pub(super) fn push_fill(out: &mut String, fill: char, count: usize) {
    out.extend(std::iter::repeat_n(fill, count));
}

/// Inserts separators every `group` digits from the right and zero-pads
/// (separators included) until the result is at least `min_width` long.
fn group_digits(digits: &str, min_width: i64, grouping: Option<(char, usize)>) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let mut end = digits.len();
    // Built right to left, then reversed.
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / 3 + 1);
    let mut chunk = |rev: &mut Vec<u8>, sep: Option<u8>, len: i64, remaining: i64| {
        let zeros = (len - remaining).max(0) as usize;
        let chars = remaining.min(len).max(0) as usize;
        if let Some(sep) = sep {
            rev.push(sep);
        }
        rev.extend(digits[end - chars..end].iter().rev());
        end -= chars;
        rev.extend(std::iter::repeat_n(b'0', zeros));
        chars as i64
    };
    match grouping {
        Some((sep, group)) => {
            let sep = sep as u8;
            let group = group as i64;
            let mut first = true;
            loop {
                let len = group.min(remaining.max(min_width).max(1));
                let used = chunk(&mut rev, (!first).then_some(sep), len, remaining);
                first = false;
                remaining -= used;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            chunk(&mut rev, None, len, remaining);
        }
    }
    rev.reverse();
    // Only ASCII digits, '0', ',' and '_' were pushed.
    String::from_utf8(rev).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_with_zero_padding() {
        // python3: format(1234, '09,'), format(1234, '08,'), format(1234, '0=10,')
        assert_eq!(group_digits("1234", 9, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 8, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 10, Some((',', 3))), "00,001,234");
        assert_eq!(group_digits("1234567", 0, Some(('_', 3))), "1_234_567");
        assert_eq!(group_digits("11111111", 0, Some(('_', 4))), "1111_1111");
        assert_eq!(group_digits("12", 5, None), "00012");
        assert_eq!(group_digits("123", 0, Some((',', 3))), "123");
    }

    #[test]
    fn field_layout() {
        let parts = NumberParts {
            negative: true,
            prefix: "0x",
            digits: "ff",
            remainder: "",
        };
        let layout = Layout {
            fill: '0',
            align: Align::AfterSign,
            sign: None,
            width: Some(10),
            grouping: None,
        };
        // python3: format(-255, '#010x')
        assert_eq!(render_number(&parts, &layout).unwrap(), "-0x00000ff");
    }
}
