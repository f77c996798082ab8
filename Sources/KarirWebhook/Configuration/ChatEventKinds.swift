import KarirCore

/// The event names an endpoint can subscribe to, in documentation order.
enum ChatEventKinds {
    static let names: [String] = ChatEvent.Kind.allCases.map(\.rawValue)
}
