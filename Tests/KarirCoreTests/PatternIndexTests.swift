import Testing
@testable import KarirCore

/// The pattern index against hand-made tokens: the pre-test that skips variants missing a
/// word, concept or entity must never skip one that matches.
@Suite struct PatternIndexTests {
    /// Words are their own roots except where `roots` says otherwise.
    static func index(_ sources: [String], roots: [String: String] = [:]) throws -> PatternIndex {
        let patterns = try sources.enumerated().map { i, s in
            try Pattern(s, intent: i) { word in [(word, roots[word] ?? word)] }
        }
        return PatternIndex(patterns)
    }

    static func tokens(_ text: String, stems: [String: String] = [:], concepts: [String: String] = [:], entities: [String: String] = [:]) -> [Token] {
        text.split(separator: " ").map { w in
            let word = String(w)
            let entity = entities[word].map { EntityMention(type: $0, id: word, text: word) }
            return Token(surface: word, stem: entity.map { "@" + $0.type } ?? stems[word] ?? word, typed: nil,
                         concepts: concepts[word].map { [(name: $0, length: 1)] } ?? [], entity: entity, known: true)
        }
    }

    @Test func wordsMustAllBePresentAndInOrder() throws {
        let index = try Self.index(["* kerja paksa *"])
        #expect(index.firstMatch(Self.tokens("saya dipaksa kerja paksa di kapal"), eligible: { _ in true })?.intent == 0)
        #expect(index.firstMatch(Self.tokens("paksa kerja saya"), eligible: { _ in true }) == nil)
        #expect(index.firstMatch(Self.tokens("saya kerja di pabrik"), eligible: { _ in true }) == nil)
    }

    @Test func aWordMatchesByItsRootOrItsWrittenForm() throws {
        let index = try Self.index(["* dipukul majikan *"], roots: ["dipukul": "pukul"])
        // the message's word has the pattern word's root
        #expect(index.firstMatch(Self.tokens("aku dipukuli majikan", stems: ["dipukuli": "pukul"]), eligible: { _ in true })?.intent == 0)
        // the written form itself, whose root is the pattern word's root
        #expect(index.firstMatch(Self.tokens("aku dipukul majikan", stems: ["dipukul": "pukul"]), eligible: { _ in true })?.intent == 0)
        // the bare root matches as well
        #expect(index.firstMatch(Self.tokens("aku pukul majikan"), eligible: { _ in true })?.intent == 0)
        #expect(index.firstMatch(Self.tokens("aku ditendang majikan"), eligible: { _ in true }) == nil)
    }

    @Test func conceptsEntitiesAndOptionalParts() throws {
        let index = try Self.index(["[berapa] ~upah_minimum @province [ya|sih]", "(halo|hai) [kak|min]"])
        let umr = Self.tokens("berapa umr jateng sih", concepts: ["umr": "upah_minimum"], entities: ["jateng": "province"])
        #expect(index.firstMatch(umr, eligible: { _ in true })?.intent == 0)
        // no province named: the first pattern cannot match
        #expect(index.firstMatch(Self.tokens("berapa umr sih", concepts: ["umr": "upah_minimum"]), eligible: { _ in true }) == nil)
        // the concept's name written as a plain word is not the concept
        #expect(index.firstMatch(Self.tokens("berapa upah_minimum jateng", entities: ["jateng": "province"]), eligible: { _ in true }) == nil)
        #expect(index.firstMatch(Self.tokens("hai kak"), eligible: { _ in true })?.intent == 1)
        #expect(index.firstMatch(Self.tokens("hai"), eligible: { _ in true })?.intent == 1)
        #expect(index.firstMatch(Self.tokens("hai bos"), eligible: { _ in true }) == nil)
    }

    @Test func theMostSpecificEligiblePatternWins() throws {
        // sorted most specific first, as the compiler does
        let index = try Self.index(["* daftar pelatihan las *", "* daftar pelatihan *", "* pelatihan *"])
        let tokens = Self.tokens("mau daftar pelatihan las")
        #expect(index.firstMatch(tokens, eligible: { _ in true })?.intent == 0)
        #expect(index.firstMatch(tokens, eligible: { $0 != 0 })?.intent == 1)
        #expect(index.firstMatch(tokens, eligible: { $0 == 2 })?.intent == 2)
        #expect(index.firstMatch(Self.tokens("apa itu blk"), eligible: { _ in true }) == nil)
    }
}

@Suite struct PatternIndexWordNumberTests {
    @Test func wordsFoundByTheirNumbersMatchAsByTheirStrings() throws {
        let pattern = try Pattern("* kerja paksa *", intent: 0) { word in [(word, word)] }
        let numbers: [String: Int32] = ["saya": 0, "kerja": 1, "paksa": 2, "di": 3]
        let index = PatternIndex([pattern], wordNumbers: numbers)
        func tokens(_ words: [String], numbered: Bool) -> [Token] {
            words.map { w in
                let n = numbered ? numbers[w] ?? -1 : -1
                return Token(surface: w, stem: w, typed: nil, concepts: [], entity: nil, known: true, surfaceNumber: n, stemNumber: n)
            }
        }
        for numbered in [true, false] {
            #expect(index.firstMatch(tokens(["saya", "kerja", "paksa", "di"], numbered: numbered), eligible: { _ in true })?.intent == 0)
            #expect(index.firstMatch(tokens(["paksa", "kerja", "saya"], numbered: numbered), eligible: { _ in true }) == nil)
        }
        // A numbered word that no pattern uses finds nothing, as its string would.
        #expect(index.firstMatch(tokens(["saya", "di"], numbered: true), eligible: { _ in true }) == nil)
    }
}
