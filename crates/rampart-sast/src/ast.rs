//! A compact arena copy of a tree-sitter tree: nodes in pre-order (so the descendants of node `n`
//! are exactly the ids `n+1 .. n.end_id`), with their generic [`Cat`]egory. Comments are dropped
//! from the tree (they stay in the text). Conversion is iterative, so deeply nested input cannot
//! overflow the stack.

use std::cell::RefCell;

use crate::lang::{Cat, Language};

pub type NodeId = u32;

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: u16,
    pub cat: Cat,
    pub named: bool,
    /// Field id in the parent (`0` when none).
    pub field: u16,
    pub start: u32,
    pub end: u32,
    pub parent: NodeId,
    /// One past the last descendant.
    pub end_id: NodeId,
    /// Range into [`Ast::child_ids`].
    pub kids: (u32, u32),
    pub has_error: bool,
}

#[derive(Debug)]
pub struct Ast {
    pub src: String,
    pub nodes: Vec<Node>,
    pub child_ids: Vec<NodeId>,
    /// Whether tree-sitter reported a syntax error anywhere.
    pub has_error: bool,
    /// Offsets of line starts, built on first use by [`Ast::line_of`].
    pub line_starts: std::sync::OnceLock<Vec<u32>>,
}

thread_local! {
    static PARSER: RefCell<Option<(String, tree_sitter::Parser)>> = const { RefCell::new(None) };
}

/// Parses `src` with the language's grammar, reusing one parser per thread.
pub fn parse(lang: &dyn Language, src: &str) -> Option<Ast> {
    let tree = PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let fresh = !matches!(&*slot, Some((name, _)) if name == lang.name());
        if fresh {
            let mut p = tree_sitter::Parser::new();
            p.set_language(&lang.grammar()).ok()?;
            *slot = Some((lang.name().to_string(), p));
        }
        let (_, parser) = slot.as_mut()?;
        parser.parse(src, None)
    })?;
    Some(convert(lang, src, &tree))
}

fn convert(lang: &dyn Language, src: &str, tree: &tree_sitter::Tree) -> Ast {
    let mut nodes: Vec<Node> = Vec::new();
    let mut child_ids: Vec<NodeId> = Vec::new();
    // (node id, children collected so far)
    let mut stack: Vec<(NodeId, Vec<NodeId>)> = Vec::new();
    let mut cursor = tree.walk();
    let root = tree.root_node();
    let has_error = root.has_error();
    let mut skip_children;
    loop {
        let n = cursor.node();
        let kind = n.kind_id();
        let cat = lang.category(kind);
        skip_children = false;
        if cat == Cat::Comment {
            skip_children = true;
        } else {
            let id = nodes.len() as NodeId;
            let parent = stack.last().map_or(NodeId::MAX, |s| s.0);
            nodes.push(Node {
                kind,
                cat,
                named: n.is_named(),
                field: cursor.field_id().map_or(0, |f| f.get()),
                start: n.start_byte() as u32,
                end: n.end_byte() as u32,
                parent,
                end_id: id + 1,
                kids: (0, 0),
                has_error: n.is_error() || n.is_missing(),
            });
            if let Some(top) = stack.last_mut() {
                top.1.push(id);
            }
            if cursor.goto_first_child() {
                stack.push((id, Vec::new()));
                continue;
            }
            finish(&mut nodes, &mut child_ids, id, Vec::new());
        }
        let _ = skip_children;
        // Move to the next sibling, closing finished parents on the way up.
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return Ast {
                    src: src.to_string(),
                    nodes,
                    child_ids,
                    has_error,
                    line_starts: std::sync::OnceLock::new(),
                };
            }
            if let Some((id, kids)) = stack.pop() {
                finish(&mut nodes, &mut child_ids, id, kids);
            }
        }
    }
}

fn finish(nodes: &mut [Node], child_ids: &mut Vec<NodeId>, id: NodeId, kids: Vec<NodeId>) {
    let start = child_ids.len() as u32;
    child_ids.extend_from_slice(&kids);
    let end_id = nodes.len() as NodeId;
    if let Some(n) = nodes.get_mut(id as usize) {
        n.kids = (start, kids.len() as u32);
        n.end_id = end_id;
    }
}

impl Ast {
    pub fn node(&self, id: NodeId) -> &Node {
        // Ids always come from this arena; fall back to the root rather than panic.
        self.nodes.get(id as usize).unwrap_or(&self.nodes[0])
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        let (s, n) = self.node(id).kids;
        self.child_ids
            .get(s as usize..(s + n) as usize)
            .unwrap_or(&[])
    }

    pub fn named_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .iter()
            .copied()
            .filter(|c| self.node(*c).named)
    }

    pub fn named_vec(&self, id: NodeId) -> Vec<NodeId> {
        self.named_children(id).collect()
    }

    pub fn text(&self, id: NodeId) -> &str {
        let n = self.node(id);
        self.src.get(n.start as usize..n.end as usize).unwrap_or("")
    }

    pub fn slice(&self, start: u32, end: u32) -> &str {
        self.src.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn field(&self, id: NodeId, field: u16) -> Option<NodeId> {
        self.children(id)
            .iter()
            .copied()
            .find(|c| self.node(*c).field == field)
    }

    pub fn fields(&self, id: NodeId, field: u16) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .iter()
            .copied()
            .filter(move |c| self.node(*c).field == field)
    }

    pub fn cat(&self, id: NodeId) -> Cat {
        self.node(id).cat
    }

    /// The node with exactly this byte range, the outermost one if several.
    pub fn node_at(&self, start: u32, end: u32) -> Option<NodeId> {
        let mut id: NodeId = 0;
        loop {
            let n = self.node(id);
            if n.start == start && n.end == end {
                return Some(id);
            }
            let next = self.children(id).iter().copied().find(|c| {
                let c = self.node(*c);
                c.start <= start && end <= c.end
            })?;
            id = next;
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        let starts = self.line_starts.get_or_init(|| {
            let mut v = vec![0u32];
            for (i, b) in self.src.bytes().enumerate() {
                if b == b'\n' {
                    v.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
                }
            }
            v
        });
        // Number of line starts at or before the offset = the 1-based line.
        starts.partition_point(|s| *s <= offset) as u32
    }

    /// Strips parentheses: `((x))` → `x`.
    pub fn unparen(&self, mut id: NodeId) -> NodeId {
        while self.cat(id) == Cat::Paren {
            match self.named_children(id).next() {
                Some(c) => id = c,
                None => break,
            }
        }
        id
    }
}
