//! Calling: the generic `call`, Python-function frames with CPython's argument binding
//! (and its error messages), and nested eval loops for native→Python calls.

use super::{Args, Frame, NATIVE_DEPTH_LIMIT, Vm};
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
        if self.native_depth >= NATIVE_DEPTH_LIMIT {
            self.recycle(frame);
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        frame.is_entry = true;
        if self.frames.len() >= self.recursion_limit {
            self.recycle(frame);
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.push_frame(frame)?;
        self.native_depth += 1;
        let r = self.eval_loop();
        self.native_depth -= 1;
        r
    }

    /// Push a frame, enforcing the recursion limit.
    pub fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            self.recycle(frame);
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
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
