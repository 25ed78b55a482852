//! The JSON documents of an image (manifest/index, config, docker save manifest.json) and the
//! strings a registry or user hands us (WWW-Authenticate challenges, references).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_image::oci::{ImageConfig, Manifest, Platform, parse_docker_archive_manifest};

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = Manifest::parse(data) {
        let _ = m.is_index();
        let _ = m.select(&Platform::parse("linux/amd64").unwrap());
    }
    if let Ok(c) = ImageConfig::parse(data) {
        let _ = c.layer_instructions(3);
        let _ = rampart_image::checks::config_texts(&c);
    }
    let _ = parse_docker_archive_manifest(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = rampart_image::registry::parse_challenge(s);
        let _ = rampart_image::Reference::parse(s);
        let _ = Platform::parse(s);
        let _ = rampart_image::oci::clean_instruction(s);
    }
});
