/// Figures a person gives about their own case, read from the message as typed: amounts of
/// money ("gaji sy 4,2 jt", "Rp 4.200.000", "4.2 million", "4 juta 200 ribu") and hours
/// ("lembur 3 jam", "3 hours of overtime"). Answers that compute with them are declared with
/// `calculate:` (``Calculation``).
public enum Figures {
    /// The amounts of rupiah the text names, in order. A number counts as money when a word of
    /// amount follows it ("juta", "jt", "million", "ribu", "rb", "k"), when "Rp" comes before
    /// it, or when it is written as a large amount on its own ("4.200.000", "4200000": 100,000
    /// or more).
    public static func money(in text: String) -> [Int] { money(tokens(text)) }

    /// ``money(in:)`` of a message already cut into words (``tokens(_:)``).
    static func money(_ words: [Word]) -> [Int] { moneyAt(words).map(\.amount) }

    /// The amounts with the place of the word each begins at.
    static func moneyAt(_ words: [Word]) -> [(amount: Int, at: Int)] {
        var amounts: [(amount: Int, at: Int)] = []
        var k = 0
        while k < words.count {
            guard let number = words[k].number else { k += 1; continue }
            let rupiah = k > 0 && (words[k - 1].text == "rp" || words[k - 1].text == "idr")
            let next = k + 1 < words.count ? words[k + 1].text : ""
            if let scale = scales[next] ?? words[k].scale {
                var amount = number.value * scale
                var used = words[k].scale == nil ? 2 : 1
                // "4 juta 200 ribu": the smaller part that follows is added.
                if scale >= 1_000_000, k + used < words.count, let rest = words[k + used].number,
                   let restScale = (k + used + 1 < words.count ? scales[words[k + used + 1].text] : nil) ?? words[k + used].scale,
                   restScale < scale {
                    amount += rest.value * restScale
                    used += words[k + used].scale == nil ? 2 : 1
                } else if scale >= 1_000_000, k + used < words.count, let rest = words[k + used].number, words[k + used].scale == nil,
                          words[k + used].unit == nil, rest.value >= 100, rest.value < 1_000, rest.value == rest.value.rounded(),
                          !(k + used + 1 < words.count && countingUnitWords.contains(words[k + used + 1].text)) {
                    // "2 juta 300", "dua juta tiga ratus": the hundreds after millions are thousands.
                    amount += rest.value * 1_000
                    used += 1
                }
                // "satu juta setengah", "2 juta setengah": half of the scale more (1.5 million).
                if scale >= 1_000, k + used < words.count, words[k + used].number == nil, halfWords.contains(words[k + used].text) {
                    amount += scale / 2
                    used += 1
                }
                if let whole = whole(amount) { amounts.append((whole, k)) }
                k += used
                continue
            }
            if rupiah || number.grouped || number.value >= 100_000, number.value >= 1_000, let whole = whole(number.value) {
                amounts.append((whole, k))
            }
            k += 1
        }
        return amounts
    }

    /// "setengah", "half" right after a scale ("satu juta setengah"): half of that scale more.
    static let halfWords: Set<String> = ["setengah", "half"]

    /// The numbers of hours the text names ("3 jam", "2 hours", "3h"), each with whether an
    /// overtime word ("lembur", "overtime") stands next to it, and whether it counts the hours of
    /// a week or a month rather than of one day ("10 hours this month", "lembur 12 jam seminggu").
    public static func hours(in text: String) -> [Hours] { hours(tokens(text)) }

    /// Hours the text names (``hours(in:)``).
    public struct Hours: Sendable {
        public var hours: Double
        public var overtime: Bool
        /// The hours of a week or a month, not of one day.
        public var period = false
        /// The length of the working day, not overtime: a word of work just before or after
        /// ("kerja 12 jam tiap hari", "12 jam kerja", "work 12 hours") and none of overtime.
        public var work = false
    }

