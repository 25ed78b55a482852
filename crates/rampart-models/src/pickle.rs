//! A pickle disassembler with a stack and memo simulation. Nothing is ever unpickled: the
//! simulation only tracks which globals are imported and what they are called with, far enough to
//! render calls like `posix.system("echo hi")`.
//!
//! Opcodes and argument encodings follow the table documented in CPython's `Lib/pickletools.py`
//! (protocols 0 to 5).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// Bounds of one analysis. Every allocation driven by the input is checked against these or
/// against the bytes that remain.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_ops: usize,
    pub max_stack: usize,
    pub max_memo: usize,
    /// Longest text line of a protocol 0 opcode argument.
    pub max_line: usize,
    /// Items kept per container for rendering (the rest are counted only).
    pub max_items: usize,
    /// Pickles read one after the other from one stream.
    pub max_pickles: usize,
    /// Nesting of `pickle.loads(b"...")` payloads analysed recursively.
    pub max_nested: usize,
    /// Call sites recorded per stream.
    pub max_calls: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_ops: 50_000_000,
            max_stack: 1_000_000,
            max_memo: 1_000_000,
            max_line: 1 << 30,
            max_items: 16,
            max_pickles: 64,
            max_nested: 4,
            max_calls: 10_000,
        }
    }
}

/// A `module.name` import.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalRef {
    pub module: String,
    pub name: String,
}

impl GlobalRef {
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.module, self.name)
    }
}

/// How a global entered the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Global,
    StackGlobal,
    Inst,
    Ext(u32),
}

impl ImportKind {
    pub fn opcode(self) -> &'static str {
        match self {
            ImportKind::Global => "GLOBAL",
            ImportKind::StackGlobal => "STACK_GLOBAL",
            ImportKind::Inst => "INST",
            ImportKind::Ext(_) => "EXT",
        }
    }
}

/// One imported global, first seen at `offset`.
#[derive(Debug, Clone)]
pub struct Import {
    pub global: GlobalRef,
    pub kind: ImportKind,
    pub offset: usize,
    /// Calls that involve this global (as callee or argument), rendered.
    pub calls: Vec<String>,
    /// Called in a way its allowlist entry does not cover (`_codecs.encode` with an encoding
    /// other than latin-1).
    pub unusual_call: bool,
    /// Invoked while loading: the callee of REDUCE/NEWOBJ/NEWOBJ_EX/INST/OBJ, the class handed
    /// to `copyreg._reconstructor`/`__newobj__`, or a class object a BUILD reaches (its
    /// `__setstate__` runs). An import that is never invoked only names something.
    pub called: bool,
}

/// Something odd the simulation met that is not an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anomaly {
    /// STACK_GLOBAL whose operands are not constant strings.
    DynamicImport { offset: usize, rendered: String },
    /// EXT1/2/4 code with no entry in the extension registry.
    UnknownExtension { offset: usize, code: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickleError {
    pub offset: usize,
    pub message: String,
}

/// A payload passed to `pickle.loads` (or a relative) as a constant, analysed in turn.
#[derive(Debug, Clone)]
pub struct Nested {
    pub offset: usize,
    pub via: String,
    pub analysis: Box<Analysis>,
}

/// Everything found in one stream of (possibly concatenated) pickles.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Pickles that reached STOP.
    pub pickles: usize,
    pub ops: usize,
    pub imports: Vec<Import>,
    pub anomalies: Vec<Anomaly>,
    pub nested: Vec<Nested>,
    /// The stream is malformed or truncated here; everything before it is still reported.
    pub error: Option<PickleError>,
    /// Bytes consumed by the pickles (trailing data after the last STOP is not counted).
    pub consumed: usize,
    /// Highest protocol announced by a PROTO opcode.
    pub protocol: Option<u8>,
    /// The first value of the first pickle was an integer (legacy PyTorch starts with a magic
    /// number pickle), rendered.
    pub first_value: Option<String>,
    /// Number of joblib array payloads skipped.
    pub joblib_arrays: usize,
}

impl Analysis {
    /// Every import of this stream and of the payloads nested in it.
    pub fn all_imports(&self) -> Vec<&Import> {
        let mut v: Vec<&Import> = self.imports.iter().collect();
        for n in &self.nested {
            v.extend(n.analysis.all_imports());
        }
        v
    }
}

/// The magic number legacy `torch.save` writes as its first pickle.
pub const LEGACY_TORCH_MAGIC: &str = "119547037146038801333356";

/// Analyses `data` as a stream of pickles. `ext` resolves EXT1/2/4 codes (the copyreg extension
/// registry of the loading process; empty in a stock interpreter).
pub fn analyze(data: &[u8], limits: &Limits, ext: &HashMap<u32, GlobalRef>) -> Analysis {
    analyze_depth(data, limits, ext, 0)
}

fn analyze_depth(
    data: &[u8],
    limits: &Limits,
    ext: &HashMap<u32, GlobalRef>,
    depth: usize,
) -> Analysis {
    let mut out = Analysis::default();
    let mut vm = Vm {
        data,
        pos: 0,
        limits,
        ext,
        out: &mut out,
        depth,
        calls: 0,
        import_index: HashMap::new(),
    };
    vm.run_stream();
    out
}

