//! The facade: compile and run Python source, get results or structured errors. Used by
//! the `pyrite` binary and by embedders (see `examples/embed.rs`).
//!
//! ```no_run
//! let mut interp = pyrite::Interpreter::new(vec!["demo".into()]);
//! let out = interp.eval("6 * 7").unwrap();
//! assert_eq!(out, "42");
//! ```

use crate::bytecode::{CodeObject, Constant};
use crate::diagnostics::SyntaxError;
use crate::gil::{self, GilGuard};
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::CodeData;
use crate::object::module::{module_dict, new_module};
use crate::object::singletons::*;
use crate::object::str::{intern, new_str, str_of};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::Vm;

/// A Python error surfaced to Rust: what the traceback printer would show.
#[derive(Debug, Clone, PartialEq)]
pub struct RunError {
    /// The exception's type name (`"ZeroDivisionError"`, `"SyntaxError"`…).
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// The full report as CPython prints it for an uncaught exception.
    pub traceback: String,
    /// The process exit status this error calls for (1, or `SystemExit`'s code).
    pub exit_code: i32,
    /// True for `SystemExit`: nothing should be printed unless `traceback` is non-empty.
    pub is_system_exit: bool,
}

pub struct Interpreter {
    vm: Vm,
    main: PyRef,
    /// `-O` level for code compiled by `run_main`.
    optimize: u8,
    /// What `-W` options say about SyntaxWarnings.
    syntax_warnings: crate::cli::WarningAction,
    _gil: GilGuard,
}

/// The command-line flags `sys.flags` reports (python3's letters; `optimize` is
/// [`Config::optimize`]). Pyrite's string hashes are not randomised, so
/// `hash_randomization` is always 0.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SysFlags {
    /// `-d`, `-i` (inspect and interactive), `-B`, `-s`, `-S`, `-E`, `-v`, `-b`, `-q`
    /// and `-I`: counts, as CPython keeps them.
    pub debug: u8,
    pub inspect: u8,
    pub interactive: u8,
    pub dont_write_bytecode: u8,
    pub no_user_site: u8,
    pub no_site: u8,
    pub ignore_environment: u8,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: u8,
    pub isolated: u8,
    /// `-X dev`, `-X utf8`, `-P` (or `-I`).
    pub dev_mode: bool,
    pub utf8_mode: u8,
    pub safe_path: bool,
}

impl SysFlags {
    /// The field names of `sys.flags`, in CPython 3.11's order.
    pub const FIELDS: &'static [&'static str] = &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];

    /// The items of `sys.flags` (one per [`SysFlags::FIELDS`] entry).
    fn items(&self, optimize: u8) -> Vec<PyRef> {
        let int = |v: u8| crate::object::int::new_int(i64::from(v));
        vec![
            int(self.debug),
            int(self.inspect),
            int(self.interactive),
            int(optimize),
            int(self.dont_write_bytecode),
            int(self.no_user_site),
            int(self.no_site),
            int(self.ignore_environment),
            int(self.verbose),
            int(self.bytes_warning),
            int(self.quiet),
            int(0),
            int(self.isolated),
            py_bool(self.dev_mode),
            int(self.utf8_mode),
            int(0),
            py_bool(self.safe_path),
            crate::object::int::new_int(-1),
        ]
    }
}

/// How an interpreter is set up (the `pyrite` binary fills it from its command line).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv` (lone surrogates stand for undecodable bytes, as in CPython).
    pub argv: Vec<crate::text::TextBuf>,
    /// `-O` count: `__debug__`, asserts and docstrings (`sys.flags.optimize`).
    pub optimize: u8,
    /// `-W` options (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-X` options (`sys._xoptions`).
    pub xoptions: Vec<String>,
    /// The other flags `sys.flags` reports.
    pub flags: SysFlags,
}

