//! Embedding Pyrite: run source text, evaluate an expression, and inspect a Python
//! error from Rust. Run with `cargo run --example embed`.

fn main() {
    let mut interp = pyrite::Interpreter::new(vec!["embed".into()]);

    interp
        .run_main("def square(x):\n    return x * x\n", "<embed>")
        .expect("defining a function works");
    let value = interp
        .eval("[square(n) for n in range(5)]")
        .expect("eval works");
    println!("squares: {value}");

    match interp.run_main("1 / 0\n", "<embed>") {
        Ok(()) => println!("unexpected success"),
        Err(e) => {
            println!("error type: {}", e.type_name);
            println!("message: {}", e.message);
            print!("traceback:\n{}", e.traceback);
        }
    }
    let leaked = interp.shutdown();
    println!("object blocks still allocated after shutdown: {leaked}");
}