#[derive(Debug, Clone)]
enum Val {
    None,
    Bool(bool),
    Int(i128),
    BigInt(usize),
    Float(f64),
    Str(Rc<str>),
    /// A byte range of the input (zero-copy).
    Bytes(usize, usize),
    Global(Rc<GlobalRef>),
    Call(Rc<CallVal>),
    Tuple(Rc<Seq>),
    List(Rc<Seq>),
    Dict(Rc<Seq>),
    Set(Rc<Seq>),
    PersId(Rc<Val>),
    Buffer,
    Opaque(&'static str),
}

#[derive(Debug, Clone)]
struct Seq {
    items: Vec<Val>,
    /// Items not kept.
    more: usize,
    /// Nesting depth (1 + the deepest item).
    depth: u16,
}

/// Values nest at most this deep: deeper children become opaque, so neither rendering nor
/// dropping a value (both recursive) can exhaust the stack.
const MAX_NEST: u16 = 64;

fn depth(v: &Val) -> u16 {
    match v {
        Val::Tuple(s) | Val::List(s) | Val::Dict(s) | Val::Set(s) => s.depth,
        Val::Call(c) => c.depth,
        Val::PersId(_) => 2,
        _ => 0,
    }
}

fn capped(v: Val) -> Val {
    if depth(&v) >= MAX_NEST {
        Val::Opaque("value nested too deep")
    } else {
        v
    }
}

impl Seq {
    fn from_vec(v: Vec<Val>, max: usize) -> Seq {
        let more = v.len().saturating_sub(max);
        let items: Vec<Val> = v.into_iter().take(max).map(capped).collect();
        let depth = 1 + items.iter().map(depth).max().unwrap_or(0);
        Seq { items, more, depth }
    }
    fn push(&mut self, v: Val, max: usize) {
        if self.items.len() < max {
            let v = capped(v);
            self.depth = self.depth.max(1 + depth(&v));
            self.items.push(v);
        } else {
            self.more += 1;
        }
    }
}

impl Default for Seq {
    fn default() -> Self {
        Seq {
            items: Vec::new(),
            more: 0,
            depth: 1,
        }
    }
}

#[derive(Debug, Clone)]
struct CallVal {
    func: Val,
    args: Val,
    kwargs: Option<Val>,
    state: Option<Val>,
    depth: u16,
}

impl CallVal {
    fn new(func: Val, args: Val, kwargs: Option<Val>, state: Option<Val>) -> CallVal {
        let func = capped(func);
        let args = capped(args);
        let kwargs = kwargs.map(capped);
        let state = state.map(capped);
        let d = [Some(&func), Some(&args), kwargs.as_ref(), state.as_ref()]
            .into_iter()
            .flatten()
            .map(depth)
            .max()
            .unwrap_or(0);
        CallVal {
            func,
            args,
            kwargs,
            state,
            depth: d + 1,
        }
    }
}

struct Vm<'a, 'o> {
    data: &'a [u8],
    pos: usize,
    limits: &'a Limits,
    ext: &'a HashMap<u32, GlobalRef>,
    out: &'o mut Analysis,
    depth: usize,
    calls: usize,
    import_index: HashMap<GlobalRef, usize>,
}

type R<T> = Result<T, String>;

const MAX_RENDER: usize = 400;

impl<'a> Vm<'a, '_> {
    fn run_stream(&mut self) {
        let mut first = true;
        loop {
            if self.pos >= self.data.len() {
                break;
            }
            if self.out.pickles >= self.limits.max_pickles {
                break;
            }
            let start = self.pos;
            // A later pickle must look like one (PROTO), else what follows is payload such as
            // legacy PyTorch storage bytes; trying it costs nothing and is kept only if it parses.
            let mut st = State::default();
            let imports_before = self.out.imports.len();
            let result = self.run_one(&mut st);
            match result {
                Ok(()) => {
                    self.out.pickles += 1;
                    self.out.consumed = self.pos;
                    if first {
                        first = false;
                        if let Some(v) = st.first_value.take() {
                            self.out.first_value = Some(v);
                        }
                    }
                    // Legacy torch.save writes five pickles, then raw storage bytes.
                    if self.out.first_value.as_deref() == Some(LEGACY_TORCH_MAGIC)
                        && self.out.pickles >= 5
                    {
                        break;
                    }
                }
                Err(msg) => {
                    let tentative = !first
                        && self.data.get(start) != Some(&0x80)
                        && self.out.imports.len() == imports_before;
                    if tentative {
                        // Not a pickle: trailing data.
                        self.pos = start;
                    } else {
                        self.out.error = Some(PickleError {
                            offset: self.pos,
                            message: msg,
                        });
                    }
                    break;
                }
            }
        }
    }

    fn err<T>(&self, msg: impl Into<String>) -> R<T> {
        Err(msg.into())
    }

    fn byte(&mut self) -> R<u8> {
        let b = *self
            .data
            .get(self.pos)
            .ok_or("unexpected end of data (truncated pickle)")?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: u64) -> R<(usize, usize)> {
        let remaining = (self.data.len() - self.pos) as u64;
        if n > remaining {
            return self.err(format!(
                "length {n} exceeds the {remaining} bytes that remain (truncated pickle)"
            ));
        }
        let start = self.pos;
        self.pos += n as usize;
        Ok((start, self.pos))
    }

    fn le(&mut self, n: usize) -> R<u64> {
        let (s, e) = self.take(n as u64)?;
        let mut v = 0u64;
        for (i, b) in self.data[s..e].iter().enumerate() {
            v |= u64::from(*b) << (8 * i);
        }
        Ok(v)
    }