/// Turn the compiler's plain code object into a code object on the heap.
pub fn load_code(mut code: CodeObject) -> PyRef {
    // The constants move into objects (nested code objects by value: copying them
    // would copy every code object nested below, quadratic in the nesting depth).
    let consts = std::mem::take(&mut code.consts)
        .into_iter()
        .map(load_constant)
        .collect();
    let names = code.names.iter().map(|n| intern(n)).collect();
    let localsplus_names = code.localsplus_names.iter().map(|n| intern(n)).collect();
    let total_args = code.total_args();
    let cell_args = (0..total_args)
        .filter(|&i| code.localsplus_kinds[i] & crate::bytecode::kinds::CELL != 0)
        .collect();
    alloc(
        &CODE_TYPE,
        CodeData {
            code,
            consts,
            names,
            localsplus_names,
            cell_args,
        },
    )
}

fn load_constant(c: Constant) -> PyRef {
    match c {
        Constant::None => none(),
        Constant::Bool(b) => py_bool(b),
        Constant::Int(i) => crate::object::int::new_bigint(i),
        Constant::Float(f) => crate::object::float::new_float(f),
        Constant::Str(s) => match s.to_str() {
            Ok(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                intern(s)
            }
            Ok(s) => new_str(s),
            Err(_) => crate::object::str::new_text(&s),
        },
        Constant::Ellipsis => ellipsis(),
        Constant::Tuple(items) => new_tuple(items.into_iter().map(load_constant).collect()),
        Constant::FrozenSet(items) => crate::object::set::new_constant_frozenset(
            items.into_iter().map(load_constant).collect(),
        ),
        Constant::Code(code) => load_code(*code),
    }
}

impl Interpreter {
    /// A new interpreter whose `sys.argv` is `argv`. Holds the GIL until dropped.
    pub fn new(argv: Vec<String>) -> Interpreter {
        Interpreter::with_config(Config {
            argv: argv.into_iter().map(Into::into).collect(),
            ..Config::default()
        })
    }

    /// A new interpreter set up as `config` says. Holds the GIL until dropped.
    pub fn with_config(config: Config) -> Interpreter {
        let argv = &config.argv;
        let g = gil::acquire();
        crate::runtime::init();
        let builtins = crate::runtime::new_builtins_dict();
        let modules = new_dict();
        let mut vm = Vm::new(builtins.clone(), modules.clone());
        let sys = crate::builtins::modules::make_sys(&vm, argv);
        if let Some(d) = module_dict(&sys)
            && let Some(d) = as_dict(&d)
        {
            let warnoptions = config.warnoptions.iter().map(|w| new_str(w)).collect();
            d.set_item_str("warnoptions", crate::object::list::new_list(warnoptions));
            let xoptions = new_dict();
            if let Some(x) = as_dict(&xoptions) {
                for (k, v) in crate::cli::xoption_pairs(&config.xoptions) {
                    x.set_item_str(&k, v.map_or_else(|| py_bool(true), |v| new_str(&v)));
                }
            }
            d.set_item_str("_xoptions", xoptions);
            let flags = config.flags.items(config.optimize);
            d.set_item_str(
                "flags",
                crate::builtins::structseq::new_structseq(&crate::object::FLAGS_TYPE, flags),
            );
        }
        let main = new_module("__main__");
        if let (Some(md), Some(main_d)) = (as_dict(&modules), module_dict(&main)) {
            md.set_item_str("sys", sys);
            md.set_item_str("__main__", main.clone());
            if let Some(d) = as_dict(&main_d) {
                d.set_item_str("__builtins__", builtins.clone());
            }
        }
        let b = crate::object::module::new_module("builtins");
        if let (Some(md), Some(bd)) = (as_dict(&modules), module_dict(&b)) {
            if let (Some(src), Some(dst)) = (as_dict(&builtins), as_dict(&bd)) {
                for (k, v) in src.items() {
                    dst.set_str(k, v);
                }
            }
            md.set_item_str("builtins", b);
        }
        vm.recursion_limit = 1000;
        let _ = crate::format::set_max_str_digits(crate::format::DEFAULT_MAX_STR_DIGITS as i64);
        let (syntax_warnings, invalid) = crate::cli::syntax_warning_action(&config.warnoptions);
        for complaint in invalid {
            crate::builtins::io::write_stderr(&format!("Invalid -W option ignored: {complaint}\n"));
        }
        Interpreter {
            vm,
            main,
            optimize: config.optimize,
            syntax_warnings,
            _gil: g,
        }
    }

