//! Builtin modules (`sys`, `time`; `math` lives in `math.rs`) and `import`.
//!
//! `sys.modules` is the registry; importing a builtin module creates it on first use.
//! Importing `.py` files comes with a later issue: a name that matches a file beside the
//! program raises `NotImplementedError` saying so, anything else `ModuleNotFoundError`.

use super::structseq::new_structseq;
use super::types::{check_args, new_builtin_function};
use crate::object::dict::as_dict;
use crate::object::exception::new_exception;
use crate::object::int::{IntValue, int_value, new_int};
use crate::object::list::new_list;
use crate::object::module::{module_dict, new_module};
use crate::object::singletons::*;
use crate::object::str::{as_str, new_str, str_of};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};

/// The `__name__` of a module object.
pub fn module_name(m: &PyRef) -> String {
    module_dict(m)
        .and_then(|d| as_dict(&d).and_then(|d| d.get_item_str("__name__")))
        .and_then(|n| as_str(&n).map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// An attribute of the `sys` module, if it is loaded.
pub fn sys_attr(vm: &mut Vm, name: &str) -> Option<PyRef> {
    let sys = as_dict(&vm.modules)?.get_item_str("sys")?;
    as_dict(&module_dict(&sys)?)?.get_item_str(name)
}

/// Whether `s` is the original `sys.stdout` stream (so print can write directly).
pub fn is_default_stdout(s: &PyRef) -> bool {
    s.downcast::<super::io::StreamData>()
        .is_some_and(|d| d.fd == 1)
}

impl Vm {
    /// `import name` (dotted names resolve their first component).
    pub fn import_module(&mut self, name: &str) -> PyResult {
        let modules = self.modules.clone();
        let md = as_dict(&modules).expect("sys.modules");
        if let Some(m) = md.get_item_str(name) {
            return Ok(m);
        }
        let m = match name {
            "math" => super::math::make_module(self),
            "time" => make_time(),
            "_pyrite" => make_pyrite_internals(),
            "sys" => return Err(PyErr::runtime_error("sys module missing")),
            _ => {
                let base = self
                    .frames
                    .first()
                    .and_then(|f| f.code.downcast::<crate::object::function::CodeData>())
                    .map(|c| c.code.filename.clone())
                    .unwrap_or_default();
                let dir = std::path::Path::new(&base)
                    .parent()
                    .map(|p| p.to_path_buf())
                    .unwrap_or_default();
                if dir.join(format!("{name}.py")).exists() {
                    return Err(PyErr::not_implemented(format!(
                        "importing Python source modules is not supported yet ('{name}')"
                    )));
                }
                let e = new_exception(
                    &MODULE_NOT_FOUND_ERROR,
                    new_tuple(vec![new_str(&format!("No module named '{name}'"))]),
                );
                return Err(PyErr(e));
            }
        };
        md.set_item_str(name, m.clone());
        Ok(m)
    }
}

fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("exit", &args, 0, 1)?;
    let e = new_exception(&SYSTEM_EXIT, new_tuple(a.to_vec()));
    Err(PyErr(e))
}

fn sys_getrefcount(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("sys.getrefcount", &args, 1, 1)?;
    Ok(new_int(a[0].refcount() as i64))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    check_args("sys.getrecursionlimit", &args, 0, 0)?;
    Ok(new_int(vm.recursion_limit as i64))
}

/// A C `int` argument (CPython's `i` converter): an int in range, else its errors.
fn c_int_arg(x: &PyRef) -> PyResult<i64> {
    match int_value(x) {
        Some(IntValue::Small(v)) if i32::try_from(*v).is_ok() => Ok(*v),
        Some(_) => Err(PyErr::overflow("Python int too large to convert to C int")),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            x.ty().name()
        ))),
    }
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("sys.setrecursionlimit", &args, 1, 1)?;
    let n = c_int_arg(&a[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frames.len();
    if (n as usize) <= depth {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.recursion_limit = n as usize;
    Ok(none())
}

fn sys_debugmallocstats(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("sys._debugmallocstats", &args, 0, 0)?;
    let report = crate::object::heap_report();
    super::io::write_stderr(&report);
    Ok(none())
}

fn sys_intern(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("sys.intern", &args, 1, 1)?;
    match crate::object::str::is_str(&a[0]) {
        true => Ok(crate::object::str::intern_str(&a[0])),
        false => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            a[0].ty().name()
        ))),
    }
}

fn sys_exc_info(vm: &mut Vm, args: Args) -> PyResult {
    check_args("sys.exc_info", &args, 0, 0)?;
    Ok(match vm.handled_exc.clone() {
        Some(e) => {
            let tb = crate::object::exception::as_exception(&e)
                .and_then(|d| d.traceback.borrow().clone())
                .unwrap_or_else(none);
            new_tuple(vec![e.type_ref(), e, tb])
        }
        None => new_tuple(vec![none(), none(), none()]),
    })
}

