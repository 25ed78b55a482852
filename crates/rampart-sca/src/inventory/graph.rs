//! Dependency graphs of lockfiles: which packages are direct, their scope, and bounded
//! shortest dependency paths from the manifest root.

use std::collections::VecDeque;

use crate::package::Scope;

/// At most this many paths are kept per package (the shortest, found breadth-first).
pub const MAX_PATHS: usize = 3;
/// Paths longer than this are not followed further.
pub const MAX_DEPTH: usize = 64;

/// Nodes are packages (labelled `name@version`); roots are the manifest's own declarations.
#[derive(Debug, Default)]
pub struct DepGraph {
    labels: Vec<String>,
    edges: Vec<Vec<usize>>,
    roots: Vec<(usize, Scope)>,
}

/// What the graph says about one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeFacts {
    pub direct: bool,
    /// `None` when no root reaches the node.
    pub scope: Option<Scope>,
    pub paths: Vec<Vec<String>>,
}

impl DepGraph {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_node(&mut self, label: impl Into<String>) -> usize {
        self.labels.push(label.into());
        self.edges.push(Vec::new());
        self.labels.len() - 1
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    pub fn add_edge(&mut self, from: usize, to: usize) {
        if from == to || to >= self.labels.len() {
            return;
        }
        if let Some(e) = self.edges.get_mut(from)
            && !e.contains(&to)
        {
            e.push(to);
        }
    }

    pub fn add_root(&mut self, node: usize, scope: Scope) {
        if node < self.labels.len() && !self.roots.contains(&(node, scope)) {
            self.roots.push((node, scope));
        }
    }

    pub fn has_roots(&self) -> bool {
        !self.roots.is_empty()
    }

    /// When the format names no roots: every node nothing depends on becomes a runtime root.
    pub fn roots_from_sources(&mut self) {
        let mut incoming = vec![false; self.labels.len()];
        for e in &self.edges {
            for &t in e {
                if let Some(slot) = incoming.get_mut(t) {
                    *slot = true;
                }
            }
        }
        for (n, has) in incoming.into_iter().enumerate() {
            if !has {
                self.roots.push((n, Scope::Runtime));
            }
        }
    }

    /// Facts for every node, indexed like the nodes.
    pub fn solve(&self) -> Vec<NodeFacts> {
        let n = self.labels.len();
        let mut facts: Vec<NodeFacts> = vec![
            NodeFacts {
                direct: false,
                scope: None,
                paths: Vec::new()
            };
            n
        ];
        for &(r, _) in &self.roots {
            if let Some(f) = facts.get_mut(r) {
                f.direct = true;
            }
        }
        // Scope: the strongest class of root that reaches the node.
        for class in [Scope::Runtime, Scope::Optional, Scope::Dev] {
            let mut queue: VecDeque<usize> = VecDeque::new();
            let mut seen = vec![false; n];
            for &(r, s) in &self.roots {
                if s == class && !seen[r] {
                    seen[r] = true;
                    queue.push_back(r);
                }
            }
            while let Some(u) = queue.pop_front() {
                if facts[u].scope.is_none() {
                    facts[u].scope = Some(class);
                }
                for &v in &self.edges[u] {
                    if !seen[v] {
                        seen[v] = true;
                        queue.push_back(v);
                    }
                }
            }
        }
        // Paths: breadth-first over (node, path) pairs; each node accepts MAX_PATHS paths, so
        // the queue holds at most MAX_PATHS * n entries and cycles end (a path never revisits).
        let mut paths: Vec<Vec<Vec<usize>>> = vec![Vec::new(); n];
        let mut queue: VecDeque<(usize, usize)> = VecDeque::new();
        for &(r, _) in &self.roots {
            if paths[r].is_empty() {
                paths[r].push(vec![r]);
                queue.push_back((r, 0));
            }
        }
        while let Some((u, pi)) = queue.pop_front() {
            let Some(base) = paths[u].get(pi).cloned() else {
                continue;
            };
            if base.len() >= MAX_DEPTH {
                continue;
            }
            for &v in &self.edges[u] {
                if paths[v].len() >= MAX_PATHS || base.contains(&v) {
                    continue;
                }
                let mut p = base.clone();
                p.push(v);
                if paths[v].contains(&p) {
                    continue;
                }
                paths[v].push(p);
                queue.push_back((v, paths[v].len() - 1));
            }
        }
        for (f, ps) in facts.iter_mut().zip(paths) {
            f.paths = ps
                .into_iter()
                .map(|p| p.into_iter().map(|i| self.labels[i].clone()).collect())
                .collect();
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_paths_are_bounded_and_cycle_safe() {
        let mut g = DepGraph::new();
        let a = g.add_node("a@1");
        let b = g.add_node("b@1");
        let c = g.add_node("c@1");
        let d = g.add_node("d@1");
        g.add_edge(a, b);
        g.add_edge(b, c);
        g.add_edge(c, b);
        g.add_edge(a, c);
        g.add_edge(d, c);
        g.add_root(a, Scope::Runtime);
        g.add_root(d, Scope::Dev);
        let f = g.solve();
        assert!(f[a].direct && !f[c].direct);
        assert_eq!(f[c].scope, Some(Scope::Runtime));
        assert_eq!(f[d].scope, Some(Scope::Dev));
        assert_eq!(f[c].paths[0], vec!["a@1", "c@1"]);
        assert!(f[c].paths.len() <= MAX_PATHS);
        assert!(
            f[c].paths
                .contains(&vec!["a@1".to_string(), "b@1".into(), "c@1".into()])
        );
    }

    #[test]
    fn dev_only_subtree_is_dev() {
        let mut g = DepGraph::new();
        let a = g.add_node("a@1");
        let b = g.add_node("b@1");
        g.add_edge(a, b);
        g.add_root(a, Scope::Dev);
        let f = g.solve();
        assert_eq!(f[b].scope, Some(Scope::Dev));
        assert_eq!(f[b].paths, vec![vec!["a@1".to_string(), "b@1".into()]]);
    }
}
