//! The document as a tree of nodes, each with the line and column where it starts, read
//! from the same parser (libyaml) that serde_yaml uses, so its positions are the ones
//! serde_yaml's own errors carry. Checks that need to know where a value is written
//! (a code no rubric defines, a concept id used twice, a key written twice) look it up
//! here instead of searching the text.

use std::collections::HashMap;
use std::mem::MaybeUninit;
use std::rc::Rc;

use libyaml_rs as sys;

use crate::error::Position;

/// One value of the document and where it starts.
#[derive(Debug)]
pub struct Node {
    /// Where the value starts: a mapping at its first key, a list at its first `- `
    /// (or its `[`), a scalar at its first character (or its opening quote).
    pub position: Position,
    /// The value.
    pub value: Value,
}

/// What a node holds.
#[derive(Debug)]
pub enum Value {
    /// Text as written (after YAML's unquoting and folding); plain scalars keep their
    /// text too, so `010` is `"010"` here.
    Scalar(String),
    /// YAML's null: a plain `~`, `null` or nothing.
    Null,
    /// A list, in order.
    List(Vec<Rc<Node>>),
    /// A mapping's keys and values, in order (a key written twice is kept twice).
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

impl Node {
    /// The text of a scalar.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(text) => Some(text),
            _ => None,
        }
    }

    /// The items of a list; none for anything else.
    pub fn items(&self) -> &[Rc<Node>] {
        match &self.value {
            Value::List(items) => items,
            _ => &[],
        }
    }

    /// The keys and values of a mapping; none for anything else.
    pub fn entries(&self) -> &[(Rc<Node>, Rc<Node>)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The key node and value node of `key` in a mapping (its first use).
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.entries()
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }
}

/// A key written twice in one mapping, found while the tree is built.
#[derive(Debug, PartialEq, Eq)]
pub struct RepeatedKey {
    /// The key as written.
    pub key: String,
    /// Where its second use starts.
    pub position: Position,
}

/// The tree of the stream's first document, and the first key written twice in any
/// mapping. `None` when the text is not YAML (see [`read`]).
pub fn parse(text: &str) -> Option<(Rc<Node>, Option<RepeatedKey>)> {
    read(text).ok()
}

/// Where and why the text stops being YAML, as libyaml says it.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, such as `found unexpected end of stream`.
    pub problem: String,
    /// Where the parser found it.
    pub at: Position,
    /// For a reader's error (a control character, bad UTF-8): the byte it names.
    pub offset: Option<usize>,
    /// What the parser was reading, such as `while scanning a quoted scalar`, and where
    /// that began.
    pub context: Option<(String, Position)>,
}

/// The tree of the stream's first document (the whole stream is parsed, so a mistake
/// in a later document is found too). `Err(Some(..))` when the text is not YAML;
/// `Err(None)` when it parses but makes no tree (an alias to no anchor): serde_yaml's
/// read words that.
pub fn read(text: &str) -> Result<(Rc<Node>, Option<RepeatedKey>), Option<SyntaxError>> {
    let mut parser = Parser::new(text.as_bytes());
    let mut builder = Builder::default();
    let mut documents = 0;
    loop {
        match parser.next().map_err(Some)? {
            Event::StreamEnd => break,
            Event::DocumentEnd => documents += 1,
            _ if documents > 0 => {}
            event => builder.take(event).ok_or(None)?,
        }
    }
    let root = builder.root.ok_or(None)?;
    Ok((root, builder.repeated))
}

/// What the tree is built from: the parser's events, each with its start.
enum Event {
    Other,
    StreamEnd,
    DocumentEnd,
    Scalar(Value, Option<String>, Position),
    Alias(String),
    ListStart(Option<String>, Position),
    MapStart(Option<String>, Position),
    End,
}

/// A list or mapping being read, and the anchor its finished node is kept under.
struct Open {
    node: Node,
    anchor: Option<String>,
    /// A mapping's key waiting for its value.
    key: Option<Rc<Node>>,
}

#[derive(Default)]
struct Builder {
    open: Vec<Open>,
    anchors: HashMap<String, Rc<Node>>,
    root: Option<Rc<Node>>,
    repeated: Option<RepeatedKey>,
}

