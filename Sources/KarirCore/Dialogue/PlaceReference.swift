/// A message that points at a place instead of naming it ("umr di sana berapa?", "what is the
/// minimum wage there?") after a message that named one: it is read as if it named that place
/// ("umr di bekasi berapa?"), so that the readings that need a place rank as they would for
/// the named one.
enum PlaceReference {
    /// The message's text with its place words replaced by the name of the place the
    /// conversation remembers, or nil when the message names a place itself, points at none,
    /// or the conversation remembers no single place.
    static func resolved(_ tokens: [Token], slots: [String: String], values: [String: [String: EntityValue]]) -> String? {
        guard !tokens.contains(where: { $0.entity.map { placeTypes.contains($0.type) } ?? false }) else { return nil }
        let pointing = tokens.indices.filter { pointsAtPlace(tokens, at: $0) }
        guard !pointing.isEmpty, let name = rememberedPlace(slots: slots, values: values) else { return nil }
        var words = tokens.map(\.surface)
        for i in pointing { words[i] = name }
        return words.joined(separator: " ")
    }

    /// The place the conversation remembers, by its display name: the city when it has one
    /// (and any remembered province is the one it lies in), else the province.
    static func rememberedPlace(slots: [String: String], values: [String: [String: EntityValue]]) -> String? {
        let city = slots["city"].flatMap { id in values["city"]?[id] }
        let province = slots["province"].flatMap { id in values["province"]?[id] }
        if let city, let id = slots["province"], city.within["province"]?.value != id { return nil }
        return (city ?? province)?.names.first
    }

    /// Whether the word at `i` points at a place: "sana", "situ", and "there" when it is not the
    /// "there" of "is there …?" or "there are …".
    static func pointsAtPlace(_ tokens: [Token], at i: Int) -> Bool {
        let w = tokens[i].surface
        if words.contains(w) { return true }
        guard w == "there" else { return false }
        if i > 0, existentialBefore.contains(tokens[i - 1].surface) { return false }
        if i + 1 < tokens.count, existentialAfter.contains(tokens[i + 1].surface) { return false }
        return true
    }

    static let placeTypes: Set<String> = ["city", "province"]
    static let words: Set<String> = ["sana", "situ", "disana", "disitu", "sono"]
    static let existentialBefore: Set<String> = ["is", "are", "was", "were", "be", "been", "will", "s"]
    static let existentialAfter: Set<String> = ["is", "are", "was", "were", "be", "s", "any", "a", "an", "no", "some", "will",
                                                "would", "might", "must", "should", "has", "have", "many", "much", "isn", "aren"]
}
