//! Deny-by-default classification of pickle imports.
//!
//! Every `module.name` a pickle imports is one of: on the allowlist (known to only rebuild data),
//! on the dangerous list (process, code execution, import machinery, file system, network,
//! introspection), or unreviewed. Unreviewed is not "safe": it is reported at low severity so a
//! human looks at it once and extends the allowlist in `rampart.toml`.

/// Why an import is dangerous; each maps to its own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Danger {
    /// Runs a process or arbitrary code, imports modules, deserialises nested payloads.
    CodeExecution,
    /// Reads, writes or deletes files.
    FileAccess,
    /// Opens network connections.
    Network,
    /// Reaches arbitrary attributes or interpreter internals (a step towards the above).
    Introspection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    Safe,
    Dangerous(Danger, &'static str),
    Unreviewed,
}

/// Modules dangerous as a whole (and their submodules), with the reason shown in findings.
const DANGEROUS_MODULES: &[(&str, Danger, &str)] = &[
    (
        "os",
        Danger::CodeExecution,
        "operating-system interface (processes, files)",
    ),
    (
        "posix",
        Danger::CodeExecution,
        "operating-system interface (processes, files)",
    ),
    (
        "nt",
        Danger::CodeExecution,
        "operating-system interface (processes, files)",
    ),
    (
        "_posixsubprocess",
        Danger::CodeExecution,
        "process creation",
    ),
    ("subprocess", Danger::CodeExecution, "process creation"),
    ("pty", Danger::CodeExecution, "process creation"),
    ("popen2", Danger::CodeExecution, "process creation"),
    ("commands", Danger::CodeExecution, "process creation"),
    (
        "platform",
        Danger::CodeExecution,
        "runs external commands (platform.popen)",
    ),
    (
        "runpy",
        Danger::CodeExecution,
        "runs Python modules and files",
    ),
    ("importlib", Danger::CodeExecution, "import machinery"),
    ("imp", Danger::CodeExecution, "import machinery"),
    ("zipimport", Danger::CodeExecution, "import machinery"),
    ("pkgutil", Danger::CodeExecution, "import machinery"),
    ("marshal", Danger::CodeExecution, "loads Python bytecode"),
    ("ctypes", Danger::CodeExecution, "calls native code"),
    ("_ctypes", Danger::CodeExecution, "calls native code"),
    ("webbrowser", Danger::CodeExecution, "launches programs"),
    (
        "pydoc",
        Danger::CodeExecution,
        "runs pagers and imports modules",
    ),
    ("code", Danger::CodeExecution, "interactive interpreter"),
    ("codeop", Danger::CodeExecution, "compiles code"),
    ("pdb", Danger::CodeExecution, "debugger (runs code)"),
    ("bdb", Danger::CodeExecution, "debugger (runs code)"),
    ("trace", Danger::CodeExecution, "runs code under trace"),
    ("timeit", Danger::CodeExecution, "compiles and runs code"),
    (
        "cProfile",
        Danger::CodeExecution,
        "runs code under the profiler",
    ),
    (
        "profile",
        Danger::CodeExecution,
        "runs code under the profiler",
    ),
    ("doctest", Danger::CodeExecution, "runs code"),
    ("idlelib", Danger::CodeExecution, "evaluates expressions"),
    ("lib2to3", Danger::CodeExecution, "loads pickled grammars"),
    ("test.support", Danger::CodeExecution, "runs interpreters"),
    ("site", Danger::CodeExecution, "interpreter start-up hooks"),
    ("_pyrepl", Danger::CodeExecution, "interactive interpreter"),
    ("asyncio", Danger::CodeExecution, "subprocesses and network"),
    ("multiprocessing", Danger::CodeExecution, "process creation"),
    (
        "concurrent.futures",
        Danger::CodeExecution,
        "runs callables in workers",
    ),
    (
        "threading",
        Danger::CodeExecution,
        "runs callables in threads",
    ),
    (
        "_thread",
        Danger::CodeExecution,
        "runs callables in threads",
    ),
    ("sched", Danger::CodeExecution, "runs callables"),
    ("atexit", Danger::CodeExecution, "registers callables"),
    ("signal", Danger::CodeExecution, "signal handlers"),
    (
        "sys",
        Danger::Introspection,
        "interpreter internals (sys.modules, hooks)",
    ),
    ("gc", Danger::Introspection, "reaches every live object"),
    (
        "inspect",
        Danger::Introspection,
        "reaches frames and globals",
    ),
    (
        "types",
        Danger::CodeExecution,
        "builds code and function objects",
    ),
    ("pickle", Danger::CodeExecution, "nested unpickling"),
    ("_pickle", Danger::CodeExecution, "nested unpickling"),
    ("cPickle", Danger::CodeExecution, "nested unpickling"),
    ("pickletools", Danger::CodeExecution, "nested unpickling"),
    ("shelve", Danger::CodeExecution, "nested unpickling"),
    (
        "dill",
        Danger::CodeExecution,
        "nested unpickling and code objects",
    ),
    (
        "cloudpickle",
        Danger::CodeExecution,
        "nested unpickling and code objects",
    ),
    ("joblib.load", Danger::CodeExecution, "nested unpickling"),
    (
        "pandas.read_pickle",
        Danger::CodeExecution,
        "nested unpickling",
    ),
    (
        "pandas.io.pickle",
        Danger::CodeExecution,
        "nested unpickling",
    ),
    (
        "torch.hub",
        Danger::CodeExecution,
        "downloads and runs code",
    ),
    ("torch.jit", Danger::CodeExecution, "loads TorchScript"),
    (
        "torch.utils.cpp_extension",
        Danger::CodeExecution,
        "compiles and loads native code",
    ),
    (
        "torch._dynamo",
        Danger::CodeExecution,
        "evaluates guard code",
    ),
    (
        "torch._inductor",
        Danger::CodeExecution,
        "compiles and loads code",
    ),
    (
        "torch.fx.experimental",
        Danger::CodeExecution,
        "evaluates expressions",
    ),
    (
        "torch.package",
        Danger::CodeExecution,
        "imports packaged code",
    ),
    ("numpy.f2py", Danger::CodeExecution, "compiles native code"),
    (
        "numpy.distutils",
        Danger::CodeExecution,
        "runs build commands",
    ),
    (
        "numpy.testing",
        Danger::CodeExecution,
        "runs code (runstring)",
    ),
    ("distutils", Danger::CodeExecution, "runs build commands"),
    ("setuptools", Danger::CodeExecution, "runs build commands"),
    ("pip", Danger::CodeExecution, "installs and runs packages"),
    ("ensurepip", Danger::CodeExecution, "installs packages"),
    (
        "venv",
        Danger::CodeExecution,
        "creates environments and runs programs",
    ),
    (
        "logging.config",
        Danger::CodeExecution,
        "evaluates configuration",
    ),
    (
        "logging.handlers",
        Danger::FileAccess,
        "log handlers write files and open sockets",
    ),
    (
        "_aix_support",
        Danger::CodeExecution,
        "runs commands (_read_cmd_output)",
    ),
    (
        "_osx_support",
        Danger::CodeExecution,
        "runs commands (_read_output)",
    ),
    (
        "torch.utils.collect_env",
        Danger::CodeExecution,
        "runs shell commands",
    ),
    (
        "torch.utils.bottleneck",
        Danger::CodeExecution,
        "runs code under the profiler",
    ),
    (
        "torch.utils.benchmark",
        Danger::CodeExecution,
        "compiles and times code strings",
    ),
    (
        "torch.utils._config_module",
        Danger::CodeExecution,
        "loads pickled configuration",
    ),
    (
        "torch.utils.model_zoo",
        Danger::CodeExecution,
        "downloads and loads checkpoints",
    ),
    (
        "torch.utils.hipify",
        Danger::FileAccess,
        "rewrites source files",
    ),
    (
        "torch.utils.tensorboard",
        Danger::FileAccess,
        "writes event files",
    ),
    (
        "torch.testing._internal",
        Danger::CodeExecution,
        "test helpers that run processes",
    ),
    ("compileall", Danger::CodeExecution, "compiles source trees"),
    (
        "py_compile",
        Danger::CodeExecution,
        "compiles and writes files",
    ),
    ("zipapp", Danger::FileAccess, "writes archives"),
    (
        "shutil",
        Danger::FileAccess,
        "copies, moves and deletes files",
    ),
    ("tempfile", Danger::FileAccess, "creates files"),
    ("glob", Danger::FileAccess, "lists files"),
    ("fileinput", Danger::FileAccess, "reads files"),
    ("linecache", Danger::FileAccess, "reads files"),
    ("_io", Danger::FileAccess, "opens files"),
    ("zipfile", Danger::FileAccess, "reads and extracts archives"),
    ("tarfile", Danger::FileAccess, "reads and extracts archives"),
    ("socket", Danger::Network, "network sockets"),
    ("_socket", Danger::Network, "network sockets"),
    ("ssl", Danger::Network, "network sockets"),
    ("socketserver", Danger::Network, "network servers"),
    ("urllib", Danger::Network, "HTTP and URL access"),
    ("urllib2", Danger::Network, "HTTP and URL access"),
    ("urllib3", Danger::Network, "HTTP access"),
    ("requests", Danger::Network, "HTTP access"),
    ("httpx", Danger::Network, "HTTP access"),
    ("aiohttp", Danger::Network, "HTTP access"),
    ("http", Danger::Network, "HTTP clients and servers"),
    ("httplib", Danger::Network, "HTTP access"),
    ("ftplib", Danger::Network, "FTP access"),
    ("smtplib", Danger::Network, "mail sending"),
    ("poplib", Danger::Network, "mail access"),
    ("imaplib", Danger::Network, "mail access"),
    ("nntplib", Danger::Network, "news access"),
    ("telnetlib", Danger::Network, "telnet access"),
    ("xmlrpc", Danger::Network, "remote procedure calls"),
    ("paramiko", Danger::Network, "SSH access"),
];