    fn line(&mut self) -> R<&'a [u8]> {
        let rest = &self.data[self.pos..];
        let window = &rest[..rest.len().min(self.limits.max_line)];
        let Some(nl) = window.iter().position(|&b| b == b'\n') else {
            return self.err("no newline ending a text argument (truncated or malformed pickle)");
        };
        let line = &rest[..nl];
        self.pos += nl + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        Ok(line)
    }

    fn decimal(&mut self) -> R<u64> {
        let l = self.line()?;
        std::str::from_utf8(l)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .ok_or_else(|| "bad decimal argument".to_string())
    }

    fn str_of(&self, b: &[u8]) -> Rc<str> {
        Rc::from(String::from_utf8_lossy(b).as_ref())
    }

    fn run_one(&mut self, st: &mut State) -> R<()> {
        loop {
            if self.out.ops >= self.limits.max_ops {
                return self.err(format!(
                    "operation limit of {} reached",
                    self.limits.max_ops
                ));
            }
            let op_pos = self.pos;
            let op = self.byte()?;
            self.out.ops += 1;
            match op {
                b'(' => {
                    if st.marks.len() >= self.limits.max_stack {
                        return self.err("mark stack limit reached");
                    }
                    st.marks.push(st.stack.len());
                }
                b'.' => {
                    let v = st.pop()?;
                    if st.first_value.is_none() {
                        st.first_value = Some(render(self.data, &v));
                    }
                    return Ok(());
                }
                b'0' => {
                    if st.stack.len() > st.marks.last().copied().unwrap_or(0) {
                        st.pop()?;
                    } else {
                        st.pop_mark()?;
                    }
                }
                b'1' => {
                    st.pop_mark()?;
                }
                b'2' => {
                    let v = st.top()?.clone();
                    self.push(st, v)?;
                }
                b'F' => {
                    let l = self.line()?;
                    let f = std::str::from_utf8(l)
                        .ok()
                        .and_then(|s| s.trim().parse::<f64>().ok());
                    self.push(st, f.map(Val::Float).unwrap_or(Val::Opaque("float")))?;
                }
                b'I' => {
                    let l = self.line()?;
                    let v = match l {
                        b"00" => Val::Bool(false),
                        b"01" => Val::Bool(true),
                        _ => parse_int_text(l).ok_or("bad INT argument")?,
                    };
                    self.push(st, v)?;
                }
                b'J' => {
                    let v = self.le(4)? as u32 as i32;
                    self.push(st, Val::Int(i128::from(v)))?;
                }
                b'K' => {
                    let v = self.byte()?;
                    self.push(st, Val::Int(i128::from(v)))?;
                }
                b'M' => {
                    let v = self.le(2)?;
                    self.push(st, Val::Int(i128::from(v)))?;
                }
                b'L' => {
                    let l = self.line()?;
                    let l = l.strip_suffix(b"L").unwrap_or(l);
                    let v = parse_int_text(l).ok_or("bad LONG argument")?;
                    self.push(st, v)?;
                }
                0x8a | 0x8b => {
                    let n = if op == 0x8a {
                        u64::from(self.byte()?)
                    } else {
                        self.le(4)? as u32 as i32 as i64 as u64
                    };
                    if op == 0x8b && (n as i64) < 0 {
                        return self.err("negative LONG4 length");
                    }
                    let (s, e) = self.take(n)?;
                    self.push(st, long_from_le(&self.data[s..e]))?;
                }
                b'N' => self.push(st, Val::None)?,
                0x88 => self.push(st, Val::Bool(true))?,
                0x89 => self.push(st, Val::Bool(false))?,
                b'G' => {
                    let (s, e) = self.take(8)?;
                    let mut a = [0u8; 8];
                    a.copy_from_slice(&self.data[s..e]);
                    self.push(st, Val::Float(f64::from_be_bytes(a)))?;
                }
                b'S' => {
                    let l = self.line()?;
                    let v = decode_quoted(l).ok_or("bad STRING argument (not a quoted string)")?;
                    self.push(st, Val::Str(Rc::from(String::from_utf8_lossy(&v).as_ref())))?;
                }
                b'T' => {
                    let n = self.le(4)? as u32 as i32;
                    if n < 0 {
                        return self.err("negative BINSTRING length");
                    }
                    let (s, e) = self.take(n as u64)?;
                    self.push(st, Val::Bytes(s, e))?;
                }
                b'U' | b'C' => {
                    let n = self.byte()?;
                    let (s, e) = self.take(u64::from(n))?;
                    let v = if op == b'U' {
                        Val::Str(self.str_of(&self.data[s..e]))
                    } else {
                        Val::Bytes(s, e)
                    };
                    self.push(st, v)?;
                }
                b'B' => {
                    let n = self.le(4)?;
                    let (s, e) = self.take(n)?;
                    self.push(st, Val::Bytes(s, e))?;
                }
                0x8e | 0x96 => {
                    let n = self.le(8)?;
                    let (s, e) = self.take(n)?;
                    self.push(st, Val::Bytes(s, e))?;
                }
                b'V' => {
                    let l = self.line()?;
                    let s = decode_raw_unicode_escape(l);
                    self.push(st, Val::Str(Rc::from(s.as_str())))?;
                }
                b'X' => {
                    let n = self.le(4)?;
                    let (s, e) = self.take(n)?;
                    let v = Val::Str(self.str_of(&self.data[s..e]));
                    self.push(st, v)?;
                }
                0x8c => {
                    let n = self.byte()?;
                    let (s, e) = self.take(u64::from(n))?;
                    let v = Val::Str(self.str_of(&self.data[s..e]));
                    self.push(st, v)?;
                }
                0x8d => {
                    let n = self.le(8)?;
                    let (s, e) = self.take(n)?;
                    let v = Val::Str(self.str_of(&self.data[s..e]));
                    self.push(st, v)?;
                }
                b')' => self.push(st, Val::Tuple(Rc::new(Seq::default())))?,
                b']' => self.push(st, Val::List(Rc::new(Seq::default())))?,
                b'}' => self.push(st, Val::Dict(Rc::new(Seq::default())))?,
                0x8f => self.push(st, Val::Set(Rc::new(Seq::default())))?,
                b't' => {
                    let items = st.pop_mark()?;
                    self.push(
                        st,
                        Val::Tuple(Rc::new(Seq::from_vec(items, self.limits.max_items))),
                    )?;
                }
                b'l' => {
                    let items = st.pop_mark()?;
                    self.push(
                        st,
                        Val::List(Rc::new(Seq::from_vec(items, self.limits.max_items))),
                    )?;
                }
                b'd' => {
                    let items = st.pop_mark()?;
                    if items.len() % 2 != 0 {
                        return self.err("DICT with an odd number of items");
                    }
                    self.push(
                        st,
                        Val::Dict(Rc::new(Seq::from_vec(items, self.limits.max_items * 2))),
                    )?;
                }
                0x91 => {
                    let items = st.pop_mark()?;
                    self.push(
                        st,
                        Val::Set(Rc::new(Seq::from_vec(items, self.limits.max_items))),
                    )?;
                }
                0x85..=0x87 => {
                    let n = usize::from(op - 0x84);
                    if st.stack.len() < n + st.marks.last().copied().unwrap_or(0) {
                        return self.err("stack underflow");
                    }
                    let items = st.stack.split_off(st.stack.len() - n);
                    self.push(
                        st,
                        Val::Tuple(Rc::new(Seq::from_vec(items, self.limits.max_items))),
                    )?;
                }
                b'a' => {
                    let v = st.pop()?;
                    let max = self.limits.max_items;
                    if let Val::List(l) = st.top_mut()? {
                        Rc::make_mut(l).push(v, max);
                    }
                }
                b'e' => {
                    let items = st.pop_mark()?;
                    let max = self.limits.max_items;
                    if let Val::List(l) | Val::Set(l) = st.top_mut()? {
                        let l = Rc::make_mut(l);
                        for v in items {
                            l.push(v, max);
                        }
                    }
                }
                0x90 => {
                    let items = st.pop_mark()?;
                    let max = self.limits.max_items;
                    if let Val::Set(l) = st.top_mut()? {
                        let l = Rc::make_mut(l);
                        for v in items {
                            l.push(v, max);
                        }
                    }
                }
                b's' => {
                    let v = st.pop()?;
                    let k = st.pop()?;
                    let max = self.limits.max_items * 2;
                    if let Val::Dict(d) = st.top_mut()? {
                        let d = Rc::make_mut(d);
                        d.push(k, max);
                        d.push(v, max);
                    }
                }
                b'u' => {
                    let items = st.pop_mark()?;
                    if items.len() % 2 != 0 {
                        return self.err("SETITEMS with an odd number of items");
                    }
                    let max = self.limits.max_items * 2;
                    if let Val::Dict(d) = st.top_mut()? {
                        let d = Rc::make_mut(d);
                        for v in items {
                            d.push(v, max);
                        }
                    }
                }
                b'p' => {
                    let idx = self.decimal()?;
                    self.memo_put(st, idx)?;
                }
                b'q' => {
                    let idx = u64::from(self.byte()?);
                    self.memo_put(st, idx)?;
                }
                b'r' => {
                    let idx = self.le(4)?;
                    self.memo_put(st, idx)?;
                }
                0x94 => {
                    let idx = st.memo.len() as u64;
                    self.memo_put(st, idx)?;
                }
                b'g' => {
                    let idx = self.decimal()?;
                    self.memo_get(st, idx)?;
                }
                b'h' => {
                    let idx = u64::from(self.byte()?);
                    self.memo_get(st, idx)?;
                }
                b'j' => {
                    let idx = self.le(4)?;
                    self.memo_get(st, idx)?;
                }
                b'c' => {
                    let m = self.line()?;
                    let n = self.line()?;
                    let g = GlobalRef {
                        module: lossy(m),
                        name: lossy(n),
                    };
                    let v = self.import(g, ImportKind::Global, op_pos);
                    self.push(st, v)?;
                }
                0x93 => {
                    let name = st.pop()?;
                    let module = st.pop()?;
                    let v = match (&module, &name) {
                        (Val::Str(m), Val::Str(n)) => {
                            let g = GlobalRef {
                                module: m.to_string(),
                                name: n.to_string(),
                            };
                            self.import(g, ImportKind::StackGlobal, op_pos)
                        }
                        _ => {
                            let rendered = format!(
                                "STACK_GLOBAL({}, {})",
                                render(self.data, &module),
                                render(self.data, &name)
                            );
                            self.out.anomalies.push(Anomaly::DynamicImport {
                                offset: op_pos,
                                rendered,
                            });
                            Val::Opaque("dynamic global")
                        }
                    };
                    self.push(st, v)?;
                }
                b'i' => {
                    let m = self.line()?;
                    let n = self.line()?;
                    let args = st.pop_mark()?;
                    let g = GlobalRef {
                        module: lossy(m),
                        name: lossy(n),
                    };
                    let func = self.import(g, ImportKind::Inst, op_pos);
                    let args = Val::Tuple(Rc::new(Seq::from_vec(args, self.limits.max_items)));
                    let v = self.call(func, args, None, op_pos);
                    self.push(st, v)?;
                }
                b'o' => {
                    let mut items = st.pop_mark()?;
                    if items.is_empty() {
                        return self.err("OBJ without a class");
                    }
                    let args = items.split_off(1);
                    let func = items.pop().unwrap_or(Val::None);
                    let args = Val::Tuple(Rc::new(Seq::from_vec(args, self.limits.max_items)));
                    let v = self.call(func, args, None, op_pos);
                    self.push(st, v)?;
                }
                b'R' => {
                    let args = st.pop()?;
                    let func = st.pop()?;
                    let v = self.call(func, args, None, op_pos);
                    self.push(st, v)?;
                }
                0x81 => {
                    let args = st.pop()?;
                    let cls = st.pop()?;
                    let v = self.call(cls, args, None, op_pos);
                    self.push(st, v)?;
                }
                0x92 => {
                    let kwargs = st.pop()?;
                    let args = st.pop()?;
                    let cls = st.pop()?;
                    let v = self.call(cls, args, Some(kwargs), op_pos);
                    self.push(st, v)?;
                }
                b'b' => {
                    let state = st.pop()?;
                    let obj = st.pop()?;
                    let new = self.build(obj, state, op_pos)?;
                    self.push(st, new)?;
                }
                b'P' => {
                    let l = self.line()?;
                    let v = Val::PersId(Rc::new(Val::Str(self.str_of(l))));
                    self.push(st, v)?;
                }
                b'Q' => {
                    let id = st.pop()?;
                    let id = if matches!(id, Val::PersId(_)) {
                        Val::Opaque("nested persistent id")
                    } else {
                        capped(id)
                    };
                    self.push(st, Val::PersId(Rc::new(id)))?;
                }
                0x82..=0x84 => {
                    let code = match op {
                        0x82 => u32::from(self.byte()?),
                        0x83 => self.le(2)? as u32,
                        _ => self.le(4)? as u32,
                    };
                    let v = match self.ext.get(&code) {
                        Some(g) => self.import(g.clone(), ImportKind::Ext(code), op_pos),
                        None => {
                            self.out.anomalies.push(Anomaly::UnknownExtension {
                                offset: op_pos,
                                code,
                            });
                            Val::Opaque("unregistered extension")
                        }
                    };
                    self.push(st, v)?;
                }
                0x80 => {
                    let p = self.byte()?;
                    if p > 5 {
                        return self.err(format!("unsupported pickle protocol {p}"));
                    }
                    self.out.protocol = Some(self.out.protocol.map_or(p, |q| q.max(p)));
                }
                0x95 => {
                    self.le(8)?;
                }
                0x97 => self.push(st, Val::Buffer)?,
                0x98 => {
                    st.top()?;
                }
                _ => return self.err(format!("invalid opcode 0x{op:02x}")),
            }
        }
    }

    fn push(&mut self, st: &mut State, v: Val) -> R<()> {
        if st.stack.len() >= self.limits.max_stack {
            return self.err(format!("stack limit of {} reached", self.limits.max_stack));
        }
        st.stack.push(v);
        Ok(())
    }

    fn memo_put(&mut self, st: &mut State, idx: u64) -> R<()> {
        let v = st.top()?.clone();
        if st.memo.len() >= self.limits.max_memo && !st.memo.contains_key(&idx) {
            return self.err(format!(
                "memo limit of {} entries reached",
                self.limits.max_memo
            ));
        }
        st.memo.insert(idx, v);
        Ok(())
    }

    fn memo_get(&mut self, st: &mut State, idx: u64) -> R<()> {
        let Some(v) = st.memo.get(&idx).cloned() else {
            return self.err(format!("memo key {idx} was never stored"));
        };
        self.push(st, v)
    }

    fn import(&mut self, g: GlobalRef, kind: ImportKind, offset: usize) -> Val {
        if !self.import_index.contains_key(&g) {
            self.import_index.insert(g.clone(), self.out.imports.len());
            self.out.imports.push(Import {
                global: g.clone(),
                kind,
                offset,
                calls: Vec::new(),
                unusual_call: false,
                called: false,
            });
        }
        Val::Global(Rc::new(g))
    }

    fn mark_called(&mut self, g: &GlobalRef) {
        if let Some(&i) = self.import_index.get(g)
            && let Some(imp) = self.out.imports.get_mut(i)
        {
            imp.called = true;
        }
    }

    fn call(&mut self, func: Val, args: Val, kwargs: Option<Val>, offset: usize) -> Val {
        if let Val::Global(g) = &func {
            self.mark_called(g);
            // The reconstruct helpers instantiate the class they are given (and BUILD then
            // runs its `__setstate__`), so that class is what really runs.
            let module = match g.module.as_str() {
                "copy_reg" => "copyreg",
                m => m,
            };
            if module == "copyreg"
                && matches!(
                    g.name.as_str(),
                    "_reconstructor" | "__newobj__" | "__newobj_ex__"
                )
                && let Val::Tuple(a) = &args
                && let Some(Val::Global(cls)) = a.items.first()
            {
                let cls = cls.clone();
                self.mark_called(&cls);
            }
        }
        if let Val::Global(g) = &func
            && g.module == "_codecs"
            && g.name == "encode"
        {
            let plain = matches!(&args, Val::Tuple(a) if matches!(a.items.as_slice(), [Val::Str(_)] | [Val::Str(_), Val::Str(_)])
                && a.more == 0
                && a.items.get(1).is_none_or(|e| matches!(e, Val::Str(enc) if is_latin1_name(enc))))
                && kwargs.is_none();
            if !plain
                && let Some(&i) = self.import_index.get(g.as_ref())
                && let Some(imp) = self.out.imports.get_mut(i)
            {
                imp.unusual_call = true;
            }
        }
        let cv = Rc::new(CallVal::new(func, args, kwargs, None));
        let v = Val::Call(cv.clone());
        if self.calls < self.limits.max_calls {
            self.calls += 1;
            let rendered = render(self.data, &v);
            let mut globals = Vec::new();
            collect_globals(&v, &mut globals, 0);
            for g in globals {
                if let Some(&i) = self.import_index.get(&g)
                    && let Some(imp) = self.out.imports.get_mut(i)
                    && imp.calls.len() < 8
                    && !imp.calls.contains(&rendered)
                {
                    imp.calls.push(rendered.clone());
                }
            }
        }
        self.nested_payload(&cv, offset);
        v
    }

    /// `pickle.loads(b"...")` and relatives: the constant payload is analysed as a pickle too.
    fn nested_payload(&mut self, cv: &CallVal, offset: usize) {
        let Val::Global(g) = &cv.func else { return };
        let is_loads = matches!(
            (g.module.as_str(), g.name.as_str()),
            (
                "pickle"
                    | "_pickle"
                    | "cPickle"
                    | "dill"
                    | "dill._dill"
                    | "cloudpickle"
                    | "joblib"
                    | "numpy.core.numeric"
                    | "torch"
                    | "torch.serialization",
                "loads" | "_loads" | "load" | "Unpickler"
            )
        );
        if !is_loads || self.depth >= self.limits.max_nested {
            return;
        }
        let Val::Tuple(args) = &cv.args else { return };
        let Some(first) = args.items.first() else {
            return;
        };
        let payload: Option<Vec<u8>> = match first {
            Val::Bytes(s, e) => self.data.get(*s..*e).map(<[u8]>::to_vec),
            Val::Str(s) => latin1(s),
            Val::Call(c) => codecs_latin1(c),
            _ => None,
        };
        let Some(payload) = payload else { return };
        let analysis = analyze_depth(&payload, self.limits, self.ext, self.depth + 1);
        self.out.nested.push(Nested {
            offset,
            via: g.dotted(),
            analysis: Box::new(analysis),
        });
    }

    fn build(&mut self, obj: Val, state: Val, offset: usize) -> R<Val> {
        let Val::Call(cv) = &obj else {
            if let Val::Global(g) = &obj {
                self.mark_called(&g.clone());
                // BUILD on a class object sets class attributes: record it as a call.
                let set = Val::Call(Rc::new(CallVal::new(
                    Val::Opaque("setattr-on-class"),
                    Val::Tuple(Rc::new(Seq::from_vec(vec![obj.clone(), state], 2))),
                    None,
                    None,
                )));
                let rendered = render(self.data, &set);
                let mut globals = Vec::new();
                collect_globals(&set, &mut globals, 0);
                for g in globals {
                    if let Some(&i) = self.import_index.get(&g)
                        && let Some(imp) = self.out.imports.get_mut(i)
                        && imp.calls.len() < 8
                    {
                        imp.calls.push(format!("BUILD {rendered}"));
                    }
                }
            }
            return Ok(obj);
        };
        if is_joblib_wrapper(&cv.func) {
            self.skip_joblib_array(&state, offset)?;
            return Ok(Val::Opaque("ndarray"));
        }
        Ok(Val::Call(Rc::new(CallVal::new(
            cv.func.clone(),
            cv.args.clone(),
            cv.kwargs.clone(),
            Some(state),
        ))))
    }

    /// joblib writes each array's bytes right after the BUILD of its `NumpyArrayWrapper`
    /// (an object array is written as a nested pickle instead).
    fn skip_joblib_array(&mut self, state: &Val, _offset: usize) -> R<()> {
        let Val::Dict(d) = state else {
            return self.err("joblib array wrapper without a state dict");
        };
        let get = |key: &str| -> Option<&Val> {
            d.items.chunks(2).find_map(|kv| match kv {
                [Val::Str(k), v] if k.as_ref() == key => Some(v),
                _ => None,
            })
        };
        let dtype = get("dtype").ok_or("joblib array wrapper without dtype")?;
        let shape = get("shape").ok_or("joblib array wrapper without shape")?;
        let aligned = matches!(get("numpy_array_alignment_bytes"), Some(Val::Int(_)));
        let info = dtype_info(dtype).ok_or("joblib array wrapper with an unknown dtype")?;
        self.out.joblib_arrays += 1;
        if info.object {
            let sub = analyze_sub(self, self.pos)?;
            self.pos = sub;
            return Ok(());
        }
        if aligned {
            let pad = self.byte()?;
            self.take(u64::from(pad))?;
        }
        let mut n: u64 = info.itemsize;
        let Val::Tuple(dims) = shape else {
            return self.err("joblib array shape is not a tuple");
        };
        if dims.more > 0 {
            return self.err("joblib array shape has too many dimensions");
        }
        for dim in &dims.items {
            let Val::Int(x) = dim else {
                return self.err("joblib array shape is not integers");
            };
            let x = u64::try_from(*x).map_err(|_| "negative joblib array dimension")?;
            n = n.checked_mul(x).ok_or("joblib array size overflows")?;
        }
        self.take(n)?;
        Ok(())
    }
}