    /// ``hours(in:)`` of a message already cut into words.
    static func hours(_ words: [Word]) -> [Hours] {
        var found: [Hours] = []
        for (k, w) in words.enumerated() {
            guard let number = w.number, w.scale == nil, !number.grouped, hourWords.contains(unit(of: k, in: words)) else { continue }
            // "lembur 3 jam", "lembur selama 3 jam", "3 jam lembur", "3 hours of overtime".
            // (Not "8 jam, lembur 3 jam": an overtime word followed by a number is that number's.)
            let after = w.unit == nil ? k + 2 : k + 1
            let before = words[max(0, k - 2)..<k].contains { overtimeWords.contains($0.text) }
            let following = words[min(words.count, after)..<min(words.count, after + 2)]
            let behind = following.contains { overtimeWords.contains($0.text) } && !following.contains { $0.number != nil }
            // The words after the unit up to the next number: "a day" makes the hours daily,
            // "this month" or "seminggu" makes them a week's or a month's.
            let rest = words[min(words.count, after)..<min(words.count, after + 6)].prefix { $0.number == nil }
            let daily = rest.contains { dayWords.contains($0.text) || $0.text == "sehari" || $0.text == "daily" }
            let period = !daily && rest.contains { periodWords.contains($0.text) }
            let overtime = before || behind
            let work = !overtime && (words[max(0, k - 2)..<k].contains { workWords.contains($0.text) }
                                     || words[min(words.count, after)..<min(words.count, after + 1)].contains { workWords.contains($0.text) })
            found.append(Hours(hours: number.value, overtime: overtime, period: period, work: work))
        }
        return found
    }

    /// The number of days the text names ("5 hari", "for 5 days"), if it names exactly one.
    static func days(_ words: [Word]) -> Double? {
        let found = words.indices.compactMap { k -> Double? in
            guard let number = words[k].number, words[k].scale == nil, !number.grouped, dayWords.contains(unit(of: k, in: words)) else { return nil }
            return number.value
        }
        return found.count == 1 ? found[0] : nil
    }

    static let dayWords: Set<String> = ["hari", "day", "days"]
    /// Words of work that make the hours next to them a working day's length.
    static let workWords: Set<String> = ["kerja", "bekerja", "kerjanya", "work", "working", "works", "shift", "masuk"]
    /// Every word that gives a number its unit or period, for telling a message that is hardly
    /// more than figures.
    static let unitWords: Set<String> = Set(scales.keys).union(hourWords).union(monthWords).union(yearWords).union(dayWords)
        .union(periodWords).union(overtimeWords).union(["per", "sehari", "perhari", "rupiah", "rp"])
    /// Units that make the number before them a count (hours, months …), not the hundreds after
    /// millions: every unit but the words saying what an amount is paid per or in ("dua juta
    /// tiga ratus sebulan" is 2,300,000 a month; "gaji 2 juta 3 bulan" is 2 million for 3 months).
    static let countingUnitWords: Set<String> = unitWords.subtracting(["sebulan", "seminggu", "sehari", "perhari", "per", "monthly",
                                                                        "weekly", "rupiah", "rp", "total", "totalnya"])
    static let periodWords: Set<String> = ["bulan", "bln", "month", "months", "minggu", "mgg", "week", "weeks", "sebulan", "seminggu",
                                           "weekly", "monthly", "total", "totalnya"]

    /// The lengths of time the text names, in months ("18 bulan", "1,5 tahun", "2 thn",
    /// "6 months", "setahun", "bulan ke 7": the seventh month, worked), each with whether a word
    /// of service stands before it ("kerja", "jalan", "worked", "selama", "sudah" …: how long
    /// someone has worked, not how long a contract runs).
    public static func months(in text: String) -> [(months: Double, service: Bool)] { months(tokens(text)) }

