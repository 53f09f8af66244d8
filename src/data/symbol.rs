//! Resolution symbols as people write them: `ES-11/6`, `a/res/es-11/6`, `2758 (XXVI)`,
//! `A/RES/2758(XXVI)`, `res 2758`, `181 (II)`, the UN Library's `A/RES/181(II)[A]`, a draft
//! (`A/ES-11/L.7`). Each is normalised to one lookup key; a key's *base* drops the part letters
//! (`181(II)A` → `181(II)`), and the resolutions of sessions 1–30 are also found by their bare
//! number (`2758`).

/// The lookup key of a symbol or of a query: upper case, white space and a leading `A/RES/`,
/// `RES.`, `RES` or `RESOLUTION` removed, the UN Library's brackets around a part dropped.
///
/// `A/RES/ES-11/6`, `es-11/6` and ` ES-11/6 ` all give `ES-11/6`; `A/RES/75/254 A` gives
/// `75/254A`; `A/RES/2758 (XXVI)`, `res 2758(XXVI)` give `2758(XXVI)`; `A/RES/181(II)[A]`
/// gives `181(II)A`.
pub fn key(s: &str) -> String {
    let mut upper = String::with_capacity(s.len());
    for c in s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '[' && *c != ']')
    {
        if c.is_ascii() {
            upper.push(c.to_ascii_uppercase());
        } else {
            upper.extend(c.to_uppercase());
        }
    }
    // `UNGA resolution 2758`, `GA res 2758`: the body's name first.
    let after_body = ["UNGA", "GA"].iter().find_map(|body| {
        upper
            .strip_prefix(body)
            .filter(|rest| rest.starts_with("RES") || rest.starts_with("A/RES"))
    });
    let text = after_body.unwrap_or(&upper);
    for prefix in ["A/RES/", "A/RES.", "RESOLUTION", "RES/", "RES.", "RES"] {
        if let Some(rest) = text.strip_prefix(prefix)
            && (rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with("ES-")
                || rest.starts_with("S-"))
        {
            return rest.to_string();
        }
    }
    match after_body {
        Some(rest) => rest.to_string(),
        None => upper,
    }
}

/// The key without its part letters: `181(II)A` → `181(II)`, `75/254A-C` → `75/254`,
/// `36/235IX` → `36/235`. A key without a part is its own base.
pub fn base(key: &str) -> &str {
    if let Some(close) = key.rfind(')') {
        return &key[..=close];
    }
    let Some(slash) = key.rfind('/') else {
        return key;
    };
    let digits = key[slash + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    &key[..slash + 1 + digits]
}

/// The bare number of a key of sessions 1–30 (`2758(XXVI)` → `2758`), whose symbols carry the
/// session as a Roman numeral.
pub fn number(key: &str) -> Option<&str> {
    let (n, _) = key.split_once('(')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(n)
}

/// The draft symbols a `draft` field names: `A/ES-11/L.1 and A/ES-11/L.1/Add.1` names two,
/// `A/75/L.59 (as amended in A/75/L.60)` two.
pub fn drafts(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|d| d.trim_end_matches('.'))
        .filter(|d| d.contains('/'))
}

/// The lookup keys of a draft symbol: as written and, for a General Assembly document, without
/// its `A/` (`ES-11/L.7` as people often write it).
pub fn draft_keys(draft: &str) -> Vec<String> {
    let k = key(draft);
    match k.strip_prefix("A/") {
        Some(rest) if !rest.is_empty() => vec![rest.to_string(), k],
        _ => vec![k],
    }
}

/// The keys a roll call is found by, each list sorted and without repeats: `symbol`, the keys
/// of its symbol, of the UN Library's symbol and of its drafts; `base`, the bases of those of
/// its own keys that name a part; `number`, the bare numbers of sessions 1–30. A draft is found
/// by its own symbol only, never by a part of it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LookupKeys {
    /// Whole keys.
    pub symbol: Vec<String>,
    /// Keys without their part letters.
    pub base: Vec<String>,
    /// Bare numbers.
    pub number: Vec<String>,
}