    /// Compile source text to a plain code object (no interpreter needed).
    pub fn compile_plain(source: &str, filename: &str) -> Result<CodeObject, SyntaxError> {
        let module = crate::syntax::parse(source, filename)?;
        crate::compiler::compile(&module, source, filename, crate::compiler::Mode::Exec)
    }

    /// Compile source text into a heap code object.
    pub fn compile(source: &str, filename: &str) -> Result<PyRef, SyntaxError> {
        Ok(load_code(Self::compile_plain(source, filename)?))
    }

    /// Run a whole program in `__main__` (as `python3 FILE` does).
    pub fn run_main(&mut self, source: &str, filename: &str) -> Result<(), RunError> {
        if let Some(d) = module_dict(&self.main)
            && let Some(dd) = as_dict(&d)
        {
            dd.set_item_str("__file__", new_str(filename));
        }
        let parsed = crate::syntax::parse(source, filename).and_then(|m| {
            crate::compiler::compile_with_warnings(
                &m,
                source,
                filename,
                crate::compiler::Mode::Exec,
                self.optimize,
            )
        });
        let code = match parsed {
            Ok((code, warnings)) => {
                match self.syntax_warnings {
                    crate::cli::WarningAction::Show => {
                        report_syntax_warnings(source, filename, &warnings)
                    }
                    crate::cli::WarningAction::Ignore => {}
                    crate::cli::WarningAction::Error => {
                        if let Some((line, message)) = warnings.first() {
                            return Err(syntax_run_error(&warning_as_error(
                                source, filename, *line, message,
                            )));
                        }
                    }
                }
                load_code(code)
            }
            Err(e) => return Err(syntax_run_error(&e)),
        };
        let globals = module_dict(&self.main).expect("main dict");
        let _running = crate::vm::fatal::FrameStackGuard::new(&self.vm.frames);
        let frame = self.vm.new_module_frame(code, globals, None);
        let r = self.vm.run_frame(frame);
        self.vm.run_finalizers();
        let r = r.map(|_| ()).map_err(|e| self.describe(e));
        if r.is_ok() {
            // On an error the caller prints the traceback first, and stdout is flushed
            // at shutdown, in CPython's order. A failed flush keeps the text for the
            // exit-time flush, which reports it.
            let _ = crate::builtins::io::flush_stdout_keeping_on_error();
        }
        r
    }

    /// Evaluate one expression in `__main__` and return its `repr`.
    pub fn eval(&mut self, expr: &str) -> Result<String, RunError> {
        let source = format!("__pyrite_result__ = ({expr})\n");
        self.run_main(&source, "<string>")?;
        let d = module_dict(&self.main).expect("main dict");
        let v = as_dict(&d)
            .and_then(|d| d.get_item_str("__pyrite_result__"))
            .unwrap_or_else(none);
        let r = self.vm.repr(&v).map_err(|e| self.describe(e))?;
        Ok(str_of(&r).to_string())
    }

    /// Describe an exception for Rust callers (and print SystemExit messages CPython's way).
    fn describe(&mut self, err: PyErr) -> RunError {
        let exc = err.0;
        let type_name = exc.ty().name().to_string();
        let message = self.vm.str_string(&exc).unwrap_or_default();
        if exc.ty().is_subtype(&SYSTEM_EXIT) {
            let code = self.vm.getattr_str(&exc, "code").unwrap_or_else(|_| none());
            let (exit_code, text) = if is_none(&code) {
                (0, String::new())
            } else if let Some(v) = crate::object::int::int_value(&code) {
                // CPython reads the code as a C long: one that does not fit gives -1.
                let code = match v {
                    crate::object::int::IntValue::Small(v) => *v as i32,
                    crate::object::int::IntValue::Big(_) => -1,
                };
                (code, String::new())
            } else {
                (
                    1,
                    format!("{}\n", self.vm.str_string(&code).unwrap_or_default()),
                )
            };
            return RunError {
                type_name,
                message,
                traceback: text,
                exit_code,
                is_system_exit: true,
            };
        }
        // With `sys.stderr = None` CPython has nowhere to print the traceback.
        let stderr_gone =
            crate::builtins::modules::sys_attr(&mut self.vm, "stderr").is_none_or(|s| is_none(&s));
        let traceback = if stderr_gone {
            String::new()
        } else {
            crate::vm::traceback::format_exception(&mut self.vm, &exc)
        };
        // CPython re-raises SIGINT after an uncaught KeyboardInterrupt: status 130.
        let exit_code = if exc.ty().is_subtype(&KEYBOARD_INTERRUPT) {
            130
        } else {
            1
        };
        RunError {
            type_name,
            message,
            traceback,
            exit_code,
            is_system_exit: false,
        }
    }