    /// ``months(in:)`` of a message already cut into words.
    static func months(_ words: [Word]) -> [(months: Double, service: Bool)] {
        var found: [(months: Double, service: Bool)] = []
        var joined: Set<Int> = []
        for (k, w) in words.enumerated() where !joined.contains(k) {
            // (The nearer word decides: "kerja kontrak 1 thn, baru 8 bulan" is a contract of a
            // year and 8 months worked, not a year worked; probe 32g 08/3.)
            let service = words[max(0, k - 3)..<k].reversed().first { serviceWords.contains($0.text) || contractWords.contains($0.text) }
                .map { serviceWords.contains($0.text) } ?? false
            // "kerja setahun": only after a word of service ("gaji setahun" is no length of work).
            if let single = singleDurations[w.text], service {
                found.append((single, service))
                continue
            }
            guard let number = w.number, w.scale == nil, !number.grouped else { continue }
            // Not the months left of a contract ("sisa 4 bulan", "tinggal 2 bulan lagi", "2 months
            // left"): no months worked, nor a contract's length (probe 32h 21/3 got a PKWT
            // compensation for the 2 months remaining).
            if isRemaining(k, in: words) { continue }
            // "diputus bulan ke 7", "resign di bulan ke-5": the Nth month, worked.
            if k >= 2, words[k - 1].text == "ke", monthWords.contains(words[k - 2].text) {
                found.append((number.value, true))
                continue
            }
            let unit = unit(of: k, in: words)
            if monthWords.contains(unit) { found.append((number.value, service)) }
            if yearWords.contains(unit) {
                // "1 tahun 3 bulan", "2 thn lebih 4 bln": one length of 15 and 28 months.
                var next = k + (w.unit == nil ? 2 : 1)
                if next < words.count, ["lebih", "dan", "and"].contains(words[next].text) { next += 1 }
                if next < words.count, let more = words[next].number, words[next].scale == nil, !more.grouped, more.value < 12,
                   monthWords.contains(Self.unit(of: next, in: words)) {
                    found.append((number.value * 12 + more.value, service))
                    joined.insert(next)
                } else {
                    found.append((number.value * 12, service))
                }
            }
        }
        return found
    }

    /// Whether the number at `k` is the time left of something ("sisa 4 bulan", "sisa kontrak 1
    /// bln lg", "tinggal 2 bulan lagi", "2 months left").
    static func isRemaining(_ k: Int, in words: [Word]) -> Bool {
        words[max(0, k - 2)..<k].contains(where: { remainingWords.contains($0.text) })
            || (k + 2 < words.count && afterRemainingWords.contains(words[k + 2].text))
    }

    /// Words after a length that make it the time left ("2 bulan lagi", "2 months left").
    static let afterRemainingWords: Set<String> = ["left", "remaining", "lagi", "lg", "lgi"]

    /// The months left of a contract the message states ("sisa kontrak 1 bln lg", "tinggal 3
    /// bulan lagi", "6 months left"), in months; nil when it states none.
    static func remainingMonths(_ words: [Word]) -> Double? {
        for (k, w) in words.enumerated() {
            guard let number = w.number, w.scale == nil, !number.grouped, isRemaining(k, in: words) else { continue }
            let unit = unit(of: k, in: words)
            if monthWords.contains(unit) { return number.value }
            if yearWords.contains(unit) { return number.value * 12 }
        }
        return nil
    }

    static let monthWords: Set<String> = ["bulan", "bln", "bl", "month", "months", "mo", "mos"]
    /// Words that make the length after them what is left, not what was worked.
    static let remainingWords: Set<String> = ["sisa", "sisanya", "tinggal", "kurang", "remaining"]

    /// Words of a contract, whose length follows them.
    static let contractWords: Set<String> = ["kontrak", "pkwt", "contract", "kontraknya"]
    static let yearWords: Set<String> = ["tahun", "thn", "th", "taun", "year", "years", "yr", "yrs"]
    static let singleDurations: [String: Double] = ["setahun": 12]
    static let serviceWords: Set<String> = ["kerja", "bekerja", "jalan", "worked", "working", "selama", "sudah", "udah", "udh", "sdh",
                                            "masa", "service", "for", "baru", "setelah", "after", "stlh"]