/// Runs one nested pickle (a joblib object array) inline with a fresh stack and memo, merging
/// what it finds; returns where it ended.
fn analyze_sub(vm: &mut Vm<'_, '_>, start: usize) -> R<usize> {
    let mut st = State::default();
    vm.pos = start;
    vm.run_one(&mut st)?;
    Ok(vm.pos)
}

#[derive(Default)]
struct State {
    stack: Vec<Val>,
    marks: Vec<usize>,
    memo: HashMap<u64, Val>,
    first_value: Option<String>,
}

impl State {
    fn floor(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }
    fn pop(&mut self) -> R<Val> {
        if self.stack.len() <= self.floor() {
            return Err("stack underflow".into());
        }
        self.stack
            .pop()
            .ok_or_else(|| "stack underflow".to_string())
    }
    fn top(&self) -> R<&Val> {
        if self.stack.len() <= self.floor() {
            return Err("stack underflow".into());
        }
        self.stack
            .last()
            .ok_or_else(|| "stack underflow".to_string())
    }
    fn top_mut(&mut self) -> R<&mut Val> {
        if self.stack.len() <= self.floor() {
            return Err("stack underflow".into());
        }
        self.stack
            .last_mut()
            .ok_or_else(|| "stack underflow".to_string())
    }
    fn pop_mark(&mut self) -> R<Vec<Val>> {
        let m = self.marks.pop().ok_or("no MARK to pop to")?;
        if m > self.stack.len() {
            return Err("MARK beyond the stack".into());
        }
        Ok(self.stack.split_off(m))
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).trim().to_string()
}

