//! Languages: a tree-sitter grammar plus the mapping of its node kinds onto the few generic
//! categories the matcher and the taint engine reason about. Python is the only implementation
//! today; JavaScript/TypeScript, Java and Go plug in by implementing [`Language`] (grammar, kind
//! map, pattern pre-processing) without touching the matcher or the rule loader.

use std::collections::HashMap;

/// What a node kind means to the engine, independently of the grammar that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cat {
    /// A file (`module`).
    Module,
    /// A statement sequence (`block`).
    Block,
    Identifier,
    /// `obj.attr`
    Attribute,
    Call,
    /// The argument list of a call.
    Arguments,
    /// `name=value` in a call.
    KeywordArg,
    /// A string literal (f-strings included).
    String,
    /// Adjacent string literals (`"a" "b"`).
    ConcatString,
    /// `{expr}` inside an f-string.
    Interpolation,
    Integer,
    Float,
    True,
    False,
    None,
    /// `...`
    Ellipsis,
    /// `x = y`
    Assign,
    /// `x += y`
    AugAssign,
    FunctionDef,
    /// `@decorator` wrapper around a definition.
    Decorated,
    ClassDef,
    Parameters,
    Return,
    If,
    /// `elif` / `else` clauses of an `if`.
    ElifClause,
    ElseClause,
    For,
    While,
    With,
    Try,
    Import,
    ImportFrom,
    /// A statement holding one expression.
    ExprStmt,
    /// `a if c else b`
    CondExpr,
    BinaryOp,
    BoolOp,
    Compare,
    Not,
    Unary,
    Subscript,
    Paren,
    /// List, tuple, set, dict literals and `a, b` lists.
    Container,
    /// `k: v` of a dict literal.
    Pair,
    Comprehension,
    Lambda,
    Comment,
    /// Anything else: matched structurally by kind and children.
    Other,
}

/// The shape of a container literal or constructor, for element-sensitive taint tracking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Ordered, indexed by position (Python list/tuple/deque).
    Sequence,
    /// Keyed (Python dict).
    Mapping,
}

/// A container method the taint engine models element by element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElemOp {
    /// Adds its argument at the end (`append`).
    Push,
    /// Adds its argument at the front (`appendleft`).
    PushFront,
    /// `insert(index, value)`.
    Insert,
    /// `pop()` / `pop(index_or_key[, default])`: removes and returns an element.
    Pop,
    /// `popleft()`.
    PopFront,
    /// `remove(value)`: removes the first element equal to the argument.
    Remove,
    /// `clear()`.
    Clear,
    /// `get(key[, default])`: reads without removing.
    Get,
    /// `extend(iterable)`.
    Extend,
}