    /// The unit of the number at `k`: written on to it ("3jam"), else the next word.
    static func unit(of k: Int, in words: [Word]) -> String {
        words[k].unit ?? (k + 1 < words.count ? words[k + 1].text : "")
    }

    /// An amount as whole rupiah; nil beyond any real amount ("999999999999999999999 juta"
    /// would not fit an integer).
    static func whole(_ amount: Double) -> Int? {
        guard amount.isFinite, amount >= 0, amount < largestAmount else { return nil }
        return Int(amount.rounded())
    }
    static let largestAmount = 1e15

    /// Words that make a number an amount of money, with their factor.
    static let scales: [String: Double] = [
        "juta": 1_000_000, "jutaan": 1_000_000, "jt": 1_000_000, "jeti": 1_000_000, "million": 1_000_000, "millions": 1_000_000, "mio": 1_000_000,
        "ribu": 1_000, "rb": 1_000, "rebu": 1_000, "k": 1_000, "thousand": 1_000,
    ]
    static let hourWords: Set<String> = ["jam", "jm", "hour", "hours", "hr", "hrs", "h"]
    static let overtimeWords: Set<String> = ["lembur", "overtime", "ot", "lemburan"]

    /// A word of the text: lower-cased letters, or a number as typed, with a unit written on to
    /// it ("4jt", "3jam", "500rb").
    struct Word {
        var text: String
        var number: (value: Double, grouped: Bool)?
        var scale: Double?
        var unit: String?
        /// Typed as a list item's number: "2." or "2)" before a space or the end.
        var listMark = false
    }

