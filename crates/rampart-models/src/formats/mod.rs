//! Parsers of the model file formats. Each parses only (never loads) and is bounded.

pub mod gguf;
pub mod hdf5;
pub mod keras;
pub mod npy;
pub mod protobuf;
pub mod safetensors;
