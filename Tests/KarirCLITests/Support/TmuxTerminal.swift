import Foundation

/// A real terminal for the client: a tmux server on its own socket (never the user's tmux),
/// one window of a fixed size running a shell command. Keys go in with `send-keys`, the screen
/// comes out with `capture-pane`. Every wait is bounded. `close()` kills the tmux server.
final class TmuxTerminal {
    /// A wait ran out; carries the last screen to show what was there instead.
    struct WaitFailed: Error, CustomStringConvertible {
        var what: String
        var screen: String
        var description: String { "timed out waiting for \(what); screen was:\n\(screen)" }
    }

    /// tmux is not installed.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "tmux is needed for the terminal tests: apt-get install tmux (scripts/setup does it)" }
    }

    /// Name of this terminal's scratch folder, which also holds its tmux socket.
    let socket: String
    private let socketPath: String
    let columns: Int
    let rows: Int
    /// Files where the wrapper saves `stty -g` before and after the client ran.
    let sttyBefore: URL
    let sttyAfter: URL
    private let tmux = URL(fileURLWithPath: "/usr/bin/tmux")
    private var closed = false

    /// Starts `arguments` (program first) in a `columns`×`rows` terminal with `environment` added.
    /// After the program exits the pane shows `EXITED rc=<status>`.
    init(columns: Int, rows: Int, arguments: [String], environment: [String: String] = [:],
         unset: [String] = ["NO_COLOR", "KARIR_KIOSK_PASSPHRASE"]) throws {
        guard FileManager.default.isExecutableFile(atPath: tmux.path) else { throw Missing() }
        socket = "karirtest\(UUID().uuidString.prefix(8).lowercased())"
        self.columns = columns
        self.rows = rows
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // An explicit socket in the scratch folder (not -L): tmux leaves its socket file behind
        // on kill-server, and this way it goes with the folder.
        socketPath = scratch.appendingPathComponent("tmux.sock").path
        sttyBefore = scratch.appendingPathComponent("stty.before")
        sttyAfter = scratch.appendingPathComponent("stty.after")
        let env = ["env"] + unset.flatMap { ["-u", $0] } + environment.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
        let program = (env + arguments).map(Self.quote).joined(separator: " ")
        let script = "stty -g > \(Self.quote(sttyBefore.path)); \(program); rc=$?; "
            + "stty -g > \(Self.quote(sttyAfter.path)); echo \"EXITED rc=$rc\"; sleep 120"
        try tmuxRun(["-f", "/dev/null", "new-session", "-d", "-s", "chat", "-x", "\(columns)", "-y", "\(rows)",
                     "sh", "-c", script])
    }

    deinit { close() }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws {
        try tmuxRun(["send-keys", "-t", "chat", "-l", text])
    }

    /// Presses named keys: `Enter`, `BSpace`, `Left`, `Up`, `C-c`, `C-u` …
    func press(_ keys: String...) throws {
        try tmuxRun(["send-keys", "-t", "chat"] + keys)
    }

    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    func resize(columns: Int, rows: Int) throws {
        try tmuxRun(["resize-window", "-t", "chat", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The screen as text. `history` includes the scrollback; `escapes` keeps colours as SGR codes.
    func screen(history: Bool = false, escapes: Bool = false) throws -> String {
        var arguments = ["capture-pane", "-p", "-t", "chat"]
        if history { arguments += ["-S", "-"] }
        if escapes { arguments.append("-e") }
        return try tmuxRun(arguments)
    }

    /// The visible lines with trailing blank lines removed.
    func lines() throws -> [String] {
        var lines = try screen().components(separatedBy: "\n").map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    /// Polls the screen until `condition` holds; returns that screen. The default timeout is
    /// generous: on two cores a test that trains the shipped knowledge runs alongside, and a
    /// 10 s wait for the first prompt once ran out.
    @discardableResult
    func wait(for what: String, timeout: Double = 20, history: Bool = false, escapes: Bool = false,
              until condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(history: history, escapes: escapes)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw WaitFailed(what: what, screen: last)
    }

    /// Polls until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) async throws -> String {
        try await wait(for: "'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// The process id of the program (the child of the pane's shell), from `/proc`.
    func programPID() throws -> Int32 {
        let shell = try tmuxRun(["display-message", "-p", "-t", "chat", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").compactMap({ Int32($0) }).first else {
            throw WaitFailed(what: "the program's pid (child of \(shell))", screen: children)
        }
        return pid
    }

    /// Kills the tmux server (and with it the program). Safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmuxRun(["kill-server"])
        try? FileManager.default.removeItem(at: sttyBefore.deletingLastPathComponent())
    }

    @discardableResult
    private func tmuxRun(_ arguments: [String]) throws -> String {
        let output = try ProcessRunner.run(tmux, ["-S", socketPath] + arguments, timeout: 10)
        return output.stdout
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
