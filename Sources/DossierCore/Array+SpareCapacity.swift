extension Array {
    /// Gives back the room an array grew into while it was built, when that
    /// is more than an eighth of its elements: for arrays each of thousands
    /// of articles keeps (its mentions, its figures), where growth by
    /// doubling leaves a quarter of the memory unused on average.
    public mutating func releaseSpareCapacity() {
        guard capacity > count + count / 8 else { return }
        let elements = self
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in  // a copy: `Array(self[...])` would share the storage
            initialized = buffer.initialize(fromContentsOf: elements)
        }
    }
}