/// A programming language the SAST engine can parse and match.
pub trait Language: Send + Sync {
    /// Canonical name used in rule `languages:` (`python`).
    fn name(&self) -> &'static str;
    /// Every accepted spelling in `languages:`.
    fn aliases(&self) -> &'static [&'static str];
    /// File extensions (lower case, without the dot) scanned with this language.
    fn extensions(&self) -> &'static [&'static str];
    fn grammar(&self) -> tree_sitter::Language;
    /// Category of a tree-sitter kind id of [`Language::grammar`].
    fn category(&self, kind: u16) -> Cat;
    /// Whether a node of this kind is an expression a metavariable `$X` may stand for.
    fn is_expression(&self, kind: u16) -> bool;
    /// Whether a node of this kind is a statement (sequence item of a block).
    fn is_statement(&self, kind: u16) -> bool;
    /// Anonymous tokens that carry meaning (operators), compared when matching generically;
    /// punctuation (commas, brackets) is not.
    fn is_significant_token(&self, text: &str) -> bool;
    /// The byte range of the value of a string literal node (between the quotes), given its
    /// children `(kind, start, end)`.
    fn string_content(
        &self,
        node_start: u32,
        node_end: u32,
        children: &[(u16, u32, u32)],
    ) -> (u32, u32);
    /// Field id of the named field, if the grammar has it.
    fn field(&self, name: &str) -> u16;
    /// A parameter with a type or default (`x: int`, `x=1`): a metavariable standing for the
    /// parameter binds its name, as Semgrep does.
    fn is_decorated_param(&self, kind: u16) -> bool;
    /// The shape of a container literal of this kind (`[..]` a sequence, `{k: v}` a mapping);
    /// `None` for kinds whose elements are not tracked one by one.
    fn container_shape(&self, _kind: u16) -> Option<Shape> {
        None
    }
    /// The shape built by calling this name with no argument or one literal (`deque()`,
    /// `list([...])`, `dict()`).
    fn container_constructor(&self, _name: &str) -> Option<Shape> {
        None
    }
    /// The container operation a method name performs, if the engine models it.
    fn container_op(&self, _method: &str) -> Option<ElemOp> {
        None
    }
    /// Whether this kind is a slice (`a:b` inside a subscript).
    fn is_slice(&self, _kind: u16) -> bool {
        false
    }
    /// Whether this kind is a statement deleting its targets (`del x[k]`).
    fn is_delete(&self, _kind: u16) -> bool {
        false
    }
    /// Candidate files (paths relative to the scan root, `/`-separated, most specific first)
    /// of the module a file at `caller` imports as `module` (dotted; leading dots for relative
    /// imports). Empty when the language has no such notion.
    fn module_files(&self, _caller: &str, _module: &str) -> Vec<String> {
        Vec::new()
    }
}

/// The Python implementation.
pub struct Python {
    cats: Vec<Cat>,
    expr: Vec<bool>,
    stmt: Vec<bool>,
    fields: HashMap<&'static str, u16>,
    string_start: u16,
    string_end: u16,
    params: Vec<u16>,
    seq_kinds: Vec<u16>,
    map_kind: u16,
    slice_kind: u16,
    delete_kind: u16,
}

const PY_EXPRESSIONS: &[&str] = &[
    "identifier",
    "attribute",
    "call",
    "subscript",
    "string",
    "concatenated_string",
    "integer",
    "float",
    "true",
    "false",
    "none",
    "ellipsis",
    "list",
    "tuple",
    "dictionary",
    "set",
    "list_comprehension",
    "dictionary_comprehension",
    "set_comprehension",
    "generator_expression",
    "binary_operator",
    "boolean_operator",
    "comparison_operator",
    "not_operator",
    "unary_operator",
    "conditional_expression",
    "lambda",
    "parenthesized_expression",
    "await",
    "named_expression",
    "list_splat",
    "typed_parameter",
    "default_parameter",
    "typed_default_parameter",
    "dictionary_splat",
    "list_splat_pattern",
    "dictionary_splat_pattern",
    "pattern_list",
    "tuple_pattern",
    "list_pattern",
    "expression_list",
    "slice",
    "yield",
];

const PY_FIELDS: &[&str] = &[
    "function",
    "arguments",
    "object",
    "attribute",
    "left",
    "right",
    "name",
    "value",
    "body",
    "condition",
    "consequence",
    "alternative",
    "parameters",
    "subscript",
    "module_name",
    "alias",
    "operator",
    "key",
    "return_type",
    "type",
    "definition",
    "superclasses",
];

