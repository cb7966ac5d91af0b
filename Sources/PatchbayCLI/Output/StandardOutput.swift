import Foundation
import Synchronization

/// The CLI's own output channel.
///
/// A plugin loaded in-process shares this process's file descriptor 1 (and the C library's `stdout`), so anything
/// it prints, even from a constructor while it is being opened, would land in the middle of `--json`. Before the
/// first plugin is loaded, `reserve()` moves the real stdout to a descriptor of its own and points fd 1 at stderr:
/// from then on a plugin's output joins the diagnostics, and only the CLI writes to the real stdout.
enum StandardOutput {
    private static let handle = Mutex<FileHandle>(FileHandle.standardOutput)
    private static let isReserved = Atomic<Bool>(false)

    /// Keeps the real stdout for the CLI and points fd 1 at stderr; once, before any plugin is loaded. Not done
    /// before the command runs: help and usage text, printed by the argument parser, still go to stdout.
    static func reserve() {
        guard !isReserved.exchange(true, ordering: .acquiringAndReleasing) else { return }
        handle.withLock { handle in
            // Whatever was printed so far belongs to the real stdout (all streams: `stdout` itself is a mutable C
            // global, which strict concurrency does not let Swift name).
            fflush(nil)
            // Close-on-exec: runners and other children get the descriptors they are given, not this one.
            let saved = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
            guard saved >= 0 else { return }
            guard dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
                close(saved)
                return
            }
            handle = FileHandle(fileDescriptor: saved, closeOnDealloc: false)
        }
    }

    static func write(_ bytes: Data) {
        handle.withLock { $0.write(bytes) }
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }
}

/// The CLI's `print`, shadowing the standard library's in this module: every line of command output goes to the
/// stdout the CLI reserved for itself (`StandardOutput`), never to a descriptor a plugin can write to.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
