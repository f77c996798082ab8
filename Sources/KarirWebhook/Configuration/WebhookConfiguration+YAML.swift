import Foundation
import KarirCore
import Yams

extension WebhookConfiguration {
    /// Reads the `webhooks:` section of a Karir YAML configuration file.
    ///
    /// Other top-level keys belong to other parts of Karir and are ignored. Unknown keys inside
    /// `webhooks:` are refused (they are usually typos), as are bad URLs, event names and numbers.
    /// - Parameter environment: where `secret_env` names are looked up.
    public static func load(yamlFile path: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(WebhookConfigurationError) -> WebhookConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(yaml: text, source: path, environment: environment)
    }

    /// Parses YAML text holding a `webhooks:` section; `source` names it in error messages.
    public static func parse(yaml: String, source: String = "<yaml>",
                             environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(WebhookConfigurationError) -> WebhookConfiguration {
        let document: Node?
        do {
            document = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw .invalidYAML(location: source + Self.position(of: error), problem: Self.problem(of: error))
        } catch {
            throw .invalidYAML(location: source, problem: String(describing: error))
        }
        guard case let .mapping(top)? = document else {
            throw .wrongType(key: root, location: source, expected: "a mapping with a top-level `\(root):` key")
        }
        let book = YAMLSection.LocationBook()
        let outer = YAMLSection(mapping: top, path: "", source: source, locations: book)
        guard let rootValue = top[Node(root)] else { throw .missingKey(key: root, location: source) }
        guard case let .mapping(rootMapping) = rootValue else {
            throw .wrongType(key: root, location: outer.location(of: rootValue), expected: "a mapping of keys to values")
        }
        let section = YAMLSection(mapping: rootMapping, path: root, source: source, locations: book)
        let configuration = try read(section, environment: environment)
        try configuration.validate(locations: book.byKey)
        return configuration
    }

    private static func read(_ section: YAMLSection, environment: [String: String])
        throws(WebhookConfigurationError) -> WebhookConfiguration {
        try section.requireOnly(["workers", "retry", "outbox", "endpoints"])
        var configuration = WebhookConfiguration(endpoints: [])
        if let workers = try section.int("workers") { configuration.workers = workers }
        if let retry = try section.section("retry") {
            try retry.requireOnly(["initial_backoff", "max_backoff", "max_retry_after"])
            if let value = try retry.seconds("initial_backoff") { configuration.retry.initialBackoff = value }
            if let value = try retry.seconds("max_backoff") { configuration.retry.maxBackoff = value }
            if let value = try retry.seconds("max_retry_after") { configuration.retry.maxRetryAfter = value }
        }
        if let outbox = try section.section("outbox") {
            try outbox.requireOnly(["max_pending", "max_dead", "durability", "wait_for_commit"])
            if let value = try outbox.bool("wait_for_commit") { configuration.outbox.waitForCommit = value }
            if let value = try outbox.int("max_pending") { configuration.outbox.maxPending = value }
            if let value = try outbox.int("max_dead") { configuration.outbox.maxDead = value }
            if let value = try outbox.string("durability") {
                guard let durability = Durability(rawValue: value.lowercased()) else {
                    throw .wrongType(key: outbox.key("durability"), location: outbox.location(of: outbox.node("durability")),
                                     expected: "one of: \(Durability.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.outbox.durability = durability
            }
        }
        guard let items = try section.list("endpoints") else {
            throw .missingKey(key: section.key("endpoints"), location: section.source)
        }
        for (index, item) in items.enumerated() {
            let path = "\(section.key("endpoints"))[\(index)]"
            guard case let .mapping(mapping) = item else {
                throw .wrongType(key: path, location: section.location(of: item), expected: "a mapping with at least `url`")
            }
            if let place = section.location(of: item) { section.locations.byKey[path] = place }
            let endpoint = YAMLSection(mapping: mapping, path: path, source: section.source, locations: section.locations)
            configuration.endpoints.append(try readEndpoint(endpoint, environment: environment))
        }
        return configuration
    }

    private static func readEndpoint(_ section: YAMLSection, environment: [String: String])
        throws(WebhookConfigurationError) -> EndpointConfiguration {
        try section.requireOnly(["name", "url", "events", "secret", "secret_env", "previous_secret", "timeout",
                                 "max_attempts", "max_in_flight", "raw_session", "headers"])
        guard let url = try section.string("url") else {
            throw .missingKey(key: section.key("url"), location: section.locations.byKey[section.path])
        }
        var endpoint = EndpointConfiguration(name: try section.string("name"), url: url)
        if let events = section.node("events") { endpoint.events = try readEvents(events, in: section) }
        endpoint.secret = try section.string("secret")
        if let variable = try section.string("secret_env") {
            guard endpoint.secret == nil else {
                throw .wrongType(key: section.key("secret_env"), location: section.location(of: section.node("secret_env")),
                                 expected: "used without `secret` (give one or the other)")
            }
            guard let value = environment[variable], !value.isEmpty else {
                throw .missingSecretEnvironment(key: section.key("secret_env"),
                                                location: section.location(of: section.node("secret_env")), variable: variable)
            }
            endpoint.secret = value
        }
        endpoint.previousSecret = try section.string("previous_secret")
        if let value = try section.seconds("timeout") { endpoint.timeout = value }
        if let value = try section.int("max_attempts") { endpoint.maxAttempts = value }
        if let value = try section.int("max_in_flight") { endpoint.maxInFlight = value }
        if let value = try section.bool("raw_session") { endpoint.rawSession = value }
        if let headers = try section.section("headers") {
            for (nameNode, valueNode) in headers.mapping {
                guard case let .scalar(value) = valueNode, let name = nameNode.string else {
                    throw .wrongType(key: headers.key(nameNode.string ?? "?"), location: headers.location(of: valueNode),
                                     expected: "a text value")
                }
                endpoint.headers.append(HTTPHeader(name: name, value: value.string))
            }
        }
        return endpoint
    }

    /// `events: [handoff, safety]`, or `events: all`.
    private static func readEvents(_ node: Node, in section: YAMLSection) throws(WebhookConfigurationError) -> Set<ChatEvent.Kind> {
        let key = section.key("events")
        if case let .scalar(scalar) = node, scalar.string.lowercased() == "all" { return Set(ChatEvent.Kind.allCases) }
        guard case let .sequence(items) = node else {
            throw .wrongType(key: key, location: section.location(of: node), expected: "a list of event names, or `all`")
        }
        var kinds: Set<ChatEvent.Kind> = []
        for item in items {
            let name = item.string ?? ""
            guard let kind = ChatEvent.Kind(rawValue: name.lowercased()) else {
                throw .unknownEvent(key: key, location: section.location(of: item), value: name)
            }
            kinds.insert(kind)
        }
        return kinds
    }

    private static func position(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return ":\(mark.line):\(mark.column)"
        case let .duplicatedKeysInMapping(_, context):
            return ":\(context.mark.line):\(context.mark.column)"
        default:
            return ""
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case let .duplicatedKeysInMapping(duplicates, _):
            return "key \(duplicates.joined(separator: ", ")) appears twice in the same mapping"
        default:
            return String(describing: error)
        }
    }
}
