/// Runs guided conversations (flows). Placeholder until the interest inventory lands.
enum FlowRunner {
    static func handle(_ turn: inout Turn) -> Reply? { nil }
    static func start(_ flow: FlowDefinition, after reply: Reply, turn: inout Turn) -> Reply { reply }
}
