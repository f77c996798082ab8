import Yams

/// A YAML mapping being read for the webhook configuration, remembering its key path
/// and source positions so that every error can point at the offending line.
struct YAMLSection {
    let mapping: Node.Mapping
    let path: String
    let source: String
    /// Source positions by key path, shared with the caller for later validation errors.
    let locations: LocationBook

    /// Positions of values by key path (`webhooks.endpoints[0].url` → `karir.yaml:12:10`).
    final class LocationBook {
        var byKey: [String: String] = [:]
    }

    func key(_ name: String) -> String { "\(path).\(name)" }

    func location(of node: Node?) -> String? {
        guard let mark = node?.mark else { return nil }
        return "\(source):\(mark.line):\(mark.column)"
    }

    /// Refuses keys outside `known`, suggesting the closest known one.
    func requireOnly(_ known: [String]) throws(WebhookConfigurationError) {
        for (keyNode, _) in mapping {
            let name = keyNode.string ?? ""
            if !known.contains(name) {
                throw .unknownKey(key: key(name), location: location(of: keyNode), known: known)
            }
        }
    }

    /// The raw node for `name`, recording its position.
    func node(_ name: String) -> Node? {
        guard let value = mapping[Node(name)] else { return nil }
        if let place = location(of: value) { locations.byKey[key(name)] = place }
        return value
    }

    func string(_ name: String) throws(WebhookConfigurationError) -> String? {
        guard let value = node(name) else { return nil }
        guard case let .scalar(scalar) = value else {
            throw .wrongType(key: key(name), location: location(of: value), expected: "a text value")
        }
        return scalar.string
    }

    func int(_ name: String) throws(WebhookConfigurationError) -> Int? {
        guard let value = node(name) else { return nil }
        guard let number = value.int else {
            throw .wrongType(key: key(name), location: location(of: value), expected: "a whole number")
        }
        return number
    }

    func bool(_ name: String) throws(WebhookConfigurationError) -> Bool? {
        guard let value = node(name) else { return nil }
        guard let flag = value.bool else {
            throw .wrongType(key: key(name), location: location(of: value), expected: "true or false")
        }
        return flag
    }

    func seconds(_ name: String) throws(WebhookConfigurationError) -> Double? {
        guard let value = node(name) else { return nil }
        guard case let .scalar(scalar) = value, let seconds = DurationText.seconds(scalar.string) else {
            throw .invalidDuration(key: key(name), location: location(of: value), value: value.string ?? "(not a scalar)")
        }
        return seconds
    }

    func section(_ name: String) throws(WebhookConfigurationError) -> YAMLSection? {
        guard let value = node(name) else { return nil }
        guard case let .mapping(inner) = value else {
            throw .wrongType(key: key(name), location: location(of: value), expected: "a mapping of keys to values")
        }
        return YAMLSection(mapping: inner, path: key(name), source: source, locations: locations)
    }

    func list(_ name: String) throws(WebhookConfigurationError) -> [Node]? {
        guard let value = node(name) else { return nil }
        guard case let .sequence(items) = value else {
            throw .wrongType(key: key(name), location: location(of: value), expected: "a list")
        }
        return Array(items)
    }
}