fn parse_int_text(l: &[u8]) -> Option<Val> {
    let s = std::str::from_utf8(l).ok()?.trim();
    if s.is_empty() {
        return None;
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        s.parse::<i128>()
            .map(Val::Int)
            .unwrap_or(Val::BigInt(digits.len())),
    )
}

fn long_from_le(b: &[u8]) -> Val {
    if b.is_empty() {
        return Val::Int(0);
    }
    if b.len() > 16 {
        return Val::BigInt(b.len());
    }
    let neg = b.last().is_some_and(|x| x & 0x80 != 0);
    let mut buf = if neg { [0xffu8; 16] } else { [0u8; 16] };
    buf[..b.len()].copy_from_slice(b);
    Val::Int(i128::from_le_bytes(buf))
}

/// Decodes a protocol 0 STRING argument: a Python string literal in quotes.
fn decode_quoted(l: &[u8]) -> Option<Vec<u8>> {
    let q = *l.first()?;
    if (q != b'\'' && q != b'"') || l.len() < 2 || l.last() != Some(&q) {
        return None;
    }
    let body = &l[1..l.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let n = *body.get(i + 1)?;
        i += 2;
        match n {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'x' => {
                let h = body.get(i..i + 2)?;
                out.push(u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?);
                i += 2;
            }
            b'0'..=b'7' => {
                let mut v = u32::from(n - b'0');
                let mut k = 0;
                while k < 2 && i < body.len() && (b'0'..=b'7').contains(&body[i]) {
                    v = v * 8 + u32::from(body[i] - b'0');
                    i += 1;
                    k += 1;
                }
                out.push((v & 0xff) as u8);
            }
            b'\n' => {}
            other => {
                if !matches!(other, b'\\' | b'\'' | b'"') {
                    out.push(b'\\');
                }
                out.push(other);
            }
        }
    }
    Some(out)
}

