import DossierCore
import Testing

/// Both ways of mapping on every core give what `map` gives, in order,
/// whether there are fewer elements than runs or many runs of several.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 7, 1_000, 10_007])
    func concurrentMapKeepsOrder(count: Int) async {
        let numbers = Array(0..<count)
        #expect(await numbers.concurrentMap { $0 * 3 + 1 } == numbers.map { $0 * 3 + 1 })
    }

    @Test(arguments: [0, 1, 7, 1_000, 10_007])
    func concurrentMapWaitingKeepsOrder(count: Int) {
        let words = (0..<count).map { "word \($0)" }
        #expect(words.concurrentMapWaiting { $0.uppercased() } == words.map { $0.uppercased() })
    }
}
