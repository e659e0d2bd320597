//! `import` and `from … import …` (CPython's `compiler_import` and
//! `compiler_from_import`).
//!
//! ```text
//! import a.b        LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME a.b; STORE a
//! import a.b as c   …; IMPORT_NAME a.b; IMPORT_FROM b; STORE c; POP_TOP
//! from .m import x as y
//!                   LOAD_CONST 1; LOAD_CONST ('x',); IMPORT_NAME m; IMPORT_FROM x;
//!                   STORE y; POP_TOP
//! from m import *   …; IMPORT_NAME m; IMPORT_STAR
//! ```

use super::{Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::CResult;
use crate::syntax::ast::Alias;
use num_bigint::BigInt;

impl<'a> Compiler<'a> {
    pub(crate) fn import(&mut self, aliases: &'a [Alias]) -> CResult {
        for alias in aliases {
            self.emit_const(Constant::Int(BigInt::from(0)));
            self.emit_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => self.import_as(&alias.name, asname)?,
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.name_op(first, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    /// Bind `import a.b.c as d`: walk the submodules with `IMPORT_FROM`.
    fn import_as(&mut self, name: &str, asname: &str) -> CResult {
        let mut parts = name.split('.');
        parts.next();
        let rest: Vec<&str> = parts.collect();
        if rest.is_empty() {
            return self.name_op(asname, Ctx::Store);
        }
        for (i, attr) in rest.iter().enumerate() {
            self.emit_name_raw(Opcode::IMPORT_FROM, attr);
            if i + 1 < rest.len() {
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::POP_TOP);
            }
        }
        self.name_op(asname, Ctx::Store)?;
        self.emit(Opcode::POP_TOP);
        Ok(())
    }

    pub(crate) fn import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [Alias],
        level: u32,
    ) -> CResult {
        self.emit_const(Constant::Int(BigInt::from(level)));
        let fromlist = names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        self.emit_const(Constant::Tuple(fromlist));
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::IMPORT_STAR);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.name_op(store, Ctx::Store)?;
        }
        self.emit(Opcode::POP_TOP);
        Ok(())
    }
}