fn decode_raw_unicode_escape(l: &[u8]) -> String {
    let mut s = String::with_capacity(l.len());
    let mut i = 0;
    while i < l.len() {
        if l[i] == b'\\' && i + 1 < l.len() && (l[i + 1] == b'u' || l[i + 1] == b'U') {
            let n = if l[i + 1] == b'u' { 4 } else { 8 };
            if let Some(h) = l.get(i + 2..i + 2 + n)
                && let Some(c) = std::str::from_utf8(h)
                    .ok()
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
            {
                s.push(c);
                i += 2 + n;
                continue;
            }
        }
        s.push(char::from(l[i]));
        i += 1;
    }
    s
}

fn latin1(s: &str) -> Option<Vec<u8>> {
    s.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

/// `_codecs.encode("...", "latin1")`: how protocol 2 writes bytes under Python 3.
fn codecs_latin1(c: &CallVal) -> Option<Vec<u8>> {
    let Val::Global(g) = &c.func else { return None };
    if g.module != "_codecs" || g.name != "encode" {
        return None;
    }
    let Val::Tuple(a) = &c.args else { return None };
    match a.items.as_slice() {
        [Val::Str(s), Val::Str(enc)] if is_latin1_name(enc) => latin1(s),
        [Val::Str(s)] => latin1(s),
        _ => None,
    }
}

pub(crate) fn is_latin1_name(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().replace('_', "-").as_str(),
        "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" | "l1"
    )
}

fn is_joblib_wrapper(func: &Val) -> bool {
    let Val::Global(g) = func else { return false };
    g.name == "NumpyArrayWrapper"
        && matches!(
            g.module.as_str(),
            "joblib.numpy_pickle" | "sklearn.externals.joblib.numpy_pickle"
        )
}

struct DtypeInfo {
    itemsize: u64,
    object: bool,
}

fn dtype_info(v: &Val) -> Option<DtypeInfo> {
    let Val::Call(c) = v else { return None };
    let Val::Tuple(a) = &c.args else { return None };
    let Some(Val::Str(code)) = a.items.first() else {
        return None;
    };
    let state_elsize = match &c.state {
        Some(Val::Tuple(t)) => match t.items.get(5) {
            Some(Val::Int(n)) if *n > 0 => Some(*n as u64),
            _ => None,
        },
        _ => None,
    };
    let has_fields = match &c.state {
        Some(Val::Tuple(t)) => !matches!(t.items.get(4), None | Some(Val::None)),
        _ => false,
    };
    let code = code.trim_start_matches(['<', '>', '=', '|']);
    let kind = code.chars().next()?;
    if kind == 'O' || (has_fields && state_has_object(c.state.as_ref(), 0)) {
        return Some(DtypeInfo {
            itemsize: 8,
            object: true,
        });
    }
    let digits: u64 = code[kind.len_utf8()..].parse().ok().unwrap_or(0);
    let itemsize = match state_elsize {
        Some(n) => n,
        None if kind == 'U' => digits.checked_mul(4)?,
        None if kind == '?' => 1,
        None => digits,
    };
    Some(DtypeInfo {
        itemsize,
        object: false,
    })
}

