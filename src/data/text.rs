//! Text hygiene for untrusted data: stripping control characters before text reaches a terminal,
//! folding case and diacritics for matching, edit distances between folded words, and truncating
//! for display.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether a character must not reach a terminal as it is: a control character (C0, DEL, C1),
/// a bidirectional mark, embedding, override or isolate (which can reorder what is shown), a
/// line or paragraph separator, or an invisible character (zero-width, soft hyphen, fillers, tag
/// characters, byte-order mark) that can hide or disguise text.
pub fn is_hidden_or_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}')
}

/// Returns `s` with every control, bidirectional-override and zero-width character removed;
/// tabs and line breaks become one space.
///
/// Text from data files and from the command line is untrusted: an escape sequence or a right-
/// to-left override in a title must never reach the terminal. Borrows when there is nothing to
/// strip, which is the common case.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_or_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_hidden_or_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// What a screen shows of untrusted text: at most `max` characters (cut with `…`), then
/// cleaned. Cutting first keeps a frame's cost bounded however long the text is.
pub fn shown(s: &str, max: usize) -> Cow<'_, str> {
    match truncate(s, max) {
        Cow::Borrowed(b) => clean(b),
        Cow::Owned(o) => Cow::Owned(clean(&o).into_owned()),
    }
}

/// The most of one title, quote or note a screen lays out.
pub const MAX_SHOWN: usize = 3_000;

/// Folds `s` for matching: diacritics removed (`Türkiye` → `turkiye`), typographic quotes made
/// plain, lower case, control characters dropped.
pub fn fold(s: &str) -> String {
    let ascii = if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(deunicode::deunicode(s))
    };
    ascii
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The optimal-string-alignment distance between two folded (ASCII) strings — a swap of two
/// neighbours is one edit, like a wrong, missing or extra letter — or `max + 1` as soon as it
/// must exceed `max`. Rows live on the stack for strings under 64 bytes.
pub fn edit_distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return max + 1;
    }
    if m >= 64 {
        let (mut p2, mut p, mut c) = (vec![0; m + 1], vec![0; m + 1], vec![0; m + 1]);
        return osa(a, b, max, &mut p2, &mut p, &mut c);
    }
    let (mut p2, mut p, mut c) = ([0usize; 64], [0usize; 64], [0usize; 64]);
    osa(a, b, max, &mut p2[..=m], &mut p[..=m], &mut c[..=m])
}

fn osa<'r>(
    a: &[u8],
    b: &[u8],
    max: usize,
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> usize {
    let m = b.len();
    for (j, x) in prev.iter_mut().enumerate() {
        *x = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m].min(max + 1)
}

/// A resolution title without the catalogue suffix " : resolution / adopted by the General
/// Assembly" that UN Library records (and some sources copied from them) append.
pub fn title(raw: &str) -> String {
    let cut = raw.find(" : resolution /").map_or(raw, |i| &raw[..i]);
    cut.trim().to_string()
}

/// Cuts `s` to at most `max` columns of display width (wide characters count two), ending
/// with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if max == 0 {
        return Cow::Borrowed("");
    }
    // Printable ASCII, most of what is drawn: one column a byte.
    if printable_ascii(s) {
        if s.len() <= max {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(format!("{}…", s[..max - 1].trim_end()));
    }
    if s.width() <= max {
        return Cow::Borrowed(s);
    }
    let mut keep = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        keep.push(c);
        used += w;
    }
    Cow::Owned(format!("{}…", keep.trim_end()))
}

/// `s` cut so that it ends with `…` in at most `max` columns, for text followed by more that
/// did not fit.
pub fn cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

/// `s` broken into lines of at most `width` columns at spaces, as a paragraph wraps; a word
/// wider than a line is broken inside.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// [`truncate`] as an owned string, for text laid out in a fixed number of columns.
pub fn fit(s: &str, max: usize) -> String {
    truncate(s, max).into_owned()
}

/// The end of `s` in at most `max` columns, after `…` when the start was cut (a line being
/// typed shows where the cursor is).
pub fn fit_end(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        tail.push(c);
        used += w;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// `s` cut to `width` columns (with `…`) and padded with spaces to exactly `width` columns of
/// display width, so columns line up whatever the characters.
pub fn pad(s: &str, width: usize) -> String {
    let cut = truncate(s, width);
    let room = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(room))
}

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    if printable_ascii(s) {
        s.len()
    } else {
        s.width()
    }
}

/// Whether every byte of `s` is a printable ASCII character (one column each).
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// What a figure says of the flagged roll calls it left out: ` · 2 flagged left out`, or
/// nothing when none was.
pub fn left_out(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!(" · {n} flagged left out"),
    }
}

/// An agreement figure as shown: `91.0 %`, or `–` when no vote counted.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{p:.1} %"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_escape_sequences_and_keeps_text() {
        assert_eq!(clean("Ukraine\u{1b}[31m red\u{7}"), "Ukraine[31m red");
        assert_eq!(clean("two\nlines\tand tab"), "two lines and tab");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{9b}31mb\u{7f}"), "a31mb");
        assert_eq!(
            clean("evil\u{202E}txt.exe\u{2066}\u{200B}\u{FEFF}"),
            "eviltxt.exe"
        );
        assert_eq!(
            clean("a\u{061C}b\u{E0041}\u{2028}c\u{00AD}d\u{3164}"),
            "abcd"
        );
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("SÃO TOMÉ"), "sao tome");
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        let d = |a: &str, b: &str| edit_distance(a.as_bytes(), b.as_bytes(), 3);
        assert_eq!(d("isreal", "israel"), 1);
        assert_eq!(d("embrago", "embargo"), 1);
        assert_eq!(d("ukrsine", "ukraine"), 1);
        assert_eq!(d("phillipines", "philippines"), 2);
        assert_eq!(d("abc", "xyzuvw"), 4);
        assert_eq!(d("", "abc"), 3);
        let long = "a".repeat(80);
        assert_eq!(d(&long, &format!("{long}b")), 1);
    }

    #[test]
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("Türkiye votes", 5), "Türk…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
        // The plain-ASCII path and the general one cut alike; wide characters count two.
        assert_eq!(truncate("Turkiye votes", 5), "Turk…");
        assert_eq!(truncate("ab cd", 4), "ab…");
        assert_eq!(truncate("日本語の国", 5), "日本…");
        assert_eq!(width("日本"), 4);
        assert_eq!(width("Japan"), 5);
    }
}
