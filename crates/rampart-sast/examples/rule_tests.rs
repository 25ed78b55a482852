//! `rampart sast --test DIR` without the CLI (what the engine's developers run while the binary
//! is being rebuilt): `cargo run -p rampart-sast --example rule_tests -- DIR`.

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: rule_tests DIR");
        std::process::exit(2);
    };
    match rampart_sast::run_rule_tests(std::path::Path::new(&dir)) {
        Ok(r) => {
            print!("{}", r.render());
            std::process::exit(i32::from(!r.is_ok()));
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