impl Builder {
    /// Adds one event; `None` when the events do not make a tree (an unknown alias).
    fn take(&mut self, event: Event) -> Option<()> {
        match event {
            Event::Other | Event::StreamEnd | Event::DocumentEnd => {}
            Event::Scalar(value, anchor, position) => {
                let node = Rc::new(Node { position, value });
                self.finish(node, anchor);
            }
            // An alias shares the anchored node: nothing is copied, however often used.
            Event::Alias(name) => {
                let node = self.anchors.get(&name)?.clone();
                self.finish(node, None);
            }
            Event::ListStart(anchor, position) => self.open.push(Open {
                node: Node {
                    position,
                    value: Value::List(Vec::new()),
                },
                anchor,
                key: None,
            }),
            Event::MapStart(anchor, position) => self.open.push(Open {
                node: Node {
                    position,
                    value: Value::Map(Vec::new()),
                },
                anchor,
                key: None,
            }),
            Event::End => {
                let open = self.open.pop()?;
                self.finish(Rc::new(open.node), open.anchor);
            }
        }
        Some(())
    }

    /// Puts a finished node into the list or mapping that holds it.
    fn finish(&mut self, node: Rc<Node>, anchor: Option<String>) {
        if let Some(anchor) = anchor {
            self.anchors.insert(anchor, node.clone());
        }
        let Some(parent) = self.open.last_mut() else {
            self.root.get_or_insert(node);
            return;
        };
        match &mut parent.node.value {
            Value::List(items) => items.push(node),
            Value::Map(entries) => match parent.key.take() {
                None => parent.key = Some(node),
                Some(key) => {
                    let again =
                        key.text().is_some() && entries.iter().any(|(k, _)| k.text() == key.text());
                    if again && self.repeated.is_none() {
                        self.repeated = Some(RepeatedKey {
                            key: key.text().unwrap_or_default().to_string(),
                            position: key.position,
                        });
                    }
                    entries.push((key, node));
                }
            },
            Value::Scalar(_) | Value::Null => {}
        }
    }
}

/// libyaml's event parser over a string, pinned in a box because it points into itself.
struct Parser<'a> {
    sys: Box<MaybeUninit<sys::yaml_parser_t>>,
    _input: &'a [u8],
    /// Whether libyaml set the parser up (so it must be deleted).
    ready: bool,
}

impl<'a> Parser<'a> {
    fn new(input: &'a [u8]) -> Self {
        let mut sys = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        // SAFETY: the parser is initialised in place and never moves (it is boxed); the
        // input outlives it (`'a`). This is how serde_yaml itself drives libyaml.
        let ready = unsafe {
            let parser = sys.as_mut_ptr();
            let ready = sys::yaml_parser_initialize(parser).ok;
            if ready {
                sys::yaml_parser_set_encoding(parser, sys::YAML_UTF8_ENCODING);
                sys::yaml_parser_set_input_string(parser, input.as_ptr(), input.len() as u64);
            }
            ready
        };
        Parser {
            sys,
            _input: input,
            ready,
        }
    }

