extension Array {
    /// Gives back the room an array grew into while it was built, when that
    /// is more than an eighth of its elements: for arrays each of thousands
    /// of articles keeps (its mentions, its figures), where growth by
    /// doubling leaves a quarter of the memory unused on average.
    ///
    /// The elements are moved into storage of their number, not copied, so
    /// nothing they hold is retained and released again (a mention holds
    /// five references). Inlinable, so that each module's arrays do this for
    /// their own element type rather than through the generic runtime.
    @inlinable public mutating func releaseSpareCapacity() {
        guard capacity > count + count / 8 else { return }
        var elements = self
        self = []  // `elements` now holds the only reference, so taking its elements moves them
        let count = elements.count
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in (0..<count).reversed() { (buffer.baseAddress! + index).initialize(to: elements.removeLast()) }
            initialized = count
        }
    }
}

extension Array where Element: BitwiseCopyable {
    /// ``Array/releaseSpareCapacity()`` for elements that hold no
    /// references: they are copied at once, as bytes.
    @inlinable public mutating func releaseSpareCapacity() {
        guard capacity > count + count / 8 else { return }
        let elements = self
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in  // a copy: `Array(self[...])` would share the storage
            initialized = buffer.initialize(fromContentsOf: elements)
        }
    }
}