/// Single dangerous names in otherwise unremarkable modules.
const DANGEROUS_NAMES: &[(&str, Danger, &str)] = &[
    (
        "builtins.eval",
        Danger::CodeExecution,
        "evaluates Python code",
    ),
    (
        "builtins.exec",
        Danger::CodeExecution,
        "executes Python code",
    ),
    (
        "builtins.compile",
        Danger::CodeExecution,
        "compiles Python code",
    ),
    (
        "builtins.__import__",
        Danger::CodeExecution,
        "imports any module",
    ),
    (
        "builtins.breakpoint",
        Danger::CodeExecution,
        "starts a debugger",
    ),
    (
        "builtins.input",
        Danger::CodeExecution,
        "reads standard input (and evaluates it in Python 2)",
    ),
    (
        "builtins.execfile",
        Danger::CodeExecution,
        "executes a file",
    ),
    (
        "builtins.reload",
        Danger::CodeExecution,
        "re-imports modules",
    ),
    ("builtins.help", Danger::CodeExecution, "runs a pager"),
    (
        "builtins.exit",
        Danger::CodeExecution,
        "exits the interpreter",
    ),
    (
        "builtins.quit",
        Danger::CodeExecution,
        "exits the interpreter",
    ),
    ("builtins.open", Danger::FileAccess, "opens files"),
    ("builtins.file", Danger::FileAccess, "opens files"),
    (
        "builtins.getattr",
        Danger::Introspection,
        "reaches any attribute",
    ),
    (
        "builtins.setattr",
        Danger::Introspection,
        "sets any attribute",
    ),
    (
        "builtins.delattr",
        Danger::Introspection,
        "deletes any attribute",
    ),
    (
        "builtins.globals",
        Danger::Introspection,
        "reaches module globals",
    ),
    (
        "builtins.locals",
        Danger::Introspection,
        "reaches local variables",
    ),
    (
        "builtins.vars",
        Danger::Introspection,
        "reaches object namespaces",
    ),
    ("builtins.dir", Danger::Introspection, "lists attributes"),
    ("builtins.type", Danger::Introspection, "creates classes"),
    (
        "builtins.memoryview",
        Danger::Introspection,
        "raw memory views",
    ),
    (
        "builtins.object.__reduce__",
        Danger::Introspection,
        "reduction protocol",
    ),
    ("io.open", Danger::FileAccess, "opens files"),
    ("io.open_code", Danger::FileAccess, "opens files"),
    ("io.FileIO", Danger::FileAccess, "opens files"),
    ("codecs.open", Danger::FileAccess, "opens files"),
    (
        "pathlib.Path.write_text",
        Danger::FileAccess,
        "writes files",
    ),
    (
        "pathlib.Path.write_bytes",
        Danger::FileAccess,
        "writes files",
    ),
    ("pathlib.Path.read_text", Danger::FileAccess, "reads files"),
    ("pathlib.Path.read_bytes", Danger::FileAccess, "reads files"),
    ("pathlib.Path.unlink", Danger::FileAccess, "deletes files"),
    (
        "operator.attrgetter",
        Danger::Introspection,
        "reaches any attribute",
    ),
    (
        "operator.methodcaller",
        Danger::CodeExecution,
        "calls any method",
    ),
    (
        "operator.getitem",
        Danger::Introspection,
        "reaches any item (e.g. __builtins__)",
    ),
    (
        "_operator.attrgetter",
        Danger::Introspection,
        "reaches any attribute",
    ),
    (
        "_operator.methodcaller",
        Danger::CodeExecution,
        "calls any method",
    ),
    (
        "numpy.load",
        Danger::CodeExecution,
        "nested loading (allow_pickle)",
    ),
    (
        "numpy.lib.npyio.load",
        Danger::CodeExecution,
        "nested loading (allow_pickle)",
    ),
    ("numpy.loads", Danger::CodeExecution, "nested unpickling"),
    (
        "numpy.core.numeric.loads",
        Danger::CodeExecution,
        "nested unpickling",
    ),
    ("numpy.fromfile", Danger::FileAccess, "reads files"),
    ("numpy.save", Danger::FileAccess, "writes files"),
    ("numpy.savetxt", Danger::FileAccess, "writes files"),
    ("numpy.tofile", Danger::FileAccess, "writes files"),
    ("torch.load", Danger::CodeExecution, "nested torch.load"),
    (
        "torch.serialization.load",
        Danger::CodeExecution,
        "nested torch.load",
    ),
    (
        "torch.serialization._load",
        Danger::CodeExecution,
        "nested torch.load",
    ),
    ("torch.save", Danger::FileAccess, "writes files"),
    ("torch.from_file", Danger::FileAccess, "reads files"),
    (
        "logging.FileHandler",
        Danger::FileAccess,
        "creates and appends to a file",
    ),
    (
        "logging.basicConfig",
        Danger::FileAccess,
        "can open a log file",
    ),
    (
        "uuid._get_command_stdout",
        Danger::CodeExecution,
        "runs a command",
    ),
    (
        "functools.partial.__call__",
        Danger::CodeExecution,
        "calls a callable",
    ),
];

