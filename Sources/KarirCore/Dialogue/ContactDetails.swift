/// Whether a message carries a way to reach its writer: a phone number ("0812-3456-7890",
/// "+62 812 3456 7890") or an e-mail address. After Karir asked for details for staff, such a
/// message is those details, whatever else it reads like ("nomor saya 08123456789" is not a
/// question about the office's phone numbers).
enum ContactDetails {
    /// The fewest digits of a phone number (Indonesian mobile numbers have 10–13).
    static let phoneDigits = 9

    static func present(in text: String) -> Bool {
        hasPhoneNumber(text) || hasEmailAddress(text)
    }

    /// A run of at least ``phoneDigits`` digits, which may be grouped by spaces, dashes, dots or
    /// brackets and start with "+". Digits hidden as "x" or "*" after at least ``shownDigits``
    /// real ones count ("0812 3345 xxxx": the person means their number, probe 27d u39).
    static func hasPhoneNumber(_ text: String) -> Bool {
        var digits = 0, shown = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                shown += 1
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "*"):
                if shown >= shownDigits {
                    digits += 1
                } else {
                    digits = 0
                    shown = 0
                }
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"):
                continue
            default:
                digits = 0
                shown = 0
            }
            if digits >= phoneDigits { return true }
        }
        return false
    }

    /// The fewest real digits before hidden ones for a run to be a phone number.
    static let shownDigits = 4

    /// A word with letters or digits on both sides of one "@" and a dot after it.
    static func hasEmailAddress(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," }).contains { word in
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else { return false }
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
        }
    }
}
