//! Expected ASTs, generated from CPython 3.11's `ast` module.
//!
//! Each expectation is CPython's own AST for the source, rendered by the same
//! format as `dump.rs` (a Python twin of that renderer produced these strings), so
//! a test failure is a difference from CPython.

/// (source, CPython's AST rendered without positions)
pub const SHAPES: &[(&str, &str)] = &[
    (
        "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m",
        "Assign([Name('x')], BinOp(BinOp(Constant(1), Add, BinOp(Constant(2), Mult, Constant(3))), Sub, BinOp(BinOp(BinOp(BinOp(Constant(4), Div, Constant(5)), FloorDiv, Constant(6)), Mod, Constant(7)), MatMult, Name('m'))))",
    ),
    (
        "x = -2 ** 2\ny = 2 ** -1\nz = a ** b ** c",
        "Assign([Name('x')], UnaryOp(USub, BinOp(Constant(2), Pow, Constant(2))))\nAssign([Name('y')], BinOp(Constant(2), Pow, UnaryOp(USub, Constant(1))))\nAssign([Name('z')], BinOp(Name('a'), Pow, BinOp(Name('b'), Pow, Name('c'))))",
    ),
    (
        "x = a | b ^ c & d << e >> f",
        "Assign([Name('x')], BinOp(Name('a'), BitOr, BinOp(Name('b'), BitXor, BinOp(Name('c'), BitAnd, BinOp(BinOp(Name('d'), LShift, Name('e')), RShift, Name('f'))))))",
    ),
    (
        "x = not a and b or c and not d",
        "Assign([Name('x')], BoolOp(Or, [BoolOp(And, [UnaryOp(Not, Name('a')), Name('b')]), BoolOp(And, [Name('c'), UnaryOp(Not, Name('d'))])]))",
    ),
    (
        "x = a < b <= c == d != e > f >= g in h not in i is j is not k",
        "Assign([Name('x')], Compare(Name('a'), [Lt, LtE, Eq, NotEq, Gt, GtE, In, NotIn, Is, IsNot], [Name('b'), Name('c'), Name('d'), Name('e'), Name('f'), Name('g'), Name('h'), Name('i'), Name('j'), Name('k')]))",
    ),
    (
        "x = a if b else c if d else e",
        "Assign([Name('x')], IfExp(Name('b'), Name('a'), IfExp(Name('d'), Name('c'), Name('e'))))",
    ),
    (
        "x = lambda: 0\ny = lambda a, /, b=1, *c, d, e=2, **f: a",
        "Assign([Name('x')], Lambda(arguments([], [], None, [], [], None, []), Constant(0)))\nAssign([Name('y')], Lambda(arguments([arg('a', None)], [arg('b', None)], arg('c', None), [arg('d', None), arg('e', None)], [None, Constant(2)], arg('f', None), [Constant(1)]), Name('a')))",
    ),
    (
        "def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> bool:\n    return a",
        "FunctionDef('f', arguments([arg('a', None), arg('b', Name('int'))], [arg('c', None)], arg('args', Name('str')), [arg('d', None), arg('e', None)], [None, Constant(3)], arg('kw', None), [Constant(1), Constant(2)]), [Return(Name('a'))], [], Name('bool'))",
    ),
    (
        "def f(*, a, b=1):\n    pass",
        "FunctionDef('f', arguments([], [], None, [arg('a', None), arg('b', None)], [None, Constant(1)], None, []), [Pass], [], None)",
    ),
    (
        "async def f():\n    await x\n    async for a in b:\n        pass\n    async with c as d:\n        pass\n    return [i async for i in z]",
        "AsyncFunctionDef('f', arguments([], [], None, [], [], None, []), [Expr(Await(Name('x'))), AsyncFor(Name('a'), Name('b'), [Pass], []), AsyncWith([withitem(Name('c'), Name('d'))], [Pass]), Return(ListComp(Name('i'), [comprehension(Name('i'), Name('z'), [], 1)]))], [], None)",
    ),
    (
        "@d1\n@d2(arg)\nclass C(A, B, metaclass=M, **kw):\n    x: int = 1\n    def m(self): ...",
        "ClassDef('C', [Name('A'), Name('B')], [keyword('metaclass', Name('M')), keyword(None, Name('kw'))], [AnnAssign(Name('x'), Name('int'), Constant(1), 1), FunctionDef('m', arguments([], [arg('self', None)], None, [], [], None, []), [Expr(Constant(Ellipsis))], [], None)], [Name('d1'), Call(Name('d2'), [Name('arg')], [])])",
    ),
    (
        "x = f(a, *b, c=1, **d)\ny = f(x for x in y)\nz = f(a)(b)[c].d",
        "Assign([Name('x')], Call(Name('f'), [Name('a'), Starred(Name('b'))], [keyword('c', Constant(1)), keyword(None, Name('d'))]))\nAssign([Name('y')], Call(Name('f'), [GeneratorExp(Name('x'), [comprehension(Name('x'), Name('y'), [], 0)])], []))\nAssign([Name('z')], Attribute(Subscript(Call(Call(Name('f'), [Name('a')], []), [Name('b')], []), Name('c')), 'd'))",
    ),
    (
        "x = a[1]\ny = a[1:2]\nz = a[::2]\nw = a[1:2, ::3, ...]\nv = a[b, c]\nu = a[*b]\nt = a[:, None]",
        "Assign([Name('x')], Subscript(Name('a'), Constant(1)))\nAssign([Name('y')], Subscript(Name('a'), Slice(Constant(1), Constant(2), None)))\nAssign([Name('z')], Subscript(Name('a'), Slice(None, None, Constant(2))))\nAssign([Name('w')], Subscript(Name('a'), Tuple([Slice(Constant(1), Constant(2), None), Slice(None, None, Constant(3)), Constant(Ellipsis)])))\nAssign([Name('v')], Subscript(Name('a'), Tuple([Name('b'), Name('c')])))\nAssign([Name('u')], Subscript(Name('a'), Tuple([Starred(Name('b'))])))\nAssign([Name('t')], Subscript(Name('a'), Tuple([Slice(None, None, None), Constant(None)])))",
    ),
    (
        "x = (1, 2)\ny = 1, 2,\nz = ()\nw = (1,)\nv = [1, *a]\nu = {1, 2}\nt = {}\ns = {1: 2, **d}",
        "Assign([Name('x')], Tuple([Constant(1), Constant(2)]))\nAssign([Name('y')], Tuple([Constant(1), Constant(2)]))\nAssign([Name('z')], Tuple([]))\nAssign([Name('w')], Tuple([Constant(1)]))\nAssign([Name('v')], List([Constant(1), Starred(Name('a'))]))\nAssign([Name('u')], Set([Constant(1), Constant(2)]))\nAssign([Name('t')], Dict([], []))\nAssign([Name('s')], Dict([Constant(1), None], [Constant(2), Name('d')]))",
    ),
    (
        "x = [a for b in c if d if e for f in g]\ny = {k: v for k, v in z}\nw = {a for a in b}\nv = (a for a in b)",
        "Assign([Name('x')], ListComp(Name('a'), [comprehension(Name('b'), Name('c'), [Name('d'), Name('e')], 0), comprehension(Name('f'), Name('g'), [], 0)]))\nAssign([Name('y')], DictComp(Name('k'), Name('v'), [comprehension(Tuple([Name('k'), Name('v')]), Name('z'), [], 0)]))\nAssign([Name('w')], SetComp(Name('a'), [comprehension(Name('a'), Name('b'), [], 0)]))\nAssign([Name('v')], GeneratorExp(Name('a'), [comprehension(Name('a'), Name('b'), [], 0)]))",
    ),
    (
        "x = (y := f(x))\nif (n := len(a)) > 10:\n    pass\nprint([y := 1, y ** 2])",
        "Assign([Name('x')], NamedExpr(Name('y'), Call(Name('f'), [Name('x')], [])))\nIf(Compare(NamedExpr(Name('n'), Call(Name('len'), [Name('a')], [])), [Gt], [Constant(10)]), [Pass], [])\nExpr(Call(Name('print'), [List([NamedExpr(Name('y'), Constant(1)), BinOp(Name('y'), Pow, Constant(2))])], []))",
    ),
    (
        "a = b = c = 1\na, *b = c\n[a, b] = c\n(a, (b, c)) = d\na.b, c[0] = 1, 2\nx += 1\ny //= 2\nz **= 3\nw @= m",
        "Assign([Name('a'), Name('b'), Name('c')], Constant(1))\nAssign([Tuple([Name('a'), Starred(Name('b'))])], Name('c'))\nAssign([List([Name('a'), Name('b')])], Name('c'))\nAssign([Tuple([Name('a'), Tuple([Name('b'), Name('c')])])], Name('d'))\nAssign([Tuple([Attribute(Name('a'), 'b'), Subscript(Name('c'), Constant(0))])], Tuple([Constant(1), Constant(2)]))\nAugAssign(Name('x'), Add, Constant(1))\nAugAssign(Name('y'), FloorDiv, Constant(2))\nAugAssign(Name('z'), Pow, Constant(3))\nAugAssign(Name('w'), MatMult, Name('m'))",
    ),
    (
        "del a, b[0], c.d\ndel (a, b)\ndel [a]",
        "Delete([Name('a'), Subscript(Name('b'), Constant(0)), Attribute(Name('c'), 'd')])\nDelete([Tuple([Name('a'), Name('b')])])\nDelete([List([Name('a')])])",
    ),
    (
        "import a.b.c as d, e\nfrom . import x\nfrom ..m import (a as b, c,)\nfrom m import *\nfrom .a.b import c",
        "Import([alias('a.b.c', 'd'), alias('e', None)])\nImportFrom(None, [alias('x', None)], 1)\nImportFrom('m', [alias('a', 'b'), alias('c', None)], 2)\nImportFrom('m', [alias('*', None)], 0)\nImportFrom('a.b', [alias('c', None)], 1)",
    ),
    (
        "global a, b\nnonlocal c\nassert x, 'msg'\nraise\nraise X\nraise X from Y\npass\nbreak\ncontinue",
        "Global(['a', 'b'])\nNonlocal(['c'])\nAssert(Name('x'), Constant('msg'))\nRaise(None, None)\nRaise(Name('X'), None)\nRaise(Name('X'), Name('Y'))\nPass\nBreak\nContinue",
    ),
    (
        "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
        "Try([Expr(Name('a'))], [ExceptHandler(Tuple([Name('A'), Name('B')]), 'e', [Expr(Name('b'))]), ExceptHandler(Name('C'), None, [Expr(Name('c'))]), ExceptHandler(None, None, [Expr(Name('d'))])], [Expr(Name('e'))], [Expr(Name('f'))])",
    ),
    (
        "try:\n    a\nfinally:\n    b",
        "Try([Expr(Name('a'))], [], [], [Expr(Name('b'))])",
    ),
    (
        "with a as b, c as (d, e), f:\n    pass\nwith (a as b, c):\n    pass\nwith (a, b):\n    pass\nwith (a, b) as c:\n    pass",
        "With([withitem(Name('a'), Name('b')), withitem(Name('c'), Tuple([Name('d'), Name('e')])), withitem(Name('f'), None)], [Pass])\nWith([withitem(Name('a'), Name('b')), withitem(Name('c'), None)], [Pass])\nWith([withitem(Name('a'), None), withitem(Name('b'), None)], [Pass])\nWith([withitem(Tuple([Name('a'), Name('b')]), Name('c'))], [Pass])",
    ),
    (
        "if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g",
        "If(Name('a'), [Expr(Name('b'))], [If(Name('c'), [Expr(Name('d'))], [If(Name('e'), [Expr(Name('f'))], [Expr(Name('g'))])])])",
    ),
    (
        "while a:\n    break\nelse:\n    pass\nfor i in range(3):\n    continue\nelse:\n    pass\nfor a, *b in c, d: pass",
        "While(Name('a'), [Break], [Pass])\nFor(Name('i'), Call(Name('range'), [Constant(3)], []), [Continue], [Pass])\nFor(Tuple([Name('a'), Starred(Name('b'))]), Tuple([Name('c'), Name('d')]), [Pass], [])",
    ),
    (
        "x = 'a' 'b'\ny = b'a' b'\\x41'\nz = r'\\d' + R'\\n'\nw = u'x'\nv = '''a\nb'''\nu = 'a\\\nb'",
        "Assign([Name('x')], Constant('ab'))\nAssign([Name('y')], Constant(b6141))\nAssign([Name('z')], BinOp(Constant('\\u{5c}d'), Add, Constant('\\u{5c}n')))\nAssign([Name('w')], Constant('x'))\nAssign([Name('v')], Constant('a\\u{a}b'))\nAssign([Name('u')], Constant('ab'))",
    ),
    (
        "x = f'{a!r:>{w}}b{{c}}'\ny = f'{x=}'\nz = f'{x = !s:>3}'\nw = 'a' f'{b}' 'c'\nv = f''\nu = f'{a:{b}.{c}f}'",
        "Assign([Name('x')], JoinedStr([FormattedValue(Name('a'), 114, JoinedStr([Constant('>'), FormattedValue(Name('w'), -1, None)])), Constant('b{c}')]))\nAssign([Name('y')], JoinedStr([Constant('x='), FormattedValue(Name('x'), 114, None)]))\nAssign([Name('z')], JoinedStr([Constant('x = '), FormattedValue(Name('x'), 115, JoinedStr([Constant('>3')]))]))\nAssign([Name('w')], JoinedStr([Constant('a'), FormattedValue(Name('b'), -1, None), Constant('c')]))\nAssign([Name('v')], JoinedStr([]))\nAssign([Name('u')], JoinedStr([FormattedValue(Name('a'), -1, JoinedStr([FormattedValue(Name('b'), -1, None), Constant('.'), FormattedValue(Name('c'), -1, None), Constant('f')]))]))",
    ),
    (
        "x = 0xFF + 0o17 + 0b1010 + 1_000_000 + 1.5e-3 + 3j + .5 + 1. + 1e10 + 123456789012345678901234567890",
        "Assign([Name('x')], BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(Constant(255), Add, Constant(15)), Add, Constant(10)), Add, Constant(1000000)), Add, Constant(f3f589374bc6a7efa)), Add, Constant(j4008000000000000)), Add, Constant(f3fe0000000000000)), Add, Constant(f3ff0000000000000)), Add, Constant(f4202a05f20000000)), Add, Constant(123456789012345678901234567890)))",
    ),
    (
        "x = '\\N{EM DASH}\\x41\\u00e9\\U0001F600\\101\\n\\t\\d'",
        "Assign([Name('x')], Constant('\\u{2014}A\\u{e9}\\u{1f600}A\\u{a}\\u{9}\\u{5c}d'))",
    ),
    (
        "x = yield\ny = yield a, b\nz = yield from c\nawait d",
        "Assign([Name('x')], Yield(None))\nAssign([Name('y')], Yield(Tuple([Name('a'), Name('b')])))\nAssign([Name('z')], YieldFrom(Name('c')))\nExpr(Await(Name('d')))",
    ),
    (
        "x = ...\ny = None, True, False",
        "Assign([Name('x')], Constant(Ellipsis))\nAssign([Name('y')], Tuple([Constant(None), Constant(True), Constant(False)]))",
    ),
    (
        "if x: y = 1; z = 2\nwhile x: pass\nfor x in y: a; b",
        "If(Name('x'), [Assign([Name('y')], Constant(1)), Assign([Name('z')], Constant(2))], [])\nWhile(Name('x'), [Pass], [])\nFor(Name('x'), Name('y'), [Expr(Name('a')), Expr(Name('b'))], [])",
    ),
    (
        "x = a.b.c\ny = (a).b\nz = 1 .real",
        "Assign([Name('x')], Attribute(Attribute(Name('a'), 'b'), 'c'))\nAssign([Name('y')], Attribute(Name('a'), 'b'))\nAssign([Name('z')], Attribute(Constant(1), 'real'))",
    ),
    (
        "print(*a, *b, **c, **d)",
        "Expr(Call(Name('print'), [Starred(Name('a')), Starred(Name('b'))], [keyword(None, Name('c')), keyword(None, Name('d'))]))",
    ),
    (
        "x = [\n    1,\n    2,\n]\ny = (1 +\n     2)\nz = 1 + \\\n    2",
        "Assign([Name('x')], List([Constant(1), Constant(2)]))\nAssign([Name('y')], BinOp(Constant(1), Add, Constant(2)))\nAssign([Name('z')], BinOp(Constant(1), Add, Constant(2)))",
    ),
    (
        "λ = 1\nnão_é = λ",
        "Assign([Name('\\u{3bb}')], Constant(1))\nAssign([Name('n\\u{e3}o_\\u{e9}')], Name('\\u{3bb}'))",
    ),
    (
        "class C: pass\nclass D(): pass\nclass E(object,): pass",
        "ClassDef('C', [], [], [Pass], [])\nClassDef('D', [], [], [Pass], [])\nClassDef('E', [Name('object')], [], [Pass], [])",
    ),
    (
        "def f(a,): pass\ndef g(*a,): pass\ndef h(**a,): pass\nlambda *a, **k: 0",
        "FunctionDef('f', arguments([], [arg('a', None)], None, [], [], None, []), [Pass], [], None)\nFunctionDef('g', arguments([], [], arg('a', None), [], [], None, []), [Pass], [], None)\nFunctionDef('h', arguments([], [], None, [], [], arg('a', None), []), [Pass], [], None)\nExpr(Lambda(arguments([], [], arg('a', None), [], [], arg('k', None), []), Constant(0)))",
    ),
    (
        "x = {**a, 'b': 1, **c}\ny = {*a, *b}",
        "Assign([Name('x')], Dict([None, Constant('b'), None], [Name('a'), Constant(1), Name('c')]))\nAssign([Name('y')], Set([Starred(Name('a')), Starred(Name('b'))]))",
    ),
    (
        "match = 1\ncase = match\n_ = case",
        "Assign([Name('match')], Constant(1))\nAssign([Name('case')], Name('match'))\nAssign([Name('_')], Name('case'))",
    ),
];

