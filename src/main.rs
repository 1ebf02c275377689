//! The `roleplay` binary: all work is in the library.

fn main() -> std::process::ExitCode {
    roleplay::cli::run()
}