/// Globals that only rebuild data. Exact `module.name` (a `*` name covers a module's direct
/// names, never dotted attribute paths).
const SAFE: &[&str] = &[
    "collections.OrderedDict",
    "collections.defaultdict",
    "collections.Counter",
    "collections.deque",
    "collections.ChainMap",
    "collections.UserDict",
    "collections.UserList",
    "collections.UserString",
    // Python 2 names pickle protocols 0-2 write for these (`fix_imports`).
    "UserDict.UserDict",
    "UserDict.IterableUserDict",
    "UserList.UserList",
    "UserString.UserString",
    "copyreg._reconstructor",
    "copy_reg._reconstructor",
    "copyreg.__newobj__",
    "copyreg.__newobj_ex__",
    "builtins.set",
    "builtins.frozenset",
    "builtins.bytearray",
    "builtins.bytes",
    "builtins.slice",
    "builtins.complex",
    "builtins.range",
    "builtins.int",
    "builtins.float",
    "builtins.bool",
    "builtins.str",
    "builtins.list",
    "builtins.dict",
    "builtins.tuple",
    "builtins.object",
    "builtins.NoneType",
    "builtins.Ellipsis",
    "builtins.NotImplemented",
    "_codecs.encode",
    "datetime.datetime",
    "datetime.date",
    "datetime.time",
    "datetime.timedelta",
    "datetime.timezone",
    "decimal.Decimal",
    "fractions.Fraction",
    "uuid.UUID",
    "argparse.Namespace",
    "torch._utils._rebuild_tensor",
    "torch._utils._rebuild_tensor_v2",
    "torch._utils._rebuild_tensor_v3",
    "torch._utils._rebuild_parameter",
    "torch._utils._rebuild_parameter_with_state",
    "torch._utils._rebuild_qtensor",
    "torch._utils._rebuild_sparse_tensor",
    "torch._utils._rebuild_sparse_csr_tensor",
    "torch._utils._rebuild_nested_tensor",
    "torch._utils._rebuild_device_tensor_from_numpy",
    "torch._utils._rebuild_meta_tensor_no_storage",
    "torch._utils._rebuild_wrapper_subclass",
    "torch._tensor._rebuild_from_type_v2",
    "torch._tensor._rebuild_from_type",
    "torch.serialization._get_layout",
    "torch.storage.UntypedStorage",
    "torch.storage.TypedStorage",
    "torch.storage._load_from_bytes",
    "torch.UntypedStorage",
    "torch.TypedStorage",
    "torch.DoubleStorage",
    "torch.FloatStorage",
    "torch.HalfStorage",
    "torch.BFloat16Storage",
    "torch.LongStorage",
    "torch.IntStorage",
    "torch.ShortStorage",
    "torch.CharStorage",
    "torch.ByteStorage",
    "torch.BoolStorage",
    "torch.ComplexFloatStorage",
    "torch.ComplexDoubleStorage",
    "torch.QUInt8Storage",
    "torch.QInt8Storage",
    "torch.QInt32Storage",
    "torch.QUInt4x2Storage",
    "torch.QUInt2x4Storage",
    "torch.Size",
    "torch.device",
    "torch.dtype",
    "torch.layout",
    "torch.memory_format",
    "torch.strided",
    "torch.sparse_coo",
    "torch.contiguous_format",
    "torch.channels_last",
    "torch.preserve_format",
    "torch.float64",
    "torch.float32",
    "torch.float16",
    "torch.bfloat16",
    "torch.int64",
    "torch.int32",
    "torch.int16",
    "torch.int8",
    "torch.uint8",
    "torch.bool",
    "torch.complex64",
    "torch.complex128",
    "torch.float8_e4m3fn",
    "torch.float8_e5m2",
    "torch.torch_version.TorchVersion",
    "torch.nn.parameter.Parameter",
    "torch.nn.parameter.UninitializedParameter",
    "torch.nn.modules.*",
    "numpy.core.multiarray._reconstruct",
    "numpy._core.multiarray._reconstruct",
    "numpy.core.multiarray.scalar",
    "numpy._core.multiarray.scalar",
    "numpy.core.numeric._frombuffer",
    "numpy._core.numeric._frombuffer",
    "numpy.ndarray",
    "numpy.dtype",
    "numpy.dtypes.*",
    "numpy.ma.core._mareconstruct",
    "numpy.random._pickle.__randomstate_ctor",
    "numpy.random._pickle.__generator_ctor",
    "numpy.random._pickle.__bit_generator_ctor",
    "numpy.random._mt19937.MT19937",
    "numpy.random.bit_generator.SeedSequence",
    "numpy.random.bit_generator.__pyx_unpickle_SeedSequence",
    "numpy.random._philox.Philox",
    "numpy.random._sfc64.SFC64",
    "numpy.random._pcg64.PCG64",
    "numpy.random.mtrand.RandomState",
    "numpy.random.mtrand._rand",
    "numpy.bool_",
    "numpy.float64",
    "numpy.float32",
    "numpy.float16",
    "numpy.int64",
    "numpy.int32",
    "numpy.int16",
    "numpy.int8",
    "numpy.uint8",
    "numpy.uint16",
    "numpy.uint32",
    "numpy.uint64",
    "numpy.complex64",
    "numpy.complex128",
    "numpy.str_",
    "numpy.bytes_",
    "torch.jit._pickle.build_intlist",
    "torch.jit._pickle.build_tensorlist",
    "torch.jit._pickle.build_doublelist",
    "torch.jit._pickle.build_boollist",
    "torch.jit._pickle.build_tensor_from_id",
    "torch.jit._pickle.restore_type_tag",
    // TorchScript classes, resolved by the TorchScript loader from the archive's code/.
    "__torch__.*",
    "joblib.numpy_pickle.NumpyArrayWrapper",
    "joblib.numpy_pickle.NDArrayWrapper",
];