    /// The next event, or why the text is not YAML.
    fn next(&mut self) -> Result<Event, SyntaxError> {
        if !self.ready {
            return Err(SyntaxError {
                problem: "the YAML parser could not start".into(),
                at: Position { line: 1, column: 1 },
                offset: None,
                context: None,
            });
        }
        let mut event = MaybeUninit::<sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised; each event is read before it is deleted,
        // and its strings are copied out first. After a failure libyaml keeps its
        // error in the parser and fails again at once.
        unsafe {
            let parser = self.sys.as_mut_ptr();
            if sys::yaml_parser_parse(parser, event.as_mut_ptr()).fail {
                return Err(syntax_error(&*parser));
            }
            let event = event.as_mut_ptr();
            let converted = convert(&*event);
            sys::yaml_event_delete(event);
            Ok(converted)
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        if self.ready {
            // SAFETY: the parser was initialised in `new`, and is deleted once.
            unsafe { sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
    }
}

/// Copies what the tree needs out of a libyaml event.
///
/// # Safety
/// `event` must be an event the parser just produced.
unsafe fn convert(event: &sys::yaml_event_t) -> Event {
    let at = Position {
        line: event.start_mark.line as usize + 1,
        column: event.start_mark.column as usize + 1,
    };
    unsafe {
        match event.type_ {
            sys::YAML_STREAM_END_EVENT => Event::StreamEnd,
            sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
            sys::YAML_SCALAR_EVENT => {
                let data = &event.data.scalar;
                // An empty value may come without a buffer: a slice needs a pointer.
                let bytes = if data.value.is_null() || data.length == 0 {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(data.value, data.length as usize)
                };
                let text = String::from_utf8_lossy(bytes).into_owned();
                let null = data.style == sys::YAML_PLAIN_SCALAR_STYLE
                    && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                let value = if null {
                    Value::Null
                } else {
                    Value::Scalar(text)
                };
                Event::Scalar(value, c_string(data.anchor), at)
            }
            sys::YAML_ALIAS_EVENT => {
                Event::Alias(c_string(event.data.alias.anchor).unwrap_or_default())
            }
            sys::YAML_SEQUENCE_START_EVENT => {
                Event::ListStart(c_string(event.data.sequence_start.anchor), at)
            }
            sys::YAML_MAPPING_START_EVENT => {
                Event::MapStart(c_string(event.data.mapping_start.anchor), at)
            }
            sys::YAML_SEQUENCE_END_EVENT | sys::YAML_MAPPING_END_EVENT => Event::End,
            _ => Event::Other,
        }
    }
}

/// The parser's error, copied out.
///
/// # Safety
/// `parser` is an initialised parser whose last call failed.
unsafe fn syntax_error(parser: &sys::yaml_parser_t) -> SyntaxError {
    let mark = |m: sys::yaml_mark_t| Position {
        line: m.line as usize + 1,
        column: m.column as usize + 1,
    };
    let problem = unsafe { c_string(parser.problem.cast()) };
    let context = unsafe { c_string(parser.context.cast()) };
    // A reader's error has no line, only the byte it stopped at.
    let marked = parser.problem_mark.line != 0 || parser.problem_mark.column != 0;
    SyntaxError {
        problem: problem.unwrap_or_else(|| "the YAML parser failed".into()),
        at: mark(parser.problem_mark),
        offset: (!marked).then_some(parser.problem_offset as usize),
        context: context.map(|c| (c, mark(parser.context_mark))),
    }
}

/// A NUL-terminated string of libyaml's, copied; `None` for a null pointer.
///
/// # Safety
/// `ptr` is null or points at a NUL-terminated string.
unsafe fn c_string(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    let text = unsafe { std::ffi::CStr::from_ptr(ptr.cast()) };
    Some(text.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn every_node_knows_where_it_starts() {
        let text = "title: T\nindicators: [CR:010, CR:007]\nlook_for:\n  CR:010:\n    - label: x\n      phrases:\n        - \"a b\"\n";
        let (root, repeated) = parse(text).unwrap();
        assert_eq!(repeated, None);
        assert_eq!(root.position, at(1, 1));
        assert_eq!(root.get("title").unwrap().position, at(1, 8));
        let indicators = root.get("indicators").unwrap();
        assert_eq!(indicators.position, at(2, 13));
        assert_eq!(indicators.items()[1].position, at(2, 22));
        let (key, items) = root.get("look_for").unwrap().entries()[0].clone();
        assert_eq!((key.text(), key.position), (Some("CR:010"), at(4, 3)));
        let item = &items.items()[0];
        assert_eq!(item.position, at(5, 7));
        let phrase = &item.get("phrases").unwrap().items()[0];
        assert_eq!((phrase.text(), phrase.position), (Some("a b"), at(7, 11)));
    }

    #[test]
    fn a_key_written_twice_is_found_at_its_second_use() {
        let (_, repeated) = parse("a: 1\nb:\n  c: 2\n  c: 3\n").unwrap();
        assert_eq!(
            repeated,
            Some(RepeatedKey {
                key: "c".into(),
                position: at(4, 3)
            })
        );
    }

    #[test]
    fn aliases_share_their_node_and_bad_yaml_has_no_tree() {
        let (root, _) = parse("a: &x [1, 2]\nb: *x\nc: ~\nd: '~'\n").unwrap();
        assert!(matches!(root.get("c").unwrap().value, Value::Null));
        assert_eq!(root.get("d").unwrap().text(), Some("~"));
        assert_eq!(root.get("b").unwrap().items().len(), 2);
        let error = read("a: [1, 2\n").unwrap_err().unwrap();
        assert!(error.problem.contains("did not find expected"), "{error:?}");
        assert!(parse("a: 1\n---\nb: [\n").is_none());
        assert!(parse("a: *missing\n").is_none());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let (root, _) = parse("é: [ä, b]\n").unwrap();
        assert_eq!(root.get("é").unwrap().items()[1].position, at(1, 8));
    }
}
