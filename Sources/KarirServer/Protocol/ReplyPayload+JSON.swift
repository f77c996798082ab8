import KarirCore

extension ReplyPayload {
    /// The same JSON text as ``KarirCore/ReplyPayload/jsonLine()`` (sorted keys, absent optionals
    /// omitted, slashes not escaped), written directly instead of through `JSONEncoder`, which costs
    /// more than the rest of an `ask` on Linux. `ReplyPayloadJSONTests` keeps the two identical.
    func fastJSON() -> String {
        var out = "{"
        out.reserveCapacity(text.utf8.count + 256)
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\""
            out += name
            out += "\":"
        }
        func string(_ value: String) { JSONValue.writeString(value, to: &out) }
        func choices(_ list: [Choice]) {
            out += "["
            for (i, choice) in list.enumerated() {
                if i > 0 { out += "," }
                out += "{"
                if let confidence = choice.confidence {
                    out += "\"confidence\":" + Self.number(confidence) + ","
                }
                out += "\"intent\":"
                string(choice.intent)
                out += ",\"number\":" + String(choice.number) + ",\"title\":"
                string(choice.title)
                out += ",\"topic\":"
                string(choice.topic)
                out += "}"
            }
            out += "]"
        }
        if let alsoAnswered {
            key("also_answered")
            out += "["
            for (i, intent) in alsoAnswered.enumerated() {
                if i > 0 { out += "," }
                string(intent)
            }
            out += "]"
        }
        if let asOf { key("as_of"); string(asOf) }
        if let candidates { key("candidates"); choices(candidates) }
        key("confidence"); out += Self.number(confidence)
        if let conversationTopic { key("conversation_topic"); string(conversationTopic) }
        if let intent { key("intent"); string(intent) }
        key("kind"); string(kind.rawValue)
        key("lang"); string(lang.rawValue)
        if let passedToStaff { key("passed_to_staff"); out += passedToStaff ? "true" : "false" }
        if let repeated { key("repeated"); out += repeated ? "true" : "false" }
        if let session { key("session"); string(session) }
        if let source { key("source"); string(source) }
        key("suggestions"); choices(suggestions)
        key("text"); string(text)
        key("topic"); string(topic)
        out += "}"
        return out
    }

    /// A Double as JSONEncoder writes it: whole numbers without a fraction, others in shortest form.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
