/// Which entity mentions a message gives as the writer's own role, now or before: "sy tukang
/// bangunan", "I am a nurse", "mantan satpam", "saya jadi PRT 2 tahun". Job seekers often say
/// what they do before asking about what they want to do ("… pengen jadi tukang listrik"), and
/// the question is about the second.
enum OwnRole {
    /// Words that introduce the writer (or, "anak saya perawat", someone close) as the holder.
    static let holders: Set<String> = ["saya", "aku", "gue", "gua", "gw", "ane", "i", "mantan", "bekas", "former", "ex"]
    /// Words that may stand between the holder and the role: "I am a …", "saya seorang …",
    /// "saya bekerja sebagai …", "I worked as a …".
    static let linking: Set<String> = ["am", "was", "a", "an", "seorang", "sebagai", "as", "jadi", "menjadi", "kerja", "bekerja",
                                       "work", "worked", "working", "berprofesi", "profesi"]
    /// How far back from the role the holder may be, linking words included.
    static let reach = 4

    /// For each entity mention of `tokens` (in order, as ``Analysis/entities``), whether it is
    /// given as the writer's own role: the nearest word before it that is not a linking word is
    /// a holder, within ``reach`` words ("saya mau jadi guru" is not: "mau" comes first).
    static func marks(_ tokens: [Token]) -> [Bool] {
        var marks: [Bool] = []
        for (k, token) in tokens.enumerated() where token.entity != nil {
            var own = false
            var back = k - 1
            while back >= 0 && k - back <= reach {
                let word = tokens[back].surface
                if holders.contains(word) { own = true; break }
                if !linking.contains(word) { break }
                back -= 1
            }
            marks.append(own)
        }
        return marks
    }

    /// The entities `analysis` asks about, in order: all it names, except those the writer
    /// names as their own when it also names another value of the same type. "sy tukang
    /// bangunan, pengen jadi tukang listrik" asks about electricians; "saya perawat, gaji
    /// perawat berapa?" still about nurses.
    /// A value said not to be meant ("I work in Depok, not Jakarta", "bukan di jakarta") is not
    /// asked about either, when the message names another one.
    static func asked(in analysis: Analysis) -> [EntityMention] {
        let all = analysis.entities
        let negated = negations(analysis.tokens)
        let kept = negated.contains(false) ? all.indices.filter { !negated[$0] } : Array(all.indices)
        let entities = kept.map { all[$0] }
        let ownMarks = marks(analysis.tokens)
        let own = kept.map { ownMarks[$0] }
        guard own.contains(true) else { return entities }
        return entities.indices.filter { i in
            !own[i] || !entities.indices.contains { j in j != i && !own[j] && entities[j].type == entities[i].type }
        }.map { entities[$0] }
    }

    /// Words that say a value is not the one meant, and words that may stand between them and
    /// the value ("bukan di jakarta", "not in Jakarta").
    static let negating: Set<String> = ["bukan", "not", "kecuali", "except"]
    static let negationLinking: Set<String> = ["di", "in", "at", "ke", "to", "dari", "from", "yang", "the"]

    /// For each entity mention of `tokens` (in order), whether a negating word stands right
    /// before it (linking words aside).
    static func negations(_ tokens: [Token]) -> [Bool] {
        var marks: [Bool] = []
        for (k, token) in tokens.enumerated() where token.entity != nil {
            var back = k - 1
            while back >= 0, k - back <= 2, negationLinking.contains(tokens[back].surface) { back -= 1 }
            marks.append(back >= 0 && k - back <= 3 && negating.contains(tokens[back].surface))
        }
        return marks
    }
}