    /// The text cut into words and numbers. A number keeps its separators: "4.200.000" and
    /// "4,200,000" are grouped thousands, "4,2" and "4.2" a decimal.
    static func tokens(_ text: String) -> [Word] {
        // Most messages are plain ASCII: read as bytes, the same way (no grapheme breaking).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return corrected(withSpelledNumbers(withoutListNumbers(asciiTokens(Array(text.utf8))))) }
        var words: [Word] = []
        let chars = Array(text.lowercased())
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                var j = i
                while j < chars.count, (chars[j].isASCII && chars[j].isNumber)
                        || ((chars[j] == "." || chars[j] == ",") && j + 1 < chars.count && chars[j + 1].isASCII && chars[j + 1].isNumber) {
                    j += 1
                }
                let raw = String(chars[i..<j])
                var k = j
                while k < chars.count, chars[k].isLetter { k += 1 }
                words.append(numberWord(raw, suffix: String(chars[j..<k])))
                words[words.count - 1].listMark = k == j && k < chars.count && (chars[k] == "." || chars[k] == ")")
                    && (k + 1 == chars.count || chars[k + 1].isWhitespace)
                i = k
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                words.append(Word(text: String(chars[i..<j])))
                i = j
            } else {
                i += 1
            }
        }
        return corrected(withSpelledNumbers(withoutListNumbers(words)))
    }

    /// The words with the numbers of a numbered list left out ("mau tanya 3 hal: 1. lembur
    /// dibayar brp 2. cuti tahunan brp hari 3. thr wajib gak": no wage of 2 million, no
    /// length of 3 anything): numbers typed as list items ("1.", "2)") counting up from 1, when
    /// at least the first two are there. One such number alone ("gaji saya 5.") stays a number.
    static func withoutListNumbers(_ words: [Word]) -> [Word] {
        var next = 1.0
        var marks: [Int] = []
        for (k, w) in words.enumerated() where w.listMark {
            if let number = w.number, number.value == next, !number.grouped {
                marks.append(k)
                next += 1
            }
        }
        guard marks.count >= 2 else { return words }
        var result = words
        for k in marks { result[k].number = nil }
        return result
    }

    /// The words with a figure the person took back left out: after a correction ("8 bulan
    /// gaji 4,5jt, eh salah, 10 bulan"), a length of time or an amount of money named after
    /// the correction word replaces those of its kind named before it.
    static func corrected(_ words: [Word]) -> [Word] {
        guard let mark = words.lastIndex(where: { correctionWords.contains($0.text) }), mark > 0, mark + 1 < words.count else { return words }
        let after = Array(words[(mark + 1)...])
        let newLength = !months(after).isEmpty, newAmount = !moneyAt(after).isEmpty
        guard newLength || newAmount else { return words }
        var result = words
        let lengths = Set((0..<mark).filter { k in
            guard words[k].number != nil else { return false }
            let unit = unit(of: k, in: words)
            return monthWords.contains(unit) || yearWords.contains(unit)
        })
        let amounts = Set(moneyAt(Array(words[..<mark])).map(\.at))
        for k in 0..<mark where (newLength && lengths.contains(k)) || (newAmount && amounts.contains(k)) {
            result[k].number = nil
            result[k].scale = nil
        }
        return result
    }

    /// Words that take back what was said just before ("eh salah", "ralat", "maksudnya").
    static let correctionWords: Set<String> = ["salah", "ralat", "koreksi", "maksudnya", "maksudku", "maksud", "typo", "mean", "correction"]

    /// ``tokens(_:)`` of a plain ASCII text, from its bytes.
    static func asciiTokens(_ bytes: [UInt8]) -> [Word] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[range].map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var words: [Word] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if isDigit(c) {
                var j = i
                while j < bytes.count, isDigit(bytes[j]) || ((bytes[j] == 0x2E || bytes[j] == 0x2C) && j + 1 < bytes.count && isDigit(bytes[j + 1])) {
                    j += 1
                }
                let raw = text(i..<j)
                var k = j
                while k < bytes.count, isLetter(bytes[k]) { k += 1 }
                words.append(numberWord(raw, suffix: text(j..<k)))
                words[words.count - 1].listMark = k == j && k < bytes.count && (bytes[k] == 0x2E || bytes[k] == 0x29)
                    && (k + 1 == bytes.count || bytes[k + 1] == 0x20 || bytes[k + 1] == 0x0A || bytes[k + 1] == 0x09)
                i = k
            } else if isLetter(c) {
                var j = i
                while j < bytes.count, isLetter(bytes[j]) { j += 1 }
                words.append(Word(text: text(i..<j)))
                i = j
            } else {
                i += 1
            }
        }
        return words
    }

    /// A number as typed with the letters written on to it: a scale ("4jt"), a unit ("3jam"),
    /// or no number at all ("2x", "3rd").
    static func numberWord(_ raw: String, suffix: String) -> Word {
        var word = Word(text: raw, number: parse(raw))
        if suffix.isEmpty { return word }
        if let s = scales[suffix] {
            word.scale = s
        } else if hourWords.contains(suffix) || monthWords.contains(suffix) || yearWords.contains(suffix) {
            word.unit = suffix
        } else {
            word.number = nil
        }
        return word
    }

    /// "4.200.000" → 4,200,000 (grouped); "4,2" → 4.2; "4.25" → 4.25; "4" → 4.
    static func parse(_ raw: String) -> (value: Double, grouped: Bool)? {
        let parts = raw.split(whereSeparator: { $0 == "." || $0 == "," }).map(String.init)
        guard let first = parts.first else { return nil }
        if parts.count == 1 { return Double(first).map { ($0, false) } }
        // Groups of exactly three digits after the first: thousands.
        if parts.dropFirst().allSatisfy({ $0.count == 3 }), first.count <= 3 {
            return Double(parts.joined()).map { ($0, true) }
        }
        if parts.count == 2 { return Double(first + "." + parts[1]).map { ($0, false) } }
        return nil
    }
}
