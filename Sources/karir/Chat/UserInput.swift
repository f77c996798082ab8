import Foundation
import KarirCore

/// What an entered line means: a question, a pick from the offered choices, or a command.
enum UserInput: Sendable, Equatable {
    case question(String)
    /// The number of one of the offered choices (1-based).
    case choice(Int)
    /// A number, but not one of the offered choices.
    case badChoice
    case help
    case reset
    case quit
    case language(Language)
    /// `/lang` without a known language.
    case languageUsage
    case unknownCommand(String)

    /// Reads a line. Commands have Indonesian aliases (`/bantuan`, `/bahasa`, `/ulang`, `/keluar`);
    /// the words for leaving also work alone, without the slash.
    /// - Parameter offeredChoices: how many numbered choices the last reply showed.
    static func parse(_ line: String, offeredChoices: Int) -> UserInput {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("/") {
            let words = trimmed.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
            let name = words.first.map { $0.lowercased() } ?? ""
            switch name {
            case "help", "bantuan", "?": return .help
            case "reset", "ulang", "baru": return .reset
            case "quit", "exit", "keluar", "selesai": return .quit
            case "lang", "bahasa", "language":
                guard words.count == 2, let language = Language(code: String(words[1])) else { return .languageUsage }
                return .language(language)
            default: return .unknownCommand(String(trimmed))
            }
        }
        // A whole line that is only the word for leaving ("keluar", "exit") is the command: at a
        // kiosk people type it without the slash. Inside a sentence it stays a question
        // ("keluar kerja dapat pesangon?").
        switch trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".!")) {
        case "quit", "exit", "keluar", "selesai": return .quit
        default: break
        }
        let number = trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
        if offeredChoices > 0, (1...3).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }),
           let value = Int(number) {
            return (1...offeredChoices).contains(value) ? .choice(value) : .badChoice
        }
        return .question(trimmed)
    }
}
