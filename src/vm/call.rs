//! Calling: the generic `call`, Python-function frames with CPython's argument binding
//! (and its error messages), and nested eval loops for native→Python calls.

use super::{Args, Frame, Vm};
use crate::bytecode::flags;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::{BoundMethodData, CodeData, FunctionData};
use crate::object::str::{as_str, str_eq, str_of};
use crate::object::tuple::{new_tuple, tuple_items};
use crate::object::{PyErr, PyRef, PyResult};

impl Vm {
    /// Call any callable object.
    pub fn call(&mut self, callable: &PyRef, args: Args) -> PyResult {
        if callable.downcast::<FunctionData>().is_some() {
            let frame = self.new_frame(callable, args)?;
            return self.run_frame(frame);
        }
        if let Some(m) = callable.downcast::<BoundMethodData>() {
            let mut full = Vec::with_capacity(args.args.len() + 1);
            full.push(m.self_obj.clone());
            full.extend_from_slice(args.args);
            let func = m.func.clone();
            return self.call(&func, Args::with_kwnames(&full, args.kwnames));
        }
        match callable.ty().slots.call.get() {
            Some(slot) => slot(self, callable, args),
            None => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                callable.ty().name()
            ))),
        }
    }

    /// Call with positional arguments only.
    pub fn call_args(&mut self, callable: &PyRef, args: &[PyRef]) -> PyResult {
        self.call(callable, Args::new(args))
    }

    /// Run `frame` to completion in a nested eval loop (a native caller waits for it).
    pub fn run_frame(&mut self, mut frame: Frame) -> PyResult {
        if self.native_depth >= self.native_depth_limit {
            self.recycle(frame);
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        frame.is_entry = true;
        if self.depth() >= self.recursion_limit {
            self.recycle(frame);
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.push_frame(frame)?;
        self.native_depth += 1;
        let r = self.eval_loop();
        self.native_depth -= 1;
        r
    }

    /// The recursion depth the limit applies to: Python frames plus nested rich
    /// comparisons, `repr()`s and builtin-function calls. CPython counts all of these on
    /// one counter, each level checking before it enters, so which check trips first
    /// (and so the RecursionError's wording) matches.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        self.frames.len() + self.compare_depth + self.repr_depth + self.native_call_depth
    }

    /// CPython's `Py_EnterRecursiveCall(where)`: one more level of native recursion
    /// (isinstance over nested tuples…), counted with the Python frames against the
    /// recursion limit, and capped at [`NATIVE_RECURSION_CAP`] whatever the limit is, so
    /// the native stack cannot overflow. Pair with [`Vm::leave_recursive_call`].
    pub fn enter_recursive_call(&mut self, where_: &str) -> PyResult<()> {
        if self.depth() >= self.recursion_limit
            || self.native_call_depth >= self.native_recursion_cap
        {
            return Err(PyErr::recursion_error(format!(
                "maximum recursion depth exceeded{where_}"
            )));
        }
        self.native_call_depth += 1;
        Ok(())
    }

    pub fn leave_recursive_call(&mut self) {
        self.native_call_depth -= 1;
    }

    /// A level of native recursion that CPython does not count (hashing nested
    /// tuples): only the hard cap applies, so depths CPython handles work the same and
    /// deeper ones raise RecursionError where CPython overflows its stack.
    pub fn enter_uncounted_recursion(&mut self) -> PyResult<()> {
        if self.uncounted_depth >= self.native_recursion_cap {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.uncounted_depth += 1;
        Ok(())
    }

    pub fn leave_uncounted_recursion(&mut self) {
        self.uncounted_depth -= 1;
    }

    /// Push a frame, enforcing the recursion limit.
    pub fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.depth() >= self.recursion_limit {
            self.recycle(frame);
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        // With the limit raised far enough, memory runs out first: MemoryError.
        if self.frames.try_reserve(1).is_err() {
            self.recycle(frame);
            return Err(PyErr::bare(&crate::object::MEMORY_ERROR));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Give a finished frame's vectors back for reuse.
    pub(crate) fn recycle(&mut self, frame: Frame) {
        let Frame {
            mut fast,
            mut stack,
            ..
        } = frame;
        fast.clear();
        stack.clear();
        if self.spare_vecs.len() < 64 {
            self.spare_vecs.push((fast, stack));
        }
    }

    /// A frame for calling Python function `func` with `args`, arguments bound.
    pub fn new_frame(&mut self, func: &PyRef, args: Args) -> PyResult<Frame> {
        let f = func.downcast::<FunctionData>().expect("not a function");
        let code_ref = f.code.clone();
        let code = code_ref.downcast::<CodeData>().expect("not a code object");
        let (mut fast, stack) = self.spare_vecs.pop().unwrap_or_default();
        fast.resize(code.localsplus_names.len(), None);
        if let Err(e) = bind_args(func, f, code, args, &mut fast) {
            self.spare_vecs.push((Vec::new(), stack));
            return Err(e);
        }
        Ok(Frame {
            code: code_ref.clone(),
            func: Some(func.clone()),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals: None,
            fast,
            stack,
            pc: 0,
            lasti: 0,
            kwnames: None,
            is_entry: false,
            init_instance: None,
        })
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Bind call arguments to the parameters of a Python function (CPython's
/// `initialize_locals`), with its error messages.
fn bind_args(
    _func: &PyRef,
    f: &FunctionData,
    code: &CodeData,
    args: Args,
    fast: &mut [Option<PyRef>],
) -> PyResult<()> {
    let co = &code.code;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    let positional = args.positional();
    let npos = positional.len();

    // Fast path: exact positional arguments, no keywords, no varargs.
    if !args.has_keywords() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (slot, a) in fast.iter_mut().zip(positional) {
            *slot = Some(a.clone());
        }
        return Ok(());
    }

    let qualname = str_of(&f.qualname.borrow()).to_string();
    let varargs_slot = argcount + kwonly;
    let varkw_slot = varargs_slot + usize::from(has_varargs);
    let kwdict = if has_varkw { Some(new_dict()) } else { None };

    for (i, a) in positional.iter().take(argcount).enumerate() {
        fast[i] = Some(a.clone());
    }
    if has_varargs {
        let extra: Vec<PyRef> = positional.iter().skip(argcount).cloned().collect();
        fast[varargs_slot] = Some(new_tuple(extra));
    } else if npos > argcount {
        let defaults = f
            .defaults
            .borrow()
            .as_ref()
            .map(|d| tuple_items(d).len())
            .unwrap_or(0);
        let nkw_given = args
            .keywords()
            .filter(|(k, _)| {
                code.localsplus_names[argcount..argcount + kwonly]
                    .iter()
                    .any(|n| str_eq(n, k))
            })
            .count();
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            plural(argcount, "positional argument")
        };
        let given = if nkw_given > 0 {
            format!(
                "{} (and {}) were",
                plural(npos, "positional argument"),
                plural(nkw_given, "keyword-only argument")
            )
        } else if npos == 1 {
            "1 was".to_string()
        } else {
            format!("{npos} were")
        };
        return Err(PyErr::type_error(format!(
            "{qualname}() takes {takes} but {given} given"
        )));
    }

    let mut posonly_as_kw = Vec::new();
    for (name, value) in args.keywords() {
        let idx = code.localsplus_names[..argcount + kwonly]
            .iter()
            .position(|n| str_eq(n, name));
        match idx {
            Some(i) if i >= posonly => {
                if fast[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{qualname}() got multiple values for argument '{}'",
                        str_of(name)
                    )));
                }
                fast[i] = Some(value.clone());
            }
            other => {
                if let Some(d) = &kwdict {
                    let dd = as_dict(d).expect("dict");
                    dd.set_str(name.clone(), value.clone());
                } else if let Some(i) = other {
                    let _ = i;
                    posonly_as_kw.push(str_of(name).to_string());
                } else {
                    return Err(PyErr::type_error(format!(
                        "{qualname}() got an unexpected keyword argument '{}'",
                        as_str(name).unwrap_or("?")
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    if let Some(d) = kwdict {
        fast[varkw_slot] = Some(d);
    }

    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = f.defaults.borrow().clone();
        let defaults = defaults.as_ref().map(tuple_items).unwrap_or(&[]);
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in npos..argcount {
            if fast[i].is_none() {
                if i >= first_default {
                    fast[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(str_of(&code.localsplus_names[i]).to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} required positional {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "argument"
                } else {
                    "arguments"
                },
                name_list(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = f.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        let names = &code.localsplus_names[argcount..argcount + kwonly];
        for (slot, name) in fast[argcount..argcount + kwonly].iter_mut().zip(names) {
            if slot.is_none() {
                let default = kwdefaults
                    .as_ref()
                    .and_then(|d| as_dict(d).and_then(|d| d.get_str(name)));
                match default {
                    Some(v) => *slot = Some(v),
                    None => missing.push(str_of(name).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} required keyword-only {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "argument"
                } else {
                    "arguments"
                },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

// ----- CALL_FUNCTION_EX arguments ------------------------------------------------------

impl Vm {
    /// CPython's `_PyObject_FunctionStr`: `__main__.f()`, `A.m()` qualified by module,
    /// or `print()` for builtins, as error messages name a callee.
    pub fn function_str(&mut self, f: &PyRef) -> String {
        let Ok(Some(qualname)) = self.getattr_opt(f, "__qualname__") else {
            return self.str_string(f).unwrap_or_default();
        };
        let qualname = self.str_string(&qualname).unwrap_or_default();
        match self.getattr_opt(f, "__module__") {
            Ok(Some(m)) if as_str(&m).is_some_and(|m| m != "builtins") => {
                format!("{}.{qualname}()", str_of(&m))
            }
            _ => format!("{qualname}()"),
        }
    }

    /// The positional arguments of `f(*args)`: `args` itself when it is a tuple, else
    /// its items, with CPython's error for a non-iterable.
    pub fn call_star_args(&mut self, callee: &PyRef, args: &PyRef) -> PyResult<Vec<PyRef>> {
        if args.is_exact(&crate::object::TUPLE_TYPE) {
            return Ok(tuple_items(args).to_vec());
        }
        let ty = args.ty();
        if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
            return Err(PyErr::type_error(format!(
                "{} argument after * must be an iterable, not {}",
                self.function_str(callee),
                ty.name()
            )));
        }
        self.collect_sized(args)
    }

    /// `DICT_MERGE` for `f(**m)`: merge mapping `m` into the keyword dict `d`, with
    /// CPython's errors naming the callee for a non-mapping or a repeated keyword.
    pub fn call_kwargs_merge(&mut self, callee: &PyRef, d: &PyRef, m: &PyRef) -> PyResult<()> {
        if as_dict(m).is_none() && self.getattr_opt(m, "keys")?.is_none() {
            return Err(PyErr::type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                self.function_str(callee),
                m.ty().name()
            )));
        }
        let fresh = new_dict();
        self.dict_merge(&fresh, m)?;
        let items = as_dict(&fresh).map(|f| f.items()).unwrap_or_default();
        for (k, v) in items {
            if self.dict_get(d, &k)?.is_some() {
                let key = match as_str(&k) {
                    Some(s) => s.to_string(),
                    None => return Err(PyErr::type_error("keywords must be strings")),
                };
                return Err(PyErr::type_error(format!(
                    "{} got multiple values for keyword argument '{key}'",
                    self.function_str(callee)
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}