/// The lookup keys of a roll call with these `symbol`, UN Library symbol and `draft` fields.
pub fn lookup_keys(symbol: &str, undl_symbol: &str, draft: &str) -> LookupKeys {
    let mut out = LookupKeys::default();
    for d in drafts(draft) {
        out.symbol.extend(draft_keys(d));
    }
    for s in [symbol, undl_symbol] {
        if s.is_empty() {
            continue;
        }
        let k = key(s);
        if let Some(n) = number(&k) {
            out.number.push(n.to_string());
        }
        let b = base(&k);
        if b != k {
            out.base.push(b.to_string());
        }
        out.symbol.push(k);
    }
    for list in [&mut out.symbol, &mut out.base, &mut out.number] {
        list.sort();
        list.dedup();
    }
    out
}

/// Whether a key is a draft's (`A/ES-11/L.7`, `ES-11/L.7`) rather than a resolution's.
pub fn is_draft(key: &str) -> bool {
    key.contains("/L.") || key.starts_with("A/")
}

/// The session a symbol belongs to: `A/RES/78/12` → `78`, `A/RES/ES-11/6` → `ES-11`.
pub fn session_of(symbol: &str) -> Option<String> {
    let k = key(symbol);
    let (session, _) = k.split_once('/')?;
    let valid = !session.is_empty()
        && (session.chars().all(|c| c.is_ascii_digit())
            || session
                .strip_prefix("ES-")
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            || session
                .strip_prefix("S-")
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())));
    valid.then(|| session.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_gives_one_key() {
        assert_eq!(key("A/RES/ES-11/6"), "ES-11/6");
        assert_eq!(key("es-11/6"), "ES-11/6");
        assert_eq!(key(" a/res/68/262 "), "68/262");
        assert_eq!(key("A/RES/75/254 A"), "75/254A");
        for s in [
            "2758(XXVI)",
            "2758 (XXVI)",
            "A/RES/2758 (XXVI)",
            "res 2758(XXVI)",
            "Res. 2758 (XXVI)",
            "resolution 2758 (xxvi)",
        ] {
            assert_eq!(key(s), "2758(XXVI)", "{s}");
        }
        assert_eq!(key("A/RES/181(II)[A]"), "181(II)A");
        assert_eq!(key("A/ES-11/L.7"), "A/ES-11/L.7");
        assert_eq!(key("res 2758"), "2758");
        assert_eq!(key("RESTRICTIONS"), "RESTRICTIONS");
        assert_eq!(key("UNGA resolution 2758"), "2758");
        assert_eq!(key("GA res. 2758 (XXVI)"), "2758(XXVI)");
        assert_eq!(key("GAZA"), "GAZA");
    }

    #[test]
    fn bases_and_numbers() {
        assert_eq!(base("181(II)A"), "181(II)");
        assert_eq!(base("2758(XXVI)"), "2758(XXVI)");
        assert_eq!(base("75/254A-C"), "75/254");
        assert_eq!(base("36/235IX"), "36/235");
        assert_eq!(base("ES-11/6"), "ES-11/6");
        assert_eq!(number("2758(XXVI)"), Some("2758"));
        assert_eq!(number("ES-11/6"), None);
        let d: Vec<&str> = drafts("A/ES-11/L.1 and A/ES-11/L.1/Add.1").collect();
        assert_eq!(d, ["A/ES-11/L.1", "A/ES-11/L.1/Add.1"]);
        let d: Vec<&str> = drafts("A/75/L.59 (as amended in A/75/L.60)").collect();
        assert_eq!(d, ["A/75/L.59", "A/75/L.60"]);
        assert_eq!(draft_keys("A/ES-11/L.7"), ["ES-11/L.7", "A/ES-11/L.7"]);
        assert!(is_draft("A/ES-11/L.7") && !is_draft("ES-11/6"));
    }

    #[test]
    fn session_from_symbol() {
        assert_eq!(session_of("A/RES/78/12").as_deref(), Some("78"));
        assert_eq!(session_of("A/RES/ES-11/6").as_deref(), Some("ES-11"));
        assert_eq!(session_of("nonsense"), None);
    }
}
