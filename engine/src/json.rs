//! JSON (RFC 8259) for the scenario and results contracts, without floating
//! point: a [`Value`] tree, a strict parser ([`parse`]) and a writer
//! ([`Value`]'s `Display` for compact text, [`Value::to_pretty`]).
//!
//! Numbers stay text, so `0.10000000000000000001` is read and written back
//! digit for digit (rule 61). The parser accepts and refuses exactly what
//! `serde_json` (with `arbitrary_precision`) did before it, with the same
//! error messages and positions, because those reach users and golden tests.

use std::fmt::{self, Write as _};

/// Nesting deeper than this many arrays and objects is refused, so that
/// hostile input cannot overflow the stack (serde_json's limit).
const MAX_DEPTH: usize = 127;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as text, digits exactly as given; an exponent is written
    /// `e+N` or `e-N` (`1E3` reads as `1e+3`, as serde_json wrote it).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in the order given (see [`Value::sorted`]).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// A number that is a whole number from 0 to `u64::MAX` (`1.0` is not).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The value of `key` in an object; of a key given twice, the last.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// The value as a map holds it: every object's keys in byte order, and
    /// of a key given twice only the last value. This is what the app and
    /// the engine always read and wrote (serde_json's map), so error order,
    /// `meta` and saved documents come out as before.
    pub fn sorted(self) -> Value {
        match self {
            Value::Array(items) => Value::Array(items.into_iter().map(Value::sorted).collect()),
            Value::Object(members) => {
                // Equal keys keep their order, so the last of them wins below.
                let by_key = sort_by_key(members);
                let mut sorted: Vec<(String, Value)> = Vec::with_capacity(by_key.len());
                for (key, value) in by_key {
                    let value = value.sorted();
                    match sorted.last_mut() {
                        Some((last, slot)) if *last == key => *slot = value,
                        _ => sorted.push((key, value)),
                    }
                }
                Value::Object(sorted)
            }
            other => other,
        }
    }

    /// The value as indented text (two spaces, `"key": value`), as "Save
    /// as file" writes it.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, Some(0));
        out
    }
}

/// Members sorted by key, stably (equal keys keep their order), by merge
/// sort: O(n log n) however many keys a hostile document holds. Written
/// out because the standard library's sorts, instantiated for this one
/// element type, cost some 3.5 KB of wasm.
fn sort_by_key(mut members: Vec<(String, Value)>) -> Vec<(String, Value)> {
    if members.len() < 2 {
        return members;
    }
    let right = sort_by_key(members.split_off(members.len() / 2));
    let left = sort_by_key(members);
    let mut merged = Vec::with_capacity(left.len() + right.len());
    let mut left = left.into_iter().peekable();
    let mut right = right.into_iter().peekable();
    while let (Some((left_key, _)), Some((right_key, _))) = (left.peek(), right.peek()) {
        let first = if right_key < left_key {
            right.next()
        } else {
            left.next()
        };
        merged.extend(first);
    }
    merged.extend(left);
    merged.extend(right);
    merged
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::String(text)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Value {
        Value::Bool(flag)
    }
}

impl From<u32> for Value {
    fn from(number: u32) -> Value {
        Value::Number(number.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    /// `null` for `None`.
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl fmt::Display for Value {
    /// Compact JSON text.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write(&mut out, self, None);
        formatter.write_str(&out)
    }
}

/// Appends a string literal, escaping what JSON requires: `"`, `\` and the
/// control characters (the common ones by their short escapes).
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            control if control < ' ' => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{:04x}", u32::from(control));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

/// Appends `value` as JSON text: compact when `depth` is `None`; else
/// indented by two spaces per level from `depth`, with `"key": value`.
fn write(out: &mut String, value: &Value, depth: Option<usize>) {
    let inner = depth.map(|depth| depth + 1);
    let new_line = |out: &mut String, depth: Option<usize>| {
        if let Some(depth) = depth {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(text) => out.push_str(text),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write(out, item, inner);
            }
            if !items.is_empty() {
                new_line(out, depth);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (index, (key, item)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write_string(out, key);
                out.push_str(if depth.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            if !members.is_empty() {
                new_line(out, depth);
            }
            out.push('}');
        }
    }
}

/// Why a text is not JSON, and where: `expected value at line 1 column 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong, in serde_json's words.
    pub message: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// The byte within the line: the byte at fault, counted from 1, or the
    /// bytes before it (for a byte read past), as serde_json counted.
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

const EOF_IN_LIST: &str = "EOF while parsing a list";
const EOF_IN_OBJECT: &str = "EOF while parsing an object";
const EOF_IN_STRING: &str = "EOF while parsing a string";
const EOF_IN_VALUE: &str = "EOF while parsing a value";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const UNEXPECTED_END_OF_HEX: &str = "unexpected end of hex escape";

/// Parses one JSON value (with surrounding whitespace) from `text`.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        text,
        at: 0,
        depth: 0,
    };
    let value = parser.value()?;
    match parser.skip_whitespace() {
        Some(_) => Err(parser.error_here("trailing characters")),
        None => Ok(value),
    }
}

/// A recursive-descent parser over the bytes of `text`; `at` is the next
/// byte. Every structural byte is ASCII, so slicing `text` between them
/// always falls on character boundaries.
struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    /// Skips whitespace; the next byte, not consumed.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// An error positioned after the bytes read so far.
    fn error(&self, message: &'static str) -> Error {
        self.error_at(self.at, message)
    }

    /// An error positioned at the byte about to be read.
    fn error_here(&self, message: &'static str) -> Error {
        self.error_at((self.at + 1).min(self.text.len()), message)
    }

    fn error_at(&self, at: usize, message: &'static str) -> Error {
        let before = self.text.as_bytes().get(..at).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1);
        Error {
            message,
            line: 1 + before.iter().filter(|byte| **byte == b'\n').count(),
            column: at - line_start,
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        let Some(byte) = self.skip_whitespace() else {
            return Err(self.error_here(EOF_IN_VALUE));
        };
        match byte {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                if self.depth >= MAX_DEPTH {
                    return Err(self.error_here("recursion limit exceeded"));
                }
                self.depth += 1;
                self.at += 1;
                let value = if byte == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                value
            }
            _ => Err(self.error_here("expected value")),
        }
    }

