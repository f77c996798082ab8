import Yams

/// Reads `flows:`: guided conversations such as the interest inventory.
enum FlowReader {
    static func read(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let items = r.sequence(node, what: "flows") else { return }
        for item in items {
            let allowed: Set<String> = ["id", "start", "recommend_from", "intro", "result", "steps", "letters"]
            guard let fields = r.mapping(item, what: "a flow", allowed: allowed) else { continue }
            let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let idNode = f["id"], let id = r.nonEmptyString(idNode, what: "flow id") else {
                r.error(item, "a flow needs an `id`", hint: "add `id: interest_inventory`"); continue
            }
            guard let startNode = f["start"], let start = r.nonEmptyString(startNode, what: "start of flow \(id)") else {
                r.error(item, "flow \(id) needs `start`", hint: "name the intent whose question starts the flow"); continue
            }
            var steps: [FlowStep] = []
            if let stepsNode = f["steps"], let stepItems = r.sequence(stepsNode, what: "steps of flow \(id)") {
                for s in stepItems {
                    guard let sf = r.mapping(s, what: "a step of flow \(id)", allowed: ["id", "ask", "choices", "scores", "role"]) else { continue }
                    let d = Dictionary(sf.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                    guard let sid = d["id"].flatMap({ r.nonEmptyString($0, what: "step id") }),
                          let ask = d["ask"].flatMap({ r.localized($0, what: "ask of step") }) else {
                        r.error(s, "a step needs `id` and `ask`", hint: "add `id:` and `ask: { id: ..., en: ... }`"); continue
                    }
                    var choices: [(String, Localized)] = []
                    var also: [String: [String]] = [:]
                    if let c = d["choices"], let cs = r.sequence(c, what: "choices of step \(sid)") {
                        for choice in cs {
                            guard let cf = r.mapping(choice, what: "a choice", allowed: ["value", "label", "also"]) else { continue }
                            let cd = Dictionary(cf.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                            guard let v = cd["value"].flatMap({ r.nonEmptyString($0, what: "choice value") }),
                                  let l = cd["label"].flatMap({ r.localized($0, what: "choice label") }) else {
                                r.error(choice, "a choice needs `value` and `label`", hint: "add `value:` and `label: { id: ..., en: ... }`"); continue
                            }
                            choices.append((v, l))
                            if let a = cd["also"] {
                                also[v] = r.strings(a, what: "also of choice \(v)").map { TextNormalizer.words($0.value).joined(separator: " ") }.filter { !$0.isEmpty }
                            }
                        }
                    }
                    let scores = d["scores"].flatMap { r.nonEmptyString($0, what: "scores") }
                    if let scores, !scores.allSatisfy({ "RIASEC".contains($0) }) {
                        r.error(d["scores"], "scores must be RIASEC letters (R, I, A, S, E, C)", hint: "for example `scores: R`")
                    }
                    if choices.isEmpty && scores == nil {
                        r.error(s, "step \(sid) needs `choices` or `scores`", hint: "give numbered `choices`, or `scores: R` for a yes/no interest item")
                    }
                    let role = d["role"].flatMap { r.nonEmptyString($0, what: "role") }
                    if let role, !["education", "abroad"].contains(role) {
                        r.error(d["role"], "role must be `education` or `abroad`", hint: "the role tells how the answer filters recommendations")
                    }
                    steps.append(FlowStep(id: sid, question: ask, choices: choices, scores: scores, role: role, also: also))
                }
            }
            if steps.isEmpty { r.error(item, "flow \(id) has no steps", hint: "add `steps:` with at least one step") }
            var letters: [String: Localized] = [:]
            if let l = f["letters"], let entries = r.mapping(l, what: "letters of flow \(id)", allowed: ["R", "I", "A", "S", "E", "C"]) {
                for e in entries { letters[e.key] = r.localized(e.value, what: "letter \(e.key)") }
            }
            kb.flows.append(FlowDefinition(
                id: id, startIntent: start, steps: steps,
                recommendFrom: f["recommend_from"].flatMap { r.nonEmptyString($0, what: "recommend_from") },
                intro: f["intro"].flatMap { r.localized($0, what: "intro of flow \(id)") },
                result: f["result"].flatMap { r.localized($0, what: "result of flow \(id)") },
                letters: letters,
                location: r.located(id, idNode)))
        }
    }
}
