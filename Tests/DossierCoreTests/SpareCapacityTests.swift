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