fn sys_getsizeof(_vm: &mut Vm, args: Args) -> PyResult {
    let a = one_required_arg("getsizeof", "object", &args, 2)?;
    Ok(new_int(crate::object::object_size(&a[0]) as i64))
}

/// Arguments of a builtin whose first parameter, `name`, is required (positional or
/// keyword) and which takes at most `max` positionally; Argument Clinic's messages.
fn one_required_arg<'a>(
    fname: &str,
    name: &str,
    args: &Args<'a>,
    max: usize,
) -> PyResult<Vec<PyRef>> {
    super::types::check_keywords(fname, args, &[name])?;
    let pos = args.positional();
    if pos.len() > max {
        let plural = if max == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {max} argument{plural} ({} given)",
            pos.len()
        )));
    }
    let mut out = pos.to_vec();
    if let Some(v) = super::types::keyword(args, name) {
        if !out.is_empty() {
            return Err(PyErr::type_error(format!(
                "argument for {fname}() given by name ('{name}') and position (1)"
            )));
        }
        out.insert(0, v.clone());
    }
    if out.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() missing required argument '{name}' (pos 1)"
        )));
    }
    Ok(out)
}

fn sys_get_int_max_str_digits(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("sys.get_int_max_str_digits", &args, 0, 0)?;
    Ok(new_int(crate::format::max_str_digits() as i64))
}

fn sys_set_int_max_str_digits(_vm: &mut Vm, args: Args) -> PyResult {
    let a = one_required_arg("set_int_max_str_digits", "maxdigits", &args, 1)?;
    let n = c_int_arg(&a[0])?;
    crate::format::set_max_str_digits(n).map_err(crate::builtins::types::format_error)?;
    Ok(none())
}

