import Foundation

/// How long each stage of a knowledge load took (wall clock), for `karir bench-engine` and for
/// anyone asking where a load's time goes.
public struct LoadStages: Sendable {
    /// Stages in the order they ran, with their milliseconds.
    public private(set) var stages: [(name: String, milliseconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the current stage under `name` and starts the next one.
    mutating func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - last) / 1_000_000))
        last = now
    }
}
