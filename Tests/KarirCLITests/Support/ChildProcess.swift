#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process started with `posix_spawn`, its standard streams in files.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended through a descriptor the child
/// inherits, and a daemon the child forks (the tmux server) keeps that open forever. The child
/// starts with a clean signal state and no descriptors but its three standard ones.
final class ChildProcess {
    /// The program could not be started, or did not finish in time (it was killed).
    struct Failed: Error, CustomStringConvertible {
        var command: [String]
        var reason: String
        var description: String { "\(reason): \(command.joined(separator: " "))" }
    }

    let pid: pid_t
    let command: [String]
    let stdoutURL: URL
    let stderrURL: URL
    private let scratch: URL
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`, `input` on standard input, `environment` added.
    init(_ executable: URL, _ arguments: [String], input: String = "", environment: [String: String] = [:]) throws {
        command = [executable.path] + arguments
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("karir-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let inURL = scratch.appendingPathComponent("stdin")
        stdoutURL = scratch.appendingPathComponent("stdout")
        stderrURL = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inURL)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inURL.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try Self.closeInheritedDescriptors(&actions, command: command)

        // The calling thread (a concurrency or dispatch worker) blocks most signals; a child that
        // inherits that mask never hears SIGCHLD or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, &argv, &envp)
        guard spawned == 0 else {
            throw Failed(command: command, reason: "cannot start (\(String(cString: strerror(spawned))))")
        }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// What the child wrote to standard output so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// What the child wrote to standard error so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Waits for the child to end; kills it after `timeout` seconds.
    /// - Returns: the exit status as a shell reports it (128 + signal when killed by one).
    @discardableResult
    func wait(timeout: Double) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                exitStatus = 137
                throw Failed(command: command, reason: "timed out after \(timeout) s")
            }
            usleep(5_000)
        }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        exitStatus = exit
        return exit
    }

    /// Sends `signal` and waits for the child to end.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: Double = 15) throws -> Int32 {
        if exitStatus == nil { kill(pid, signal) }
        return try wait(timeout: timeout)
    }

    /// Adds "close every descriptor from 3 up" to `actions`. NIO's sockets are not close-on-exec: a
    /// tmux server that inherited the fake server's listening socket would keep accepting
    /// connections after a "restart", and one that inherited a connection would hide its close.
    ///
    /// glibc (2.34+) has `posix_spawn_file_actions_addclosefrom_np`, but Swift's Glibc module does not
    /// export it, so it is looked up at run time. Unlike marking descriptors close-on-exec first,
    /// this cannot race with sockets another test opens at the same moment.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t, command: [String]) throws {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw Failed(command: command, reason: "the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+ needed)")
        }
        let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
        guard closeFrom(&actions, 3) == 0 else { throw Failed(command: command, reason: "addclosefrom failed") }
    }
}