impl Python {
    pub fn new() -> Self {
        let lang: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
        let n = lang.node_kind_count();
        let mut cats = vec![Cat::Other; n + 1];
        let mut expr = vec![false; n + 1];
        let mut stmt = vec![false; n + 1];
        for id in 0..n {
            let Ok(kid) = u16::try_from(id) else { break };
            let Some(name) = lang.node_kind_for_id(kid) else {
                continue;
            };
            if !lang.node_kind_is_named(kid) {
                continue;
            }
            let cat = match name {
                "module" => Cat::Module,
                "block" => Cat::Block,
                "identifier" => Cat::Identifier,
                "attribute" => Cat::Attribute,
                "call" => Cat::Call,
                "argument_list" => Cat::Arguments,
                "keyword_argument" => Cat::KeywordArg,
                "string" => Cat::String,
                "concatenated_string" => Cat::ConcatString,
                "interpolation" => Cat::Interpolation,
                "integer" => Cat::Integer,
                "float" => Cat::Float,
                "true" => Cat::True,
                "false" => Cat::False,
                "none" => Cat::None,
                "ellipsis" => Cat::Ellipsis,
                "assignment" => Cat::Assign,
                "augmented_assignment" => Cat::AugAssign,
                "function_definition" => Cat::FunctionDef,
                "decorated_definition" => Cat::Decorated,
                "class_definition" => Cat::ClassDef,
                "parameters" | "lambda_parameters" => Cat::Parameters,
                "return_statement" => Cat::Return,
                "if_statement" => Cat::If,
                "elif_clause" => Cat::ElifClause,
                "else_clause" => Cat::ElseClause,
                "for_statement" => Cat::For,
                "while_statement" => Cat::While,
                "with_statement" => Cat::With,
                "try_statement" => Cat::Try,
                "import_statement" => Cat::Import,
                "import_from_statement" => Cat::ImportFrom,
                "expression_statement" => Cat::ExprStmt,
                "conditional_expression" => Cat::CondExpr,
                "binary_operator" => Cat::BinaryOp,
                "boolean_operator" => Cat::BoolOp,
                "comparison_operator" => Cat::Compare,
                "not_operator" => Cat::Not,
                "unary_operator" => Cat::Unary,
                "subscript" => Cat::Subscript,
                "parenthesized_expression" => Cat::Paren,
                "list" | "tuple" | "set" | "dictionary" | "expression_list" | "pattern_list"
                | "tuple_pattern" | "list_pattern" => Cat::Container,
                "pair" => Cat::Pair,
                "list_comprehension"
                | "dictionary_comprehension"
                | "set_comprehension"
                | "generator_expression" => Cat::Comprehension,
                "lambda" => Cat::Lambda,
                "comment" => Cat::Comment,
                _ => Cat::Other,
            };
            cats[id] = cat;
            expr[id] = PY_EXPRESSIONS.contains(&name);
            stmt[id] = name.ends_with("_statement")
                || matches!(
                    name,
                    "function_definition" | "class_definition" | "decorated_definition"
                );
        }
        let mut fields = HashMap::new();
        for f in PY_FIELDS {
            if let Some(id) = lang.field_id_for_name(f) {
                fields.insert(*f, id.get());
            }
        }
        let string_start = lang.id_for_node_kind("string_start", true);
        let string_end = lang.id_for_node_kind("string_end", true);
        let params = [
            "typed_parameter",
            "default_parameter",
            "typed_default_parameter",
        ]
        .iter()
        .map(|k| lang.id_for_node_kind(k, true))
        .collect();
        Python {
            cats,
            expr,
            stmt,
            fields,
            string_start,
            string_end,
            params,
            seq_kinds: vec![
                lang.id_for_node_kind("list", true),
                lang.id_for_node_kind("tuple", true),
            ],
            map_kind: lang.id_for_node_kind("dictionary", true),
            slice_kind: lang.id_for_node_kind("slice", true),
            delete_kind: lang.id_for_node_kind("delete_statement", true),
        }
    }
}

impl Default for Python {
    fn default() -> Self {
        Self::new()
    }
}