    /// Release `__main__`'s namespace and everything the runtime holds; returns the
    /// number of object blocks still allocated afterwards.
    pub fn shutdown(mut self) -> u64 {
        let running = crate::vm::fatal::FrameStackGuard::new(&self.vm.frames);
        if let Some(globals) = module_dict(&self.main) {
            self.vm.finalize_survivors(&globals);
        }
        self.vm.tearing_down = true;
        if let Some(d) = module_dict(&self.main)
            && let Some(dd) = as_dict(&d)
        {
            dd.clear();
        }
        self.vm.run_finalizers();
        if let Some(md) = as_dict(&self.vm.modules) {
            for m in md.values() {
                if let Some(d) = module_dict(&m)
                    && let Some(dd) = as_dict(&d)
                {
                    dd.clear();
                }
            }
            md.clear();
        }
        self.vm.run_finalizers();
        self.vm.handled_exc = None;
        // The program's buffered output and what finalizers printed during teardown
        // (CPython's flush_std_files: a failure is reported, exit status 120).
        crate::builtins::io::flush_stdout_at_exit(&mut self.vm);
        crate::object::method_cache::invalidate();
        // Break the remaining cycles (functions ↔ globals, classes ↔ MRO…), running the
        // finalizers of what that frees, until nothing more goes away.
        let mut before = usize::MAX;
        loop {
            let n = crate::object::tracking::clear_all();
            self.vm.run_finalizers();
            if n == 0 || n >= before {
                break;
            }
            before = n;
        }
        crate::builtins::io::flush_stdout_at_exit(&mut self.vm);
        drop(running);
        let Interpreter { vm, main, _gil, .. } = self;
        drop(main);
        drop(vm);
        crate::runtime::finalize();
        crate::object::tracking::clear_all();
        crate::object::finalize::discard_pending();
        if std::env::var_os("PYRITE_DEBUG_LEAKS").is_some() {
            for o in crate::object::tracking::all_objects() {
                eprintln!("pyrite: still alive: {:?} refcount {}", o, o.refcount() - 1);
            }
        }
        crate::object::heap_stats().blocks_in_use
    }
}

/// Print compile-time SyntaxWarnings the way the warnings module shows them:
/// `file:line: SyntaxWarning: message`, then the source line when the file has one.
fn report_syntax_warnings(source: &str, filename: &str, warnings: &[(u32, String)]) {
    for (line, message) in warnings {
        let mut text = format!("{filename}:{line}: SyntaxWarning: {message}\n");
        if !filename.starts_with('<')
            && let Some(src) = source.lines().nth((*line as usize).saturating_sub(1))
        {
            text.push_str(&format!("  {}\n", src.trim()));
        }
        crate::builtins::io::write_stderr(&text);
    }
}

/// A SyntaxWarning turned into an error by `-W error`: CPython reports its line
/// without a caret (and no source text for `<string>`).
fn warning_as_error(source: &str, filename: &str, line: u32, message: &str) -> SyntaxError {
    SyntaxError {
        kind: crate::diagnostics::SyntaxErrorKind::SyntaxError,
        message: message.to_string(),
        filename: filename.to_string(),
        lineno: line,
        offset: 0,
        end_lineno: line,
        end_offset: 0,
        text: if filename.starts_with('<') {
            String::new()
        } else {
            source
                .lines()
                .nth((line as usize).saturating_sub(1))
                .unwrap_or("")
                .to_string()
        },
    }
}

/// A compile-time error as a `RunError` (printed without a traceback header).
pub fn syntax_run_error(e: &SyntaxError) -> RunError {
    RunError {
        type_name: e.kind.name().to_string(),
        message: e.message.clone(),
        traceback: format!("{e}\n"),
        exit_code: 1,
        is_system_exit: false,
    }
}
