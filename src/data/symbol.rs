//! Resolution symbols: normalising what people type (`es-11/6`, `A/RES/ES-11/6`, `68/262`) to one
//! key so that any spelling finds the roll calls filed under a symbol.

/// The lookup key of a symbol or of a query: upper case, `A/RES/` prefix and white space removed.
///
/// `A/RES/ES-11/6`, `es-11/6` and ` ES-11/6 ` all give `ES-11/6`; `A/RES/75/254 A` gives
/// `75/254A`.
pub fn key(s: &str) -> String {
    let upper: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    match upper.strip_prefix("A/RES/") {
        Some(rest) => rest.to_string(),
        None => upper,
    }
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
    }

    #[test]
    fn session_from_symbol() {
        assert_eq!(session_of("A/RES/78/12").as_deref(), Some("78"));
        assert_eq!(session_of("A/RES/ES-11/6").as_deref(), Some("ES-11"));
        assert_eq!(session_of("nonsense"), None);
    }
}
