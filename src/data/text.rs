//! Text hygiene for untrusted data: stripping control characters before text reaches a terminal,
//! folding case and diacritics for matching, and truncating for display.

use std::borrow::Cow;

/// Returns `s` with every control character removed; tabs and line breaks become one space.
///
/// Text from data files is untrusted: an escape sequence in a title must never reach the
/// terminal. Borrows when there is nothing to strip, which is the common case.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

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

/// A resolution title without the catalogue suffix " : resolution / adopted by the General
/// Assembly" that UN Library records (and some sources copied from them) append.
pub fn title(raw: &str) -> String {
    let cut = raw.find(" : resolution /").map_or(raw, |i| &raw[..i]);
    cut.trim().to_string()
}

/// Cuts `s` to at most `max` characters, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if max == 0 {
        return Cow::Borrowed("");
    }
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let keep: String = s.chars().take(max - 1).collect();
            Cow::Owned(format!("{}…", keep.trim_end()))
        }
    }
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
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("SÃO TOMÉ"), "sao tome");
    }

    #[test]
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("Türkiye votes", 5), "Türk…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
    }
}
