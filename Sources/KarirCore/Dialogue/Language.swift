/// A language Karir answers in.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    /// Bahasa Indonesia.
    case id
    /// English.
    case en

    /// Parses `id`/`en` (also `in`, `ind`, `eng`, case-insensitive); nil for anything else.
    public init?(code: String) {
        switch code.lowercased() {
        case "id", "in", "ind", "indonesian", "indonesia", "bahasa": self = .id
        case "en", "eng", "english": self = .en
        default: return nil
        }
    }
}