/// Exact names scikit-learn and pandas write in their own pickles (generated from real pickles
/// by `tests/fixtures/make_gap_fixtures.py`, one `module.name` a line).
const SAFE_LIBRARY_LIST: &str = include_str!("safe_sklearn.txt");

fn in_library_list(full: &str) -> bool {
    SAFE_LIBRARY_LIST
        .lines()
        .any(|l| !l.starts_with('#') && l.trim() == full)
}

/// Python 2 spellings used by old pickles, mapped to the Python 3 module they load.
fn normalize_module(m: &str) -> &str {
    match m {
        "__builtin__" | "exceptions" => "builtins",
        "copy_reg" => "copyreg",
        "_operator" => "operator",
        _ => m,
    }
}

fn in_module(module: &str, prefix: &str) -> bool {
    module == prefix
        || module
            .strip_prefix(prefix)
            .is_some_and(|r| r.starts_with('.'))
}

/// Classifies `module.name` against the built-in lists and the user's extra allowlist
/// (`module.name` or `module.*`). The user list cannot make a dangerous global safe.
pub fn classify(module: &str, name: &str, user_allow: &[String]) -> Class {
    let module = normalize_module(module.trim());
    let name = name.trim();
    let full = format!("{module}.{name}");
    // Exact built-in entries are reviewed one by one, including the few that live in otherwise
    // dangerous modules (TorchScript's list builders in `torch.jit._pickle`).
    if SAFE.iter().any(|p| !p.ends_with(".*") && *p == full) || in_library_list(&full) {
        return Class::Safe;
    }
    for (m, d, why) in DANGEROUS_MODULES {
        if in_module(module, m) {
            return Class::Dangerous(*d, why);
        }
    }
    for (n, d, why) in DANGEROUS_NAMES {
        if full == *n || full.strip_prefix(n).is_some_and(|r| r.starts_with('.')) {
            return Class::Dangerous(*d, why);
        }
        // A dotted name walks attributes: `operator.attrgetter` reached as `X.attrgetter`.
        if let Some((nm, nn)) = n.rsplit_once('.')
            && normalize_module(nm) == module
            && name.split('.').next() == Some(nn)
        {
            return Class::Dangerous(*d, why);
        }
    }
    // A dotted name resolves attributes one by one (protocol 4): from any class it reaches
    // `__globals__`, `__builtins__`, `__subclasses__`...
    if name.contains('.') && name.split('.').skip(1).any(|seg| seg.starts_with("__")) {
        return Class::Dangerous(
            Danger::Introspection,
            "dotted name walks into dunder attributes",
        );
    }
    if name.starts_with("__")
        && name.ends_with("__")
        && name != "__newobj__"
        && name != "__newobj_ex__"
    {
        return Class::Dangerous(Danger::Introspection, "dunder attribute of a module");
    }
    if module.is_empty() || name.is_empty() {
        return Class::Unreviewed;
    }
    let matches = |pat: &str| -> bool {
        let pat = pat.trim();
        if let Some(m) = pat.strip_suffix(".*") {
            in_module(module, m) && !name.contains('.')
        } else {
            pat == full
        }
    };
    if SAFE.iter().any(|p| matches(p)) || user_allow.iter().any(|p| matches(p)) {
        return Class::Safe;
    }
    Class::Unreviewed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_examples() {
        for (m, n) in [
            ("posix", "system"),
            ("nt", "system"),
            ("os", "popen"),
            ("subprocess", "Popen"),
            ("__builtin__", "eval"),
            ("builtins", "exec"),
            ("builtins", "getattr"),
            ("builtins", "__import__"),
            ("runpy", "_run_code"),
            ("importlib", "import_module"),
            ("marshal", "loads"),
            ("types", "CodeType"),
            ("socket", "create_connection"),
            ("ctypes", "CDLL"),
            ("webbrowser", "open"),
            ("pydoc", "pipepager"),
            ("timeit", "timeit"),
            ("cProfile", "run"),
            ("shutil", "rmtree"),
            ("asyncio.subprocess", "create_subprocess_shell"),
            ("operator", "attrgetter"),
            ("_operator", "methodcaller"),
            ("pickle", "loads"),
            ("torch.hub", "load"),
            ("torch", "load"),
            ("numpy.f2py", "compile"),
            ("numpy.testing._private.utils", "runstring"),
            ("collections", "OrderedDict.__init__.__globals__"),
            ("urllib.request", "urlopen"),
            ("sys", "modules"),
        ] {
            assert!(
                matches!(classify(m, n, &[]), Class::Dangerous(..)),
                "{m}.{n}"
            );
        }
    }

    #[test]
    fn safe_and_unreviewed() {
        assert_eq!(classify("collections", "OrderedDict", &[]), Class::Safe);
        assert_eq!(
            classify("torch._utils", "_rebuild_tensor_v2", &[]),
            Class::Safe
        );
        assert_eq!(
            classify("torch.nn.modules.linear", "Linear", &[]),
            Class::Safe
        );
        assert_eq!(
            classify("numpy._core.multiarray", "_reconstruct", &[]),
            Class::Safe
        );
        // Exact estimator names from the generated list; anything else in sklearn is not.
        assert_eq!(
            classify("sklearn.linear_model._base", "LinearRegression", &[]),
            Class::Safe
        );
        assert_eq!(
            classify("sklearn.utils._testing", "assert_run_python_script", &[]),
            Class::Unreviewed
        );
        let user = vec!["sklearn.*".to_string()];
        assert_eq!(
            classify("sklearn.utils._testing", "assert_run_python_script", &user),
            Class::Safe
        );
        assert_eq!(
            classify("sklearn.tree", "X.__class__", &user),
            Class::Dangerous(
                Danger::Introspection,
                "dotted name walks into dunder attributes"
            )
        );
        let user = vec!["os.*".to_string()];
        assert!(matches!(
            classify("os", "system", &user),
            Class::Dangerous(..)
        ));
        assert_eq!(classify("builtins", "print", &[]), Class::Unreviewed);
        assert_eq!(
            classify("torch.jit._pickle", "build_intlist", &[]),
            Class::Safe
        );
        assert!(matches!(
            classify("torch.jit", "load", &[]),
            Class::Dangerous(..)
        ));
        assert_eq!(
            classify("__torch__.torch.nn.modules.linear", "Linear", &[]),
            Class::Safe
        );
    }
}
