//! `Str`: the text of a roll call, either borrowed from the dataset image built into the binary
//! (no copy, no allocation at launch) or owned (a file read at run time). It reads as a `&str`
//! everywhere; serde sees a plain string.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Text borrowed from the built-in image or owned.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Str(Cow<'static, str>);

impl Str {
    /// Text borrowed for the life of the program (the built-in image's arena).
    pub const fn borrowed(text: &'static str) -> Str {
        Str(Cow::Borrowed(text))
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Cow::Owned(s))
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Cow::Owned(s.to_string()))
    }
}

impl From<Str> for String {
    fn from(s: Str) -> String {
        s.0.into_owned()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        *self == *other.0
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_and_owned_text_are_equal_and_read_as_str() {
        let b = Str::borrowed("A/RES/ES-11/6");
        let o = Str::from("A/RES/ES-11/6".to_string());
        assert_eq!(b, o);
        assert_eq!(b, "A/RES/ES-11/6");
        assert!(b.starts_with("A/RES"));
        assert_eq!(format!("{b} {o:?}"), "A/RES/ES-11/6 \"A/RES/ES-11/6\"");
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"A/RES/ES-11/6\"");
        let back: Str = serde_json::from_str("\"Ukraine\"").unwrap();
        assert_eq!(back.as_str(), "Ukraine");
        assert!(Str::default().is_empty());
    }
}