/// (source, CPython's AST rendered with positions)
pub const SPANS: &[(&str, &str)] = &[
    (
        "def f(data):\n    return inner(data) + 1",
        "FunctionDef('f', arguments([], [arg('data', None)@1:6-1:10], None, [], [], None, []), [Return(BinOp(Call(Name('inner')@2:11-2:16, [Name('data')@2:17-2:21], [])@2:11-2:22, Add, Constant(1)@2:25-2:26)@2:11-2:26)@2:4-2:26], [], None)@1:0-2:26",
    ),
    (
        "x = (f'ab{y + 1}c' 'd')",
        "Assign([Name('x')@1:0-1:1], JoinedStr([Constant('ab')@1:5-1:22, FormattedValue(BinOp(Name('y')@1:10-1:11, Add, Constant(1)@1:14-1:15)@1:10-1:15, -1, None)@1:5-1:22, Constant('cd')@1:5-1:22])@1:5-1:22)@1:0-1:23",
    ),
    (
        "f(x for x in y)",
        "Expr(Call(Name('f')@1:0-1:1, [GeneratorExp(Name('x')@1:2-1:3, [comprehension(Name('x')@1:8-1:9, Name('y')@1:13-1:14, [], 0)])@1:1-1:15], [])@1:0-1:15)@1:0-1:15",
    ),
    (
        "(1, 2)\n(x)\n((x), y)\n[a, b]\nx.y.z(1)[2]",
        "Expr(Tuple([Constant(1)@1:1-1:2, Constant(2)@1:4-1:5])@1:0-1:6)@1:0-1:6\nExpr(Name('x')@2:1-2:2)@2:0-2:3\nExpr(Tuple([Name('x')@3:2-3:3, Name('y')@3:6-3:7])@3:0-3:8)@3:0-3:8\nExpr(List([Name('a')@4:1-4:2, Name('b')@4:4-4:5])@4:0-4:6)@4:0-4:6\nExpr(Subscript(Call(Attribute(Attribute(Name('x')@5:0-5:1, 'y')@5:0-5:3, 'z')@5:0-5:5, [Constant(1)@5:6-5:7], [])@5:0-5:8, Constant(2)@5:9-5:10)@5:0-5:11)@5:0-5:11",
    ),
    (
        "-x ** 2\nlambda x: 1\na if b else c\nnot x\na < b < c\n*a, b = c",
        "Expr(UnaryOp(USub, BinOp(Name('x')@1:1-1:2, Pow, Constant(2)@1:6-1:7)@1:1-1:7)@1:0-1:7)@1:0-1:7\nExpr(Lambda(arguments([], [arg('x', None)@2:7-2:8], None, [], [], None, []), Constant(1)@2:10-2:11)@2:0-2:11)@2:0-2:11\nExpr(IfExp(Name('b')@3:5-3:6, Name('a')@3:0-3:1, Name('c')@3:12-3:13)@3:0-3:13)@3:0-3:13\nExpr(UnaryOp(Not, Name('x')@4:4-4:5)@4:0-4:5)@4:0-4:5\nExpr(Compare(Name('a')@5:0-5:1, [Lt, Lt], [Name('b')@5:4-5:5, Name('c')@5:8-5:9])@5:0-5:9)@5:0-5:9\nAssign([Tuple([Starred(Name('a')@6:1-6:2)@6:0-6:2, Name('b')@6:4-6:5])@6:0-6:5], Name('c')@6:8-6:9)@6:0-6:9",
    ),
    (
        "f(a, *b, c=1, **d)\nf(help=('a'\n   'b'))",
        "Expr(Call(Name('f')@1:0-1:1, [Name('a')@1:2-1:3, Starred(Name('b')@1:6-1:7)@1:5-1:7], [keyword('c', Constant(1)@1:11-1:12)@1:9-1:12, keyword(None, Name('d')@1:16-1:17)@1:14-1:17])@1:0-1:18)@1:0-1:18\nExpr(Call(Name('f')@2:0-2:1, [], [keyword('help', Constant('ab')@2:8-3:6)@2:2-3:7])@2:0-3:8)@2:0-3:8",
    ),
    (
        "def f(a, b: int = 1, *c, d, **e) -> r:\n    return 1",
        "FunctionDef('f', arguments([], [arg('a', None)@1:6-1:7, arg('b', Name('int')@1:12-1:15)@1:9-1:15], arg('c', None)@1:22-1:23, [arg('d', None)@1:25-1:26], [None], arg('e', None)@1:30-1:31, [Constant(1)@1:18-1:19]), [Return(Constant(1)@2:11-2:12)@2:4-2:12], [], Name('r')@1:36-1:37)@1:0-2:12",
    ),
    (
        "x[1:2, ::3]\nx[a:b]\nfor x in y: pass",
        "Expr(Subscript(Name('x')@1:0-1:1, Tuple([Slice(Constant(1)@1:2-1:3, Constant(2)@1:4-1:5, None)@1:2-1:5, Slice(None, None, Constant(3)@1:9-1:10)@1:7-1:10])@1:2-1:10)@1:0-1:11)@1:0-1:11\nExpr(Subscript(Name('x')@2:0-2:1, Slice(Name('a')@2:2-2:3, Name('b')@2:4-2:5, None)@2:2-2:5)@2:0-2:6)@2:0-2:6\nFor(Name('x')@3:4-3:5, Name('y')@3:9-3:10, [Pass@3:12-3:16], [])@3:0-3:16",
    ),
    (
        "@dec\nclass C(A, metaclass=M): pass",
        "ClassDef('C', [Name('A')@2:8-2:9], [keyword('metaclass', Name('M')@2:21-2:22)@2:11-2:22], [Pass@2:25-2:29], [Name('dec')@1:1-1:4])@2:0-2:29",
    ),
    (
        "import a.b as c\nfrom . import (x as y, z,)",
        "Import([alias('a.b', 'c')@1:7-1:15])@1:0-1:15\nImportFrom(None, [alias('x', 'y')@2:15-2:21, alias('z', None)@2:23-2:24], 1)@2:0-2:26",
    ),
    (
        "try:\n    pass\nexcept (A, B) as e:\n    pass",
        "Try([Pass@2:4-2:8], [ExceptHandler(Tuple([Name('A')@3:8-3:9, Name('B')@3:11-3:12])@3:7-3:13, 'e', [Pass@4:4-4:8])@3:0-4:8], [], [])@1:0-4:8",
    ),
    (
        "with a as (b, c), d: pass",
        "With([withitem(Name('a')@1:5-1:6, Tuple([Name('b')@1:11-1:12, Name('c')@1:14-1:15])@1:10-1:16), withitem(Name('d')@1:18-1:19, None)], [Pass@1:21-1:25])@1:0-1:25",
    ),
    (
        "if a:\n    b\nelif c:\n    d\nelse:\n    e",
        "If(Name('a')@1:3-1:4, [Expr(Name('b')@2:4-2:5)@2:4-2:5], [If(Name('c')@3:5-3:6, [Expr(Name('d')@4:4-4:5)@4:4-4:5], [Expr(Name('e')@6:4-6:5)@6:4-6:5])@3:0-6:5])@1:0-6:5",
    ),
    (
        "x = 1, 2,\ny = [i for i in z]\nz = {k: v}",
        "Assign([Name('x')@1:0-1:1], Tuple([Constant(1)@1:4-1:5, Constant(2)@1:7-1:8])@1:4-1:9)@1:0-1:9\nAssign([Name('y')@2:0-2:1], ListComp(Name('i')@2:5-2:6, [comprehension(Name('i')@2:11-2:12, Name('z')@2:16-2:17, [], 0)])@2:4-2:18)@2:0-2:18\nAssign([Name('z')@3:0-3:1], Dict([Name('k')@3:5-3:6], [Name('v')@3:8-3:9])@3:4-3:10)@3:0-3:10",
    ),
    (
        "s = 'é' + x",
        "Assign([Name('s')@1:0-1:1], BinOp(Constant('\\u{e9}')@1:4-1:8, Add, Name('x')@1:11-1:12)@1:4-1:12)@1:0-1:12",
    ),
];
