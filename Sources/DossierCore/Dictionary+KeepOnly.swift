extension Dictionary {
    /// Removes the entries whose keys are not among `keys`, all of which
    /// the dictionary holds: a cache updated in place with the results of
    /// the current build forgets those of files that are gone. With no
    /// more entries than `keys` it holds nothing else, and nothing is hashed.
    public mutating func keepOnly(_ keys: [Key]) {
        guard count > keys.count else { return }
        let kept = Set(keys)
        self = filter { kept.contains($0.key) }
    }
}
