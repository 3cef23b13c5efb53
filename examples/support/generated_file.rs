//! The `main` of the generators of committed files (`gen_types`,
//! `gen_fast`): with no argument, write the file; with `-`, print it; with
//! `--check`, exit 1 when the committed file differs (2 on other errors).

/// Runs generator `name`, whose output is `output_path` (relative to the
/// repository root), as the command line asks.
pub fn main(
    name: &str,
    output_path: &str,
    generate: fn() -> Result<String, String>,
) -> std::process::ExitCode {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(output_path);
    let text = match generate() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{name}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match std::env::args().nth(1).as_deref() {
        Some("-") => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Some("--check") => {
            if std::fs::read_to_string(&path).unwrap_or_default() == text {
                std::process::ExitCode::SUCCESS
            } else {
                eprintln!("{name}: {output_path} is stale; run `cargo run --example {name}`");
                std::process::ExitCode::from(1)
            }
        }
        None => match std::fs::write(&path, text) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{name}: cannot write {}: {e}", path.display());
                std::process::ExitCode::from(2)
            }
        },
        Some(other) => {
            eprintln!("{name}: unknown argument `{other}` (expected nothing, `-` or `--check`)");
            std::process::ExitCode::from(2)
        }
    }
}
