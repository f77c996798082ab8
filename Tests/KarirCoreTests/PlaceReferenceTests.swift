import Testing
@testable import KarirCore

/// A message pointing at a place ("di sana", "there") after one that named a place is read as
/// naming it (``PlaceReference``).
@Suite struct PlaceReferenceTests {
    let engine = Fixture.engine

    func tokens(_ text: String) -> [Token] { engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens }

    @Test func theExistentialThereIsNoPlace() {
        let t = tokens("is there a blk there")
        #expect(t.indices.filter { PlaceReference.pointsAtPlace(t, at: $0) } == [4])
        #expect(!tokens("there are many jobs").indices.contains { PlaceReference.pointsAtPlace(tokens("there are many jobs"), at: $0) })
        let sana = tokens("gaji di sana berapa")
        #expect(PlaceReference.pointsAtPlace(sana, at: 2))
    }

    @Test func thePlaceWordsTakeTheRememberedPlacesName() {
        let values = engine.entityValues
        #expect(PlaceReference.resolved(tokens("gaji di sana berapa"), slots: ["city": "solo"], values: values) == "gaji di Solo berapa")
        // A message naming a place itself, or pointing at none, is left alone.
        #expect(PlaceReference.resolved(tokens("umr di sana berapa"), slots: [:], values: values) == nil)
        #expect(PlaceReference.resolved(tokens("umr bali berapa, kalau di sana"), slots: ["city": "solo"], values: values) == nil)
        #expect(PlaceReference.resolved(tokens("is there a blk"), slots: ["city": "solo"], values: values) == nil)
    }

    @Test func onlyASinglePlaceIsRemembered() {
        let values = engine.entityValues
        // The city, when the remembered province is the one it lies in; none when it is not.
        #expect(PlaceReference.rememberedPlace(slots: ["city": "solo", "province": "jawa_tengah"], values: values) == "Solo")
        #expect(PlaceReference.rememberedPlace(slots: ["city": "solo", "province": "bali"], values: values) == nil)
        #expect(PlaceReference.rememberedPlace(slots: ["province": "bali"], values: values) == "Bali")
        #expect(PlaceReference.rememberedPlace(slots: ["occupation": "welder"], values: values) == nil)
    }
}
