//! The final file view of an image: layer indexes merged in order with whiteouts and opaque
//! directories applied (OCI image spec, "Representing Changesets"). Also records every file a
//! later layer deleted or replaced, because its bytes are still in the image.

use std::collections::{BTreeMap, HashMap};

use crate::layer::{Change, IndexEntry};
use crate::tar::EntryKind;

/// A path of the final view and the layer that put it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub layer: usize,
    pub kind: EntryKind,
    pub size: u64,
}

/// How a file left the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// A whiteout (or an opaque directory) of a later layer.
    Deleted { by_layer: usize },
    /// A later layer wrote another entry at the same path (or replaced a parent directory).
    Replaced { by_layer: usize },
}

impl Removal {
    pub fn by_layer(self) -> usize {
        match self {
            Removal::Deleted { by_layer } | Removal::Replaced { by_layer } => by_layer,
        }
    }
}

#[derive(Debug, Default)]
pub struct View {
    pub files: BTreeMap<String, Node>,
    /// (layer that added it, path) → how it was removed. Regular files only.
    pub removed: HashMap<(usize, String), Removal>,
}

impl View {
    /// Merges `layers` (bottom first).
    pub fn merge<'a>(layers: impl IntoIterator<Item = &'a [IndexEntry]>) -> View {
        let mut view = View::default();
        for (i, entries) in layers.into_iter().enumerate() {
            // Whiteouts and opaque markers hide the layers below only, whatever their order
            // within this layer, so they are applied before this layer's own entries.
            for e in entries {
                match e.change {
                    Change::Opaque => {
                        view.remove_children(&e.path, Removal::Deleted { by_layer: i })
                    }
                    Change::Whiteout => {
                        view.remove_path(&e.path, Removal::Deleted { by_layer: i });
                    }
                    Change::Add { .. } => {}
                }
            }
            for e in entries {
                if let Change::Add { kind, size } = e.change {
                    if kind != EntryKind::Dir
                        || view
                            .files
                            .get(&e.path)
                            .is_some_and(|n| n.kind != EntryKind::Dir)
                    {
                        view.remove_path(&e.path, Removal::Replaced { by_layer: i });
                    }
                    view.files.insert(
                        e.path.clone(),
                        Node {
                            layer: i,
                            kind,
                            size,
                        },
                    );
                }
            }
        }
        view
    }

    /// Which layer's copy of `path` is in the final view.
    pub fn final_layer(&self, path: &str) -> Option<usize> {
        self.files.get(path).map(|n| n.layer)
    }

    fn remove_path(&mut self, path: &str, how: Removal) {
        if let Some(node) = self.files.remove(path) {
            self.note(path.to_string(), node, how);
        }
        self.remove_children(path, how);
    }

    fn remove_children(&mut self, dir: &str, how: Removal) {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let doomed: Vec<String> = self
            .files
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, _)| k.clone())
            .collect();
        for k in doomed {
            if let Some(node) = self.files.remove(&k) {
                self.note(k, node, how);
            }
        }
    }

    fn note(&mut self, path: String, node: Node, how: Removal) {
        if node.kind == EntryKind::File && node.layer < how.by_layer() {
            self.removed.insert((node.layer, path), how);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(path: &str) -> IndexEntry {
        IndexEntry {
            path: path.into(),
            change: Change::Add {
                kind: EntryKind::File,
                size: 1,
            },
        }
    }

    fn dir(path: &str) -> IndexEntry {
        IndexEntry {
            path: path.into(),
            change: Change::Add {
                kind: EntryKind::Dir,
                size: 0,
            },
        }
    }

    fn wh(path: &str, change: Change) -> IndexEntry {
        IndexEntry {
            path: path.into(),
            change,
        }
    }

    #[test]
    fn whiteouts_opaque_dirs_and_replacements() {
        let l0 = vec![
            dir("etc"),
            add("etc/a"),
            add("etc/b"),
            dir("opt"),
            add("opt/x"),
            add("keep"),
        ];
        let l1 = vec![
            wh("etc/a", Change::Whiteout),
            wh("opt", Change::Opaque),
            add("opt/y"),
            add("keep"),
        ];
        let view = View::merge([l0.as_slice(), l1.as_slice()]);
        let paths: Vec<&str> = view.files.keys().map(String::as_str).collect();
        assert_eq!(paths, ["etc", "etc/b", "keep", "opt", "opt/y"]);
        assert_eq!(view.final_layer("keep"), Some(1));
        assert_eq!(view.final_layer("etc/b"), Some(0));
        assert_eq!(
            view.removed.get(&(0, "etc/a".to_string())),
            Some(&Removal::Deleted { by_layer: 1 })
        );
        assert_eq!(
            view.removed.get(&(0, "opt/x".to_string())),
            Some(&Removal::Deleted { by_layer: 1 })
        );
        assert_eq!(
            view.removed.get(&(0, "keep".to_string())),
            Some(&Removal::Replaced { by_layer: 1 })
        );
    }

    #[test]
    fn whiteout_in_the_same_layer_does_not_hide_its_own_files() {
        let l0 = vec![add("a/f")];
        let l1 = vec![add("a/f"), wh("a", Change::Opaque)];
        let view = View::merge([l0.as_slice(), l1.as_slice()]);
        assert_eq!(view.final_layer("a/f"), Some(1));
    }

    #[test]
    fn a_file_replacing_a_directory_removes_its_children() {
        let l0 = vec![dir("d"), add("d/f")];
        let l1 = vec![add("d")];
        let view = View::merge([l0.as_slice(), l1.as_slice()]);
        assert!(view.final_layer("d/f").is_none());
        assert_eq!(view.final_layer("d"), Some(1));
    }
}