/// Build the `sys` module for a program with `argv`.
pub fn make_sys(vm: &Vm, argv: &[crate::text::TextBuf]) -> PyRef {
    let m = new_module("sys");
    let d = module_dict(&m).expect("module dict");
    let d = as_dict(&d).expect("dict");
    let fns: &[(&'static str, crate::object::function::NativeFn)] = &[
        ("exit", sys_exit),
        ("getrefcount", sys_getrefcount),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("_debugmallocstats", sys_debugmallocstats),
        ("intern", sys_intern),
        ("exc_info", sys_exc_info),
        ("getsizeof", sys_getsizeof),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
    ];
    for (name, f) in fns {
        d.set_item_str(name, new_builtin_function(name, *f, Some("sys")));
    }
    d.set_item_str(
        "argv",
        new_list(
            argv.iter()
                .map(|a| crate::object::str::new_text(a))
                .collect(),
        ),
    );
    d.set_item_str("stdout", super::io::new_stream(1));
    d.set_item_str("stderr", super::io::new_stream(2));
    d.set_item_str("__stdout__", super::io::new_stream(1));
    d.set_item_str("__stderr__", super::io::new_stream(2));
    d.set_item_str("maxsize", new_int(i64::MAX));
    d.set_item_str(
        "version_info",
        new_structseq(
            &VERSION_INFO_TYPE,
            vec![
                new_int(3),
                new_int(11),
                new_int(7),
                new_str("final"),
                new_int(0),
            ],
        ),
    );
    let float = crate::object::float::new_float;
    d.set_item_str(
        "float_info",
        new_structseq(
            &FLOAT_INFO_TYPE,
            vec![
                float(f64::MAX),
                new_int(f64::MAX_EXP as i64),
                new_int(f64::MAX_10_EXP as i64),
                float(f64::MIN_POSITIVE),
                new_int(f64::MIN_EXP as i64),
                new_int(f64::MIN_10_EXP as i64),
                new_int(f64::DIGITS as i64),
                new_int(f64::MANTISSA_DIGITS as i64),
                float(f64::EPSILON),
                new_int(f64::RADIX as i64),
                new_int(1),
            ],
        ),
    );
    d.set_item_str(
        "int_info",
        new_structseq(
            &INT_INFO_TYPE,
            vec![
                new_int(30),
                new_int(4),
                new_int(crate::format::DEFAULT_MAX_STR_DIGITS as i64),
                new_int(640),
            ],
        ),
    );
    d.set_item_str(
        "hash_info",
        new_structseq(
            &HASH_INFO_TYPE,
            vec![
                new_int(64),
                new_int(crate::format::HASH_MODULUS as i64),
                new_int(crate::format::HASH_INF),
                new_int(0),
                new_int(crate::format::HASH_IMAG as i64),
                new_str("siphash13"),
                new_int(64),
                new_int(128),
                new_int(0),
            ],
        ),
    );
    d.set_item_str("maxunicode", new_int(0x10FFFF));
    d.set_item_str(
        "version",
        new_str(&format!("3.11.7 (Pyrite {})", env!("CARGO_PKG_VERSION"))),
    );
    d.set_item_str("platform", new_str(std::env::consts::OS));
    d.set_item_str(
        "byteorder",
        new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    d.set_item_str("path", new_list(Vec::new()));
    d.set_item_str("modules", vm.modules.clone());
    d.set_item_str(
        "executable",
        new_str(
            &std::env::current_exe()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ),
    );
    m
}

fn seconds_since_epoch() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

fn monotonic_secs() -> f64 {
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

fn process_secs() -> f64 {
    // CPU time of the process (user + system) from /proc/self/stat; falls back to the
    // monotonic clock where that file does not exist.
    if let Ok(stat) = std::fs::read_to_string("/proc/self/stat")
        && let Some(rest) = stat.rsplit(')').next()
    {
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if let (Some(u), Some(s)) = (fields.get(11), fields.get(12))
            && let (Ok(u), Ok(s)) = (u.parse::<f64>(), s.parse::<f64>())
        {
            return (u + s) / 100.0;
        }
    }
    monotonic_secs()
}

fn t_time(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.time", &args, 0, 0)?;
    Ok(crate::object::float::new_float(seconds_since_epoch()))
}

fn t_monotonic(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.monotonic", &args, 0, 0)?;
    Ok(crate::object::float::new_float(monotonic_secs()))
}

fn t_perf_counter(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.perf_counter", &args, 0, 0)?;
    Ok(crate::object::float::new_float(monotonic_secs()))
}

fn t_process_time(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.process_time", &args, 0, 0)?;
    Ok(crate::object::float::new_float(process_secs()))
}

fn t_time_ns(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.time_ns", &args, 0, 0)?;
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    Ok(crate::object::int::new_bigint(num_bigint::BigInt::from(ns)))
}

fn t_perf_counter_ns(_vm: &mut Vm, args: Args) -> PyResult {
    check_args("time.perf_counter_ns", &args, 0, 0)?;
    let ns = START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos();
    Ok(crate::object::int::new_bigint(num_bigint::BigInt::from(ns)))
}

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("time.sleep", &args, 1, 1)?;
    let secs = match (int_value(&a[0]), crate::object::float::float_value(&a[0])) {
        (Some(IntValue::Small(v)), _) => *v as f64,
        (_, Some(f)) => f,
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                a[0].ty().name()
            )));
        }
    };
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    let Ok(total) = std::time::Duration::try_from_secs_f64(secs) else {
        return Err(PyErr::overflow(
            "timestamp out of range for platform time_t",
        ));
    };
    let _ = vm;
    let _ = super::io::flush_stdout();
    // Sleep in slices so Ctrl-C ends the sleep at once: the eval loop then raises
    // KeyboardInterrupt at this call, as CPython's interrupted sleep does.
    let deadline = std::time::Instant::now() + total;
    loop {
        let now = std::time::Instant::now();
        if now >= deadline || crate::eval_breaker::is_set(crate::eval_breaker::SIGINT) {
            return Ok(none());
        }
        std::thread::sleep((deadline - now).min(std::time::Duration::from_millis(20)));
    }
}

fn make_time() -> PyRef {
    let m = new_module("time");
    let d = module_dict(&m).expect("module dict");
    let d = as_dict(&d).expect("dict");
    let fns: &[(&'static str, crate::object::function::NativeFn)] = &[
        ("time", t_time),
        ("monotonic", t_monotonic),
        ("perf_counter", t_perf_counter),
        ("process_time", t_process_time),
        ("time_ns", t_time_ns),
        ("perf_counter_ns", t_perf_counter_ns),
        ("monotonic_ns", t_perf_counter_ns),
        ("sleep", t_sleep),
    ];
    for (name, f) in fns {
        d.set_item_str(name, new_builtin_function(name, *f, Some("time")));
    }
    m
}

/// `_pyrite`: the interpreter's own test hooks (CPython keeps its in `_testcapi`).
/// `fatal_error(message)` makes the interpreter fail as it does on an internal bug,
/// so the fatal-error report can be tested.
fn make_pyrite_internals() -> PyRef {
    let m = new_module("_pyrite");
    let d = module_dict(&m).expect("module dict");
    let d = as_dict(&d).expect("dict");
    d.set_item_str(
        "fatal_error",
        new_builtin_function("fatal_error", p_fatal_error, Some("_pyrite")),
    );
    m
}

fn p_fatal_error(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("fatal_error", &args, 1, 1)?;
    let Some(message) = as_str(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "fatal_error() argument must be str, not {}",
            a[0].ty().name()
        )));
    };
    panic!("{message}");
}

/// Text of a module name for messages.
pub fn name_of(x: &PyRef) -> std::borrow::Cow<'_, str> {
    str_of(x)
}
