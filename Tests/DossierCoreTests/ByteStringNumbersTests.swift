import DossierCore
import Testing

@Test func byteStringsAreNumberedInTheOrderTheyAreAdded() {
    var numbers = ByteStringNumbers()
    #expect(numbers.add(ArraySlice("articles/a.html".utf8)) == (0, true))
    #expect(numbers.add(ArraySlice("".utf8)) == (1, true), "the empty string is a key like any other")
    #expect(numbers.add(ArraySlice("articles/a.html".utf8)) == (0, false), "a key added again keeps its number")
    #expect(numbers.add(ArraySlice("entities/isis/index.html".utf8)) == (2, true))
    #expect(numbers.count == 3)
    #expect(numbers.number(of: "articles/a.html") == 0)
    #expect(numbers.number(of: ArraySlice("xarticles/a.html".utf8).dropFirst()) == 0, "a slice is found by its bytes")
    #expect(numbers.number(of: "") == 1)
    #expect(numbers.number(of: "entities/isis/index.html") == 2)
    #expect(numbers.number(of: "articles/a.htm") == nil)
    #expect(numbers.number(of: "articles/a.html ") == nil)
}

@Test func slugsAreFoundAtTheirPositions() {
    let slugs = ["putin", "isis", "putin", "syria", "é-accent"]
    let positions = ByteStringNumbers(slugs)
    #expect(positions.count == slugs.count)
    #expect(positions.number(of: "putin") == 0, "a repeated slug is found at its first position")
    #expect(positions.number(of: "isis") == 1)
    #expect(positions.number(of: "syria") == 3, "positions after a repeat are not shifted")
    #expect(positions.number(of: "é-accent") == 4)
    #expect(positions.number(of: "assad") == nil)
}

/// Enough keys to grow the table many times, of every length around the
/// eight bytes the hash reads at a time, each found at its own number and
/// none found that was not added.
@Test func everyKeyIsFoundAfterTheTableGrows() {
    let keys = (0..<5_000).map { number in String(repeating: "x", count: number % 19) + "/\(number)" }
    var numbers = ByteStringNumbers(capacity: 1)
    for (number, key) in keys.enumerated() {
        #expect(numbers.add(ArraySlice(key.utf8)) == (number, true))
    }
    let misplaced = keys.indices.filter { numbers.number(of: keys[$0]) != $0 }
    #expect(misplaced.isEmpty)
    let absent = (5_000..<6_000).filter { numbers.number(of: "/\($0)") != nil }
    #expect(absent.isEmpty)
}
