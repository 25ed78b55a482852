//! Terraform: HCL parsing, module evaluation (with a local module call resolved to the second
//! half of the input), the conftest view and plan JSON. No panic, bounded work, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rampart_iac::terraform::{self, LoadError, Loader, Options};

/// Every module directory holds the second part of the input; `file()` reads it too.
struct Memory(Vec<u8>);

impl Loader for Memory {
    fn module_files(&self, dir: &str) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
        Ok(vec![(format!("{dir}/main.tf"), self.0.clone())])
    }
    fn read_file(&self, _path: &str, max_bytes: usize) -> Result<Vec<u8>, LoadError> {
        Ok(self.0[..self.0.len().min(max_bytes)].to_vec())
    }
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (main, module) = (&data[..split], data.get(split + 1..).unwrap_or(&[]));
    let _ = terraform::conftest_json("main.tf", main);
    let _ = terraform::parse_file("terraform.tfvars.json", main);
    if terraform::is_plan_json(main) {
        let _ = terraform::parse_plan("plan.json", main);
    }
    let mut files = Vec::new();
    if let Ok(f) = terraform::parse_file("main.tf", main) {
        files.push(f);
    }
    if let Ok(f) = terraform::parse_file("terraform.tfvars", module) {
        files.push(f);
    }
    let mut options = Options::default();
    // Small limits keep each run fast; the limits themselves are what is being tested.
    options.limits.fuel = 200_000;
    options.limits.max_instances = 50;
    let loader = Memory(module.to_vec());
    let (docs, _) = terraform::evaluate_tree(files, &loader, &options);
    for d in docs {
        let _ = serde_json_size(&d);
    }
});

fn serde_json_size(d: &rampart_iac::Document) -> usize {
    d.resources.iter().map(|r| r.values.to_string().len()).sum()
}