fn state_has_object(v: Option<&Val>, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    match v {
        Some(Val::Call(c)) => {
            if let Val::Tuple(a) = &c.args
                && let Some(Val::Str(s)) = a.items.first()
                && s.trim_start_matches(['<', '>', '=', '|']).starts_with('O')
            {
                return true;
            }
            state_has_object(c.state.as_ref(), depth + 1)
        }
        Some(Val::Tuple(s) | Val::Dict(s) | Val::List(s)) => {
            s.items.iter().any(|x| state_has_object(Some(x), depth + 1))
        }
        _ => false,
    }
}

fn collect_globals(v: &Val, out: &mut Vec<GlobalRef>, depth: usize) {
    if depth > 6 || out.len() > 32 {
        return;
    }
    match v {
        Val::Global(g) if !out.contains(g) => out.push((**g).clone()),
        Val::Call(c) => {
            collect_globals(&c.func, out, depth + 1);
            collect_globals(&c.args, out, depth + 1);
            if let Some(k) = &c.kwargs {
                collect_globals(k, out, depth + 1);
            }
        }
        Val::Tuple(s) | Val::List(s) | Val::Dict(s) | Val::Set(s) => {
            for x in &s.items {
                collect_globals(x, out, depth + 1);
            }
        }
        Val::PersId(x) => collect_globals(x, out, depth + 1),
        _ => {}
    }
}

/// Renders a value as Python-like source, bounded in length.
fn render(data: &[u8], v: &Val) -> String {
    let mut s = String::new();
    render_into(data, v, &mut s, 0);
    if s.len() > MAX_RENDER {
        let mut cut = MAX_RENDER;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push('…');
    }
    s
}

fn render_into(data: &[u8], v: &Val, s: &mut String, depth: usize) {
    if s.len() > MAX_RENDER {
        return;
    }
    if depth > 8 {
        s.push_str("...");
        return;
    }
    match v {
        Val::None => s.push_str("None"),
        Val::Bool(b) => s.push_str(if *b { "True" } else { "False" }),
        Val::Int(i) => {
            let _ = write!(s, "{i}");
        }
        Val::BigInt(n) => {
            let _ = write!(s, "<int of {n} digits/bytes>");
        }
        Val::Float(f) => {
            let _ = write!(s, "{f:?}");
        }
        Val::Str(t) => push_str_repr(s, t),
        Val::Bytes(a, b) => push_bytes_repr(s, data.get(*a..*b).unwrap_or_default()),
        Val::Global(g) => {
            s.push_str(&g.module);
            s.push('.');
            s.push_str(&g.name);
        }
        Val::Call(c) => {
            render_into(data, &c.func, s, depth + 1);
            s.push('(');
            let mut first = true;
            if let Val::Tuple(a) = &c.args {
                for x in &a.items {
                    if !first {
                        s.push_str(", ");
                    }
                    first = false;
                    render_into(data, x, s, depth + 1);
                }
                if a.more > 0 {
                    let _ = write!(s, ", ...{} more", a.more);
                }
            } else {
                s.push('*');
                render_into(data, &c.args, s, depth + 1);
                first = false;
            }
            if let Some(k) = &c.kwargs {
                if !first {
                    s.push_str(", ");
                }
                s.push_str("**");
                render_into(data, k, s, depth + 1);
            }
            s.push(')');
        }
        Val::Tuple(t) => render_seq(data, t, s, depth, "(", ")", false),
        Val::List(t) => render_seq(data, t, s, depth, "[", "]", false),
        Val::Set(t) => render_seq(data, t, s, depth, "{", "}", false),
        Val::Dict(t) => render_seq(data, t, s, depth, "{", "}", true),
        Val::PersId(x) => {
            s.push_str("persistent_load(");
            render_into(data, x, s, depth + 1);
            s.push(')');
        }
        Val::Buffer => s.push_str("<out-of-band buffer>"),
        Val::Opaque(what) => {
            let _ = write!(s, "<{what}>");
        }
    }
}

fn render_seq(
    data: &[u8],
    t: &Seq,
    s: &mut String,
    depth: usize,
    open: &str,
    close: &str,
    pairs: bool,
) {
    s.push_str(open);
    for (i, x) in t.items.iter().enumerate() {
        if i > 0 {
            s.push_str(if pairs && i % 2 == 1 { ": " } else { ", " });
        }
        render_into(data, x, s, depth + 1);
    }
    if t.more > 0 {
        let _ = write!(s, ", ...{} more", if pairs { t.more / 2 } else { t.more });
    }
    if !pairs && open == "(" && t.items.len() == 1 && t.more == 0 {
        s.push(',');
    }
    s.push_str(close);
}

fn push_str_repr(s: &mut String, t: &str) {
    s.push('"');
    for (i, c) in t.chars().enumerate() {
        if i >= 160 {
            s.push('…');
            break;
        }
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(s, "\\u{{{:x}}}", u32::from(c));
            }
            c => s.push(c),
        }
    }
    s.push('"');
}

