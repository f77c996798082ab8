#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a program to completion and collects its output, with a time limit.
///
/// Uses `posix_spawn` and `waitpid` rather than Foundation's `Process`: on Linux, `Process` learns
/// that a child ended through a descriptor the child inherits, and a daemon the child forks (the
/// tmux server) keeps it open forever. Output goes to temporary files for the same reason. The
/// child starts with no blocked signals whatever thread starts it.
enum ProcessRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The program could not be started, or did not finish in time (it was killed).
    struct Failed: Error, CustomStringConvertible {
        var command: [String]
        var reason: String
        var description: String { "\(reason): \(command.joined(separator: " "))" }
    }

    /// Adds "close every descriptor from 3 up" to `actions`, so children get only stdin, stdout
    /// and stderr. NIO's sockets are not close-on-exec: a tmux server that inherited the fake
    /// server's listening socket would keep accepting connections after a "restart", and one that
    /// inherited a connection would hide its close from the client.
    ///
    /// glibc (2.34+) has `posix_spawn_file_actions_addclosefrom_np`, but Swift's Glibc module does not
    /// export it, so it is looked up at run time. Unlike marking descriptors close-on-exec first,
    /// this cannot race with sockets another test opens at the same moment.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw Failed(command: [], reason: "this C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+ needed)")
        }
        let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
        guard closeFrom(&actions, 3) == 0 else { throw Failed(command: [], reason: "addclosefrom failed") }
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input.
    /// - Parameter environment: variables to set on top of this process's environment.
    static func run(_ executable: URL, _ arguments: [String], input: String = "",
                    environment: [String: String] = [:], timeout: Double = 20) throws -> Output {
        let command = [executable.path] + arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("karir-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inURL)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inURL.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try closeInheritedDescriptors(&actions)

        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // A clean signal state: the calling thread (a concurrency or dispatch worker) blocks most
        // signals, and a child that inherits that mask never hears SIGCHLD or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, &argv, &envp)
        guard spawned == 0 else { throw Failed(command: command, reason: "cannot start (\(String(cString: strerror(spawned))))") }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failed(command: command, reason: "timed out after \(timeout) s")
            }
            usleep(5_000)
        }
        // Exit status as the shell reports it; 128 + signal when killed.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Output(status: exit,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
