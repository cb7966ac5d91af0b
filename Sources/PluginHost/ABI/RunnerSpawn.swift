#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a runner process: fd 3 is its end of a socketpair, fd 1 and 2 a pipe the host reads (its output goes to
/// the host's log), fd 4 the pinned library when there is one; nothing else of the host is inherited.
enum RunnerSpawn {
    struct Started: Sendable {
        let pid: Int32
        let channel: RunnerChannel
        /// The read end of the runner's stdout/stderr pipe; the caller owns it.
        let output: Int32
    }

    static func start(
        runner: String,
        library: String,
        pinned: PinnedFile?,
        addressSpaceMegabytes: Int,
        openFiles: Int
    ) -> Result<Started, RunnerSpawnError> {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            return .failure(RunnerSpawnError(what: "socketpair failed (errno \(errno))"))
        }
        // Room for a whole page (hundreds of KiB) in the socket: one write, one wake-up per page, not a dozen.
        var size: Int32 = 4 << 20
        for end in pair {
            _ = setsockopt(end, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            _ = setsockopt(end, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var pipeEnds: [Int32] = [-1, -1]
        // pipe2 is not visible to Swift; the runner closes any stray inherited descriptor anyway.
        guard pipe(&pipeEnds) == 0, fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC) == 0,
            fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC) == 0
        else {
            close(pair[0])
            close(pair[1])
            return .failure(RunnerSpawnError(what: "pipe failed (errno \(errno))"))
        }
        // Above 4, so every dup2 below really duplicates (a dup2 onto itself would keep close-on-exec set).
        let childSocket = fcntl(pair[1], F_DUPFD_CLOEXEC, 10)
        let childOutput = fcntl(pipeEnds[1], F_DUPFD_CLOEXEC, 10)
        let childLibrary = pinned.map { fcntl($0.descriptor, F_DUPFD_CLOEXEC, 10) } ?? -1
        close(pair[1])
        close(pipeEnds[1])
        defer {
            close(childSocket)
            close(childOutput)
            if childLibrary >= 0 { close(childLibrary) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, childOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, childOutput, 2)
        posix_spawn_file_actions_adddup2(&actions, childSocket, 3)
        if childLibrary >= 0 { posix_spawn_file_actions_adddup2(&actions, childLibrary, 4) }
        let arguments = [
            runner, pinned == nil ? library : "/proc/self/fd/4", "\(addressSpaceMegabytes)", "\(openFiles)",
        ]
        // A Swift plugin's crash handler would spend seconds symbolicating before the runner dies.
        var environment = currentEnvironment().filter { !$0.hasPrefix("SWIFT_BACKTRACE=") }
        environment.append("SWIFT_BACKTRACE=enable=no")
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, runner, &actions, nil, argv, envp)
        guard status == 0 else {
            close(pair[0])
            close(pipeEnds[0])
            return .failure(RunnerSpawnError(what: "cannot start \(runner): \(String(cString: strerror(status)))"))
        }
        return .success(Started(pid: pid, channel: RunnerChannel(descriptor: pair[0]), output: pipeEnds[0]))
    }

    private static func currentEnvironment() -> [String] {
        var result: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            result.append(String(cString: entry))
            cursor += 1
        }
        return result
    }

    /// Waits for the runner to end and says how: the exit status or the signal.
    static func reap(_ pid: Int32) -> RunnerExit {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(-1) }
        }
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    static func kill(_ pid: Int32) {
        _ = Glibc.kill(pid, SIGKILL)
    }
}

/// The runner could not be started at all.
struct RunnerSpawnError: Error, Sendable {
    let what: String
}
