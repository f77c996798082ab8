import Foundation

/// Runs a program to completion (see ``ChildProcess``) and collects its output, with a time limit.
enum ProcessRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input.
    /// - Parameter environment: variables to set on top of this process's environment.
    static func run(_ executable: URL, _ arguments: [String], input: String = "",
                    environment: [String: String] = [:], timeout: Double = 20) throws -> Output {
        let child = try ChildProcess(executable, arguments, input: input, environment: environment)
        let status = try child.wait(timeout: timeout)
        return Output(status: status, stdout: child.stdout, stderr: child.stderr)
    }
}
