import DossierCore
import Testing

@Test func anArrayGivesBackTheRoomItGrewInto() {
    var grown: [Int] = []
    grown.reserveCapacity(1_000)
    grown += 0..<100
    grown.releaseSpareCapacity()
    #expect(grown == Array(0..<100))
    #expect(grown.capacity < 200, "capacity \(grown.capacity)")
}

@Test func anArrayWithLittleRoomToSpareKeepsItsStorage() {
    var full: [Int] = []
    full.reserveCapacity(100)
    full += 0..<95
    let before = full.withUnsafeBufferPointer { $0.baseAddress }
    full.releaseSpareCapacity()
    #expect(full == Array(0..<95))
    #expect(full.withUnsafeBufferPointer { $0.baseAddress } == before, "copied though a twentieth was spare")
}

@Test func anArrayOfReferencesMovesItsElementsIntoTheirRoom() {
    final class Box {
        let value: Int
        init(_ value: Int) { self.value = value }
    }
    var grown: [Box] = []
    grown.reserveCapacity(1_000)
    grown += (0..<100).map(Box.init)
    let identities = grown.map(ObjectIdentifier.init)
    weak let first = grown[0]
    grown.releaseSpareCapacity()
    #expect(grown.map(\.value) == Array(0..<100))
    #expect(grown.map(ObjectIdentifier.init) == identities)
    #expect(grown.capacity < 200, "capacity \(grown.capacity)")
    #expect((0..<grown.count).allSatisfy { isKnownUniquelyReferenced(&grown[$0]) }, "an element is held twice")
    grown = []
    #expect(first == nil, "an element outlived the array")
}
