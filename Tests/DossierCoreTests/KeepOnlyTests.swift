import DossierCore
import Testing

@Test func aDictionaryKeepsOnlyTheGivenKeys() {
    var cache = ["a": 1, "b": 2, "c": 3]
    cache.keepOnly(["a", "c"])
    #expect(cache == ["a": 1, "c": 3])
    cache.keepOnly(["a", "c"])
    #expect(cache == ["a": 1, "c": 3], "holding exactly the keys, it is left as it is")
    cache.keepOnly([])
    #expect(cache.isEmpty)
}
