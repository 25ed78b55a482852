//! OSV JSON records: parse, convert for every ecosystem, evaluate ranges, and round-trip through
//! the index format. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_sca::Ecosystem;
use rampart_sca::advisory::{Advisory, Installed, osv};
use rampart_sca::db::store;

const ECOSYSTEMS: [Ecosystem; 6] = [
    Ecosystem::PyPI,
    Ecosystem::Npm,
    Ecosystem::CratesIo,
    Ecosystem::Go,
    Ecosystem::Alpine,
    Ecosystem::Maven,
];

fuzz_target!(|data: &[u8]| {
    let Ok(rec) = osv::parse_record(data) else {
        return;
    };
    for eco in &ECOSYSTEMS {
        let Some(adv) = Advisory::from_osv(&rec, eco) else {
            continue;
        };
        let _ = rampart_sca::advisory::severity::severity_of(&adv);
        for v in [
            "0",
            "1.0.0",
            "1.0",
            "v1.2.3",
            "0.0.0-20210101000000-abcdef123456",
            "1.2_rc1-r0",
        ] {
            if let Some(i) = Installed::new(eco, v) {
                for a in &adv.affected {
                    let _ = a.affects(&i);
                }
            }
        }
        let bytes = store::encode(eco.osv_name(), std::slice::from_ref(&adv)).expect("encode");
        let ix = store::EcosystemIndex::decode(bytes).expect("decode what was encoded");
        assert_eq!(ix.advisory(0).expect("read back"), adv);
    }
});