    /// `null`, `true` or `false`, whose first letter was seen.
    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        for expected in word.bytes() {
            match self.next() {
                None => return Err(self.error(EOF_IN_VALUE)),
                Some(byte) if byte != expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// A number's text: `-`? int frac? exp?, the exponent as `e+N`/`e-N`.
    fn number(&mut self) -> Result<String, Error> {
        let mut text = String::new();
        if self.peek() == Some(b'-') {
            self.at += 1;
            text.push('-');
        }
        match self.next() {
            None => return Err(self.error(EOF_IN_VALUE)),
            Some(b'0') => {
                text.push('0');
                if self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                    return Err(self.error_here(INVALID_NUMBER));
                }
            }
            Some(digit @ b'1'..=b'9') => {
                text.push(char::from(digit));
                self.digits(&mut text);
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            text.push('.');
            if !self.digits(&mut text) {
                let message = if self.peek().is_some() {
                    INVALID_NUMBER
                } else {
                    EOF_IN_VALUE
                };
                return Err(self.error_here(message));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            text.push('e');
            match self.peek() {
                Some(sign @ (b'+' | b'-')) => {
                    self.at += 1;
                    text.push(char::from(sign));
                }
                _ => text.push('+'),
            }
            match self.next() {
                None => return Err(self.error(EOF_IN_VALUE)),
                Some(digit) if digit.is_ascii_digit() => text.push(char::from(digit)),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            }
            self.digits(&mut text);
        }
        Ok(text)
    }

    /// Appends the digits that follow; whether there was one.
    fn digits(&mut self, text: &mut String) -> bool {
        let start = self.at;
        while let Some(digit) = self.peek().filter(u8::is_ascii_digit) {
            self.at += 1;
            text.push(char::from(digit));
        }
        self.at > start
    }

    /// A string's contents, its opening quote consumed.
    fn string(&mut self) -> Result<String, Error> {
        let mut text = String::new();
        loop {
            let start = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            text.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.next() {
                None => return Err(self.error(EOF_IN_STRING)),
                Some(b'"') => return Ok(text),
                Some(b'\\') => self.escape(&mut text)?,
                Some(_) => return Err(self.error(CONTROL_CHARACTER)),
            }
        }
    }

    /// One escape, its backslash consumed.
    fn escape(&mut self, text: &mut String) -> Result<(), Error> {
        let character = match self.next() {
            None => return Err(self.error(EOF_IN_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        };
        text.push(character);
        Ok(())
    }

    /// The character of `\uXXXX`, or of a surrogate pair `\uD83D\uDE00`.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex_digits()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(LONE_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.error(LONE_SURROGATE));
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return Err(self.error(EOF_IN_STRING)),
                Some(byte) if byte != expected => return Err(self.error(UNEXPECTED_END_OF_HEX)),
                Some(_) => {}
            }
        }
        let second = self.hex_digits()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(LONE_SURROGATE));
        }
        let code = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error(LONE_SURROGATE))
    }

    /// The four hex digits of a `\u` escape.
    fn hex_digits(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error(EOF_IN_STRING));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |code, digit| {
                let value = char::from(*digit).to_digit(16)?;
                Some(code * 16 + value)
            })
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// An array's items, its `[` consumed.
    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        while !self.next_entry(b']', items.is_empty(), EOF_IN_LIST, "expected `,` or `]`")? {
            items.push(self.value()?);
        }
        Ok(Value::Array(items))
    }

    /// Before an array's item or an object's member: `Ok(true)` once the
    /// closing `close` is consumed, `Ok(false)` at the next entry (its `,`
    /// consumed unless it is the `first`); otherwise serde_json's error.
    fn next_entry(
        &mut self,
        close: u8,
        first: bool,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<bool, Error> {
        match self.skip_whitespace() {
            None => Err(self.error_here(eof)),
            Some(byte) if byte == close => {
                self.at += 1;
                Ok(true)
            }
            Some(_) if first => Ok(false),
            Some(b',') => {
                self.at += 1;
                match self.skip_whitespace() {
                    None => Err(self.error_here(EOF_IN_VALUE)),
                    Some(byte) if byte == close => Err(self.error_here(TRAILING_COMMA)),
                    Some(_) => Ok(false),
                }
            }
            Some(_) => Err(self.error_here(expected)),
        }
    }

    /// An object's members, its `{` consumed.
    fn object(&mut self) -> Result<Value, Error> {
        let mut members = Vec::new();
        while !self.next_entry(
            b'}',
            members.is_empty(),
            EOF_IN_OBJECT,
            "expected `,` or `}`",
        )? {
            if self.peek() != Some(b'"') {
                return Err(self.error_here("key must be a string"));
            }
            self.at += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                None => return Err(self.error_here(EOF_IN_OBJECT)),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            members.push((key, self.value()?));
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests;