fn push_bytes_repr(s: &mut String, b: &[u8]) {
    if b.len() > 64 {
        let _ = write!(s, "<{} bytes>", b.len());
        return;
    }
    s.push_str("b\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(char::from(c)),
            _ => {
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push('"');
}

/// Whether `data` starts like a pickle: a PROTO opcode with a known protocol, or a protocol 0/1
/// stream whose first operations parse up to STOP (within `data`, or to its end when more
/// follows).
pub fn looks_like_pickle(data: &[u8], complete: bool) -> bool {
    match data {
        [0x80, p, ..] if (2..=5).contains(p) => {
            // Random 0x80-prefixed binaries (tensor bytes) fail within a few operations; a
            // pickle parses cleanly up to STOP or to the end of the head.
            if data.len() < 3 {
                return !complete;
            }
            let limits = Limits {
                max_ops: 100_000,
                max_pickles: 1,
                ..Limits::default()
            };
            let a = analyze(data, &limits, &HashMap::new());
            match &a.error {
                None => a.pickles >= 1,
                // A payload followed by a deliberately broken tail is still a pickle.
                Some(e) => {
                    (!complete && e.message.contains("truncated") && a.ops >= 2)
                        || (a.ops >= 4 && !a.imports.is_empty())
                }
            }
        }
        [] | [_] => false,
        _ => {
            if !is_opcode(data[0])
                || !matches!(
                    data[0],
                    b'(' | b'c'
                        | b']'
                        | b'}'
                        | b')'
                        | b'l'
                        | b'd'
                        | b'S'
                        | b'V'
                        | b'I'
                        | b'L'
                        | b'F'
                        | b'N'
                        | b'X'
                        | b'K'
                        | b'J'
                        | b'U'
                        | b'T'
                        | b'B'
                        | b'C'
                        | b'G'
                        | 0x8c
                        | 0x88
                        | 0x89
                        | b'P'
                        | b'i'
                )
            {
                return false;
            }
            let limits = Limits {
                max_ops: 100_000,
                max_pickles: 1,
                ..Limits::default()
            };
            let a = analyze(data, &limits, &HashMap::new());
            if a.ops < 2 {
                return false;
            }
            match &a.error {
                None => a.pickles >= 1,
                Some(e) => !complete && e.message.contains("truncated") && a.ops >= 4,
            }
        }
    }
}

/// Stricter than [`looks_like_pickle`], for text files without a model extension: the head must
/// be one protocol 0/1 pickle read to STOP with nothing but whitespace after it (or, when the
/// file runs past the head, a long run of operations), and every imported name must be a dotted
/// Python identifier. Prose, CSV or logs that begin with an opcode letter fail within a line.
pub fn is_text_pickle(head: &[u8], complete: bool) -> bool {
    if head.first() == Some(&0x80) || !looks_like_pickle(head, complete) {
        return false;
    }
    let limits = Limits {
        max_ops: 100_000,
        max_pickles: 1,
        ..Limits::default()
    };
    let a = analyze(head, &limits, &HashMap::new());
    let idents = a
        .imports
        .iter()
        .all(|i| is_dotted_ident(&i.global.module) && is_dotted_ident(&i.global.name));
    if !idents {
        return false;
    }
    match &a.error {
        None => {
            a.ops >= 3
                && head
                    .get(a.consumed..)
                    .is_some_and(|rest| rest.iter().all(u8::is_ascii_whitespace))
        }
        Some(e) => !complete && e.message.contains("truncated") && a.ops >= 16,
    }
}

fn is_dotted_ident(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            let mut c = p.chars();
            c.next()
                .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
                && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
        })
}

fn is_opcode(b: u8) -> bool {
    matches!(
        b,
        b'(' | b'.'
            | b'0'
            | b'1'
            | b'2'
            | b'F'
            | b'I'
            | b'J'
            | b'K'
            | b'L'
            | b'M'
            | b'N'
            | b'P'
            | b'Q'
            | b'R'
            | b'S'
            | b'T'
            | b'U'
            | b'V'
            | b'X'
            | b'a'
            | b'b'
            | b'c'
            | b'd'
            | b'}'
            | b'e'
            | b'g'
            | b'h'
            | b'i'
            | b'j'
            | b'l'
            | b']'
            | b'o'
            | b'p'
            | b'q'
            | b'r'
            | b's'
            | b't'
            | b')'
            | b'u'
            | b'G'
            | b'B'
            | b'C'
            | 0x80..=0x98
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(data: &[u8]) -> Analysis {
        analyze(data, &Limits::default(), &HashMap::new())
    }

    #[test]
    fn protocol0_global_reduce_renders_call() {
        let a = run(b"cposix\nsystem\n(S'echo hi'\ntR.");
        assert!(a.error.is_none(), "{:?}", a.error);
        assert_eq!(a.imports.len(), 1);
        assert_eq!(a.imports[0].global.dotted(), "posix.system");
        assert_eq!(
            a.imports[0].calls,
            vec!["posix.system(\"echo hi\")".to_string()]
        );
    }

    #[test]
    fn stack_global_from_memo() {
        // PROTO 4, "os" MEMOIZE, "system" MEMOIZE, POP POP, GET 0, GET 1, STACK_GLOBAL, "id" TUPLE1 REDUCE STOP
        let mut p = vec![0x80, 4];
        p.extend([0x8c, 2]);
        p.extend(b"os");
        p.push(0x94);
        p.extend([0x8c, 6]);
        p.extend(b"system");
        p.push(0x94);
        p.extend(b"00");
        p.extend([b'h', 0, b'h', 1, 0x93, 0x8c, 2]);
        p.extend(b"id");
        p.extend([0x85, b'R', b'.']);
        let a = run(&p);
        assert!(a.error.is_none(), "{:?}", a.error);
        assert_eq!(a.imports[0].global.dotted(), "os.system");
        assert_eq!(a.imports[0].kind, ImportKind::StackGlobal);
        assert_eq!(a.imports[0].calls[0], "os.system(\"id\")");
    }

    #[test]
    fn truncated_tail_keeps_findings() {
        let a = run(b"cposix\nsystem\n(S'x'\ntR\x80\x02J\x01");
        assert_eq!(a.imports.len(), 1);
        assert!(a.error.is_some());
    }

    #[test]
    fn huge_length_is_rejected_without_allocating() {
        let a = run(b"\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\x7f");
        assert!(a.error.unwrap().message.contains("exceeds"));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let mut p = vec![0x80, 2, b'N'];
        p.extend(std::iter::repeat_n(0x85u8, 1_000_000));
        p.extend(std::iter::repeat_n(b'Q', 1000));
        p.push(b'.');
        let a = run(&p);
        assert!(a.error.is_none(), "{:?}", a.error);
        let mut p = b"cposix\nsystem\n".to_vec();
        for _ in 0..200_000 {
            p.extend(b")R");
        }
        p.push(b'.');
        let a = run(&p);
        assert!(a.error.is_none(), "{:?}", a.error);
    }

    #[test]
    fn codecs_encode_other_than_latin1_is_unusual() {
        let a = run(b"c_codecs\nencode\n(S'abc'\nS'latin1'\ntR.");
        assert!(!a.imports[0].unusual_call);
        let a = run(b"c_codecs\nencode\n(S'abc'\nS'rot13'\ntR.");
        assert!(a.imports[0].unusual_call);
    }

    #[test]
    fn unknown_ext_is_reported() {
        let a = run(b"\x80\x02\x82\x07)R.");
        assert_eq!(
            a.anomalies,
            vec![Anomaly::UnknownExtension { offset: 2, code: 7 }]
        );
    }

    #[test]
    fn longs_and_quotes_decode() {
        assert!(matches!(long_from_le(&[0xff]), Val::Int(-1)));
        assert_eq!(decode_quoted(b"'a\\x41\\n'").unwrap(), b"aA\n");
        assert!(looks_like_pickle(b"cposix\nsystem\n(S'x'\ntR.", true));
        assert!(!looks_like_pickle(b"hello world\n", true));
        assert!(!looks_like_pickle(b"Not a pickle at all", true));
    }
}