impl Language for Python {
    fn name(&self) -> &'static str {
        "python"
    }
    fn aliases(&self) -> &'static [&'static str] {
        &["python", "py", "python3", "python2"]
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["py", "pyi", "pyw"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_python::LANGUAGE.into()
    }
    fn category(&self, kind: u16) -> Cat {
        self.cats
            .get(usize::from(kind))
            .copied()
            .unwrap_or(Cat::Other)
    }
    fn is_expression(&self, kind: u16) -> bool {
        self.expr.get(usize::from(kind)).copied().unwrap_or(false)
    }
    fn is_statement(&self, kind: u16) -> bool {
        self.stmt.get(usize::from(kind)).copied().unwrap_or(false)
    }
    fn is_significant_token(&self, text: &str) -> bool {
        !matches!(
            text,
            "(" | ")" | "[" | "]" | "{" | "}" | "," | ":" | "." | ";" | "->" | "async" | ""
        )
    }
    fn string_content(
        &self,
        node_start: u32,
        node_end: u32,
        children: &[(u16, u32, u32)],
    ) -> (u32, u32) {
        let start = children
            .iter()
            .find(|c| c.0 == self.string_start)
            .map_or(node_start, |c| c.2);
        let end = children
            .iter()
            .rev()
            .find(|c| c.0 == self.string_end)
            .map_or(node_end, |c| c.1);
        (start, end.max(start))
    }
    fn field(&self, name: &str) -> u16 {
        self.fields.get(name).copied().unwrap_or(u16::MAX)
    }
    fn is_decorated_param(&self, kind: u16) -> bool {
        self.params.contains(&kind)
    }
    fn container_shape(&self, kind: u16) -> Option<Shape> {
        if self.seq_kinds.contains(&kind) {
            Some(Shape::Sequence)
        } else if kind == self.map_kind {
            Some(Shape::Mapping)
        } else {
            None
        }
    }
    fn container_constructor(&self, name: &str) -> Option<Shape> {
        match name {
            "list" | "tuple" | "deque" | "collections.deque" => Some(Shape::Sequence),
            "dict" | "OrderedDict" | "collections.OrderedDict" => Some(Shape::Mapping),
            _ => None,
        }
    }
    fn container_op(&self, method: &str) -> Option<ElemOp> {
        Some(match method {
            "append" => ElemOp::Push,
            "appendleft" => ElemOp::PushFront,
            "insert" => ElemOp::Insert,
            "pop" => ElemOp::Pop,
            "popleft" => ElemOp::PopFront,
            "remove" => ElemOp::Remove,
            "clear" => ElemOp::Clear,
            "get" => ElemOp::Get,
            "extend" => ElemOp::Extend,
            _ => return None,
        })
    }
    fn is_slice(&self, kind: u16) -> bool {
        kind == self.slice_kind
    }
    fn is_delete(&self, kind: u16) -> bool {
        kind == self.delete_kind
    }
    fn module_files(&self, caller: &str, module: &str) -> Vec<String> {
        let dots = module.chars().take_while(|c| *c == '.').count();
        let parts: Vec<&str> = module[dots..]
            .split('.')
            .filter(|p| !p.is_empty())
            .collect();
        // Only identifiers: a module name can never walk out of the tree.
        let ident = |p: &&str| {
            p.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !p.starts_with(|c: char| c.is_ascii_digit())
        };
        if parts.is_empty() || !parts.iter().all(ident) {
            return Vec::new();
        }
        let mut dir: Vec<&str> = caller.split('/').collect();
        dir.pop();
        let bases: Vec<Vec<&str>> = if dots > 0 {
            // `from .x` is the caller's package, each further dot one level up.
            if dots - 1 > dir.len() {
                return Vec::new();
            }
            vec![dir[..dir.len() - (dots - 1)].to_vec()]
        } else {
            // Absolute: the caller's directory and each ancestor up to the root, so both a
            // flat layout and `src/`-style roots resolve.
            (0..=dir.len()).rev().map(|n| dir[..n].to_vec()).collect()
        };
        let mut out = Vec::new();
        for b in bases {
            let mut p: Vec<&str> = b;
            p.extend(parts.iter().copied());
            let stem = p.join("/");
            out.push(format!("{stem}.py"));
            out.push(format!("{stem}/__init__.py"));
        }
        out
    }
}

/// The languages this build supports, for rule `languages:` lookup.
pub fn python() -> &'static Python {
    static PY: std::sync::OnceLock<Python> = std::sync::OnceLock::new();
    PY.get_or_init(Python::new)
}
